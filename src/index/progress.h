// index/progress: what a run has read so far, for IndexOptions::on_progress.
// A visitor in front of each pass's own visitor counts the articles going by,
// so the passes themselves know nothing of progress.
#ifndef NSEARCH_INDEX_PROGRESS_H_
#define NSEARCH_INDEX_PROGRESS_H_

#include <sys/stat.h>

#include <string>
#include <vector>

#include "ingest/source.h"
#include "nsearch/indexer.h"

namespace nsearch::index {

class ProgressCounter {
 public:
  // Measures |inputs| (the bytes of their files) only when |options| asks
  // for progress.
  ProgressCounter(const IndexOptions& options, const std::vector<std::string>& inputs);

  // Starts a phase: counts from zero and reports it. With |articles| (a
  // count the pass keeps on the walking thread, the articles of files left
  // unread included), the articles shown are its growth from now on.
  void Start(IndexProgress::Phase phase, const int64_t* articles = nullptr);
  // One article of |bytes| read in the current phase.
  void Count(uint64_t bytes);
  // A file of |bytes| passed over unread in the current phase.
  void CountUnread(uint64_t bytes);

 private:
  void Report();

  const IndexOptions& options_;
  IndexProgress progress_;
  const int64_t* tally_ = nullptr;
  int64_t tally_start_ = 0;
};

// Forwards everything to |inner|, counting each article in |counter| first.
class CountingVisitor : public ingest::Visitor {
 public:
  CountingVisitor(ingest::Visitor* inner, ProgressCounter* counter)
      : inner_(inner), counter_(counter) {}
  void OnArticle(ingest::RawArticle&& raw) override {
    const uint64_t bytes = raw.source.size;
    inner_->OnArticle(std::move(raw));
    counter_->Count(bytes);
  }
  void OnSkip(const ingest::Skip& skip) override { inner_->OnSkip(skip); }
  // A file the pass leaves unread (unchanged since indexed) counts its bytes.
  bool Unchanged(const std::string& path, const struct stat& st) override {
    if (!inner_->Unchanged(path, st)) return false;
    counter_->CountUnread(static_cast<uint64_t>(st.st_size));
    return true;
  }

 private:
  ingest::Visitor* inner_;
  ProgressCounter* counter_;
};

// Bytes of the regular files under |inputs| (files and directories), what
// a run reads once per pass. Unreadable parts count as nothing.
uint64_t InputBytes(const std::vector<std::string>& inputs);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_PROGRESS_H_
