// Stemming in each article's language: the forms a reader types meet the
// forms an article wrote, as the index spells them (folded).
#include <gtest/gtest.h>

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
