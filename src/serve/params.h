// serve/params: a request's query parameters as library options, with the
// limits the server puts on them (oversized or unknown parameters are a
// 400, never a slow request).
#ifndef NSEARCH_SERVE_PARAMS_H_
#define NSEARCH_SERVE_PARAMS_H_

#include <array>
#include <initializer_list>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "nsearch/searcher.h"
#include "nsearch/status.h"

namespace nsearch::serve {

using Params = std::multimap<std::string, std::string>;

inline constexpr size_t kMaxParamBytes = 1000;  // one value (a query, an id, a name)
inline constexpr size_t kMaxParams = 40;        // parameters in one request
inline constexpr size_t kMaxRepeats = 10;       // values of one filter (person=...&person=...)
inline constexpr int kMaxLimit = 100;           // results or names per page
inline constexpr int kMaxPage = 1000;
inline constexpr int kDefaultLimit = 10;

// InvalidArgument naming the first parameter that is in neither |common|
// nor |extra|, that is longer than kMaxParamBytes or repeated more than
// kMaxRepeats times, or when there are more than kMaxParams.
Status CheckParams(const Params& params, std::span<const std::string_view> common,
                   std::initializer_list<std::string_view> extra = {});

// The last value of |name|, or "".
std::string Value(const Params& params, const std::string& name);

// |name| as a whole number in [lo, hi]; |fallback| when absent.
Result<int> IntValue(const Params& params, const std::string& name, int fallback, int lo, int hi);

// The filters and switches a search, facet count, timeline, article view
// and person page share: q, person, place, org, author, since, until, sort
// (relevance, date, oldest), boilerplate=1, exact=1. Dates are checked by
// the library (Searcher::Validate).
Result<SearchOptions> ReadSearchOptions(const Params& params);
// The names ReadSearchOptions reads.
inline constexpr std::array<std::string_view, 10> kSearchParams = {
    "q", "person", "place", "org", "author", "since", "until", "sort", "boilerplate", "exact"};

}  // namespace nsearch::serve

#endif  // NSEARCH_SERVE_PARAMS_H_
