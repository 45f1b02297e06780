#include "cli/index_report.h"

#include <spdlog/fmt/fmt.h>

#include <nlohmann/json.hpp>

#include "ingest/dispatch.h"

namespace nsearch::cli {
namespace {

using nlohmann::json;

// "12 articles (3 new, 1 updated, 8 unchanged, 0 removed)", and ", 2
// revised" before the ")" when unchanged articles were indexed again
// because the bundle around them moved (a shared line, a surname's owner):
// rare, so said only when it happens.
std::string ArticleCounts(const IndexStats& s) {
  return fmt::format("{} articles ({} new, {} updated, {} unchanged, {} removed{})", s.articles,
                     s.added, s.updated, s.unchanged, s.removed,
                     s.revised > 0 ? fmt::format(", {} revised", s.revised) : "");
}

// "2 skipped (binary: 1, empty: 1)"
std::string SkippedCounts(const IndexStats& s) {
  std::string out = fmt::format("{} skipped", s.skipped);
  if (s.skipped_by_reason.empty()) return out;
  std::string reasons;
  for (const auto& [reason, n] : s.skipped_by_reason)
    reasons += fmt::format("{}{}: {}", reasons.empty() ? "" : ", ", reason, n);
  return out + " (" + reasons + ")";
}

// A run record (Writer::RecordRun) as the counts it holds.
IndexStats FromRecord(const json& record) {
  IndexStats s;
  s.articles = record.value("articles", int64_t{0});
  s.added = record.value("added", int64_t{0});
  s.updated = record.value("updated", int64_t{0});
  s.unchanged = record.value("unchanged", int64_t{0});
  s.removed = record.value("removed", int64_t{0});
  s.revised = record.value("revised", int64_t{0});
  s.skipped = record.value("skipped", int64_t{0});
  s.seconds = record.value("seconds", 0.0);
  if (record.contains("skipped_by_reason") && record["skipped_by_reason"].is_object())
    for (const auto& [reason, n] : record["skipped_by_reason"].items())
      if (n.is_number_integer()) s.skipped_by_reason[reason] = n.get<int64_t>();
  return s;
}

std::string RecordSummary(const json& record) {
  const IndexStats s = FromRecord(record);
  return ArticleCounts(s) + ", " + SkippedCounts(s);
}

json LastRun(const index::IndexReport& r) {
  if (r.last_run.empty()) return nullptr;
  json record = json::parse(r.last_run, nullptr, false);
  if (!record.is_object()) return nullptr;
  record["summary"] = RecordSummary(record);
  return record;
}

}  // namespace

std::string RunSummary(const IndexStats& s, const IndexOptions& o, uint64_t index_bytes) {
  if (o.dry_run) {
    return fmt::format(
        "dry run: {} articles, {} paragraphs, {}, {:.2f} s (entity extraction {:.2f} s); "
        "nothing written",
        s.articles, s.paragraphs, SkippedCounts(s), s.seconds, s.entity_seconds);
  }
  return fmt::format("{}, {} paragraphs, {}, {:.2f} s (entity extraction {:.2f} s) -> {} ({})",
                     ArticleCounts(s), s.paragraphs, SkippedCounts(s), s.seconds, s.entity_seconds,
                     o.index_path, ingest::HumanBytes(index_bytes));
}

std::string RenderReportText(const index::IndexReport& r) {
  std::string out = fmt::format("index       {} (schema {}, {})\n", r.path,
                                r.schema_version == 0 ? "none" : std::to_string(r.schema_version),
                                ingest::HumanBytes(r.bytes));
  out += fmt::format("articles    {}\n", r.articles);
  std::string kinds;
  for (const auto& [kind, n] : r.paragraphs_by_kind)
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", kind, n);
  out += fmt::format("paragraphs  {}{}\n", r.paragraphs, kinds.empty() ? "" : " (" + kinds + ")");
  out += fmt::format("entities    {} persons, {} places, {} organisations\n",
                     r.entities.count("person") ? r.entities.at("person") : 0,
                     r.entities.count("place") ? r.entities.at("place") : 0,
                     r.entities.count("org") ? r.entities.at("org") : 0);
  if (!r.shard_by.empty()) {
    out += fmt::format("shards      {} by {}\n", r.shards.size(), r.shard_by);
    for (const auto& [name, n] : r.shards) out += fmt::format("  {:>8}  {}\n", n, name);
  }
  out += fmt::format("bundles     {}\n", r.bundles.size());
  for (const auto& [bundle, n] : r.bundles) out += fmt::format("  {:>8}  {}\n", n, bundle);
  const json last = LastRun(r);
  if (last.is_null()) {
    out += "last run    none recorded\n";
  } else {
    out +=
        fmt::format("last run    {} .. {} ({:.1f} s): {}\n", last.value("start", "?"),
                    last.value("end", "?"), last.value("seconds", 0.0), last.value("result", "?"));
    out += "            " + last["summary"].get<std::string>() + "\n";
  }
  out += fmt::format("runs        {} recorded\n", r.runs_recorded);
  return out;
}

std::string RenderReportJson(const index::IndexReport& r) {
  json bundles = json::array();
  for (const auto& [bundle, n] : r.bundles) bundles.push_back({{"path", bundle}, {"articles", n}});
  json out = {{"index", r.path},
              {"schema_version", r.schema_version},
              {"bytes", r.bytes},
              {"articles", r.articles},
              {"paragraphs", r.paragraphs},
              {"paragraphs_by_kind", r.paragraphs_by_kind},
              {"entities", r.entities},
              {"bundles", bundles},
              {"runs_recorded", r.runs_recorded},
              {"last_run", LastRun(r)}};
  if (!r.shard_by.empty()) {
    json shards = json::array();
    for (const auto& [name, n] : r.shards) shards.push_back({{"name", name}, {"articles", n}});
    out["shard_by"] = r.shard_by;
    out["shards"] = shards;
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace nsearch::cli
