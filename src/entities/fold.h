// entities/fold: the keys entity names are compared by. Two spellings that
// differ only in case, accents, typographic quotes or a possessive get the
// same FoldKey; transliteration variants of one person's name ("Zelensky",
// "Zelenskyy", "Zelenskiy") also get the same TranslitKey.
#ifndef NSEARCH_ENTITIES_FOLD_H_
#define NSEARCH_ENTITIES_FOLD_H_

#include <string>
#include <string_view>
#include <vector>

namespace nsearch::entities {

// Case- and accent-folded, curly quotes -> ASCII, whitespace collapsed,
// leading/trailing punctuation and a trailing possessive ('s, s') removed.
// "Türkiye’s" -> "turkiye", " U.S. " -> "u.s". Dots inside are kept.
std::string FoldKey(std::string_view utf8);

// FoldKey with dots and hyphens dropped, then per word the usual Latin
// transliteration variants unified (final -iy/-yy/-ii/-y -> "y", "kh" -> "h",
// "ou" -> "u" ...). Only for comparing names, never shown.
std::string TranslitKey(std::string_view utf8);

// Lower-cases and strips accents of one word without touching punctuation.
// ASCII fast path; used per token, so it must stay cheap.
void FoldWordInto(std::string_view word, std::string* out);

// The non-empty pieces of |s| between |sep|s ("a  b" -> {"a", "b"}); views
// into |s|, which must outlive them.
std::vector<std::string_view> SplitNonEmpty(std::string_view s, char sep);

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_FOLD_H_
