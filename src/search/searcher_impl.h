// search/searcher_impl: the state behind nsearch::Searcher, shared by the
// files that implement its parts (searcher.cc: searches, entity lists;
// later view files: articles, timelines). Internal. A Searcher is used by
// one thread at a time (searcher.h), so the caches need no locks.
#ifndef NSEARCH_SEARCH_SEARCHER_IMPL_H_
#define NSEARCH_SEARCH_SEARCHER_IMPL_H_

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/searcher.h"
#include "search/filters.h"
#include "search/query.h"
#include "search/rank.h"

namespace nsearch {

struct Searcher::Impl {
  std::vector<std::string> paths;  // as opened
  std::string path;                // the same, for messages
  Xapian::Database db;
  // Some database is remote (index::HasRemote): only what Xapian's remote
  // backend can serialise is asked of it.
  bool remote = false;
  // Caches, filled on first use (a Searcher is used by one thread).
  std::map<EntityType, std::vector<std::pair<std::string, int>>> names;
  std::optional<std::vector<search::IndexedAuthor>> author_list;
  std::optional<search::LengthStats> lengths;

  void ClearCaches();
  // The index's newest revision: the same generation reopened, or, when it
  // was replaced, every path opened again through its stub.
  Status Reopen();
  // Each path's stub (inode, mtime): a published generation changes it.
  std::vector<std::pair<uint64_t, int64_t>> stub_stamps;
  std::vector<std::pair<uint64_t, int64_t>> StubStamps() const;
  // Opens the paths again when a stub changed since they were opened (one
  // stat per path: cheap enough for every search).
  Status FollowStubs();
  // Opens |paths| again, through their stubs, as |db|.
  Status OpenPaths();

  const search::LengthStats& Lengths();

  // Every name of |type| with its article count (the slow path of Resolve).
  const std::vector<std::pair<std::string, int>>& Names(EntityType type);

  // The first |limit| (0: all) names of |type| in --list order with their
  // article counts, from a scan of the entity terms (what the stored lists
  // of index/entity_lists.h hold, for an index without them).
  std::vector<std::pair<std::string, int>> ScanEntityList(EntityType type, int limit);

  // The names that end with the typed name's last word (or its alias's):
  // every name Resolve can match, from a prefix scan of the entity terms.
  std::vector<std::pair<std::string, int>> Candidates(EntityType type, const std::string& typed);

  Result<std::vector<std::string>> Resolve(const EntityFilter& f);

  Result<std::vector<std::string>> ResolveAuthor(const std::string& typed);

  Result<search::CompiledQuery> Compile(const SearchOptions& o, std::string_view text,
                                        const std::optional<search::DateRange>& date,
                                        bool default_and = false);

  // Sorted by date, weight no longer sinks an article holding one word of
  // several, so such a search matches articles holding every word; if none
  // does, it falls back to any word, as a relevance search matches.
  Result<search::CompiledQuery> CompileForSort(const SearchOptions& o, std::string_view text,
                                               const std::optional<search::DateRange>& date);

  static Result<std::optional<search::DateRange>> DateOptions(const SearchOptions& o);

  Result<SearchResponse> Search(const SearchOptions& o);
  SearchResponse RunText(const SearchOptions& o, const search::CompiledQuery& q,
                         SearchResponse resp);
  SearchResponse RunFilters(const SearchOptions& o, const search::CompiledQuery& q,
                            SearchResponse resp);
  // Runs |enquire| for the page; |rerank| re-scores the best candidates.
  template <typename MakeHit>
  SearchResponse Collect(Xapian::Enquire& enquire, const SearchOptions& o, SearchResponse resp,
                         search::PassageScorer* rerank, MakeHit make_hit);
  // Searcher::Quotes (search/quotes.cc).
  Result<QuoteResponse> Quotes(const std::string& speaker, const SearchOptions& o);
  Result<std::vector<std::string>> ResolveSpeaker(const std::string& typed);

  // Runs |f| (reading the index), reopening it once when the indexer
  // committed meanwhile; Xapian errors become IOError naming |what|.
  template <typename F>
  auto Retrying(const char* what, F f) -> decltype(f());

  // An article's hit that shows its passage with the most |mentions| (the
  // ways the filtered entities are written), or without any, its first
  // paragraph.
  Hit MentionHit(const Article& a, const std::vector<std::string>& mentions,
                 bool include_boilerplate);

  // Views (views.cc): Searcher::GetArticle and Searcher::Timeline.
  Result<ArticleView> View(const std::string& article_id, const SearchOptions& highlight);
  Result<TimelineCounts> Timeline(const SearchOptions& o, TimelineUnit unit);
};

template <typename F>
auto Searcher::Impl::Retrying(const char* what, F f) -> decltype(f()) {
  for (int attempt = 0;; ++attempt) {
    try {
      return f();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 0) return Status::IOError("index changed twice during one search; try again");
      try {
        db.reopen();
      } catch (const Xapian::Error& e) {
        return Status::IOError("cannot reopen index " + path + ": " + e.get_description());
      }
      ClearCaches();
    } catch (const Xapian::Error& e) {
      return Status::IOError(std::string(what) + " failed on " + path + ": " + e.get_description());
    }
  }
}

}  // namespace nsearch

#endif  // NSEARCH_SEARCH_SEARCHER_IMPL_H_
