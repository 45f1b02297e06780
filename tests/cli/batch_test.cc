// Reading a batch file: plain lists, CSV with a query column, comments and
// the lines that cannot be read.
#include "cli/batch.h"

#include <gtest/gtest.h>

#include <sstream>

namespace nsearch::cli {
namespace {

BatchInput Read(const std::string& text, bool csv_name = false) {
  std::istringstream in(text);
  return ReadBatch(in, csv_name);
}

TEST(BatchReadTest, OneQueryPerLineWithCommentsAndBlankLines) {
  const BatchInput b =
      Read("ceasefire\n# names to check\n\n  Lavrov summit  \n\"prisoner swap\"\n");
  ASSERT_EQ(b.queries.size(), 3u);
  EXPECT_EQ(b.queries[0].query, "ceasefire");
  EXPECT_EQ(b.queries[1].query, "Lavrov summit");
  EXPECT_EQ(b.queries[1].line, 4);
  EXPECT_EQ(b.queries[2].query, "\"prisoner swap\"");  // a phrase, as typed
  EXPECT_TRUE(b.bad.empty());
}

TEST(BatchReadTest, CsvWithAQueryColumn) {
  const BatchInput b = Read("id,Query,note\n1,ceasefire,x\n2,\"Putin, Trump\",y\n# skip\n3,,z\n");
  ASSERT_EQ(b.queries.size(), 2u);
  EXPECT_EQ(b.queries[0].query, "ceasefire");
  EXPECT_EQ(b.queries[1].query, "Putin, Trump");
  EXPECT_EQ(b.queries[1].line, 3);
  ASSERT_EQ(b.bad.size(), 1u);
  EXPECT_EQ(b.bad[0], "line 5: empty query");
}

TEST(BatchReadTest, BadCsvLinesAreReportedWithTheirNumbers) {
  const BatchInput b = Read("query,id\n\"unterminated,1\nok,2\nshort\n", true);
  ASSERT_EQ(b.queries.size(), 2u);  // "short" is a record with the query only
  EXPECT_EQ(b.queries[0].query, "ok");
  ASSERT_EQ(b.bad.size(), 1u);
  EXPECT_EQ(b.bad[0], "line 2: unterminated quoted field");
  const BatchInput c = Read("id,query\nonly-one-field\n");
  ASSERT_EQ(c.bad.size(), 1u);
  EXPECT_EQ(c.bad[0], "line 2: no query column (1 fields)");
}

TEST(BatchReadTest, OneColumnHeaderIsCsvOnlyInACsvFile) {
  EXPECT_EQ(Read("query\nceasefire\n").queries.size(), 2u);  // a list whose first query is "query"
  EXPECT_EQ(Read("query\nceasefire\n", true).queries.size(), 1u);
}

TEST(BatchReadTest, SplitCsvUnquotesDoubledQuotes) {
  std::vector<std::string> f;
  std::string error;
  ASSERT_TRUE(SplitCsv("a,\"b \"\"c\"\"\",,d", &f, &error));
  EXPECT_EQ(f, (std::vector<std::string>{"a", "b \"c\"", "", "d"}));
}

TEST(BatchFormatTest, Names) {
  BatchFormat f;
  EXPECT_TRUE(ParseBatchFormat("tsv", &f));
  EXPECT_EQ(f, BatchFormat::kTsv);
  EXPECT_TRUE(ParseBatchFormat("jsonl", &f));
  EXPECT_EQ(f, BatchFormat::kJsonl);
  EXPECT_FALSE(ParseBatchFormat("xml", &f));
}

}  // namespace
}  // namespace nsearch::cli
