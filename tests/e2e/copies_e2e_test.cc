// Wire copies grouped, through the real binaries: one agency story printed
// by several outlets (headline changed, a cookie notice added, a word or two
// edited) is one result listing its copies; a different reporter's story of
// the same event is a result of its own. The articles are written here; the
// copies are made by editing them in the test.
#include <gtest/gtest.h>

#include <set>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

const char kWireTitle[] = "Flood barrier on the Tarn holds as river reaches record height";
// About 300 words, written for this test.
const char kWireBody[] =
    "The new flood barrier protecting the centre of Tarnbridge held overnight as the river rose "
    "to its highest level since records began, the regional water authority said on Sunday.\n\n"
    "Gauges at the old stone bridge showed the water at 5.84 metres shortly after two in the "
    "morning, eleven centimetres above the previous record set during the storms of the winter "
    "before last. Engineers had closed the last of the steel gates on Saturday evening after two "
    "days of heavy rain in the hills upstream.\n\n"
    "\"The barrier did exactly what it was built to do,\" said Helena Marsh, who leads the "
    "authority's flood programme. \"Without it, several hundred homes on the low side of the town "
    "would have been under water tonight.\"\n\n"
    "About forty households in the village of Hollin Cross, which lies outside the protected "
    "area, were moved to a sports hall by volunteers and the fire service. Two farms reported "
    "livestock losses and a stretch of the valley road was closed after part of its embankment "
    "slipped into the river.\n\n"
    "The barrier, a line of earth banks and movable gates running for almost three kilometres "
    "along the northern bank, cost 48 million to build and was opened in the spring after "
    "four years of work. Some residents had opposed it because it cut the town off from the "
    "riverside path for most of the year.\n\n"
    "Forecasters expect the rain to ease on Monday, but warned that the river would stay high "
    "for several days as water drains from saturated fields. The authority said the gates would "
    "remain closed until the level falls below four metres and asked people to keep away from "
    "the banks, where the current remains dangerous.\n\n"
    "Council officers will begin inspecting damaged roads and bridges in the valley on Tuesday.";

// The same event, written by another reporter: the same facts and the
// spokeswoman's words, but sentences of its own.
const char kOtherTitle[] = "Tarnbridge stays dry behind its barrier while Hollin Cross evacuates";
const char kOtherBody[] =
    "Residents of Tarnbridge woke on Sunday to a river higher than anyone had seen, and to dry "
    "streets. The flood defences finished only this spring kept the water out of the town "
    "centre through the night.\n\n"
    "Helena Marsh of the regional water authority told reporters the barrier did exactly what it "
    "was built to do. Her staff had watched the level climb past the old record at the stone "
    "bridge a little after two o'clock.\n\n"
    "Not everyone was spared. In Hollin Cross, just beyond the end of the defences, firefighters "
    "and neighbours helped some forty families carry belongings to the sports hall, where they "
    "spent the night on camp beds. A farmer near the valley road said he had lost part of his "
    "flock when a field flooded within an hour.\n\n"
    "The defences were controversial while they were being built. Walkers complained about the "
    "loss of the riverside path, and some shopkeepers said years of works had kept customers "
    "away. On Sunday morning several of them stood on the bank taking photographs of the water "
    "lapping at the gates.\n\n"
    "More rain is not expected after Monday, though the authority warned that the river will "
    "take days to fall and that the banks are no place for sightseers.";

const char kCookieNotice[] =
    "We use cookies to give you the best experience on our website. By continuing you agree to "
    "our use of cookies; you can change your cookie settings at any time.";

void WriteArticle(const std::string& path, const std::string& title, const std::string& body) {
  fs::create_directories(fs::path(path).parent_path());
  WriteFile(path, title + "\n\n" + body + "\n");
}

// The wire story as an outlet prints it: its own headline, a cookie notice,
// and a few words changed by its sub-editor.
std::string OutletCopy() {
  std::string body = kWireBody;
  auto replace = [&](const std::string& from, const std::string& to) {
    const size_t at = body.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    body.replace(at, from.size(), to);
  };
  replace("said on Sunday", "announced on Sunday");
  replace("heavy rain", "torrential rain");
  return std::string(kCookieNotice) + "\n\n" + body + "\n\n" + kCookieNotice;
}

// |n| local stories that share no text (WriteStories' stories share a
// template, and are near-identical copies of each other): title and body
// of words drawn from a list, each holding |topic|.
void WriteDistinctStories(const std::string& dir, int n, const std::string& topic) {
  static const char* const kWords[] = {
      "council", "market",  "bridge", "school",   "station", "garden",  "harbour", "library",
      "meeting", "budget",  "street", "festival", "museum",  "repairs", "traffic", "parking",
      "tenants", "housing", "plans",  "vote",     "mayor",   "park",    "ferry",   "tram",
      "summer",  "winter",  "crowds", "teachers", "nurses",  "shops",   "closure", "grant"};
  uint32_t state = 12345;
  auto next = [&]() {
    state = state * 1103515245u + 12345u;
    return kWords[(state >> 16) % (sizeof kWords / sizeof kWords[0])];
  };
  for (int i = 1; i <= n; ++i) {
    std::string body = "The " + topic;
    for (int w = 0; w < 80; ++w) body += std::string(" ") + next();
    WriteArticle(dir + "/local-" + std::to_string(i) + ".txt",
                 std::string("Local news ") + next() + " " + next(), body + ".");
  }
}

class E2eCopies : public ::testing::Test {
 protected:
  void SetUp() override {
    desk_ = tmp_ / "desk";
    WriteArticle(desk_ + "/tarn-flood-wire.txt", kWireTitle, kWireBody);
    WriteArticle(desk_ + "/tarn-flood-reporter.txt", kOtherTitle, kOtherBody);
    WriteDistinctStories(desk_ + "/local", 6, "river");
    wire_ = tmp_ / "wire";
    WriteArticle(wire_ + "/courier/tarn-barrier.txt", "Record river fails to breach new barrier",
                 OutletCopy());
    index_ = tmp_ / "idx";
  }

  void Index(const std::vector<std::string>& bundles, const std::string& index) {
    std::vector<std::string> args{"-q", "--index", index};
    args.insert(args.end(), bundles.begin(), bundles.end());
    RunResult r = RunBinary(IndexBin(), args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  json Search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--index", index_, "--json"});
    return SearchJson(args);
  }

  static std::vector<std::string> Paths(const json& response) {
    std::vector<std::string> out;
    for (const auto& r : response["results"]) out.push_back(r["path"]);
    return out;
  }

  TempDir tmp_;
  std::string desk_, wire_, index_;
};

TEST_F(E2eCopies, AnOutletsCopyIsOneResultWithOneCopy) {
  Index({desk_, wire_}, index_);
  json r = Search({"barrier", "gates"});
  // The wire story and its copy are one result; the other reporter's story
  // of the same flood is its own.
  ASSERT_EQ(r["results"].size(), 2u) << r.dump(1);
  std::set<std::string> copies;
  int grouped = 0;
  for (const auto& hit : r["results"]) {
    const std::string path = hit["path"];
    if (Contains(path, "tarn-flood-reporter")) {
      EXPECT_TRUE(hit["copies"].empty()) << hit.dump(1);
      continue;
    }
    ++grouped;
    ASSERT_EQ(hit["copies"].size(), 1u) << hit.dump(1);
    copies.insert(path);
    copies.insert(hit["copies"][0].get<std::string>());
  }
  EXPECT_EQ(grouped, 1);
  EXPECT_EQ(copies.size(), 2u);
  EXPECT_TRUE(std::any_of(copies.begin(), copies.end(), [](const std::string& p) {
    return Contains(p, "courier/tarn-barrier");
  }));

  // --all-copies lists each one.
  json all = Search({"--all-copies", "barrier", "gates"});
  EXPECT_EQ(all["results"].size(), 3u);
  for (const auto& hit : all["results"]) EXPECT_TRUE(hit["copies"].empty());

  // The terminal says how many copies a result stands for.
  RunResult text = RunBinary(SearchBin(), {"--index", index_, "barrier", "gates"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_TRUE(Contains(text.out, "1 near-identical copy")) << text.out;
}

TEST_F(E2eCopies, ACopyAddedByALaterRunJoinsTheStory) {
  Index({desk_}, index_);
  json before = Search({"barrier"});
  ASSERT_FALSE(before["results"].empty());
  for (const auto& hit : before["results"]) EXPECT_TRUE(hit["copies"].empty());
  const size_t results_before = before["results"].size();

  // The copy arrives in the desk's bundle; the next (incremental) run reads
  // it alone.
  WriteArticle(desk_ + "/later/tarn-barrier.txt", "Record river fails to breach new barrier",
               OutletCopy());
  Index({desk_}, index_);
  json after = Search({"barrier"});
  EXPECT_EQ(after["results"].size(), results_before) << after.dump(1);
  int with_copy = 0;
  for (const auto& hit : after["results"]) {
    if (hit["copies"].empty()) continue;
    ++with_copy;
    EXPECT_TRUE(Contains(hit["path"], "tarn-flood-wire") ||
                Contains(hit["copies"][0], "tarn-flood-wire"))
        << hit.dump(1);
  }
  EXPECT_EQ(with_copy, 1);
}

TEST_F(E2eCopies, CopiesInAnotherIndexGroupToo) {
  const std::string desk_index = tmp_ / "idx-desk", wire_index = tmp_ / "idx-wire";
  Index({desk_}, desk_index);
  Index({wire_}, wire_index);
  json r = SearchJson({"--index", desk_index, "--index", wire_index, "--json", "barrier", "gates"});
  ASSERT_EQ(r["results"].size(), 2u) << r.dump(1);
  size_t copies = 0;
  for (const auto& hit : r["results"]) copies += hit["copies"].size();
  EXPECT_EQ(copies, 1u);
}

TEST_F(E2eCopies, PagesCountStoriesNotCopies) {
  // The wire story and its copies in three outlets, the reporter's story
  // and six local ones: "river" finds all eleven articles, eight stories.
  for (const char* outlet : {"gazette", "herald"})
    WriteArticle(wire_ + "/" + outlet + "/tarn.txt", std::string("River record: ") + outlet,
                 OutletCopy());
  Index({desk_, wire_}, index_);
  json all = Search({"--all-copies", "-n", "0", "river"});
  ASSERT_EQ(all["results"].size(), 11u);

  std::vector<std::string> seen;
  size_t articles = 0;
  for (int offset = 0; offset < 12; offset += 3) {
    json page = Search({"-n", "3", "--offset", std::to_string(offset), "river"});
    for (const auto& hit : page["results"]) {
      seen.push_back(hit["path"]);
      articles += 1 + hit["copies"].size();
      for (const auto& c : hit["copies"]) seen.push_back(c);
    }
    EXPECT_EQ(page["results"].size(), offset < 6 ? 3u : offset == 6 ? 2u : 0u) << offset;
  }
  // Each article shown once across the pages, as a result or a copy.
  EXPECT_EQ(articles, 11u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 11u);
  EXPECT_EQ(Paths(Search({"-n", "0", "river"})).size(), 8u);
}

}  // namespace
}  // namespace nsearch::e2e
