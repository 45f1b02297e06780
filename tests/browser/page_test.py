"""The search page in a real (headless) browser: type a query, click a
facet and its chip, expand passages, follow a timeline bar, open an
article and a person page, by mouse and by keyboard, on a wide and a narrow
window. Screenshots go to OUT_DIR.

usage: page_test.py BIN_DIR SOURCE_DIR OUT_DIR [suite]
suites: page (the newsroom fixture), hostile (articles made of markup),
seeds (the acceptance checks on ../shared/seeds, skipped without it)."""

import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402  (skips cleanly without chromium)

BIN_DIR, SOURCE_DIR, OUT_DIR = sys.argv[1:4]
SUITE = sys.argv[4] if len(sys.argv) > 4 else "page"
DESK = "tests/fixtures/newsroom/harbour-desk.jsonl"


def js_list(b, expr):
    return b.evaluate(f"Array.from({expr}).map((e) => e.textContent.trim())")


def hits(b):
    return js_list(b, "document.querySelectorAll('.hit-title a')")


def marks(b, scope="main"):
    return js_list(b, f"document.querySelectorAll('{scope} mark')")


def query_of(b):
    return b.evaluate("Object.fromEntries(new URLSearchParams(location.search).entries())")


def facet(type_, name):
    return ("Array.from(document.querySelectorAll('.facet[data-type=%s] a.facet-link'))"
            ".find((a) => a.querySelector('.facet-name').textContent === %s)"
            % (type_, json.dumps(name)))


# ---- the newsroom fixture ----------------------------------------------------

def test_type_a_query_by_keyboard(ctx):
    b = ctx.browser
    b.navigate(ctx.desk)
    b.key("/", "Slash", "/", 191)
    assert b.evaluate("document.activeElement.id") == "q", "/ focuses the search box"
    b.type_text("harbour strike")
    b.press_and_wait()
    assert query_of(b).get("q") == "harbour strike", query_of(b)
    found = hits(b)
    assert len(found) >= 5, found
    words = {m.lower() for m in marks(b, ".passage")}
    assert words <= {"harbour", "strike"} and words == {"harbour", "strike"}, words
    assert b.evaluate("document.getElementById('q').value") == "harbour strike"
    ctx.shot("results.png")


def test_facet_and_chip(ctx):
    b = ctx.browser
    b.navigate(ctx.desk + "?q=harbour+strike")
    before = len(hits(b))
    b.click(element=facet("person", "Ruth Calder"), expect_navigation=True)
    assert query_of(b).get("person") == "Ruth Calder", query_of(b)
    after = hits(b)
    assert 0 < len(after) < before, (before, after)
    chip = b.evaluate("document.querySelector('.chip').textContent")
    assert "Ruth Calder" in chip, chip
    active = js_list(b, "document.querySelectorAll('.facet li.active .facet-name')")
    assert active == ["Ruth Calder"], active
    b.click(".chip", expect_navigation=True)
    assert "person" not in query_of(b)
    assert len(hits(b)) == before


def test_more_passages_expand_in_place(ctx):
    b = ctx.browser
    b.navigate(ctx.desk + "?q=cold+store")
    button = "document.querySelector('button.more')"
    assert b.evaluate(button + " !== null"), "a hit with more passages"
    url = b.evaluate("location.href")
    b.click(element=button)
    b.wait_for(button + ".getAttribute('aria-expanded') === 'true'")
    shown = js_list(b, "document.querySelectorAll('.more-passages:not([hidden]) .more-passage')")
    assert shown, "the other passages are shown"
    assert all("cold" in s or "store" in s for s in shown), shown
    assert marks(b, ".more-passages"), "their matches are marked"
    assert b.evaluate("location.href") == url, "in place: no navigation"
    b.click(element=button)
    b.wait_for("document.querySelector('.more-passages').hidden")


def test_open_an_article(ctx):
    b = ctx.browser
    b.navigate(ctx.desk + "?q=overtime+pay")
    title = hits(b)[0]
    b.click(".hit-title a", expect_navigation=True)
    assert b.evaluate("location.pathname") == "/article"
    assert "id" in query_of(b) and not query_of(b)["id"].startswith("/etc")
    assert b.evaluate("document.querySelector('.article h1').textContent") == title
    assert {m.lower() for m in marks(b, ".article-body")} >= {"overtime", "pay"}
    grey = js_list(b, "document.querySelectorAll('.greyed .para')")
    assert any("newsletter" in g or "cookies" in g for g in grey), grey
    # Greyed means grey: the boilerplate's colour is not the body's.
    colours = b.evaluate("[getComputedStyle(document.querySelector('.greyed .para')).color,"
                         " getComputedStyle(document.querySelector('.article-body > p')).color]")
    assert colours[0] != colours[1], colours
    people = js_list(b, ".entities .facet[data-type=person] .facet-name".join(
        ["document.querySelectorAll('", "')"]))
    assert "Tomas Reyes" in people, people
    ctx.shot("article.png")


def test_timeline_bar_filters(ctx):
    b = ctx.browser
    b.navigate(ctx.desk + "?q=harbour")
    bars = b.evaluate("Array.from(document.querySelectorAll('.timeline a.bar'))"
                      ".map((a) => a.dataset.period)")
    assert len(bars) >= 4, bars
    assert b.evaluate("document.querySelector('.timeline-title').textContent").endswith("month")
    period = bars[1]
    b.click(element="document.querySelector('.timeline a.bar[data-period=\"%s\"]')" % period,
            expect_navigation=True)
    q = query_of(b)
    assert q.get("since") == period and q.get("until") == period, q
    dates = js_list(b, "document.querySelectorAll('.hit-meta time')")
    assert dates, "dated hits"
    # A month's timeline is drawn per day.
    assert b.evaluate("document.querySelector('.timeline-title').textContent").endswith("day")
    assert b.evaluate("document.querySelector('.timeline-reset') !== null")


def test_person_page(ctx):
    b = ctx.browser
    b.navigate(ctx.desk + "?q=strike")
    b.click(element=facet("person", "Tomas Reyes") + ".parentElement.querySelector('.facet-page')",
            expect_navigation=True)
    assert b.evaluate("location.pathname") == "/person/Tomas%20Reyes"
    assert b.evaluate("document.querySelector('h1').textContent") == "Tomas Reyes"
    assert len(hits(b)) >= 4
    assert b.evaluate("document.querySelectorAll('.timeline a.bar').length") >= 3
    with_people = js_list(b, "document.querySelectorAll('.with .facet[data-type=person] a')")
    assert "Henrik Solberg" in with_people, with_people
    assert marks(b, ".hits"), "his mentions are marked"
    ctx.shot("person.png")


def test_keyboard_alone_opens_an_article(ctx):
    b = ctx.browser
    b.navigate(ctx.desk + "?q=cold+store")
    first = b.evaluate("document.querySelector('.hit-title a').href")
    for _ in range(80):
        b.key("Tab", "Tab", "", 9)
        if b.evaluate("document.activeElement.href || ''") == first:
            break
    else:
        raise AssertionError("Tab never reached the first result")
    b.press_and_wait()
    assert b.evaluate("location.pathname") == "/article"


def test_url_holds_the_state(ctx):
    b = ctx.browser
    url = ctx.desk + "?q=strike&person=Lena+Okafor&since=2024-02&sort=oldest&page=1"
    b.navigate(url)
    assert b.evaluate("document.getElementById('q').value") == "strike"
    assert b.evaluate("document.getElementById('since').value") == "2024-02"
    assert b.evaluate("document.getElementById('sort').value") == "oldest"
    dates = b.evaluate("Array.from(document.querySelectorAll('.hit-meta time'))"
                       ".map((t) => t.getAttribute('datetime'))")
    assert dates == sorted(dates) and all(d >= "2024-02" for d in dates), dates


def test_paging(ctx):
    b = ctx.browser
    b.navigate(ctx.desk + "?q=harbour+OR+council+OR+strike")
    first = hits(b)
    assert len(first) == 10, first
    assert b.evaluate("document.querySelector('.page-of').textContent") == "Page 1 of 2"
    b.click(".pager a[rel=next]", expect_navigation=True)
    assert query_of(b).get("page") == "2"
    second = hits(b)
    assert len(second) == 1 and second[0] not in first, second
    assert b.evaluate("document.querySelector('ol.hits').start") == 11
    b.click(".pager a[rel=prev]", expect_navigation=True)
    assert hits(b) == first


def test_spelling_suggestion_is_a_link(ctx):
    b = ctx.browser
    b.navigate(ctx.desk + "?q=harbuor")
    notice = b.evaluate("document.querySelector('.notice').textContent")
    assert "Showing results for" in notice and "harbour" in notice, notice
    assert hits(b), "the correction's results"
    b.navigate(ctx.desk + "?q=strke+harbour")
    link = "document.querySelector('.notice.suggestion a')"
    assert b.evaluate(link + ".textContent") == "strike harbour"
    b.click(element=link, expect_navigation=True)
    assert query_of(b).get("q") == "strike harbour"


def test_narrow_window(ctx):
    b = ctx.browser
    b.send("Emulation.setDeviceMetricsOverride", width=400, height=800, deviceScaleFactor=1,
           mobile=True)
    try:
        b.navigate(ctx.desk + "?q=harbour+strike")
        width = b.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, f"the page is {width}px wide on a 400px window"
        # Nothing overlaps: the sidebar comes below the results.
        main, side = b.evaluate("['main', 'aside'].map((s) => { const r = document"
                                ".querySelector(s).getBoundingClientRect(); return [r.top, r.bottom]; })")
        assert side[0] >= main[1], (main, side)
        ctx.shot("narrow.png")
    finally:
        b.send("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1,
               mobile=False)


def page_suite(ctx):
    # A copy, so that the paths on the screenshots say nothing of this checkout.
    bundle = os.path.join(ctx.tmp, "bundles")
    os.makedirs(bundle)
    shutil.copy(os.path.join(SOURCE_DIR, DESK), bundle)
    ctx.desk = ctx.serve(ctx.index("desk", bundle))
    return [test_type_a_query_by_keyboard, test_facet_and_chip, test_more_passages_expand_in_place,
            test_open_an_article, test_timeline_bar_filters, test_person_page,
            test_keyboard_alone_opens_an_article, test_url_holds_the_state,
            test_paging, test_spelling_suggestion_is_a_link, test_narrow_window]


def main():
    ctx = harness.Context(BIN_DIR, OUT_DIR)
    try:
        if SUITE == "page":
            tests = page_suite(ctx)
        else:
            import suites  # hostile and seeds
            tests = getattr(suites, SUITE + "_suite")(ctx, SOURCE_DIR)
    except BaseException:  # a skip or a broken set-up: no browser left behind
        ctx.close()
        raise
    return harness.run(ctx, tests)


if __name__ == "__main__":
    sys.exit(main())
