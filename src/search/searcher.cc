#include "nsearch/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>

#include "entities/resolve.h"
#include "index/schema.h"
#include "search/facets.h"
#include "search/filters.h"
#include "search/highlight.h"
#include "search/query.h"
#include "search/shell_quote.h"

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

// Every filter of one search, resolved against the index.
struct Filters {
  std::vector<EntityFilter> entities;
  std::vector<std::vector<std::string>> entity_names;  // canonical, per entity filter
  std::optional<search::DateRange> date;
  std::vector<std::vector<std::string>> authors;  // folded names, per author filter
  bool empty() const { return entities.empty() && !date && authors.empty(); }
};

// |q| restricted to passages that pass every filter in |f|.
Xapian::Query PassageFilters(Xapian::Query q, const Filters& f) {
  for (size_t i = 0; i < f.entities.size(); ++i)
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      OrTerms(index::FilterPrefix(f.entities[i].type), f.entity_names[i]));
  if (f.date) q = Xapian::Query(Xapian::Query::OP_FILTER, q, search::DateQuery(*f.date));
  for (const auto& names : f.authors)
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, search::AuthorQuery(names));
  return q;
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
    const int64_t wanted = static_cast<int64_t>(o.offset) + o.limit;  // no int overflow
    return static_cast<Xapian::doccount>(
        std::min<int64_t>(std::max<int64_t>(wanted, 5000), db.get_doccount()));
  }

  // Runs |enquire| for the page |o| asks for: total, ranks and scores, and
  // the facets over every match when asked. |make_hit| turns a match into
  // its Hit (which passage to show, highlights).
  template <typename MakeHit>
  SearchResponse Collect(Xapian::Enquire& enquire, const SearchOptions& o, SearchResponse resp,
                         MakeHit make_hit) {
    search::ArticleEntitySpy spy;
    if (o.facets) enquire.add_matchspy(&spy);
    Xapian::MSet mset = enquire.get_mset(o.offset, o.limit, CheckAtLeast(o));
    resp.total = mset.get_matches_estimated();
    int rank = o.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit h = make_hit(it);
      h.rank = ++rank;
      h.score = it.get_weight();
      resp.hits.push_back(std::move(h));
    }
    if (o.facets) {
      resp.has_facets = true;
      resp.facets = spy.Top(o.facet_limit);
    }
    return resp;
  }

  std::map<EntityType, std::vector<std::pair<std::string, int>>> names;
  std::optional<std::vector<search::IndexedAuthor>> author_list;  // loaded on first use

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

  Result<Filters> ResolveFilters(const SearchOptions& o, const ParsedQuery& pq,
                                 SearchResponse* resp);
  Result<SearchResponse> Search(const SearchOptions& o);
  Result<SearchResponse> FilterOnly(const SearchOptions& o, const Filters& f, SearchResponse resp);
  // When no passage holds the words: articles whose title holds them all,
  // each shown by its first body paragraph ("Bombshell", a headline word).
  Result<SearchResponse> TitleOnly(const SearchOptions& o, const ParsedQuery& pq, const Filters& f,
                                   SearchResponse resp);
  // The article record with key |article_key|; an empty document if none.
  Xapian::Document Record(const std::string& article_key);
  // An article's hit from its record: its passage with the most mentions of
  // |wanted| entities, or without any, its first body paragraph.
  Hit ArticleHit(const Xapian::Document& rec, const std::vector<std::string>& wanted,
                 bool include_boilerplate);
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& index_path) {
  return Open(std::vector<std::string>{index_path});
}

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::vector<std::string>& index_paths) {
  auto impl = std::make_unique<Impl>();
  for (const auto& path : index_paths) {
    Xapian::Database one;
    try {
      one = Xapian::Database(path);
    } catch (const Xapian::DatabaseNotFoundError&) {
      return Status::NotFound("no index at " + path + ": build one with: nsearch-index --index " +
                              search::ShellQuoted(path) + " BUNDLE...");
    } catch (const Xapian::Error& e) {
      return Status::IOError("cannot open index " + path + ": " + e.get_description());
    }
    try {
      if (one.get_metadata(index::kSchemaVersionKey).empty() && one.get_doccount() > 0)
        return Status::Unsupported(path + " is a Xapian database but not an nsearch index");
    } catch (const Xapian::Error& e) {
      return Status::IOError("cannot read index " + path + ": " + e.get_description());
    }
    // Several indexes are searched as one (shards, or one index per bundle).
    impl->db.add_database(one);
    impl->path += (impl->path.empty() ? "" : ", ") + path;
  }
  if (index_paths.empty()) return Status::InvalidArgument("no index given");
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
      try {
        impl_->db.reopen();
      } catch (const Xapian::Error& e) {
        return Status::IOError("cannot reopen index " + impl_->path + ": " + e.get_description());
      }
      impl_->names.clear();
      impl_->author_list.reset();
    } catch (const Xapian::Error& e) {
      return Status::IOError("search failed on " + impl_->path + ": " + e.get_description());
    }
  }
}

Result<Filters> Searcher::Impl::ResolveFilters(const SearchOptions& o, const ParsedQuery& pq,
                                               SearchResponse* resp) {
  Filters f;
  f.entities = o.filters;
  f.entities.insert(f.entities.end(), pq.filters.begin(), pq.filters.end());
  for (const auto& e : f.entities) {
    auto r = Resolve(e);
    if (!r.ok()) return r.status();
    resp->resolved.emplace_back(e.name, r.value());
    f.entity_names.push_back(std::move(r.value()));
  }

  std::vector<search::DateRange> ranges;
  // --since/--until take one date; its first day or last day is the bound.
  for (const auto& [value, what, lower] :
       {std::tuple{o.since, "since", true}, std::tuple{o.until, "until", false}}) {
    if (value.empty()) continue;
    auto r = search::ParseDateRange(value);
    if (!r.ok() || value.find("..") != std::string::npos)
      return Status::InvalidArgument(std::string(what) + ": '" + value +
                                     "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    ranges.push_back(lower ? search::DateRange{r->from, ""} : search::DateRange{"", r->to});
  }
  for (const auto& typed : pq.dates) {
    auto r = search::ParseDateRange(typed);
    if (!r.ok()) return Status::InvalidArgument("date:" + r.status().message());
    ranges.push_back(*r);
  }
  if (!ranges.empty()) f.date = search::Intersect(ranges);

  std::vector<std::string> authors = o.authors;
  authors.insert(authors.end(), pq.authors.begin(), pq.authors.end());
  if (!authors.empty() && !author_list) author_list = search::ListAuthors(db);
  for (const auto& typed : authors) {
    auto r = search::ExpandAuthor(db, *author_list, typed);
    if (!r.ok()) return r.status();
    f.authors.push_back(std::move(r.value()));
  }
  return f;
}

Xapian::Document Searcher::Impl::Record(const std::string& article_key) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND,
                                  Xapian::Query(std::string(index::kPrefixArticle) + article_key),
                                  Xapian::Query(std::string(index::kRecordTerm))));
  Xapian::MSet m = enquire.get_mset(0, 1);
  return m.empty() ? Xapian::Document() : m.begin().get_document();
}

Result<SearchResponse> Searcher::Impl::Search(const SearchOptions& o) {
  SearchResponse resp;
  resp.query = o.query;
  resp.sort = o.sort;
  ParsedQuery pq = search::ParseQuery(o.query);
  auto filters = ResolveFilters(o, pq, &resp);
  if (!filters.ok()) return filters.status();
  const Filters& f = *filters;
  // Only operators or punctuation ("+", "\"\"", "title:"): nothing to look
  // for, so no results, but not a usage error.
  if (pq.text.empty() && f.empty()) return resp;
  if (pq.text.empty()) return FilterOnly(o, f, std::move(resp));

  // Sorted by date, weight no longer sinks a passage that holds one word of
  // several, so such a search matches passages holding every word; if none
  // does, it falls back to any word, as a relevance search matches.
  const bool by_date = o.sort != SortOrder::kRelevance;
  auto make_query = [&](const Xapian::Query& words) {
    return PassageFilters(
        Xapian::Query(Xapian::Query::OP_FILTER, words, KindFilter(o.include_boilerplate)), f);
  };
  Xapian::Enquire enquire(db);
  enquire.set_query(make_query(by_date ? pq.all_words : pq.text));
  if (by_date) {
    Xapian::Enquire probe(db);
    probe.set_query(make_query(pq.all_words));
    if (probe.get_mset(0, 1).empty()) enquire.set_query(make_query(pq.text));
  }
  // Collapsing keeps each article's first passage in the sort order. All
  // passages of an article share its date, so under a date sort the tie is
  // broken by relevance and the kept passage is still the best one.
  enquire.set_collapse_key(index::kSlotArticle);
  auto date_key = search::DateSortKey(o.sort);
  if (o.sort != SortOrder::kRelevance)
    enquire.set_sort_by_key_then_relevance(date_key.get(), false);
  // The title fallback's response replaces this one wholesale, so the same
  // |resp| may be handed on afterwards.
  SearchResponse found = Collect(enquire, o, resp, [&](const Xapian::MSetIterator& it) {
    Hit h = PassageHit(it.get_document());
    h.more_passages = static_cast<int>(it.get_collapse_count());
    h.highlights = search::HighlightQuery(h.text, pq.highlight_words, pq.highlight_phrases);
    return h;
  });
  if (found.total == 0 && !pq.excludes) return TitleOnly(o, pq, f, std::move(resp));
  return found;
}

// No words, only filters. Entity filters alone rank articles by how central
// the entities are to them (mentions relative to all entity mentions, BM25
// over the article records); without entity filters, or with an author
// filter, there is no score and articles come newest first. Each article
// shows its passage with the most entity mentions, else its first body
// paragraph.
Result<SearchResponse> Searcher::Impl::FilterOnly(const SearchOptions& o, const Filters& f,
                                                  SearchResponse resp) {
  Xapian::Query q;
  Xapian::Enquire enquire(db);
  if (f.authors.empty()) {
    // Article records: one per article, with its date and entity mentions.
    q = Xapian::Query(std::string(index::kRecordTerm));
    if (!f.entities.empty()) {
      std::vector<Xapian::Query> parts;
      for (size_t i = 0; i < f.entities.size(); ++i)
        parts.push_back(OrTerms(index::RecordPrefix(f.entities[i].type), f.entity_names[i]));
      q = Xapian::Query(Xapian::Query::OP_FILTER,
                        Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()), q);
    }
    if (f.date) q = Xapian::Query(Xapian::Query::OP_FILTER, q, search::DateQuery(*f.date));
  } else {
    // Records carry no author term: match passages, one per article.
    std::vector<Xapian::Query> by;
    for (const auto& names : f.authors) by.push_back(search::AuthorQuery(names));
    q = Xapian::Query(Xapian::Query::OP_AND, by.begin(), by.end());
    q = PassageFilters(
        Xapian::Query(Xapian::Query::OP_FILTER, q, KindFilter(o.include_boilerplate)),
        Filters{f.entities, f.entity_names, f.date, {}});
    enquire.set_collapse_key(index::kSlotArticle);
  }
  enquire.set_query(q);
  const bool by_date = o.sort != SortOrder::kRelevance || f.entities.empty() || !f.authors.empty();
  auto date_key =
      search::DateSortKey(o.sort == SortOrder::kOldest ? SortOrder::kOldest : SortOrder::kNewest);
  if (by_date) enquire.set_sort_by_key_then_relevance(date_key.get(), false);
  std::vector<std::string> wanted;  // canonical names filtered on
  for (const auto& r : f.entity_names) wanted.insert(wanted.end(), r.begin(), r.end());
  return Collect(enquire, o, std::move(resp), [&](const Xapian::MSetIterator& it) {
    Xapian::Document doc = it.get_document();
    const bool is_record = doc.get_value(index::kSlotParagraph).empty();
    return ArticleHit(is_record ? doc : Record(doc.get_value(index::kSlotArticle)), wanted,
                      o.include_boilerplate);
  });
}

Result<SearchResponse> Searcher::Impl::TitleOnly(const SearchOptions& o, const ParsedQuery& pq,
                                                 const Filters& f, SearchResponse resp) {
  std::vector<std::string> stems = pq.highlight_words;
  for (const auto& phrase : pq.highlight_phrases)
    stems.insert(stems.end(), phrase.begin(), phrase.end());
  if (stems.empty()) return resp;
  std::vector<Xapian::Query> terms;
  for (const auto& s : stems) terms.emplace_back(std::string(index::kPrefixTitle) + s);
  Xapian::Query q(Xapian::Query::OP_AND, terms.begin(), terms.end());
  q = PassageFilters(Xapian::Query(Xapian::Query::OP_FILTER, q, KindFilter(o.include_boilerplate)),
                     f);
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_collapse_key(index::kSlotArticle);
  auto date_key = search::DateSortKey(o.sort);
  if (o.sort != SortOrder::kRelevance)
    enquire.set_sort_by_key_then_relevance(date_key.get(), false);
  return Collect(enquire, o, std::move(resp), [&](const Xapian::MSetIterator& it) {
    Hit h = ArticleHit(Record(it.get_document().get_value(index::kSlotArticle)), {},
                       o.include_boilerplate);
    h.title_match = true;
    return h;
  });
}

Hit Searcher::Impl::ArticleHit(const Xapian::Document& rec, const std::vector<std::string>& wanted,
                               bool include_boilerplate) {
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
    if (!include_boilerplate &&
        (h.kind == ParagraphKind::kBoilerplate || h.kind == ParagraphKind::kCredit))
      continue;
    if (mentions.empty()) {
      // The first body paragraph; a heading or caption only if there is none.
      const bool body = h.kind == ParagraphKind::kBody;
      const bool best_body = best.kind == ParagraphKind::kBody;
      if (best.text.empty() || (body && !best_body) ||
          (body == best_body && h.paragraph < best.paragraph))
        best = std::move(h);
      continue;
    }
    h.highlights = search::HighlightPhrases(h.text, mentions);
    if (h.highlights.empty()) continue;
    ++passages_with_mentions;
    if (best.text.empty() || h.highlights.size() > best.highlights.size()) best = std::move(h);
  }
  if (best.text.empty() && data.is_object()) {
    best.path = data.value("id", "");
    best.title = data.value("title", "");
    best.date = data.value("date", "");
    best.author = data.value("author", "");
  }
  best.more_passages = std::max(0, passages_with_mentions - 1);
  best.entities = DocEntities(rec);
  return best;
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
      for (auto p = impl_->db.postlist_begin(term);
           p != impl_->db.postlist_end(term) && scanned < 200; ++p, ++scanned) {
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
