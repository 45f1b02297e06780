// End to end: the real nsearch-serve on a free port over an index of the
// sample bundle, asked over loopback what a browser or a script would ask.
#include <gtest/gtest.h>

#include "e2e_util.h"
#include "serve_util.h"

namespace nsearch::e2e {
namespace {

class E2eServe : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    index_ = *dir_ / "index";
    const RunResult r = RunBinary(IndexBin(), {"-q", "--index", index_, SampleBundle()});
    index_ok_ = r.exit_code == 0;
    server_ = new ServerProcess({"--index", index_});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  void SetUp() override {
    ASSERT_TRUE(index_ok_);
    ASSERT_GT(server_->port(), 0) << "no URL on stdout: " << server_->Stderr();
  }

  static HttpReply Api(const std::string& target) { return Get(server_->port(), target); }

  static TempDir* dir_;
  static std::string index_;
  static bool index_ok_;
  static ServerProcess* server_;
};
TempDir* E2eServe::dir_ = nullptr;
std::string E2eServe::index_;
bool E2eServe::index_ok_ = false;
ServerProcess* E2eServe::server_ = nullptr;

TEST_F(E2eServe, PrintsItsLoopbackUrl) {
  EXPECT_EQ(server_->url(), "http://127.0.0.1:" + std::to_string(server_->port()) + "/");
}

TEST_F(E2eServe, SearchIsTheJsonOfNsearch) {
  for (const std::string& q :
       std::vector<std::string>{"ceasefire Istanbul", "\"two to tango\"", "prisoner -swap"}) {
    const HttpReply r = Api("/api/search?q=" + UrlEncode(q));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/json; charset=utf-8");
    const RunResult cli = RunBinary(SearchBin(), {"--index", index_, "--json", "--", q});
    EXPECT_EQ(r.body + "\n", cli.out) << q;
  }
  // Filters, paging and facets are the CLI's options.
  const HttpReply r = Api("/api/search?q=ceasefire&person=Fidan&page=1&limit=2&facets=1");
  const RunResult cli = RunBinary(SearchBin(), {"--index", index_, "--json", "--person", "Fidan",
                                                "-n", "2", "--facets", "ceasefire"});
  EXPECT_EQ(r.body + "\n", cli.out);
  const json page2 = Body(Api("/api/search?q=ceasefire&limit=2&page=2"));
  ASSERT_EQ(page2["results"].size(), 2u);
  EXPECT_EQ(page2["results"][0]["rank"], 3);
}

TEST_F(E2eServe, ArticleByIdWithMatchesMarked) {
  const json hit = Body(Api("/api/search?q=ceasefire+Istanbul&limit=1"))["results"][0];
  const std::string id = hit["path"];
  const HttpReply r = Api("/api/article?q=ceasefire+Istanbul&id=" + UrlEncode(id));
  ASSERT_EQ(r.status, 200) << r.body;
  const json a = Body(r);
  EXPECT_EQ(a["path"], id);
  EXPECT_EQ(a["title"], hit["title"]);
  ASSERT_FALSE(a["paragraphs"].empty());
  int marked = 0;
  bool credit = false;
  for (const auto& p : a["paragraphs"]) {
    marked += !p["highlights"].empty();
    credit |= p["kind"] == "credit";
  }
  EXPECT_EQ(marked, a["matching_paragraphs"]);
  EXPECT_GE(marked, 2);
  EXPECT_TRUE(credit) << "the photo credit comes with its kind";
  EXPECT_FALSE(a["entities"]["person"].empty());
}

TEST_F(E2eServe, UnknownIdsAndNamesAre404) {
  for (const std::string& target : std::vector<std::string>{
           "/api/article?id=" + UrlEncode("/etc/passwd"), "/api/article?id=..%2F..%2Fetc%2Fpasswd",
           "/api/person?name=Nobody+Atall", "/api/nothing", "/no/such/page", "/static/nope.js"}) {
    const HttpReply r = Api(target);
    EXPECT_EQ(r.status, 404) << target << ": " << r.body;
    EXPECT_FALSE(r.body.empty()) << target;
  }
  EXPECT_TRUE(Body(Api("/api/article?id=%2Fetc%2Fpasswd")).contains("error"));
}

TEST_F(E2eServe, PathTricksAreRefused) {
  for (const std::string& target : std::vector<std::string>{
           "/static/../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/",
           "/person/..%2F..%2Fetc", "/static/..%5c..%5cwin.ini", "/static/app.js%00.txt"}) {
    const HttpReply r = Api(target);
    EXPECT_GE(r.status, 400) << target;
    EXPECT_LT(r.status, 500) << target;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(E2eServe, OnlyGetAndHead) {
  for (const std::string& method :
       std::vector<std::string>{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    const HttpReply r = Get(server_->port(), "/api/search?q=ceasefire", method);
    EXPECT_EQ(r.status, 405) << method;
    EXPECT_EQ(r.Header("allow"), "GET, HEAD") << method;
  }
  const HttpReply head = Get(server_->port(), "/", "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

TEST_F(E2eServe, HostHeaderIsChecked) {
  const int port = server_->port();
  const std::string p = ":" + std::to_string(port);
  for (const std::string& host :
       std::vector<std::string>{"127.0.0.1" + p, "localhost" + p, "LOCALHOST" + p, "[::1]" + p})
    EXPECT_EQ(Get(port, "/api/search?q=ceasefire", "GET", host).status, 200) << host;
  for (const std::string& host :
       std::vector<std::string>{"evil.example" + p, "127.0.0.1.evil.example" + p, "127.0.0.1:1",
                                "localhost", "10.0.0.1" + p})
    EXPECT_EQ(Get(port, "/api/search?q=ceasefire", "GET", host).status, 403) << host;
  // No Host header at all.
  EXPECT_EQ(RawRequest(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n").status, 403);
}

TEST_F(E2eServe, OversizedOrUnknownParametersAre4xx) {
  const std::string long_q(2000, 'a');
  EXPECT_EQ(Api("/api/search?q=" + long_q).status, 400);
  EXPECT_EQ(Api("/api/search?q=" + std::string(9000, 'a')).status, 414);
  std::string many = "/api/search?q=ceasefire";
  for (int i = 0; i < 50; ++i) many += "&person=x" + std::to_string(i);
  EXPECT_EQ(Api(many).status, 400);
  for (const std::string& target : std::vector<std::string>{
           "/api/search?q=x&bogus=1", "/api/search?q=x&limit=-1", "/api/search?q=x&limit=1000",
           "/api/search?q=x&page=0", "/api/search?q=x&sort=sideways", "/api/search?since=May",
           "/api/search", "/api/article", "/api/timeline?q=x&unit=week",
           "/api/entities?type=cat"}) {
    const HttpReply r = Api(target);
    EXPECT_EQ(r.status, 400) << target << ": " << r.body;
    EXPECT_TRUE(Body(r).contains("error")) << target;
  }
}

TEST_F(E2eServe, SecurityHeadersOnEveryAnswer) {
  for (const std::string& target :
       std::vector<std::string>{"/", "/api/search?q=ceasefire", "/static/app.js", "/nope"}) {
    const HttpReply r = Api(target);
    const std::string csp = r.Header("content-security-policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << target;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << target;
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(r.Header("x-frame-options"), "DENY") << target;
  }
}

TEST_F(E2eServe, PageAndAssetsComeFromTheBinary) {
  for (const std::string& target :
       std::vector<std::string>{"/", "/?q=ceasefire+Istanbul", "/article?id=x", "/person/Fidan"}) {
    const HttpReply r = Api(target);
    ASSERT_EQ(r.status, 200) << target;
    EXPECT_EQ(r.Header("content-type"), "text/html; charset=utf-8");
    // Scripts only from files: no inline script for the CSP to forbid.
    EXPECT_EQ(r.body.find("<script>"), std::string::npos);
    EXPECT_NE(r.body.find("<script src=\"/static/app.js\""), std::string::npos);
    EXPECT_EQ(r.body.find("http"), std::string::npos) << "nothing fetched from elsewhere";
  }
  const HttpReply js = Api("/static/app.js");
  ASSERT_EQ(js.status, 200);
  EXPECT_EQ(js.Header("content-type"), "text/javascript; charset=utf-8");
  // Every script builds the DOM from text nodes: no HTML from strings.
  for (const std::string& file :
       std::vector<std::string>{"app", "results", "article", "person", "timeline"}) {
    const HttpReply script = Api("/static/" + file + ".js");
    ASSERT_EQ(script.status, 200) << file;
    for (const char* sink : {".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write",
                             "eval(", "new Function"})
      EXPECT_EQ(script.body.find(sink), std::string::npos) << file << " uses " << sink;
  }
  const std::string etag = js.Header("etag");
  ASSERT_FALSE(etag.empty());
  const HttpReply again = RawRequest(
      server_->port(),
      "GET /static/app.js HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server_->port()) +
          "\r\nIf-None-Match: " + etag + "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(again.status, 304);
}

TEST_F(E2eServe, FacetsTimelinePersonEntities) {
  const json facets = Body(Api("/api/facets?q=ceasefire&limit=3"));
  ASSERT_TRUE(facets.contains("facets"));
  EXPECT_LE(facets["facets"]["person"].size(), 3u);
  EXPECT_GT(facets["total"], 0);
  const json timeline = Body(Api("/api/timeline?q=ceasefire"));
  ASSERT_TRUE(timeline.contains("timeline"));
  int64_t sum = timeline["undated"];
  for (const auto& p : timeline["timeline"]) sum += p["count"].get<int64_t>();
  EXPECT_EQ(sum, timeline["articles"]);
  EXPECT_EQ(timeline["articles"], facets["total"]);
  const json person = Body(Api("/api/person?name=Fidan"));
  EXPECT_EQ(person["names"][0], "Hakan Fidan");
  EXPECT_EQ(person["articles"], person["search"]["total"]);
  EXPECT_TRUE(person["with"].contains("person"));
  EXPECT_EQ(person["timeline"]["articles"], person["articles"]);
  const json people = Body(Api("/api/entities?type=person&limit=5"));
  EXPECT_EQ(people["type"], "person");
  EXPECT_EQ(people["entities"].size(), 5u);
}

TEST_F(E2eServe, TimelineIsTheCliTimeline) {
  const RunResult cli =
      RunBinary(SearchBin(), {"--index", index_, "--timeline", "--json", "ceasefire"});
  EXPECT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(Api("/api/timeline?q=ceasefire").body + "\n", cli.out);
}

// A server of its own: stopped, rebuilt under, listening elsewhere.
TEST(E2eServeProcess, CtrlCStopsItCleanly) {
  TempDir dir;
  ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", dir / "index", SampleBundle()}).exit_code, 0);
  ServerProcess server({"--index", dir / "index"});
  ASSERT_GT(server.port(), 0);
  EXPECT_EQ(Get(server.port(), "/api/search?q=ceasefire").status, 200);
  EXPECT_EQ(server.Stop(SIGINT), 0) << server.Stderr();
}

TEST(E2eServeProcess, MissingIndexIsAUsageError) {
  TempDir dir;
  const RunResult r = RunBinary(ServeBin(), {"--index", dir / "none", "--port", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no index"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(E2eServeProcess, NsearchServeRunsTheServer) {
  const RunResult help = RunBinary(SearchBin(), {"serve", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("nsearch serve [OPTIONS]"), std::string::npos) << help.out;
  // `--` makes it a query again.
  const RunResult word = RunBinary(SearchBin(), {"--index", "/nonexistent", "--", "serve"});
  EXPECT_NE(word.err.find("no index"), std::string::npos) << word.err;
}

TEST(E2eServeProcess, ListeningBeyondLoopbackWarns) {
  TempDir dir;
  ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", dir / "index", SampleBundle()}).exit_code, 0);
  ServerProcess server({"--index", dir / "index", "--listen", "0.0.0.0"});
  // The URL names the address given; requests still go to loopback only.
  usleep(200000);
  EXPECT_NE(server.Stderr().find("anyone who can reach this machine"), std::string::npos);
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

TEST(E2eServeProcess, KeepsAnsweringWhileTheIndexIsRebuilt) {
  TempDir dir;
  const std::string index = dir / "index";
  fs::create_directories(dir / "bundle");
  WriteFile(dir / "bundle/a.txt", "Harbour cranes\n\nThe harbour cranes stood idle all week.\n");
  ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", index, dir / "bundle"}).exit_code, 0);
  ServerProcess server({"--index", index});
  ASSERT_GT(server.port(), 0);
  EXPECT_EQ(Body(Get(server.port(), "/api/search?q=harbour"))["total"], 1);
  // Each changed run writes a compacted generation and switches the stub;
  // the second switch deletes the generation the server first opened.
  for (int run = 0; run < 2; ++run) {
    WriteFile(dir / ("bundle/b" + std::to_string(run) + ".txt"),
              "More cranes\n\nThe harbour cranes moved again.\n");
    ASSERT_EQ(RunBinary(IndexBin(), {"-q", "--index", index, dir / "bundle"}).exit_code, 0);
  }
  const HttpReply after = Get(server.port(), "/api/search?q=harbour");
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(Body(after)["total"], 3);
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace nsearch::e2e
