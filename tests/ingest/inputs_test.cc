// PrepareInputs: the bundle paths nsearch-index is given, checked before
// anything is read or created.
#include "ingest/inputs.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ingest_test_util.h"

namespace nsearch::ingest {
namespace {

using testing::TempDir;
using testing::WriteFile;
namespace fs = std::filesystem;

TEST(PrepareInputsTest, MissingInputIsAnErrorNamingIt) {
  TempDir dir;
  WriteFile(dir / "a.txt", "A\n\nbody");
  auto r = PrepareInputs({dir / "a.txt", dir / "typo"}, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find(dir / "typo"), std::string::npos) << r.status().message();
  fs::create_symlink(dir / "gone", dir / "dangling");
  EXPECT_FALSE(PrepareInputs({dir / "dangling"}, "").ok());
}

TEST(PrepareInputsTest, PathsAreAbsoluteAndNormalised) {
  TempDir dir;
  WriteFile(dir / "b/a.txt", "A\n\nbody");
  auto r = PrepareInputs({dir.path() + "/b/../b/"}, "");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, std::vector<std::string>{dir / "b"});
}

TEST(PrepareInputsTest, OverlappingInputsAreReadOnce) {
  TempDir dir;
  WriteFile(dir / "b/a.txt", "A\n\nbody");
  WriteFile(dir / "b/sub/c.txt", "C\n\nbody");
  WriteFile(dir / "other.txt", "O\n\nbody");
  fs::create_directory_symlink(dir / "b", dir / "link");
  auto r = PrepareInputs({dir / "b/a.txt", dir / "b", dir / "b/sub", dir / "b", dir / "link",
                          dir / "other.txt", dir / "other.txt"},
                         "");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, (std::vector<std::string>{dir / "b", dir / "other.txt"}));
}

TEST(PrepareInputsTest, DotFilesGivenExplicitlyAreStillRead) {
  TempDir dir;
  WriteFile(dir / "b/.draft.txt", "D\n\nbody");
  WriteFile(dir / "b/.old/x.txt", "X\n\nbody");
  auto r = PrepareInputs({dir / "b", dir / "b/.draft.txt", dir / "b/.old/x.txt"}, "");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, (std::vector<std::string>{dir / "b", dir / "b/.draft.txt", dir / "b/.old/x.txt"}))
      << "the walk of b skips them, so they are not covered";
}

TEST(PrepareInputsTest, IndexInsideABundleIsRefused) {
  TempDir dir;
  WriteFile(dir / "bundle/a.txt", "A\n\nbody");
  auto r = PrepareInputs({dir / "bundle"}, dir / "bundle/index");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("inside the bundle"), std::string::npos);
  // Spelled through a link, or as the bundle itself.
  fs::create_directory_symlink(dir / "bundle", dir / "alias");
  EXPECT_FALSE(PrepareInputs({dir / "bundle"}, dir / "alias/idx").ok());
  EXPECT_FALSE(PrepareInputs({dir / "bundle"}, dir / "bundle").ok());
  // A sibling whose name starts the same is not inside.
  EXPECT_TRUE(PrepareInputs({dir / "bundle"}, dir / "bundle-index").ok());
}

TEST(PrepareInputsTest, BundleInsideTheIndexIsRefused) {
  TempDir dir;
  WriteFile(dir / "index/stray.txt", "S\n\nbody");
  auto r = PrepareInputs({dir / "index/stray.txt"}, dir / "index");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("inside the index"), std::string::npos);
}

}  // namespace
}  // namespace nsearch::ingest
