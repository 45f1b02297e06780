// text/language: which language an article is written in (CLD2 over its
// body text) and what nsearch does with each language it knows: the Snowball
// stemmer its words are stemmed with and its stop words (text/stopwords.h).
// English is the default: an article whose detection is unsure (a short
// text, CLD2's unreliable flag, a top language under half the text, a
// quarter or more of the text in English) or whose language is not in the
// table is indexed as English.
#ifndef NSEARCH_TEXT_LANGUAGE_H_
#define NSEARCH_TEXT_LANGUAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "nsearch/article.h"

namespace nsearch::text {

inline constexpr std::string_view kDefaultLanguage = "en";

struct LanguageInfo {
  std::string_view code;     // ISO 639-1, as CLD2 and --lang spell it
  std::string_view name;     // English name, for messages and docs
  std::string_view stemmer;  // Xapian::Stem language, "none": unstemmed
};

// The languages nsearch tells apart, English first. Ukrainian has no Snowball
// stemmer in Xapian: its words are indexed unstemmed (docs/ingest.md).
const std::vector<LanguageInfo>& Languages();

// The entry of |code|, or nullptr when nsearch does not know it.
const LanguageInfo* FindLanguage(std::string_view code);

// "en, de, fr, ...": for usage messages.
std::string LanguageCodes();

// What detection saw, for tests and --verbose: the language chosen (always
// one of Languages()) and CLD2's own answer behind it.
struct Detection {
  std::string_view code = kDefaultLanguage;
  std::string detected;  // CLD2's top language code ("un" when unknown)
  int percent = 0;       // of the text in that language
  int text_bytes = 0;    // letters CLD2 scored
  bool reliable = false;
};

// Below this many scored bytes the text is too short to trust.
inline constexpr int kMinDetectBytes = 120;
// The top language must cover at least this share of the text, and
// English, when second or third, less than kMinEnglishPercent of it.
inline constexpr int kMinDetectPercent = 50;
inline constexpr int kMinEnglishPercent = 25;

// Detects the language of UTF-8 |text| (invalid UTF-8 is tolerated: the
// answer is then English unless enough valid text precedes it).
Detection DetectLanguage(std::string_view text);

// The language of an article: detection over its title and body paragraphs
// (not boilerplate or credits, which are often in another language: a
// comment form, an agency line), at most the first 16 KB.
std::string_view ArticleLanguage(const Article& article);

}  // namespace nsearch::text

#endif  // NSEARCH_TEXT_LANGUAGE_H_
