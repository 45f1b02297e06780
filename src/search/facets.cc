#include "search/facets.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "index/schema.h"

namespace nsearch::search {

Facets CountFacets(const Xapian::Database& db, std::vector<Xapian::docid> docids, int limit,
                   const std::unordered_set<std::string>& exclude) {
  std::sort(docids.begin(), docids.end());
  docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
  // The values stay alive while the counts point into them.
  std::vector<std::string> values;
  values.reserve(docids.size());
  std::unordered_set<std::string> seen_articles;  // several shards only
  const bool sharded = db.size() > 1;
  auto entities = db.valuestream_begin(index::kSlotEntities);
  auto keys = db.valuestream_begin(index::kSlotArticle);
  int64_t articles = 0;
  std::unordered_map<std::string_view, int> counts[3];
  for (Xapian::docid did : docids) {
    if (sharded) {
      keys.skip_to(did);
      if (keys != db.valuestream_end(index::kSlotArticle) && keys.get_docid() == did &&
          !seen_articles.insert(*keys).second)
        continue;
    }
    ++articles;
    entities.skip_to(did);
    if (entities == db.valuestream_end(index::kSlotEntities)) break;
    if (entities.get_docid() != did) continue;
    values.push_back(*entities);
    for (const auto& e : index::DecodeEntities(values.back()))
      ++counts[static_cast<int>(e.type)][e.name];
  }
  Facets f;
  f.articles = articles;
  std::vector<FacetCount>* out[3] = {&f.person, &f.place, &f.org};
  for (int t = 0; t < 3; ++t) {
    std::vector<std::pair<std::string_view, int>> list(counts[t].begin(), counts[t].end());
    // Most articles first, then by name, so equal counts come out the same
    // on every run; only as many as are shown (and excluded) are ordered.
    auto order = [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    const size_t shown = limit > 0
                             ? std::min(list.size(), static_cast<size_t>(limit) + exclude.size())
                             : list.size();
    std::partial_sort(list.begin(), list.begin() + shown, list.end(), order);
    list.resize(shown);
    for (const auto& [name, count] : list) {
      if (exclude.count(std::string(name))) continue;
      if (limit > 0 && static_cast<int>(out[t]->size()) >= limit) break;
      out[t]->push_back({std::string(name), count});
    }
  }
  return f;
}

}  // namespace nsearch::search
