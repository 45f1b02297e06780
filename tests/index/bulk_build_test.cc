// An empty index's first build (WriterOptions::bulk): the articles go to
// shards on threads of their own, each shard is committed and closed when it
// holds WriterOptions::bulk_shard_articles and a new one takes its place,
// and every shard is merged into the index at the end. However many shards
// a build takes, it writes the index a build in place writes.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "index/data_dictionary.h"
#include "index/document.h"
#include "index/dump.h"
#include "index/index_test_util.h"
#include "index/schema.h"
#include "index/writer.h"
#include "nsearch/searcher.h"

namespace nsearch::index {
namespace {

namespace fs = std::filesystem;

// Made-up reports with a person each, a few words they share and a few of
// their own.
Article Report(int i) {
  static const char* const kTowns[] = {"Alderby", "Crowmere", "Fenwick Cross", "Hollin"};
  static const char* const kPeople[] = {"Maren Oakes", "Tobias Wren", "Ida Falk"};
  Article a;
  a.id = "/bundle/report-" + std::to_string(i) + ".txt";
  a.source.file = a.id;
  a.source.content_hash = 1000 + i;
  a.title = "Flood defences at " + std::string(kTowns[i % 4]) + ", report " + std::to_string(i);
  a.paragraphs = {
      {1, ParagraphKind::kBody,
       std::string(kPeople[i % 3]) + " inspected the flood barrier at " + kTowns[i % 4] +
           " on Monday, the " + std::to_string(i) + "th inspection of the season."},
      {2, ParagraphKind::kBody,
       "Engineers logged the river gauge at " + std::to_string(100 + i) +
           " centimetres and asked for sandbags" + (i % 2 ? " and pumps." : ".")},
      {3, ParagraphKind::kBoilerplate, "Subscribe to the county bulletin."}};
  a.entities = {Entity{EntityType::kPerson, kPeople[i % 3], {kPeople[i % 3]}, 1}};
  return a;
}

class BulkBuildTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing_util::FreshTestDir("nsearch-bulk"); }
  void TearDown() override { fs::remove_all(dir_); }

  // Builds |n| reports into |name| and returns the index's --dump-state.
  std::string Build(const std::string& name, int n, const WriterOptions& options,
                    std::shared_ptr<const DataDictionary> dictionary = nullptr) {
    const std::string path = (dir_ / name).string();
    auto w = Writer::Open(path, options);
    EXPECT_TRUE(w.ok()) << w.status().message();
    if (!w.ok()) return "";
    (*w)->AdoptDictionary(dictionary);
    for (int i = 0; i < n; ++i) {
      auto put = (*w)->Put(BuildDocument(Report(i), (*w)->Dictionary()), 200);
      EXPECT_TRUE(put.ok()) << put.status().message();
    }
    EXPECT_TRUE((*w)->Finish(true).ok());
    std::ostringstream dump;
    EXPECT_TRUE(DumpState(path, dump).ok());
    return dump.str();
  }

  fs::path dir_;
};

TEST_F(BulkBuildTest, ShardsClosedWhenFullMergeIntoTheIndexABuildInPlaceWrites) {
  WriterOptions in_place;
  in_place.bulk = false;
  WriterOptions small_shards;
  small_shards.bulk_shard_articles = 3;  // 40 reports: fourteen shards
  WriterOptions two_shards;
  two_shards.bulk_shard_articles = 0;
  const std::string expected = Build("in-place", 40, in_place);
  ASSERT_NE(expected.find("Maren Oakes"), std::string::npos) << expected;
  EXPECT_EQ(Build("small", 40, small_shards), expected);
  EXPECT_EQ(Build("two", 40, two_shards), expected);
  for (const auto& entry : fs::directory_iterator(dir_ / "small"))
    EXPECT_NE(entry.path().filename().string().rfind(".bulk-", 0), 0u)
        << entry.path() << ": a shard left behind";

  // And it searches alike: every report, each passage where it was.
  for (const char* name : {"in-place", "small"}) {
    auto s = Searcher::Open((dir_ / name).string());
    ASSERT_TRUE(s.ok()) << s.status().message();
    SearchOptions o;
    o.query = "sandbags pumps";
    o.limit = 100;
    o.all_copies = true;
    auto r = (*s)->Search(o);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->total, 40) << name;
    EXPECT_EQ(r->hits.size(), 40u) << name;
  }
}

TEST_F(BulkBuildTest, EveryShardOfABuildStoresWithTheIndexDictionary) {
  DictionarySampler sampler;
  for (int i = 0; i < 3000; ++i) sampler.Add(Report(i));
  auto dictionary = sampler.Train();
  ASSERT_TRUE(dictionary);
  WriterOptions small_shards;
  small_shards.bulk_shard_articles = 5;
  WriterOptions in_place;
  in_place.bulk = false;
  EXPECT_EQ(Build("small", 30, small_shards, dictionary),
            Build("in-place", 30, in_place, dictionary));
  Xapian::Database db((dir_ / "small").string());
  EXPECT_EQ(db.get_metadata(kDataDictionaryKey), dictionary->bytes());
  int compressed = 0;
  for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
    const Xapian::Document doc = db.get_document(did);
    compressed += IsCompressedData(doc.get_data());
    EXPECT_TRUE(StoredArticleOf(doc, db)) << did;
  }
  EXPECT_EQ(compressed, 30) << "the articles of every shard, compressed with it";
}

}  // namespace
}  // namespace nsearch::index
