// entities/wordfile: optional word lists from Debian data packages, read at
// lexicon build time. Every one of them may be absent: the extractor then
// works from the project's own tables alone (a little lower person recall).
//
//   /usr/share/dict/propernames(.gz)  package miscfiles: ~1,500 given names
//   /usr/share/dict/american-english  package wamerican (else .../words):
//                                     ordinary English words, lower-case
#ifndef NSEARCH_ENTITIES_WORDFILE_H_
#define NSEARCH_ENTITIES_WORDFILE_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace nsearch::entities {

// Calls |line| for every line of |path| (plain or gzip-compressed, decided by
// the content). Returns false when the file cannot be read; that is not an
// error, the caller goes on without it.
bool ForEachLine(const std::string& path, const std::function<void(std::string_view)>& line);

// The ordinary words of a wordlist: lower-case entries of 2 to kMaxWordLength
// ASCII letters ("grace", "net", "sales"; not "Grace", "o'clock"). Empty when
// the file is missing.
inline constexpr size_t kMaxWordLength = 8;
std::unordered_set<std::string> ReadWords(const std::string& words_path);

// Given names from a propernames-style list (one capitalised name a line)
// that are not ordinary words: a name in |words| ("Grace", "Case", "Hope")
// is left out, as is every name in |exclude|. Folded keys. A missing file
// gives no names.
std::unordered_set<std::string> ReadGivenNames(const std::string& names_path,
                                               const std::unordered_set<std::string>& words,
                                               const std::unordered_set<std::string>& exclude);

// The default locations of the two lists (Debian's).
std::string DefaultNamesPath();
std::string DefaultWordsPath();

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_WORDFILE_H_
