// cli/index_report: what nsearch-index tells the operator — the summary
// line at the end of a run, and `--stats` on an index (text or JSON, the
// JSON fields a contract: docs/json.md).
#ifndef NSEARCH_CLI_INDEX_REPORT_H_
#define NSEARCH_CLI_INDEX_REPORT_H_

#include <string>

#include "index/stats.h"
#include "nsearch/indexer.h"

namespace nsearch::cli {

// The last line of a run: articles (new, updated, unchanged, removed),
// paragraphs, skipped by reason, seconds; for a real run, "-> INDEX (SIZE)"
// with the size of the index on disk (|index_bytes|).
std::string RunSummary(const IndexStats& stats, const IndexOptions& options, uint64_t index_bytes);

std::string RenderReportText(const index::IndexReport& report);
// One JSON object: {"index", "schema_version", "bytes", "articles",
// "paragraphs", "paragraphs_by_kind", "entities", "bundles", "runs_recorded",
// "last_run"}; last_run is the run record with a "summary" line, or null.
std::string RenderReportJson(const index::IndexReport& report);

}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_INDEX_REPORT_H_
