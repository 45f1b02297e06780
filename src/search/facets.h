// search/facets: entity counts in articles, not paragraphs. Xapian match
// spies see every matching passage before collapsing, so this spy counts an
// article's entities only the first time it sees that article.
#ifndef NSEARCH_SEARCH_FACETS_H_
#define NSEARCH_SEARCH_FACETS_H_

#include <xapian.h>

#include <map>
#include <string>
#include <unordered_set>

#include "nsearch/searcher.h"

namespace nsearch::search {

class ArticleEntitySpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double wt) override;
  // Top |limit| per type (0 or less: all); |exclude| names (the filter
  // itself) left out.
  Facets Top(int limit, const std::unordered_set<std::string>& exclude = {}) const;

 private:
  std::unordered_set<std::string> seen_articles_;
  std::map<std::string, int> counts_[3];
};

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_FACETS_H_
