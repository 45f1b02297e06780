// The saved-search file: what is saved comes back, a broken file is an
// error that names it, and a failed change writes nothing.
#include "search/saved.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace nsearch::search {
namespace {

class SavedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("nsearch-saved-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(SavedTest, NoFileIsNoSavedSearch) {
  auto all = LoadSavedSearches(dir_.string());
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty());
}

TEST_F(SavedTest, WhatIsSavedComesBack) {
  SavedSearch s;
  s.name = "lavrov in 2025";
  s.options.query = "\"prisoner swap\" -Kyiv";
  s.options.filters = {{EntityType::kPerson, "Lavrov"}, {EntityType::kOrg, "NATO"}};
  s.options.since = "2025-01";
  s.options.authors = {"Jen Chung"};
  s.options.sort = SortOrder::kOldest;
  s.options.include_boilerplate = true;
  s.created = "2025-07-01T02:00:00Z";
  s.seen_until = 1751335200.5;
  ASSERT_TRUE(UpdateSavedSearches(dir_.string(), [&](std::vector<SavedSearch>* all) {
                all->push_back(s);
                return Status::Ok();
              }).ok());
  auto back = LoadSavedSearches(dir_.string());
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 1u);
  const SavedSearch& b = back->front();
  EXPECT_EQ(b.name, s.name);
  EXPECT_EQ(b.options.query, s.options.query);
  ASSERT_EQ(b.options.filters.size(), 2u);
  EXPECT_EQ(b.options.filters[1].type, EntityType::kOrg);
  EXPECT_EQ(b.options.filters[1].name, "NATO");
  EXPECT_EQ(b.options.since, "2025-01");
  EXPECT_EQ(b.options.authors, s.options.authors);
  EXPECT_EQ(b.options.sort, SortOrder::kOldest);
  EXPECT_TRUE(b.options.include_boilerplate);
  EXPECT_EQ(b.seen_until, s.seen_until);  // exact: compared with index stamps
}

TEST_F(SavedTest, AFailedChangeWritesNothing) {
  EXPECT_EQ(UpdateSavedSearches(dir_.string(),
                                [](std::vector<SavedSearch>*) { return Status::NotFound("no"); })
                .code(),
            StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(SavedSearchesPath(dir_.string())));
}

TEST_F(SavedTest, BrokenFileIsCorruptionNamingIt) {
  std::ofstream(SavedSearchesPath(dir_.string())) << "{not json";
  auto all = LoadSavedSearches(dir_.string());
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.status().code(), StatusCode::kCorruption);
  EXPECT_NE(all.status().message().find("saved-searches.json"), std::string::npos);
}

}  // namespace
}  // namespace nsearch::search
