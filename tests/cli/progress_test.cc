#include "cli/progress.h"

#include <gtest/gtest.h>

namespace nsearch::cli {
namespace {

IndexProgress Indexing(int64_t articles, uint64_t bytes, uint64_t total) {
  IndexProgress p;
  p.phase = IndexProgress::Phase::kIndexing;
  p.articles = articles;
  p.bytes = bytes;
  p.total_bytes = total;
  return p;
}

TEST(ProgressTextTest, RatesElapsedAndEta) {
  // A quarter of 8 MB in 10 s: 30 more seconds at that rate.
  EXPECT_EQ(ProgressText(Indexing(500, 2000000, 8000000), 10, 12, 200),
            "pass 2/2 25%, 500 articles, 2.0/8.0 MB, 50 articles/s, 0.2 MB/s, 0:12 elapsed, "
            "ETA 0:30");
}

TEST(ProgressTextTest, ANarrowTerminalKeepsTheEtaAndTheElapsedTime) {
  const std::string text = ProgressText(Indexing(500, 2000000, 8000000), 10, 75, 52);
  EXPECT_LE(text.size(), 52u);
  EXPECT_EQ(text, "pass 2/2 25%, 50 articles/s, 1:15 elapsed, ETA 0:30");
  EXPECT_EQ(ProgressText(Indexing(500, 2000000, 8000000), 10, 75, 5).size(), 5u);
}

TEST(ProgressTextTest, NoEtaWhenMoreWasReadThanTheFilesHold) {
  // A compressed archive expands past its size on disk.
  const std::string text = ProgressText(Indexing(10, 9000000, 1000000), 1, 1, 200);
  EXPECT_EQ(text.find("ETA"), std::string::npos) << text;
  EXPECT_EQ(text.find('%'), std::string::npos) << text;
  EXPECT_EQ(ProgressText(Indexing(0, 0, 1000000), 0, 0, 200).find("ETA"), std::string::npos);
}

TEST(ProgressTextTest, FirstPassAndFinishing) {
  IndexProgress p = Indexing(3, 300, 0);
  p.phase = IndexProgress::Phase::kCounting;
  EXPECT_EQ(ProgressText(p, 1, 1, 200).rfind("pass 1/2, 3 articles, 0.0 MB", 0), 0u);
  p.phase = IndexProgress::Phase::kFinishing;
  EXPECT_EQ(ProgressText(p, 1, 3725, 200), "writing and compacting the index, 1:02:05 elapsed");
}

}  // namespace
}  // namespace nsearch::cli
