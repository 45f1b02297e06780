// tests/bench/boilerplate_eval.py on a tiny labelled corpus written here: a
// missed target on the held-out sample is reported, not a failure; on the
// tuning sample it fails.
#include <gtest/gtest.h>

#include "e2e_util.h"

namespace nsearch::e2e {
namespace {

// One post whose first paragraph is labelled boilerplate though it is plain
// body text: boilerplate recall 0, a missed target.
RunResult EvalWithAMiss(const std::string& split) {
  TempDir dir;
  const std::string post = dir / ("shared/corpora/20newsgroups/" + split + "/misc/1");
  const std::string label = dir / ("labels/20newsgroups/" + split + "/misc/1.tsv");
  fs::create_directories(fs::path(post).parent_path());
  fs::create_directories(fs::path(label).parent_path());
  WriteFile(post,
            "Harbour Plan\n\nThe council approved the harbour plan on Tuesday after a long "
            "debate.\n\nWork on the quay begins in the spring, the council said.\n");
  WriteFile(label, "1\tboilerplate\n2\tbody\n");
  return RunBinary("/usr/bin/python3",
                   {NSEARCH_SOURCE_DIR "/tests/bench/boilerplate_eval.py", "--shared",
                    dir / "shared", "--labels", dir / "labels", NSEARCH_BIN_DIR});
}

TEST(BoilerplateEval, HeldOutMissIsReportedNotAFailure) {
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no python3";
  const RunResult r = EvalWithAMiss("20news-bydate-train");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Contains(r.out, "targets: MISSED (held out: reported, not a gate)")) << r.out;
}

TEST(BoilerplateEval, TuningMissFails) {
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "no python3";
  const RunResult r = EvalWithAMiss("20news-bydate-test");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Contains(r.out, "on the gated sets: MISSED")) << r.out;
}

}  // namespace
}  // namespace nsearch::e2e
