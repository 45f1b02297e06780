#include "entities/resolve.h"

#include <algorithm>
#include <map>
#include <set>

#include "entities/aliases.h"
#include "entities/bundle.h"
#include "entities/fold.h"
#include "entities/lexicon.h"

namespace nsearch::entities {
namespace {

using Words = std::vector<std::string_view>;

bool IsTail(const Words& shorter, const Words& longer) {
  if (shorter.empty() || shorter.size() >= longer.size()) return false;
  return std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
}

}  // namespace

std::string CanonicalName(EntityType type, std::string_view surface) {
  const std::string* canonical = AliasCanonical(type, PhraseKey(surface));
  return canonical ? *canonical : std::string(surface);
}

std::vector<std::string> Resolve(EntityType type, std::string_view typed,
                                 const std::vector<std::pair<std::string, int>>& index_names,
                                 bool* ambiguous) {
  if (ambiguous) *ambiguous = false;
  const std::string typed_key = TranslitKey(typed);
  const std::string alias_key = TranslitKey(CanonicalName(type, typed));
  if (typed_key.empty()) return {};
  const Words typed_words = SplitNonEmpty(typed_key, ' ');
  const Words alias_words = SplitNonEmpty(alias_key, ' ');

  std::map<std::string, int> counts;  // canonical -> article count
  for (const auto& [name, n] : index_names) counts[name] += n;

  std::set<std::string> exact;
  std::map<std::string, std::vector<std::string>> tail_groups;  // full key -> names
  for (const auto& [name, n] : counts) {
    std::string k = TranslitKey(name);
    if (k == typed_key || k == alias_key) {
      exact.insert(name);
      continue;
    }
    if (type != EntityType::kPerson) continue;
    const Words words = SplitNonEmpty(k, ' ');
    if (IsTail(typed_words, words) || IsTail(alias_words, words)) {
      tail_groups[k].push_back(name);
    }
  }
  std::vector<std::string> out(exact.begin(), exact.end());
  // A multi-word exact match ("Sergei Lavrov") is the answer by itself; a
  // single-word one ("Lavrov", an article that never gave the first name)
  // joins the full names it may stand for.
  bool exact_full = std::any_of(exact.begin(), exact.end(), [](const std::string& s) {
    return s.find(' ') != std::string::npos;
  });
  if (!exact_full) {
    // Spellings of one full name ("Bill de Blasio", "Bill De Blasio") share a
    // key, so a group is one person. Several people sharing the surname are
    // ambiguous unless one dominates as at index time (BundleNames): "de
    // Blasio" is the mayor, not his children.
    std::vector<std::pair<int, const std::vector<std::string>*>> groups;
    int total = 0;
    for (const auto& [key, names] : tail_groups) {
      int n = 0;
      for (const auto& name : names) n += counts[name];
      groups.emplace_back(n, &names);
      total += n;
    }
    std::sort(groups.begin(), groups.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    const bool dominant = groups.size() >= 2 && groups[0].first >= BundleNames::kMinArticles &&
                          groups[0].first >= BundleNames::kDominance * (total - groups[0].first);
    if (dominant) groups.resize(1);
    for (const auto& [n, names] : groups) out.insert(out.end(), names->begin(), names->end());
    if (groups.size() >= 2 && ambiguous) *ambiguous = true;
  }
  std::sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
    int ca = counts[a], cb = counts[b];
    return ca != cb ? ca > cb : a < b;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace nsearch::entities
