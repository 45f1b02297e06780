// A write that fails half-way (a full disk, a quota, a file size limit): the
// run stops with one clear error and exit code 4, the index stays at its
// last commit and answers searches as before, and a later run with room
// completes it.
#include <gtest/gtest.h>
#include <sys/mount.h>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

constexpr int kStories = 4000;  // ~2.4 MB of text: well past the room given

class E2eDiskFull : public ::testing::Test {
 protected:
  void SetUp() override { WriteStories(bundle_, kStories, "ferry"); }

  // Builds |index| from the sample bundle and remembers what a search finds.
  void Build(const std::string& index) {
    ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", index, SampleBundle()}).exit_code, 0);
    before_ = Search(index);
  }

  json Search(const std::string& index) {
    const RunResult r = RunBinary(SearchBin(), {"--index", index, "--json", "ceasefire Istanbul"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ContractView(json::parse(r.out, nullptr, false));
  }

  // The failed run as a user sees it, then the index as readers see it.
  void ExpectFailedCleanly(const RunResult& r, const std::string& index, const char* reason) {
    EXPECT_EQ(r.exit_code, 4) << r.err;
    const auto lines = NonEmptyLines(r.err);
    ASSERT_EQ(lines.size(), 1u) << "one clear error: " << r.err;
    EXPECT_TRUE(Contains(lines[0], "error: ")) << lines[0];
    EXPECT_TRUE(Contains(lines[0], reason)) << lines[0];
    EXPECT_TRUE(Contains(lines[0], "the index stays as last committed")) << lines[0];

    EXPECT_EQ(Search(index), before_) << "searches answer as before the run";
    const RunResult stats = RunBinary(IndexBin(), {"--stats", "--json", "--index", index});
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    EXPECT_EQ(json::parse(stats.out)["articles"], SampleArticleCount());
    int generations = 0;
    for (const auto& e : fs::directory_iterator(index))
      generations += e.path().filename().string().rfind("gen-", 0) == 0;
    EXPECT_EQ(generations, 1) << "no half-written generation left behind";
  }

  // A run with room completes the index.
  void ExpectCompletedLater(const std::string& index) {
    const RunResult r =
        RunBinary(IndexBin(), {"-q", "--index", index, SampleBundle(), bundle_}, Slow());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const RunResult stats = RunBinary(IndexBin(), {"--stats", "--json", "--index", index});
    EXPECT_EQ(json::parse(stats.out)["articles"], SampleArticleCount() + kStories) << stats.out;
  }

  static RunOptions Slow() {
    RunOptions o;
    o.timeout_seconds = 120;
    return o;
  }

  TempDir dir_;
  std::string bundle_ = dir_ / "bundle";
  json before_;
};

TEST_F(E2eDiskFull, FileSizeLimitStopsTheRunAndKeepsTheLastCommit) {
  const std::string index = dir_ / "idx";
  Build(index);
  RunOptions limited = Slow();
  limited.file_size_limit = 600 << 10;  // the index holds files of ~70 KB now
  const RunResult r =
      RunBinary(IndexBin(), {"-q", "--index", index, SampleBundle(), bundle_}, limited);
  ExpectFailedCleanly(r, index, "File too large");
  ExpectCompletedLater(index);
}

// A real full disk: a 1 MiB tmpfs, when this process may mount one (root).
TEST_F(E2eDiskFull, FullFileSystemStopsTheRunAndKeepsTheLastCommit) {
  const std::string mnt = dir_ / "mnt";
  fs::create_directories(mnt);
  if (mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=1m") != 0)
    GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno)
                 << "); the file-size-limit test covers the same path";
  struct Unmount {
    std::string dir;
    ~Unmount() { umount2(dir.c_str(), MNT_DETACH); }
  } unmount{mnt};
  const std::string index = mnt + "/idx";
  Build(index);
  const RunResult r =
      RunBinary(IndexBin(), {"-q", "--index", index, SampleBundle(), bundle_}, Slow());
  ExpectFailedCleanly(r, index, "No space left on device");
  ASSERT_EQ(mount("tmpfs", mnt.c_str(), "tmpfs", MS_REMOUNT, "size=64m"), 0) << "room again";
  ExpectCompletedLater(index);
}

}  // namespace
}  // namespace nsearch::e2e
