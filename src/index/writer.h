// index/writer: the only code that writes Xapian. Replaces an article's
// document (built by index/document, possibly on another thread), removes
// articles that are gone, keeps the spelling and synonym tables in step, and
// decides when to commit — the one commit rule of an indexing run.
#ifndef NSEARCH_INDEX_WRITER_H_
#define NSEARCH_INDEX_WRITER_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "index/document.h"
#include "ingest/hashed_table.h"
#include "nsearch/article.h"
#include "nsearch/status.h"

namespace nsearch::index {

enum class PutOutcome { kAdded, kUpdated };

struct WriterOptions {
  // A commit (atomic for readers) after this many articles, or sooner when
  // the articles put since the last one hold kCommitBytes of text, so that
  // Xapian's buffered postings stay small whatever the articles' sizes.
  int commit_every = 500;
  static constexpr size_t kCommitBytes = 16u << 20;
  // An empty index is built in shards on threads of their own and merged at
  // Finish (readers see the index when the run ends); otherwise, and without
  // |bulk|, articles are written in place, committed as they go.
  bool bulk = true;
  // An index split into shards (index/shards.h): "bundle", "month" or a
  // number of shards (ParseShardBy's spelling), for a new index; "" builds
  // one database. An existing index keeps what it is: a sharded one is
  // written by the rule it was built with, and naming another is an error.
  std::string shard_by;
  std::vector<std::string> bundles;  // the run's inputs, for "bundle"
  // Internal to sharding: a shard writes no run tables (its index's meta
  // database holds them for all shards), and commits when told.
  bool run_tables = true;
  size_t commit_bytes = kCommitBytes;
};

class Writer {
 public:
  // Opens or creates the index at |path|. Locked if another writer has it;
  // Unsupported (with what to run) if it holds another schema version.
  static Result<std::unique_ptr<Writer>> Open(const std::string& path,
                                              const WriterOptions& options = {});
  ~Writer();

  // Adds or replaces the article's document, stamped with the run's start
  // (kSlotIndexed); may commit (see WriterOptions).
  Result<PutOutcome> Put(BuiltArticle&& built, size_t text_bytes);
  // Removes the articles that came from |source_file| in an earlier run but
  // whose keys (ArticleKey of the id) are not in |keep|: JSONL lines or
  // archive members that are gone. Returns how many were removed.
  Result<int64_t> RemoveStale(const std::string& source_file,
                              const std::unordered_set<std::string>& keep);
  // Removes the articles of files under |roots| (directories) that no longer
  // exist on disk, and their file records. Returns how many were removed.
  // |walked|: files known to exist (by ingest::ContentHash of the path),
  // which are not looked for on the disk.
  Result<int64_t> RemoveVanished(const std::vector<std::string>& roots,
                                 const ingest::HashedSet& walked = {});

  // The index's data dictionary (index/data_dictionary.h); null when it has
  // none yet.
  const DataDictionary* Dictionary() const;
  // Gives an index without a dictionary |dictionary|, before the run puts
  // its first article: the articles built with it are stored compressed,
  // and every database they go to keeps it. Ignored otherwise (an index
  // keeps the dictionary it has).
  void AdoptDictionary(std::shared_ptr<const DataDictionary> dictionary);

  // Makes everything put so far visible to readers, atomically.
  Status Commit();
  // Remembers |record| (index::FileRecord) as what |path| was when this run
  // read it cleanly, or forgets the path (a file that had skips, or is
  // gone); written at Finish.
  void RecordFile(const std::string& path, std::string record);
  void ForgetFile(const std::string& path);

  // Appends |json| (one object, one line) to the index's run records
  // (kRunsKey), keeping the newest kMaxRunRecords; written at Finish.
  void RecordRun(const std::string& json);
  // End of a run: rebuilds the synonym table from the names the index holds
  // (so it matches a clean rebuild) and commits; with |compact|, writes a
  // compacted copy as the index's next generation and switches readers to
  // it atomically (index/generations.h). The Writer is done after this.
  Status Finish(bool compact = false);

 private:
  struct Impl;
  struct Sharded;  // index/sharded_writer.h
  explicit Writer(std::unique_ptr<Impl> impl);
  explicit Writer(std::unique_ptr<Sharded> sharded);
  static Result<std::unique_ptr<Writer>> OpenSharded(const std::string& path,
                                                     const WriterOptions& options);

  // What Sharded asks of the one-database Writers it is made of (its shards
  // and meta index).
  // The database this run writes to (the live generation until the first
  // change forks it).
  Xapian::WritableDatabase& Database();
  // True once an article was put or deleted.
  bool Changed() const;
  // The file records this writer was given (a shard forgets vanished
  // files), handed over to the meta index.
  std::map<std::string, std::string> TakeFileRecords();
  // Deletes the article with |key| if this database holds it.
  Result<bool> DeleteArticle(const std::string& key);
  // Finish, with the run tables (synonyms, averages, entity lists) computed
  // over |all|.
  Status FinishOver(const Xapian::Database& all, bool compact);

  std::unique_ptr<Impl> impl_;        // one database (a shard, a meta index)
  std::unique_ptr<Sharded> sharded_;  // or a sharded index
};

// The source stamps of the index as last committed, read on a thread other
// than the writer's (the walk asks whether an article is unchanged while
// the writer writes).
class StampReader {
 public:
  // Null when |index_path| holds no readable index yet (nothing is unchanged).
  static std::unique_ptr<StampReader> Open(const std::string& index_path);
  // True when the index holds |article_id| with this content hash.
  bool IsUnchanged(const std::string& article_id, uint64_t content_hash);
  // The file record (index::FileRecord) the index holds for |path|, or "".
  std::string FileRecordOf(const std::string& path);
  // How many articles the index holds from |path|.
  int64_t ArticlesOf(const std::string& path);
  // The index as last committed.
  const Xapian::Database& db() const { return db_; }

 private:
  explicit StampReader(Xapian::Database db) : db_(std::move(db)) {}
  // The file records and article counts of every file, read in one pass
  // over each list in key order on the first question: a lookup per file
  // read a block of each table per file (a re-run of the mix asked about
  // 86,000 files twice).
  void LoadFiles();
  Xapian::Database db_;
  std::once_flag files_once_;
  bool files_loaded_ = false;               // else each question looks up the index
  ingest::HashedMap<std::string> records_;  // by ContentHash(path)
  ingest::HashedMap<int64_t> articles_;     // likewise
};

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_WRITER_H_
