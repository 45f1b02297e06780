// Searcher: answers queries over an nsearch index with ranked passages, one
// best passage per article.
#ifndef NSEARCH_SEARCHER_H_
#define NSEARCH_SEARCHER_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "nsearch/article.h"
#include "nsearch/status.h"
#include "nsearch/views.h"

namespace nsearch {

struct EntityFilter {
  EntityType type = EntityType::kPerson;
  std::string name;  // as typed: any alias or a unique surname
};

// Result order. kRelevance ranks by score (a query of filters only has no
// score: entity filters rank by how central the entities are, date and author
// filters alone newest first). kNewest/kOldest order articles by date, ties
// by score; undated articles come last.
enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchOptions {
  std::string query;  // QueryParser syntax plus person:/place:/org:/date:/author:
                      // fields; may be empty when filters are set
  int limit = 10;
  int offset = 0;
  bool include_boilerplate = false;   // also search boilerplate and credits
  std::vector<EntityFilter> filters;  // ANDed together
  // Inclusive date bounds: YYYY, YYYY-MM or YYYY-MM-DD (a year or month
  // covers all its days); empty = open. Any date filter excludes undated
  // articles.
  std::string since, until;
  // Author filters, ANDed: a full name matches that author exactly, one word
  // any author with that word in their name.
  std::vector<std::string> authors;
  SortOrder sort = SortOrder::kRelevance;
  bool facets = false;  // count entities over the matching articles
  int facet_limit = 10;
  // No alias (synonym) or spelling expansion: the words as typed (folded
  // and stemmed as always).
  bool exact = false;
  // Compute the "did you mean" suggestion (and, when the query finds
  // nothing, run it instead). A list of names checked in one run turns it
  // off: a name the index lacks finds nothing rather than a similar name.
  bool suggest = true;
  bool explain = false;  // fill Hit::explain
  // Every article, copies included. By default near-identical copies of
  // one story (docs/copies.md) are one hit, the best-ranked, listing the
  // others in Hit::copies; limit and offset count such groups.
  bool all_copies = false;
  // Only articles written (added or changed) by the indexer at or after
  // this time, in seconds since the epoch (Searcher::WrittenUntil); 0: any.
  double indexed_since = 0;
  // Only articles in this language (an ISO 639-1 code of text/language.h:
  // "de"); empty: any. An unknown code is InvalidArgument.
  std::string language;
  // Fill Hit::entities (a value read a hit); a caller that shows no
  // entities (the terminal's results) leaves them out.
  bool hit_entities = true;
  // Name each copy in Hit::copies (a stored article read a copy); a caller
  // that shows only how many there are (the terminal's results) leaves the
  // names out and reads Hit::copy_count.
  bool copy_paths = true;
};

// The parts of a hit's score (SearchOptions::explain; docs/ranking.md).
struct Explain {
  double article_bm25 = 0;  // BM25 of the whole article (title words weighted in)
  double passage_bm25 = 0;  // BM25 of the best passage
  double proximity = 0;     // how close together the query words are
  int matching_passages = 0;
  bool title = false;  // the title holds a query word
};

struct Hit {
  int rank = 0;
  double score = 0;
  std::string path;  // article id: file, file:member, file:line
  std::string title;
  int paragraph = 0;
  ParagraphKind kind = ParagraphKind::kBody;
  std::string text;                             // whole paragraph
  std::vector<std::pair<int, int>> highlights;  // code-point [start, end)
  int more_passages = 0;                        // other matching passages of the same article
  // The words are in the article's title, not in any passage (shown: the
  // first body paragraph). Only when no passage anywhere holds them.
  bool title_match = false;
  std::string date, author;
  std::string language = "en";   // the article's language code
  std::vector<Entity> entities;  // the article's entities (name, type)
  Explain explain;               // when SearchOptions::explain
  // The ids (paths) of the article's near-identical copies that match the
  // query too, best-ranked first; empty with SearchOptions::all_copies, and
  // without SearchOptions::copy_paths.
  std::vector<std::string> copies;
  int copy_count = 0;  // how many copies there are, named or not
};

struct FacetCount {
  std::string name;
  int count = 0;  // articles
};

struct Facets {
  std::vector<FacetCount> person, place, org;
  int64_t articles = 0;  // how many articles the counts were taken over
  // True when there were more matching articles than kFacetArticles and the
  // counts come from the best of them.
  bool sampled = false;
};

// Facet counts of a search are taken over at most this many of the best
// matching articles (all of them for --with and entity listings).
inline constexpr int64_t kFacetArticles = 1000;

struct SearchResponse {
  std::string query;
  SortOrder sort = SortOrder::kRelevance;
  int64_t total = 0;         // matching articles (an estimate unless total_exact)
  bool total_exact = false;  // total is the exact count
  std::vector<Hit> hits;
  // "Did you mean": the query with its unknown words corrected from the
  // index's vocabulary (empty when every word is known).
  std::string suggestion;
  // Set when the query as typed found nothing and |suggestion| did: these
  // are the suggestion's results.
  std::string corrected_query;
  // What was ignored in the query, one line each ("ignored an unbalanced
  // quote").
  std::vector<std::string> notes;
  bool has_facets = false;
  Facets facets;
  // Resolved entity filters: typed name -> canonical names used.
  std::vector<std::pair<std::string, std::vector<std::string>>> resolved;
};

// One quote of a speaker (Searcher::Quotes).
struct QuoteHit {
  std::string speaker;  // canonical name
  std::string text;     // the words inside the quotation marks
  std::string path;     // article id
  std::string title, date;
  int paragraph = 0;                            // Paragraph::n
  std::vector<std::pair<int, int>> highlights;  // query words in |text|, code points
};

struct QuoteResponse {
  std::vector<std::string> speakers;  // the canonical names the typed name stands for
  int64_t total = 0;                  // quotes matching (all pages)
  std::vector<QuoteHit> quotes;       // this page
};

// One run of the indexer as the index records it.
struct IndexRun {
  int64_t start = 0, end = 0;        // seconds since the epoch
  std::string start_text, end_text;  // as recorded (ISO 8601, UTC)
};

struct EntityListing {
  std::string name;
  int articles = 0;
  std::vector<std::string> aliases;  // surface forms seen across the index
};

// Thread contract: a Searcher is not thread-safe (it holds a Xapian reader
// and lazily filled caches, and Refresh() replaces both); use one per
// thread, or hand each one to one thread at a time (a pool, as nsearch-serve
// does). Opening one is cheap. Several Searchers on one index need no
// coordination: the index is read-only to them.
class Searcher {
 public:
  // Opens the index read-only. NotFound when |index_path| holds no index.
  static Result<std::unique_ptr<Searcher>> Open(const std::string& index_path);
  // Several indexes searched as one (one per bundle, or shards); the first
  // that cannot be opened is the error.
  static Result<std::unique_ptr<Searcher>> Open(const std::vector<std::string>& index_paths);
  ~Searcher();

  // An empty result is not an error. InvalidArgument for a negative limit
  // or offset, a bad date (since, until or date:), an ambiguous entity
  // filter (the message lists the candidates), a one-word author matching
  // too many authors, or a wildcard too short or too broad. NotFound for an
  // entity or author filter that matches nobody in the index.
  Result<SearchResponse> Search(const SearchOptions& options);

  // Every entity of |type| in the index, most articles first.
  Result<std::vector<EntityListing>> ListEntities(EntityType type, int limit);

  // Entities appearing in the same articles as |filter|, counted in shared
  // articles, most first. |resolved| receives the canonical names matched.
  Result<Facets> CoOccurring(const EntityFilter& filter, int limit,
                             std::vector<std::string>* resolved);

  // What |speaker| said: any alias or a unique surname of a person the
  // index quotes. Articles newest first (undated last), quotes in reading
  // order within one. options.query, when given, keeps the quotes holding
  // every word of it (stemmed as a search stems them) in articles the
  // query matches; filters, dates and authors narrow the articles;
  // limit/offset page the quotes. NotFound when nobody quoted matches the
  // name, InvalidArgument when it is ambiguous (the message lists the
  // candidates) or an option is bad as for Search. No quote is no error.
  Result<QuoteResponse> Quotes(const std::string& speaker, const SearchOptions& options);

  // The indexer runs that wrote the index, oldest first (it keeps the last
  // 100); empty for an index written before runs were recorded.
  Result<std::vector<IndexRun>> Runs();
  // The newest time an article of a finished run was written (what
  // SearchOptions::indexed_since compares): a search with indexed_since
  // just above it lists what later runs add or change. Articles a run still
  // going has committed are left to after it (they will be listed then, not
  // lost). 0 for an empty index.
  Result<double> WrittenUntil();

  int64_t ArticleCount() const;

  // Views and upkeep (src/search/views.cc).

  // What Search() refuses before it opens anything: InvalidArgument for a
  // negative limit, offset or facet_limit, a since/until that is not one date
  // (YYYY, YYYY-MM or YYYY-MM-DD), and options that ask for nothing (no
  // words and no filter). since after until is not an error: it matches
  // nothing.
  static Status Validate(const SearchOptions& options);

  // The whole article with id |article_id| (Hit::path), every paragraph with
  // its kind, and what |highlight| matches marked in each (its query words
  // and phrases from the index's positions, as in results, and the mentions
  // of its entity filters; its dates and limits are ignored). NotFound when
  // no article has that id; the errors of Search() for a bad |highlight|.
  Result<ArticleView> GetArticle(const std::string& article_id,
                                 const SearchOptions& highlight = {});

  // How many articles matching |options| (the articles Search() counts in
  // total; limit and offset ignored) fall in each day, month or year, and
  // how many are undated. The errors of Search().
  Result<TimelineCounts> Timeline(const SearchOptions& options,
                                  TimelineUnit unit = TimelineUnit::kAuto);

  // Catches up with the indexer: new commits to the generation it reads, or
  // a new generation the index's stub switched to (the old one may be
  // deleted), reopened from the paths given to Open(). Returns whether
  // anything changed (caches are then dropped). IOError when the index can
  // no longer be opened; the Searcher then keeps what it had.
  Result<bool> Refresh();

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace nsearch

#endif  // NSEARCH_SEARCHER_H_
