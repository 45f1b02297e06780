// search/json: the JSON of what the library answers, in one place, for
// `nsearch --json` and nsearch-serve's /api/ alike. Field names are a
// contract (docs/json.md): add fields, never rename.
#ifndef NSEARCH_SEARCH_JSON_H_
#define NSEARCH_SEARCH_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nsearch/article.h"
#include "nsearch/searcher.h"
#include "nsearch/views.h"

namespace nsearch::search {

// One line; bytes that are not UTF-8 become U+FFFD instead of throwing.
std::string Dump(const nlohmann::json& j);

// {"query", "total", "total_exact", "results": [...], "suggestion"...}; with
// |explain| each result carries "explain".
nlohmann::json SearchJson(const SearchResponse& response, bool explain = false);

// {"person": [{"name"...}], "place": [...], "org": [...]}; |details| adds each
// entity's "mentions" (surface forms) and "count".
nlohmann::json EntitiesJson(const std::vector<Entity>& entities, bool details);

// {"person": [{"name", "count"}], "place", "org", "articles", "sampled"}.
nlohmann::json FacetsJson(const Facets& facets);

// `nsearch --with NAME --json`: {"with", "names", "articles", "person",
// "place", "org"}.
nlohmann::json CoOccurrenceJson(const std::string& typed, const std::vector<std::string>& names,
                                const Facets& facets);

// `nsearch --list TYPE --json`: {"type", "entities": [{"name", "count",
// "aliases"}]}.
nlohmann::json EntityListJson(EntityType type, const std::vector<EntityListing>& list);

// {"path", "title", "title_highlights", "paragraphs": [{"n", "kind", "text",
// "highlights"}], "entities", "matching_paragraphs", "date"?, "author"?, "url"?}.
nlohmann::json ArticleViewJson(const ArticleView& view);

// {"timeline": [{"period", "count"}], "undated", "articles", "unit"}.
nlohmann::json TimelineJson(const TimelineCounts& timeline);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_JSON_H_
