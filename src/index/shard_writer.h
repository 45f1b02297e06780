// index/shard_writer: one Xapian database being written — its documents,
// the spelling words put since the last commit, the commit rule. The Writer
// uses one in place for incremental runs, and several on threads of their
// own for a build into an empty index (merged by compaction at the end), so
// that Xapian's own work, which one database does on one core, uses them all.
#ifndef NSEARCH_INDEX_SHARD_WRITER_H_
#define NSEARCH_INDEX_SHARD_WRITER_H_

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "index/document.h"
#include "nsearch/status.h"

namespace nsearch::index {

struct ShardWriterOptions {
  // A commit after this many articles, or sooner when the articles put
  // since the last one hold |commit_bytes| of text.
  int commit_every = 500;
  size_t commit_bytes = 16u << 20;
  // The spelling words reach Xapian at every this many commits (and at
  // Commit): each commit that has new words rewrites the spelling table's
  // trigram lists they are in, so a database no reader sees yet tells it
  // less often.
  int spelling_every = 1;
  // A thread of its own: Put queues (at most |queue| articles) and returns.
  // Only for a database that starts empty (documents are added, not
  // replaced).
  bool threaded = false;
  size_t queue = 64;
  // For the commit guard (index/commit_guard.h): the index, and the
  // directory no reader sees yet that this database is in ("" when readers
  // read it).
  std::string index_path;
  std::string scratch;
};

class ShardWriter {
 public:
  ShardWriter(Xapian::WritableDatabase db, const ShardWriterOptions& options);
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Replaces the article's document (or adds it, threaded); |*existed| (may
  // be null) tells whether an older version was replaced. A threaded writer
  // reports an error of an earlier article here or at Commit.
  Status Put(BuiltArticle&& built, size_t text_bytes, bool* existed);
  // Deletes the article with |key|, if any (not threaded); true when it
  // existed.
  bool Delete(const std::string& key);
  // Spelling words for this shard's table (safe from any thread): its own
  // articles', and in a bulk build those of articles another shard writes,
  // since each word goes to one shard, so the shards' spelling tables,
  // merged at the end, never build the same word's entries twice. They
  // reach the table at a later commit (spelling_every).
  void AddSpellings(std::vector<std::string>&& words);
  // Commits everything put so far (a threaded writer first drains its queue).
  Status Commit();
  // The database, for reading and for the end of a run; only once Commit
  // has returned (nothing is in flight then).
  Xapian::WritableDatabase& db() { return db_; }

 private:
  void Write(BuiltArticle&& built, size_t text_bytes, bool* existed);
  // |all|: the spelling words too, whatever |spelling_every| says.
  void CommitNow(bool all);
  void Loop();

  Xapian::WritableDatabase db_;
  ShardWriterOptions options_;
  int pending_articles_ = 0;
  int commits_ = 0;
  size_t pending_bytes_ = 0;
  // Words put (or given) since Xapian was last told them, with how many
  // articles hold each: its spelling table is told once per word and
  // commit, not once per word and article (a fifth of the indexing time
  // otherwise). Under mu_: another shard's thread gives words too.
  std::unordered_map<std::string, Xapian::termcount> pending_spellings_;

  // Threaded.
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable work_, room_, idle_;
  std::deque<std::pair<BuiltArticle, size_t>> queue_;
  bool busy_ = false, stop_ = false;
  Status error_;
};

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_SHARD_WRITER_H_
