// index/ordered_pool: the indexer's parallelism. Items pushed by one
// producer (the bundle walk) are worked on by N threads and handed to one
// consumer thread in the order they were pushed, so the index is written in
// the same order — and gets the same document ids — whatever the thread
// count. At most |window| items (and about |max_bytes| of them) are in
// flight, so memory stays flat however large the bundle.
#ifndef NSEARCH_INDEX_ORDERED_POOL_H_
#define NSEARCH_INDEX_ORDERED_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace nsearch::index {

template <typename In, typename Out>
class OrderedPool {
 public:
  using Work = std::function<Out(In&&)>;
  using Consume = std::function<void(Out&&)>;

  // |threads| 0 runs work and consume inline in Push (no threads at all).
  OrderedPool(int threads, size_t window, size_t max_bytes, Work work, Consume consume)
      : window_(std::max<size_t>(1, window)),
        max_bytes_(max_bytes),
        work_(std::move(work)),
        consume_(std::move(consume)) {
    if (threads <= 0) return;
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkLoop(); });
    consumer_ = std::thread([this] { ConsumeLoop(); });
  }
  ~OrderedPool() { Finish(); }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Queues |item| (|bytes| its size); blocks while the window is full.
  void Push(In item, size_t bytes) {
    if (workers_.empty()) {
      consume_(work_(std::move(item)));
      return;
    }
    std::unique_lock<std::mutex> lock(mu_);
    room_.wait(lock, [&] {
      return pushed_ - consumed_ < window_ &&
             (in_flight_bytes_ + bytes <= max_bytes_ || pushed_ == consumed_);
    });
    in_flight_bytes_ += bytes;
    input_.push_back({pushed_++, bytes, std::move(item)});
    work_ready_.notify_one();
  }

  // Waits until every pushed item has been consumed, then stops the threads.
  void Finish() {
    if (workers_.empty()) return;
    {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
    }
    work_ready_.notify_all();
    for (auto& t : workers_) t.join();
    workers_.clear();
    {
      std::lock_guard<std::mutex> lock(mu_);
      workers_done_ = true;
    }
    result_ready_.notify_all();
    consumer_.join();
  }

 private:
  struct Job {
    uint64_t seq;
    size_t bytes;
    In item;
  };
  struct Done {
    size_t bytes;
    Out out;
  };

  void WorkLoop() {
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_ready_.wait(lock, [&] { return closing_ || !input_.empty(); });
        if (input_.empty()) return;  // closing and drained
        job = std::move(input_.front());
        input_.pop_front();
      }
      Out out = work_(std::move(job.item));
      {
        std::lock_guard<std::mutex> lock(mu_);
        results_.emplace(job.seq, Done{job.bytes, std::move(out)});
      }
      result_ready_.notify_one();
    }
  }

  void ConsumeLoop() {
    for (;;) {
      Done done;
      {
        std::unique_lock<std::mutex> lock(mu_);
        result_ready_.wait(
            lock, [&] { return results_.count(consumed_) || (workers_done_ && results_.empty()); });
        auto it = results_.find(consumed_);
        if (it == results_.end()) return;
        done = std::move(it->second);
        results_.erase(it);
      }
      consume_(std::move(done.out));
      {
        std::lock_guard<std::mutex> lock(mu_);
        ++consumed_;
        in_flight_bytes_ -= done.bytes;
      }
      room_.notify_one();
    }
  }

  const size_t window_, max_bytes_;
  Work work_;
  Consume consume_;
  std::vector<std::thread> workers_;
  std::thread consumer_;
  std::mutex mu_;
  std::condition_variable work_ready_, result_ready_, room_;
  std::deque<Job> input_;
  std::map<uint64_t, Done> results_;
  uint64_t pushed_ = 0, consumed_ = 0;
  size_t in_flight_bytes_ = 0;
  bool closing_ = false, workers_done_ = false;
};

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_ORDERED_POOL_H_
