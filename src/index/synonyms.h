// index/synonyms: the synonym table, so that one name's spellings are one
// word for search (Kiev = Kyiv, Zelensky = Zelenskyy = Zelenskiy, Türkiye =
// Turkey). Built from the alias tables the extractor uses and from the
// surface forms the index holds for each entity ("XR" terms), and only for
// single words that are spellings of each other (same first letter, at most
// two edits apart, four letters or more): "United States" = "America" is an
// alias of a place, not a spelling of a word, so `states` never finds
// `america`.
#ifndef NSEARCH_INDEX_SYNONYMS_H_
#define NSEARCH_INDEX_SYNONYMS_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace nsearch::index {

// Groups of folded words that spell one name, from the built-in alias tables
// and from |db|'s entity alias terms; each group sorted, groups sorted.
std::vector<std::vector<std::string>> SpellingGroups(const Xapian::Database& db);

// Replaces |out|'s synonym table with SpellingGroups(all): each word of a
// group has the stems of the others as synonyms. Deterministic, so
// incremental runs and a rebuild give the same table.
void RebuildSynonyms(const Xapian::Database& all, Xapian::WritableDatabase& out);

// True when |a| and |b| are spellings of one word by the rule above.
bool SameWordSpelling(std::string_view a, std::string_view b);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_SYNONYMS_H_
