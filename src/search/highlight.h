// search/highlight: where the matched words are in a passage, as code-point
// ranges, using the same tokeniser and stemmer as the index, so "swap"
// highlights "swaps".
#ifndef NSEARCH_SEARCH_HIGHLIGHT_H_
#define NSEARCH_SEARCH_HIGHLIGHT_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nsearch::search {

using Spans = std::vector<std::pair<int, int>>;  // code-point [start, end)

// Words of |text| whose stem is in |words|, and runs of words whose stems
// equal one of |phrases| in order.
Spans HighlightQuery(std::string_view text, const std::vector<std::string>& words,
                     const std::vector<std::vector<std::string>>& phrases);

// Case- and accent-insensitive whole-word occurrences of any of |phrases|.
Spans HighlightPhrases(std::string_view text, const std::vector<std::string>& phrases);

// Sorted, overlapping or touching spans merged.
Spans MergeSpans(Spans spans);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_HIGHLIGHT_H_
