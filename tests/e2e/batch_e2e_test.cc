// A list of queries checked in one run (nsearch --batch), through the real
// binaries on the sample bundle.
#include <gtest/gtest.h>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

class E2eBatch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    index_ = *tmp_ / "idx";
    ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", index_, SampleBundle()}).exit_code, 0);
  }
  static void TearDownTestSuite() { delete tmp_; }

  static RunResult Batch(std::vector<std::string> args, const std::string& stdin_text = "") {
    args.insert(args.begin(), {"--index", index_, "--batch"});
    RunOptions o;
    o.stdin_text = stdin_text;
    return RunBinary(SearchBin(), args, o);
  }

  static std::string File(const std::string& name, const std::string& text) {
    const std::string path = *tmp_ / name;
    WriteFile(path, text);
    return path;
  }

  static TempDir* tmp_;
  static std::string index_;
};

TempDir* E2eBatch::tmp_ = nullptr;
std::string E2eBatch::index_;

TEST_F(E2eBatch, EveryHitOfEveryQueryIsARow) {
  const RunResult r =
      Batch({File("q.txt", "ceasefire Istanbul\n# comment\n\nLavrov\n"), "-n", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = NonEmptyLines(r.out);
  ASSERT_EQ(lines.size(), 5u) << r.out;  // header + 2 + 2
  EXPECT_EQ(lines[0], "query,rank,path,title,paragraph,score,passage,line");
  EXPECT_TRUE(lines[1].starts_with("ceasefire Istanbul,1,")) << lines[1];
  EXPECT_TRUE(Contains(lines[1], "01-istanbul-ceasefire-talks.txt")) << lines[1];
  EXPECT_TRUE(Contains(lines[1], "[Istanbul]") || Contains(lines[1], "[ceasefire]")) << lines[1];
  EXPECT_TRUE(lines[2].starts_with("ceasefire Istanbul,2,")) << lines[2];
  EXPECT_TRUE(lines[3].starts_with("Lavrov,1,")) << lines[3];
  EXPECT_TRUE(lines[3].ends_with(",4")) << lines[3];  // the query's line in the file
}

TEST_F(E2eBatch, JsonLinesFromStandardInputWithFiltersForEveryQuery) {
  const RunResult r =
      Batch({"-", "--format", "jsonl", "--person", "Lavrov", "-n", "5"}, "summit\nceasefire\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = NonEmptyLines(r.out);
  ASSERT_FALSE(lines.empty());
  std::set<std::string> queries;
  for (const auto& line : lines) {
    const json j = json::parse(line);
    queries.insert(j["query"].get<std::string>());
    for (const char* key : {"rank", "path", "title", "paragraph", "score", "passage", "line"})
      EXPECT_TRUE(j.contains(key)) << key << " in " << line;
    // --person applies to every query: only articles naming Lavrov.
    EXPECT_TRUE(EndsWith(j["path"], "09-lavrov-moscow-summit.txt") ||
                EndsWith(j["path"], "06-nato-security-guarantees.txt"))
        << line;
  }
  EXPECT_EQ(queries, (std::set<std::string>{"summit", "ceasefire"}));
}

TEST_F(E2eBatch, CsvWithAQueryColumnAndTsvOut) {
  const RunResult r =
      Batch({File("names.csv", "id,query\n7,Lavrov\n8,\"Rubio, tango\"\n"), "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = NonEmptyLines(r.out);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "query\trank\tpath\ttitle\tparagraph\tscore\tpassage\tline");
  bool rubio = false;
  for (const auto& l : lines) rubio = rubio || l.starts_with("Rubio, tango\t1\t");
  EXPECT_TRUE(rubio) << r.out;
}

TEST_F(E2eBatch, ABadLineIsReportedAndTheRunGoesOn) {
  const RunResult r = Batch({File("bad.txt", "ceasefire\ndate:2014-99\nLavrov\n"), "-n", "1"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Contains(r.err, "line 2:")) << r.err;
  const auto lines = NonEmptyLines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_TRUE(lines[2].starts_with("Lavrov,1,")) << r.out;
}

TEST_F(E2eBatch, AMisspeltQueryHasNoRowsRatherThanTheCorrections) {
  // A plain search answers "ceasfire" with the results of "ceasefire"...
  const json plain = SearchJson({"--index", index_, "--json", "ceasfire"});
  ASSERT_EQ(plain.value("corrected_query", ""), "ceasefire") << plain.dump();
  // ... a list of names checked must not: the rows would answer another name.
  const RunResult r = Batch({File("typo.txt", "ceasfire\n")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(NonEmptyLines(r.out).size(), 1u) << r.out;  // the header alone
}

TEST_F(E2eBatch, MissingFileOrBadFormatIsAUsageError) {
  EXPECT_EQ(Batch({*tmp_ / "nope.txt"}).exit_code, 2);
  const RunResult r = Batch({File("one.txt", "ceasefire\n"), "--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err, "--format")) << r.err;
}

}  // namespace
}  // namespace nsearch::e2e
