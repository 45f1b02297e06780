#include "cli/render.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "text/normalize.h"

namespace nsearch::cli {
namespace {

using nlohmann::json;

constexpr char kBold[] = "\033[1m";
constexpr char kMatch[] = "\033[1;33m";
constexpr char kDim[] = "\033[2m";
constexpr char kGreen[] = "\033[32m";
constexpr char kReset[] = "\033[0m";

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

bool IsSpaceAt(const std::string& text, size_t byte) {
  return byte < text.size() && text[byte] == ' ';
}

json EntitiesJson(const std::vector<Entity>& entities, bool details) {
  json out = {{"person", json::array()}, {"place", json::array()}, {"org", json::array()}};
  for (const auto& e : entities) {
    json item = {{"name", e.name}};
    if (details) {
      item["mentions"] = e.mentions;
      item["count"] = e.count;
    }
    out[std::string(EntityTypeName(e.type))].push_back(std::move(item));
  }
  return out;
}

json FacetList(const std::vector<FacetCount>& list) {
  json out = json::array();
  for (const auto& f : list) out.push_back({{"name", f.name}, {"count", f.count}});
  return out;
}

}  // namespace

std::string Excerpt(const std::string& text, const std::vector<std::pair<int, int>>& highlights,
                    int max_cp, const std::string& open, const std::string& close) {
  const auto starts = text::CodePointStarts(text);
  const int n = static_cast<int>(starts.size()) - 1;
  int from = 0, to = n;
  if (n > max_cp) {
    // Centre the window on the densest run of highlights that fits.
    int best_first = highlights.empty() ? 0 : highlights[0].first;
    size_t best_count = 0;
    for (size_t i = 0; i < highlights.size(); ++i) {
      size_t count = 0;
      for (size_t j = i;
           j < highlights.size() && highlights[j].second - highlights[i].first <= max_cp; ++j)
        ++count;
      if (count > best_count) best_count = count, best_first = highlights[i].first;
    }
    from = std::max(0, best_first - max_cp / 4);
    to = std::min(n, from + max_cp);
    from = std::max(0, to - max_cp);
    // Never cut inside a word: move inward to the nearest space. Text
    // without spaces nearby (Chinese, a URL) is cut where it stands.
    constexpr int kMaxShift = 24;
    if (from > 0) {
      int f = from;
      while (f < to && f - from <= kMaxShift && !IsSpaceAt(text, starts[f - 1])) ++f;
      if (f < to && f - from <= kMaxShift) from = f;
    }
    if (to < n) {
      int t = to;
      while (t > from && to - t <= kMaxShift && !IsSpaceAt(text, starts[t])) --t;
      if (t > from && to - t <= kMaxShift) to = t;
    }
  }
  std::string out;
  if (from > 0) out += "\u2026";
  int cursor = from;
  for (const auto& [b, e] : highlights) {
    if (e <= from || b >= to) continue;
    const int hb = std::max(b, from), he = std::min(e, to);
    out.append(text, starts[cursor], starts[hb] - starts[cursor]);
    out += open;
    out.append(text, starts[hb], starts[he] - starts[hb]);
    out += close;
    cursor = he;
  }
  out.append(text, starts[cursor], starts[to] - starts[cursor]);
  if (to < n) out += "\u2026";
  return out;
}

std::string RenderTerminal(const SearchResponse& r, const Style& s) {
  std::string out;
  const std::string bold = s.color ? kBold : "", reset = s.color ? kReset : "";
  const std::string dim = s.color ? kDim : "", green = s.color ? kGreen : "";
  for (const Hit& h : r.hits) {
    out += std::to_string(h.rank) + ". " + bold + (h.title.empty() ? "(untitled)" : h.title) +
           reset + "\n";
    out += "   " + green + h.path + ":" + std::to_string(h.paragraph) + reset;
    if (!h.date.empty()) out += dim + "  " + h.date.substr(0, 10) + reset;
    if (h.title_match) out += dim + "  (matched in the title)" + reset;
    if (h.more_passages > 0)
      out += dim + "  (+" + std::to_string(h.more_passages) + " more passage" +
             (h.more_passages == 1 ? "" : "s") + ")" + reset;
    out += "\n   ";
    out += Excerpt(h.text, h.highlights, s.width, s.color ? kMatch : "[", s.color ? kReset : "]");
    out += "\n";
    if (s.explain) {
      char buf[256];
      std::snprintf(buf, sizeof buf,
                    "   score %.3f = article BM25 %.3f + passage BM25 %.3f x %.2f + proximity "
                    "%.3f x %.2f; %d matching passage%s%s\n",
                    h.score, h.explain.article_bm25, h.explain.passage_bm25, s.passage_weight,
                    h.explain.proximity, s.proximity_weight, h.explain.matching_passages,
                    h.explain.matching_passages == 1 ? "" : "s",
                    h.explain.title ? "; title holds a query word" : "");
      out += dim + buf + reset;
    }
    out += "\n";
  }
  if (!r.hits.empty() || r.total > 0) {
    out += dim + (r.total_exact ? "" : "about ") + std::to_string(r.total) + " matching article" +
           (r.total == 1 ? "" : "s") + reset;
    if (r.hits.empty()) out += dim + " (none on this page)" + reset;
    out += "\n";
  }
  if (r.has_facets) out += RenderFacetsTerminal(r.facets, s);
  return out;
}

std::string RenderFacetsTerminal(const Facets& f, const Style& s) {
  std::string out;
  const std::string bold = s.color ? kBold : "", reset = s.color ? kReset : "";
  auto line = [&](const char* label, const std::vector<FacetCount>& list) {
    if (list.empty()) return;
    out += bold + label + reset + ": ";
    for (size_t i = 0; i < list.size(); ++i)
      out += (i ? ", " : "") + list[i].name + " (" + std::to_string(list[i].count) + ")";
    out += "\n";
  };
  line("persons", f.person);
  line("places", f.place);
  line("organisations", f.org);
  return out;
}

std::string RenderJson(const SearchResponse& r, bool explain) {
  json results = json::array();
  for (const Hit& h : r.hits) {
    json hl = json::array();
    for (const auto& [b, e] : h.highlights) hl.push_back({b, e});
    json item = {{"rank", h.rank},
                 {"score", h.score},
                 {"path", h.path},
                 {"title", h.title},
                 {"paragraph", h.paragraph},
                 {"kind", KindName(h.kind)},
                 {"text", h.text},
                 {"highlights", hl},
                 {"more_passages", h.more_passages},
                 {"entities", EntitiesJson(h.entities, false)}};
    if (!h.date.empty()) item["date"] = h.date;
    if (!h.author.empty()) item["author"] = h.author;
    if (h.title_match) item["match"] = "title";
    if (explain) {
      item["explain"] = {{"article_bm25", h.explain.article_bm25},
                         {"passage_bm25", h.explain.passage_bm25},
                         {"proximity", h.explain.proximity},
                         {"matching_passages", h.explain.matching_passages},
                         {"title", h.explain.title}};
    }
    results.push_back(std::move(item));
  }
  json out = {
      {"query", r.query}, {"total", r.total}, {"total_exact", r.total_exact}, {"results", results}};
  if (!r.suggestion.empty()) out["suggestion"] = r.suggestion;
  if (!r.corrected_query.empty()) out["corrected_query"] = r.corrected_query;
  if (!r.notes.empty()) out["notes"] = r.notes;
  if (r.sort == SortOrder::kNewest) out["sort"] = "date";
  if (r.sort == SortOrder::kOldest) out["sort"] = "oldest";
  if (r.has_facets) {
    out["facets"] = {{"person", FacetList(r.facets.person)},
                     {"place", FacetList(r.facets.place)},
                     {"org", FacetList(r.facets.org)},
                     {"articles", r.facets.articles},
                     {"sampled", r.facets.sampled}};
  }
  if (!r.resolved.empty()) {
    json filters = json::array();
    for (const auto& [typed, names] : r.resolved)
      filters.push_back({{"typed", typed}, {"names", names}});
    out["filters"] = filters;
  }
  return Dump(out);
}

std::string RenderCoOccurrenceJson(const std::string& typed, const std::vector<std::string>& names,
                                   const Facets& f) {
  json out = {{"with", typed},
              {"names", names},
              {"articles", f.articles},
              {"person", FacetList(f.person)},
              {"place", FacetList(f.place)},
              {"org", FacetList(f.org)}};
  return Dump(out);
}

std::string RenderArticleJson(const Article& a) {
  json paras = json::array();
  for (const auto& p : a.paragraphs)
    paras.push_back({{"n", p.n}, {"kind", KindName(p.kind)}, {"text", p.text}});
  json quotes = json::array();
  for (const auto& q : a.quotes)
    quotes.push_back({{"speaker", q.speaker.empty() ? json() : json(q.speaker)},
                      {"text", q.text},
                      {"paragraph", q.paragraph}});
  json out = {{"path", a.id},
              {"title", a.title},
              {"paragraphs", paras},
              {"entities", EntitiesJson(a.entities, true)},
              {"quotes", quotes}};
  if (a.title_derived) out["title_derived"] = true;
  if (!a.date.empty()) out["date"] = a.date;
  if (!a.author.empty()) out["author"] = a.author;
  if (!a.url.empty()) out["url"] = a.url;
  if (a.source.invalid_bytes > 0) out["invalid_bytes"] = a.source.invalid_bytes;
  return Dump(out);
}

}  // namespace nsearch::cli
