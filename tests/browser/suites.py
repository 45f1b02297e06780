"""The hostile-article suite (articles made of markup: nothing they hold may
run) and the acceptance checks on the seeds (../shared/seeds beside the
repository: skipped, and says so, without them)."""

import json
import os
import shutil

from harness import skip

HOOK = """
window.__ran = [];
for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = (m) => { window.__ran.push(f + ':' + m); };
document.addEventListener('securitypolicyviolation', (e) => window.__ran.push('csp:' + e.violatedDirective));
"""


def text_of(b, selector):
    return b.evaluate("Array.from(document.querySelectorAll(%s)).map((e) => e.textContent)"
                      % json.dumps(selector))


def assert_nothing_ran(b):
    b.drain()
    assert not b.dialogs, f"a dialog opened: {b.dialogs}"
    ran = b.evaluate("window.__ran")
    assert ran == [], f"script from an article ran: {ran}"
    injected = b.evaluate(
        "document.querySelectorAll('main img, main iframe, main object, main embed, main svg *[onload],"
        " [onerror], [onload], [onmouseover], main script, aside script,"
        " a[href^=\"javascript:\" i]').length")
    assert injected == 0, f"{injected} elements came from article text"


def write_hostile(directory):
    os.makedirs(directory)
    with open(os.path.join(directory, "hostile.txt"), "w") as f:
        f.write("<script>alert(1)</script>\n\n"
                "The harbour council met on Tuesday. <img src=x onerror=alert(1)> was pasted into"
                " the minutes by a prankster.\n\n"
                "Mayor Lena Okafor said the <svg onload=alert(2)> harbour vote would wait.\n")
    with open(os.path.join(directory, "x<img src=y onerror=alert(7)>.txt"), "w") as f:
        f.write("Harbour pilots\n\nHarbour pilots met in a file whose name is markup.\n")
    record = {"id": "h1", "title": "\"><script>alert(3)</script>",
              "text": ["Harbour pilots <iframe src=javascript:alert(4)></iframe> walked out at dawn,"
                       " said Tomas Reyes.", "The harbour reopened <b onmouseover=alert(5)>later</b>."],
              "date": "2024-03-02", "author": "<b onmouseover=alert(5)>Mallory</b>",
              "url": "javascript:alert(6)"}
    with open(os.path.join(directory, "hostile.jsonl"), "w") as f:
        f.write(json.dumps(record) + "\n")
    # A wire story and an outlet's copy of it whose file name is markup: one
    # result, the copy named in its note.
    wire = ("The harbour authority said on Monday that dredging of the eastern channel would"
            " begin in the spring, after two years of delays caused by a dispute over where"
            " the silt should be dumped. Fishing crews welcomed the news but asked for the"
            " work to pause during the herring season.")
    with open(os.path.join(directory, "wire-dredging.txt"), "w") as f:
        f.write("Harbour dredging to begin in spring\n\n" + wire + "\n")
    with open(os.path.join(directory, "copy<img src=z onerror=alert(10)>.txt"), "w") as f:
        f.write("Dredging date set\n\n" + wire + "\n")


def hostile_suite(ctx, source_dir):
    bundle = os.path.join(ctx.tmp, "hostile")
    write_hostile(bundle)
    base = ctx.serve(ctx.index("hostile-index", bundle))
    ctx.browser.send("Page.addScriptToEvaluateOnNewDocument", source=HOOK)

    def test_results_show_markup_as_text(ctx):
        b = ctx.browser
        b.navigate(base + "?q=harbour")
        titles = text_of(b, ".hit-title a")
        assert "<script>alert(1)</script>" in titles, titles
        assert "\"><script>alert(3)</script>" in titles, titles
        passages = " ".join(text_of(b, ".passage"))
        assert "<svg onload=alert(2)>" in passages, passages
        paths = " ".join(text_of(b, ".path"))
        assert "x<img src=y onerror=alert(7)>.txt" in paths, paths
        authors = text_of(b, ".author")
        assert "By <b onmouseover=alert(5)>Mallory</b>" in authors, authors
        notes = text_of(b, ".hit-note.copies")
        assert len(notes) == 1 and notes[0].startswith("1 near-identical copy: "), notes
        assert ("copy<img src=z onerror=alert(10)>.txt" in notes[0]
                or "wire-dredging.txt" in notes[0]), notes
        assert_nothing_ran(b)
        ctx.shot("hostile.png")

    def test_article_view_and_more_passages(ctx):
        b = ctx.browser
        bodies = []
        for n in range(len(text_of(b, ".hit-title a")) or 3):
            b.navigate(base + "?q=harbour")
            for button in range(b.evaluate("document.querySelectorAll('button.more').length")):
                b.click(element="document.querySelectorAll('button.more')[%d]" % button)
                b.wait_for("document.querySelectorAll('button.more')[%d]"
                           ".getAttribute('aria-expanded') === 'true'" % button)
            assert_nothing_ran(b)
            b.click(element="document.querySelectorAll('.hit-title a')[%d]" % n,
                    expect_navigation=True)
            assert b.evaluate("location.pathname") == "/article"
            bodies.append(" ".join(text_of(b, ".article-body .para")))
            assert_nothing_ran(b)
        everything = " ".join(bodies)
        for markup in ("<img src=x onerror=alert(1)>", "<iframe src=javascript:alert(4)></iframe>",
                       "<b onmouseover=alert(5)>later</b>"):
            assert markup in everything, (markup, bodies)
        # The javascript: URL of the JSONL record is shown as text, not a link.
        b.navigate(base + "article?id=" + json.dumps(os.path.join(bundle, "hostile.jsonl:h1"))[1:-1])
        assert "javascript:alert(6)" in " ".join(text_of(b, ".article-meta .path"))
        assert_nothing_ran(b)

    def test_names_and_queries_made_of_markup(ctx):
        b = ctx.browser
        b.navigate(base + "person/%3Cscript%3Ealert(8)%3C%2Fscript%3E")
        assert text_of(b, "h1") == ["<script>alert(8)</script>"], text_of(b, "h1")
        assert text_of(b, ".notice.error"), "says nobody has that name"
        assert_nothing_ran(b)
        b.navigate(base + "?q=%3Cimg+src%3Dx+onerror%3Dalert(9)%3E+harbour")
        assert b.evaluate("document.getElementById('q').value") == "<img src=x onerror=alert(9)> harbour"
        assert "<img src=x onerror=alert(9)> harbour" in " ".join(text_of(b, ".status-count q"))
        assert_nothing_ran(b)

    return [test_results_show_markup_as_text, test_article_view_and_more_passages,
            test_names_and_queries_made_of_markup]


def seeds_suite(ctx, source_dir):
    seeds = os.path.normpath(os.path.join(source_dir, "..", "shared", "seeds"))
    if not os.path.isdir(seeds):
        ctx.close()
        skip(f"no seeds at {seeds}: the acceptance checks on them")
    base = ctx.serve(ctx.index("seeds-index", seeds))

    def first_hit_marks(b):
        return b.evaluate("Array.from(document.querySelectorAll('.hit')[0]"
                          ".querySelectorAll('.passage mark')).map((m) => m.textContent)")

    def test_istanbul_paragraph_first_with_both_words_marked(ctx):
        b = ctx.browser
        b.navigate(base + "?q=ceasefire+Istanbul")
        passage = text_of(b, ".hit .passage")[0]
        assert "Istanbul" in passage and "ceasefire" in passage, passage
        assert {m.lower() for m in first_hit_marks(b)} == {"ceasefire", "istanbul"}, first_hit_marks(b)
        ctx.shot("seeds-results.png")

    def test_lavrov_facet_leaves_his_article(ctx):
        b = ctx.browser
        b.navigate(base + "?q=ceasefire+Istanbul")
        assert len(text_of(b, ".hit")) > 1
        lavrov = ("Array.from(document.querySelectorAll('.facet[data-type=person] a.facet-link'))"
                  ".find((a) => a.querySelector('.facet-name').textContent === 'Sergei Lavrov')")
        if not b.evaluate(lavrov + ".offsetParent !== null"):  # behind "N more"
            b.click(".facet[data-type=person] .facet-more")
        b.click(element="Array.from(document.querySelectorAll('.facet[data-type=person] a.facet-link'))"
                ".find((a) => a.querySelector('.facet-name').textContent === 'Sergei Lavrov')",
                expect_navigation=True)
        paths = text_of(b, ".hit .path")
        assert len(paths) == 1, paths
        b.click(".hit-title a", expect_navigation=True)
        people = text_of(b, ".entities .facet[data-type=person] .facet-name")
        assert "Sergei Lavrov" in people, people

    def test_article_greys_cookie_notice_and_comment_form(ctx):
        b = ctx.browser
        b.navigate(base + "?q=ceasefire+Istanbul")
        b.click(".hit-title a", expect_navigation=True)
        kinds = b.evaluate(
            "Array.from(document.querySelectorAll('.article-body .para')).map((p) => ["
            " p.textContent, p.dataset.kind, Boolean(p.closest('.greyed')),"
            " getComputedStyle(p).color])")
        body_colour = next(c for t, k, g, c in kinds if k == "body")
        cookie = [x for x in kinds if "cookies" in x[0].lower()]
        form = [x for x in kinds if "coment" in x[0].lower() or "resposta" in x[0].lower()]
        assert cookie and form, kinds
        for text, kind, greyed, colour in cookie + form:
            assert kind == "boilerplate" and greyed and colour != body_colour, (text, kind, colour)
        ctx.shot("seeds-article.png")

    return [test_istanbul_paragraph_first_with_both_words_marked, test_lavrov_facet_leaves_his_article,
            test_article_greys_cookie_notice_and_comment_form]
