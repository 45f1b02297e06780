// What the operator of a nightly indexer sees: the progress line on a
// terminal (and nothing of it elsewhere), the log file, the final summary,
// `--stats`, the config file, and the exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

// What a terminal shows once |raw| has been written to it: carriage
// returns go back to the start of the line, ESC[K erases to its end, colour
// codes show nothing.
std::vector<std::string> Screen(const std::string& raw) {
  std::vector<std::string> lines(1);
  size_t col = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\033' && i + 1 < raw.size() && raw[i + 1] == '[') {
      size_t end = i + 2;
      while (end < raw.size() && !std::isalpha(static_cast<unsigned char>(raw[end]))) ++end;
      if (end < raw.size() && raw[end] == 'K')
        lines.back().resize(std::min(col, lines.back().size()));
      i = end;
    } else if (c == '\r') {
      col = 0;
    } else if (c == '\n') {
      lines.emplace_back();
      col = 0;
    } else {
      std::string& line = lines.back();
      if (col < line.size())
        line[col] = c;
      else
        line.push_back(c);
      ++col;
    }
  }
  std::vector<std::string> shown;
  for (const auto& l : lines)
    if (!l.empty()) shown.push_back(l);
  return shown;
}

class E2eNightly : public ::testing::Test {
 protected:
  RunResult Index(std::vector<std::string> args, RunOptions options = {}) {
    options.timeout_seconds = 120;
    return RunBinary(IndexBin(), args, options);
  }
  TempDir dir_;
  std::string index_ = dir_ / "index";
};

TEST_F(E2eNightly, ProgressLineOnATerminalIsRedrawnInPlaceAndGoneAtTheEnd) {
  const std::string bundle = dir_ / "bundle";
  WriteStories(bundle, 1500);
  RunOptions tty;
  tty.stderr_is_tty = true;
  const RunResult r = Index({"--index", index_, bundle}, tty);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* part : {"articles/s", "MB/s", "elapsed", "ETA", "pass 1/2", "pass 2/2"})
    EXPECT_TRUE(Contains(r.err, part)) << part << " in: " << r.err;
  EXPECT_TRUE(Contains(r.err, "\r")) << "redrawn in place";
  // Once the run is over the terminal holds the summary and no progress.
  const auto screen = Screen(r.err);
  ASSERT_EQ(screen.size(), 1u) << r.err;
  EXPECT_TRUE(Contains(screen[0], "1500 articles (1500 new")) << screen[0];
  EXPECT_FALSE(Contains(screen[0], "articles/s")) << screen[0];
}

TEST_F(E2eNightly, NoProgressWhenStderrIsNotATerminalNorWithQuiet) {
  const std::string bundle = dir_ / "bundle";
  WriteStories(bundle, 300);
  const RunResult piped = Index({"--index", index_, bundle});
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_FALSE(Contains(piped.err, "\r")) << piped.err;
  EXPECT_FALSE(Contains(piped.err, "articles/s")) << piped.err;
  EXPECT_EQ(NonEmptyLines(piped.err).size(), 1u) << "the summary only: " << piped.err;

  // -q on a terminal (cron with a terminal, or a user): silent when all is well.
  WriteStories(bundle, 310);
  RunOptions tty;
  tty.stderr_is_tty = true;
  const RunResult quiet = Index({"-q", "--index", index_, bundle}, tty);
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(quiet.out, "");
}

TEST_F(E2eNightly, SummaryNamesEveryCountAndTheIndexSize) {
  const std::string bundle = dir_ / "bundle";
  WriteStories(bundle, 20);
  WriteFile(bundle + "/empty.txt", "");
  const RunResult r = Index({"--index", index_, bundle});
  EXPECT_EQ(r.exit_code, 1) << "a skipped input: " << r.err;
  const std::regex summary(
      R"(info: 20 articles \(20 new, 0 updated, 0 unchanged, 0 removed\), \d+ paragraphs, )"
      R"(1 skipped \(empty: 1\), [0-9.]+ s \(entity extraction [0-9.]+ s\) -> )" +
      index_ + R"( \([0-9.]+ (KiB|MiB)\))");
  EXPECT_TRUE(std::regex_search(r.err, summary)) << r.err;
}

TEST_F(E2eNightly, LogFileKeepsTimestampedLinesEvenWithQuiet) {
  const std::string bundle = dir_ / "bundle";
  WriteStories(bundle, 5);
  WriteFile(bundle + "/empty.txt", "");
  const std::string log = dir_ / "logs/nsearch-index.log";
  const RunResult r = Index({"-q", "--log-file", log, "--index", index_, bundle});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Contains(r.err, "skipped")) << "the warning still reaches stderr: " << r.err;
  EXPECT_FALSE(Contains(r.err, "5 articles")) << "-q: no summary on stderr";
  const std::string logged = ReadFile(log);
  const std::regex line(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d nsearch-index\[\d+\] info: 5 articles)");
  EXPECT_TRUE(std::regex_search(logged, line)) << logged;
  EXPECT_TRUE(Contains(logged, "warning: skipped " + bundle + "/empty.txt")) << logged;

  const RunResult bad = Index({"--log-file", dir_.path(), bundle});  // a directory
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
}

TEST_F(E2eNightly, StatsDescribeTheIndexAndItsLastRun) {
  const std::string a = dir_ / "a", b = dir_ / "b";
  WriteStories(a, 7, "harbour");
  WriteStories(b, 4, "orchard");
  ASSERT_EQ(Index({"-q", "--index", index_, a}).exit_code, 0);
  ASSERT_EQ(Index({"-q", "--index", index_, b, SampleBundle()}).exit_code, 0);

  const RunResult r = Index({"--stats", "--json", "--index", index_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string error;
  const json j = ParseOne(r.out, &error);
  ASSERT_TRUE(error.empty()) << error;
  const int sample = SampleArticleCount();
  EXPECT_EQ(j["articles"], 11 + sample);
  EXPECT_EQ(j["schema_version"], 2);
  EXPECT_GT(j["bytes"].get<int64_t>(), 0);
  EXPECT_GT(j["paragraphs"].get<int64_t>(), 3 * (11 + sample) - 1);
  EXPECT_GT(j["paragraphs_by_kind"]["body"].get<int64_t>(), 0);
  EXPECT_GT(j["entities"]["person"].get<int64_t>(), 0) << "the sample bundle names people";
  EXPECT_TRUE(j["entities"].contains("place") && j["entities"].contains("org"));
  // Bundles are listed by path, wherever the checkout and the temporary directory are.
  std::vector<json> bundles = {{{"articles", 7}, {"path", a}},
                               {{"articles", 4}, {"path", b}},
                               {{"articles", sample}, {"path", SampleBundle()}}};
  std::sort(bundles.begin(), bundles.end(), [](const json& x, const json& y) {
    return x["path"].get<std::string>() < y["path"].get<std::string>();
  });
  EXPECT_EQ(j["bundles"], json(bundles)) << j.dump(2);
  EXPECT_EQ(j["runs_recorded"], 2);
  const json& last = j["last_run"];
  EXPECT_EQ(last["result"], "ok");
  EXPECT_EQ(last["added"], 4 + sample);
  EXPECT_TRUE(std::regex_match(last["start"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << last;
  EXPECT_TRUE(last.contains("end") && last.contains("seconds")) << last;
  EXPECT_EQ(last["summary"], std::to_string(4 + sample) + " articles (" +
                                 std::to_string(4 + sample) +
                                 " new, 0 updated, 0 unchanged, 0 removed), 0 skipped");

  const RunResult text = Index({"--stats", "--index", index_});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  for (const std::string& part :
       std::vector<std::string>{"articles    " + std::to_string(11 + sample),
                                std::string("last run"), std::string("schema 2"), "       7  " + a})
    EXPECT_TRUE(Contains(text.out, part)) << part << " in:\n" << text.out;

  const RunResult missing = Index({"--stats", "--index", dir_ / "none"});
  EXPECT_EQ(missing.exit_code, 4) << missing.err;
  EXPECT_TRUE(Contains(missing.err, "nsearch-index --index " + (dir_ / "none"))) << missing.err;
  EXPECT_FALSE(fs::exists(dir_ / "none")) << "--stats creates nothing";
}

TEST_F(E2eNightly, ConfigFileSetsTheRunAndTheCommandLineOverridesIt) {
  const std::string bundle = dir_ / "bundle";
  WriteStories(bundle, 3);
  WriteFile(bundle + "/big.txt", "Big one\n\n" + std::string(3000, 'x') + "\n");
  const std::string config_home = dir_ / "config";
  fs::create_directories(config_home + "/nsearch");
  // Relative paths are relative to the config file's directory.
  WriteFile(config_home + "/nsearch/config",
            "# nightly\n"
            "index = ../../index\n"
            "bundle = ../../bundle\n"
            "max-file-size = 2K\n"
            "jsonl-title-field = hed\n");
  RunOptions env;
  env.env["XDG_CONFIG_HOME"] = config_home;
  const RunResult r = Index({}, env);
  EXPECT_EQ(r.exit_code, 1) << "big.txt is over the config file's limit: " << r.err;
  EXPECT_TRUE(Contains(r.err, "big.txt")) << r.err;
  EXPECT_TRUE(Contains(r.err, "-> " + index_)) << r.err;

  const RunResult wider = Index({"--max-file-size", "16M"}, env);
  EXPECT_EQ(wider.exit_code, 0) << wider.err;
  EXPECT_TRUE(Contains(wider.err, "4 articles (1 new, 0 updated, 3 unchanged")) << wider.err;

  // nsearch searches the index the config file names.
  const RunResult found = RunBinary(SearchBin(), {"--json", "councillors"}, env);
  EXPECT_EQ(found.exit_code, 0) << found.err;
  EXPECT_EQ(json::parse(found.out)["total"], 3) << found.out;

  // A bundle on the command line replaces the file's bundles.
  const std::string other = dir_ / "other";
  WriteStories(other, 2, "orchard");
  const RunResult replaced = Index({"--dry-run", other}, env);
  EXPECT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_EQ(NonEmptyLines(replaced.out).size(), 2u) << replaced.out;

  // --config names another file; one that cannot be read, or holds an
  // unknown setting, is a usage error naming it.
  const std::string explicit_config = dir_ / "nightly.conf";
  WriteFile(explicit_config, "bundle = other\nindex = " + (dir_ / "index2") + "\n");
  const RunResult named = Index({"--config", explicit_config}, env);
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_TRUE(Contains(named.err, "2 articles (2 new")) << named.err;
  const RunResult absent = Index({"--config", dir_ / "absent.conf"}, env);
  EXPECT_EQ(absent.exit_code, 2);
  EXPECT_TRUE(Contains(absent.err, dir_ / "absent.conf")) << absent.err;
  const RunResult search_absent =
      RunBinary(SearchBin(), {"--config", dir_ / "absent.conf", "councillors"}, env);
  EXPECT_EQ(search_absent.exit_code, 2) << search_absent.err;
  EXPECT_TRUE(Contains(search_absent.err, dir_ / "absent.conf")) << search_absent.err;
  WriteFile(explicit_config, "bundel = other\n");
  const RunResult typo = Index({"--config", explicit_config}, env);
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_TRUE(Contains(typo.err, explicit_config) && Contains(typo.err, "bundel")) << typo.err;
  WriteFile(explicit_config, "bundle = other\nmax-file-size = lots\n");
  const RunResult bad_value = Index({"--config", explicit_config}, env);
  EXPECT_EQ(bad_value.exit_code, 2);
  EXPECT_TRUE(Contains(bad_value.err, "max-file-size")) << bad_value.err;
}

TEST_F(E2eNightly, NsearchIndexEnvironmentBeatsTheConfigFileButNotTheCommandLine) {
  const std::string bundle = dir_ / "bundle";
  WriteStories(bundle, 2);
  const std::string config = dir_ / "c.conf";
  WriteFile(config, "index = " + (dir_ / "from-config") + "\nbundle = " + bundle + "\n");
  RunOptions env;
  env.env["NSEARCH_INDEX"] = dir_ / "from-env";
  EXPECT_EQ(Index({"-q", "--config", config}, env).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "from-env"));
  EXPECT_FALSE(fs::exists(dir_ / "from-config"));
  EXPECT_EQ(Index({"-q", "--config", config, "--index", dir_ / "from-cli"}, env).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "from-cli"));
  EXPECT_EQ(Index({"-q", "--config", config}).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "from-config"));
}

TEST(E2eReference, EveryOptionOfHelpIsInTheCommandReferenceAndTheReadme) {
  const std::string cli = ReadFile(NSEARCH_SOURCE_DIR "/docs/cli.md");
  const std::string readme = ReadFile(NSEARCH_SOURCE_DIR "/README.md");
  for (const std::string& bin : {IndexBin(), SearchBin()}) {
    const std::string help = RunBinary(bin, {"--help"}).out;
    const std::regex option("--[a-z][a-z-]+");
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
         it != std::sregex_iterator(); ++it)
      EXPECT_TRUE(Contains(cli, it->str())) << "docs/cli.md lacks " << it->str();
  }
  for (const char* code : {"locked", "failure"}) EXPECT_TRUE(Contains(readme, code)) << code;
}

}  // namespace
}  // namespace nsearch::e2e
