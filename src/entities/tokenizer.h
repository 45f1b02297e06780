// entities/tokenizer: a shape-preserving tokenizer for name finding. Unlike
// text::Tokenize (which folds for indexing), it keeps case, initials ("A.R."),
// abbreviations ("Sen.", "U.S."), inner hyphens and apostrophes ("O'Neill",
// "al-Assad"), splits off possessives ("Trump's") and marks sentence starts.
// One pass over the bytes; ICU is used only for non-ASCII code points.
#ifndef NSEARCH_ENTITIES_TOKENIZER_H_
#define NSEARCH_ENTITIES_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch::entities {

enum TokenFlag : uint16_t {
  kWord = 1 << 0,        // letters/digits; otherwise one punctuation character
  kCap = 1 << 1,         // first letter upper-case
  kAllCaps = 1 << 2,     // every letter upper-case (at least two letters)
  kNumber = 1 << 3,      // starts with a digit ("3", "6-3", "1996-08-30")
  kPossessive = 1 << 4,  // a possessive 's / ’s followed and was dropped
  kSentStart = 1 << 5,   // first word of a sentence, quote or clause
  kInitial = 1 << 6,     // "J." / "A.R." / "JD"-like initials
  kAbbrev = 1 << 7,      // ends with a period that is not a sentence end
  kHyphen = 1 << 8,      // contains an inner hyphen
  kLowerPart = 1 << 9,   // a hyphen part after the first starts lower-case
  kOpenQuote = 1 << 10,  // punctuation: opening quote or bracket
};

struct Token {
  std::string_view text;  // surface as written (possessive not included)
  std::string key;        // FoldWordInto(text) without a trailing '.'
  uint32_t begin = 0;     // byte offsets into the paragraph
  uint32_t end = 0;
  uint16_t flags = 0;
  char32_t punct = 0;  // the character, for punctuation tokens

  bool Is(uint16_t f) const { return (flags & f) != 0; }
  bool IsPunct(char32_t c) const { return !(flags & kWord) && punct == c; }
};

// Splits one paragraph. |abbrevs| holds folded abbreviations ("sen", "inc")
// whose trailing period belongs to the word.
std::vector<Token> TokenizeForNames(std::string_view text);

// True when at least 80% of the letters of |text| are upper-case (and there
// are at least 4): an all-caps headline or wire dateline.
bool MostlyUpper(std::string_view text);

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_TOKENIZER_H_
