// End to end: articles in English, German, French, Spanish, Italian, Russian
// and Ukrainian (tests/fixtures/languages, written for these tests) through
// the real binaries: each gets its language in the dry run and in results,
// --lang keeps one language, and a query word finds another form of itself
// in an article of any language the index holds.
#include <gtest/gtest.h>

#include <set>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

std::string LanguageBundle() { return NSEARCH_FIXTURES "/languages"; }

class E2eLanguages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    index_ = *dir_ / "index";
    const RunResult r = RunBinary(IndexBin(), {"--index", index_, LanguageBundle()});
    log_ = r.out + r.err;
    exit_ = r.exit_code;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { ASSERT_EQ(exit_, 0) << log_; }

  static RunResult Search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--index", index_, "--color", "never"});
    return RunBinary(SearchBin(), args);
  }
  static json Json(std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    const RunResult r = Search(args);
    std::string error;
    json j = ParseOne(r.out, &error);
    EXPECT_TRUE(error.empty()) << error << " " << r.err;
    return j.is_object() ? j : json::object();
  }
  static std::vector<std::string> Files(const json& response) {
    std::vector<std::string> out;
    for (const auto& h : response.value("results", json::array()))
      out.push_back(fs::path(h["path"].get<std::string>()).filename().string());
    return out;
  }

  static TempDir* dir_;
  static std::string index_;
  static std::string log_;
  static int exit_;
};

TempDir* E2eLanguages::dir_ = nullptr;
std::string E2eLanguages::index_;
std::string E2eLanguages::log_;
int E2eLanguages::exit_ = -1;

TEST_F(E2eLanguages, DryRunSaysEachArticlesLanguage) {
  const RunResult r = RunBinary(IndexBin(), {"--dry-run", "--json", LanguageBundle()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto by_file = DryRunByFileName(r.out);
  const std::map<std::string, std::string> expected = {
      {"en_harbour.txt", "en"},
      {"de_hafen.txt", "de"},
      {"fr_port.txt", "fr"},
      {"es_puerto.txt", "es"},
      {"it_porto.txt", "it"},
      {"ru_port.txt", "ru"},
      {"uk_port.txt", "uk"},
      // Three German words are too few to tell: English, the default.
      {"short_note.txt", "en"}};
  ASSERT_EQ(by_file.size(), expected.size()) << r.out;
  for (const auto& [file, code] : expected) {
    ASSERT_TRUE(by_file.count(file)) << file;
    EXPECT_EQ(by_file.at(file).value("lang", ""), code) << file;
  }
}

TEST_F(E2eLanguages, AWordFindsItsOtherFormsInEachLanguage) {
  struct Case {
    const char* query;
    const char* file;
    const char* marked;  // the form the article wrote, lower-cased
  };
  const Case cases[] = {
      {"Verhandlungen", "de_hafen.txt", "verhandlung"},   // plural -> singular
      {"journaux", "fr_port.txt", "journal"},             // French plural in -aux
      {"negociaciones", "es_puerto.txt", "negociación"},  // -ciones -> -ción
      {"переговорах", "ru_port.txt", "переговоры"},       // prepositional -> nominative
      {"accordo", "it_porto.txt", "accordo"},
      {"negotiation", "en_harbour.txt", "negotiations"}};  // English as always
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    const json j = Json({c.query});
    ASSERT_FALSE(Files(j).empty()) << j.dump();
    // Found by stemming, not by a spelling correction of the query.
    EXPECT_FALSE(j.contains("corrected_query")) << j.dump();
    EXPECT_FALSE(j.contains("suggestion")) << j.dump();
    EXPECT_EQ(Files(Json({"--exact", c.query})), Files(j));
    EXPECT_EQ(Files(j)[0], c.file);
    EXPECT_TRUE(MarkedWords(j).count(c.marked)) << j.dump();
  }
}

TEST_F(E2eLanguages, UkrainianMatchesItsWordsAsWritten) {
  // No Ukrainian stemmer: the exact word finds the article and is marked.
  const json j = Json({"перемовини"});
  ASSERT_EQ(Files(j), std::vector<std::string>{"uk_port.txt"}) << j.dump();
  EXPECT_TRUE(MarkedWords(j).count("перемовини"));
  EXPECT_EQ(j["results"][0].value("lang", ""), "uk");
  // Another case form is another word (--exact: not even a spelling
  // suggestion); a wildcard finds every form.
  EXPECT_TRUE(Files(Json({"--exact", "перемовинах"})).empty());
  EXPECT_EQ(Files(Json({"перемовин*"})), std::vector<std::string>{"uk_port.txt"});
}

TEST_F(E2eLanguages, EnglishStemmingDoesNotLeakIntoOtherLanguages) {
  // The English article's "negotiations" is not found by a German form,
  // and the German article is not found by English rules: each article
  // meets the query stemmed its own way.
  const json j = Json({"Verhandlungen"});
  EXPECT_EQ(Files(j), std::vector<std::string>{"de_hafen.txt"});
  // An exclusion applies in every language.
  EXPECT_TRUE(Files(Json({"Verhandlungen", "-Reederei"})).empty());
}

TEST_F(E2eLanguages, LangFilterKeepsOneLanguage) {
  // "port" is a word of the English, French and Italian articles (titles).
  const json all = Json({"port", "OR", "porto", "OR", "Hafen"});
  EXPECT_GE(Files(all).size(), 3u) << all.dump();
  const json fr = Json({"--lang", "fr", "port", "OR", "porto", "OR", "Hafen"});
  EXPECT_EQ(Files(fr), std::vector<std::string>{"fr_port.txt"}) << fr.dump();
  for (const auto& h : fr["results"]) EXPECT_EQ(h.value("lang", ""), "fr");
  // With no query: every article in that language.
  const json ru = Json({"--lang", "ru"});
  EXPECT_EQ(Files(ru), std::vector<std::string>{"ru_port.txt"}) << ru.dump();
  // A language the index lacks: no results, not an error.
  const RunResult none = Search({"--lang", "sv", "port"});
  EXPECT_EQ(none.exit_code, 1) << none.out << none.err;
}

TEST_F(E2eLanguages, UnknownLanguageIsAUsageError) {
  const RunResult r = Search({"--lang", "xx", "port"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err, "--lang")) << r.err;
  EXPECT_TRUE(Contains(r.err, "de")) << r.err;  // lists the codes it takes
}

TEST_F(E2eLanguages, TerminalShowsLanguageOnlyWhenNotEnglish) {
  const RunResult de = Search({"Verhandlungen"});
  ASSERT_EQ(de.exit_code, 0) << de.err;
  EXPECT_TRUE(Contains(de.out, "[de]")) << de.out;
  const RunResult en = Search({"negotiations"});
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_FALSE(Contains(en.out, "[en]")) << en.out;
  EXPECT_TRUE(Contains(Json({"negotiations"})["results"][0].dump(), "\"lang\":\"en\""));
}

TEST(E2eOneLanguage, HitsOfAOneLanguageIndexSayItsLanguage) {
  // An index whose articles are all German: every hit is German, in the
  // terminal and in JSON, as in an index of several languages.
  TempDir dir;
  const std::string index = dir / "index";
  const RunResult r = RunBinary(
      IndexBin(), {"--index", index, std::string(NSEARCH_FIXTURES) + "/languages/de_hafen.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const RunResult text =
      RunBinary(SearchBin(), {"--index", index, "--color", "never", "Verhandlung"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(Contains(text.out, "[de]")) << text.out;
  const RunResult j = RunBinary(SearchBin(), {"--index", index, "--json", "Verhandlung"});
  std::string error;
  const json response = ParseOne(j.out, &error);
  ASSERT_TRUE(error.empty()) << error << " " << j.err;
  ASSERT_FALSE(response["results"].empty()) << j.out;
  for (const auto& h : response["results"]) EXPECT_EQ(h.value("lang", ""), "de");
}

}  // namespace
}  // namespace nsearch::e2e
