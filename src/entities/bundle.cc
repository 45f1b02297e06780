#include "entities/bundle.h"

#include <map>
#include <unordered_set>

namespace nsearch::entities {

void BundleNames::AddArticle(const std::vector<BundleName>& names,
                             const std::vector<std::string>& unexplained) {
  std::unordered_set<std::string> seen;
  for (const BundleName& n : names) {
    if (!seen.insert(n.key).second) continue;
    Run& r = runs_[n.key];
    ++r.evidence;
    ++r.seen;
    if (!n.given_first) continue;
    auto [it, inserted] = full_.try_emplace(n.key);
    ++it->second.articles;
    if (!inserted) continue;
    it->second.surface = n.surface;
    for (size_t sp = n.key.find(' '); sp != std::string::npos; sp = n.key.find(' ', sp + 1)) {
      tails_[n.key.substr(sp + 1)].push_back(n.key);
    }
  }
  for (const std::string& key : unexplained) {
    if (seen.insert(key).second) ++runs_[key].seen;
  }
}

const std::string* BundleNames::FullFor(const std::string& tail,
                                        const std::string** surface) const {
  auto t = tails_.find(tail);
  if (t == tails_.end()) return nullptr;
  // One person per first word + tail: "andrew m cuomo" is "andrew cuomo".
  // Only maximal names count ("de blasio" is the tail of "bill de blasio").
  struct Person {
    int articles = 0;
    const std::string* best = nullptr;
    int best_articles = 0;
  };
  std::map<std::string, Person> people;
  for (const std::string& f : t->second) {
    if (tails_.count(f)) continue;
    const Full& full = full_.at(f);
    Person& p = people[f.substr(0, f.find(' '))];
    p.articles += full.articles;
    if (full.articles > p.best_articles) {
      p.best_articles = full.articles;
      p.best = &f;
    }
  }
  const Person* top = nullptr;
  int total = 0;
  for (const auto& [first, p] : people) {
    total += p.articles;
    if (!top || p.articles > top->articles) top = &p;
  }
  if (!top || top->articles < kMinArticles || top->articles < kDominance * (total - top->articles))
    return nullptr;
  if (surface) *surface = &full_.at(*top->best).surface;
  return top->best;
}

bool BundleNames::IsPersonName(const std::string& key) const {
  auto r = runs_.find(key);
  return r != runs_.end() && r->second.evidence >= 2 && r->second.evidence * 5 >= r->second.seen;
}

}  // namespace nsearch::entities
