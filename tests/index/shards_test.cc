#include "index/shards.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace nsearch::index {
namespace {

BuiltArticle Built(const std::string& key, const std::string& file, const std::string& date) {
  BuiltArticle b;
  b.id = key;
  b.key = key;
  b.source_file = file;
  b.date = date;
  return b;
}

TEST(ShardBy, ParsesTheThreeRulesAndRefusesOthers) {
  EXPECT_EQ(ParseShardBy("bundle").value(), "bundle");
  EXPECT_EQ(ParseShardBy("month").value(), "month");
  EXPECT_EQ(ParseShardBy("004").value(), "4");
  for (const char* bad : {"", "0", "week", "-3", "2000", "4x"})
    EXPECT_FALSE(ParseShardBy(bad).ok()) << bad;
}

TEST(ShardBy, MonthOfTheDateAndUndatedApart) {
  EXPECT_EQ(ShardOf("month", Built("a", "/b/a.txt", "20240517"), {"/b"}), "2024-05");
  EXPECT_EQ(ShardOf("month", Built("a", "/b/a.txt", ""), {"/b"}), "undated");
}

TEST(ShardBy, BundleIsTheLongestInputHoldingTheFile) {
  const std::vector<std::string> bundles = {"/data/news", "/data/news/bbc", "/other/bbc"};
  const std::string nested = ShardOf("bundle", Built("a", "/data/news/bbc/1.txt", ""), bundles);
  const std::string outer = ShardOf("bundle", Built("b", "/data/news/x.txt", ""), bundles);
  const std::string other = ShardOf("bundle", Built("c", "/other/bbc/1.txt", ""), bundles);
  EXPECT_EQ(nested.rfind("bbc-", 0), 0u) << nested;
  EXPECT_EQ(outer.rfind("news-", 0), 0u) << outer;
  EXPECT_NE(nested, other) << "two bundles named bbc stay apart";
  // /data/newsroom is not under /data/news.
  EXPECT_EQ(ShardOf("bundle", Built("d", "/data/newsroom/1.txt", ""), bundles), "other");
}

TEST(ShardBy, NumberSpreadsArticlesOverEveryShardStably) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const auto b = Built("/b/" + std::to_string(i) + ".txt", "/b/x", "");
    const std::string shard = ShardOf("12", b, {"/b"});
    EXPECT_EQ(shard, ShardOf("12", b, {"/b"}));
    EXPECT_EQ(shard.size(), 2u) << "names sort in number order";
    seen.insert(shard);
  }
  EXPECT_EQ(seen.size(), 12u);
}

TEST(ShardStub, ListsMetaFirstAndIsFollowedByReaders) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("nsearch-shards-" + std::to_string(getpid()));
  fs::create_directories(dir / "shards" / "a");
  fs::create_directories(dir / "meta");
  std::ofstream(dir / "shards" / "a" / "XAPIANDB") << "glass gen-000001\n";
  std::ofstream(dir / "meta" / "XAPIANDB") << "glass gen-000001\n";
  ASSERT_TRUE(WriteShardStub(dir.string(), {"a"}).ok());
  std::ifstream in(dir / "XAPIANDB");
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first, "auto meta");
  EXPECT_TRUE(IsSharded(dir.string()));
  EXPECT_EQ(StubFiles(dir.string()).size(), 3u);
  EXPECT_FALSE(HasRemote(dir.string()));
  std::ofstream(dir / "remote.stub") << "auto meta\nremote 127.0.0.1:4000\n";
  EXPECT_TRUE(HasRemote((dir / "remote.stub").string()));
  // Written by hand: comments, tabs, runs of spaces, Windows line ends.
  std::ofstream(dir / "hand.stub") << "# two of them\r\n  auto\tmeta\r\n\nauto   shards/a  \n";
  const auto listed = StubDatabases((dir / "hand.stub").string());
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(fs::path(listed[0]).filename(), "meta");
  EXPECT_EQ(fs::path(listed[1]).filename(), "a");
  EXPECT_FALSE(HasRemote((dir / "hand.stub").string()));
  std::ofstream(dir / "hand2.stub") << "auto meta\nremote\t10.0.0.2:4000\n";
  EXPECT_TRUE(HasRemote((dir / "hand2.stub").string()));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace nsearch::index
