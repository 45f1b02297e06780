#include "entities/aliases.h"

#include <array>
#include <unordered_map>

#include "entities/fold.h"
#include "entities/lexicon.h"
#include "entities/tables.h"
#include "entities/tokenizer.h"

namespace nsearch::entities {

std::string PhraseKey(std::string_view phrase) {
  std::string key;
  for (const Token& t : TokenizeForNames(phrase)) {
    if (!t.Is(kWord)) continue;
    if (!key.empty()) key.push_back(' ');
    key += t.key;
  }
  return key;
}

void ForEachAlias(
    std::string_view table,
    const std::function<void(std::string_view canonical, std::string_view variant)>& f) {
  for (std::string_view entry : SplitNonEmpty(table, '|')) {
    const size_t eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view canonical = entry.substr(0, eq);
    f(canonical, canonical);
    for (std::string_view v : SplitNonEmpty(entry.substr(eq + 1), ',')) f(canonical, v);
  }
}

const std::string* AliasCanonical(EntityType type, const std::string& phrase_key) {
  using Map = std::unordered_map<std::string, std::string>;
  static const std::array<Map, 3> maps = [] {
    std::array<Map, 3> m;
    const std::pair<const char*, EntityType> tables[] = {
        {tables::kPersonAliases, EntityType::kPerson},
        {tables::kPlaceAliases, EntityType::kPlace},
        {tables::kOrgAliases, EntityType::kOrg}};
    for (const auto& [table, t] : tables) {
      auto& map = m[static_cast<int>(t)];
      ForEachAlias(table, [&](std::string_view canonical, std::string_view variant) {
        map.emplace(PhraseKey(variant), std::string(canonical));
      });
    }
    return m;
  }();
  const Map& map = maps[static_cast<int>(type)];
  auto it = map.find(phrase_key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace nsearch::entities
