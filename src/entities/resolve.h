// entities/resolve: what a user typed after --person/--place/--org, matched
// against the canonical entity names the index holds.
#ifndef NSEARCH_ENTITIES_RESOLVE_H_
#define NSEARCH_ENTITIES_RESOLVE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nsearch/article.h"

namespace nsearch::entities {

// Returns the canonical names (from |index_names|: name -> article count) to
// OR together for |typed|, most frequent first. Matches, in order:
//   1. the same name up to case/accents/transliteration ("Zelenskyy" ==
//      "Zelensky"), or through the alias table ("Kiev" -> "Kyiv");
//   2. for persons, a surname or other tail of a full name ("Lavrov" ->
//      "Sergei Lavrov"), a bare surname entry joining its full name.
// Two or more different full names sharing the tail are ambiguous: all are
// returned and *ambiguous is set (when non-null) so the caller can say
// "Lavrov could mean: ...". No match gives an empty vector (not an error).
std::vector<std::string> Resolve(EntityType type, std::string_view typed,
                                 const std::vector<std::pair<std::string, int>>& index_names,
                                 bool* ambiguous);

// The canonical name the extractor would give |surface| without context
// ("Kiev" -> "Kyiv", "Zelenskyy" -> "Volodymyr Zelensky"); |surface| itself
// when the alias table has nothing.
std::string CanonicalName(EntityType type, std::string_view surface);

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_RESOLVE_H_
