// entities/bundle: the persons a bundle names in full, gathered by a cheap
// first pass (Extractor::Observe), so that a bare surname in one article
// ("Cuomo") gets the full name other articles give ("Andrew Cuomo") and the
// index holds one name per person.
//
// Only full names with local evidence count, and for surnames only those
// that start with a given name or initials ("Andrew Cuomo", not "Gov.
// Cuomo"); "Andrew M. Cuomo" counts as "Andrew Cuomo". A surname is resolved
// only when one person clearly dominates the bundle's uses of it: two people
// sharing it with comparable counts (Bill and Hillary Clinton) leave it as
// written.
#ifndef NSEARCH_ENTITIES_BUNDLE_H_
#define NSEARCH_ENTITIES_BUNDLE_H_

#include <string>
#include <unordered_map>
#include <vector>

namespace nsearch::entities {

struct BundleName {
  std::string key;           // token keys joined by ' '
  std::string surface;       // as written
  bool given_first = false;  // starts with a given name or initials
};

class BundleNames {
 public:
  // One article: the person names with evidence, and the keys of the
  // capitalised runs that were person-shaped but had no evidence.
  // Duplicates are counted once per article.
  void AddArticle(const std::vector<BundleName>& names,
                  const std::vector<std::string>& unexplained);

  // The full name key |tail| (a surname, or "de blasio") stands for across
  // the bundle, or nullptr when none or ambiguous; |surface| receives the
  // display form.
  const std::string* FullFor(const std::string& tail, const std::string** surface) const;

  // True when the run |key| was a person with evidence in at least two
  // articles and in at least a fifth of the articles that wrote it.
  bool IsPersonName(const std::string& key) const;

  size_t size() const { return full_.size(); }

  // A surname maps to its leading person only when that person has at least
  // kMinArticles articles and kDominance times the articles of all the other
  // persons sharing the surname together.
  static constexpr int kMinArticles = 2;
  static constexpr int kDominance = 4;

 private:
  struct Full {
    int articles = 0;
    std::string surface;
  };
  struct Run {
    int evidence = 0;
    int seen = 0;
  };
  std::unordered_map<std::string, Full> full_;  // given-first names
  std::unordered_map<std::string, Run> runs_;
  // tail -> given-first full keys ending in it (strictly longer).
  std::unordered_map<std::string, std::vector<std::string>> tails_;
};

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_BUNDLE_H_
