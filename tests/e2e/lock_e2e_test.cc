// Two writers and a reader on one index: the nightly run must refuse a second
// indexer clearly, and searching must keep working while an indexer holds it.
#include <gtest/gtest.h>
#include <xapian.h>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

TEST(E2eLock, SecondIndexerIsRefusedAndSearchStillWorks) {
  TempDir tmp;
  const std::string index = tmp / "idx";
  ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", index, SampleBundle()}).exit_code, 0);

  // Hold the write lock as a running indexer would.
  Xapian::WritableDatabase holder(index, Xapian::DB_OPEN);
  RunResult second = RunBinary(IndexBin(), {"--index", index, SampleBundle()});
  EXPECT_EQ(second.exit_code, 3) << "locked has an exit code of its own: " << second.err;
  EXPECT_NE(second.err.find("locked"), std::string::npos) << second.err;
  EXPECT_NE(second.err.find(index), std::string::npos) << second.err;
  // The holder here is this test process, named by its pid.
  EXPECT_NE(second.err.find("(pid " + std::to_string(getpid())), std::string::npos) << second.err;

  RunResult search = RunBinary(SearchBin(), {"--index", index, "--json", "ceasefire Istanbul"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_FALSE(json::parse(search.out)["results"].empty());
}

// True once process |pid| has a generation's lock file of |index| open.
bool HoldsIndexLock(pid_t pid, const std::string& index) {
  std::error_code ec;
  for (const auto& fd : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
    const std::string target = fs::read_symlink(fd.path(), ec).string();
    if (target.rfind(index + "/gen-", 0) == 0 && EndsWith(target, "/flintlock")) return true;
  }
  return false;
}

TEST(E2eLock, LockedMessageNamesTheRunningIndexerAndWaitWaitsForIt) {
  TempDir tmp;
  const std::string index = tmp / "idx", bundle = tmp / "bundle";
  ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", index, SampleBundle()}).exit_code, 0);
  WriteStories(bundle, 3000);
  Background first(IndexBin(), {"-q", "--index", index, SampleBundle(), bundle}, tmp / "first");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!HoldsIndexLock(first.pid(), index) && std::chrono::steady_clock::now() < deadline)
    usleep(1000);
  ASSERT_TRUE(HoldsIndexLock(first.pid(), index)) << "the first indexer never took the lock";
  ASSERT_EQ(kill(first.pid(), SIGSTOP), 0);  // it holds the lock until we let it go on

  const std::string holder = "nsearch-index (pid " + std::to_string(first.pid());
  const RunResult refused = RunBinary(IndexBin(), {"-q", "--index", index, SampleBundle()});
  EXPECT_EQ(refused.exit_code, 3) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "is locked: " + holder)) << refused.err;
  EXPECT_EQ(NonEmptyLines(refused.err).size(), 1u) << refused.err;

  // --stats only reads: it answers while the indexer holds the lock.
  const RunResult stats = RunBinary(IndexBin(), {"--stats", "--index", index});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_TRUE(Contains(stats.out, "articles    " + std::to_string(SampleArticleCount())))
      << stats.out;

  const auto t0 = std::chrono::steady_clock::now();
  const RunResult timed_out = RunBinary(IndexBin(), {"--wait=1", "--index", index, SampleBundle()});
  EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::seconds(1));
  EXPECT_EQ(timed_out.exit_code, 3) << timed_out.err;
  EXPECT_TRUE(Contains(timed_out.err, "waiting for it (--wait)")) << timed_out.err;
  EXPECT_TRUE(Contains(timed_out.err, holder)) << timed_out.err;
  EXPECT_TRUE(Contains(timed_out.err, "(waited 1 s)")) << timed_out.err;

  // --wait with no limit: silent with -q, done once the first one is.
  Background second(IndexBin(), {"-q", "--wait", "--index", index, SampleBundle(), bundle},
                    tmp / "second");
  usleep(500 * 1000);
  ASSERT_EQ(kill(first.pid(), SIGCONT), 0);
  const RunResult first_done = first.Wait();
  const RunResult second_done = second.Wait();
  EXPECT_EQ(first_done.exit_code, 0) << first_done.err;
  EXPECT_EQ(second_done.exit_code, 0) << second_done.err;
  EXPECT_EQ(second_done.err, "");
  const RunResult search = RunBinary(SearchBin(), {"--index", index, "--json", "councillors"});
  EXPECT_EQ(json::parse(search.out)["total"], 3000) << search.out.substr(0, 300);
}

}  // namespace
}  // namespace nsearch::e2e
