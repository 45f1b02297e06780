// search/highlight: where the matched words are in a passage, as code-point
// ranges. Query matches come from the index's own term positions (so "swap"
// marks "swaps", and a synonym marks whichever spelling the article used);
// entity mentions are found by their folded words.
#ifndef NSEARCH_SEARCH_HIGHLIGHT_H_
#define NSEARCH_SEARCH_HIGHLIGHT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nsearch::search {

using Spans = std::vector<std::pair<int, int>>;  // code-point [start, end)

// Code-point spans of the words [first, last) of |text|, numbered as the
// index numbers them (text::Tokenize): what a query matched, from positions.
Spans WordSpans(std::string_view text, const std::vector<std::pair<uint32_t, uint32_t>>& words);

// Case- and accent-insensitive whole-word occurrences of any of |phrases|.
Spans HighlightPhrases(std::string_view text, const std::vector<std::string>& phrases);

// Sorted, overlapping or touching spans merged.
Spans MergeSpans(Spans spans);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_HIGHLIGHT_H_
