// Language detection on short articles written for these tests (one per
// language, tests/fixtures/languages), and the stop words of each language.
#include "text/language.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "text/normalize.h"
#include "text/stopwords.h"

namespace nsearch::text {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(NSEARCH_FIXTURES) + "/languages/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The fixture as an article: the first line its title, the rest paragraphs.
Article FixtureArticle(const std::string& name, ParagraphKind kind = ParagraphKind::kBody) {
  std::istringstream in(Fixture(name));
  Article a;
  std::getline(in, a.title);
  int n = 0;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) a.paragraphs.push_back({++n, kind, line});
  return a;
}

TEST(LanguageTest, DetectsEachSampleArticle) {
  const std::pair<const char*, const char*> samples[] = {
      {"en_harbour.txt", "en"}, {"de_hafen.txt", "de"}, {"fr_port.txt", "fr"},
      {"es_puerto.txt", "es"},  {"it_porto.txt", "it"}, {"ru_port.txt", "ru"},
      {"uk_port.txt", "uk"}};
  for (const auto& [file, code] : samples) {
    SCOPED_TRACE(file);
    const Detection d = DetectLanguage(Fixture(file));
    EXPECT_EQ(d.code, code);
    EXPECT_TRUE(d.reliable);
    EXPECT_GE(d.percent, kMinDetectPercent);
    EXPECT_EQ(ArticleLanguage(FixtureArticle(file)), code);
  }
}

TEST(LanguageTest, ShortTextStaysEnglish) {
  // CLD2 may well guess German here; a guess is not enough.
  EXPECT_EQ(DetectLanguage("Hafen heute geschlossen.").code, "en");
  EXPECT_EQ(ArticleLanguage(FixtureArticle("short_note.txt")), "en");
  EXPECT_EQ(DetectLanguage("").code, "en");
  EXPECT_EQ(DetectLanguage("12345 67 890").code, "en");
}

TEST(LanguageTest, EnglishWithALongForeignPassageStaysEnglish) {
  // An English report ending with a long Italian quotation: Italian may be
  // the larger part, but a good share is English.
  const std::string text =
      "The harbour union said on Tuesday that talks with the port owners would resume next "
      "week, after a month in which cargo ships waited outside the breakwater for days. Both "
      "sides want an agreement before the winter storms make the night shifts longer. "
      "Il sindacato dei portuali ha annunciato martedì che il confronto con gli armatori "
      "riprenderà la settimana prossima, dopo un mese in cui le navi da carico hanno atteso "
      "per giorni davanti alla diga. Le due parti vogliono un accordo prima delle tempeste "
      "dell'inverno, quando i turni di notte diventano più lunghi e pericolosi.";
  const Detection d = DetectLanguage(text);
  EXPECT_EQ(d.code, "en") << d.detected << " " << d.percent;
}

TEST(LanguageTest, LanguagesOutsideTheTableAreEnglish) {
  // Polish: detected, but nsearch has no stemmer or stop words for it.
  const Detection d = DetectLanguage(
      "Związkowcy z portu poinformowali we wtorek, że rozmowy z armatorami zostaną wznowione w "
      "przyszłym tygodniu, po miesiącu, w którym statki towarowe czekały całymi dniami przed "
      "falochronem. Obie strony chcą porozumienia przed zimowymi sztormami.");
  EXPECT_EQ(d.detected, "pl");
  EXPECT_EQ(d.code, "en");
}

TEST(LanguageTest, BoilerplateDoesNotDecide) {
  // An English story whose long comment form is Portuguese: detection reads
  // the body, not the boilerplate.
  Article a = FixtureArticle("en_harbour.txt");
  for (int i = 0; i < 6; ++i)
    a.paragraphs.push_back({100 + i, ParagraphKind::kBoilerplate,
                            "Por favor, digite seu comentário aqui. Você precisa digitar seu "
                            "nome e o seu endereço de e-mail para publicar o comentário."});
  EXPECT_EQ(ArticleLanguage(a), "en");
}

TEST(LanguageTest, InvalidUtf8IsNoError) {
  std::string text = Fixture("de_hafen.txt");
  text.insert(20, "\xff\xfe");
  const Detection d = DetectLanguage(text);
  EXPECT_FALSE(d.code.empty());
}

TEST(LanguageTest, TableKnowsItsCodes) {
  ASSERT_NE(FindLanguage("de"), nullptr);
  EXPECT_EQ(FindLanguage("de")->stemmer, "german");
  EXPECT_EQ(FindLanguage("uk")->stemmer, "none");
  EXPECT_EQ(FindLanguage("xx"), nullptr);
  EXPECT_EQ(FindLanguage(""), nullptr);
  EXPECT_EQ(Languages().front().code, "en");
  EXPECT_NE(LanguageCodes().find("ru"), std::string::npos);
}

TEST(StopWordsTest, EachLanguageHasItsOwn) {
  EXPECT_TRUE(IsStopWord("the", "en"));
  EXPECT_TRUE(IsStopWord("der", "de"));
  EXPECT_FALSE(IsStopWord("der", "en"));
  EXPECT_TRUE(IsStopWord(Fold("über"), "de"));  // folded as the index spells it
  EXPECT_TRUE(IsStopWord("les", "fr"));
  EXPECT_TRUE(IsStopWord(Fold("también"), "es"));
  EXPECT_TRUE(IsStopWord(Fold("что"), "ru"));
  EXPECT_TRUE(IsStopWord(Fold("також"), "uk"));
  EXPECT_FALSE(IsStopWord("verhandlung", "de"));
  EXPECT_FALSE(IsStopWord("och", "sv"));  // no list: nothing is a stop word
}

}  // namespace
}  // namespace nsearch::text
