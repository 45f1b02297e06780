#include "nsearch/searcher.h"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "entities/fold.h"
#include "entities/resolve.h"
#include "index/data_dictionary.h"
#include "index/entity_lists.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/unweighted.h"
#include "search/copies.h"
#include "search/facets.h"
#include "search/filters.h"
#include "search/highlight.h"
#include "search/hits.h"
#include "search/query.h"
#include "search/rank.h"
#include "search/searcher_impl.h"
#include "search/shell_quote.h"
#include "text/language.h"
#include "text/normalize.h"

namespace nsearch {
namespace {

using search::CompiledQuery;
using search::FirstParagraph;
using search::LoadArticle;
using search::MakeHit;

Xapian::BM25Weight Bm25() {
  const auto& p = search::DefaultRankParams();
  return Xapian::BM25Weight(p.k1, 0, 1, p.b, 0.5);
}

// The matches of |enquire|, best |count| first. With |undated_last| (oldest
// first over remote databases, sorted by the date value itself, which puts
// the undated, valueless articles first) the dated matches come first and
// the undated ones after them, as DateSortKey orders them locally.
std::vector<Xapian::MSet> Fetch(Xapian::Enquire& enquire, bool undated_last,
                                Xapian::doccount count) {
  const Xapian::doccount check = std::max<Xapian::doccount>(count, 100);
  if (!undated_last) return {enquire.get_mset(0, count, check)};
  const Xapian::Query query = enquire.get_query();
  const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, index::kSlotDate, "0");
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, dated));
  std::vector<Xapian::MSet> out{enquire.get_mset(0, count, check)};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, query, dated));
  out.push_back(enquire.get_mset(0, count - std::min(count, out[0].size()), check));
  enquire.set_query(query);
  return out;
}

}  // namespace

void Searcher::Impl::ClearCaches() {
  names.clear();
  author_list.reset();
  lengths.reset();
}

const search::LengthStats& Searcher::Impl::Lengths() {
  if (!lengths) lengths = search::ReadLengthStats(db);
  return *lengths;
}

const std::vector<std::pair<std::string, int>>& Searcher::Impl::Names(EntityType type) {
  auto it = names.find(type);
  if (it != names.end()) return it->second;
  auto& list = names[type];
  const std::string prefix(index::EntityPrefix(type));
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
    list.emplace_back(index::EntityNameOfTerm(*t), static_cast<int>(t.get_termfreq()));
  return list;
}

std::vector<std::pair<std::string, int>> Searcher::Impl::Candidates(EntityType type,
                                                                    const std::string& typed) {
  std::vector<std::pair<std::string, int>> out;
  for (const std::string& name : {typed, entities::CanonicalName(type, typed)}) {
    const std::string key = entities::TranslitKey(name);
    const auto words = entities::SplitNonEmpty(key, ' ');
    if (words.empty()) continue;
    const std::string prefix = index::EntityTermPrefix(type, words.back());
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      std::string canonical = (*t).substr(prefix.size());
      if (std::none_of(out.begin(), out.end(), [&](const auto& c) { return c.first == canonical; }))
        out.emplace_back(std::move(canonical), static_cast<int>(t.get_termfreq()));
    }
  }
  return out;
}

Result<std::vector<std::string>> Searcher::Impl::Resolve(const EntityFilter& f) {
  bool ambiguous = false;
  auto found = entities::Resolve(f.type, f.name, Candidates(f.type, f.name), &ambiguous);
  if (found.empty()) found = entities::Resolve(f.type, f.name, Names(f.type), &ambiguous);
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

Result<std::vector<std::string>> Searcher::Impl::ResolveAuthor(const std::string& typed) {
  if (!author_list) author_list = search::ListAuthors(db);
  return search::ExpandAuthor(db, *author_list, typed);
}

Result<search::CompiledQuery> Searcher::Impl::Compile(const SearchOptions& o, std::string_view text,
                                                      const std::optional<search::DateRange>& date,
                                                      bool default_and) {
  search::FieldResolvers r;
  r.entity = [this](EntityType t, const std::string& n) { return Resolve({t, n}); };
  r.author = [this](const std::string& n) { return ResolveAuthor(n); };
  auto q = search::CompileQuery(db, text, o.filters, date, o.authors, r,
                                {o.include_boilerplate, o.exact, default_and, o.suggest});
  if (q.ok() && o.indexed_since > 0 && !q->query.empty())
    q->query = Xapian::Query(Xapian::Query::OP_FILTER, q->query,
                             search::IndexedSinceQuery(o.indexed_since));
  if (q.ok() && !o.language.empty()) {
    if (!text::FindLanguage(o.language))
      return Status::InvalidArgument("unknown language '" + o.language + "': give one of " +
                                     text::LanguageCodes());
    const Xapian::Query lang(index::LanguageTerm(o.language));
    q->query = q->query.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, lang, 0.0)
                                : Xapian::Query(Xapian::Query::OP_FILTER, q->query, lang);
  }
  return q;
}

Result<search::CompiledQuery> Searcher::Impl::CompileForSort(
    const SearchOptions& o, std::string_view text, const std::optional<search::DateRange>& date) {
  if (o.sort == SortOrder::kRelevance) return Compile(o, text, date);
  auto all = Compile(o, text, date, true);
  if (!all.ok() || !all->has_text || all->query.empty()) return all;
  Xapian::Enquire probe(db);
  probe.set_query(all->query);
  if (!probe.get_mset(0, 1).empty()) return all;
  return Compile(o, text, date);
}

Result<std::optional<search::DateRange>> Searcher::Impl::DateOptions(const SearchOptions& o) {
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
  if (ranges.empty()) return std::optional<search::DateRange>();
  return std::optional<search::DateRange>(search::Intersect(ranges));
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

namespace {

// Makes the data dictionaries of the databases a stub file at |index_path|
// lists known (index/data_dictionary.h): a stub of the user's may combine
// several indexes, and the combined database's metadata is the first one's.
// Never throws.
void LearnStubDictionaries(const std::string& index_path) {
  for (const auto& stub : index::StubFiles(index_path)) {
    for (const auto& db : index::StubDatabases(stub)) {
      try {
        index::LearnDictionary(Xapian::Database(db));
      } catch (const Xapian::Error&) {
        // Not readable: its articles stay unread, as without a dictionary.
      }
    }
  }
}

// Makes the data dictionaries of |one|, the index at |path|, known where
// the database it joins will not read them: several indexes searched as one
// (|several|), whose combined metadata is the first one's, and a stub of the
// user's that combines indexes (a sharded index's meta database holds its
// shards' dictionary).
void LearnDictionaries(const Xapian::Database& one, const std::string& path, bool several) {
  if (several) index::LearnDictionary(one);
  if (one.size() > 1 && !index::IsSharded(path)) LearnStubDictionaries(path);
}

}  // namespace

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
      const std::string version = one.get_metadata(index::kSchemaVersionKey);
      if (version.empty() && one.get_doccount() > 0)
        return Status::Unsupported(path + " is a Xapian database but not an nsearch index");
      if (!version.empty() && version != std::to_string(index::kSchemaVersion))
        return Status::Unsupported("index " + path + " has schema version " + version +
                                   ", this nsearch reads " + std::to_string(index::kSchemaVersion) +
                                   ": rebuild it with 'nsearch-index --index " +
                                   "NEW_DIR BUNDLE...' (or delete " + path + " and index again)");
    } catch (const Xapian::Error& e) {
      return Status::IOError("cannot read index " + path + ": " + e.get_description());
    }
    LearnDictionaries(one, path, index_paths.size() > 1);
    index::NoteDictionaryFile(path);
    impl->db.add_database(one);
    impl->paths.push_back(path);
    impl->remote = impl->remote || index::HasRemote(path);
    impl->path += (impl->path.empty() ? "" : ", ") + path;
  }
  if (index_paths.empty()) return Status::InvalidArgument("no index given");
  impl->stub_stamps = impl->StubStamps();
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

int64_t Searcher::ArticleCount() const { return impl_->db.get_doccount(); }

std::vector<std::pair<uint64_t, int64_t>> Searcher::Impl::StubStamps() const {
  std::vector<std::pair<uint64_t, int64_t>> out;
  for (const auto& p : paths) {
    // A sharded index's stub lists its shards, each with a stub of its own
    // that a published generation switches.
    const auto stubs = index::StubFiles(p);
    if (stubs.empty()) out.emplace_back(0, 0);
    for (const auto& stub : stubs) {
      struct stat st {};
      if (::stat(stub.c_str(), &st) == 0)
        out.emplace_back(st.st_ino, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec);
      else
        out.emplace_back(0, 0);
    }
  }
  return out;
}

Status Searcher::Impl::FollowStubs() {
  auto now = StubStamps();
  if (now == stub_stamps) return Status::Ok();
  stub_stamps = std::move(now);
  ClearCaches();
  return OpenPaths();
}

Status Searcher::Impl::Reopen() {
  ClearCaches();
  try {
    db.reopen();  // a new commit of the same generation
    return Status::Ok();
  } catch (const Xapian::Error&) {
    // The generation was replaced (index/generations.h): through the stubs
    // again.
  }
  return OpenPaths();
}

Status Searcher::Impl::OpenPaths() {
  try {
    Xapian::Database fresh;
    for (const auto& p : paths) {
      Xapian::Database one(p);
      LearnDictionaries(one, p, paths.size() > 1);
      fresh.add_database(one);
    }
    db = fresh;
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot reopen index " + path + ": " + e.get_description());
  }
}

Result<SearchResponse> Searcher::Search(const SearchOptions& options) {
  if (Status invalid = Validate(options); !invalid.ok()) return invalid;
  // A run that published a new generation switched the stub: follow it.
  if (Status s = impl_->FollowStubs(); !s.ok()) return s;
  for (int attempt = 0;; ++attempt) {
    try {
      return impl_->Search(options);
    } catch (const Xapian::DatabaseModifiedError&) {
      // The indexer committed while we read: reopen at the new revision, once.
      if (attempt > 0) return Status::IOError("index changed twice during one search; try again");
    } catch (const Xapian::DatabaseError& e) {
      // A generation removed under us (its files gone): once, through the stub.
      if (attempt > 0)
        return Status::IOError("search failed on " + impl_->path + ": " + e.get_description());
    } catch (const Xapian::Error& e) {
      return Status::IOError("search failed on " + impl_->path + ": " + e.get_description());
    }
    if (Status s = impl_->Reopen(); !s.ok()) return s;
  }
}

Result<SearchResponse> Searcher::Impl::Search(const SearchOptions& o) {
  if (o.limit < 0 || o.offset < 0)
    return Status::InvalidArgument("limit and offset must not be negative");
  SearchResponse resp;
  resp.query = o.query;
  resp.sort = o.sort;
  auto date = DateOptions(o);
  if (!date.ok()) return date.status();
  auto compiled = CompileForSort(o, o.query, *date);
  if (!compiled.ok()) return compiled.status();
  CompiledQuery& q = *compiled;
  resp.notes = q.notes;
  resp.resolved = q.resolved;
  if (q.query.empty()) return resp;  // nothing to search for: no results, not an error
  if (!q.has_text) return RunFilters(o, q, std::move(resp));

  resp.suggestion = q.suggestion;
  SearchResponse found = RunText(o, q, resp);
  // The query as typed finds nothing: run the suggestion when it finds something.
  if (found.total == 0 && !q.suggestion.empty()) {
    auto again = CompileForSort(o, q.suggestion, *date);
    if (again.ok() && again->has_text) {
      SearchResponse corrected = RunText(o, *again, resp);
      if (corrected.total > 0) {
        corrected.corrected_query = q.suggestion;
        return corrected;
      }
    }
  }
  return found;
}

template <typename MakeHit>
SearchResponse Searcher::Impl::Collect(Xapian::Enquire& enquire, const SearchOptions& o,
                                       SearchResponse resp, search::PassageScorer* rerank,
                                       MakeHit make_hit) {
  // An article indexed in two of several indexes shows once; one index
  // holds an article once, and collapsing costs a value read per match.
  if (db.size() > 1) enquire.set_collapse_key(index::kSlotArticle);
  const int depth = rerank ? search::DefaultRankParams().rerank_depth : 0;
  const int64_t wanted = static_cast<int64_t>(o.offset) + o.limit;
  const bool group = !o.all_copies;
  const int64_t docs = db.get_doccount();
  // Copies are grouped among the best 2 x (offset + limit) + 10 matches
  // (twice as many again while their groups do not fill the page): a copy
  // ranked below them is not counted on this page, and a later page, which
  // groups from the first match again, still leaves it out (docs/copies.md).
  int64_t window = group ? 2 * wanted + 10 : wanted;
  struct Candidate {
    Xapian::MSetIterator it;
    search::ArticleEvidence ev;
  };
  std::vector<Candidate> ranked;
  std::vector<Xapian::MSet> msets;
  std::vector<search::CopyGroup> groups;
  // The re-scored matches' layouts, by docid: copy grouping takes their
  // signatures from them.
  std::vector<std::pair<Xapian::docid, std::string>> layout_of;
  size_t rescored = 0;
  for (;;) {
    const auto first = static_cast<Xapian::doccount>(std::min(window, docs));
    auto count = static_cast<Xapian::doccount>(std::max<int64_t>(first, depth));
    if (o.facets) count = std::max<Xapian::doccount>(count, kFacetArticles);
    ranked.clear();
    msets = Fetch(enquire, remote && o.sort == SortOrder::kOldest, count);
    for (const auto& m : msets)
      for (auto it = m.begin(); it != m.end(); ++it) ranked.push_back({it, {}});
    rescored = rerank ? std::min<size_t>(ranked.size(), depth) : 0;
    if (rerank) {
      const size_t n = rescored;
      std::vector<Xapian::docid> dids;
      for (size_t i = 0; i < n; ++i) dids.push_back(*ranked[i].it);
      auto layouts = search::Layouts(db, dids);
      rerank->FindHolders(dids, !remote);
      for (size_t i = 0; i < n; ++i)
        ranked[i].ev = rerank->Score(dids[i], ranked[i].it.get_weight(), layouts[i]);
      layout_of.clear();
      for (size_t i = 0; i < n; ++i) layout_of.emplace_back(dids[i], std::move(layouts[i]));
      std::sort(layout_of.begin(), layout_of.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      std::stable_sort(ranked.begin(), ranked.begin() + n,
                       [](const auto& a, const auto& b) { return a.ev.score > b.ev.score; });
    }
    // Xapian orders equal scores by document id, which depends on how the
    // index was written (one database or shards, a rebuild or incremental
    // runs): articles that tie go by their key instead, so every layout of
    // the same articles pages alike. Ties are rare (copies of one story), so
    // keys are read for tied articles only, and only where the order is
    // used: the runs that start in the window the page and its copy groups
    // come from (facets count the rest whatever their order).
    auto tied = [&](size_t a, size_t b) {
      if ((a < rescored) != (b < rescored)) return false;
      if (a < rescored) return ranked[a].ev.score == ranked[b].ev.score;
      return ranked[a].it.get_weight() == ranked[b].it.get_weight() &&
             ranked[a].it.get_sort_key() == ranked[b].it.get_sort_key();
    };
    std::vector<std::pair<size_t, size_t>> runs;  // [begin, end) of each run of ties
    std::vector<Xapian::docid> tied_dids;
    for (size_t i = 0, j = 1; i < ranked.size() && i < first; i = j++) {
      while (j < ranked.size() && tied(i, j)) ++j;
      if (j - i < 2) continue;
      runs.emplace_back(i, j);
      for (size_t k = i; k < j; ++k) tied_dids.push_back(*ranked[k].it);
    }
    // The keys of every run in one value stream: a document's own value
    // read starts from the table's root each time.
    const auto keys = search::SlotValues(db, index::kSlotArticle, tied_dids);
    size_t key = 0;
    for (const auto& [i, j] : runs) {
      std::vector<std::pair<std::string, Candidate>> run;
      for (size_t k = i; k < j; ++k) run.emplace_back(keys[key++], ranked[k]);
      std::stable_sort(run.begin(), run.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (size_t k = i; k < j; ++k) ranked[k] = std::move(run[k - i].second);
    }
    if (!group) break;
    std::vector<Xapian::docid> dids;
    for (size_t i = 0; i < ranked.size() && i < first; ++i) dids.push_back(*ranked[i].it);
    groups = search::GroupCopies(search::CopySignatures(db, dids, layout_of));
    if (static_cast<int64_t>(groups.size()) >= wanted || dids.size() < first ||
        static_cast<int64_t>(first) >= docs)
      break;
    window *= 2;
  }
  resp.total = 0;
  resp.total_exact = true;
  for (const auto& m : msets) {
    resp.total += m.get_matches_estimated();
    resp.total_exact =
        resp.total_exact && m.get_matches_lower_bound() == m.get_matches_upper_bound();
  }

  // The page: group leaders (or every article, with all_copies), in order.
  std::vector<size_t> page;
  if (group) {
    groups.erase(groups.begin(), groups.begin() + std::min<size_t>(o.offset, groups.size()));
    if (static_cast<int64_t>(groups.size()) > o.limit) groups.resize(o.limit);
    for (const auto& g : groups) page.push_back(g.leader);
  } else {
    for (size_t i = o.offset; i < ranked.size() && i < static_cast<size_t>(wanted); ++i)
      page.push_back(i);
  }
  // The page's stored articles (and its copies', when their paths are
  // shown) are read in docid order: in rank order the reads went back and
  // forth between the data table's inner blocks, of which its cursor keeps
  // one a level (20 block reads for ten hits, 12 of them distinct).
  std::vector<std::pair<Xapian::docid, size_t>> to_read;
  for (size_t k = 0; k < page.size(); ++k) {
    to_read.emplace_back(*ranked[page[k]].it, page[k]);
    if (group && o.copy_paths)
      for (size_t j : groups[k].copies) to_read.emplace_back(*ranked[j].it, j);
  }
  std::sort(to_read.begin(), to_read.end());
  std::unordered_map<size_t, std::string> stored;  // by rank
  for (const auto& [did, i] : to_read) {
    try {
      stored.emplace(i, db.get_document(did, Xapian::DOC_ASSUME_VALID).get_data());
    } catch (const Xapian::Error&) {
      // Read again where it is used, which reports it as before.
    }
  }
  auto data_of = [&](size_t i) -> const std::string* {
    auto it = stored.find(i);
    return it == stored.end() ? nullptr : &it->second;
  };
  // Past the re-scored window, articles keep Xapian's order; their score
  // is capped at the window's last, so scores fall as ranks rise.
  double cap = 0;
  if (rerank && !ranked.empty() && ranked.size() > static_cast<size_t>(depth))
    cap = ranked[depth - 1].ev.score;
  for (size_t k = 0; k < page.size(); ++k) {
    const size_t i = page[k];
    auto& c = ranked[i];
    const bool past = rerank && i >= static_cast<size_t>(depth);
    if (past) c.ev = rerank->Score(*c.it, c.it.get_weight(), search::Layouts(db, {*c.it})[0]);
    Hit h = make_hit(c.it, c.ev, data_of(i));
    h.rank = static_cast<int>(o.offset + k) + 1;
    h.score = !rerank ? c.it.get_weight() : past ? std::min(c.ev.score, cap) : c.ev.score;
    if (past) cap = h.score;
    if (group) {
      auto path = [&](size_t j) {
        auto a = index::StoredArticleOf(ranked[j].it.get_document(), db, data_of(j));
        return a ? a->id : std::string();
      };
      h.copy_count = static_cast<int>(groups[k].copies.size());
      if (o.copy_paths)
        for (size_t j : groups[k].copies) h.copies.push_back(path(j));
    }
    resp.hits.push_back(std::move(h));
  }
  if (o.facets) {
    std::vector<Xapian::docid> dids;
    for (const auto& c : ranked) dids.push_back(*c.it);
    resp.has_facets = true;
    resp.facets = search::CountFacets(db, std::move(dids), o.facet_limit);
    resp.facets.sampled = resp.facets.articles < resp.total;
  }
  return resp;
}

SearchResponse Searcher::Impl::RunText(const SearchOptions& o, const CompiledQuery& q,
                                       SearchResponse resp) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Bm25());
  enquire.set_query(q.query);
  std::unique_ptr<Xapian::KeyMaker> date_key;
  const bool by_date = o.sort != SortOrder::kRelevance;
  if (by_date) search::SortByDate(enquire, o.sort, true, remote, &date_key);
  search::PassageScorer scorer(db, q, o.include_boilerplate, Lengths());
  return Collect(
      enquire, o, std::move(resp), by_date ? nullptr : &scorer,
      [&](const Xapian::MSetIterator& it, search::ArticleEvidence ev, const std::string* data) {
        if (by_date) ev = scorer.Score(*it, it.get_weight(), search::Layouts(db, {*it})[0]);
        auto a =
            LoadArticle(it.get_document(), db, o.hit_entities, search::KnownLanguage(q, *it), data);
        if (!a) return Hit{};
        const bool in_title = ev.paragraph == 0;
        Hit h = MakeHit(*a, in_title ? FirstParagraph(*a, o.include_boilerplate) : ev.paragraph);
        h.title_match = in_title && ev.title_matches && !a->paragraphs.empty();
        if (!in_title) h.highlights = search::WordSpans(h.text, ev.matched_words);
        h.more_passages = std::max(0, ev.matching_passages - 1);
        if (o.explain)
          h.explain = {ev.article_bm25, ev.passage_bm25, ev.proximity, ev.matching_passages,
                       ev.title_matches};
        return h;
      });
}

// No words, only filters. Entity filters rank articles by how central the
// entities are to them (BM25 over the entity terms, whose wdf is the number
// of mentions); date and author filters, or a query of exclusions only,
// have no score and list articles newest first.
SearchResponse Searcher::Impl::RunFilters(const SearchOptions& o, const CompiledQuery& q,
                                          SearchResponse resp) {
  std::vector<std::string> mentions;  // every way the index saw the wanted entities written
  std::vector<Xapian::Query> centrality;
  for (const auto& [type, names] : q.entity_names) {
    for (const auto& name : names) {
      mentions.push_back(name);
      const std::string prefix = index::EntityAliasPrefix(type, name);
      for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
        mentions.push_back((*t).substr(prefix.size()));
    }
    centrality.push_back(search::EntityQuery(type, names));
  }
  Xapian::Query query = q.query;
  if (!centrality.empty())
    query =
        Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                      Xapian::Query(Xapian::Query::OP_OR, centrality.begin(), centrality.end()));
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Bm25());
  enquire.set_query(query);
  const bool by_date = o.sort != SortOrder::kRelevance || centrality.empty();
  std::unique_ptr<Xapian::KeyMaker> date_key;
  if (by_date)
    search::SortByDate(enquire,
                       o.sort == SortOrder::kOldest ? SortOrder::kOldest : SortOrder::kNewest, true,
                       remote, &date_key);
  return Collect(
      enquire, o, std::move(resp), nullptr,
      [&](const Xapian::MSetIterator& it, const search::ArticleEvidence&, const std::string* data) {
        auto a =
            LoadArticle(it.get_document(), db, o.hit_entities, search::KnownLanguage(q, *it), data);
        return a ? MentionHit(*a, mentions, o.include_boilerplate) : Hit{};
      });
}

Hit Searcher::Impl::MentionHit(const Article& a, const std::vector<std::string>& mentions,
                               bool include_boilerplate) {
  int best = 0, with_mentions = 0;
  search::Spans best_spans;
  if (!mentions.empty()) {
    for (size_t i = 0; i < a.paragraphs.size(); ++i) {
      const Paragraph& p = a.paragraphs[i];
      if (!IsSearchable(p.kind) && !include_boilerplate) continue;
      auto spans = search::HighlightPhrases(p.text, mentions);
      if (spans.empty()) continue;
      ++with_mentions;
      if (best == 0 || spans.size() > best_spans.size()) {
        best = static_cast<int>(i + 1);
        best_spans = std::move(spans);
      }
    }
  }
  Hit h = MakeHit(a, best ? best : FirstParagraph(a, include_boilerplate));
  h.highlights = std::move(best_spans);
  h.more_passages = std::max(0, with_mentions - 1);
  return h;
}

std::vector<std::pair<std::string, int>> Searcher::Impl::ScanEntityList(EntityType type,
                                                                        int limit) {
  // Most articles first, equal counts in name order (the index's term
  // order); only the names shown (and a margin, below) are ordered.
  const auto& all = Names(type);
  size_t wanted = all.size();
  if (limit > 0) wanted = std::min(all.size(), static_cast<size_t>(limit) * 2 + 10);
  std::vector<std::pair<std::string, int>> list;
  list.reserve(wanted);
  for (uint32_t i : index::ListOrder(all, wanted)) list.push_back(all[i]);
  if (db.size() > 1) {
    // Several indexes may hold one article twice: count articles, not
    // postings (for a margin of names beyond the cut, whose order may move).
    for (auto& [name, count] : list) {
      const std::string term = index::EntityTerm(type, name);
      std::unordered_set<std::string> keys;
      auto key = db.valuestream_begin(index::kSlotArticle);
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        key.skip_to(*p);
        if (key != db.valuestream_end(index::kSlotArticle) && key.get_docid() == *p)
          keys.insert(*key);
      }
      count = static_cast<int>(keys.size());
    }
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  if (limit > 0 && static_cast<int>(list.size()) > limit) list.resize(limit);
  return list;
}

Result<std::vector<EntityListing>> Searcher::ListEntities(EntityType type, int limit) {
  if (Status s = impl_->FollowStubs(); !s.ok()) return s;
  try {
    // The list the indexer wrote, while it describes the index as opened
    // (index/entity_lists.h); else the scan, which gives the same list.
    auto stored =
        index::ReadEntityList(impl_->db, type, limit > 0 ? static_cast<size_t>(limit) : 0);
    const std::vector<std::pair<std::string, int>> list =
        stored ? std::move(*stored) : impl_->ScanEntityList(type, limit);
    std::vector<EntityListing> out;
    for (const auto& [name, count] : list) {
      EntityListing l{name, count, {}};
      const std::string prefix = index::EntityAliasPrefix(type, name);
      // Surface forms, most articles first.
      std::vector<std::pair<int, std::string>> forms;
      for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t)
        forms.emplace_back(-static_cast<int>(t.get_termfreq()), (*t).substr(prefix.size()));
      std::sort(forms.begin(), forms.end());
      for (auto& [n, form] : forms) l.aliases.push_back(std::move(form));
      out.push_back(std::move(l));
    }
    return out;
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot list entities in " + impl_->path + ": " + e.get_description());
  }
}

Result<Facets> Searcher::CoOccurring(const EntityFilter& filter, int limit,
                                     std::vector<std::string>* resolved) {
  if (Status s = impl_->FollowStubs(); !s.ok()) return s;
  try {
    auto r = impl_->Resolve(filter);
    if (!r.ok()) return r.status();
    if (resolved) *resolved = r.value();
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(search::EntityQuery(filter.type, r.value()));
    index::SetCountingWeight(enquire, impl_->remote);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet all = enquire.get_mset(0, impl_->db.get_doccount());
    std::vector<Xapian::docid> dids;
    for (auto it = all.begin(); it != all.end(); ++it) dids.push_back(*it);
    std::unordered_set<std::string> self(r.value().begin(), r.value().end());
    return search::CountFacets(impl_->db, std::move(dids), limit, self);
  } catch (const Xapian::Error& e) {
    return Status::IOError("co-occurrence lookup failed on " + impl_->path + ": " +
                           e.get_description());
  }
}

}  // namespace nsearch
