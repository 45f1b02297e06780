// entities/bundle: the persons a bundle names in full, gathered by a cheap
// first pass (Extractor::Observe), so that a bare surname in one article
// ("Cuomo") gets the full name other articles give ("Andrew Cuomo") and the
// index holds one name per person.
//
// Only full names with local evidence count (a given name or initials first,
// a title before, "X Y said"...). A surname is resolved only when one full
// name clearly dominates the bundle's uses of it: two people sharing it with
// comparable counts (Bill and Hillary Clinton) leave it as written.
#ifndef NSEARCH_ENTITIES_BUNDLE_H_
#define NSEARCH_ENTITIES_BUNDLE_H_

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace nsearch::entities {

class BundleNames {
public:
  // One article's full person names: keys (token keys joined by ' ') and the
  // surface written. Duplicates within the list are ignored.
  void AddArticle(const std::vector<std::pair<std::string, std::string>> &names);

  // The full name key |tail| (a surname, or "de blasio") stands for across
  // the bundle, or nullptr when none or ambiguous. |surface| receives the
  // display form.
  const std::string *FullFor(const std::string &tail,
                             const std::string **surface) const;

  // True when |key| is a full name the bundle saw with evidence, or |last|
  // is the surname of exactly one well-attested bundle person.
  bool IsPersonName(const std::string &key, const std::string &last) const;

  size_t size() const { return full_.size(); }

  // A surname maps to its leading full name only when that name has at least
  // kMinArticles articles and kDominance times the articles of all other
  // full names sharing the tail together.
  static constexpr int kMinArticles = 2;
  static constexpr int kDominance = 4;

private:
  struct Full {
    int articles = 0;
    std::string surface;
  };
  std::unordered_map<std::string, Full> full_;
  // tail -> full keys ending in it (strictly longer).
  std::unordered_map<std::string, std::vector<std::string>> tails_;
};

} // namespace nsearch::entities

#endif // NSEARCH_ENTITIES_BUNDLE_H_
