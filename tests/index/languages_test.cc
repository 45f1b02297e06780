// The index's languages (its language terms), which every query reads to
// parse itself once per language: each language once, in order, however
// many articles hold it.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "index/schema.h"

namespace nsearch::index {
namespace {

class IndexLanguagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("nsearch-languages-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // An on-disk index of |counts| articles per language code.
  void Write(const std::vector<std::pair<std::string, int>>& counts) {
    Xapian::WritableDatabase db(dir_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& [code, n] : counts) {
      for (int i = 0; i < n; ++i) {
        Xapian::Document doc;
        doc.add_boolean_term(LanguageTerm(code));
        doc.add_term("word");
        db.add_document(doc);
      }
    }
    db.commit();
  }

  std::filesystem::path dir_;
};

TEST_F(IndexLanguagesTest, EachLanguageOnceSortedPastLongPostingLists) {
  // English in enough articles that its posting list takes many chunks,
  // and languages on either side of it in term order.
  Write({{"en", 20000}, {"de", 3}, {"fr", 1}, {"es", 2}, {"uk", 1}});
  Xapian::Database db(dir_.string());
  EXPECT_EQ(IndexLanguages(db), (std::vector<std::string>{"de", "en", "es", "fr", "uk"}));
}

TEST_F(IndexLanguagesTest, OneLanguageAndNone) {
  Write({{"fr", 5000}});
  EXPECT_EQ(IndexLanguages(Xapian::Database(dir_.string())), std::vector<std::string>{"fr"});
  Write({});
  EXPECT_TRUE(IndexLanguages(Xapian::Database(dir_.string())).empty());
}

TEST_F(IndexLanguagesTest, ShardsSearchedAsOneListTheirUnion) {
  Write({{"en", 3000}, {"it", 1}});
  const auto first = dir_;
  dir_ += "-b";
  Write({{"en", 10}, {"nl", 2}});
  Xapian::Database db(first.string());
  db.add_database(Xapian::Database(dir_.string()));
  EXPECT_EQ(IndexLanguages(db), (std::vector<std::string>{"en", "it", "nl"}));
  std::filesystem::remove_all(first);
}

}  // namespace
}  // namespace nsearch::index
