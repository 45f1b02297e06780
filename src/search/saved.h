// search/saved: named searches kept beside an index (`nsearch --save`), and
// how far each has been seen (`nsearch --new`). A JSON file in the index
// directory, saved-searches.json, next to the index's generations, written
// atomically under a lock, so two nsearch processes never lose each other's
// changes and a reader never sees half a file.
#ifndef NSEARCH_SEARCH_SAVED_H_
#define NSEARCH_SEARCH_SAVED_H_

#include <functional>
#include <string>
#include <vector>

#include "nsearch/searcher.h"
#include "nsearch/status.h"

namespace nsearch::search {

struct SavedSearch {
  std::string name;
  // What matches: query, entity filters, dates, authors, boilerplate,
  // exact and sort (not limit or offset: those are the asking's).
  SearchOptions options;
  std::string created, last_asked;  // ISO 8601, UTC; last_asked empty until asked
  // Articles written after this (Searcher::WrittenUntil when last asked, or
  // saved) are the new ones.
  double seen_until = 0;
};

// The file holding the saved searches of |index_path|.
std::string SavedSearchesPath(const std::string& index_path);

// The saved searches, in the order saved. No file is no saved search;
// Corruption for a file that cannot be read as saved searches.
Result<std::vector<SavedSearch>> LoadSavedSearches(const std::string& index_path);

// Loads the saved searches, lets |change| edit them and writes them back,
// holding a lock throughout. Nothing is written when |change| fails (its
// Status is returned) or when writing does (IOError).
Status UpdateSavedSearches(const std::string& index_path,
                           const std::function<Status(std::vector<SavedSearch>*)>& change);

// The time now as ISO 8601 UTC ("2025-07-03T02:00:00Z").
std::string IsoNow();

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_SAVED_H_
