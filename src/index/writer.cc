#include "index/writer.h"

#include <xapian.h>

#include <filesystem>
#include <unordered_map>

#include "index/generations.h"
#include "index/schema.h"
#include "index/synonyms.h"

namespace nsearch::index {

struct Writer::Impl {
  std::string index_path;  // what the user named
  std::string generation;  // the glass database written
  Xapian::WritableDatabase db;
  WriterOptions options;
  int pending_articles = 0;
  size_t pending_bytes = 0;
  // Words put since the last commit, with how many articles hold each:
  // Xapian's spelling table is told once per word and commit, not once per
  // word and article (a fifth of the indexing time otherwise).
  std::unordered_map<std::string, Xapian::termcount> pending_spellings;

  void FlushSpellings() {
    for (const auto& [word, n] : pending_spellings) db.add_spelling(word, n);
    pending_spellings.clear();
  }

  void CommitNow() {
    FlushSpellings();
    pending_articles = 0;
    pending_bytes = 0;
    db.commit();
  }

  std::string ArticleTerm(const std::string& key) const {
    return std::string(kPrefixArticle) + key;
  }

  // The old version's words leave the spelling table with it, so the table
  // is what a clean rebuild would give.
  void ForgetSpellings(Xapian::docid did) {
    auto old = DecodeStoredArticle(db.get_document(did).get_data());
    if (!old) return;
    for (const auto& w : SpellingWords(*old)) db.remove_spelling(w);
  }

  // Deletes the article with |key|, if any; true when it existed.
  bool Delete(const std::string& key) {
    const std::string term = ArticleTerm(key);
    auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return false;
    ForgetSpellings(*it);
    db.delete_document(term);
    return true;
  }

  void MaybeCommit() {
    if (pending_articles >= options.commit_every || pending_bytes >= WriterOptions::kCommitBytes)
      CommitNow();
  }
};

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::~Writer() {
  if (!impl_) return;
  try {
    impl_->db.close();
  } catch (const Xapian::Error&) {
    // Nothing useful to do in a destructor; uncommitted changes are dropped.
  }
}

Result<std::unique_ptr<Writer>> Writer::Open(const std::string& path,
                                             const WriterOptions& options) {
  try {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->index_path = path;
    auto generation = WritableGeneration(path);
    if (!generation.ok()) return generation.status();
    impl->generation = *generation;
    impl->db = Xapian::WritableDatabase(impl->generation, Xapian::DB_CREATE_OR_OPEN);
    const std::string version = impl->db.get_metadata(kSchemaVersionKey);
    if (!version.empty() && version != std::to_string(kSchemaVersion)) {
      return Status::Unsupported("index " + path + " has schema version " + version +
                                 ", this nsearch writes " + std::to_string(kSchemaVersion) +
                                 ": rebuild it with 'nsearch-index --index NEW_DIR BUNDLE...' "
                                 "into an empty directory (or delete " +
                                 path + " first)");
    }
    if (version.empty()) impl->db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
    return std::unique_ptr<Writer>(new Writer(std::move(impl)));
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::Locked("index " + path + " is locked: another nsearch-index is writing it");
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

Result<PutOutcome> Writer::Put(BuiltArticle&& built, size_t text_bytes) {
  try {
    const std::string term = impl_->ArticleTerm(built.key);
    auto it = impl_->db.postlist_begin(term);
    const bool existed = it != impl_->db.postlist_end(term);
    if (existed) impl_->ForgetSpellings(*it);
    // One document per article, replaced whole: readers never see half of it.
    impl_->db.replace_document(term, built.doc);
    for (auto& w : built.words) ++impl_->pending_spellings[std::move(w)];
    ++impl_->pending_articles;
    impl_->pending_bytes += text_bytes;
    impl_->MaybeCommit();
    return existed ? PutOutcome::kUpdated : PutOutcome::kAdded;
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot write article " + built.id + ": " + e.get_description());
  }
}

Result<int64_t> Writer::RemoveStale(const std::string& source_file,
                                    const std::unordered_set<std::string>& keep) {
  const std::string file_term = std::string(kPrefixSourceFile) + ArticleKey(source_file);
  try {
    std::vector<std::string> stale;
    for (auto it = impl_->db.postlist_begin(file_term); it != impl_->db.postlist_end(file_term);
         ++it) {
      std::string key = impl_->db.get_document(*it).get_value(kSlotArticle);
      if (!key.empty() && !keep.count(key)) stale.push_back(std::move(key));
    }
    for (const auto& key : stale) impl_->Delete(key);
    return static_cast<int64_t>(stale.size());
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot remove stale articles of " + source_file + ": " +
                           e.get_description());
  }
}

Result<int64_t> Writer::RemoveVanished(const std::vector<std::string>& roots) {
  namespace fs = std::filesystem;
  const std::string prefix(kPrefixSourceFile);
  auto& db = impl_->db;
  try {
    std::vector<std::string> gone;  // source-file terms whose file vanished
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      auto p = db.postlist_begin(*t);
      if (p == db.postlist_end(*t)) continue;
      const std::string file = db.get_document(*p).get_value(kSlotSourceFile);
      bool under = false;
      for (const auto& root : roots)
        under = under || (file.size() > root.size() && file.compare(0, root.size(), root) == 0 &&
                          file[root.size()] == '/');
      std::error_code ec;
      if (under && !fs::exists(fs::symlink_status(file, ec))) gone.push_back(*t);
    }
    int64_t removed = 0;
    for (const auto& term : gone) {
      std::vector<std::string> keys;
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
        keys.push_back(db.get_document(*p).get_value(kSlotArticle));
      for (const auto& key : keys) removed += impl_->Delete(key) ? 1 : 0;
    }
    return removed;
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot remove vanished articles: " + e.get_description());
  }
}

Status Writer::Commit() {
  try {
    impl_->CommitNow();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot commit index: " + e.get_description());
  }
}

Status Writer::Finish(bool compact) {
  try {
    RebuildSynonyms(impl_->db);
    // Passage length normalisation: the mean searchable paragraph.
    uint64_t words = 0, paragraphs = 0;
    auto& db = impl_->db;
    for (auto v = db.valuestream_begin(kSlotLayout); v != db.valuestream_end(kSlotLayout); ++v) {
      const auto layout = DecodeLayout(*v);
      for (size_t i = 1; i < layout.size(); ++i) {  // entry 0 is the title
        const ParagraphShape& shape = layout[i];
        if (!IsSearchable(shape.kind)) continue;
        words += shape.words;
        ++paragraphs;
      }
    }
    if (paragraphs > 0)
      db.set_metadata(kAvgParagraphWordsKey,
                      std::to_string(static_cast<double>(words) / static_cast<double>(paragraphs)));
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot write the synonym table: " + e.get_description());
  }
  Status committed = Commit();
  if (!committed.ok() || !compact || impl_->generation == impl_->index_path) return committed;
  // The compacted copy becomes the next generation; until the stub is
  // switched, readers and a killed run see the last commit.
  const std::string next = NextGeneration(impl_->index_path, impl_->generation);
  std::error_code ec;
  std::filesystem::remove_all(next, ec);  // left by a run killed while compacting
  try {
    // Compacted from a reader while the writer still holds the lock, so no
    // other indexer can write the old generation meanwhile.
    Xapian::Database(impl_->generation).compact(next, Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    std::filesystem::remove_all(next, ec);
    return Status::IOError("cannot compact index " + impl_->index_path + " (it stays as last " +
                           "committed): " + e.get_description());
  }
  Status switched = SwitchGeneration(impl_->index_path, next);
  try {
    impl_->db.close();
  } catch (const Xapian::Error&) {
  }
  return switched;
}

}  // namespace nsearch::index
