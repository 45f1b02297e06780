#include "nsearch/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "entities/resolve.h"
#include "index/schema.h"
#include "search/facets.h"
#include "search/highlight.h"
#include "search/query.h"

namespace nsearch {
namespace {

using search::ParsedQuery;

Xapian::Query KindFilter(bool include_boilerplate) {
  std::vector<Xapian::Query> kinds;
  for (ParagraphKind k : {ParagraphKind::kBody, ParagraphKind::kHeading, ParagraphKind::kCaption,
                          ParagraphKind::kCredit, ParagraphKind::kBoilerplate}) {
    if (!include_boilerplate && (k == ParagraphKind::kCredit || k == ParagraphKind::kBoilerplate))
      continue;
    kinds.emplace_back(std::string(index::kPrefixKind) + std::string(KindName(k)));
  }
  return Xapian::Query(Xapian::Query::OP_OR, kinds.begin(), kinds.end());
}

Xapian::Query OrTerms(std::string_view prefix, const std::vector<std::string>& names) {
  std::vector<Xapian::Query> terms;
  for (const auto& n : names) terms.emplace_back(std::string(prefix) + n);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<Entity> DocEntities(const Xapian::Document& doc) {
  std::vector<Entity> out;
  const std::string encoded = doc.get_value(index::kSlotEntities);  // outlives the views
  for (const auto& [type, name] : index::DecodeEntities(encoded)) {
    Entity e;
    e.type = type;
    e.name = std::string(name);
    out.push_back(std::move(e));
  }
  return out;
}

// Fills the fields every hit shares from a passage document.
Hit PassageHit(const Xapian::Document& doc) {
  Hit h;
  auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (data.is_object()) {
    h.path = data.value("id", "");
    h.title = data.value("title", "");
    h.paragraph = data.value("n", 0);
    h.text = data.value("text", "");
    h.date = data.value("date", "");
    h.author = data.value("author", "");
    ParseKind(data.value("kind", "body"), &h.kind);
  }
  h.entities = DocEntities(doc);
  return h;
}

}  // namespace

struct Searcher::Impl {
  std::string path;
  Xapian::Database db;

  // How many candidates Xapian must examine. With collapsing, stopping at
  // offset+limit lets the page size change which passages win and the
  // estimate; examining a few thousand keeps pages consistent and is cheap.
  // Facets need every match.
  Xapian::doccount CheckAtLeast(const SearchOptions& o) const {
    if (o.facets) return db.get_doccount();
    return std::max<Xapian::doccount>(o.offset + o.limit, 5000);
  }

  std::map<EntityType, std::vector<std::pair<std::string, int>>> names;

  const std::vector<std::pair<std::string, int>>& Names(EntityType type) {
    auto it = names.find(type);
    if (it != names.end()) return it->second;
    auto& list = names[type];
    const std::string prefix(index::RecordPrefix(type));
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
      list.emplace_back((*t).substr(prefix.size()), static_cast<int>(t.get_termfreq()));
    return list;
  }

  Result<std::vector<std::string>> Resolve(const EntityFilter& f) {
    bool ambiguous = false;
    auto found = entities::Resolve(f.type, f.name, Names(f.type), &ambiguous);
    const std::string type(EntityTypeName(f.type));
    if (found.empty())
      return Status::NotFound("no " + type + " matching '" + f.name + "' in the index");
    if (ambiguous) {
      std::string list;
      for (const auto& n : found) list += (list.empty() ? "" : ", ") + n;
      return Status::InvalidArgument(type + " '" + f.name + "' is ambiguous: could mean " + list);
    }
    return found;
  }

  Result<SearchResponse> Search(const SearchOptions& o);
  Result<SearchResponse> FilterOnly(const SearchOptions& o, const std::vector<EntityFilter>& filters,
                                    const std::vector<std::vector<std::string>>& resolved,
                                    SearchResponse resp);
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& index_path) {
  auto impl = std::make_unique<Impl>();
  impl->path = index_path;
  try {
    impl->db = Xapian::Database(index_path);
  } catch (const Xapian::DatabaseNotFoundError&) {
    return Status::NotFound("no index at " + index_path +
                            ": build one with 'nsearch-index --index " + index_path + " BUNDLE...'");
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot open index " + index_path + ": " + e.get_description());
  }
  const std::string version = impl->db.get_metadata(index::kSchemaVersionKey);
  if (version.empty() && impl->db.get_doccount() > 0)
    return Status::Unsupported(index_path + " is a Xapian database but not an nsearch index");
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

int64_t Searcher::ArticleCount() const {
  return impl_->db.get_termfreq(std::string(index::kRecordTerm));
}

Result<SearchResponse> Searcher::Search(const SearchOptions& options) {
  for (int attempt = 0;; ++attempt) {
    try {
      return impl_->Search(options);
    } catch (const Xapian::DatabaseModifiedError&) {
      // The indexer committed while we read: reopen at the new revision, once.
      if (attempt > 0) return Status::IOError("index changed twice during one search; try again");
      impl_->db.reopen();
      impl_->names.clear();
    } catch (const Xapian::Error& e) {
      return Status::IOError("search failed on " + impl_->path + ": " + e.get_description());
    }
  }
}

Result<SearchResponse> Searcher::Impl::Search(const SearchOptions& o) {
  SearchResponse resp;
  resp.query = o.query;
  ParsedQuery pq = search::ParseQuery(o.query);
  std::vector<EntityFilter> filters = o.filters;
  filters.insert(filters.end(), pq.filters.begin(), pq.filters.end());
  // Only operators or punctuation ("+", "\"\"", "title:"): nothing to look
  // for, so no results, but not a usage error.
  if (pq.text.empty() && filters.empty()) return resp;

  std::vector<std::vector<std::string>> resolved;
  for (const auto& f : filters) {
    auto r = Resolve(f);
    if (!r.ok()) return r.status();
    resp.resolved.emplace_back(f.name, r.value());
    resolved.push_back(std::move(r.value()));
  }
  if (pq.text.empty()) return FilterOnly(o, filters, resolved, std::move(resp));

  Xapian::Query q(Xapian::Query::OP_FILTER, pq.text, KindFilter(o.include_boilerplate));
  for (size_t i = 0; i < filters.size(); ++i)
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, OrTerms(index::FilterPrefix(filters[i].type), resolved[i]));

  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_collapse_key(index::kSlotArticle);
  search::ArticleEntitySpy spy;
  if (o.facets) enquire.add_matchspy(&spy);
  Xapian::MSet mset = enquire.get_mset(o.offset, o.limit, CheckAtLeast(o));
  resp.total = mset.get_matches_estimated();
  int rank = o.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit h = PassageHit(it.get_document());
    h.rank = ++rank;
    h.score = it.get_weight();
    h.more_passages = static_cast<int>(it.get_collapse_count());
    h.highlights = search::HighlightQuery(h.text, pq.highlight_words, pq.highlight_phrases);
    resp.hits.push_back(std::move(h));
  }
  if (o.facets) {
    resp.has_facets = true;
    resp.facets = spy.Top(o.facet_limit);
  }
  return resp;
}

// No words, only entity filters: rank articles by how central the entities
// are to them (mentions relative to all entity mentions, BM25 over the
// article records), and show each article's passage with the most mentions.
Result<SearchResponse> Searcher::Impl::FilterOnly(
    const SearchOptions& o, const std::vector<EntityFilter>& filters,
    const std::vector<std::vector<std::string>>& resolved, SearchResponse resp) {
  std::vector<Xapian::Query> parts;
  for (size_t i = 0; i < filters.size(); ++i)
    parts.push_back(OrTerms(index::RecordPrefix(filters[i].type), resolved[i]));
  Xapian::Query q(Xapian::Query::OP_AND, parts.begin(), parts.end());
  q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(std::string(index::kRecordTerm)));
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  search::ArticleEntitySpy spy;
  if (o.facets) enquire.add_matchspy(&spy);
  Xapian::MSet mset = enquire.get_mset(o.offset, o.limit, CheckAtLeast(o));
  resp.total = mset.get_matches_estimated();

  std::vector<std::string> wanted;  // canonical names filtered on
  for (const auto& r : resolved) wanted.insert(wanted.end(), r.begin(), r.end());
  int rank = o.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document rec = it.get_document();
    auto data = nlohmann::json::parse(rec.get_data(), nullptr, false);
    std::vector<std::string> mentions;
    if (data.is_object() && data.contains("entities")) {
      for (const auto& e : data["entities"]) {
        if (std::find(wanted.begin(), wanted.end(), e.value("name", "")) == wanted.end()) continue;
        mentions.push_back(e.value("name", ""));
        for (const auto& m : e.value("mentions", nlohmann::json::array())) mentions.push_back(m);
      }
    }
    const std::string article_term =
        std::string(index::kPrefixArticle) + rec.get_value(index::kSlotArticle);
    Hit best;
    int passages_with_mentions = 0;
    for (auto p = db.postlist_begin(article_term); p != db.postlist_end(article_term); ++p) {
      Xapian::Document doc = db.get_document(*p);
      if (doc.get_value(index::kSlotParagraph).empty()) continue;  // the record itself
      Hit h = PassageHit(doc);
      if (!o.include_boilerplate &&
          (h.kind == ParagraphKind::kBoilerplate || h.kind == ParagraphKind::kCredit))
        continue;
      h.highlights = search::HighlightPhrases(h.text, mentions);
      if (h.highlights.empty()) continue;
      ++passages_with_mentions;
      if (best.text.empty() || h.highlights.size() > best.highlights.size()) best = std::move(h);
    }
    if (best.text.empty()) {
      best.path = data.is_object() ? data.value("id", "") : "";
      best.title = data.is_object() ? data.value("title", "") : "";
    }
    best.rank = ++rank;
    best.score = it.get_weight();
    best.more_passages = std::max(0, passages_with_mentions - 1);
    best.entities = DocEntities(rec);
    resp.hits.push_back(std::move(best));
  }
  if (o.facets) {
    resp.has_facets = true;
    resp.facets = spy.Top(o.facet_limit);
  }
  return resp;
}

Result<std::vector<EntityListing>> Searcher::ListEntities(EntityType type, int limit) {
  try {
    auto list = impl_->Names(type);
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (limit > 0 && static_cast<int>(list.size()) > limit) list.resize(limit);
    std::vector<EntityListing> out;
    const std::string prefix(index::RecordPrefix(type));
    for (const auto& [name, count] : list) {
      EntityListing l{name, count, {}};
      int scanned = 0;
      const std::string term = prefix + name;
      // Aliases: surface forms recorded in (up to 200 of) its articles.
      for (auto p = impl_->db.postlist_begin(term); p != impl_->db.postlist_end(term) && scanned < 200;
           ++p, ++scanned) {
        auto data = nlohmann::json::parse(impl_->db.get_document(*p).get_data(), nullptr, false);
        if (!data.is_object() || !data.contains("entities")) continue;
        for (const auto& e : data["entities"]) {
          if (e.value("name", "") != name) continue;
          for (const auto& m : e.value("mentions", nlohmann::json::array())) {
            std::string s = m;
            if (s != name && std::find(l.aliases.begin(), l.aliases.end(), s) == l.aliases.end())
              l.aliases.push_back(s);
          }
        }
      }
      out.push_back(std::move(l));
    }
    return out;
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot list entities in " + impl_->path + ": " + e.get_description());
  }
}

Result<Facets> Searcher::CoOccurring(const EntityFilter& filter, int limit,
                                     std::vector<std::string>* resolved) {
  try {
    auto r = impl_->Resolve(filter);
    if (!r.ok()) return r.status();
    if (resolved) *resolved = r.value();
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(OrTerms(index::RecordPrefix(filter.type), r.value()));
    search::ArticleEntitySpy spy;
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, impl_->db.get_doccount());
    std::unordered_set<std::string> self(r.value().begin(), r.value().end());
    return spy.Top(limit, self);
  } catch (const Xapian::Error& e) {
    return Status::IOError("co-occurrence lookup failed on " + impl_->path + ": " +
                           e.get_description());
  }
}

}  // namespace nsearch
