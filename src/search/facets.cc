#include "search/facets.h"

#include <algorithm>

#include "index/schema.h"

namespace nsearch::search {

void ArticleEntitySpy::operator()(const Xapian::Document& doc, double) {
  if (!seen_articles_.insert(doc.get_value(index::kSlotArticle)).second) return;
  const std::string encoded = doc.get_value(index::kSlotEntities);
  for (const auto& e : index::DecodeEntities(encoded))
    ++counts_[static_cast<int>(e.type)][std::string(e.name)];
}

Facets ArticleEntitySpy::Top(int limit, const std::unordered_set<std::string>& exclude) const {
  Facets f;
  f.articles = static_cast<int64_t>(seen_articles_.size());
  std::vector<FacetCount>* out[3] = {&f.person, &f.place, &f.org};
  for (int t = 0; t < 3; ++t) {
    for (const auto& [name, count] : counts_[t])
      if (!exclude.count(name)) out[t]->push_back({name, count});
    std::stable_sort(out[t]->begin(), out[t]->end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    if (limit > 0 && static_cast<int>(out[t]->size()) > limit) out[t]->resize(limit);
  }
  return f;
}

}  // namespace nsearch::search
