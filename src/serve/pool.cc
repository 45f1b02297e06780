#include "serve/pool.h"

#include <spdlog/spdlog.h>

namespace nsearch::serve {

SearcherPool::SearcherPool(std::vector<std::string> index_paths) : paths_(std::move(index_paths)) {}

SearcherPool::Lease::Lease(SearcherPool* pool, std::unique_ptr<Searcher> searcher)
    : pool_(pool), searcher_(std::move(searcher)) {}

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->Return(std::move(searcher_));
}

Result<SearcherPool::Lease> SearcherPool::Acquire() {
  std::unique_ptr<Searcher> searcher;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!searcher) {
    auto opened = Searcher::Open(paths_);
    if (!opened.ok()) return opened.status();
    searcher = std::move(opened.value());
    std::lock_guard<std::mutex> lock(mu_);
    ++opened_;
  } else if (auto refreshed = searcher->Refresh(); !refreshed.ok()) {
    spdlog::warn("{} (answering from the index as it was)", refreshed.status().message());
  }
  return Lease(this, std::move(searcher));
}

size_t SearcherPool::Opened() const {
  std::lock_guard<std::mutex> lock(mu_);
  return opened_;
}

void SearcherPool::Return(std::unique_ptr<Searcher> searcher) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(searcher));
}

}  // namespace nsearch::serve
