// The entity lists the writer stores at the end of each run
// (index/entity_lists.h): their order, their pages, and every case where a
// reader must not use them.
#include "index/entity_lists.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "index/generations.h"
#include "index/index_test_util.h"
#include "index/schema.h"
#include "index/writer.h"

namespace nsearch::index {
namespace {

namespace fs = std::filesystem;
using Names = std::vector<NameCount>;

// Article |n| naming each of |persons| (and one place, one org).
Article Naming(int n, const std::vector<std::string>& persons) {
  Article a;
  a.id = "a" + std::to_string(n) + ".txt";
  a.title = "Harbour story " + std::to_string(n);
  a.source.file = a.id;
  a.source.content_hash = 1000 + n;
  a.paragraphs.push_back({1, ParagraphKind::kBody, "The harbour cranes stood idle."});
  for (const auto& p : persons) a.entities.push_back({EntityType::kPerson, p, {p}, 1});
  a.entities.push_back({EntityType::kPlace, n % 2 ? "Odesa" : "Kyiv", {"Kyiv"}, 1});
  a.entities.push_back({EntityType::kOrg, "Harbour Board", {"the Board"}, 1});
  return a;
}

// 230 persons over 7 articles: person i is in (i % 7) + 1 of them, so
// counts tie in groups and the list spans three pages.
std::vector<Article> ManyPersons() {
  std::vector<Article> out;
  for (int k = 0; k < 7; ++k) {
    std::vector<std::string> persons;
    for (int i = 0; i < 230; ++i)
      if (i % 7 >= k) persons.push_back("Ann Smith" + std::to_string(1000 + i * 37 % 230));
    out.push_back(Naming(k, persons));
  }
  return out;
}

// What a list must be, from the terms: most articles first, equal counts
// in term order.
Names Expected(const Xapian::Database& db, EntityType type) {
  std::vector<std::tuple<int, std::string, std::string>> rows;  // -count, term, name
  const std::string prefix(EntityPrefix(type));
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
    rows.emplace_back(-static_cast<int>(t.get_termfreq()), *t, std::string(EntityNameOfTerm(*t)));
  std::sort(rows.begin(), rows.end());
  Names out;
  for (const auto& [count, term, name] : rows) out.emplace_back(name, -count);
  return out;
}

Names Head(Names names, size_t n) {
  if (n && names.size() > n) names.resize(n);
  return names;
}

std::map<std::string, std::string> ListKeys(const Xapian::Database& db) {
  std::map<std::string, std::string> out;
  for (auto k = db.metadata_keys_begin(kEntityListsKey); k != db.metadata_keys_end(kEntityListsKey);
       ++k)
    out[*k] = db.get_metadata(*k);
  return out;
}

// The live generation of the index at |dir|, to write behind the writer's back.
Xapian::WritableDatabase Live(const std::string& dir) {
  return Xapian::WritableDatabase((fs::path(dir) / CurrentGeneration(dir)).string(),
                                  Xapian::DB_OPEN);
}

class EntityListsTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing_util::FreshTestDir("nsearch-lists"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Dir(const std::string& name = "index") const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST(ListOrder, MostArticlesFirstThenTheOrderGiven) {
  const Names names = {{"b", 2}, {"a", 5}, {"d", 2}, {"c", 5}, {"e", 1}};
  EXPECT_EQ(ListOrder(names, 10), (std::vector<uint32_t>{1, 3, 0, 2, 4}));
  EXPECT_EQ(ListOrder(names, 3), (std::vector<uint32_t>{1, 3, 0}));
  EXPECT_TRUE(ListOrder(names, 0).empty());
  EXPECT_TRUE(ListOrder({}, 5).empty());
}

TEST_F(EntityListsTest, StoredListsAreTheTermsInListOrderOverPages) {
  testing_util::PutArticles(Dir(), ManyPersons());
  Xapian::Database db(Dir());
  const Names persons = Expected(db, EntityType::kPerson);
  ASSERT_EQ(persons.size(), 230u);
  EXPECT_EQ(persons.front().second, 7);
  EXPECT_EQ(persons.back().second, 1);
  for (size_t wanted : {0, 1, 99, 100, 101, 230, 500}) {
    auto got = ReadEntityList(db, EntityType::kPerson, wanted);
    ASSERT_TRUE(got.has_value()) << wanted;
    EXPECT_EQ(*got, Head(persons, wanted)) << wanted;
  }
  EXPECT_EQ(ReadEntityList(db, EntityType::kPlace, 0).value_or(Names{}),
            Expected(db, EntityType::kPlace));
  EXPECT_EQ(ReadEntityList(db, EntityType::kOrg, 0).value_or(Names{}),
            (Names{{"Harbour Board", 7}}));
  // Three pages of persons, one each of places and orgs, and the header.
  EXPECT_EQ(ListKeys(db).size(), 6u);
  const auto header = ReadEntityListsHeader(db);
  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(header->docs, 7u);
  EXPECT_EQ(header->names[0], 230u);
  EXPECT_EQ(header->names[1], 2u);
}

TEST_F(EntityListsTest, AnIndexWithoutEntitiesHasEmptyLists) {
  Article a = Naming(1, {});
  a.entities.clear();
  testing_util::PutArticles(Dir(), {a});
  Xapian::Database db(Dir());
  auto got = ReadEntityList(db, EntityType::kPerson, 50);
  ASSERT_TRUE(got.has_value());
  EXPECT_TRUE(got->empty());
}

TEST_F(EntityListsTest, AnIndexWithoutListsIsScanned) {
  testing_util::PutArticles(Dir(), {Naming(1, {"Elena Voss"})});
  {
    auto live = Live(Dir());
    live.set_metadata(kEntityListsKey, "");  // as an older nsearch wrote it
    live.commit();
  }
  Xapian::Database db(Dir());
  EXPECT_FALSE(ReadEntityList(db, EntityType::kPerson, 50).has_value());
  EXPECT_FALSE(StoredEntityList(db, EntityType::kPerson, 50).has_value());
}

TEST_F(EntityListsTest, ArticlesWrittenSinceTheListsAreNotListedFromThem) {
  testing_util::PutArticles(Dir(), {Naming(1, {"Elena Voss"}), Naming(2, {"Elena Voss"})});
  {
    // A run that writes no tables (as a writer that does not know them).
    WriterOptions o;
    o.run_tables = false;
    auto w = Writer::Open(Dir(), o);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Put(BuildDocument(Naming(3, {"Tomas Voss"})), 100).ok());
    ASSERT_TRUE((*w)->Finish().ok());
  }
  Xapian::Database db(Dir());
  EXPECT_TRUE(StoredEntityList(db, EntityType::kPerson, 0).has_value());
  EXPECT_FALSE(ReadEntityList(db, EntityType::kPerson, 0).has_value());
}

TEST_F(EntityListsTest, ACountThatNoLongerMatchesItsTermIsNotUsed) {
  testing_util::PutArticles(Dir(), {Naming(1, {"Elena Voss"}), Naming(2, {"Elena Voss"})});
  {
    auto db = Live(Dir());
    const std::string key = EntityListPageKey(EntityType::kPerson, 0);
    std::string page = db.get_metadata(key);
    ASSERT_EQ(page.rfind("2\t", 0), 0u) << page;
    db.set_metadata(key, "3" + page.substr(1));
    db.commit();
  }
  Xapian::Database db(Dir());
  EXPECT_FALSE(ReadEntityList(db, EntityType::kPerson, 1).has_value());
  EXPECT_TRUE(ReadEntityList(db, EntityType::kPlace, 1).has_value());
}

TEST_F(EntityListsTest, SeveralIndexesTogetherAreNotListedFromTheFirstOnesLists) {
  testing_util::PutArticles(Dir("a"), {Naming(1, {"Elena Voss"})});
  testing_util::PutArticles(Dir("b"), {Naming(2, {"Tomas Voss"})});
  Xapian::Database both(Dir("a"));
  both.add_database(Xapian::Database(Dir("b")));
  EXPECT_FALSE(ReadEntityList(both, EntityType::kPerson, 0).has_value());
  EXPECT_TRUE(ReadEntityList(Xapian::Database(Dir("a")), EntityType::kPerson, 0).has_value());
}

TEST_F(EntityListsTest, DatabasesHoldingOneArticleTwiceGetNoLists) {
  testing_util::PutArticles(Dir("a"), {Naming(1, {"Elena Voss"})});
  testing_util::PutArticles(Dir("b"), {Naming(1, {"Elena Voss"}), Naming(2, {"Tomas Voss"})});
  Xapian::Database both(Dir("a"));
  both.add_database(Xapian::Database(Dir("b")));
  {
    auto live = Live(Dir("a"));
    ASSERT_FALSE(ListKeys(live).empty());
    WriteEntityLists(both, live);
    EXPECT_TRUE(ListKeys(live).empty()) << "a term frequency is not an article count";
    live.commit();
  }
  EXPECT_FALSE(ReadEntityListsHeader(Xapian::Database(Dir("a"))).has_value());
}

TEST_F(EntityListsTest, IncrementalRunsStoreWhatARebuildStores) {
  std::vector<Article> articles = ManyPersons();
  testing_util::PutArticles(Dir("inc"), articles);
  // The run removes articles (names drop out, the lists shrink by a page)
  // and changes one.
  {
    auto w = Writer::Open(Dir("inc"));
    ASSERT_TRUE(w.ok());
    for (int k : {0, 1, 2, 3}) ASSERT_TRUE((*w)->RemoveStale(articles[k].source.file, {}).ok());
    ASSERT_TRUE((*w)->Put(BuildDocument(Naming(5, {"Elena Voss"})), 100).ok());
    ASSERT_TRUE((*w)->Finish().ok());
  }
  testing_util::PutArticles(Dir("fresh"), {articles[4], Naming(5, {"Elena Voss"}), articles[6]});
  Xapian::Database inc(Dir("inc")), fresh(Dir("fresh"));
  const auto stored = ListKeys(inc);
  EXPECT_EQ(stored, ListKeys(fresh));
  EXPECT_EQ(stored.size(), 4u) << "the third page of persons is gone";
  auto got = ReadEntityList(inc, EntityType::kPerson, 0);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, Expected(inc, EntityType::kPerson));
  EXPECT_EQ(got->back(), (NameCount{"Elena Voss", 1}));
}

}  // namespace
}  // namespace nsearch::index
