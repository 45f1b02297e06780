// End to end: an index built with --shard-by (several Xapian databases and a
// stub listing them) answers every kind of search exactly as one index of
// the same bundles does, before and after incremental runs; and shards
// served by xapian-tcpsrv, listed in a stub as remote databases, answer as
// the local index does (docs/shards.md).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <xapian.h>

#include <thread>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

constexpr char kNewsletter[] =
    "Sign up for our free morning newsletter to get the latest local headlines delivered daily.";

RunResult Index(const std::vector<std::string>& args) {
  RunResult r = RunBinary(IndexBin(), args, {.timeout_seconds = 120});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r;
}

std::string DumpState(const std::string& index) {
  const RunResult r = RunBinary(IndexBin(), {"--index", index, "--dump-state"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// Three bundles: the sample stories, the newsroom's dated JSONL desk, and
// letters whose closing line is in 3 articles of one bundle and 37 of
// another, boilerplate only when the whole index is counted.
struct Bundles {
  std::string sample, desk, few, many;
  std::vector<std::string> All() const { return {sample, desk, few, many}; }
};

Bundles WriteBundles(const TempDir& dir) {
  Bundles b{dir / "sample", dir / "desk", dir / "few", dir / "many"};
  fs::copy(SampleBundle(), b.sample, fs::copy_options::recursive);
  fs::create_directories(b.desk);
  fs::copy(NSEARCH_FIXTURES "/newsroom/harbour-desk.jsonl", b.desk + "/harbour-desk.jsonl");
  WriteStories(b.few, 3, "quarry");
  WriteStories(b.many, 37, "orchard");
  for (const auto& d : {b.few, b.many})
    for (const auto& e : fs::directory_iterator(d))
      WriteFile(e.path().string(), ReadFile(e.path().string()) + "\n" + kNewsletter + "\n");
  return b;
}

// What a user compares: the --json output of the same search on both.
struct Query {
  std::vector<std::string> args;
  int exit_code;
};

const std::vector<Query>& Queries() {
  static const std::vector<Query> kQueries = {
      {{"ceasefire"}, 0},
      {{"ceasefire", "--facets"}, 0},
      {{"harbour", "--facets", "-n", "50"}, 0},
      {{"--person", "Zelenskyy"}, 0},
      {{"--person", "Zelenskyy", "talks"}, 0},
      {{"orchard", "-n", "5", "--offset", "5"}, 0},
      {{"orchard", "-n", "5", "--offset", "30"}, 0},
      {{"--timeline", "harbour"}, 0},
      {{"--timeline", "orchard"}, 0},
      {{"--list", "person"}, 0},
      {{"--list", "place", "-n", "5"}, 0},
      {{"--with", "Zelenskyy"}, 0},
      {{"talks", "--sort", "date"}, 0},
      {{"--since", "2024", "-n", "20"}, 0},
      {{"kyiv"}, 0},        // a synonym (Kiev)
      {{"ceasfire"}, 0},    // a spelling correction
      {{"newsletter"}, 1},  // boilerplate across all bundles
      {{"\"public meeting\""}, 0},
  };
  return kQueries;
}

void ExpectSameAnswers(const std::string& one, const std::string& other, const std::string& what,
                       const std::vector<Query>& queries = Queries()) {
  for (const auto& q : queries) {
    std::vector<std::string> a = {"--index", one, "--json"}, b = {"--index", other, "--json"};
    a.insert(a.end(), q.args.begin(), q.args.end());
    b.insert(b.end(), q.args.begin(), q.args.end());
    const RunResult ra = RunBinary(SearchBin(), a), rb = RunBinary(SearchBin(), b);
    std::string shown;
    for (const auto& w : q.args) shown += w + " ";
    EXPECT_EQ(ra.exit_code, q.exit_code) << shown << ra.err;
    EXPECT_EQ(rb.exit_code, ra.exit_code) << what << ": " << shown << rb.err;
    EXPECT_FALSE(ra.out.empty()) << shown;
    EXPECT_EQ(rb.out, ra.out) << what << ": " << shown;
  }
}

TEST(E2eShards, ShardedIndexAnswersLikeOneIndex) {
  TempDir dir;
  const Bundles b = WriteBundles(dir);
  std::vector<std::string> args = {"-q", "--index", dir / "one"};
  for (const auto& s : b.All()) args.push_back(s);
  Index(args);
  for (const std::string rule : {"bundle", "month", "3"}) {
    const std::string sharded = dir / ("by-" + rule);
    std::vector<std::string> sargs = {"-q", "--index", sharded, "--shard-by", rule};
    for (const auto& s : b.All()) sargs.push_back(s);
    Index(sargs);
    // Several databases and a stub that lists them.
    const std::string stub = ReadFile(sharded + "/XAPIANDB");
    int shards = 0;
    for (const auto& e : fs::directory_iterator(sharded + "/shards")) shards += e.is_directory();
    EXPECT_GE(shards, rule == "month" ? 4 : 3) << rule;
    EXPECT_TRUE(Contains(stub, "auto shards/")) << stub;
    ExpectSameAnswers(dir / "one", sharded, "--shard-by " + rule);
    EXPECT_EQ(DumpState(sharded), DumpState(dir / "one")) << rule;
  }
}

// Each shard's stub (the generation readers open), by shard name.
std::map<std::string, std::string> Generations(const std::string& index) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(index + "/shards"))
    out[e.path().filename().string()] = ReadFile(e.path().string() + "/XAPIANDB");
  return out;
}

TEST(E2eShards, IncrementalRunsKeepShardsEqualToOneIndex) {
  TempDir dir;
  const Bundles b = WriteBundles(dir);
  auto run = [&](const std::string& index, const std::string& rule) {
    std::vector<std::string> args = {"-q", "--index", index};
    if (!rule.empty()) args.insert(args.end(), {"--shard-by", rule});
    for (const auto& s : b.All()) args.push_back(s);
    return Index(args);
  };
  run(dir / "one", "");
  run(dir / "month", "month");
  const auto before = Generations(dir / "month");

  // A desk story moves to another month, a sample story goes, one more
  // letter in the few bundle.
  const std::string desk = b.desk + "/harbour-desk.jsonl";
  std::string text = ReadFile(desk);
  const size_t at = text.find("\"date\": \"2024-01-15\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 20, "\"date\": \"2025-05-17\"");
  WriteFile(desk, text);
  fs::remove(b.sample + "/07-odesa-grain-ships.txt");
  // A later run finds the index's rule by itself.
  run(dir / "one", "");
  run(dir / "month", "");
  EXPECT_EQ(DumpState(dir / "month"), DumpState(dir / "one"));
  ExpectSameAnswers(dir / "one", dir / "month", "after an incremental run");

  const auto after = Generations(dir / "month");
  EXPECT_TRUE(after.count("2025-05")) << "the moved story's new month is a shard";
  // Shards the run did not touch keep their generation: not copied, not
  // compacted.
  int kept = 0;
  for (const auto& [name, stub] : before)
    if (after.count(name) && after.at(name) == stub) ++kept;
  EXPECT_GE(kept, 2);
  EXPECT_NE(after.at("2024-01"), before.at("2024-01")) << "the story left 2024-01";
}

TEST(E2eShards, AnIndexKeepsItsShardRule) {
  TempDir dir;
  const Bundles b = WriteBundles(dir);
  Index({"-q", "--index", dir / "sharded", "--shard-by", "month", b.desk});
  RunResult other = RunBinary(IndexBin(), {"--index", dir / "sharded", "--shard-by", "2", b.desk});
  EXPECT_EQ(other.exit_code, 2) << other.err;
  EXPECT_TRUE(Contains(other.err, "sharded by month")) << other.err;
  Index({"-q", "--index", dir / "one", b.desk});
  RunResult split = RunBinary(IndexBin(), {"--index", dir / "one", "--shard-by", "2", b.desk});
  EXPECT_EQ(split.exit_code, 2) << split.err;
  EXPECT_TRUE(Contains(split.err, "empty directory")) << split.err;
  RunResult bad = RunBinary(IndexBin(), {"--index", dir / "new", "--shard-by", "week", b.desk});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_TRUE(Contains(bad.err, "bundle, month or a number")) << bad.err;
}

// A second writer is refused at meta, before any shard, and told which
// index (as the user named it) is locked.
TEST(E2eShards, ASecondIndexerIsRefusedWithTheIndexNamed) {
  TempDir dir;
  const Bundles b = WriteBundles(dir);
  const std::string index = dir / "sharded";
  Index({"-q", "--index", index, "--shard-by", "2", b.desk});
  std::string generation;
  for (const auto& e : fs::directory_iterator(index + "/meta"))
    if (e.is_directory()) generation = e.path().string();
  Xapian::WritableDatabase holder(generation, Xapian::DB_OPEN);  // holds its lock
  const RunResult second = RunBinary(IndexBin(), {"--index", index, b.desk});
  EXPECT_EQ(second.exit_code, 3) << second.err;
  EXPECT_TRUE(Contains(second.err, "index " + index + " is locked")) << second.err;
}

// --- Remote shards ---------------------------------------------------------

std::string FindOnPath(const std::string& name) {
  const char* path = getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string d; std::getline(dirs, d, ':');) {
    const std::string candidate = d + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

bool Accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// xapian-tcpsrv serving |database| on a free port of 127.0.0.1, stopped
// (killed) when this goes.
struct TcpServer {
  TcpServer(const std::string& bin, const std::string& database, const std::string& log)
      : port(FreePort()),
        process(bin,
                {"--quiet", "--interface", "127.0.0.1", "--port", std::to_string(port), database},
                log) {
    for (int i = 0; i < 100 && !(up = Accepts(port)); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  int port;
  Background process;
  bool up = false;
};

TEST(E2eRemoteShards, ShardsServedByTcpsrvAnswerLikeOneLocalIndex) {
  const std::string tcpsrv = FindOnPath("xapian-tcpsrv");
  if (tcpsrv.empty()) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian package xapian-tools)";
  TempDir dir;
  const Bundles b = WriteBundles(dir);
  std::vector<std::string> one = {"-q", "--index", dir / "one"};
  std::vector<std::string> two = {"-q", "--index", dir / "two", "--shard-by", "2"};
  for (const auto& s : b.All()) {
    one.push_back(s);
    two.push_back(s);
  }
  Index(one);
  Index(two);
  TcpServer first(tcpsrv, dir / "two/shards/0", dir / "tcpsrv-0");
  TcpServer second(tcpsrv, dir / "two/shards/1", dir / "tcpsrv-1");
  ASSERT_TRUE(first.up && second.up)
      << ReadFile(dir / "tcpsrv-0.err") << ReadFile(dir / "tcpsrv-1.err");
  // The meta index (schema, synonyms, averages) stays local; the articles
  // are on the servers.
  const std::string stub = dir / "remote.stub";
  WriteFile(stub, "auto " + (dir / "two/meta") +
                      "\nremote 127.0.0.1:" + std::to_string(first.port) +
                      "\nremote 127.0.0.1:" + std::to_string(second.port) + "\n");
  std::vector<Query> queries;
  for (const auto& q : Queries())
    if (q.args[0] != "ceasfire") queries.push_back(q);  // no spelling table over remote
  queries.push_back({{"talks", "--sort", "date", "--facets"}, 0});
  // Oldest first: undated articles last, as locally (the remote backend's
  // own value sort puts them first).
  queries.push_back({{"talks", "--sort", "oldest"}, 0});
  queries.push_back({{"harbour", "--sort", "oldest", "-n", "3", "--offset", "4"}, 0});
  ExpectSameAnswers(dir / "one", stub, "remote shards", queries);

  // The program method (what an ssh line runs on the far side): the same.
  if (const std::string progsrv = FindOnPath("xapian-progsrv"); !progsrv.empty()) {
    const std::string prog = dir / "prog.stub";
    WriteFile(prog, "auto " + (dir / "two/meta") + "\nremote :" + progsrv + " " +
                        (dir / "two/shards/0") + "\nremote :" + progsrv + " " +
                        (dir / "two/shards/1") + "\n");
    ExpectSameAnswers(dir / "one", prog, "xapian-progsrv shards",
                      {{{"ceasefire", "--facets"}, 0}, {{"--timeline", "orchard"}, 0}});
  }

  // What the remote backend cannot do, as docs/shards.md says: no spelling
  // suggestion (the misspelt query finds nothing and says so, no error).
  const RunResult misspelt = RunBinary(SearchBin(), {"--index", stub, "--json", "ceasfire"});
  EXPECT_EQ(misspelt.exit_code, 1) << misspelt.err;
  EXPECT_FALSE(Contains(misspelt.out, "corrected_query")) << misspelt.out;
}

}  // namespace
}  // namespace nsearch::e2e
