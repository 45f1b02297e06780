#include "segment/segmenter.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace nsearch::segment {
namespace {

Article Build(std::string text) {
  ingest::RawArticle raw;
  raw.id = "test.txt";
  raw.text = std::move(text);
  return BuildArticle(std::move(raw));
}

TEST(SplitParagraphsTest, BlankLinesSeparateParagraphs) {
  auto p = SplitParagraphs("One para.\n\nTwo para.\r\n\r\n\n Three  para. \n");
  EXPECT_EQ(p, (std::vector<std::string>{"One para.", "Two para.", "Three para."}));
}

TEST(SplitParagraphsTest, HardWrappedLinesJoin) {
  auto p = SplitParagraphs(
      "Negotiators from both delegations met on Tuesday in a hotel on the\n"
      "Bosphorus and agreed to continue talking about the exchange of\n"
      "prisoners next week.\n"
      "\n"
      "A second paragraph follows here.\n");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0],
            "Negotiators from both delegations met on Tuesday in a hotel on the Bosphorus and "
            "agreed to continue talking about the exchange of prisoners next week.");
}

TEST(SplitParagraphsTest, OneParagraphPerLineStaysApart) {
  auto p = SplitParagraphs(
      "The first paragraph is a long line of text that says a good many things about the talks "
      "and goes on well past any terminal width.\n"
      "The second one is also long and also goes on for quite a while, well past eighty "
      "characters, as scraped articles do.\n"
      "Short third.\n");
  EXPECT_EQ(p.size(), 3u);
}

TEST(SplitParagraphsTest, ShortUiLinesInOneBlockStayApart) {
  auto p = SplitParagraphs("Share\nTweet\nEmail\n");
  EXPECT_EQ(p.size(), 3u);
}

TEST(BuildArticleTest, TitleHeadingsAndOrdinals) {
  Article a = Build(
      "Talks Resume in Istanbul\n\n"
      "Delegations met again on Monday to discuss a ceasefire and an exchange of prisoners.\n\n"
      "Kremlin Hesitation\n\n"
      "Moscow said it was in no hurry, and officials played down any talk of a summit soon.\n");
  EXPECT_EQ(a.title, "Talks Resume in Istanbul");
  EXPECT_FALSE(a.title_derived);
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[0].n, 1);
  EXPECT_EQ(a.paragraphs[0].kind, ParagraphKind::kBody);
  EXPECT_EQ(a.paragraphs[1].kind, ParagraphKind::kHeading);
  EXPECT_EQ(a.paragraphs[1].text, "Kremlin Hesitation");
  EXPECT_EQ(a.paragraphs[2].n, 3);
}

TEST(BuildArticleTest, LogoAndCreditAreNotTitles) {
  Article a = Build(
      "NewsWireLogo\n\nPhoto by Jane Doe/Getty Images\n\nGrain Ships Leave Odesa\n\n"
      "Three ships left the port on Friday under a deal brokered in Istanbul.\n");
  EXPECT_EQ(a.title, "Grain Ships Leave Odesa");
  ASSERT_GE(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[0].kind, ParagraphKind::kCredit);
  EXPECT_EQ(a.paragraphs[1].kind, ParagraphKind::kCredit);
}

TEST(LooksLikeLogoOrCreditTest, PhotoSourceLines) {
  EXPECT_TRUE(LooksLikeLogoOrCredit("jason martin's flickr"));
  EXPECT_TRUE(LooksLikeLogoOrCredit("scoboco\u2019s flickr"));
  EXPECT_TRUE(LooksLikeLogoOrCredit("Kellen Winslow (AP)"));
  EXPECT_TRUE(LooksLikeLogoOrCredit("(tonyz20 / shutterstock)"));
  EXPECT_TRUE(LooksLikeLogoOrCredit("Photo by Jane Doe/Getty Images"));
  // Sentences about these services are body text.
  EXPECT_FALSE(LooksLikeLogoOrCredit("The photos were posted to Flickr."));
  EXPECT_FALSE(LooksLikeLogoOrCredit("Yahoo said it would sell Flickr to SmugMug next month"));
  EXPECT_FALSE(LooksLikeLogoOrCredit("The wire service said the talks ended (AP)."));
}

TEST(BuildArticleTest, NoTitleLineDerivesOneFromFirstSentence) {
  Article a = Build(
      "The foreign ministers of both countries met in Ankara on Thursday for four hours. They "
      "agreed on little beyond a date for the next round.\n\nA second paragraph.\n");
  EXPECT_TRUE(a.title_derived);
  EXPECT_EQ(a.title,
            "The foreign ministers of both countries met in Ankara on Thursday for four hours.");
  ASSERT_EQ(a.paragraphs.size(), 2u);  // the first paragraph stays a paragraph
  EXPECT_EQ(a.paragraphs[0].n, 1);
}

TEST(BuildArticleTest, OneLineBriefIsTitleAndParagraph) {
  Article a = Build("Explosion reported near the central railway station in Kharkiv.\n");
  EXPECT_EQ(a.title, "Explosion reported near the central railway station in Kharkiv.");
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_EQ(a.paragraphs[0].text, a.title);
  a = Build("NewsWireLogo\n\nGrain Ships Leave Odesa\n");
  EXPECT_EQ(a.title, "Grain Ships Leave Odesa");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[1].text, "Grain Ships Leave Odesa");
}

TEST(BuildArticleTest, StructuredTitleIsTakenAsGiven) {
  ingest::RawArticle raw;
  raw.id = "dump.jsonl:3";
  raw.title = "Given  Title";
  raw.text = "Body one.\n\nBody two.";
  Article a = BuildArticle(std::move(raw));
  EXPECT_EQ(a.title, "Given Title");
  EXPECT_EQ(a.paragraphs.size(), 2u);
}

Article BuildMarkdown(std::string text) {
  ingest::RawArticle raw;
  raw.id = "notes.md";
  raw.text = std::move(text);
  raw.markdown = true;
  return BuildArticle(std::move(raw));
}

TEST(BuildArticleTest, MarkdownTitleAndHeadingsLoseTheirMarks) {
  Article a = BuildMarkdown(
      "# Museum reopens after roof repairs\n"
      "The city museum reopened on Sunday after two years of work on its roof and galleries.\n\n"
      "## What visitors will see ##\n\n"
      "Three new rooms show the port's history, and the cafe is open again from Monday.\n\n"
      "#harbour is trending, and a line of its own is not a heading.\n");
  EXPECT_EQ(a.title, "Museum reopens after roof repairs");
  ASSERT_EQ(a.paragraphs.size(), 4u);
  EXPECT_TRUE(a.paragraphs[0].text.starts_with("The city museum")) << "its own paragraph";
  EXPECT_EQ(a.paragraphs[1].text, "What visitors will see");
  EXPECT_EQ(a.paragraphs[1].kind, ParagraphKind::kHeading);
  EXPECT_EQ(a.paragraphs[3].text, "#harbour is trending, and a line of its own is not a heading.");
}

TEST(BuildArticleTest, HashMarksInPlainTextAreLeftAlone) {
  Article a = Build("# Museum reopens after roof repairs\n\nThe museum reopened on Sunday.\n");
  EXPECT_EQ(a.title, "# Museum reopens after roof repairs") << "not Markdown: left as written";
}

TEST(AtxHeadingTextTest, MarksAndClosingRuns) {
  std::string_view t;
  EXPECT_TRUE(AtxHeadingText("###### Six", &t));
  EXPECT_EQ(t, "Six");
  EXPECT_TRUE(AtxHeadingText("# Title #", &t));
  EXPECT_EQ(t, "Title");
  EXPECT_TRUE(AtxHeadingText("# C# in use", &t));
  EXPECT_EQ(t, "C# in use");
  EXPECT_FALSE(AtxHeadingText("####### Seven", &t));
  EXPECT_FALSE(AtxHeadingText("#tag", &t));
  EXPECT_FALSE(AtxHeadingText("#", &t));
  EXPECT_FALSE(AtxHeadingText("## ##", &t));
}

TEST(SplitOversizedTest, GiantParagraphIsCutAtWordBoundaries) {
  std::string giant;
  for (int i = 0; i < 10000; ++i) giant += "word" + std::to_string(i) + " ";
  Article a = Build("Title Of It\n\n" + giant);
  ASSERT_GT(a.paragraphs.size(), 3u);
  size_t total_words = 0;
  for (const auto& p : a.paragraphs) {
    EXPECT_LE(p.text.size(), kMaxParagraphBytes);
    EXPECT_TRUE(p.text.starts_with("word"));  // never cut inside a word
    total_words += std::count(p.text.begin(), p.text.end(), ' ') + 1;
  }
  EXPECT_EQ(total_words, 10000u);
}

TEST(SplitOversizedTest, NoSpacesCutsOnCharacterBoundaries) {
  std::vector<std::string> paras{std::string(10, 'a') + std::string(30, '\xc3')};
  std::string s;
  for (int i = 0; i < 20; ++i) s += "\u00fc";  // 2-byte characters, no spaces
  paras = {s};
  SplitOversized(&paras, 7);
  for (const auto& p : paras) EXPECT_EQ(p.size() % 2, 0u);
  EXPECT_GT(paras.size(), 5u);
}

TEST(StripSiteSuffixTest, DropsShortSiteNames) {
  EXPECT_EQ(StripSiteSuffix("Talks stall again as winter nears \u2013 We Got This Covered"),
            "Talks stall again as winter nears");
  EXPECT_EQ(StripSiteSuffix("Putin\u2013Zelensky meeting delayed"),
            "Putin\u2013Zelensky meeting delayed");
  EXPECT_EQ(StripSiteSuffix("Ceasefire talks resume | Reuters"), "Ceasefire talks resume");
  // A two-word headline keeps its tail: too little left to be sure.
  EXPECT_EQ(StripSiteSuffix("Talks stall - Reuters"), "Talks stall - Reuters");
}

TEST(FirstSentenceTest, AbbreviationsDoNotEndSentences) {
  EXPECT_EQ(FirstSentence("The U.S. envoy met A.R. Rahman in Kyiv today. Then he left."),
            "The U.S. envoy met A.R. Rahman in Kyiv today.");
  std::string long_sentence(300, 'a');
  for (size_t i = 5; i < long_sentence.size(); i += 6) long_sentence[i] = ' ';
  std::string cut = FirstSentence(long_sentence, 50);
  EXPECT_LE(cut.size(), 53u);
  EXPECT_TRUE(cut.ends_with("\u2026"));
}

}  // namespace
}  // namespace nsearch::segment
