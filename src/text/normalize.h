// text: the one place that decides what a "word" is. Indexing, query parsing
// and highlighting all go through Tokenize(), so a word found at index time is
// spelled the same way when a user types it.
#ifndef NSEARCH_TEXT_NORMALIZE_H_
#define NSEARCH_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nsearch::text {

// Folds text for matching: NFKC, Unicode case folding, accents removed
// ("Türkiye" -> "turkiye"), typographic apostrophes -> "'". Dots and commas
// inside a word are dropped ("U.S." -> "us", "1,000" -> "1000") so that the
// result is a run of letters, digits and inner apostrophes that Xapian's
// QueryParser keeps as one term.
std::string Fold(std::string_view utf8);

struct Token {
  std::string term;   // Fold()ed word
  int32_t begin = 0;  // code-point offset of the word in the input
  int32_t end = 0;    // one past the last code point
  uint32_t byte_begin = 0;
  uint32_t byte_end = 0;
};

// Splits UTF-8 text into words with ICU's word break rules (UAX #29);
// whitespace and punctuation are not tokens. Invalid UTF-8 is tolerated.
// Text in alphabetic scripts takes a fast path that implements the rules
// for the word-break classes it meets (letters, digits, the marks between
// them, underscores, combining marks); anything else (dictionary scripts
// such as Chinese or Thai, Hebrew, emoji sequences) goes to ICU's break
// iterator. Both give the same tokens (tests/text/normalize_test.cc).
std::vector<Token> Tokenize(std::string_view utf8);
// ICU's break iterator on every text: the reference the fast path matches.
std::vector<Token> TokenizeWithIcu(std::string_view utf8);
// Where each of Tokenize's tokens is, [begin, end) in code points, without
// folding them (highlighting needs only where a passage's words are).
std::vector<std::pair<int32_t, int32_t>> TokenSpans(std::string_view utf8);

// Code points as Tokenize counts them: an ill-formed UTF-8 sequence is one
// (it becomes one U+FFFD), so offsets agree on any input.
int32_t CodePointCount(std::string_view utf8);

// Byte offset where each code point starts, plus utf8.size() at the end.
std::vector<size_t> CodePointStarts(std::string_view utf8);

// Byte offset of code point |cp| in |utf8| (clamped to the end).
size_t ByteOffsetOfCodePoint(std::string_view utf8, int32_t cp);

// Collapses runs of Unicode whitespace (including NBSP) to one ASCII space
// and trims both ends.
std::string CollapseSpace(std::string_view utf8);

}  // namespace nsearch::text

#endif  // NSEARCH_TEXT_NORMALIZE_H_
