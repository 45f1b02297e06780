// entities/aliases: the project's alias tables ("Kyiv=Kiev,Kiew|..."), on
// their own: what query-time name lookups consult. Cheap to build, unlike
// the full lexicon (ICU region and city names, the system word lists), so a
// search never builds that.
#ifndef NSEARCH_ENTITIES_ALIASES_H_
#define NSEARCH_ENTITIES_ALIASES_H_

#include <functional>
#include <string>
#include <string_view>

#include "nsearch/article.h"

namespace nsearch::entities {

// Calls |f(canonical, variant)| for each entry of an alias table
// ("Canonical=variant,variant|..."), the canonical name itself first.
void ForEachAlias(
    std::string_view table,
    const std::function<void(std::string_view canonical, std::string_view variant)>& f);

// The canonical name the alias tables give |phrase_key| (PhraseKey) for
// |type|, or nullptr.
const std::string* AliasCanonical(EntityType type, const std::string& phrase_key);

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_ALIASES_H_
