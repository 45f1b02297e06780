// End to end: index the sample bundle with the real nsearch-index, then ask
// the real nsearch what a reader would ask and check what they would see.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

class E2eSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    index_ = *dir_ / "index";
    const RunResult r = RunBinary(IndexBin(), {"--index", index_, SampleBundle()});
    index_log_ = r.out + r.err;
    index_exit_ = r.exit_code;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    ASSERT_EQ(index_exit_, 0) << "indexing the sample bundle failed:\n" << index_log_;
  }

  // nsearch --index <suite index> ARGS...
  static RunResult Search(std::vector<std::string> args, const RunOptions& options = {}) {
    args.insert(args.begin(), {"--index", index_});
    return RunBinary(SearchBin(), args, options);
  }

  // nsearch --json ... that must succeed with exit 0 or 1 and one JSON object.
  static json SearchJson(std::vector<std::string> args, int* exit_code = nullptr) {
    args.insert(args.begin(), "--json");
    const RunResult r = Search(args);
    if (exit_code) *exit_code = r.exit_code;
    std::string error;
    json j = ParseOne(r.out, &error);
    EXPECT_TRUE(error.empty()) << error << "\nstderr: " << r.err;
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << ": " << r.err;
    return j.is_object() ? j : json{{"query", ""}, {"total", 0}, {"results", json::array()}};
  }

  static std::vector<std::string> FileNames(const json& response) {
    std::vector<std::string> names;
    for (const auto& r : response["results"])
      names.push_back(fs::path(r["path"].get<std::string>()).filename().string());
    return names;
  }

  static TempDir* dir_;
  static std::string index_;
  static std::string index_log_;
  static int index_exit_;
};

TempDir* E2eSearch::dir_ = nullptr;
std::string E2eSearch::index_;
std::string E2eSearch::index_log_;
int E2eSearch::index_exit_ = -1;

TEST_F(E2eSearch, CeasefireIstanbulPutsTheTalksPassageFirst) {
  int code = -1;
  const json j = SearchJson({"ceasefire Istanbul"}, &code);
  EXPECT_EQ(code, 0);
  ASSERT_FALSE(j["results"].empty());
  const json& top = j["results"][0];
  EXPECT_TRUE(EndsWith(top["path"], "01-istanbul-ceasefire-talks.txt")) << top.dump(2);
  EXPECT_EQ(top["title"],
            "Ceasefire talks resume in Istanbul as Türkiye urges both sides to stay at the table");
  EXPECT_TRUE(top["text"].get<std::string>().starts_with(
      "Russian and Ukrainian delegations met in Istanbul on Wednesday for a new round of "
      "ceasefire talks"))
      << top.dump(2);

  const auto words = HighlightedWords(top);
  std::set<std::string> lowered;
  for (const auto& w : words) lowered.insert(Lower(w));
  EXPECT_TRUE(lowered.count("ceasefire")) << top.dump(2);
  EXPECT_TRUE(lowered.count("istanbul")) << top.dump(2);
  for (const auto& w : lowered)
    EXPECT_TRUE(w == "ceasefire" || w == "istanbul") << "unexpected highlight '" << w << "'";
}

TEST_F(E2eSearch, HighlightsAreOrderedDisjointCodePointRanges) {
  const json j = SearchJson({"Türkiye ceasefire Istanbul talks"});
  ASSERT_FALSE(j["results"].empty());
  for (const auto& r : j["results"]) {
    const int64_t n = static_cast<int64_t>(CodePointStarts(r["text"]).size()) - 1;
    int64_t last_end = 0;
    ASSERT_FALSE(r["highlights"].empty()) << r.dump(2);
    for (const auto& h : r["highlights"]) {
      ASSERT_TRUE(h.is_array() && h.size() == 2) << r.dump(2);
      const int64_t b = h[0], e = h[1];
      EXPECT_LE(last_end, b) << r.dump(2);
      EXPECT_LT(b, e) << r.dump(2);
      EXPECT_LE(e, n) << r.dump(2);
      last_end = e;
    }
  }
}

TEST_F(E2eSearch, StemmedQueryHighlightsInflectedWord) {
  const json j = SearchJson({"swap"});
  ASSERT_FALSE(j["results"].empty());
  std::set<std::string> highlighted;
  for (const auto& r : j["results"])
    for (const auto& w : HighlightedWords(r)) highlighted.insert(Lower(w));
  EXPECT_TRUE(highlighted.count("swaps")) << j.dump(2);
  EXPECT_TRUE(highlighted.count("swap")) << j.dump(2);
  const auto names = FileNames(j);
  EXPECT_NE(std::find(names.begin(), names.end(), "10-zelenskyy-evening-address.txt"), names.end());
}

TEST_F(E2eSearch, PrisonerSwapFindsTheExchangeStory) {
  const json j = SearchJson({"prisoner swap"});
  ASSERT_FALSE(j["results"].empty());
  EXPECT_EQ(FileNames(j)[0], "02-prisoner-exchange.txt") << j.dump(2);
}

TEST_F(E2eSearch, PhraseQueryMatchesOnlyTheExactPhrase) {
  int code = -1;
  const json phrase = SearchJson({"\"two to tango\""}, &code);
  EXPECT_EQ(code, 0);
  ASSERT_EQ(phrase["results"].size(), 1u) << phrase.dump(2);
  EXPECT_EQ(phrase["total"], 1);
  const json& top = phrase["results"][0];
  EXPECT_TRUE(EndsWith(top["path"], "03-rubio-two-to-tango.txt"));
  EXPECT_TRUE(Contains(top["text"], "it takes two to tango"));
  // The phrase may be highlighted word by word or as one range.
  std::string highlighted;
  for (const auto& w : HighlightedWords(top)) highlighted += w + " ";
  EXPECT_TRUE(Contains(highlighted, "two")) << top.dump(2);
  EXPECT_TRUE(Contains(highlighted, "tango")) << top.dump(2);

  // The same words without quotes also find the article that has them apart.
  const auto loose = FileNames(SearchJson({"two tango"}));
  EXPECT_NE(std::find(loose.begin(), loose.end(), "11-ankara-next-round.txt"), loose.end());
}

TEST_F(E2eSearch, PhraseAcrossHardWrappedLinesMatches) {
  const json j = SearchJson({"\"truce without credible guarantees\""});
  ASSERT_EQ(j["results"].size(), 1u) << j.dump(2);
  EXPECT_TRUE(EndsWith(j["results"][0]["path"], "06-nato-security-guarantees.txt"));
}

TEST_F(E2eSearch, AccentFoldingTurkiyeMatchesTurkiyeWithDiaeresis) {
  const json plain = SearchJson({"Turkiye"});
  ASSERT_FALSE(plain["results"].empty());
  const auto names = FileNames(plain);
  EXPECT_NE(std::find(names.begin(), names.end(), "04-fidan-turkiye-host.txt"), names.end());
  bool highlighted = false;
  for (const auto& r : plain["results"])
    for (const auto& w : HighlightedWords(r)) highlighted |= (w == "Türkiye");
  EXPECT_TRUE(highlighted) << plain.dump(2);

  // Either spelling, any case, is the same query.
  const json accented = SearchJson({"Türkiye"});
  const json upper = SearchJson({"TURKIYE"});
  EXPECT_EQ(FileNames(accented), names);
  EXPECT_EQ(FileNames(upper), names);
}

TEST_F(E2eSearch, TurkiyeForeignMinisterFindsFidansOffer) {
  const json j = SearchJson({"Turkiye foreign minister"});
  ASSERT_FALSE(j["results"].empty());
  EXPECT_EQ(FileNames(j)[0], "04-fidan-turkiye-host.txt") << j.dump(2);
}

// Counts the searchable paragraphs of an article that contain |word|.
int CountMatchingParagraphs(const json& article, const std::string& word) {
  int n = 0;
  for (const auto& p : article["paragraphs"]) {
    const std::string kind = p["kind"];
    if (kind != "body" && kind != "heading" && kind != "caption") continue;
    if (Contains(Lower(p["text"]), word)) ++n;
  }
  return n;
}

TEST_F(E2eSearch, OnePassagePerArticleAndCountOfTheOthers) {
  const json j = SearchJson({"--limit", "50", "ceasefire"});
  const auto names = FileNames(j);
  const std::set<std::string> unique(names.begin(), names.end());
  EXPECT_EQ(unique.size(), names.size()) << "an article appears twice:\n" << j.dump(2);
  const std::set<std::string> expected = {
      "01-istanbul-ceasefire-talks.txt",  "03-rubio-two-to-tango.txt",
      "05-eu-sanctions-package.txt",      "06-nato-security-guarantees.txt",
      "10-zelenskyy-evening-address.txt", "12-what-a-ceasefire-needs.txt"};
  EXPECT_EQ(unique, expected);
  EXPECT_EQ(j["total"], expected.size());

  const RunResult dry = RunBinary(IndexBin(), {"--dry-run", "--json", SampleBundle()});
  const auto articles = DryRunByFileName(dry.out);
  for (const auto& r : j["results"]) {
    const std::string name = fs::path(r["path"].get<std::string>()).filename().string();
    ASSERT_TRUE(articles.count(name)) << name;
    EXPECT_EQ(r["more_passages"], CountMatchingParagraphs(articles.at(name), "ceasefire") - 1)
        << name << ": " << r.dump(2);
  }
}

TEST_F(E2eSearch, BooleanOperatorsAndPlusMinus) {
  const json both = SearchJson({"ceasefire AND Istanbul"});
  ASSERT_FALSE(both["results"].empty());
  for (const auto& r : both["results"]) {
    EXPECT_TRUE(Contains(Lower(r["text"]), "ceasefire")) << r.dump(2);
    EXPECT_TRUE(Contains(Lower(r["text"]), "istanbul")) << r.dump(2);
  }

  const json without = SearchJson({"Istanbul NOT ceasefire"});
  ASSERT_FALSE(without["results"].empty());
  for (const auto& r : without["results"]) {
    EXPECT_TRUE(Contains(Lower(r["text"]), "istanbul")) << r.dump(2);
    EXPECT_FALSE(Contains(Lower(r["text"]), "ceasefire")) << r.dump(2);
  }

  const auto grain = FileNames(SearchJson({"--limit", "50", "grain"}));
  const auto sanctions = FileNames(SearchJson({"--limit", "50", "sanctions"}));
  const auto either = FileNames(SearchJson({"--limit", "50", "grain OR sanctions"}));
  std::set<std::string> want(grain.begin(), grain.end());
  want.insert(sanctions.begin(), sanctions.end());
  EXPECT_EQ(std::set<std::string>(either.begin(), either.end()), want);

  const json plus = SearchJson({"+Odesa grain"});
  ASSERT_FALSE(plus["results"].empty());
  for (const auto& r : plus["results"])
    EXPECT_TRUE(Contains(Lower(r["text"]), "odesa")) << r.dump(2);

  int code = -1;
  const json minus = SearchJson({"--", "grain", "-Odesa"}, &code);
  EXPECT_EQ(code, 0);
  ASSERT_FALSE(minus["results"].empty());
  for (const auto& r : minus["results"]) {
    EXPECT_TRUE(Contains(Lower(r["text"]), "grain")) << r.dump(2);
    EXPECT_FALSE(Contains(Lower(r["text"]), "odesa")) << r.dump(2);
  }
}

// Runs each query with --json and expects exit 0 or 1 and one JSON object.
void ExpectNeverFails(const std::vector<std::string>& queries,
                      const std::function<RunResult(std::vector<std::string>)>& search) {
  for (const auto& q : queries) {
    const RunResult r = search({"--json", "--", q});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1)
        << "query [" << q << "] exit " << r.exit_code << ": " << r.err;
    std::string error;
    const json j = ParseOne(r.out, &error);
    EXPECT_TRUE(error.empty() && j.is_object() && j["results"].is_array())
        << "query [" << q << "] printed no JSON object: " << error;
    EXPECT_FALSE(Contains(r.err, "terminate")) << q << ": " << r.err;
  }
}

TEST_F(E2eSearch, StrayQuotesAndOperatorsAmongWordsNeverFail) {
  ExpectNeverFails({"\"ceasefire", "ceasefire\"", "ceasefire AND", "AND Istanbul", "OR Istanbul",
                    "ceasefire NOT", "(Istanbul", "Istanbul)", "ceasefire*", "ceasefire -",
                    "\"two to", "-ceasefire", "+ceasefire +", "a:b:c", "grain ~ sanctions",
                    "ceasefire \"\" Istanbul", "NOT NOT ceasefire", "Istanbul ))((", "title:talks"},
                   [](std::vector<std::string> a) { return Search(std::move(a)); });
  // A closing quote with no opening one is ignored.
  EXPECT_EQ(Search({"--json", "--", "ceasefire Istanbul\""}).exit_code, 0);
}

TEST_F(E2eSearch, QueryOfOnlyOperatorsIsNoResultsNotAnError) {
  // Nothing to search for is an empty result (exit 1), not a usage error:
  // the help promises that stray quotes or operators never fail.
  ExpectNeverFails({"\"", "\"\"", "AND", "OR OR", "NOT", "+", "-", "+-", "(", ")", "title:", "*",
                    ":", "\\", "''", "~"},
                   [](std::vector<std::string> a) { return Search(std::move(a)); });
}

TEST_F(E2eSearch, UnclosedQuoteFallsBackToPlainWords) {
  // nsearch --help: "Stray quotes or operators never fail: they fall back to
  // plain words." A forgotten closing quote should still find the talks.
  const RunResult r = Search({"--json", "--", "\"ceasefire Istanbul"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST_F(E2eSearch, JsonIsPrintedWhenAFilterMatchesNobody) {
  ExpectNeverFails({"person:\"Zel", "person:Nobody ceasefire"},
                   [](std::vector<std::string> a) { return Search(std::move(a)); });
  const RunResult r = Search({"--json", "--person", "Nobody At All", "ceasefire"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::string error;
  ParseOne(r.out, &error);
  EXPECT_TRUE(error.empty()) << "--json prints one object even with no results: " << error;
}

TEST_F(E2eSearch, SeveralWordsAreOneQuery) {
  int code = -1;
  const json split = SearchJson({"ceasefire", "Istanbul"}, &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(split["query"], "ceasefire Istanbul");
  EXPECT_EQ(ContractView(split), ContractView(SearchJson({"ceasefire Istanbul"})));
  // And on the terminal too.
  EXPECT_EQ(Search({"ceasefire", "Istanbul"}).out, Search({"ceasefire Istanbul"}).out);
}

TEST_F(E2eSearch, JsonHoldsOnlyCleanText) {
  // Every string the JSON carries (titles, passages, and fields later issues
  // add, such as entity names) comes from the bundle, which is clean UTF-8.
  for (const std::string q :
       {"ceasefire Istanbul", "prisoner swap", "Turkiye", "sanctions", "Kiev", "grain", "NATO"}) {
    const json j = SearchJson({q});
    std::vector<std::string> dirty;
    CollectDirtyStrings(j, &dirty);
    EXPECT_TRUE(dirty.empty()) << "query [" << q << "] prints " << dirty.size()
                               << " strings with control characters or U+FFFD, e.g. "
                               << json(dirty[0]).dump(-1, ' ', false,
                                                      json::error_handler_t::replace);
  }
}

TEST_F(E2eSearch, DoubleDashEndsOptions) {
  const RunResult r = Search({"--json", "--", "--limit", "ceasefire"});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  std::string error;
  const json j = ParseOne(r.out, &error);
  ASSERT_TRUE(error.empty()) << error;
  EXPECT_EQ(j["query"], "--limit ceasefire");
  EXPECT_FALSE(j["results"].empty()) << "the word ceasefire should still match";
}

TEST_F(E2eSearch, LimitCapsTheNumberOfArticles) {
  const json all = SearchJson({"ceasefire"});
  const json two = SearchJson({"--limit", "2", "ceasefire"});
  ASSERT_EQ(two["results"].size(), 2u);
  EXPECT_EQ(two["results"][0]["rank"], 1);
  EXPECT_EQ(two["results"][1]["rank"], 2);
  EXPECT_EQ(two["total"], all["total"]) << "total counts all matching articles, not the page";
  ASSERT_GE(all["results"].size(), 2u);
  EXPECT_EQ(two["results"][0]["path"], all["results"][0]["path"]);
  EXPECT_EQ(two["results"][1]["path"], all["results"][1]["path"]);
  const json one = SearchJson({"-n", "1", "ceasefire"});
  EXPECT_EQ(one["results"].size(), 1u);
}

TEST_F(E2eSearch, PageSizeDoesNotChangeTheOrder) {
  // Ranking is a property of the query, not of --limit: the first hit of a
  // one-result page is the first hit of a full page, and --offset pages
  // through the same order.
  for (const std::string q : {"ceasefire Istanbul", "Turkiye foreign minister", "prisoner swap",
                              "sanctions", "grain exports Odesa", "Kiev energy"}) {
    const json full = SearchJson({"--limit", "50", q});
    ASSERT_GE(full["results"].size(), 2u) << q;
    const json first = SearchJson({"--limit", "1", q});
    ASSERT_EQ(first["results"].size(), 1u) << q;
    EXPECT_EQ(first["results"][0]["path"], full["results"][0]["path"]) << "query [" << q << "]";
    const json second = SearchJson({"--limit", "1", "--offset", "1", q});
    ASSERT_EQ(second["results"].size(), 1u) << q;
    EXPECT_EQ(second["results"][0]["path"], full["results"][1]["path"]) << "query [" << q << "]";
    EXPECT_EQ(second["results"][0]["rank"], 2) << "query [" << q << "]";
  }
}

TEST_F(E2eSearch, JsonShapeIsTheDocumentedContract) {
  const RunResult r = Search({"--json", "prisoner swap"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string error;
  const json j = ParseOne(r.out, &error);  // exactly one object, nothing else
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_TRUE(j.is_object());
  ASSERT_TRUE(j.contains("query") && j["query"].is_string());
  ASSERT_TRUE(j.contains("total") && j["total"].is_number_integer());
  ASSERT_TRUE(j.contains("results") && j["results"].is_array());
  EXPECT_EQ(j["query"], "prisoner swap");
  ASSERT_FALSE(j["results"].empty());
  int rank = 1;
  double last_score = 1e300;
  for (const auto& h : j["results"]) {
    ASSERT_TRUE(h.is_object());
    EXPECT_TRUE(h["rank"].is_number_integer());
    EXPECT_EQ(h["rank"], rank++);
    ASSERT_TRUE(h["score"].is_number());
    EXPECT_LE(h["score"].get<double>(), last_score) << "results are best first";
    last_score = h["score"].get<double>();
    ASSERT_TRUE(h["path"].is_string());
    EXPECT_TRUE(fs::exists(h["path"].get<std::string>())) << h["path"];
    EXPECT_TRUE(h["title"].is_string());
    EXPECT_TRUE(h["paragraph"].is_number_integer());
    EXPECT_GE(h["paragraph"].get<int>(), 1);
    ASSERT_TRUE(h["text"].is_string());
    EXPECT_FALSE(Contains(h["text"], "\n"));
    EXPECT_TRUE(h["highlights"].is_array());
    EXPECT_TRUE(h["more_passages"].is_number_integer());
    EXPECT_GE(h["more_passages"].get<int>(), 0);
  }
  EXPECT_GE(j["total"].get<int>(), static_cast<int>(j["results"].size()));
}

TEST_F(E2eSearch, ParagraphNumberPointsAtTheDryRunParagraph) {
  const json j = SearchJson({"ceasefire Istanbul"});
  ASSERT_FALSE(j["results"].empty());
  const RunResult dry = RunBinary(IndexBin(), {"--dry-run", "--json", SampleBundle()});
  const auto articles = DryRunByFileName(dry.out);
  for (const auto& r : j["results"]) {
    const std::string name = fs::path(r["path"].get<std::string>()).filename().string();
    ASSERT_TRUE(articles.count(name));
    bool found = false;
    for (const auto& p : articles.at(name)["paragraphs"])
      if (p["n"] == r["paragraph"]) found = (p["text"] == r["text"]);
    EXPECT_TRUE(found) << name << ":" << r["paragraph"] << " is not the paragraph shown";
  }
}

TEST_F(E2eSearch, ExitCodeOneWhenNothingMatches) {
  const RunResult text = Search({"xylophone"});
  EXPECT_EQ(text.exit_code, 1) << text.err;
  EXPECT_EQ(text.out, "");
  int code = -1;
  const json j = SearchJson({"xylophone"}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(j["total"], 0);
  EXPECT_TRUE(j["results"].is_array() && j["results"].empty());
}

TEST_F(E2eSearch, ExitCodeTwoForUsageErrors) {
  const std::vector<std::vector<std::string>> bad = {
      {"--limit", "lots", "ceasefire"}, {"--frobnicate", "ceasefire"}, {}, {"--limit", "-3", "x"}};
  for (const auto& args : bad) {
    const RunResult r = Search(args);
    EXPECT_EQ(r.exit_code, 2) << "args: " << (args.empty() ? "" : args[0]) << "\n" << r.err;
    EXPECT_FALSE(r.err.empty());
    EXPECT_EQ(r.out, "");
  }
  const RunResult help = RunBinary(SearchBin(), {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(Contains(help.out, "Exit status")) << help.out;
}

void ExpectOneClearLine(const RunResult& r, const std::string& path) {
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  const auto lines = NonEmptyLines(r.err);
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_TRUE(Contains(lines[0], path)) << lines[0];
  EXPECT_TRUE(Contains(lines[0], "nsearch-index")) << "should say what to run: " << lines[0];
  EXPECT_FALSE(Contains(r.err, "terminate called")) << r.err;
  EXPECT_FALSE(Contains(r.err, "what()")) << r.err;
}

TEST_F(E2eSearch, MissingIndexIsOneClearLine) {
  TempDir tmp;
  const std::string missing = tmp / "no-such-index";
  ExpectOneClearLine(RunBinary(SearchBin(), {"--index", missing, "ceasefire"}), missing);
  ExpectOneClearLine(RunBinary(SearchBin(), {"--index", missing, "--json", "ceasefire"}), missing);
  EXPECT_FALSE(fs::exists(missing)) << "searching must not create an index";
  // The default location comes from NSEARCH_INDEX.
  RunOptions env;
  env.env["NSEARCH_INDEX"] = missing;
  ExpectOneClearLine(RunBinary(SearchBin(), {"ceasefire"}, env), missing);
}

TEST_F(E2eSearch, DirectoryThatIsNotAnIndexIsOneClearLine) {
  TempDir tmp;
  const std::string empty = tmp / "empty";
  fs::create_directories(empty);
  ExpectOneClearLine(RunBinary(SearchBin(), {"--index", empty, "ceasefire"}), empty);
}

TEST_F(E2eSearch, DefaultIndexComesFromEnvironment) {
  RunOptions env;
  env.env["NSEARCH_INDEX"] = index_;
  const RunResult r = RunBinary(SearchBin(), {"ceasefire", "Istanbul"}, env);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(E2eSearch, PipedOutputUsesPlainMarkersAndNoEscapes) {
  const RunResult r = Search({"ceasefire", "Istanbul"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(Contains(r.out, "\x1b")) << r.out;
  EXPECT_TRUE(Contains(r.out, "[Istanbul]")) << r.out;
  EXPECT_TRUE(Contains(r.out, "[ceasefire]")) << r.out;
  EXPECT_TRUE(r.out.starts_with("1. Ceasefire talks resume in Istanbul")) << r.out;
  EXPECT_TRUE(Contains(r.out, "01-istanbul-ceasefire-talks.txt:")) << r.out;
}

TEST_F(E2eSearch, ColourOnTerminalUnlessNoColorOrColorNever) {
  RunOptions tty;
  tty.stdout_is_tty = true;
  const RunResult coloured = Search({"ceasefire", "Istanbul"}, tty);
  ASSERT_EQ(coloured.exit_code, 0) << coloured.err;
  EXPECT_TRUE(Contains(coloured.out, "\x1b[")) << "a terminal gets colour by default";

  RunOptions no_color = tty;
  no_color.env["NO_COLOR"] = "1";
  const RunResult plain = Search({"ceasefire", "Istanbul"}, no_color);
  EXPECT_EQ(plain.exit_code, 0);
  EXPECT_FALSE(Contains(plain.out, "\x1b")) << plain.out;
  EXPECT_TRUE(Contains(plain.out, "[Istanbul]")) << plain.out;

  const RunResult never = Search({"--color", "never", "ceasefire", "Istanbul"}, tty);
  EXPECT_EQ(never.exit_code, 0);
  EXPECT_FALSE(Contains(never.out, "\x1b")) << never.out;

  const RunResult always = Search({"--color", "always", "ceasefire", "Istanbul"});
  EXPECT_TRUE(Contains(always.out, "\x1b[")) << "--color always colours a pipe too";
}

TEST_F(E2eSearch, LongPassagesAreCutBetweenWords) {
  // The terminal excerpt is cut around the matches; every word it shows must
  // be a whole word of the paragraph, never a piece of one. Both words below
  // sit late in paragraphs too long for one excerpt.
  const json j = SearchJson({"hardest OR pumping"});
  const RunResult r = Search({"hardest OR pumping"});
  ASSERT_EQ(r.exit_code, 0);
  std::string all_text = " ";
  for (const auto& h : j["results"]) all_text += h["text"].get<std::string>() + " ";
  int cut = 0;
  for (const auto& line : NonEmptyLines(r.out)) {
    if (!line.starts_with("   ") || Contains(line, ".txt:")) continue;
    std::string shown;
    for (char c : line.substr(3))
      if (c != '[' && c != ']') shown += c;
    const std::string ellipsis = "\u2026";
    for (size_t p; (p = shown.find(ellipsis)) != std::string::npos; ++cut)
      shown.replace(p, ellipsis.size(), " ");
    std::stringstream words(shown);
    std::string word;
    while (words >> word)
      EXPECT_TRUE(Contains(all_text, " " + word + " ")) << "'" << word << "' is cut: " << line;
  }
  EXPECT_GT(cut, 0) << "expected at least one long passage to be cut:\n" << r.out;
}

}  // namespace
}  // namespace nsearch::e2e
