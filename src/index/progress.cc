#include "index/progress.h"

#include "index/stats.h"

namespace nsearch::index {

ProgressCounter::ProgressCounter(const IndexOptions& options,
                                 const std::vector<std::string>& inputs)
    : options_(options) {
  if (options_.on_progress) progress_.total_bytes = InputBytes(inputs);
}

void ProgressCounter::Start(IndexProgress::Phase phase) {
  progress_.phase = phase;
  progress_.articles = 0;
  progress_.bytes = 0;
  if (options_.on_progress) options_.on_progress(progress_);
}

void ProgressCounter::Count(const ingest::RawArticle& raw) {
  if (!options_.on_progress) return;
  ++progress_.articles;
  progress_.bytes += raw.source.size;
  options_.on_progress(progress_);
}

void ProgressCounter::CountUnread(uint64_t bytes) {
  if (!options_.on_progress) return;
  progress_.bytes += bytes;
  options_.on_progress(progress_);
}

uint64_t InputBytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const auto& input : inputs) total += DiskBytes(input);
  return total;
}

}  // namespace nsearch::index
