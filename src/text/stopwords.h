// text/stopwords: the English stop words (125, the classic list). Queries
// drop them (they neither match nor weigh: docs/ranking.md has the
// measurements); the index keeps them as terms without positions, so a
// query of stop words alone ("the who") still matches, phrases count them
// as gaps ("two to tango" = two, one word, tango), and the position table,
// the largest part of an index, loses two fifths of its entries.
#ifndef NSEARCH_TEXT_STOPWORDS_H_
#define NSEARCH_TEXT_STOPWORDS_H_

#include <string>
#include <string_view>

namespace nsearch::text {

// True for a folded word of the list.
bool IsStopWord(std::string_view folded_word);

// The stop words of the language |code| (text/language.h), as Fold spells
// them: English's list above, a short list of the most frequent function
// words for German, French, Spanish, Italian, Portuguese, Dutch, Russian and
// Ukrainian, none for the others. In the index they are what has no
// positions in an article of that language; queries still drop only the
// English ones (a word that is a function word in one language is often a
// content word in another: "die", "son", "con").
bool IsStopWord(std::string_view folded_word, std::string_view code);

}  // namespace nsearch::text

#endif  // NSEARCH_TEXT_STOPWORDS_H_
