// serve/guard: which requests get past the door.
#include "serve/guard.h"

#include <gtest/gtest.h>

namespace nsearch::serve {
namespace {

TEST(GuardTest, OnlyGetAndHead) {
  EXPECT_TRUE(MethodAllowed("GET"));
  EXPECT_TRUE(MethodAllowed("HEAD"));
  for (const char* m : {"POST", "PUT", "DELETE", "OPTIONS", "get", ""})
    EXPECT_FALSE(MethodAllowed(m));
}

TEST(GuardTest, HostMustNameThisServer) {
  EXPECT_TRUE(HostAllowed("127.0.0.1:8737", "127.0.0.1", 8737));
  EXPECT_TRUE(HostAllowed("localhost:8737", "127.0.0.1", 8737));
  EXPECT_TRUE(HostAllowed("[::1]:8737", "127.0.0.1", 8737));
  EXPECT_FALSE(HostAllowed("127.0.0.1:8738", "127.0.0.1", 8737));
  EXPECT_FALSE(HostAllowed("127.0.0.1", "127.0.0.1", 8737));
  EXPECT_TRUE(HostAllowed("127.0.0.1", "127.0.0.1", 80));
  EXPECT_FALSE(HostAllowed("attacker.example:8737", "127.0.0.1", 8737));
  EXPECT_FALSE(HostAllowed("", "127.0.0.1", 8737));
  EXPECT_FALSE(HostAllowed("localhost:87x7", "127.0.0.1", 8737));
  // --listen: that address too; every address: any IP literal, never a name.
  EXPECT_TRUE(HostAllowed("192.168.1.20:8737", "192.168.1.20", 8737));
  EXPECT_FALSE(HostAllowed("192.168.1.21:8737", "192.168.1.20", 8737));
  EXPECT_TRUE(HostAllowed("192.168.1.21:8737", "0.0.0.0", 8737));
  EXPECT_TRUE(HostAllowed("[fe80::1]:8737", "::", 8737));
  EXPECT_FALSE(HostAllowed("newsroom.example:8737", "0.0.0.0", 8737));
}

TEST(GuardTest, PathTricks) {
  EXPECT_EQ(PathProblem("/static/app.js", "/static/app.js"), "");
  EXPECT_EQ(PathProblem("/person/Sergei%20Lavrov?page=2", "/person/Sergei Lavrov"), "");
  EXPECT_EQ(PathProblem("/person/Mark%20G.%20Peters", "/person/Mark G. Peters"), "");
  EXPECT_NE(PathProblem("/static/../x", "/static/../x"), "");
  EXPECT_NE(PathProblem("/static/%2e%2e/x", "/static/../x"), "");
  EXPECT_NE(PathProblem("/static/%2E/x", "/static/./x"), "");
  EXPECT_NE(PathProblem("/a%5cb", "/a\\b"), "");
  EXPECT_NE(PathProblem("/a%00b", std::string("/a\0b", 4)), "");
  EXPECT_NE(PathProblem("x", "x"), "");
  // The query string may say anything: it is parameters, not a path.
  EXPECT_EQ(PathProblem("/api/article?id=../../etc/passwd", "/api/article"), "");
}

TEST(GuardTest, UrlHostBracketsIpv6) {
  EXPECT_EQ(UrlHost("127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(UrlHost("::1"), "[::1]");
}

}  // namespace
}  // namespace nsearch::serve
