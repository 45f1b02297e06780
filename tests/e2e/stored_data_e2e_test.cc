// The stored articles are compressed against a dictionary trained on the
// bundle (index/data_dictionary.h). A reader never notices: every passage
// reads as it was written, whether the index was built with a dictionary,
// got one on a later run, is sharded, or is searched with another index
// that has a dictionary of its own.
#include <gtest/gtest.h>

#include <map>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

// Enough text for a dictionary (a few hundred KB of articles).
constexpr int kStories = 900;

class E2eStoredData : public ::testing::Test {
 protected:
  void Index(const std::vector<std::string>& args) {
    const RunResult r = RunBinary(IndexBin(), args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string Dump(const std::string& index) {
    const RunResult r = RunBinary(IndexBin(), {"--index", index, "--dump-state"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  // Every result of |query| shows a passage holding |word|.
  static void ExpectPassages(const json& j, const std::string& word, size_t at_least) {
    ASSERT_GE(j["results"].size(), at_least) << j.dump(2);
    for (const auto& r : j["results"])
      EXPECT_TRUE(Contains(Lower(r["text"].get<std::string>()), word)) << r.dump(2);
  }

  TempDir dir_;
};

TEST_F(E2eStoredData, TwoIndexesWithDictionariesOfTheirOwnSearchAsOne) {
  const std::string a = dir_ / "a", b = dir_ / "b";
  WriteStories(a, kStories, "harbour");
  WriteStories(b, kStories, "orchard");
  // Another bundle's wording: its dictionary is not the first one's.
  WriteFile(b + "/extra.txt", "Orchard notes\n\nThe orchard district keeps its own ledger.\n");
  Index({"-q", "--index", dir_ / "ia", a});
  Index({"-q", "--index", dir_ / "ib", b});
  const json both = SearchJson(
      {"--index", dir_ / "ia", "--index", dir_ / "ib", "--json", "--limit", "40", "district"});
  int harbour = 0, orchard = 0;
  for (const auto& r : both["results"]) {
    const std::string text = r["text"];
    harbour += Contains(text, "harbour");
    orchard += Contains(text, "orchard");
  }
  EXPECT_GT(harbour, 0) << both.dump(2);
  EXPECT_GT(orchard, 0) << both.dump(2);
  ExpectPassages(SearchJson({"--index", dir_ / "ib", "--index", dir_ / "ia", "--json", "ledger"}),
                 "ledger", 1);
  // A stub file of the user's that lists both (Xapian's own way to search
  // several databases as one) reads them alike.
  const std::string stub = dir_ / "both.stub";
  WriteFile(stub, "auto ia\nauto ib\n");
  const json via_stub =
      SearchJson({"--index", stub, "--json", "--limit", "40", "--all-copies", "district"});
  const json given = SearchJson({"--index", dir_ / "ia", "--index", dir_ / "ib", "--json",
                                 "--limit", "40", "--all-copies", "district"});
  EXPECT_EQ(ContractView(via_stub)["results"], ContractView(given)["results"]);
  ExpectPassages(SearchJson({"--index", stub, "--json", "ledger"}), "ledger", 1);
}

TEST_F(E2eStoredData, AnIndexBuiltWithoutOneGetsOneAndReadsOldAndNewAlike) {
  const std::string small = dir_ / "small", big = dir_ / "big";
  WriteStories(small, 5, "quay");  // too little text to train on
  WriteStories(big, kStories, "harbour");
  const std::string index = dir_ / "index";
  Index({"-q", "--index", index, small});
  Index({"-q", "--index", index, small, big});
  ExpectPassages(SearchJson({"--index", index, "--json", "--all-copies", "quay"}), "quay", 5);
  ExpectPassages(SearchJson({"--index", index, "--json", "--all-copies", "harbour"}), "harbour",
                 10);
  const std::string rebuilt = dir_ / "rebuilt";
  Index({"-q", "--index", rebuilt, small, big});
  EXPECT_EQ(Dump(index), Dump(rebuilt)) << "the same articles, however they are stored";
}

TEST_F(E2eStoredData, ShardedIndexReadsAsOneDatabaseDoes) {
  const std::string bundle = dir_ / "bundle";
  WriteStories(bundle, kStories, "harbour");
  Index({"-q", "--index", dir_ / "one", bundle});
  Index({"-q", "--index", dir_ / "sharded", "--shard-by", "3", bundle});
  // The same articles with the same passages, whichever database holds
  // them (the order of equal scores may differ between the layouts).
  auto passages = [&](const std::string& index, const char* q) {
    std::map<std::string, std::string> by_path;
    const json j = SearchJson({"--index", index, "--json", "--all-copies", "--limit", "1000", q});
    for (const auto& r : j["results"]) by_path[r["path"]] = r["text"];
    return by_path;
  };
  for (const char* q : {"harbour ferry", "\"said on Tuesday\"", "Sandwick"}) {
    const auto one = passages(dir_ / "one", q);
    EXPECT_FALSE(one.empty()) << q;
    EXPECT_EQ(passages(dir_ / "sharded", q), one) << q;
  }
  // A later run adds articles to the shards, with the same dictionary.
  WriteStories(dir_ / "more", 40, "orchard");
  Index({"-q", "--index", dir_ / "sharded", bundle, dir_ / "more"});
  ExpectPassages(SearchJson({"--index", dir_ / "sharded", "--json", "--all-copies", "--limit", "40",
                             "orchard"}),
                 "orchard", 40);
}

TEST_F(E2eStoredData, SearchesReadTheSameWhateverBecomesOfTheDictionaryFile) {
  // The index keeps a copy of its dictionary in a file of its own, which a
  // search reads in one go; the metadata stays the record, so a search finds
  // and shows the same without the file, with a damaged one or with another
  // index's, and the next run puts it back.
  const std::string bundle = dir_ / "bundle", other = dir_ / "other";
  WriteStories(bundle, kStories, "harbour");
  WriteStories(other, kStories, "orchard");
  WriteFile(other + "/extra.txt", "Orchard notes\n\nThe orchard district keeps its own ledger.\n");
  const std::string index = dir_ / "index", index2 = dir_ / "index2";
  Index({"-q", "--index", index, bundle});
  Index({"-q", "--index", index2, other});
  const std::string file = index + "/data-dictionary";
  const std::string copy = ReadFile(file);
  ASSERT_GT(copy.size(), 1000u) << "the indexer writes the copy";
  EXPECT_NE(ReadFile(index2 + "/data-dictionary"), copy) << "each index its own";
  // Every copy (the stories are near-identical): as many results whatever
  // the temporary directory's name does to the order of equal scores.
  const std::vector<std::string> query = {"--index", index,          "--json",       "--limit",
                                          "20",      "--all-copies", "harbour ferry"};
  const json before = ContractView(SearchJson(query));
  ASSERT_GE(before["results"].size(), 10u) << before.dump(2);
  ExpectPassages(SearchJson(query), "harbour", 10);

  std::filesystem::remove(file);
  EXPECT_EQ(ContractView(SearchJson(query)), before) << "no file";
  WriteFile(file, "damaged");
  EXPECT_EQ(ContractView(SearchJson(query)), before) << "a damaged file";
  WriteFile(file, ReadFile(index2 + "/data-dictionary"));
  EXPECT_EQ(ContractView(SearchJson(query)), before) << "another index's dictionary";

  Index({"-q", "--index", index, bundle});  // nothing changed
  EXPECT_EQ(ReadFile(file), copy) << "the next run writes it again";
  EXPECT_EQ(ContractView(SearchJson(query)), before);
}

}  // namespace
}  // namespace nsearch::e2e
