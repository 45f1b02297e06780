// Small files of the index directory, read whole and replaced whole
// (index/files.h): stubs, the dictionary's copy, saved searches.
#include "index/files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "index/index_test_util.h"

namespace nsearch::index {
namespace {

namespace fs = std::filesystem;

class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::FreshTestDir("nsearch-files");
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(FilesTest, ReadsASmallRegularFileWholeAndNothingElse) {
  const std::string path = (dir_ / "stub").string();
  std::ofstream(path) << "auto meta\nauto shards/a\n";
  EXPECT_EQ(ReadSmallFile(path, 100), "auto meta\nauto shards/a\n");
  EXPECT_EQ(ReadSmallFile(path, 24), "auto meta\nauto shards/a\n") << "exactly the bound";
  EXPECT_FALSE(ReadSmallFile(path, 23)) << "larger than the bound";
  EXPECT_FALSE(ReadSmallFile((dir_ / "missing").string(), 100));
  EXPECT_FALSE(ReadSmallFile(dir_.string(), 100)) << "a directory";
  std::ofstream(dir_ / "empty");
  EXPECT_EQ(ReadSmallFile((dir_ / "empty").string(), 100), "");
}

TEST_F(FilesTest, MapsARegularFileWholeAndNothingElse) {
  const std::string path = (dir_ / "data-dictionary").string();
  std::ofstream(path) << "dictionary bytes";
  auto mapped = MappedFile::Open(path, 100);
  ASSERT_TRUE(mapped);
  EXPECT_EQ(mapped->bytes(), "dictionary bytes");
  // Replaced by a rename, as the index replaces its files: the mapping
  // keeps the bytes it had.
  ASSERT_TRUE(ReplaceFile(path, "other bytes", false).ok());
  EXPECT_EQ(mapped->bytes(), "dictionary bytes");
  MappedFile moved = std::move(*mapped);
  EXPECT_EQ(moved.bytes(), "dictionary bytes");
  EXPECT_EQ(MappedFile::Open(path, 100)->bytes(), "other bytes");
  EXPECT_FALSE(MappedFile::Open(path, 10)) << "larger than the bound";
  EXPECT_FALSE(MappedFile::Open((dir_ / "missing").string(), 100));
  EXPECT_FALSE(MappedFile::Open(dir_.string(), 100)) << "a directory";
  std::ofstream(dir_ / "empty");
  EXPECT_FALSE(MappedFile::Open((dir_ / "empty").string(), 100)) << "nothing to map";
}

TEST_F(FilesTest, ReplacesAFileWholeAndLeavesNothingBeside) {
  const std::string path = (dir_ / "XAPIANDB").string();
  for (bool durable : {false, true}) {
    ASSERT_TRUE(ReplaceFile(path, "glass gen-000001\n", durable).ok());
    EXPECT_EQ(ReadSmallFile(path, 100), "glass gen-000001\n");
    ASSERT_TRUE(ReplaceFile(path, "glass gen-000002\n", durable).ok());
    EXPECT_EQ(ReadSmallFile(path, 100), "glass gen-000002\n");
  }
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++entries;
  EXPECT_EQ(entries, 1) << "no temporary file left";
  const Status failed = ReplaceFile((dir_ / "no" / "such" / "dir").string(), "x", true);
  EXPECT_FALSE(failed.ok());
  EXPECT_NE(failed.message().find("no/such/dir.new"), std::string::npos) << failed.message();
}

}  // namespace
}  // namespace nsearch::index
