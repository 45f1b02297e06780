// Searcher::ListEntities answers from the lists stored at index time
// (index/entity_lists.h) exactly as from a scan of the entity terms, which
// it falls back to when the lists are absent or describe other databases.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>

#include "index/generations.h"
#include "index/index_test_util.h"
#include "index/schema.h"
#include "index/writer.h"
#include "nsearch/searcher.h"

namespace nsearch {
namespace {

namespace fs = std::filesystem;

Article Story(int n, std::vector<Entity> entities) {
  Article a;
  a.id = "s" + std::to_string(n) + ".txt";
  a.title = "Ferry story " + std::to_string(n);
  a.source.file = a.id;
  a.source.content_hash = 500 + n;
  a.paragraphs.push_back({1, ParagraphKind::kBody, "The ferry ran through the winter."});
  a.entities = std::move(entities);
  return a;
}

Entity Person(std::string name, std::vector<std::string> forms) {
  return {EntityType::kPerson, std::move(name), std::move(forms), 1};
}

// Persons with ties, aliases of several frequencies, places and orgs.
std::vector<Article> Stories() {
  std::vector<Article> out;
  for (int n = 0; n < 12; ++n) {
    std::vector<Entity> e = {Person("Elena Voss", n % 3 ? std::vector<std::string>{"Voss"}
                                                        : std::vector<std::string>{"E. Voss"})};
    if (n % 2) e.push_back(Person("Tomas Voss", {"Tomas Voss"}));
    if (n % 4 == 0) e.push_back(Person("Ann Berg", {"Berg", "Ann Berg"}));
    if (n % 4 == 1) e.push_back(Person("Zoe Abbot", {"Abbot"}));
    e.push_back(Person("Kim Lund" + std::to_string(n), {"Lund"}));
    e.push_back({EntityType::kPlace, n % 2 ? "Odesa" : "Kyiv", {"Kyiv", "Kiev"}, 2});
    e.push_back({EntityType::kOrg, "Harbour Board", {"the Board"}, 1});
    out.push_back(Story(n, std::move(e)));
  }
  return out;
}

std::string Shown(const std::vector<EntityListing>& list) {
  std::string out;
  for (const auto& l : list) {
    out += std::to_string(l.articles) + " " + l.name + " (";
    for (const auto& a : l.aliases) out += a + ",";
    out += ")\n";
  }
  return out;
}

class ListTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing_util::FreshTestDir("nsearch-list"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Dir(const std::string& name) const { return (dir_ / name).string(); }

  // Every list, as text, of the index (or indexes) at |paths|.
  static std::string Lists(const std::vector<std::string>& paths) {
    auto s = Searcher::Open(paths);
    EXPECT_TRUE(s.ok()) << s.status().message();
    if (!s.ok()) return "";
    std::string out;
    for (EntityType type : {EntityType::kPerson, EntityType::kPlace, EntityType::kOrg})
      for (int limit : {0, 1, 2, 3, 50}) {
        auto list = (*s)->ListEntities(type, limit);
        EXPECT_TRUE(list.ok()) << list.status().message();
        if (list.ok())
          out += std::string(EntityTypeName(type)) + " -n " + std::to_string(limit) + ":\n" +
                 Shown(*list);
      }
    return out;
  }

  static void DropLists(const std::string& path) {
    Xapian::WritableDatabase live((fs::path(path) / index::CurrentGeneration(path)).string(),
                                  Xapian::DB_OPEN);
    live.set_metadata(index::kEntityListsKey, "");
    live.commit();
  }

  fs::path dir_;
};

TEST_F(ListTest, StoredListsAnswerAsTheScanDoes) {
  testing_util::PutArticles(Dir("stored"), Stories());
  testing_util::PutArticles(Dir("scanned"), Stories());
  DropLists(Dir("scanned"));
  const std::string stored = Lists({Dir("stored")});
  EXPECT_EQ(stored, Lists({Dir("scanned")}));
  EXPECT_NE(stored.find("person -n 2:\n12 Elena Voss (Voss,E. Voss,)\n6 Tomas Voss ()\n"),
            std::string::npos)
      << stored;
  // Equal counts in term order: the key of the last word, then the name.
  EXPECT_NE(stored.find("3 Zoe Abbot (Abbot,)\n3 Ann Berg (Berg,)\n1 Kim Lund0"), std::string::npos)
      << stored;
}

TEST_F(ListTest, ListsAreReadFromWhatTheIndexerStored) {
  testing_util::PutArticles(Dir("index"), Stories());
  {
    // Two names of equal counts swapped in the stored page: still counts
    // the index agrees with, so the list shows them in the stored order.
    Xapian::WritableDatabase live(
        (fs::path(Dir("index")) / index::CurrentGeneration(Dir("index"))).string(),
        Xapian::DB_OPEN);
    const std::string key = index::EntityListPageKey(EntityType::kPerson, 0);
    std::string page = live.get_metadata(key);
    const std::string zoe = "3\tabot\tZoe Abbot\n", ann = "3\tberg\tAnn Berg\n";
    const size_t at = page.find(zoe + ann);
    ASSERT_NE(at, std::string::npos) << page;
    page.replace(at, zoe.size() + ann.size(), ann + zoe);
    live.set_metadata(key, page);
    live.commit();
  }
  auto s = Searcher::Open(Dir("index"));
  ASSERT_TRUE(s.ok());
  auto list = (*s)->ListEntities(EntityType::kPerson, 4);
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_EQ(Shown(*list),
            "12 Elena Voss (Voss,E. Voss,)\n6 Tomas Voss ()\n3 Ann Berg (Berg,)\n3 Zoe Abbot "
            "(Abbot,)\n");
}

TEST_F(ListTest, ARunThatChangedTheIndexIsListedAsItIsNow) {
  testing_util::PutArticles(Dir("index"), Stories());
  auto s = Searcher::Open(Dir("index"));
  ASSERT_TRUE(s.ok());
  ASSERT_EQ((*s)->ListEntities(EntityType::kPerson, 1).value()[0].articles, 12);
  {
    // Without run tables, as a writer that knows no lists: they are stale.
    index::WriterOptions o;
    o.run_tables = false;
    auto w = index::Writer::Open(Dir("index"), o);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(
        (*w)->Put(index::BuildDocument(Story(20, {Person("Elena Voss", {"Voss"})})), 100).ok());
    ASSERT_TRUE((*w)->Finish().ok());
  }
  auto list = (*s)->ListEntities(EntityType::kPerson, 1);
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_EQ((*list)[0].articles, 13);
}

TEST_F(ListTest, SeveralIndexesCountArticlesOnce) {
  testing_util::PutArticles(Dir("a"), Stories());
  testing_util::PutArticles(Dir("b"), Stories());
  EXPECT_EQ(Lists({Dir("a"), Dir("b")}), Lists({Dir("a")}));
}

}  // namespace
}  // namespace nsearch
