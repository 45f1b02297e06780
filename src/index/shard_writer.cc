#include "index/shard_writer.h"

#include "index/commit_guard.h"
#include "index/data_dictionary.h"
#include "index/schema.h"

namespace nsearch::index {

ShardWriter::ShardWriter(Xapian::WritableDatabase db, const ShardWriterOptions& options)
    : db_(std::move(db)), options_(options) {
  if (options_.threaded) thread_ = std::thread([this] { Loop(); });
}

ShardWriter::~ShardWriter() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_.notify_all();
  thread_.join();
}

void ShardWriter::Write(BuiltArticle&& built, size_t text_bytes, bool* existed) {
  const std::string term = std::string(kPrefixArticle) + built.key;
  bool found = false;
  if (options_.threaded) {
    db_.add_document(built.doc);  // an empty database, ids unique in the run
  } else {
    auto it = db_.postlist_begin(term);
    found = it != db_.postlist_end(term);
    if (found) {
      // The old version's words leave the spelling table with it, so the
      // table is what a clean rebuild would give.
      if (auto old = StoredArticleOf(db_.get_document(*it), db_))
        for (const auto& w : SpellingWords(*old)) db_.remove_spelling(w);
    }
    // One document per article, replaced whole: readers never see half of it.
    db_.replace_document(term, built.doc);
  }
  if (existed) *existed = found;
  AddSpellings(std::move(built.words));
  ++pending_articles_;
  pending_bytes_ += text_bytes;
  if (pending_articles_ >= options_.commit_every || pending_bytes_ >= options_.commit_bytes)
    CommitNow(false);
}

void ShardWriter::AddSpellings(std::vector<std::string>&& words) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& w : words) ++pending_spellings_[std::move(w)];
}

void ShardWriter::CommitNow(bool all) {
  if (all || ++commits_ % options_.spelling_every == 0) {
    std::unordered_map<std::string, Xapian::termcount> words;
    {
      std::lock_guard<std::mutex> lock(mu_);
      words.swap(pending_spellings_);
    }
    for (const auto& [word, n] : words) db_.add_spelling(word, n);
  }
  pending_articles_ = 0;
  pending_bytes_ = 0;
  CommitScope scope(options_.index_path, options_.scratch);
  db_.commit();
}

Status ShardWriter::Put(BuiltArticle&& built, size_t text_bytes, bool* existed) {
  if (!options_.threaded) {
    try {
      Write(std::move(built), text_bytes, existed);
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return Status::IOError("cannot write article " + built.id + ": " + e.get_description());
    }
  }
  if (existed) *existed = false;
  std::unique_lock<std::mutex> lock(mu_);
  room_.wait(lock, [&] { return queue_.size() < options_.queue || !error_.ok(); });
  if (!error_.ok()) return error_;
  queue_.emplace_back(std::move(built), text_bytes);
  work_.notify_one();
  return Status::Ok();
}

bool ShardWriter::Delete(const std::string& key) {
  const std::string term = std::string(kPrefixArticle) + key;
  auto it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return false;
  if (auto old = StoredArticleOf(db_.get_document(*it), db_))
    for (const auto& w : SpellingWords(*old)) db_.remove_spelling(w);
  db_.delete_document(term);
  return true;
}

Status ShardWriter::Commit() {
  if (options_.threaded) {
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [&] { return (queue_.empty() && !busy_) || !error_.ok(); });
    if (!error_.ok()) return error_;
  }
  try {
    CommitNow(true);
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot commit index: " + e.get_description());
  }
}

void ShardWriter::Loop() {
  for (;;) {
    std::pair<BuiltArticle, size_t> item;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;
      item = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    room_.notify_one();
    Status failed;
    try {
      Write(std::move(item.first), item.second, nullptr);
    } catch (const Xapian::Error& e) {
      failed =
          Status::IOError("cannot write article " + item.first.id + ": " + e.get_description());
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      busy_ = false;
      if (!failed.ok() && error_.ok()) error_ = failed;
    }
    room_.notify_all();
    idle_.notify_all();
  }
}

}  // namespace nsearch::index
