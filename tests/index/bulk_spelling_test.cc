// A build into an empty index writes shards on threads and merges them; the
// spelling table it ends with (which "did you mean" reads) must be the one a
// single database written in place gets, whatever shard each word was
// given to and however many commits held it back. Sentences written for
// this test.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "index/document.h"
#include "index/writer.h"
#include "index_test_util.h"

namespace nsearch {
namespace {

std::vector<Article> Articles() {
  static const char* const kWords[] = {"harbor", "ferry",   "council", "budget", "tunnel",
                                       "bridge", "station", "weather", "school", "museum"};
  std::vector<Article> out;
  for (int i = 0; i < 60; ++i) {
    std::string text = "The " + std::string(kWords[i % 10]) + " opened near the " +
                       kWords[(i * 7 + 3) % 10] + " on a " + (i % 3 ? "sunny" : "rainy") +
                       " morning";
    // A word of this article alone.
    text += std::string(" zq") + static_cast<char>('a' + i % 26) + static_cast<char>('a' + i / 26) +
            "x.";
    out.push_back(testing_util::BodyArticle("a" + std::to_string(i), {text}));
  }
  return out;
}

std::map<std::string, Xapian::termcount> Spellings(const std::string& dir) {
  Xapian::Database db(dir);
  std::map<std::string, Xapian::termcount> words;
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) words[*w] = w.get_termfreq();
  return words;
}

void Build(const std::string& dir, bool bulk) {
  index::WriterOptions options;
  options.bulk = bulk;
  options.commit_every = 3;  // many commits per shard
  auto w = index::Writer::Open(dir, options);
  ASSERT_TRUE(w.ok()) << w.status().message();
  for (const auto& a : Articles()) {
    auto put = (*w)->Put(index::BuildDocument(a), a.paragraphs[0].text.size());
    ASSERT_TRUE(put.ok()) << put.status().message();
  }
  ASSERT_TRUE((*w)->Finish().ok());
}

TEST(BulkSpellingTest, ShardedBuildHasTheSpellingTableOfOneDatabase) {
  const auto root = testing_util::FreshTestDir("nsearch-bulk-spelling");
  const std::string bulk = (root / "bulk").string(), in_place = (root / "in-place").string();
  Build(bulk, true);
  Build(in_place, false);
  const auto words = Spellings(bulk);
  EXPECT_EQ(words, Spellings(in_place));
  // Every article's words, counted once per article.
  EXPECT_EQ(words.at("harbor"), 12u);
  EXPECT_EQ(words.at("sunny"), 40u);
  EXPECT_EQ(words.at("rainy"), 20u);
  EXPECT_EQ(words.at("zqabx"), 1u);
  EXPECT_EQ(words.at("zqhcx"), 1u);
  // And "did you mean" finds them.
  Xapian::Database db(bulk);
  EXPECT_EQ(db.get_spelling_suggestion("harbour"), "harbor");
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace nsearch
