// index/stats: what an index holds, read from the index alone
// (nsearch-index --stats): its size in articles, paragraphs and entities,
// the bundles its articles came from, and the runs that wrote it.
#ifndef NSEARCH_INDEX_STATS_H_
#define NSEARCH_INDEX_STATS_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "nsearch/status.h"

namespace nsearch::index {

struct IndexReport {
  std::string path;
  int schema_version = 0;  // 0 for an index never written
  int64_t articles = 0;
  int64_t paragraphs = 0;                             // title excluded
  std::map<std::string, int64_t> paragraphs_by_kind;  // KindName -> count
  std::map<std::string, int64_t> entities;            // EntityTypeName -> distinct names
  // Bundle (an input path of a recorded run, or a directory when no run
  // recorded one) -> articles, in path order.
  std::vector<std::pair<std::string, int64_t>> bundles;
  uint64_t bytes = 0;     // on disk, every file of the index directory
  int runs_recorded = 0;  // at most kMaxRunRecords
  std::string last_run;   // the newest run record (JSON), "" if none
  // A sharded index (index/shards.h): its rule and each shard's articles,
  // by name; "" and none for one database.
  std::string shard_by;
  std::vector<std::pair<std::string, int64_t>> shards;
};

// Reads the index at |index_path| (open for reading: an indexer may be
// writing it meanwhile). NotFound when there is no index there; IOError
// when it cannot be read.
Result<IndexReport> ReadIndexReport(const std::string& index_path);

// Bytes of the files under |path| (a file: its size); 0 if it is missing.
uint64_t DiskBytes(const std::string& path);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_STATS_H_
