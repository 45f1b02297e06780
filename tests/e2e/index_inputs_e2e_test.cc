// End to end: how nsearch-index treats what a new user types — paths that are
// wrong, overlapping or too close to the index, odd option values, JSON dumps
// that change, files without extensions and copies of one article.
#include <gtest/gtest.h>

#include <regex>

#include "../ingest/ingest_test_util.h"
#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

// "N articles (A new, U updated, C unchanged, R removed)" -> {N, A, U, C, R}.
std::vector<long> Counts(const std::string& log) {
  static const std::regex kLine(
      R"((\d+) articles \((\d+) new, (\d+) updated, (\d+) unchanged, (\d+) removed(?:, \d+ revised)?\))");
  std::smatch m;
  if (!std::regex_search(log, m, kLine)) return {};
  std::vector<long> out;
  for (int i = 1; i <= 5; ++i) out.push_back(std::stol(m[i]));
  return out;
}

class E2eIndexInputs : public ::testing::Test {
 protected:
  RunResult Index(std::vector<std::string> args) {
    args.insert(args.begin(), {"--index", index_});
    return RunBinary(IndexBin(), args);
  }
  json Search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--index", index_, "--json"});
    const RunResult r = RunBinary(SearchBin(), args);
    std::string error;
    json j = ParseOne(r.out, &error);
    EXPECT_TRUE(error.empty()) << error << "\n" << r.err;
    return j.is_object() ? j : json{{"results", json::array()}};
  }
  std::string Story(const std::string& title, const std::string& body) {
    return title + "\n\n" + body + "\n";
  }

  TempDir dir_;
  std::string index_ = dir_ / "index";
};

TEST_F(E2eIndexInputs, IndexInsideTheBundleIsRefusedAndNothingIsWritten) {
  const std::string bundle = dir_ / "bundle";
  fs::create_directories(bundle);
  WriteFile(bundle + "/a.txt", Story("Ferry times change", "The ferry now leaves at nine."));
  const RunResult r = RunBinary(IndexBin(), {"--index", bundle + "/index", bundle});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(Contains(r.err, "inside the bundle")) << r.err;
  EXPECT_FALSE(fs::exists(bundle + "/index"));

  fs::create_directories(index_);
  WriteFile(index_ + "/stray.txt", "Stray\n\nA file inside the index directory.\n");
  const RunResult inside = Index({index_ + "/stray.txt"});
  EXPECT_EQ(inside.exit_code, 2) << inside.err;
  EXPECT_TRUE(Contains(inside.err, "inside the index")) << inside.err;
}

TEST_F(E2eIndexInputs, OverlappingInputsAreReadOnceWithoutWarnings) {
  const std::string bundle = dir_ / "bundle";
  fs::create_directories(bundle + "/sub");
  WriteFile(bundle + "/a.txt", Story("Ferry times change", "The ferry now leaves at nine."));
  WriteFile(bundle + "/sub/b.txt", Story("Bridge repairs end", "The bridge reopened today."));
  const RunResult r = Index({bundle, bundle + "/a.txt", bundle, bundle + "/sub"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(Contains(r.err, "warning")) << r.err;
  EXPECT_EQ(Counts(r.err), (std::vector<long>{2, 2, 0, 0, 0})) << r.err;
}

TEST_F(E2eIndexInputs, NegativeLimitsAreUsageErrors) {
  const std::string bundle = dir_ / "bundle";
  fs::create_directories(bundle);
  WriteFile(bundle + "/a.txt", Story("Ferry times change", "The ferry now leaves at nine."));
  for (const auto& [flag, value] :
       std::vector<std::pair<std::string, std::string>>{{"--max-archive-entries", "-5"},
                                                        {"--max-archive-entries", "5x"},
                                                        {"--max-compression-ratio", "-5"},
                                                        {"--max-compression-ratio", "0"},
                                                        {"--commit-every", "-5"},
                                                        {"--commit-every", "0"},
                                                        {"--max-file-size", "-5"}}) {
    const RunResult r = Index({flag, value, bundle});
    EXPECT_EQ(r.exit_code, 2) << flag << " " << value << ": " << r.err;
    EXPECT_TRUE(Contains(r.err, flag)) << r.err;
    EXPECT_FALSE(fs::exists(index_)) << flag << " " << value;
  }
}

TEST_F(E2eIndexInputs, JsonlIdsStayPutWhenALineIsDeleted) {
  const std::string dump = dir_ / "dump.jsonl";
  std::string lines;
  for (int i = 1; i <= 5; ++i)
    lines += "{\"id\": \"story-" + std::to_string(i) + "\", \"title\": \"Story " +
             std::to_string(i) + "\", \"text\": \"Walrus sighting number " + std::to_string(i) +
             " on the pier.\"}\n";
  WriteFile(dump, lines);
  ASSERT_EQ(Index({dump}).exit_code, 0);
  WriteFile(dump, lines.substr(lines.find('\n') + 1));  // line 1 deleted
  const RunResult again = Index({dump});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Counts(again.err), (std::vector<long>{4, 0, 0, 4, 1})) << again.err;
  const json j = Search({"walrus"});
  ASSERT_EQ(j["results"].size(), 4u) << j.dump(2);
  for (const auto& r : j["results"])
    EXPECT_TRUE(std::regex_match(r["path"].get<std::string>(), std::regex(".*:story-[2-5]")))
        << r["path"];
}

TEST_F(E2eIndexInputs, JsonlFieldOptionsTakeCommaLists) {
  const std::string dump = dir_ / "dump.jsonl";
  WriteFile(dump,
            "{\"hed\": \"Pier closes\", \"story\": \"The pier closes for the winter.\"}\n"
            "{\"x\": \"Pier reopens\", \"story\": \"The pier reopens in spring.\"}\n");
  const RunResult r = RunBinary(IndexBin(), {"--dry-run", "--json", "--jsonl-title-field", "x,hed",
                                             "--jsonl-text-field", "story", dump});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto lines = NonEmptyLines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out << r.err;
  EXPECT_EQ(json::parse(lines[0])["title"], "Pier closes");
  EXPECT_EQ(json::parse(lines[1])["title"], "Pier reopens");
}

TEST_F(E2eIndexInputs, VerboseLogsEveryArticleUnchangedOnesToo) {
  const std::string file = dir_ / "a.txt";
  WriteFile(file, Story("Ferry times change", "The ferry now leaves at nine."));
  ASSERT_EQ(Index({file}).exit_code, 0);
  const RunResult again = Index({"-v", file});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again.err, "debug: " + file + ": unchanged")) << again.err;
}

TEST_F(E2eIndexInputs, JsonWithoutDryRunSaysItDoesNothing) {
  const std::string file = dir_ / "a.txt";
  WriteFile(file, Story("Ferry times change", "The ferry now leaves at nine."));
  const RunResult r = Index({"--json", file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "--json only applies with --dry-run")) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(E2eIndexInputs, ExtensionlessHtmlAndMarkdownTitlesComeOutClean) {
  const std::string bundle = dir_ / "bundle";
  fs::create_directories(bundle);
  WriteFile(bundle + "/page",
            "<!doctype html><html><head><title>Site</title></head><body><article>"
            "<h1>Harbour plan approved</h1><p>The council approved the harbour plan.</p>"
            "</article></body></html>");
  WriteFile(bundle + "/notes.md",
            "# Museum reopens after repairs\n\nThe museum reopened on Sunday after two years.\n");
  const RunResult r = RunBinary(IndexBin(), {"--dry-run", "--json", bundle});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto by_name = DryRunByFileName(r.out);
  ASSERT_EQ(by_name.count("page"), 1u) << r.out;
  EXPECT_EQ(by_name.at("page")["title"], "Harbour plan approved");
  ASSERT_EQ(by_name.at("page")["paragraphs"].size(), 1u);
  ASSERT_EQ(by_name.count("notes.md"), 1u) << r.out;
  EXPECT_EQ(by_name.at("notes.md")["title"], "Museum reopens after repairs");
}

TEST_F(E2eIndexInputs, AnArticleCopiedIntoSeveralPlacesStaysSearchable) {
  const std::string bundle = dir_ / "bundle";
  const std::string story = Story(
      "Museum Reopens",
      "The city museum reopened on Sunday after two years of roof repairs. Visitors queued along "
      "the river before the doors opened.");
  for (const char* where : {"/museum.txt", "/2024/museum.txt", "/mirror/museum.txt"}) {
    fs::create_directories(fs::path(bundle + where).parent_path());
    WriteFile(bundle + where, story);
  }
  ingest::testing::WriteArchive(bundle + "/week.tar.gz", "tar", true, {{"museum.txt", story}});
  ingest::testing::WriteArchive(bundle + "/week.zip", "zip", false, {{"museum.txt", story}});
  ASSERT_EQ(Index({bundle}).exit_code, 0);
  const json j = Search({"museum"});
  EXPECT_EQ(j["results"].size(), 5u) << "body, not boilerplate: " << j.dump(2);
}

}  // namespace
}  // namespace nsearch::e2e
