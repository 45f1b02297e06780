// Two writers and a reader on one index: the nightly run must refuse a second
// indexer clearly, and searching must keep working while an indexer holds it.
#include <gtest/gtest.h>
#include <xapian.h>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

TEST(E2eLock, SecondIndexerIsRefusedAndSearchStillWorks) {
  TempDir tmp;
  const std::string index = tmp / "idx";
  ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", index, SampleBundle()}).exit_code, 0);

  // Hold the write lock as a running indexer would.
  Xapian::WritableDatabase holder(index, Xapian::DB_OPEN);
  RunResult second = RunBinary(IndexBin(), {"--index", index, SampleBundle()});
  EXPECT_EQ(second.exit_code, 3) << "locked has an exit code of its own: " << second.err;
  EXPECT_NE(second.err.find("locked"), std::string::npos) << second.err;
  EXPECT_NE(second.err.find(index), std::string::npos) << second.err;
  // The holder here is this test process, named by its pid.
  EXPECT_NE(second.err.find("(pid " + std::to_string(getpid())), std::string::npos) << second.err;

  RunResult search = RunBinary(SearchBin(), {"--index", index, "--json", "ceasefire Istanbul"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_FALSE(json::parse(search.out)["results"].empty());
}

}  // namespace
}  // namespace nsearch::e2e
