// index/shards: the layout of a sharded index, which splits one index into
// several Xapian databases that readers search as one. The index directory
// holds a Xapian stub file, XAPIANDB, listing "auto meta" first and then
// "auto shards/NAME" for each shard. meta is an index with no articles: it
// holds what describes the whole index (schema version, shard rule, file
// records, run records, synonym table, length averages, entity lists), and a Xapian
// database of several reads its metadata from the first one only. Each
// shard, and meta, is an index of generations of its own
// (index/generations.h), so each is written and compacted atomically for
// readers, one at a time.
#ifndef NSEARCH_INDEX_SHARDS_H_
#define NSEARCH_INDEX_SHARDS_H_

#include <string>
#include <vector>

#include "index/document.h"
#include "nsearch/status.h"

namespace nsearch::index {

inline constexpr char kMetaName[] = "meta";
inline constexpr char kShardsDir[] = "shards";
// Metadata key (in meta) of the rule the index was sharded by.
inline constexpr char kShardByKey[] = "nsearch.shard_by";

// How articles are split: "bundle" (one shard per input given on the
// command line), "month" (by the article's date, "undated" for none) or a
// number N of shards (by a hash of the article id). Returns the canonical
// spelling ("bundle", "month", "4"), or InvalidArgument.
Result<std::string> ParseShardBy(const std::string& text);

// The shard |built| goes to under |shard_by| (canonical); |bundles| are the
// run's inputs (absolute paths, as ingest::PrepareInputs gives them).
std::string ShardOf(const std::string& shard_by, const BuiltArticle& built,
                    const std::vector<std::string>& bundles);

// True when |index_path| is a sharded index (it has a meta index).
bool IsSharded(const std::string& index_path);

// The directory of shard |name| of |index_path|, and of its meta index.
std::string ShardPath(const std::string& index_path, const std::string& name);
std::string MetaPath(const std::string& index_path);

// The names of the shards |index_path| holds on disk, sorted.
std::vector<std::string> ShardNames(const std::string& index_path);

// Writes the stub of |index_path| listing meta and |names| (atomically: a
// new file renamed over the old).
Status WriteShardStub(const std::string& index_path, const std::vector<std::string>& names);

// The stub files a reader of |index_path| follows: its own XAPIANDB and,
// for a stub that lists local databases ("auto PATH"), theirs, so that a
// reader sees a shard that switched generation.
std::vector<std::string> StubFiles(const std::string& index_path);

// The local databases the stub file |stub| lists ("auto PATH" lines), their
// paths resolved against the stub's directory.
std::vector<std::string> StubDatabases(const std::string& stub);

// True when a stub |index_path| follows lists a remote database ("remote
// HOST:PORT" served by xapian-tcpsrv, "remote :PROG ARGS" by a program
// such as ssh running xapian-progsrv): the searcher then asks Xapian only
// what its remote backend can answer (docs/shards.md).
bool HasRemote(const std::string& index_path);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_SHARDS_H_
