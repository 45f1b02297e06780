#include "index/writer.h"

#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <utility>

#include "index/data_dictionary.h"
#include "index/entity_lists.h"
#include "index/generations.h"
#include "index/lock_info.h"
#include "index/schema.h"
#include "index/shard_writer.h"
#include "index/sharded_writer.h"
#include "index/shards.h"
#include "index/synonyms.h"
#include "ingest/hash.h"

namespace nsearch::index {

// A build into an empty index writes this many shards on threads of their
// own (a fixed number, so the result does not depend on the machine), merged
// into the next generation by compaction at the end.
constexpr int kBulkShards = 2;
constexpr char kBulkPrefix[] = ".bulk-";
// A bulk shard tells Xapian its spelling words at every 4th commit: a
// commit with new words rewrites the trigram lists they are in, and the
// words of four commits cost a few MB to hold (gothamist: -5% wall time,
// +10 MB peak; the index the same).
constexpr int kBulkSpellingEvery = 4;

struct Writer::Impl {
  std::string index_path;  // what the user named
  std::string generation;  // the glass database written (and locked)
  WriterOptions options;
  std::unique_ptr<ShardWriter> main;  // the generation written
  // An index that holds articles is not written where readers read it: at
  // the run's first change its live generation is compacted into the next
  // one (|fork_dir|), which takes the run's changes and is published whole
  // at Finish. |live| stays open meanwhile, holding the live generation's
  // lock (a second indexer is refused there).
  bool may_fork = false;
  std::unique_ptr<ShardWriter> live;
  std::string fork_dir;
  bool published = false;
  std::vector<std::unique_ptr<ShardWriter>> bulk;  // an empty index: shards on threads
  std::vector<std::string> bulk_dirs;
  size_t next_shard = 0;
  std::string indexed_stamp;                         // kSlotIndexed of the articles this run writes
  std::string run_record;                            // RecordRun, written at Finish
  std::map<std::string, std::string> file_records;   // path -> record; "" = forget
  bool changed = false;                              // an article put or deleted
  const Xapian::Database* tables_over = nullptr;     // FinishOver: the run tables' source
  std::shared_ptr<const DataDictionary> dictionary;  // the index's, or adopted by this run
  bool dictionary_unstored = false;                  // adopted, to store with the first article put

  Xapian::WritableDatabase& db() { return main->db(); }

  ~Impl() {
    if (fork_dir.empty() || published) return;
    // A run that failed or was abandoned leaves no half-written generation.
    main.reset();
    std::error_code ec;
    std::filesystem::remove_all(fork_dir, ec);
  }

  // The database this run's changes go to; forks the live generation on
  // the first call when it has to (may throw Xapian::Error).
  ShardWriter& Writable() {
    if (!may_fork || !fork_dir.empty()) return *main;
    const std::string next = NextGeneration(index_path, generation);
    std::error_code ec;
    std::filesystem::remove_all(next, ec);  // left by a run killed before publishing
    fork_dir = next;
    Xapian::Database(generation).compact(next, Xapian::DBCOMPACT_NO_RENUMBER);
    live = std::move(main);
    main = std::make_unique<ShardWriter>(Xapian::WritableDatabase(next, Xapian::DB_OPEN),
                                         ShardOptions(false, fork_dir));
    return *main;
  }

  // |scratch|: the directory the shard writes, when no reader sees it yet.
  ShardWriterOptions ShardOptions(bool threaded, const std::string& scratch = "") const {
    ShardWriterOptions o;
    o.commit_every = options.commit_every;
    o.commit_bytes = options.commit_bytes;
    o.threaded = threaded;
    if (threaded) o.spelling_every = kBulkSpellingEvery;
    o.index_path = index_path;
    o.scratch = scratch;
    return o;
  }

  // An empty index is built in shards beside the generation; what a killed
  // run left of them goes first.
  void StartBulk() {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(index_path, ec))
      if (entry.path().filename().string().rfind(kBulkPrefix, 0) == 0)
        fs::remove_all(entry.path(), ec);
    for (int i = 0; i < kBulkShards; ++i) {
      const std::string dir = (fs::path(index_path) / (kBulkPrefix + std::to_string(i))).string();
      // Scratch until merged (a killed run starts them over): their commits
      // bound memory and need not reach the disk, so no fsync.
      Xapian::WritableDatabase shard(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
      shard.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
      bulk.push_back(std::make_unique<ShardWriter>(std::move(shard), ShardOptions(true, dir)));
      bulk_dirs.push_back(dir);
    }
  }

  // Synonyms, the passage length normalisation and the entity lists,
  // computed over |all| and written to |out|.
  void WriteRunTables(const Xapian::Database& all, Xapian::WritableDatabase& out) const {
    RebuildSynonyms(all, out);
    // A sharded index's meta database is the first its readers open: its
    // metadata is what they read, so it holds the shards' dictionary too.
    // Written once: a night that changes nothing rewrites none of it.
    if (dictionary && out.get_metadata(kDataDictionaryKey) != dictionary->bytes())
      out.set_metadata(kDataDictionaryKey, std::string(dictionary->bytes()));
    for (const auto& [path, record] : file_records)
      out.set_metadata(kFileRecordPrefix + ArticleKey(path), record);  // "" deletes
    if (!run_record.empty()) {
      // The previous runs come from the live generation (a bulk build's
      // shards start without them).
      std::string runs = main->db().get_metadata(kRunsKey);
      runs += run_record + "\n";
      size_t lines = std::count(runs.begin(), runs.end(), '\n');
      while (lines-- > kMaxRunRecords) runs.erase(0, runs.find('\n') + 1);
      out.set_metadata(kRunsKey, runs);
    }
    uint64_t words = 0, paragraphs = 0, articles = 0, article_words = 0;
    for (auto v = all.valuestream_begin(kSlotLayout); v != all.valuestream_end(kSlotLayout); ++v) {
      const auto layout = DecodeLayout(*v);
      ++articles;
      for (size_t i = 0; i < layout.size(); ++i) {
        if (!IsSearchable(layout[i].kind)) continue;
        article_words += layout[i].words;
        if (i == 0) continue;  // entry 0 is the title
        words += layout[i].words;
        ++paragraphs;
      }
    }
    auto mean = [](uint64_t sum, uint64_t n) {
      return std::to_string(static_cast<double>(sum) / static_cast<double>(n));
    };
    if (paragraphs > 0) out.set_metadata(kAvgParagraphWordsKey, mean(words, paragraphs));
    if (articles > 0) out.set_metadata(kAvgArticleWordsKey, mean(article_words, articles));
    std::string languages;
    for (const auto& code : IndexLanguages(all)) languages += (languages.empty() ? "" : " ") + code;
    out.set_metadata(kLanguagesKey, languages);
    WriteEntityLists(all, out);
  }

  // Writes the next generation from |sources| (compacted, merged) and
  // switches readers to it.
  Status Publish(const std::vector<std::string>& sources) {
    const std::string next = NextGeneration(index_path, generation);
    std::error_code ec;
    std::filesystem::remove_all(next, ec);  // left by a run killed while compacting
    try {
      // Compacted from readers while the writer still holds the lock, so no
      // other indexer can write the old generation meanwhile.
      Xapian::Database all;
      for (const auto& src : sources) all.add_database(Xapian::Database(src));
      all.compact(next, sources.size() == 1 ? Xapian::DBCOMPACT_NO_RENUMBER : 0);
    } catch (const Xapian::Error& e) {
      std::filesystem::remove_all(next, ec);
      return Status::IOError("cannot compact index " + index_path + " (it stays as last " +
                             "committed): " + e.get_description());
    }
    return SwitchGeneration(index_path, next);
  }
};

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::Writer(std::unique_ptr<Sharded> sharded) : sharded_(std::move(sharded)) {}
Writer::~Writer() = default;  // uncommitted changes are dropped

Result<std::unique_ptr<Writer>> Writer::Open(const std::string& path,
                                             const WriterOptions& options) {
  if (!options.shard_by.empty() || IsSharded(path)) return OpenSharded(path, options);
  try {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->index_path = path;
    impl->indexed_stamp = Xapian::sortable_serialise(static_cast<double>(std::time(nullptr)));
    auto generation = WritableGeneration(path);
    if (!generation.ok()) return generation.status();
    impl->generation = *generation;
    Xapian::WritableDatabase db(impl->generation, Xapian::DB_CREATE_OR_OPEN);
    const std::string version = db.get_metadata(kSchemaVersionKey);
    if (!version.empty() && version != std::to_string(kSchemaVersion)) {
      return Status::Unsupported("index " + path + " has schema version " + version +
                                 ", this nsearch writes " + std::to_string(kSchemaVersion) +
                                 ": rebuild it with 'nsearch-index --index NEW_DIR BUNDLE...' "
                                 "into an empty directory (or delete " +
                                 path + " first)");
    }
    if (version.empty()) db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
    const bool empty = db.get_doccount() == 0 && impl->generation != path;
    impl->may_fork = !empty && impl->generation != path;
    impl->dictionary = DictionaryOf(db);
    impl->main = std::make_unique<ShardWriter>(std::move(db), impl->ShardOptions(false));
    if (empty && options.bulk) impl->StartBulk();
    return std::unique_ptr<Writer>(new Writer(std::move(impl)));
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::Locked(LockedMessage(path));
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot open index " + path + " for writing: " + e.get_description());
  }
}

std::unique_ptr<StampReader> StampReader::Open(const std::string& index_path) {
  try {
    return std::unique_ptr<StampReader>(new StampReader(Xapian::Database(index_path)));
  } catch (const Xapian::Error&) {
    return nullptr;
  }
}

void StampReader::LoadFiles() {
  auto hash_of = [](std::string_view hex, uint64_t* out) {
    return hex.size() == 16 &&
           std::from_chars(hex.data(), hex.data() + hex.size(), *out, 16).ec == std::errc();
  };
  try {
    const std::string record_prefix(kFileRecordPrefix);
    for (auto k = db_.metadata_keys_begin(record_prefix); k != db_.metadata_keys_end(record_prefix);
         ++k) {
      uint64_t h = 0;
      if (hash_of(std::string_view(*k).substr(record_prefix.size()), &h))
        records_.Insert(h, db_.get_metadata(*k));
    }
    const std::string term_prefix(kPrefixSourceFile);
    for (auto t = db_.allterms_begin(term_prefix); t != db_.allterms_end(term_prefix); ++t) {
      uint64_t h = 0;
      if (hash_of(std::string_view(*t).substr(term_prefix.size()), &h))
        articles_.Insert(h, t.get_termfreq());
    }
    files_loaded_ = true;
  } catch (const Xapian::Error&) {
    records_ = {};  // looked up one by one instead
    articles_ = {};
  }
}

std::string StampReader::FileRecordOf(const std::string& path) {
  std::call_once(files_once_, [this] { LoadFiles(); });
  if (files_loaded_) {
    const std::string* r = records_.Find(ingest::ContentHash(path));
    return r ? *r : std::string();
  }
  try {
    return db_.get_metadata(kFileRecordPrefix + ArticleKey(path));
  } catch (const Xapian::Error&) {
    return "";
  }
}

int64_t StampReader::ArticlesOf(const std::string& path) {
  std::call_once(files_once_, [this] { LoadFiles(); });
  if (files_loaded_) {
    const int64_t* n = articles_.Find(ingest::ContentHash(path));
    return n ? *n : 0;
  }
  try {
    return db_.get_termfreq(std::string(kPrefixSourceFile) + ArticleKey(path));
  } catch (const Xapian::Error&) {
    return 0;
  }
}

bool StampReader::IsUnchanged(const std::string& article_id, uint64_t content_hash) {
  const std::string term = std::string(kPrefixArticle) + ArticleKey(article_id);
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      auto it = db_.postlist_begin(term);
      if (it == db_.postlist_end(term)) return false;
      return db_.get_document(*it).get_value(kSlotSourceHash) == SourceStamp(content_hash);
    } catch (const Xapian::DatabaseModifiedError&) {
      db_.reopen();  // the writer committed meanwhile
    } catch (const Xapian::Error&) {
      return false;
    }
  }
  return false;
}

void Writer::RecordRun(const std::string& json) {
  if (sharded_) return sharded_->meta->RecordRun(json);
  impl_->run_record = json;
}

void Writer::RecordFile(const std::string& path, std::string record) {
  if (sharded_) return sharded_->meta->RecordFile(path, std::move(record));
  impl_->file_records[path] = std::move(record);
}

void Writer::ForgetFile(const std::string& path) {
  if (sharded_) return sharded_->meta->ForgetFile(path);
  impl_->file_records[path].clear();
}

Xapian::WritableDatabase& Writer::Database() { return impl_->db(); }

bool Writer::Changed() const { return impl_->changed; }

std::map<std::string, std::string> Writer::TakeFileRecords() {
  return std::exchange(impl_->file_records, {});
}

Result<bool> Writer::DeleteArticle(const std::string& key) {
  try {
    const std::string term = std::string(kPrefixArticle) + key;
    if (impl_->db().postlist_begin(term) == impl_->db().postlist_end(term)) return false;
    impl_->changed = true;
    return impl_->Writable().Delete(key);
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot remove article " + key + " from " + impl_->index_path + ": " +
                           e.get_description());
  }
}

Status Writer::FinishOver(const Xapian::Database& all, bool compact) {
  impl_->tables_over = &all;
  Status s = Finish(compact);
  impl_->tables_over = nullptr;
  return s;
}

namespace {

// Each spelling word goes to the bulk shard its hash picks: |*words| keeps
// those of |to|, the others are given to theirs. Merged, the shards'
// spelling tables are what one table of every word would be, and no two
// shards build the same word's entries (the spelling table's trigram lists
// are rewritten at every commit: a tenth of the indexing time otherwise).
void GiveSpellings(const std::vector<std::unique_ptr<ShardWriter>>& shards, ShardWriter* to,
                   std::vector<std::string>* words) {
  std::vector<std::vector<std::string>> others(shards.size());
  size_t kept = 0;
  for (size_t j = 0; j < words->size(); ++j) {
    std::string& w = (*words)[j];
    const size_t i = ingest::ContentHash(w) % shards.size();
    if (shards[i].get() != to) {
      others[i].push_back(std::move(w));
    } else if (kept++ != j) {
      (*words)[kept - 1] = std::move(w);
    }
  }
  words->resize(kept);
  for (size_t i = 0; i < shards.size(); ++i)
    if (!others[i].empty()) shards[i]->AddSpellings(std::move(others[i]));
}

}  // namespace

Result<PutOutcome> Writer::Put(BuiltArticle&& built, size_t text_bytes) {
  if (sharded_) return sharded_->Put(std::move(built), text_bytes);
  auto& impl = *impl_;
  impl.changed = true;
  built.doc.add_value(kSlotIndexed, impl.indexed_stamp);
  bool existed = false;
  Status s;
  try {
    ShardWriter& to =
        impl.bulk.empty() ? impl.Writable() : *impl.bulk[impl.next_shard++ % impl.bulk.size()];
    if (!impl.bulk.empty()) GiveSpellings(impl.bulk, &to, &built.words);
    if (impl.dictionary_unstored) {
      // In the same commit as the first article compressed with it.
      to.db().set_metadata(kDataDictionaryKey, std::string(impl.dictionary->bytes()));
      impl.dictionary_unstored = false;
    }
    s = to.Put(std::move(built), text_bytes, &existed);
  } catch (const Xapian::Error& e) {
    return Status::IOError(
        "cannot copy index " + impl.index_path +
        " into its next generation (it stays as last committed): " + e.get_description());
  }
  if (!s.ok()) return s;
  return existed ? PutOutcome::kUpdated : PutOutcome::kAdded;
}

const DataDictionary* Writer::Dictionary() const {
  if (sharded_) return sharded_->dictionary.get();
  return impl_->dictionary.get();
}

void Writer::AdoptDictionary(std::shared_ptr<const DataDictionary> dictionary) {
  if (sharded_) return sharded_->AdoptDictionary(std::move(dictionary));
  auto& impl = *impl_;
  if (!dictionary || impl.dictionary || impl.changed) return;
  impl.dictionary = std::move(dictionary);
  if (impl.bulk.empty()) {
    impl.dictionary_unstored = true;
    return;
  }
  // Nothing is in flight on the shards' threads before the first Put.
  for (auto& shard : impl.bulk)
    shard->db().set_metadata(kDataDictionaryKey, std::string(impl.dictionary->bytes()));
}

Result<int64_t> Writer::RemoveStale(const std::string& source_file,
                                    const std::unordered_set<std::string>& keep) {
  if (sharded_) return sharded_->RemoveStale(source_file, keep);
  const std::string file_term = std::string(kPrefixSourceFile) + ArticleKey(source_file);
  try {
    std::vector<std::string> stale;
    auto& db = impl_->db();
    for (auto it = db.postlist_begin(file_term); it != db.postlist_end(file_term); ++it) {
      std::string key = db.get_document(*it).get_value(kSlotArticle);
      if (!key.empty() && !keep.count(key)) stale.push_back(std::move(key));
    }
    if (!stale.empty()) {
      impl_->changed = true;
      ShardWriter& to = impl_->Writable();
      for (const auto& key : stale) to.Delete(key);
    }
    return static_cast<int64_t>(stale.size());
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot remove stale articles of " + source_file + ": " +
                           e.get_description());
  }
}

Result<int64_t> Writer::RemoveVanished(const std::vector<std::string>& roots,
                                       const ingest::HashedSet& walked) {
  if (sharded_) return sharded_->RemoveVanished(roots, walked);
  namespace fs = std::filesystem;
  const std::string prefix(kPrefixSourceFile);
  auto& db = impl_->db();
  // A file under one of |roots| that no longer exists.
  auto vanished = [&](const std::string& file) {
    bool under = false;
    for (const auto& root : roots)
      under = under || (file.size() > root.size() && file.compare(0, root.size(), root) == 0 &&
                        file[root.size()] == '/');
    std::error_code ec;
    return under && !walked.Contains(ingest::ContentHash(file)) &&
           !fs::exists(fs::symlink_status(file, ec));
  };
  try {
    std::vector<std::pair<std::string, std::string>> gone;  // source-file term, path
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      // The path: from the file's record, else from one of its articles.
      std::string file = FileRecordPath(db.get_metadata(kFileRecordPrefix + (*t).substr(1)));
      if (file.empty()) {
        auto p = db.postlist_begin(*t);
        if (p == db.postlist_end(*t)) continue;
        const auto stored = StoredArticleOf(db.get_document(*p), db);
        if (!stored) continue;
        file = stored->source.file;
      }
      if (vanished(file)) gone.emplace_back(*t, file);
    }
    int64_t removed = 0;
    for (const auto& [term, file] : gone) {
      std::vector<std::string> keys;
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
        keys.push_back(db.get_document(*p).get_value(kSlotArticle));
      impl_->changed = impl_->changed || !keys.empty();
      ShardWriter& to = impl_->Writable();
      for (const auto& key : keys) removed += to.Delete(key) ? 1 : 0;
      ForgetFile(file);
    }
    // Files remembered with no article (skipped whole) that are gone.
    for (auto k = db.metadata_keys_begin(kFileRecordPrefix);
         k != db.metadata_keys_end(kFileRecordPrefix); ++k) {
      const std::string file = FileRecordPath(db.get_metadata(*k));
      if (vanished(file)) ForgetFile(file);
    }
    return removed;
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot remove vanished articles: " + e.get_description());
  }
}

Status Writer::Commit() {
  if (sharded_) return sharded_->Commit();
  for (auto& shard : impl_->bulk)
    if (Status s = shard->Commit(); !s.ok()) return s;
  return impl_->main->Commit();
}

Status Writer::Finish(bool compact) {
  if (sharded_) return sharded_->Finish(compact);
  auto& impl = *impl_;
  if (Status s = Commit(); !s.ok()) return s;
  try {
    if (!impl.bulk.empty()) {
      // The shards hold everything; the run's tables go into the first.
      Xapian::Database all;
      for (const auto& dir : impl.bulk_dirs) all.add_database(Xapian::Database(dir));
      impl.WriteRunTables(all, impl.bulk[0]->db());
      if (Status s = impl.bulk[0]->Commit(); !s.ok()) return s;
      impl.bulk.clear();  // closes them
      Status published = impl.Publish(impl.bulk_dirs);
      std::error_code ec;
      for (const auto& dir : impl.bulk_dirs) std::filesystem::remove_all(dir, ec);
      return published;
    }
    if (impl.options.run_tables) {
      impl.WriteRunTables(impl.tables_over ? *impl.tables_over : impl.db(), impl.db());
      if (Status s = impl.main->Commit(); !s.ok()) return s;
    }
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot write the synonym table of " + impl.index_path + ": " +
                           e.get_description());
  }
  if (!impl.fork_dir.empty()) {
    // Compacted when it was forked; readers switch to it now, whole.
    Status switched = SwitchGeneration(impl.index_path, impl.fork_dir);
    impl.published = switched.ok();
    impl.main.reset();
    impl.live.reset();
    return switched;
  }
  if (!compact || impl.generation == impl.index_path) return Status::Ok();
  return impl.Publish({impl.generation});
}

}  // namespace nsearch::index
