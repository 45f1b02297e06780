// Ingest over the real corpora in ../shared, when present (skipped in CI).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "ingest/source.h"
#include "ingest_test_util.h"

namespace nsearch::ingest {
namespace {

using testing::Recorder;

std::string Shared(const std::string& rel) {
  return std::string(NSEARCH_SOURCE_DIR) + "/../shared/" + rel;
}

TEST(CorpusTest, BbcBundleIngestsEveryFile) {
  std::string bbc = Shared("corpora/bbc_news/bbc");
  if (!std::filesystem::exists(bbc)) GTEST_SKIP() << bbc << " absent";
  Recorder rec;
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(Walk({bbc}, IngestOptions{}, rec).ok());
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::printf("bbc: %zu articles, %zu skips in %.3f s\n", rec.articles.size(), rec.skips.size(),
              took.count());
  EXPECT_GE(rec.articles.size(), 2225u);
  EXPECT_TRUE(rec.skips.empty()) << rec.SkipsText();
  int legacy = 0;
  for (const RawArticle& a : rec.articles) {
    EXPECT_EQ(a.source.invalid_bytes, 0) << a.id;
    legacy += a.source.encoding != "UTF-8";
  }
  EXPECT_GE(legacy, 1);  // the bundle has a Latin-1 file
}

TEST(CorpusTest, GothamistDumpIngestsLineByLine) {
  std::string path = Shared("corpora/gothamist/gothamist.jsonl");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent";
  Recorder rec;
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(Walk({path}, IngestOptions{}, rec).ok());
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::printf("gothamist: %zu articles, %zu skips in %.3f s\n", rec.articles.size(),
              rec.skips.size(), took.count());
  ASSERT_GT(rec.articles.size(), 20000u);
  // Its records carry their own ids: article ids do not move with line numbers.
  std::set<std::string> ids;
  for (const RawArticle& a : rec.articles) ids.insert(a.id);
  EXPECT_EQ(ids.size(), rec.articles.size());
  EXPECT_TRUE(rec.articles[0].id.starts_with(path + ":"));
  EXPECT_NE(rec.articles[0].id, path + ":1");
  size_t dated = 0, authored = 0, titled = 0;
  for (const RawArticle& a : rec.articles) {
    dated += !a.date.empty();
    authored += !a.author.empty();
    titled += !a.title.empty();
  }
  EXPECT_GT(dated, rec.articles.size() * 95 / 100);
  EXPECT_GT(authored, rec.articles.size() * 90 / 100);
  EXPECT_GT(titled, rec.articles.size() * 95 / 100);
}

}  // namespace
}  // namespace nsearch::ingest
