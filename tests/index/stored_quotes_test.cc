// Quotes survive the index: stored with the article, and their speakers
// made terms a search can filter on.
#include <gtest/gtest.h>

#include <algorithm>

#include "index/document.h"
#include "index/schema.h"

namespace nsearch::index {
namespace {

Article WithQuotes() {
  Article a;
  a.id = "/bundle/a.txt";
  a.source.file = a.id;
  a.title = "Talks";
  a.paragraphs = {{1, ParagraphKind::kBody, "Lavrov said: \u201cNothing has changed.\u201d"},
                  {2, ParagraphKind::kBody, "\u201cWe wait,\u201d an aide said."}};
  const std::string& p1 = a.paragraphs[0].text;
  const std::string& p2 = a.paragraphs[1].text;
  a.quotes = {{"Sergei Lavrov", "Nothing has changed.", 1, p1.find("Nothing"), p1.find("\u201d")},
              {"", "We wait", 2, p2.find("We"), p2.find(",")}};
  return a;
}

TEST(StoredQuotesTest, RoundTrip) {
  const Article a = WithQuotes();
  const auto back = DecodeStoredArticle(EncodeStoredArticle(a));
  ASSERT_TRUE(back);
  ASSERT_EQ(back->quotes.size(), 2u);
  EXPECT_EQ(back->quotes[0].speaker, "Sergei Lavrov");
  EXPECT_EQ(back->quotes[0].text, "Nothing has changed.");
  EXPECT_EQ(back->quotes[0].paragraph, 1);
  EXPECT_EQ(back->quotes[1].speaker, "");
  EXPECT_EQ(back->quotes[1].text, "We wait");
}

TEST(StoredQuotesTest, DataWrittenBeforeQuotesStillReads) {
  Article a = WithQuotes();
  a.quotes.clear();
  std::string data = EncodeStoredArticle(a);
  data.pop_back();  // the quote count an older writer did not write
  const auto back = DecodeStoredArticle(data);
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->quotes.empty());
  EXPECT_EQ(back->paragraphs.size(), 2u);
}

TEST(StoredQuotesTest, QuoteOutsideItsParagraphIsCorrupt) {
  Article a = WithQuotes();
  a.quotes[0].end = 10000;
  EXPECT_FALSE(DecodeStoredArticle(EncodeStoredArticle(a)));
}

TEST(StoredQuotesTest, SpeakersAreTermsOfTheDocument) {
  const BuiltArticle built = BuildDocument(WithQuotes());
  std::vector<std::string> speakers;
  const std::string prefix(kPrefixQuoteSpeaker);
  for (auto t = built.doc.termlist_begin(); t != built.doc.termlist_end(); ++t)
    if ((*t).rfind(prefix, 0) == 0) speakers.push_back(*t);
  EXPECT_EQ(speakers, std::vector<std::string>{QuoteSpeakerTerm("Sergei Lavrov")});
  EXPECT_EQ(QuoteSpeakerTerm("Sergei Lavrov").rfind(QuoteSpeakerPrefix("lavrov"), 0), 0u);
}

}  // namespace
}  // namespace nsearch::index
