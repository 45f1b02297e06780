// cli/render: how search results look, on a terminal and as JSON. The JSON
// field names are a contract (docs/json.md): add fields, never rename.
#ifndef NSEARCH_CLI_RENDER_H_
#define NSEARCH_CLI_RENDER_H_

#include <string>
#include <utility>
#include <vector>

#include "nsearch/article.h"
#include "nsearch/searcher.h"
#include "nsearch/views.h"

namespace nsearch::cli {

struct Style {
  bool color = false;                               // ANSI bold/colour; otherwise [plain markers]
  int width = 320;                                  // longest passage shown, in code points
  bool explain = false;                             // a line with the parts of each hit's score
  double passage_weight = 0, proximity_weight = 0;  // the ranking's weights, for explain
};

// |text| cut to about |max_cp| code points around the highlights, on word
// boundaries, with "…" where cut, and each highlight wrapped in |open|/|close|.
std::string Excerpt(const std::string& text, const std::vector<std::pair<int, int>>& highlights,
                    int max_cp, const std::string& open, const std::string& close);

std::string RenderTerminal(const SearchResponse& response, const Style& style);
// One line, one object; with |explain| each result carries "explain".
std::string RenderJson(const SearchResponse& response, bool explain = false);

std::string RenderFacetsTerminal(const Facets& facets, const Style& style);

// `nsearch --with NAME --json`: {"with", "names", "articles", "person", "place", "org"}.
std::string RenderCoOccurrenceJson(const std::string& typed, const std::vector<std::string>& names,
                                   const Facets& facets);

// `nsearch --timeline`: one line per period, a bar scaled to the busiest
// period and its count, then the undated count and the total.
std::string RenderTimelineTerminal(const TimelineCounts& timeline);
// `nsearch --timeline --json`: {"query", "timeline": [{"period", "count"}],
// "undated", "articles", "unit"}.
std::string RenderTimelineJson(const std::string& query, const TimelineCounts& timeline);

// One dry-run line: {"path","title","paragraphs":[{"n","kind","text"}],"entities":{...}}.
std::string RenderArticleJson(const Article& article);

}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_RENDER_H_
