// serve/pool: Searchers for the server's worker threads. A Searcher is used
// by one thread at a time (searcher.h), so each request leases one of its
// own, refreshed first (new commits, a new generation: the nightly run can
// rebuild the index under a running server), and hands it back after.
#ifndef NSEARCH_SERVE_POOL_H_
#define NSEARCH_SERVE_POOL_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "nsearch/searcher.h"
#include "nsearch/status.h"

namespace nsearch::serve {

class SearcherPool {
 public:
  explicit SearcherPool(std::vector<std::string> index_paths);

  // A Searcher no other thread holds, back in the pool when the lease ends.
  class Lease {
   public:
    Lease(SearcherPool* pool, std::unique_ptr<Searcher> searcher);
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  // An idle Searcher, or a newly opened one when all are in use, refreshed.
  // The errors of Searcher::Open. A failed refresh (the index is being
  // replaced) keeps the Searcher's last view of the index and is logged.
  Result<Lease> Acquire();

  size_t Opened() const;  // Searchers opened so far (at most the threads)

 private:
  void Return(std::unique_ptr<Searcher> searcher);

  const std::vector<std::string> paths_;
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<Searcher>> idle_;
  size_t opened_ = 0;
};

}  // namespace nsearch::serve

#endif  // NSEARCH_SERVE_POOL_H_
