// index/writer: the only code that writes Xapian. Maps an Article to its
// passage documents and article record (schema.h) and replaces whatever the
// index held for that article id, so re-indexing never duplicates.
#ifndef NSEARCH_INDEX_WRITER_H_
#define NSEARCH_INDEX_WRITER_H_

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "nsearch/article.h"
#include "nsearch/status.h"

namespace nsearch::index {

enum class PutOutcome { kAdded, kUpdated, kUnchanged };

class Writer {
 public:
  // Opens or creates the index at |path|. Locked if another writer has it.
  static Result<std::unique_ptr<Writer>> Open(const std::string& path);
  ~Writer();

  // True when the index already holds |article_id| with this content hash.
  bool IsUnchanged(const std::string& article_id, uint64_t content_hash);
  // Adds or replaces the article's documents.
  Result<PutOutcome> Put(const Article& article);
  // Removes the articles that came from |source_file| in an earlier run but
  // whose keys (ArticleKey of the id) are not in |keep|: JSONL lines or
  // archive members that are gone. Returns how many were removed.
  Result<int64_t> RemoveStale(const std::string& source_file,
                              const std::unordered_set<std::string>& keep);
  // Removes the articles of files under |roots| (directories) that no longer
  // exist on disk. Returns how many were removed.
  Result<int64_t> RemoveVanished(const std::vector<std::string>& roots);

  // Makes everything put so far visible to readers, atomically.
  Status Commit();

 private:
  struct Impl;
  explicit Writer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_WRITER_H_
