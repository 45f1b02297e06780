#include "search/json.h"

namespace nsearch::search {
namespace {

using nlohmann::json;

json FacetList(const std::vector<FacetCount>& list) {
  json out = json::array();
  for (const auto& f : list) out.push_back({{"name", f.name}, {"count", f.count}});
  return out;
}

json Spans(const std::vector<std::pair<int, int>>& spans) {
  json out = json::array();
  for (const auto& [b, e] : spans) out.push_back({b, e});
  return out;
}

// {"person": [...], "place": [...], "org": [...]} of |item|(entity).
template <typename Item>
json ByType(const std::vector<Entity>& entities, Item item) {
  json out = {{"person", json::array()}, {"place", json::array()}, {"org", json::array()}};
  for (const auto& e : entities) out[std::string(EntityTypeName(e.type))].push_back(item(e));
  return out;
}

json HitJson(const Hit& h, bool explain) {
  json copies = json::array();
  for (const auto& c : h.copies) copies.push_back(c);
  json item = {{"rank", h.rank},
               {"score", h.score},
               {"path", h.path},
               {"title", h.title},
               {"paragraph", h.paragraph},
               {"kind", KindName(h.kind)},
               {"text", h.text},
               {"highlights", Spans(h.highlights)},
               {"more_passages", h.more_passages},
               {"copies", copies},
               {"entities", EntitiesJson(h.entities, false)}};
  if (!h.date.empty()) item["date"] = h.date;
  if (!h.author.empty()) item["author"] = h.author;
  item["lang"] = h.language;
  if (h.title_match) item["match"] = "title";
  if (explain) {
    item["explain"] = {{"article_bm25", h.explain.article_bm25},
                       {"passage_bm25", h.explain.passage_bm25},
                       {"proximity", h.explain.proximity},
                       {"matching_passages", h.explain.matching_passages},
                       {"title", h.explain.title}};
  }
  return item;
}

}  // namespace

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json EntitiesJson(const std::vector<Entity>& entities, bool details) {
  return ByType(entities, [details](const Entity& e) {
    json item = {{"name", e.name}};
    if (details) {
      item["mentions"] = e.mentions;
      item["count"] = e.count;
    }
    return item;
  });
}

json FacetsJson(const Facets& f) {
  return {{"person", FacetList(f.person)},
          {"place", FacetList(f.place)},
          {"org", FacetList(f.org)},
          {"articles", f.articles},
          {"sampled", f.sampled}};
}

json SearchJson(const SearchResponse& r, bool explain) {
  json results = json::array();
  for (const Hit& h : r.hits) results.push_back(HitJson(h, explain));
  json out = {
      {"query", r.query}, {"total", r.total}, {"total_exact", r.total_exact}, {"results", results}};
  if (!r.suggestion.empty()) out["suggestion"] = r.suggestion;
  if (!r.corrected_query.empty()) out["corrected_query"] = r.corrected_query;
  if (!r.notes.empty()) out["notes"] = r.notes;
  if (r.sort == SortOrder::kNewest) out["sort"] = "date";
  if (r.sort == SortOrder::kOldest) out["sort"] = "oldest";
  if (r.has_facets) out["facets"] = FacetsJson(r.facets);
  if (!r.resolved.empty()) {
    json filters = json::array();
    for (const auto& [typed, names] : r.resolved)
      filters.push_back({{"typed", typed}, {"names", names}});
    out["filters"] = filters;
  }
  return out;
}

json CoOccurrenceJson(const std::string& typed, const std::vector<std::string>& names,
                      const Facets& f) {
  return {{"with", typed},
          {"names", names},
          {"articles", f.articles},
          {"person", FacetList(f.person)},
          {"place", FacetList(f.place)},
          {"org", FacetList(f.org)}};
}

json EntityListJson(EntityType type, const std::vector<EntityListing>& list) {
  json entities = json::array();
  for (const auto& l : list)
    entities.push_back({{"name", l.name}, {"count", l.articles}, {"aliases", l.aliases}});
  return {{"type", EntityTypeName(type)}, {"entities", entities}};
}

json ArticleViewJson(const ArticleView& v) {
  json paras = json::array();
  for (const auto& p : v.paragraphs) {
    paras.push_back({{"n", p.n},
                     {"kind", KindName(p.kind)},
                     {"text", p.text},
                     {"highlights", Spans(p.highlights)}});
  }
  // Per article the index keeps each entity's mentions count, not its forms.
  json entities = ByType(v.entities, [](const Entity& e) {
    return json{{"name", e.name}, {"count", e.count}};
  });
  json out = {{"path", v.id},
              {"title", v.title},
              {"title_highlights", Spans(v.title_highlights)},
              {"paragraphs", paras},
              {"entities", entities},
              {"matching_paragraphs", v.matching_paragraphs}};
  if (!v.date.empty()) out["date"] = v.date;
  if (!v.author.empty()) out["author"] = v.author;
  if (!v.url.empty()) out["url"] = v.url;
  return out;
}

json TimelineJson(const TimelineCounts& t) {
  json periods = json::array();
  for (const auto& p : t.periods) periods.push_back({{"period", p.period}, {"count", p.count}});
  return {{"timeline", periods},
          {"undated", t.undated},
          {"articles", t.articles},
          {"unit", TimelineUnitName(t.unit)}};
}

}  // namespace nsearch::search
