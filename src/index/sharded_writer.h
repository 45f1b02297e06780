// index/sharded_writer: the Writer of a sharded index (index/shards.h),
// made of one-database Writers: one per shard and one for the meta index.
// The run is one run over all shards (one bundle pass sees every article),
// each article goes to the shard its rule names, and the run tables
// (synonyms, averages, entity lists, file and run records) are computed over all shards
// and kept in meta. Each shard forks and publishes its generation as a
// one-database index does, so a shard this run leaves alone is neither
// copied nor compacted. Internal to index/writer.
#ifndef NSEARCH_INDEX_SHARDED_WRITER_H_
#define NSEARCH_INDEX_SHARDED_WRITER_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "index/writer.h"

namespace nsearch::index {

struct Writer::Sharded {
  std::string index_path;
  std::string shard_by;  // canonical (ParseShardBy)
  WriterOptions options;
  std::unique_ptr<Writer> meta;
  std::map<std::string, std::unique_ptr<Writer>> shards;  // by name
  std::vector<std::string> names_on_open;                 // for the stub
  std::set<std::string> pending;                          // shards written since the last commit
  int pending_articles = 0;
  size_t pending_bytes = 0;
  // The index's data dictionary: every shard that takes articles keeps it.
  std::shared_ptr<const DataDictionary> dictionary;

  void AdoptDictionary(std::shared_ptr<const DataDictionary> d);

  Result<Writer*> Shard(const std::string& name);
  Result<PutOutcome> Put(BuiltArticle&& built, size_t text_bytes);
  Result<int64_t> RemoveStale(const std::string& source_file,
                              const std::unordered_set<std::string>& keep);
  Result<int64_t> RemoveVanished(const std::vector<std::string>& roots,
                                 const ingest::HashedSet& walked);
  Status Commit();
  Status Finish(bool compact);
};

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_SHARDED_WRITER_H_
