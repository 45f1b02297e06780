#include "cli/common.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nsearch::cli {
namespace {

TEST(ParseSizeTest, UnitsAndJunk) {
  unsigned long long b = 0;
  EXPECT_TRUE(ParseSize("16M", &b));
  EXPECT_EQ(b, 16ull << 20);
  EXPECT_TRUE(ParseSize("1048576", &b));
  EXPECT_EQ(b, 1048576u);
  EXPECT_TRUE(ParseSize("2GiB", &b));
  EXPECT_EQ(b, 2ull << 30);
  EXPECT_FALSE(ParseSize("", &b));
  EXPECT_FALSE(ParseSize("-1", &b));  // stoull would take it as a huge number
  EXPECT_FALSE(ParseSize(" 5M", &b));
  EXPECT_FALSE(ParseSize("12 parsecs", &b));
  EXPECT_FALSE(ParseSize("17179869184G", &b));  // would wrap around to 0
}

TEST(ParseCountTest, DigitsOnly) {
  unsigned long long n = 7;
  EXPECT_TRUE(ParseCount("100000", &n));
  EXPECT_EQ(n, 100000u);
  EXPECT_TRUE(ParseCount("0", &n));
  EXPECT_EQ(n, 0u);
  for (const char* junk : {"", "-5", "+5", " 5", "5 ", "5k", "1e3", "99999999999999999999999"})
    EXPECT_FALSE(ParseCount(junk, &n)) << junk;
}

TEST(OneLineTest, CutsLongMessagesOnCharacterBoundaries) {
  EXPECT_EQ(OneLine("a\nb"), "a b");
  std::string s = "x" + std::string(400, '\xc3');  // continuation-like bytes
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += "\u00fc";  // 2 bytes each
  std::string out = OneLine(long_text, 101);
  EXPECT_TRUE(out.ends_with("\u2026"));
  EXPECT_EQ((out.size() - 3) % 2, 0u);  // no half character before the ellipsis
}

// A command's options, described as nsearch describes its own.
struct Opts {
  std::vector<std::string> index, words;
  int limit = -1;
  int offset = -1;
  std::string sort, save, since;
  bool json = false, saved = false, verbose = false, quiet = false;
  bool operator==(const Opts&) const = default;
};

boost::program_options::options_description DescribeOpts(Opts* o, const NamedOptions& named) {
  namespace po = boost::program_options;
  po::options_description d("test [options] words");
  OptionAdder add(&d, named);
  add("help,h", "show this help");
  add("index,i", po::value(&o->index)->composing(), "index");
  add("limit,n", po::value(&o->limit), "articles");
  add("offset", po::value(&o->offset)->default_value(7), "skip");
  add("sort", po::value(&o->sort)->default_value("relevance"), "order");
  add("since", po::value(&o->since), "date");
  add("save", po::value(&o->save), "name");
  add("saved", po::bool_switch(&o->saved), "list");
  add("json", po::bool_switch(&o->json), "json");
  add("verbose,v", po::bool_switch(&o->verbose), "more");
  add("quiet,q", po::bool_switch(&o->quiet), "less");
  return d;
}

struct Parsed {
  Opts opts;
  int stop = 0;
  std::string out, err;
  size_t described = 0;
};

Parsed Parse(std::vector<std::string> args, bool only_named) {
  args.insert(args.begin(), "test");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  const int argc = static_cast<int>(argv.size());
  Parsed p;
  const auto desc =
      DescribeOpts(&p.opts, only_named ? NamedOptions(argc, argv.data()) : NamedOptions());
  p.described = desc.options().size();
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  p.stop = ParseCommandLine(QueryWordsLast(argc, argv.data(), desc), "test", desc, "words",
                            &p.opts.words);
  p.out = testing::internal::GetCapturedStdout();
  p.err = testing::internal::GetCapturedStderr();
  return p;
}

TEST(NamedOptionsTest, NamesWhatTheLineCanName) {
  std::vector<std::string> args = {"nsearch", "--lim=5", "-vq", "ceasefire", "--", "--json"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  const NamedOptions named(static_cast<int>(argv.size()), argv.data());
  EXPECT_TRUE(named.CanName("limit,n"));    // an abbreviation of it
  EXPECT_TRUE(named.CanName("verbose,v"));  // letters of a short token
  EXPECT_TRUE(named.CanName("quiet,q"));
  EXPECT_FALSE(named.CanName("index,i"));
  EXPECT_FALSE(named.CanName("json"));  // after "--": a word of the query
  EXPECT_FALSE(named.CanName("offset"));
  EXPECT_TRUE(NamedOptions().CanName("offset"));
}

TEST(NamedOptionsTest, ParsesAsEveryOptionDescribed) {
  const std::vector<std::vector<std::string>> lines = {
      {"takes"},
      {"--index", "a", "-i", "b", "--limit", "5", "ceasefire", "Istanbul"},
      {"-n5", "-vq", "word"},
      {"--lim=3", "--off=2", "word"},
      {"--lim", "3", "--off", "2", "word"},
      {"--sort=date", "word"},
      {"--s", "word"},    // ambiguous: since, sort, save, saved
      {"--sav", "word"},  // ambiguous: save, saved
      {"--save", "mine", "word"},
      {"--saved"},
      {"word", "-istanbul"},  // -i with its value attached
      {"word", "-x"},         // a word of the query
      {"--bogus", "word"},
      {"--limit"},
      {"--limit", "many", "word"},
      {"--", "--help", "-n"},
      {"--help"},
      {"-h"},
      {"--he"},
      {},
  };
  for (const auto& line : lines) {
    std::string shown;
    for (const auto& a : line) shown += a + " ";
    const Parsed all = Parse(line, false), named = Parse(line, true);
    EXPECT_EQ(named.stop, all.stop) << shown;
    // A line Boost refuses stops the command: what it set does not matter.
    if (all.stop == -1) EXPECT_TRUE(named.opts == all.opts) << shown;
    EXPECT_EQ(named.out, all.out) << shown;
    EXPECT_EQ(named.err, all.err) << shown;
  }
}

TEST(QueryWordsLastTest, AnAbbreviatedOptionKeepsItsValue) {
  const Parsed p = Parse({"--lim", "3", "--ind", "dir", "word", "-x"}, false);
  EXPECT_EQ(p.stop, -1) << p.err;
  EXPECT_EQ(p.opts.limit, 3);
  EXPECT_EQ(p.opts.index, std::vector<std::string>{"dir"});
  EXPECT_EQ(p.opts.words, (std::vector<std::string>{"word", "-x"}));
  EXPECT_NE(Parse({"--s", "word"}, false).err.find("ambiguous"), std::string::npos);
}

TEST(NamedOptionsTest, LeftOutOptionsGetTheirDefaults) {
  const Parsed p = Parse({"--limit", "3", "word"}, true);
  EXPECT_EQ(p.described, 1u);  // only --limit was described
  EXPECT_EQ(p.stop, -1);
  EXPECT_EQ(p.opts.limit, 3);
  EXPECT_EQ(p.opts.offset, 7);
  EXPECT_EQ(p.opts.sort, "relevance");
  EXPECT_FALSE(p.opts.json);
  EXPECT_EQ(p.opts.words, std::vector<std::string>{"word"});
  EXPECT_EQ(Parse({"--help"}, true).described, Parse({}, false).described);
}

}  // namespace
}  // namespace nsearch::cli
