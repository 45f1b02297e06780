#include "ingest/html.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "ingest_test_util.h"

namespace nsearch::ingest {
namespace {

std::vector<std::string> Texts(const RawArticle& a) {
  std::vector<std::string> out;
  for (const Block& b : a.blocks) out.push_back((b.heading ? "## " : "") + b.text);
  return out;
}

constexpr char kPage[] = R"(<!doctype html>
<html><head>
<title>Bridge reopens | City Times</title>
<meta property="og:title" content="Bridge reopens after repairs">
<meta property="article:published_time" content="2024-05-06T08:30:00Z">
<meta name="author" content="Ana Lima">
<meta property="og:url" content="https://example.com/bridge">
<script>var tracking = "do not index me";</script>
<style>p { color: red }</style>
</head><body>
<header><a href="/">City Times</a><nav><ul><li>Home</li><li>Sport</li></ul></nav></header>
<div class="sidebar"><aside><p>Most read: cats</p></aside></div>
<article>
  <header><h1>Bridge  reopens
   after repairs</h1><time datetime="2024-05-05">May 5</time></header>
  <p>The old <b>river bridge</b> reopened on Monday after   two years.</p>
  <h2>Traffic</h2>
  <p>Drivers can cross again.<br>Cyclists too.</p>
  <ul><li>Lane one</li><li>Lane two</li></ul>
  <blockquote>"It is a good day," said the mayor.</blockquote>
  <form><p>Sign up for our newsletter</p></form>
  <noscript><p>Enable JavaScript</p></noscript>
  <p hidden>hidden text</p>
</article>
<footer><p>Copyright City Times</p></footer>
</body></html>)";

TEST(HtmlTest, ExtractsArticleTextOnly) {
  RawArticle a;
  ParseHtml(kPage, &a);
  EXPECT_EQ(a.title, "Bridge reopens after repairs");
  EXPECT_EQ(Texts(a), (std::vector<std::string>{
                          "The old river bridge reopened on Monday after two years.",
                          "## Traffic",
                          "Drivers can cross again. Cyclists too.",
                          "Lane one",
                          "Lane two",
                          "\"It is a good day,\" said the mayor.",
                      }));
  for (const char* junk : {"tracking", "color", "Most read", "Home", "newsletter", "JavaScript",
                           "hidden text", "Copyright"}) {
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk;
  }
}

TEST(HtmlTest, MetadataFromMetaTags) {
  RawArticle a;
  ParseHtml(kPage, &a);
  EXPECT_EQ(a.date, "2024-05-06T08:30:00Z");
  EXPECT_EQ(a.author, "Ana Lima");
  EXPECT_EQ(a.url, "https://example.com/bridge");
}

TEST(HtmlTest, TitleFallsBackToTitleElementAndDateToTimeElement) {
  RawArticle a;
  ParseHtml(
      "<html><head><title>Storm hits coast</title></head><body><main>"
      "<p>Winds of 120 km/h. <time datetime=\"2020-01-02T10:00:00+02:00\">Jan 2</time></p>"
      "</main></body></html>",
      &a);
  EXPECT_EQ(a.title, "Storm hits coast");
  EXPECT_EQ(a.date, "2020-01-02T10:00:00+02:00");
  ASSERT_EQ(a.blocks.size(), 1u);
  EXPECT_EQ(a.blocks[0].text, "Winds of 120 km/h. Jan 2");
}

TEST(HtmlTest, MainPreferredOverBodyAndLargestArticleChosen) {
  RawArticle a;
  ParseHtml(
      "<body><div>Site menu text</div><main>"
      "<article><p>Related: short teaser</p></article>"
      "<article><h1>Real story</h1><p>First long paragraph of the real story.</p>"
      "<p>Second paragraph.</p></article></main><div>Footer junk</div></body>",
      &a);
  EXPECT_EQ(a.title, "Real story");
  EXPECT_EQ(Texts(a), (std::vector<std::string>{"First long paragraph of the real story.",
                                                "Second paragraph."}));
}

TEST(HtmlTest, BareTextInDivsAndDoubleBreaksMakeParagraphs) {
  RawArticle a;
  ParseHtml("<body><div>First part.<br><br>Second part.</div><div>Third &amp; last.</div></body>",
            &a);
  EXPECT_EQ(Texts(a), (std::vector<std::string>{"First part.", "Second part.", "Third & last."}));
}

TEST(HtmlTest, BrokenMarkupStillParses) {
  RawArticle a;
  ParseHtml("<p>Unclosed <b>bold <p>next <table><tr><td>cell</div></span>", &a);
  EXPECT_EQ(Texts(a), (std::vector<std::string>{"Unclosed bold", "next", "cell"}));
}

TEST(HtmlTest, DeepNestingDoesNotExhaustTheStack) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<span>";
  deep += "deep text";
  RawArticle a;
  ParseHtml("<p>Top paragraph.</p>" + deep, &a);
  ASSERT_FALSE(a.blocks.empty());
  EXPECT_EQ(a.blocks[0].text, "Top paragraph.");
}

// gumbo is quadratic in nesting depth: without the depth cut this page takes
// hours. The text before the pathological part is kept.
TEST(HtmlTest, PathologicalNestingIsCutNotParsedForHours) {
  for (const char* tag : {"<div>", "<b>", "<table><tr><td>"}) {
    std::string page =
        "<html><body><script>var s = '<div><div><div>';</script><SCRIPT>x</SCRIPT>"
        "<p>Real text.</p>";
    for (int i = 0; i < 300000; ++i) page += tag;
    page += "tail";
    auto start = std::chrono::steady_clock::now();
    RawArticle a;
    ParseHtml(page, &a);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3)) << tag;
    ASSERT_FALSE(a.blocks.empty()) << tag;
    EXPECT_EQ(a.blocks[0].text, "Real text.") << tag;
  }
}

TEST(HtmlTest, DeclaredCharset) {
  EXPECT_EQ(DeclaredCharset("<meta charset=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(DeclaredCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                            "charset=windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(DeclaredCharset("<p>no charset</p>"), "");
}

TEST(HtmlTest, Latin1PageWithMetaCharsetDecodesThroughParseBuffer) {
  testing::Recorder rec;
  ParseBuffer("page.html",
              "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xE9</title></head>"
              "<body><p>Cr\xE8me br\xFBl\xE9"
              "e \x93quoted\x94.</p></body></html>",
              IngestOptions{}, rec);
  ASSERT_EQ(rec.articles.size(), 1u) << rec.SkipsText();
  EXPECT_EQ(rec.articles[0].title, "Café");
  ASSERT_EQ(rec.articles[0].blocks.size(), 1u);
  EXPECT_EQ(rec.articles[0].blocks[0].text, "Crème brûlée “quoted”.");
  EXPECT_EQ(rec.articles[0].source.encoding, "windows-1252");
}

TEST(HtmlTest, PageWithoutTextIsSkippedAsEmpty) {
  testing::Recorder rec;
  ParseBuffer("blank.html", "<html><head><script>x()</script></head><body></body></html>",
              IngestOptions{}, rec);
  EXPECT_TRUE(rec.articles.empty());
  ASSERT_NE(rec.SkipIn(skip::kEmpty), nullptr);
  EXPECT_EQ(rec.SkipIn(skip::kEmpty)->where, "blank.html");
}

}  // namespace
}  // namespace nsearch::ingest
