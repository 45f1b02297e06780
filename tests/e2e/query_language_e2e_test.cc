// End to end: the query language as readers type it, through the real
// binaries on the sample bundle plus a Cyrillic article written here —
// spellings of one name, wildcards, suggestions, other scripts, exclusions,
// counts, weird input, several indexes.
#include <gtest/gtest.h>

#include <set>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

constexpr char kCyrillicArticle[] =
    "Путин принял делегацию в Кремле\n\n"
    "Владимир Путин провёл переговоры с делегацией в Кремле во вторник. "
    "Стороны обсудили обмен пленными и поставки зерна.\n";

class E2eQueryLanguage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const std::string bundle = *dir_ / "bundle";
    fs::create_directories(bundle);
    for (const auto& entry : fs::directory_iterator(SampleBundle()))
      fs::copy(entry.path(), bundle + "/" + entry.path().filename().string());
    WriteFile(bundle + "/20-kremlin-ru.txt", kCyrillicArticle);
    index_ = *dir_ / "index";
    const RunResult r = RunBinary(IndexBin(), {"--index", index_, bundle});
    log_ = r.out + r.err;
    exit_ = r.exit_code;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { ASSERT_EQ(exit_, 0) << log_; }

  static RunResult Search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--index", index_});
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
  static std::set<std::string> Files(const json& response) {
    std::set<std::string> out;
    for (const auto& h : response.value("results", json::array()))
      out.insert(fs::path(h["path"].get<std::string>()).filename().string());
    return out;
  }

  static TempDir* dir_;
  static std::string index_, log_;
  static int exit_;
};
TempDir* E2eQueryLanguage::dir_ = nullptr;
std::string E2eQueryLanguage::index_, E2eQueryLanguage::log_;
int E2eQueryLanguage::exit_ = 0;

TEST_F(E2eQueryLanguage, KievFindsTheArticlesThatWriteKyivAndMarksKyiv) {
  const json kiev = Json({"Kiev"});
  EXPECT_TRUE(Files(kiev).count("01-istanbul-ceasefire-talks.txt")) << kiev.dump();  // writes Kyiv
  EXPECT_TRUE(Files(kiev).count("08-kiev-energy-strikes.txt"));                      // writes Kiev
  EXPECT_TRUE(MarkedWords(kiev).count("kyiv")) << kiev.dump();
  EXPECT_EQ(Files(kiev), Files(Json({"Kyiv"})));
  // Quoted, or with --exact: that spelling only.
  EXPECT_FALSE(Files(Json({"\"Kiev\""})).count("01-istanbul-ceasefire-talks.txt"));
  EXPECT_FALSE(Files(Json({"--exact", "Kiev"})).count("01-istanbul-ceasefire-talks.txt"));
}

TEST_F(E2eQueryLanguage, ZelenskyAndZelenskyyAreOneName) {
  const json a = Json({"Zelensky"}), b = Json({"Zelenskyy"});
  EXPECT_FALSE(Files(a).empty());
  EXPECT_EQ(Files(a), Files(b));
  EXPECT_TRUE(MarkedWords(a).count("zelenskyy")) << a.dump();
}

TEST_F(E2eQueryLanguage, TrailingWildcardFindsEveryForm) {
  const json r = Json({"negotiat*"});
  EXPECT_GE(Files(r).size(), 2u) << r.dump();
  std::set<std::string> forms;
  for (const auto& w : MarkedWords(r)) forms.insert(w.substr(0, 8));
  EXPECT_TRUE(forms.count("negotiat")) << r.dump();
  // Too short a prefix is a usage error that says so.
  const RunResult short_prefix = Search({"ne*"});
  EXPECT_EQ(short_prefix.exit_code, 2);
  EXPECT_TRUE(Contains(short_prefix.err, "too short")) << short_prefix.err;
}

TEST_F(E2eQueryLanguage, MisspeltNameIsCorrectedAndSaysSo) {
  const json r = Json({"Lavorv"});
  EXPECT_EQ(r.value("corrected_query", ""), "lavrov") << r.dump();
  EXPECT_TRUE(Files(r).count("09-lavrov-moscow-summit.txt"));
  const RunResult text = Search({"Lavorv"});
  EXPECT_TRUE(Contains(text.out, "showing results for lavrov")) << text.out;
  // A known word is not "corrected".
  EXPECT_FALSE(Json({"Lavrov"}).contains("suggestion"));
}

TEST_F(E2eQueryLanguage, OtherScriptsMeetTheirLatinSpelling) {
  EXPECT_TRUE(Files(Json({"\"Владимир Путин\""})).count("09-lavrov-moscow-summit.txt"));
  EXPECT_TRUE(Files(Json({"Putin"})).count("20-kremlin-ru.txt"));
}

TEST_F(E2eQueryLanguage, ExclusionsMeanWhatTheySay) {
  // A word after the first that starts with '-' is a query word.
  const RunResult r = Search({"ceasefire", "-Istanbul"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json without = Json({"ceasefire", "-Istanbul"});
  EXPECT_FALSE(Files(without).count("01-istanbul-ceasefire-talks.txt"));
  EXPECT_FALSE(Files(without).empty());
  // Exclusions alone: the articles without the word.
  const json only = Json({"--", "-Istanbul"});
  EXPECT_FALSE(Files(only).empty());
  for (const auto& h : only["results"]) EXPECT_FALSE(Contains(Lower(h["text"]), "istanbul"));
}

TEST_F(E2eQueryLanguage, OperatorsAloneFindNothing) {
  for (const char* q : {"AND", "OR NOT", "AND AND"}) {
    const RunResult r = Search({"--", q});
    EXPECT_EQ(r.exit_code, 1) << q << ": " << r.out;
    EXPECT_TRUE(Contains(r.err, "only operators")) << r.err;
  }
}

TEST_F(E2eQueryLanguage, CountsAreTrue) {
  const RunResult zero = Search({"--limit", "0", "ceasefire"});
  EXPECT_EQ(zero.exit_code, 0) << zero.err;
  EXPECT_FALSE(Contains(zero.err, "no results"));
  const RunResult past = Search({"--offset", "500", "ceasefire"});
  EXPECT_EQ(past.exit_code, 0) << past.err;
  EXPECT_TRUE(Contains(past.out, "matching article")) << past.out;
  const json all = Json({"ceasefire"});
  EXPECT_TRUE(all.value("total_exact", false));
  EXPECT_EQ(all["total"].get<int>(), static_cast<int>(all["results"].size()));
  const RunResult blank = Search({"   "});
  EXPECT_EQ(blank.exit_code, 2);
  EXPECT_TRUE(Contains(blank.err, "no query given")) << blank.err;
}

TEST_F(E2eQueryLanguage, WeirdInputNeverFails) {
  const std::string huge(10000, 'x');
  std::string words;
  for (int i = 0; i < 1500; ++i) words += "w" + std::to_string(i) + " ";
  for (const std::string& q :
       {std::string("*"), std::string("\"ceasefire"), std::string("((ceasefire"), huge, words,
        std::string("cease\x01"
                    "fire\x7f"),
        std::string("\xff\xfe ceasefire \xc3"), std::string("NEAR/3"), std::string("title:"),
        std::string("person:")}) {
    const RunResult r = Search({"--", q});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1)
        << "exit " << r.exit_code << " for " << q.substr(0, 40) << ": " << r.err;
    EXPECT_LE(NonEmptyLines(r.err).size(), 2u) << r.err;
  }
}

TEST_F(E2eQueryLanguage, ExplainGivesThePartsOfTheScore) {
  const json r = Json({"--explain", "ceasefire", "Istanbul"});
  ASSERT_FALSE(r["results"].empty());
  const json& e = r["results"][0]["explain"];
  EXPECT_GT(e["article_bm25"].get<double>(), 0);
  EXPECT_GT(e["passage_bm25"].get<double>(), 0);
  EXPECT_GE(e["matching_passages"].get<int>(), 1);
  const RunResult text = Search({"--explain", "ceasefire", "Istanbul"});
  EXPECT_TRUE(Contains(text.out, "article BM25")) << text.out;
}

TEST(E2eSeveralIndexes, AnArticleInTwoIndexesShowsOnce) {
  TempDir dir;
  const std::string a = dir / "a", b = dir / "b";
  ASSERT_EQ(RunBinary(IndexBin(), {"--index", a, SampleBundle()}).exit_code, 0);
  ASSERT_EQ(RunBinary(IndexBin(), {"--index", b, SampleBundle()}).exit_code, 0);
  auto both = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--json", "--index", a, "--index", b});
    std::string error;
    json j = ParseOne(RunBinary(SearchBin(), args).out, &error);
    EXPECT_TRUE(error.empty()) << error;
    return j;
  };
  auto one = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--json", "--index", a});
    std::string error;
    return ParseOne(RunBinary(SearchBin(), args).out, &error);
  };
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"ceasefire"}, {"--person", "Lavrov"}, {"--since", "2000"}, {"--facets", "talks"}}) {
    const json x = both(args), y = one(args);
    EXPECT_EQ(x["results"].size(), y["results"].size()) << args[0];
    if (x.contains("facets")) EXPECT_EQ(x["facets"], y["facets"]);
  }
  EXPECT_EQ(both({"--list", "person"})["entities"], one({"--list", "person"})["entities"]);
}

}  // namespace
}  // namespace nsearch::e2e
