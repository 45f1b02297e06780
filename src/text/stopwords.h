// text/stopwords: the English stop words (125, the classic list). Queries
// drop them (they neither match nor weigh: docs/ranking.md has the
// measurements); the index keeps them as terms without positions, so a
// query of stop words alone ("the who") still matches, phrases count them
// as gaps ("two to tango" = two, one word, tango), and the position table,
// the largest part of an index, loses two fifths of its entries.
#ifndef NSEARCH_TEXT_STOPWORDS_H_
#define NSEARCH_TEXT_STOPWORDS_H_

#include <string_view>
#include <vector>

namespace nsearch::text {

// The list, as Fold spells words.
const std::vector<std::string_view>& StopWords();

// True for a folded word of the list.
bool IsStopWord(std::string_view folded_word);

}  // namespace nsearch::text

#endif  // NSEARCH_TEXT_STOPWORDS_H_
