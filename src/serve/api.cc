#include "serve/api.h"

#include "search/json.h"

namespace nsearch::serve {
namespace {

using nlohmann::json;

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kTooLarge:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kIOError:
    case StatusCode::kLocked:
      return 503;
    default:
      return 500;
  }
}

Reply Ok(const json& body) { return {200, search::Dump(body)}; }

// |body| (the answer's empty shape, so that a client can read it as
// usual) with "error"; the status from |s|.
Reply Fail(const Status& s, json body = json::object()) {
  body["error"] = s.message();
  return {HttpStatus(s), search::Dump(body)};
}

// The options every view reads, checked against |extra| parameters too.
Result<SearchOptions> Options(const Params& p, std::initializer_list<std::string_view> extra) {
  if (Status s = CheckParams(p, kSearchParams, extra); !s.ok()) return s;
  return ReadSearchOptions(p);
}

// page and limit as an offset and a limit.
Status Page(const Params& p, SearchOptions* o) {
  auto page = IntValue(p, "page", 1, 1, kMaxPage);
  if (!page.ok()) return page.status();
  auto limit = IntValue(p, "limit", kDefaultLimit, 1, kMaxLimit);
  if (!limit.ok()) return limit.status();
  o->limit = *limit;
  o->offset = (*page - 1) * *limit;
  return Status::Ok();
}

Reply SearchEndpoint(const Params& p, Searcher& searcher) {
  auto o = Options(p, {"page", "limit", "facets", "facet_limit"});
  if (!o.ok()) return Fail(o.status());
  if (Status s = Page(p, &o.value()); !s.ok()) return Fail(s);
  auto facet_limit = IntValue(p, "facet_limit", 10, 1, kMaxLimit);
  if (!facet_limit.ok()) return Fail(facet_limit.status());
  o->facets = Value(p, "facets") == "1";
  o->facet_limit = *facet_limit;
  auto r = searcher.Search(*o);
  if (!r.ok()) {
    SearchResponse empty;
    empty.query = o->query;
    return Fail(r.status(), search::SearchJson(empty));
  }
  return Ok(search::SearchJson(*r));
}

Reply ArticleEndpoint(const Params& p, Searcher& searcher) {
  auto o = Options(p, {"id"});
  if (!o.ok()) return Fail(o.status());
  const std::string id = Value(p, "id");
  if (id.empty()) return ErrorReply(400, "id is required: the article id of a result (its path)");
  auto v = searcher.GetArticle(id, *o);
  if (!v.ok()) return Fail(v.status());
  return Ok(search::ArticleViewJson(*v));
}

Reply FacetsEndpoint(const Params& p, Searcher& searcher) {
  auto o = Options(p, {"limit"});
  if (!o.ok()) return Fail(o.status());
  auto limit = IntValue(p, "limit", 10, 1, kMaxLimit);
  if (!limit.ok()) return Fail(limit.status());
  o->facets = true;
  o->facet_limit = *limit;
  o->limit = 0;
  auto r = searcher.Search(*o);
  if (!r.ok()) return Fail(r.status());
  return Ok({{"query", r->query},
             {"total", r->total},
             {"total_exact", r->total_exact},
             {"facets", search::FacetsJson(r->facets)}});
}

Reply TimelineEndpoint(const Params& p, Searcher& searcher) {
  auto o = Options(p, {"unit"});
  if (!o.ok()) return Fail(o.status());
  TimelineUnit unit = TimelineUnit::kAuto;
  if (const std::string u = Value(p, "unit"); !u.empty() && !ParseTimelineUnit(u, &unit))
    return ErrorReply(400, "unit takes auto, day, month or year");
  auto t = searcher.Timeline(*o, unit);
  json body = search::TimelineJson(t.ok() ? *t : TimelineCounts{});
  body["query"] = o->query;
  return t.ok() ? Ok(body) : Fail(t.status(), body);
}

// Who a person is in the index: their articles (a page of them), who
// appears with them, and their mentions over time.
Reply PersonEndpoint(const Params& p, Searcher& searcher) {
  if (Status s = CheckParams(p, {}, {"name", "page", "limit", "with"}); !s.ok()) return Fail(s);
  const std::string name = Value(p, "name");
  if (name.empty()) return ErrorReply(400, "name is required");
  auto with = IntValue(p, "with", 10, 1, kMaxLimit);
  if (!with.ok()) return Fail(with.status());
  SearchOptions o;
  o.filters = {{EntityType::kPerson, name}};
  if (Status s = Page(p, &o); !s.ok()) return Fail(s);
  std::vector<std::string> names;
  auto co = searcher.CoOccurring(o.filters[0], *with, &names);
  if (!co.ok()) return Fail(co.status());
  auto articles = searcher.Search(o);
  if (!articles.ok()) return Fail(articles.status());
  auto timeline = searcher.Timeline(o);
  if (!timeline.ok()) return Fail(timeline.status());
  return Ok({{"name", name},
             {"names", names},
             {"articles", co->articles},
             {"search", search::SearchJson(*articles)},
             {"with", search::CoOccurrenceJson(name, names, *co)},
             {"timeline", search::TimelineJson(*timeline)}});
}

Reply EntitiesEndpoint(const Params& p, Searcher& searcher) {
  if (Status s = CheckParams(p, {}, {"type", "limit"}); !s.ok()) return Fail(s);
  const std::string type = Value(p, "type");
  EntityType t;
  if (type == "person")
    t = EntityType::kPerson;
  else if (type == "place")
    t = EntityType::kPlace;
  else if (type == "org")
    t = EntityType::kOrg;
  else
    return ErrorReply(400, "type takes person, place or org");
  auto limit = IntValue(p, "limit", 20, 1, kMaxLimit);
  if (!limit.ok()) return Fail(limit.status());
  auto list = searcher.ListEntities(t, *limit);
  if (!list.ok()) return Fail(list.status());
  return Ok(search::EntityListJson(t, *list));
}

}  // namespace

Reply ErrorReply(int status, const std::string& message) {
  return {status, search::Dump(json{{"error", message}})};
}

Reply Api(std::string_view endpoint, const Params& params, Searcher& searcher) {
  if (endpoint == "search") return SearchEndpoint(params, searcher);
  if (endpoint == "article") return ArticleEndpoint(params, searcher);
  if (endpoint == "facets") return FacetsEndpoint(params, searcher);
  if (endpoint == "timeline") return TimelineEndpoint(params, searcher);
  if (endpoint == "person") return PersonEndpoint(params, searcher);
  if (endpoint == "entities") return EntitiesEndpoint(params, searcher);
  return ErrorReply(404, "no such endpoint: /api/" + std::string(endpoint.substr(0, 40)) +
                             " (search, article, facets, timeline, person, entities)");
}

}  // namespace nsearch::serve
