// cli/batch: `nsearch --batch FILE`, a list of queries checked in one run.
// The index is opened once and every query runs with the same options; each
// hit is one row (CSV, TSV or JSON Lines), the rows of a query written as
// soon as it finishes.
#ifndef NSEARCH_CLI_BATCH_H_
#define NSEARCH_CLI_BATCH_H_

#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/searcher.h"

namespace nsearch::cli {

enum class BatchFormat { kCsv, kTsv, kJsonl };

// "csv", "tsv", "jsonl" (also "json"); false for anything else.
bool ParseBatchFormat(std::string_view name, BatchFormat* format);

// One query of the input and the line it starts on.
struct BatchQuery {
  int line = 0;
  std::string query;
};

// What a batch file holds: one query per line ('#' comments and blank lines
// skipped), or, when its first line is a CSV header with a "query" column
// (and more than one column, or |csv_name|), one CSV record per line.
// Lines that cannot be read as a query go to |bad| as "line N: reason".
struct BatchInput {
  std::vector<BatchQuery> queries;
  std::vector<std::string> bad;
};
BatchInput ReadBatch(std::istream& in, bool csv_name);

// One CSV record (RFC 4180 quoting, on one line): false with |error| set
// for an unterminated quoted field.
bool SplitCsv(std::string_view line, std::vector<std::string>* fields, std::string* error);

// Opens a Searcher on the index being searched (one per worker thread).
using SearcherFactory = std::function<Result<std::unique_ptr<Searcher>>()>;

// Runs every query of |file| ("-": standard input) with |base|'s filters,
// limit and offset, on |threads| threads (0: one per processor, at most 8),
// printing rows to standard output in the file's order, each query's as
// soon as it and those before it are done, and bad lines (with their line
// numbers) to standard error. Returns the exit code: 0 every line ran and
// something matched, 1 no hits at all or some line was bad, 2 the file or
// the index cannot be read, or the file holds no query.
int RunBatch(const SearcherFactory& open, const std::string& file, BatchFormat format,
             const SearchOptions& base, bool quiet, int threads = 0);

}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_BATCH_H_
