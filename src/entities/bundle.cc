#include "entities/bundle.h"

#include <algorithm>

namespace nsearch::entities {

void BundleNames::AddArticle(
    const std::vector<std::pair<std::string, std::string>> &names) {
  std::unordered_set<std::string> seen;
  for (const auto &[key, surface] : names) {
    if (!seen.insert(key).second)
      continue;
    auto [it, inserted] = full_.try_emplace(key);
    ++it->second.articles;
    if (!inserted)
      continue;
    it->second.surface = surface;
    for (size_t sp = key.find(' '); sp != std::string::npos;
         sp = key.find(' ', sp + 1)) {
      tails_[key.substr(sp + 1)].push_back(key);
    }
  }
}

const std::string *BundleNames::FullFor(const std::string &tail,
                                        const std::string **surface) const {
  auto t = tails_.find(tail);
  if (t == tails_.end())
    return nullptr;
  // Only maximal names: "de blasio" is itself the tail of "bill de blasio".
  const std::string *best = nullptr;
  int best_n = 0, others = 0;
  for (const std::string &f : t->second) {
    if (tails_.count(f))
      continue;
    int n = full_.at(f).articles;
    if (n > best_n) {
      others += best_n;
      best_n = n;
      best = &f;
    } else {
      others += n;
    }
  }
  if (!best || best_n < kMinArticles || best_n < kDominance * others)
    return nullptr;
  if (surface)
    *surface = &full_.at(*best).surface;
  return best;
}

bool BundleNames::IsPersonName(const std::string &key,
                               const std::string &last) const {
  if (auto f = full_.find(key); f != full_.end() && f->second.articles >= 1)
    return true;
  const std::string *full = FullFor(last, nullptr);
  return full && full_.at(*full).articles >= 3;
}

} // namespace nsearch::entities
