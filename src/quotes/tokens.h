// quotes/tokens: a paragraph as the attribution rules read it — the spans
// inside quotation marks, and the words and punctuation around them, with
// sentence ends marked. Byte offsets throughout; pure functions.
#ifndef NSEARCH_QUOTES_TOKENS_H_
#define NSEARCH_QUOTES_TOKENS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch::quotes {

// One quotation: “…”, "…", «…» or „…“. |begin|/|end| are the quoted words
// (whitespace and a trailing comma trimmed); |open| is the opening mark,
// |close| one past the closing mark. A quotation still open at the end of
// the paragraph (a quote that goes on in the next one) has closed = false and
// close = the paragraph's size.
struct Span {
  size_t open = 0, begin = 0, end = 0, close = 0;
  bool closed = true;
  int words = 0;
  int capitalised = 0;  // words starting with a capital letter
  int small = 0;        // lower-case "and", "a", "of"...
  // "You Are The Sunshine Of My Life", "Me and a Gun": a title, not
  // someone's words.
  bool title() const {
    return words >= 2 && words < 15 && capitalised >= 2 &&
           (capitalised + small == words || capitalised * 4 >= words * 3);
  }
  // The last character inside the marks: ',' '?' '!' '-' (a sentence that
  // goes on after the quote), '.' (one that ends with it), or 0 (a phrase
  // quoted inside a sentence).
  char last = 0;
};

std::vector<Span> FindSpans(std::string_view text);

enum class TokenKind { kWord, kPunct, kPossessive, kQuote };

struct Token {
  TokenKind kind = TokenKind::kWord;
  size_t begin = 0, end = 0;
  std::string text;   // as written ("Trump", ",", "’s")
  std::string lower;  // ASCII lower case of |text|
  bool capitalised = false;
  int span = -1;  // kQuote: index into the paragraph's spans
  // A '.', '?' or '!' that ends a sentence (not "Sen." or "U.S." or an
  // initial).
  bool sentence_end = false;
};

// The paragraph's tokens, each quotation one kQuote token. Words split at
// hyphens and slashes; "Trump’s" is "Trump" + a kPossessive token.
std::vector<Token> Tokenize(std::string_view text, const std::vector<Span>& spans);

// True when |word| is one of |list|.
template <size_t N>
bool OneOf(const std::string_view (&list)[N], std::string_view word) {
  for (std::string_view w : list)
    if (w == word) return true;
  return false;
}

// The words of |text| as Tokenize splits them (for matching names).
std::vector<std::string> WordsOf(std::string_view text);

}  // namespace nsearch::quotes

#endif  // NSEARCH_QUOTES_TOKENS_H_
