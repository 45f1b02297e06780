// cli/saved_cli: named searches and what is new for them — `nsearch --save
// NAME [FILTERS] QUERY`, `--saved`, `--unsave NAME`, `--new NAME
// [--since-run N]`, and `nsearch-index --on-new-matches CMD`. The searches
// live beside the (first) index (search/saved.h).
#ifndef NSEARCH_CLI_SAVED_CLI_H_
#define NSEARCH_CLI_SAVED_CLI_H_

#include <string>

#include "cli/render.h"
#include "nsearch/searcher.h"

namespace nsearch::cli {

struct SavedCliOptions {
  std::string index;  // where the saved searches live
  bool json = false;
  bool quiet = false;
};

// Saves |options| (query and filters) as |name|, replacing one of that name;
// what the index holds now is seen. A search that cannot run (a bad date, an
// ambiguous name) is not saved: exit 2.
int RunSave(Searcher& searcher, const std::string& name, const SearchOptions& options,
            const SavedCliOptions& o);
// Lists the saved searches (exit 1 when there is none).
int RunSaved(const SavedCliOptions& o);
// Drops |name| (exit 1 when there is no such search).
int RunUnsave(const std::string& name, const SavedCliOptions& o);
// The articles matching |name| written since it was last asked (or, with
// |since_run| N, by the last N indexer runs, without moving the mark),
// printed as a search's results; |page| gives the limit and offset.
int RunNew(Searcher& searcher, const std::string& name, const std::string& since_run,
           const SearchOptions& page, const SavedCliOptions& o, const Style& style);

// After an indexing run of |index|: when saved searches have articles this
// run wrote, runs |command| (through /bin/sh) with a summary of them on its
// standard input. Returns false (after a warning) when the command could not
// run or failed.
bool NotifyNewMatches(const std::string& index, const std::string& command);

}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_SAVED_CLI_H_
