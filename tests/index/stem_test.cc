// Stemming in each article's language: the forms a reader types meet the
// forms an article wrote, as the index spells them (folded).
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "index/document.h"
#include "text/normalize.h"

namespace nsearch::index {
namespace {

std::string S(std::string_view word, std::string_view code) {
  return Stem(text::Fold(word), code, word);
}

TEST(StemTest, InflectedFormsMeet) {
  EXPECT_EQ(S("Verhandlungen", "de"), S("Verhandlung", "de"));
  EXPECT_EQ(S("Gespräche", "de"), S("Gespräch", "de"));
  EXPECT_EQ(S("journaux", "fr"), S("journal", "fr"));
  EXPECT_EQ(S("négociations", "fr"), S("négociation", "fr"));
  EXPECT_EQ(S("negociaciones", "es"), S("negociación", "es"));
  EXPECT_EQ(S("negociações", "pt"), S("negociação", "pt"));
  EXPECT_EQ(S("переговорах", "ru"), S("переговоры", "ru"));
  EXPECT_EQ(S("нового", "ru"), S("новый", "ru"));
  EXPECT_EQ(S("accordi", "it"), S("accordo", "it"));
}

TEST(StemTest, ManyWordsKeepTheirOwnStemsThroughTheCache) {
  // More distinct words than the thread's cache has room for, twice over
  // in two orders: each keeps the stem Snowball gives it, whatever word
  // had its slot before.
  Xapian::Stem english("english"), german("german");
  std::vector<std::string> words;
  for (int i = 0; i < 40000; ++i) {
    std::string w;
    for (int n = i; n > 0 || w.empty(); n /= 26) w += static_cast<char>('a' + n % 26);
    words.push_back(w + (i % 3 == 0 ? "ings" : i % 3 == 1 ? "ed" : "ations"));
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string& w = words[pass == 0 ? k : words.size() - 1 - k];
      ASSERT_EQ(Stem(w), english(w)) << w;
      ASSERT_EQ(Stem(w, "de"), text::Fold(german(w))) << w;
    }
  }
}

TEST(StemTest, EnglishIsTheDefaultAndUnchanged) {
  EXPECT_EQ(Stem("negotiations"), "negoti");
  EXPECT_EQ(Stem("negotiations", "en"), "negoti");
  // English rules know nothing of German plurals.
  EXPECT_NE(S("Verhandlungen", "en"), S("Verhandlung", "en"));
}

TEST(StemTest, ElisionsDrop) {
  EXPECT_EQ(S("l'accord", "fr"), S("accord", "fr"));
  EXPECT_EQ(S("d'armateurs", "fr"), S("armateurs", "fr"));
  EXPECT_EQ(S("dell'inverno", "it"), S("inverno", "it"));
  // Not in English: "o'brien" stays one word.
  EXPECT_EQ(Stem("o'brien", "en"), "o'brien");
}

TEST(StemTest, RussianIsStemmedFromTheWrittenWord) {
  // Fold writes Cyrillic in Latin letters; the stem is taken before.
  EXPECT_EQ(S("переговорах", "ru"), "peregovor");
  EXPECT_EQ(S("Переговоры", "ru"), "peregovor");
  // Without the written word there is nothing the Russian stemmer can read.
  EXPECT_EQ(Stem(text::Fold("переговорах"), "ru"), text::Fold("переговорах"));
}

TEST(StemTest, UkrainianAndUnknownCodesStayUnstemmed) {
  EXPECT_EQ(S("перемовини", "uk"), text::Fold("перемовини"));
  EXPECT_EQ(S("перемовинах", "uk"), text::Fold("перемовинах"));
  EXPECT_EQ(Stem("verhandlungen", "xx"), "verhandlungen");
}

TEST(StemTest, StemsInSeveralLanguagesAreDistinct) {
  const auto stems = StemsIn("verhandlungen", {"en", "de", "uk", "fr"});
  EXPECT_NE(std::find(stems.begin(), stems.end(), "verhandlungen"), stems.end());
  EXPECT_NE(std::find(stems.begin(), stems.end(), Stem("verhandlungen", "de")), stems.end());
  std::vector<std::string> sorted = stems;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end());
}

}  // namespace
}  // namespace nsearch::index
