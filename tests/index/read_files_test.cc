// The files a run read, kept compactly until the run's end records them
// (index/document.h, ReadFiles): each comes back with its FileRecord, in
// order, whatever prefixes its path shares with the one before.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/document.h"
#include "index/schema.h"

namespace nsearch::index {
namespace {

struct File {
  std::string path;
  uint64_t size;
  int64_t mtime_ns;
  uint64_t inode;
};

std::vector<std::pair<std::string, std::string>> RoundTrip(const std::vector<File>& files) {
  ReadFiles read;
  for (const File& f : files) read.Add(f.path, f.size, f.mtime_ns, f.inode);
  EXPECT_EQ(read.size(), files.size());
  std::vector<std::pair<std::string, std::string>> out;
  read.ForEach(
      [&](const std::string& path, const std::string& record) { out.emplace_back(path, record); });
  return out;
}

// What earlier runs stored: a record or key printed differently makes every
// file of every index look changed (read again) or unknown.
TEST(ReadFilesTest, RecordsAndKeysKeepTheirStoredForm) {
  EXPECT_EQ(FileRecord("/b/a.txt", 1200, 1764000000123456789, 41),
            "1200 1764000000123456789 41 " + std::to_string(kSchemaVersion) + ":9\t/b/a.txt");
  EXPECT_EQ(FileRecord("x", 18446744073709551615ull, -5, 0),
            "18446744073709551615 -5 0 " + std::to_string(kSchemaVersion) + ":9\tx");
  EXPECT_EQ(ArticleKey(""), "cbf29ce484222325");
  EXPECT_EQ(ArticleKey("bundle/story.txt"), "e9186dfb93a925ad");
  EXPECT_EQ(ArticleKey("a/173.txt"), "00d78a0dfaa006cc");  // leading zeros kept
}

TEST(ReadFilesTest, GivesBackEachFileWithItsRecordInOrder) {
  const std::vector<File> files = {
      {"/data/bundle/world/a.txt", 1200, 1764000000123456789, 41},
      {"/data/bundle/world/ab.txt", 0, 1764000000000000000, 42},
      {"/data/bundle/world/a", 7, 1, 43},        // a prefix of the path before
      {"/data/bundle/world/a", 7, 1, 43},        // the same path again
      {"/data/other.jsonl", 1ull << 40, -5, 0},  // before 1970, a huge file
      {"relative/ü-ñame.html", 99, 0, ~0ull},
      {"", 3, 4, 5},
  };
  const auto out = RoundTrip(files);
  ASSERT_EQ(out.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    const File& f = files[i];
    EXPECT_EQ(out[i].first, f.path) << i;
    EXPECT_EQ(out[i].second, FileRecord(f.path, f.size, f.mtime_ns, f.inode)) << i;
    EXPECT_EQ(FileRecordPath(out[i].second), f.path) << i;
  }
}

TEST(ReadFilesTest, HoldsAFileInAFractionOfItsRecord) {
  ReadFiles read;
  size_t record_bytes = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::string path = "/srv/news/2026/bundle-" + std::to_string(i / 100) + "/article-" +
                             std::to_string(i) + ".txt";
    read.Add(path, 4000 + i, 1764000000000000000 + i, 900000 + i);
    record_bytes += FileRecord(path, 4000 + i, 1764000000000000000 + i, 900000 + i).size();
  }
  size_t n = 0;
  read.ForEach([&](const std::string&, const std::string&) { ++n; });
  EXPECT_EQ(n, 1000u);
  EXPECT_LT(read.bytes() * 3, record_bytes);
}

TEST(ReadFilesTest, ClearForgetsEverything) {
  ReadFiles read;
  read.Add("/a/b.txt", 1, 2, 3);
  read.Clear();
  EXPECT_EQ(read.size(), 0u);
  int n = 0;
  read.ForEach([&](const std::string&, const std::string&) { ++n; });
  EXPECT_EQ(n, 0);
  read.Add("/a/c.txt", 1, 2, 3);  // no prefix left over from before
  read.ForEach([&](const std::string& path, const std::string&) { EXPECT_EQ(path, "/a/c.txt"); });
}

}  // namespace
}  // namespace nsearch::index
