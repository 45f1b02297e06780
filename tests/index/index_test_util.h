// Test helpers: articles written straight into an index through the same
// document builder and writer nsearch-index uses.
#ifndef NSEARCH_TESTS_INDEX_INDEX_TEST_UTIL_H_
#define NSEARCH_TESTS_INDEX_INDEX_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "index/document.h"
#include "index/writer.h"
#include "nsearch/article.h"

namespace nsearch::testing_util {

// A directory of the running test's own under $TMPDIR, "PREFIX-PID-TEST",
// left over from an earlier run removed; the fixture removes it when done.
inline std::filesystem::path FreshTestDir(const std::string& prefix) {
  const auto path = std::filesystem::temp_directory_path() /
                    (prefix + "-" + std::to_string(::getpid()) + "-" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(path);
  return path;
}

// An article |id| ("Story " + id as its title) whose paragraphs are body
// text, in order.
inline Article BodyArticle(std::string id, std::vector<std::string> paras) {
  Article a;
  a.id = std::move(id);
  a.title = "Story " + a.id;
  a.source.file = a.id;
  int n = 0;
  for (auto& p : paras) a.paragraphs.push_back({++n, ParagraphKind::kBody, std::move(p)});
  return a;
}

// Adds or replaces |articles| in the index at |dir| and finishes the run
// (synonyms, statistics, commit), as the indexer does.
inline void PutArticles(const std::string& dir, const std::vector<Article>& articles) {
  auto w = index::Writer::Open(dir);
  ASSERT_TRUE(w.ok()) << w.status().message();
  for (const auto& a : articles) {
    size_t bytes = a.title.size();
    for (const auto& p : a.paragraphs) bytes += p.text.size();
    auto put = (*w)->Put(index::BuildDocument(a), bytes);
    ASSERT_TRUE(put.ok()) << put.status().message();
  }
  ASSERT_TRUE((*w)->Finish().ok());
}

}  // namespace nsearch::testing_util

#endif  // NSEARCH_TESTS_INDEX_INDEX_TEST_UTIL_H_
