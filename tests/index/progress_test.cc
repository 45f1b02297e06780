#include "index/progress.h"

#include <gtest/gtest.h>

#include <vector>

namespace nsearch::index {
namespace {

// A pass that leaves every second file unread and counts articles as the
// index pass does (its own tally, unread files' articles included).
class FakePass : public ingest::Visitor {
 public:
  void OnArticle(ingest::RawArticle&&) override { ++articles; }
  void OnSkip(const ingest::Skip&) override {}
  bool Unchanged(const std::string&, const struct stat&) override {
    const bool unread = (files++ % 2) == 1;
    if (unread) articles += 10;
    return unread;
  }
  int64_t articles = 0;
  int files = 0;
};

TEST(ProgressCounterTest, CountsArticlesAndTheBytesOfFilesLeftUnread) {
  std::vector<IndexProgress> seen;
  IndexOptions options;
  options.on_progress = [&](const IndexProgress& p) { seen.push_back(p); };
  ProgressCounter counter(options, {});
  FakePass pass;
  CountingVisitor counted(&pass, &counter);
  counter.Start(IndexProgress::Phase::kIndexing, &pass.articles);
  ingest::RawArticle raw;
  raw.source.size = 300;
  struct stat st {};
  st.st_size = 5000;
  EXPECT_FALSE(counted.Unchanged("/a", st)) << "the pass's answer is passed on";
  counted.OnArticle(std::move(raw));
  EXPECT_TRUE(counted.Unchanged("/b", st));
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].articles, 0);
  EXPECT_EQ(seen[1].articles, 1);
  EXPECT_EQ(seen[1].bytes, 300u);
  EXPECT_EQ(seen[2].articles, 11) << "the unread file's ten articles";
  EXPECT_EQ(seen[2].bytes, 5300u);
  counter.Start(IndexProgress::Phase::kFinishing);
  EXPECT_EQ(seen.back().phase, IndexProgress::Phase::kFinishing);
  EXPECT_EQ(seen.back().bytes, 0u);
}

TEST(ProgressCounterTest, NothingMeasuredOrReportedWithoutACallback) {
  IndexOptions options;
  ProgressCounter counter(options, {"/nonexistent"});
  counter.Start(IndexProgress::Phase::kCounting);
  counter.Count(10);  // no callback: nothing to call
}

}  // namespace
}  // namespace nsearch::index
