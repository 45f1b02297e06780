// Indexer: turns bundles into (or updates) a Xapian index.
#ifndef NSEARCH_INDEXER_H_
#define NSEARCH_INDEXER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "nsearch/article.h"
#include "nsearch/read_options.h"
#include "nsearch/status.h"

namespace nsearch {

// How far a run has got (IndexOptions::on_progress). A run reads the bundles
// twice (kCounting: the bundle-level counts; kIndexing: the articles
// written), then commits and compacts (kFinishing).
struct IndexProgress {
  enum class Phase { kCounting, kIndexing, kFinishing };
  Phase phase = Phase::kCounting;
  int64_t articles = 0;      // articles read in this phase, unchanged ones included
  uint64_t bytes = 0;        // their raw size (SourceInfo::size)
  uint64_t total_bytes = 0;  // size of the input files; 0 when unknown
};

// Limits and JSONL field names (ReadOptions, see docs/ingest.md) and the run.
struct IndexOptions : ReadOptions {
  std::string index_path;           // ignored when dry_run
  std::vector<std::string> inputs;  // files and directories
  bool dry_run = false;             // read and segment only; write nothing
  bool extract_entities = true;
  // Read the bundle twice: first to count lines repeated across articles
  // (boilerplate), so classification does not depend on reading order and
  // an incremental run classifies new articles as a rebuild would.
  bool bundle_pass = true;
  // Articles per Xapian commit: what the writer buffers, so its memory
  // (readers see a run's changes whole, when it ends).
  int commit_every = 500;
  // Worker threads; 0 = one per processor.
  int threads = 0;
  // Split a new index into shards searched as one: "bundle" (one per
  // input), "month" (by article date) or a number N (by a hash of the
  // article id); "" writes one database. An existing index keeps what it
  // is (docs/shards.md).
  std::string shard_by;
  // Called with each finished article (dry-run output, progress).
  std::function<void(const Article&)> on_article;
  // Called with the id of each article skipped because the index already
  // holds it with the same content, and with the path of each file left
  // unread because its size, mtime and inode are as last indexed (logging).
  std::function<void(const std::string& id)> on_unchanged;
  // Called with each skipped input: where ("file", "file:line") and why.
  std::function<void(const std::string& where, const std::string& reason)> on_skip;
  // Called on the walking thread with each article read and at each phase's
  // start; null: the input files are not even measured.
  std::function<void(const IndexProgress&)> on_progress;
  // How long to wait for another indexer's lock on the index: 0 fails at
  // once (Locked), infinity waits as long as it takes. |on_lock_wait| is
  // called once, with the "locked" message, when a wait starts.
  double lock_wait_seconds = 0;
  std::function<void(const std::string& message)> on_lock_wait;
};

struct IndexStats {
  int64_t articles = 0;   // articles read
  int64_t added = 0;      // new in the index
  int64_t updated = 0;    // replaced because their content changed
  int64_t unchanged = 0;  // already indexed with the same content
  // Unchanged, but indexed again: this run's changes moved a bundle-level
  // count (a repeated line, a surname's person) they depend on.
  int64_t revised = 0;
  int64_t removed = 0;                               // indexed before, gone from the bundle now
  int64_t paragraphs = 0;                            // paragraphs of the articles read
  int64_t skipped = 0;                               // inputs not indexed (files, members, lines)
  std::map<std::string, int64_t> skipped_by_reason;  // category -> count
  double seconds = 0;
  double entity_seconds = 0;  // time spent in entity extraction
};

// Runs one indexing pass. Returns a non-ok Status only when an input does not
// exist or overlaps the index (InvalidArgument, checked before anything is
// created) or when the index cannot be opened or written (Locked if another
// indexer holds it); bad files inside the inputs are counted in IndexStats and
// reported through on_skip, never an error. Overlapping inputs are read once.
Result<IndexStats> RunIndexer(const IndexOptions& options);

}  // namespace nsearch

#endif  // NSEARCH_INDEXER_H_
