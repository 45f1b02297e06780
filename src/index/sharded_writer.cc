#include "index/sharded_writer.h"

#include <xapian.h>

#include <filesystem>
#include <limits>

#include "index/data_dictionary.h"
#include "index/generations.h"
#include "index/schema.h"
#include "index/shards.h"

namespace nsearch::index {
namespace {

namespace fs = std::filesystem;

// A shard or the meta index: one database, written in place until its
// first change forks it; commits when the sharded writer says so.
WriterOptions PartOptions(bool meta) {
  WriterOptions part;
  part.commit_every = std::numeric_limits<int>::max();
  part.commit_bytes = std::numeric_limits<size_t>::max();
  // Each shard writes on the writer's thread: a bulk build's threads and
  // buffers per shard would multiply by the shards (a hundred months).
  part.bulk = false;
  part.run_tables = meta;
  return part;
}

}  // namespace

Result<std::unique_ptr<Writer>> Writer::OpenSharded(const std::string& path,
                                                    const WriterOptions& options) {
  std::string wanted;
  if (!options.shard_by.empty()) {
    auto parsed = ParseShardBy(options.shard_by);
    if (!parsed.ok()) return parsed.status();
    wanted = *parsed;
  }
  std::error_code ec;
  if (!IsSharded(path)) {
    // A new index: only into an empty (or missing) directory.
    if (fs::exists(path, ec) && !fs::is_empty(path, ec)) {
      const bool is_index = fs::exists(fs::path(path) / "XAPIANDB", ec) ||
                            fs::exists(fs::path(path) / "iamglass", ec);
      return Status::InvalidArgument(
          is_index ? "index " + path + " is one database: --shard-by splits a new index; build " +
                         "it into an empty directory (nsearch-index --index NEW_DIR --shard-by " +
                         wanted + " BUNDLE...)"
                   : path + " is neither empty nor an nsearch index: give a new directory");
    }
    fs::create_directories(fs::path(path) / kShardsDir, ec);
    if (ec) return Status::IOError("cannot create index " + path + ": " + ec.message());
  }
  auto sharded = std::make_unique<Sharded>();
  sharded->index_path = path;
  sharded->options = options;
  // meta first: its lock is the index's (a second indexer stops here).
  auto meta = Writer::Open(MetaPath(path), PartOptions(true));
  if (!meta.ok() && meta.status().code() == StatusCode::kLocked) {
    // Named as the user named the index, not its meta part.
    std::string message = meta.status().message();
    if (const size_t at = message.find(MetaPath(path)); at != std::string::npos)
      message.replace(at, MetaPath(path).size(), path);
    return Status::Locked(message);
  }
  if (!meta.ok()) return meta.status();
  sharded->meta = std::move(meta.value());
  try {
    auto& db = sharded->meta->Database();
    const std::string stored = db.get_metadata(kShardByKey);
    if (stored.empty() && wanted.empty())
      return Status::Corruption("index " + path + " has shards but no shard rule in " +
                                MetaPath(path) + ": rebuild it into an empty directory");
    if (!stored.empty() && !wanted.empty() && stored != wanted)
      return Status::InvalidArgument("index " + path + " is sharded by " + stored + ", not by " +
                                     wanted +
                                     ": rebuild it into an empty directory to change that");
    sharded->shard_by = stored.empty() ? wanted : stored;
    if (stored.empty()) db.set_metadata(kShardByKey, sharded->shard_by);
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot read index " + path + ": " + e.get_description());
  }
  for (const auto& name : ShardNames(path)) {
    auto shard = Writer::Open(ShardPath(path, name), PartOptions(false));
    if (!shard.ok()) return shard.status();
    if (!sharded->dictionary) sharded->dictionary = DictionaryOf((*shard)->Database());
    sharded->shards.emplace(name, std::move(shard.value()));
    sharded->names_on_open.push_back(name);
  }
  // A shard without it (one older than dictionaries) takes it with its
  // next article.
  if (!sharded->dictionary) sharded->dictionary = DictionaryOf(sharded->meta->Database());
  sharded->meta->AdoptDictionary(sharded->dictionary);
  for (auto& [name, shard] : sharded->shards) shard->AdoptDictionary(sharded->dictionary);
  // Readers can open the index from its first run on.
  if (!fs::exists(fs::path(path) / "XAPIANDB", ec))
    if (Status s = WriteShardStub(path, sharded->names_on_open); !s.ok()) return s;
  return std::unique_ptr<Writer>(new Writer(std::move(sharded)));
}

Result<Writer*> Writer::Sharded::Shard(const std::string& name) {
  auto it = shards.find(name);
  if (it != shards.end()) return it->second.get();
  auto opened = Writer::Open(ShardPath(index_path, name), PartOptions(false));
  if (!opened.ok()) return opened.status();
  (*opened)->AdoptDictionary(dictionary);
  return shards.emplace(name, std::move(opened.value())).first->second.get();
}

void Writer::Sharded::AdoptDictionary(std::shared_ptr<const DataDictionary> d) {
  if (!d || dictionary) return;
  dictionary = std::move(d);
  meta->AdoptDictionary(dictionary);  // written with its run tables
  for (auto& [name, shard] : shards) shard->AdoptDictionary(dictionary);
}

Result<PutOutcome> Writer::Sharded::Put(BuiltArticle&& built, size_t text_bytes) {
  const std::string name = ShardOf(shard_by, built, options.bundles);
  bool moved = false;
  if (shard_by == "month" && !names_on_open.empty()) {
    // A changed date moves the article: the shard of its old month lets
    // it go (a bundle or a hash of the id never moves one). A first build
    // has no old month (a run reads each id once).
    for (auto& [other, shard] : shards) {
      if (other == name) continue;
      auto deleted = shard->DeleteArticle(built.key);
      if (!deleted.ok()) return deleted.status();
      if (*deleted) pending.insert(other);
      moved = moved || *deleted;
    }
  }
  auto shard = Shard(name);
  if (!shard.ok()) return shard.status();
  auto outcome = (*shard)->Put(std::move(built), text_bytes);
  if (!outcome.ok()) return outcome;
  pending.insert(name);
  // One commit rule for the whole index: what Xapian buffers stays bounded
  // however many shards the articles are spread over.
  if (++pending_articles >= options.commit_every ||
      (pending_bytes += text_bytes) >= options.commit_bytes)
    if (Status s = Commit(); !s.ok()) return s;
  return moved ? PutOutcome::kUpdated : *outcome;
}

Result<int64_t> Writer::Sharded::RemoveStale(const std::string& source_file,
                                             const std::unordered_set<std::string>& keep) {
  int64_t removed = 0;
  for (auto& [name, shard] : shards) {
    auto n = shard->RemoveStale(source_file, keep);
    if (!n.ok()) return n;
    removed += *n;
  }
  return removed;
}

Result<int64_t> Writer::Sharded::RemoveVanished(const std::vector<std::string>& roots,
                                                const ingest::HashedSet& walked) {
  int64_t removed = 0;
  for (auto& [name, shard] : shards) {
    auto n = shard->RemoveVanished(roots, walked);
    if (!n.ok()) return n;
    removed += *n;
    // The shard forgot the vanished files; meta holds the file records.
    for (const auto& [file, record] : shard->TakeFileRecords()) meta->ForgetFile(file);
  }
  return removed;
}

Status Writer::Sharded::Commit() {
  for (const auto& name : pending)
    if (Status s = shards.at(name)->Commit(); !s.ok()) return s;
  pending.clear();
  pending_articles = 0;
  pending_bytes = 0;
  return meta->Commit();
}

Status Writer::Sharded::Finish(bool compact) {
  if (Status s = Commit(); !s.ok()) return s;
  {
    // The run tables, over every shard as committed, into meta.
    Xapian::Database all;
    for (auto& [name, shard] : shards) all.add_database(shard->Database());
    if (Status s = meta->FinishOver(all, compact); !s.ok()) return s;
  }
  // Each shard this run changed switches to its compacted next generation
  // (atomically, one shard at a time); the others are left as they were.
  for (auto& [name, shard] : shards)
    if (Status s = shard->Finish(shard->Changed()); !s.ok()) return s;
  std::vector<std::string> names;
  for (const auto& [name, shard] : shards) names.push_back(name);
  std::error_code ec;
  if (names != names_on_open || !fs::exists(fs::path(index_path) / "XAPIANDB", ec))
    return WriteShardStub(index_path, names);
  return Status::Ok();
}

}  // namespace nsearch::index
