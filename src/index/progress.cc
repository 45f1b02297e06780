#include "index/progress.h"

#include "index/stats.h"

namespace nsearch::index {

ProgressCounter::ProgressCounter(const IndexOptions& options,
                                 const std::vector<std::string>& inputs)
    : options_(options) {
  if (options_.on_progress) progress_.total_bytes = InputBytes(inputs);
}

void ProgressCounter::Start(IndexProgress::Phase phase, const int64_t* articles) {
  progress_.phase = phase;
  progress_.articles = 0;
  progress_.bytes = 0;
  tally_ = articles;
  tally_start_ = articles ? *articles : 0;
  if (options_.on_progress) options_.on_progress(progress_);
}

void ProgressCounter::Count(uint64_t bytes) {
  if (!options_.on_progress) return;
  ++progress_.articles;
  progress_.bytes += bytes;
  Report();
}

void ProgressCounter::CountUnread(uint64_t bytes) {
  if (!options_.on_progress) return;
  progress_.bytes += bytes;
  Report();
}

void ProgressCounter::Report() {
  if (tally_) progress_.articles = *tally_ - tally_start_;
  options_.on_progress(progress_);
}

uint64_t InputBytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const auto& input : inputs) total += DiskBytes(input);
  return total;
}

}  // namespace nsearch::index
