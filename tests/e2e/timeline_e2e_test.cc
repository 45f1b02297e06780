// End to end: nsearch --timeline on the dated news desk of the page's tests.
#include <gtest/gtest.h>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

std::string Desk() { return NSEARCH_FIXTURES "/newsroom/harbour-desk.jsonl"; }

class E2eTimeline : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", dir_ / "index", Desk()}).exit_code, 0);
  }
  RunResult Timeline(std::vector<std::string> args) {
    args.insert(args.begin(), {"--index", dir_ / "index", "--timeline"});
    return RunBinary(SearchBin(), args);
  }
  TempDir dir_;
};

TEST_F(E2eTimeline, PersonPerMonthAddsUpToTheirArticles) {
  const RunResult r = Timeline({"--json", "--person", "Tomas Reyes"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string error;
  const json j = ParseOne(r.out, &error);
  ASSERT_TRUE(error.empty()) << error;
  EXPECT_EQ(j["unit"], "month");
  int64_t sum = j["undated"];
  for (const auto& p : j["timeline"]) sum += p["count"].get<int64_t>();
  EXPECT_EQ(sum, j["articles"]);
  EXPECT_EQ(j["articles"], 5);
  EXPECT_EQ(j["timeline"].front()["period"], "2024-01");
  EXPECT_EQ(j["timeline"].back()["period"], "2024-08");
  EXPECT_EQ(j["timeline"].size(), 8u) << "empty months are there, with 0";
}

TEST_F(E2eTimeline, TerminalChartOneLinePerPeriod) {
  const RunResult r = Timeline({"harbour", "strike"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = NonEmptyLines(r.out);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines.front().substr(0, 7), "2024-01");
  EXPECT_NE(lines.front().find("\u2588"), std::string::npos) << lines.front();
  EXPECT_TRUE(Contains(lines.back(), "1 undated")) << lines.back();
}

TEST_F(E2eTimeline, ShortSpansAreDaysAndNobodyIsExit1) {
  const RunResult days =
      Timeline({"--json", "--since", "2024-03", "--until", "2024-03", "harbour"});
  std::string error;
  EXPECT_EQ(ParseOne(days.out, &error)["unit"], "day") << days.out;
  const RunResult nobody = Timeline({"--json", "--person", "Nobody Atall"});
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_EQ(ParseOne(nobody.out, &error)["articles"], 0);
  EXPECT_EQ(Timeline({}).exit_code, 2) << "nothing to count";
}

}  // namespace
}  // namespace nsearch::e2e
