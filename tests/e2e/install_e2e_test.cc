// `cmake --install` gives a working tool with its man pages, bash
// completions and the systemd units of docs/nightly.md; those units, the
// config file and the crontab line of docs/nightly.md work as written.
#include <gtest/gtest.h>

#include <regex>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

// |name| on $PATH (or the usual system directories), or "".
std::string FindProgram(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(std::string(path ? path : "") + ":/usr/bin:/bin:/usr/sbin:/sbin");
  std::string dir;
  while (std::getline(dirs, dir, ':'))
    if (!dir.empty() && access((dir + "/" + name).c_str(), X_OK) == 0) return dir + "/" + name;
  return "";
}

// The fenced block after "<!-- nightly: NAME -->" in docs/nightly.md.
std::string NightlyBlock(const std::string& name) {
  const std::string doc = ReadFile(NSEARCH_SOURCE_DIR "/docs/nightly.md");
  const size_t marker = doc.find("<!-- nightly: " + name + " -->");
  if (marker == std::string::npos) return "";
  const size_t open = doc.find("```", marker);
  const size_t start = doc.find('\n', open) + 1;
  return doc.substr(start, doc.find("```", start) - start);
}

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Installs the build into a fresh prefix once for all the tests here.
class E2eInstall : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    prefix_ = new TempDir;
    install_ = new RunResult(RunBinary(
        NSEARCH_CMAKE_COMMAND, {"--install", NSEARCH_BUILD_DIR, "--prefix", prefix_->path()},
        RunOptions{{}, false, false, 0, 120}));
  }
  static void TearDownTestSuite() {
    delete install_;
    delete prefix_;
  }
  void SetUp() override { ASSERT_EQ(install_->exit_code, 0) << install_->out << install_->err; }

  static std::string Installed(const std::string& path) { return prefix_->path() + "/" + path; }

  // systemd-analyze verify in user mode on |units|; skipped without it.
  RunResult Verify(const std::vector<std::string>& units) {
    RunOptions o;
    o.env["XDG_RUNTIME_DIR"] = tmp_ / "run";
    fs::create_directories(tmp_ / "run");
    fs::permissions(tmp_ / "run", fs::perms::owner_all);
    std::vector<std::string> args{"--user", "verify"};
    // With man installed, Documentation=man:nsearch-index(1) is checked
    // against the installed page too.
    if (NSEARCH_HAVE_MAN_PAGES && !FindProgram("man").empty())
      o.env["MANPATH"] = Installed("share/man");
    else
      args.push_back("--man=no");
    args.insert(args.end(), units.begin(), units.end());
    return RunBinary(FindProgram("systemd-analyze"), args, o);
  }

  static TempDir* prefix_;
  static RunResult* install_;
  TempDir tmp_;
};
TempDir* E2eInstall::prefix_ = nullptr;
RunResult* E2eInstall::install_ = nullptr;

TEST_F(E2eInstall, BinariesManPagesCompletionsAndUnitsAreInstalled) {
  for (const char* file : {"bin/nsearch", "bin/nsearch-index", "bin/nsearch-serve"}) {
    EXPECT_EQ(access(Installed(file).c_str(), X_OK), 0) << file;
  }
  EXPECT_EQ(RunBinary(Installed("bin/nsearch-index"), {"--version"}).exit_code, 0);
  for (const char* file :
       {"share/bash-completion/completions/nsearch",
        "share/bash-completion/completions/nsearch-index",
        "share/bash-completion/completions/nsearch-serve",
        "share/systemd/user/nsearch-index.service", "share/systemd/user/nsearch-index.timer"})
    EXPECT_TRUE(fs::is_regular_file(Installed(file))) << file;
  EXPECT_TRUE(Contains(ReadFile(Installed("share/systemd/user/nsearch-index.service")),
                       "ExecStart=" + Installed("bin/nsearch-index") + " "))
      << "the service runs the nsearch-index installed beside it";
}

TEST_F(E2eInstall, ManPagesHoldEveryOptionAndTheExitCodes) {
  if (!NSEARCH_HAVE_MAN_PAGES) GTEST_SKIP() << "help2man was not found at build time";
  for (const std::string cmd : {"nsearch", "nsearch-index", "nsearch-serve"}) {
    const std::string page = ReadFile(Installed("share/man/man1/" + cmd + ".1"));
    ASSERT_FALSE(page.empty()) << cmd;
    const std::string help = RunBinary(Installed("bin/" + cmd), {"--help"}).out;
    const std::regex option("--[a-z][a-z-]+");
    int options = 0;
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
         it != std::sregex_iterator(); ++it, ++options) {
      const std::string roff = Replaced(it->str(), "-", "\\-");
      EXPECT_TRUE(Contains(page, roff)) << cmd << " man page lacks " << it->str();
    }
    EXPECT_GT(options, 5) << help;
    EXPECT_TRUE(Contains(page, ".SH \"EXIT STATUS\"")) << cmd;
    EXPECT_TRUE(Contains(page, ".SH FILES")) << cmd;
  }
}

TEST_F(E2eInstall, InstalledUnitsPassSystemdAnalyzeVerify) {
  if (FindProgram("systemd-analyze").empty())
    GTEST_SKIP() << "systemd-analyze is not installed (Debian package systemd)";
  const RunResult r = Verify({Installed("share/systemd/user/nsearch-index.service"),
                              Installed("share/systemd/user/nsearch-index.timer")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "") << "no warning either";
}

TEST_F(E2eInstall, CompletionsOfferOptionsAndValues) {
  const std::string bash = FindProgram("bash");
  ASSERT_FALSE(bash.empty());
  const std::string script = Installed("share/bash-completion/completions/nsearch-index");
  auto complete = [&](const std::string& words) {
    RunOptions o;
    o.env["PATH"] = prefix_->path() + "/bin:/usr/bin:/bin";
    const std::string line =
        "source '" + script + "'; COMP_WORDS=(" + words +
        "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
        "_nsearch_complete \"${COMP_WORDS[0]}\"; printf '%s\\n' \"${COMPREPLY[@]}\"";
    return RunBinary(bash, {"--norc", "-c", line}, o).out;
  };
  EXPECT_EQ(complete("nsearch-index --max-f"), "--max-file-size\n");
  EXPECT_TRUE(Contains(complete("nsearch-index --"), "--stats\n"));
  EXPECT_TRUE(Contains(complete("nsearch-index --"), "--wait\n"));
  EXPECT_EQ(complete("nsearch --list p"), "person\nplace\n");
  EXPECT_EQ(complete("nsearch --sort o"), "oldest\n");
  EXPECT_TRUE(Contains(complete("nsearch --"), "--person\n"));
  EXPECT_TRUE(Contains(complete("nsearch-serve --"), "--listen\n"));
  fs::create_directories(tmp_ / "news-index");
  WriteFile(tmp_ / "notes.txt", "x");
  EXPECT_EQ(complete("nsearch-index --index " + (tmp_ / "ne")), (tmp_ / "news-index") + "\n");
  EXPECT_EQ(complete("nsearch-index " + (tmp_ / "no")), (tmp_ / "notes.txt") + "\n");
  const RunResult registered = RunBinary(
      bash,
      {"--norc", "-c", "source '" + script + "'; complete -p nsearch nsearch-index nsearch-serve"});
  EXPECT_TRUE(Contains(registered.out, "-F _nsearch_complete")) << registered.out;
}

TEST_F(E2eInstall, NightlyDocUnitsAreTheInstalledOnesAndVerify) {
  const std::string home = tmp_ / "home";
  fs::create_directories(home);
  const std::string units = NightlyBlock("units");
  ASSERT_FALSE(units.empty()) << "docs/nightly.md has no units block";
  RunOptions o;
  o.env["HOME"] = home;
  const RunResult written = RunBinary(FindProgram("sh"), {"-e", "-c", units}, o);
  ASSERT_EQ(written.exit_code, 0) << written.err;
  const std::string dir = home + "/.config/systemd/user/";
  // The same units as cmake --install writes, for the prefix /usr/local.
  EXPECT_EQ(ReadFile(dir + "nsearch-index.timer"),
            ReadFile(NSEARCH_SOURCE_DIR "/dist/systemd/nsearch-index.timer"));
  EXPECT_EQ(ReadFile(dir + "nsearch-index.service"),
            Replaced(ReadFile(NSEARCH_SOURCE_DIR "/dist/systemd/nsearch-index.service.in"),
                     "@NSEARCH_BINDIR@", "/usr/local/bin"));
  if (FindProgram("systemd-analyze").empty())
    GTEST_SKIP() << "systemd-analyze is not installed (Debian package systemd)";
  // As written, bar where this test's nsearch-index is installed.
  WriteFile(dir + "nsearch-index.service", Replaced(ReadFile(dir + "nsearch-index.service"),
                                                    "/usr/local/bin/", prefix_->path() + "/bin/"));
  const RunResult r = Verify({dir + "nsearch-index.service", dir + "nsearch-index.timer"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST_F(E2eInstall, NightlyDocConfigAndCrontabLineRunSilentlyUnderCron) {
  const std::string home = tmp_ / "home";
  fs::create_directories(home + "/bundles");
  WriteStories(home + "/bundles/bbc", 6);
  WriteFile(home + "/bundles/gothamist.jsonl",
            "{\"id\": \"g1\", \"title\": \"Pier closes\", \"text\": \"The pier closes for the "
            "winter, the harbour office said.\"}\n"
            "{\"id\": \"g2\", \"title\": \"Pier reopens\", \"text\": \"The pier reopens in "
            "spring with a new harbour cafe.\"}\n");
  RunOptions o;
  o.env["HOME"] = home;
  const RunResult config = RunBinary(FindProgram("sh"), {"-e", "-c", NightlyBlock("config")}, o);
  ASSERT_EQ(config.exit_code, 0) << config.err;

  // "m h dom mon dow command", as crontab(5) reads it.
  const std::string line = NonEmptyLines(NightlyBlock("crontab")).at(0);
  std::smatch m;
  ASSERT_TRUE(std::regex_match(line, m, std::regex(R"(([0-9*,/-]+\s+){5}(/\S+)( .*)?)"))) << line;
  EXPECT_EQ(m[2].str(), "/usr/local/bin/nsearch-index") << "cron's PATH is /usr/bin:/bin";
  EXPECT_FALSE(Contains(line, "%")) << "cron reads % as a newline";
  const std::string command = Installed("bin/nsearch-index") + m[3].str();
  // cron's environment: HOME, LOGNAME, SHELL=/bin/sh, PATH=/usr/bin:/bin, no terminal.
  auto cron = [&] {
    return RunBinary("/usr/bin/env",
                     {"-i", "HOME=" + home, "LOGNAME=nightly", "SHELL=/bin/sh",
                      "PATH=/usr/bin:/bin", "/bin/sh", "-c", command},
                     RunOptions{{}, false, false, 0, 120});
  };
  const RunResult night = cron();
  EXPECT_EQ(night.exit_code, 0) << night.err;
  EXPECT_EQ(night.out + night.err, "") << "cron mails nothing when all is well";
  const RunResult stats =
      RunBinary(Installed("bin/nsearch-index"), {"--stats", "--json"},
                RunOptions{{{"HOME", home}, {"XDG_CONFIG_HOME", home + "/.config"}}});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(json::parse(stats.out)["articles"], 8);
  EXPECT_TRUE(
      Contains(ReadFile(home + "/.local/state/nsearch/nsearch-index.log"), "8 articles (8 new"))
      << "the config file's log file keeps the summary";

  WriteFile(home + "/bundles/bbc/broken.txt", "");
  const RunResult bad_night = cron();
  EXPECT_EQ(bad_night.exit_code, 1);
  EXPECT_EQ(NonEmptyLines(bad_night.err).size(), 1u)
      << "one line for cron to mail: " << bad_night.err;
  EXPECT_TRUE(Contains(bad_night.err, "broken.txt")) << bad_night.err;
}

}  // namespace
}  // namespace nsearch::e2e
