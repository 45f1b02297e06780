// quotes: the direct quotes of an article and who said them ("Who said
// what"). Rule-based and deterministic, run by the indexer after entity
// extraction: a speaker is always one of the article's persons, under its
// canonical name (so "Zelensky" and "Zelenskyy" are one speaker).
//
// Reads body paragraphs only. A quotation of fewer than kMinQuoteWords
// words is a phrase (a nickname, a scare quote), not a quote. Attribution
// follows the text around the quotation marks:
//   "...," Lavrov said / "...," said Maria Snegovaya, a senior researcher
//   Lavrov said: "..." / X posted on X, saying: "..." / X told reporters
//   "...," he added / She continued: "..."  (he/she: the person the
//     previous sentences are about, in this paragraph or the one before)
//   "A," Trump said. "B."  (B: the same speaker, within a paragraph)
//   a quote running on into the next paragraph keeps its speaker.
// Anything less clear — an unnamed speaker ("a spokesman said"), a name the
// extractor did not find, two candidates — leaves the quote without a
// speaker: a quote put in the wrong mouth is worse than one unattributed.
// An article without persons gets its quotes, all unattributed; that is
// not an error.
#ifndef NSEARCH_QUOTES_QUOTES_H_
#define NSEARCH_QUOTES_QUOTES_H_

#include <vector>

#include "nsearch/article.h"

namespace nsearch::quotes {

inline constexpr int kMinQuoteWords = 2;

// The quotes of |article| in reading order (article.entities must be
// filled already). Thread-safe: a pure function.
std::vector<Quote> FindQuotes(const Article& article);

}  // namespace nsearch::quotes

#endif  // NSEARCH_QUOTES_QUOTES_H_
