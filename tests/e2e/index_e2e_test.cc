// End to end: what nsearch-index does to the sample bundle, seen from outside
// (its summary, --dry-run --json, the index it leaves, and searches on it).
#include <gtest/gtest.h>
#include <xapian.h>

#include <regex>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

const int kArticles = SampleArticleCount();  // the stories and README.md
constexpr int kStories = 12;                 // the .txt files

// The article counts in nsearch-index's summary line, or -1 when missing.
struct Summary {
  long articles = -1, added = -1, updated = -1, unchanged = -1, removed = -1;
};

Summary ParseSummary(const std::string& log) {
  static const std::regex kLine(
      R"((\d+) articles \((\d+) new, (\d+) updated, (\d+) unchanged, (\d+) removed(?:, \d+ revised)?\))");
  Summary s;
  std::smatch m;
  if (std::regex_search(log, m, kLine)) {
    s.articles = std::stol(m[1]);
    s.added = std::stol(m[2]);
    s.updated = std::stol(m[3]);
    s.unchanged = std::stol(m[4]);
    s.removed = std::stol(m[5]);
  }
  return s;
}

long DocCount(const std::string& index) {
  try {
    return static_cast<long>(Xapian::Database(index).get_doccount());
  } catch (const Xapian::Error& e) {
    ADD_FAILURE() << "cannot open " << index << ": " << e.get_description();
    return -1;
  }
}

json SearchJson(const std::string& index, const std::vector<std::string>& words) {
  std::vector<std::string> args = {"--index", index, "--json", "--limit", "100"};
  args.insert(args.end(), words.begin(), words.end());
  const RunResult r = RunBinary(SearchBin(), args);
  std::string error;
  json j = ParseOne(r.out, &error);
  EXPECT_TRUE(error.empty()) << error << "\n" << r.err;
  return j.is_object() ? j : json{{"total", -1}, {"results", json::array()}};
}

void CopyBundle(const std::string& to) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(SampleBundle()))
    if (e.path().extension() == ".txt") fs::copy_file(e.path(), fs::path(to) / e.path().filename());
}

// The dry run of the sample bundle, shared by the tests that only read it.
class E2eIndexDryRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const std::string would_be_index = *dir_ / "index";
    result_ = new RunResult(
        RunBinary(IndexBin(), {"--index", would_be_index, "--dry-run", "--json", SampleBundle()}));
    wrote_index_ = fs::exists(would_be_index);
    articles_ = new std::map<std::string, json>(DryRunByFileName(result_->out));
  }
  static void TearDownTestSuite() {
    delete articles_;
    delete result_;
    delete dir_;
  }
  void SetUp() override { ASSERT_EQ(result_->exit_code, 0) << result_->err; }

  static const json& Article(const std::string& name) {
    static const json kMissing = {{"title", ""}, {"paragraphs", json::array()}};
    EXPECT_TRUE(articles_->count(name)) << name << " missing from the dry run";
    return articles_->count(name) ? articles_->at(name) : kMissing;
  }

  static TempDir* dir_;
  static RunResult* result_;
  static bool wrote_index_;
  static std::map<std::string, json>* articles_;
};

TempDir* E2eIndexDryRun::dir_ = nullptr;
RunResult* E2eIndexDryRun::result_ = nullptr;
bool E2eIndexDryRun::wrote_index_ = false;
std::map<std::string, json>* E2eIndexDryRun::articles_ = nullptr;

TEST_F(E2eIndexDryRun, PrintsOneJsonObjectPerArticlePerLineAndWritesNothing) {
  EXPECT_FALSE(wrote_index_) << "--dry-run must not create the index";
  const auto lines = NonEmptyLines(result_->out);
  ASSERT_EQ(lines.size(), static_cast<size_t>(kArticles)) << result_->out;
  std::set<std::string> names;
  for (const auto& line : lines) {
    const json j = json::parse(line, nullptr, false);
    ASSERT_TRUE(j.is_object()) << "not a JSON object: " << line;
    ASSERT_TRUE(j.contains("path") && j["path"].is_string()) << line;
    ASSERT_TRUE(j.contains("title") && j["title"].is_string()) << line;
    ASSERT_TRUE(j.contains("paragraphs") && j["paragraphs"].is_array()) << line;
    names.insert(fs::path(j["path"].get<std::string>()).filename().string());
    int last_n = 0;
    if (EndsWith(j["path"], ".txt")) EXPECT_GE(j["paragraphs"].size(), 4u) << j["path"];
    for (const auto& p : j["paragraphs"]) {
      ASSERT_TRUE(p["n"].is_number_integer()) << p.dump();
      EXPECT_GT(p["n"].get<int>(), last_n) << "ordinals rise: " << j["path"];
      last_n = p["n"];
      const std::string kind = p["kind"];
      EXPECT_TRUE(kind == "body" || kind == "heading" || kind == "caption" || kind == "credit" ||
                  kind == "boilerplate")
          << kind;
      ASSERT_TRUE(p["text"].is_string());
      EXPECT_FALSE(p["text"].get<std::string>().empty());
      EXPECT_FALSE(Contains(p["text"], "\n"));
    }
    EXPECT_EQ(j["paragraphs"][0]["n"], 1) << "paragraphs are numbered from 1: " << j["path"];
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(kArticles));
}

TEST_F(E2eIndexDryRun, TitlesAreTheHeadlines) {
  for (const auto& e : fs::directory_iterator(SampleBundle())) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() != ".txt" || name.starts_with("07-") || name.starts_with("08-"))
      continue;
    const std::string text = ReadFile(e.path().string());
    const std::string headline = text.substr(0, text.find('\n'));
    EXPECT_EQ(Article(name)["title"], headline) << name;
  }
}

TEST_F(E2eIndexDryRun, HardWrappedArticleComesOutAsWholeParagraphs) {
  const std::string name = "06-nato-security-guarantees.txt";
  const std::string file = ReadFile(SampleBundle() + "/" + name);
  // What a reader sees: each blank-line block is one paragraph.
  std::vector<std::string> expected;
  std::string block;
  std::stringstream ss(file);
  std::string line;
  while (std::getline(ss, line)) {
    if (line.empty()) {
      if (!block.empty()) expected.push_back(block);
      block.clear();
    } else {
      block += (block.empty() ? "" : " ") + line;
    }
  }
  if (!block.empty()) expected.push_back(block);

  std::vector<std::string> got;
  for (const auto& p : Article(name)["paragraphs"]) got.push_back(p["text"]);
  int long_blocks = 0;
  for (const auto& want : expected) {
    if (want.size() < 100) continue;  // the title and "Source link"
    ++long_blocks;
    EXPECT_NE(std::find(got.begin(), got.end(), want), got.end()) << "missing whole paragraph:\n"
                                                                  << want << "\ngot:\n"
                                                                  << Article(name).dump(2);
  }
  EXPECT_EQ(long_blocks, 5);
}

TEST_F(E2eIndexDryRun, ArticleWithoutTitleLineGetsDerivedTitle) {
  const json& a = Article("08-kiev-energy-strikes.txt");
  const std::string title = a["title"];
  EXPECT_TRUE(title.starts_with("Russian missiles and drones struck")) << title;
  EXPECT_LT(CodePointStarts(title).size(), 220u) << "a title, not the whole paragraph: " << title;
  EXPECT_EQ(a.value("title_derived", false), true) << a.dump(2);
  // The first paragraph is still there to be searched.
  ASSERT_FALSE(a["paragraphs"].empty());
  const json& first = a["paragraphs"][0];
  EXPECT_EQ(first["kind"], "body");
  EXPECT_TRUE(first["text"].get<std::string>().starts_with("Russian missiles and drones struck"));
  EXPECT_TRUE(Contains(first["text"], "water pumping stations.")) << first.dump();
}

TEST_F(E2eIndexDryRun, LogoLineIsNotTheTitle) {
  const json& a = Article("07-odesa-grain-ships.txt");
  EXPECT_EQ(a["title"], "Grain ships leave Odesa despite overnight drone attack on the port");
  for (const auto& p : a["paragraphs"]) {
    if (p["text"] == "NewsWireLogo") EXPECT_NE(p["kind"], "body") << "the logo is not body text";
  }
}

TEST_F(E2eIndexDryRun, SectionHeadingsAreHeadings) {
  auto kind_of = [](const json& a, const std::string& text) -> std::string {
    for (const auto& p : a["paragraphs"])
      if (p["text"] == text) return p["kind"];
    return "<missing>";
  };
  const json& sanctions = Article("05-eu-sanctions-package.txt");
  EXPECT_EQ(kind_of(sanctions, "What the package covers"), "heading");
  EXPECT_EQ(kind_of(sanctions, "Divisions inside the bloc"), "heading");
  const json& analysis = Article("12-what-a-ceasefire-needs.txt");
  EXPECT_EQ(kind_of(analysis, "Monitoring the line"), "heading");
  EXPECT_EQ(kind_of(analysis, "Sanctions and frozen assets"), "heading");
}

TEST_F(E2eIndexDryRun, PhotoCreditsAreNotBody) {
  const json& a = Article("01-istanbul-ceasefire-talks.txt");
  bool seen = false;
  for (const auto& p : a["paragraphs"]) {
    if (p["text"] != "Photo by Selin Aydemir/Reuters") continue;
    seen = true;
    EXPECT_EQ(p["kind"], "credit");
  }
  EXPECT_TRUE(seen) << a.dump(2);
}

// Each indexing test writes its own index (and bundle copy) in a temp dir.
class E2eIndex : public ::testing::Test {
 protected:
  RunResult Index(const std::string& bundle) {
    return RunBinary(IndexBin(), {"--index", index_, bundle});
  }
  TempDir dir_;
  std::string index_ = dir_ / "index";
};

TEST_F(E2eIndex, ReindexingTheSameBundleKeepsTheSameDocuments) {
  const RunResult first = Index(SampleBundle());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const Summary s1 = ParseSummary(first.err);
  EXPECT_EQ(s1.articles, kArticles) << first.err;
  EXPECT_EQ(s1.added, kArticles) << first.err;
  const long docs = DocCount(index_);
  EXPECT_EQ(docs, kArticles);  // one document per article
  const json before = ContractView(SearchJson(index_, {"ceasefire OR grain OR sanctions OR Kiev"}));

  const RunResult second = Index(SampleBundle());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const Summary s2 = ParseSummary(second.err);
  EXPECT_EQ(s2.articles, kArticles) << second.err;
  EXPECT_EQ(s2.added, 0) << second.err;
  EXPECT_EQ(s2.updated, 0) << second.err;
  EXPECT_EQ(s2.unchanged, kArticles) << second.err;
  EXPECT_EQ(DocCount(index_), docs);
  EXPECT_EQ(ContractView(SearchJson(index_, {"ceasefire OR grain OR sanctions OR Kiev"})), before);
}

TEST_F(E2eIndex, ChangedFileIsUpdatedNotDuplicated) {
  const std::string bundle = dir_ / "bundle";
  CopyBundle(bundle);
  ASSERT_EQ(Index(bundle).exit_code, 0);
  const long docs = DocCount(index_);
  const json before = SearchJson(index_, {"prisoner"});

  const std::string file = bundle + "/02-prisoner-exchange.txt";
  std::string text = ReadFile(file);
  const size_t at = text.find("390 prisoners");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 3, "412");
  WriteFile(file, text);

  const RunResult again = Index(bundle);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const Summary s = ParseSummary(again.err);
  EXPECT_EQ(s.updated, 1) << again.err;
  EXPECT_EQ(s.unchanged, kStories - 1) << again.err;
  EXPECT_EQ(s.added, 0) << again.err;
  EXPECT_EQ(DocCount(index_), docs) << "same paragraphs, so the same number of documents";

  const json now = SearchJson(index_, {"412"});
  ASSERT_EQ(now["results"].size(), 1u) << now.dump(2);
  EXPECT_TRUE(EndsWith(now["results"][0]["path"], "02-prisoner-exchange.txt"));
  EXPECT_TRUE(SearchJson(index_, {"390"})["results"].empty()) << "the old text is gone";
  const json after = SearchJson(index_, {"prisoner"});
  EXPECT_EQ(after["total"], before["total"]);
  EXPECT_EQ(after["results"].size(), before["results"].size());
}

TEST_F(E2eIndex, ReRunsEndAsACleanRebuildWould) {
  const std::string bundle = dir_ / "bundle";
  CopyBundle(bundle);
  WriteFile(bundle + "/dump.jsonl",
            "{\"title\": \"Zebra one\", \"text\": \"A zebra crossing opened.\"}\n"
            "{\"title\": \"Zebra two\", \"text\": \"A second zebra story.\"}\n"
            "{\"title\": \"Zebra three\", \"text\": \"A third zebra story.\"}\n");
  ASSERT_EQ(Index(bundle).exit_code, 0);
  EXPECT_EQ(SearchJson(index_, {"zebra"})["results"].size(), 3u);

  // A line deleted from the dump, a file deleted from the bundle.
  WriteFile(bundle + "/dump.jsonl",
            "{\"title\": \"Zebra two\", \"text\": \"A second zebra story.\"}\n"
            "{\"title\": \"Zebra three\", \"text\": \"A third zebra story.\"}\n");
  fs::remove(bundle + "/02-prisoner-exchange.txt");
  const RunResult again = Index(bundle);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const Summary s = ParseSummary(again.err);
  EXPECT_EQ(s.removed, 2) << again.err;  // dump.jsonl:3 and the deleted file
  const json zebra = SearchJson(index_, {"zebra"});
  EXPECT_EQ(zebra["results"].size(), 2u) << zebra.dump(2);
  for (const auto& r : zebra["results"]) EXPECT_NE(r["title"], "Zebra one");
  EXPECT_TRUE(SearchJson(index_, {"\"390 prisoners\""})["results"].empty());

  // The same bundle spelled another way is the same articles.
  const RunResult relative =
      RunBinary(IndexBin(), {"--index", index_, bundle + "/./"}, RunOptions{});
  EXPECT_EQ(ParseSummary(relative.err).added, 0) << relative.err;
  EXPECT_EQ(ParseSummary(relative.err).unchanged, ParseSummary(relative.err).articles);
}

TEST_F(E2eIndex, BrokenFileKeepsWhatWasIndexedBefore) {
  const std::string bundle = dir_ / "bundle";
  fs::create_directories(bundle);
  WriteFile(bundle + "/dump.jsonl",
            "{\"title\": \"Okapi one\", \"text\": \"An okapi was seen.\"}\n"
            "{\"title\": \"Okapi two\", \"text\": \"Another okapi story.\"}\n");
  ASSERT_EQ(Index(bundle).exit_code, 0);
  WriteFile(bundle + "/dump.jsonl",
            "{broken\n{\"title\": \"Okapi two\", \"text\": \"Another okapi story.\"}\n");
  const RunResult again = Index(bundle);
  EXPECT_EQ(again.exit_code, 1) << again.err;
  EXPECT_EQ(ParseSummary(again.err).removed, 0) << again.err;
  EXPECT_EQ(SearchJson(index_, {"okapi"})["results"].size(), 2u);
}

TEST_F(E2eIndex, MissingBundleIsAUsageErrorThatNamesItAndCreatesNothing) {
  const std::string missing = dir_ / "no-such-bundle";
  const std::string index = dir_ / "new/parent/index";
  const RunResult r = RunBinary(IndexBin(), {"--index", index, missing, SampleBundle()});
  EXPECT_EQ(r.exit_code, 2) << "a typo in a path is a usage error: " << r.err;
  EXPECT_TRUE(Contains(r.err, missing)) << r.err;
  EXPECT_TRUE(Contains(r.err, "no such file or directory")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "new")) << "nothing is created";
}

TEST_F(E2eIndex, NoBundleIsAUsageError) {
  const RunResult r = RunBinary(IndexBin(), {"--index", index_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
  EXPECT_FALSE(fs::exists(index_));
}

}  // namespace
}  // namespace nsearch::e2e
