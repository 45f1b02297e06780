// Searcher::Runs and Searcher::WrittenUntil: when the index was written,
// from the runs it records (index::kRunsKey) and the article stamps
// (index::kSlotIndexed). What "new since" means for saved searches.
#include <xapian.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "index/schema.h"
#include "nsearch/searcher.h"
#include "search/searcher_impl.h"

namespace nsearch {
namespace {

// "2025-07-03T02:00:00Z" -> seconds since the epoch; -1 when it is not that.
int64_t ParseIsoTime(const std::string& s) {
  std::tm tm{};
  const char* end = strptime(s.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (!end || *end) return -1;
  return static_cast<int64_t>(timegm(&tm));
}

std::vector<IndexRun> ParseRuns(const std::string& records) {
  std::vector<IndexRun> runs;
  size_t from = 0;
  while (from < records.size()) {
    size_t nl = records.find('\n', from);
    if (nl == std::string::npos) nl = records.size();
    const auto j = nlohmann::json::parse(records.substr(from, nl - from), nullptr, false);
    from = nl + 1;
    if (!j.is_object() || !j.contains("start") || !j["start"].is_string()) continue;
    IndexRun r;
    r.start_text = j["start"].get<std::string>();
    r.end_text = j.value("end", r.start_text);
    r.start = ParseIsoTime(r.start_text);
    r.end = ParseIsoTime(r.end_text);
    if (r.start >= 0 && r.end >= r.start) runs.push_back(std::move(r));
  }
  return runs;
}

}  // namespace

Result<std::vector<IndexRun>> Searcher::Runs() {
  return impl_->Retrying("reading the index's runs", [&]() -> Result<std::vector<IndexRun>> {
    return ParseRuns(impl_->db.get_metadata(index::kRunsKey));
  });
}

Result<double> Searcher::WrittenUntil() {
  return impl_->Retrying("reading when the index was written", [&]() -> Result<double> {
    const Xapian::Database& db = impl_->db;
    const std::string top = db.get_value_upper_bound(index::kSlotIndexed);
    if (top.empty()) return 0.0;
    const double newest = Xapian::sortable_unserialise(top);
    const auto runs = ParseRuns(db.get_metadata(index::kRunsKey));
    // A stamp after the last recorded run is a run still going: the newest
    // stamp of the finished runs is the mark, so its articles come next time.
    if (runs.empty() || newest <= static_cast<double>(runs.back().end)) return newest;
    double mark = 0;
    const double last_end = static_cast<double>(runs.back().end);
    for (auto v = db.valuestream_begin(index::kSlotIndexed);
         v != db.valuestream_end(index::kSlotIndexed); ++v) {
      const double stamp = Xapian::sortable_unserialise(*v);
      if (stamp <= last_end && stamp > mark) mark = stamp;
    }
    return mark;
  });
}

}  // namespace nsearch
