// search/rank: how a matching article is scored and which of its passages is
// shown — the one place ranking lives. Xapian's BM25 ranks articles (title
// words weighted in, BM25F-style, at index time); the best candidates are
// then re-scored with evidence from their passages, read from term
// positions (schema.h: a position says its paragraph):
//
//   score = article BM25 + kPassageWeight * best passage's BM25
//           + kProximityWeight * proximity of the query words
//
// (passage/document combination after Callan 1994; proximity after
// Büttcher, Clarke and Lushman 2006). docs/ranking.md has the measurements
// behind each constant.
#ifndef NSEARCH_SEARCH_RANK_H_
#define NSEARCH_SEARCH_RANK_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "search/query.h"

namespace nsearch::search {

struct RankParams {
  double k1 = 1.2, b = 0.75;      // article BM25 (Xapian) and passage BM25
  double passage_weight = 0.5;    // best passage's BM25, added to the article's
  double proximity_weight = 1.0;  // BCL term proximity, added too
  int rerank_depth = 50;          // articles re-scored with passage evidence
};
const RankParams& DefaultRankParams();

// The evidence for one article and the passage to show.
struct ArticleEvidence {
  double article_bm25 = 0;  // Xapian's weight of the document
  double passage_bm25 = 0;  // the best passage's
  double proximity = 0;
  double score = 0;            // the combination above
  int paragraph = 0;           // best passage: index into the paragraphs, 1-based; 0 = none
  int matching_passages = 0;   // searchable paragraphs holding a query word
  bool title_matches = false;  // the title holds a query word
  // Word indices [first, last) of the best passage that matched (single
  // words and whole phrases), for highlighting.
  std::vector<std::pair<uint32_t, uint32_t>> matched_words;
};

// The paragraph layouts (kSlotLayout) of |docids|, in their order, read in
// one pass of the value stream.
std::vector<std::string> Layouts(const Xapian::Database& db,
                                 const std::vector<Xapian::docid>& docids);

// Mean lengths in words (kAvgParagraphWordsKey, kAvgArticleWordsKey).
struct LengthStats {
  double paragraph_words = 40;
  double article_words = 400;
};
LengthStats ReadLengthStats(const Xapian::Database& db);

// The positions of |term| in document |did|, in order (none when it lacks
// the term).
std::vector<Xapian::termpos> TermPositions(const Xapian::Database& db, Xapian::docid did,
                                           const std::string& term);

class PassageScorer {
 public:
  // |lengths| normalise passage and article lengths (index metadata).
  PassageScorer(const Xapian::Database& db, const CompiledQuery& query, bool include_boilerplate,
                const LengthStats& lengths, const RankParams& params = DefaultRankParams());

  // Passage evidence of document |did| (article_bm25 is the caller's);
  // |layout| is its kSlotLayout value (Layouts).
  ArticleEvidence Score(Xapian::docid did, double article_bm25, const std::string& layout) const;

  // Learns which of |dids| hold each of the query's rarer terms, from the
  // terms' posting lists (a block or two each), so that Score opens no
  // position list of such a term in a document without it: two block reads
  // each, and a query parsed for several languages has several spellings
  // of a word of which an article holds one. Then reads the positions of
  // the query's terms in |dids|, term by term, for Score; |prime_cursor|
  // (false for remote databases) first moves the position table's cursor
  // to each term with one term list (rank.cc), which saves most of the
  // block reads.
  void FindHolders(std::vector<Xapian::docid> dids, bool prime_cursor = true);

 private:
  struct Word {
    std::vector<std::string> terms;  // as indexed (with "XB" twins when boilerplate counts)
    double idf = 0;
    size_t phrase_length = 0;       // > 0: the terms form a phrase of this many words
    std::vector<uint32_t> offsets;  // a phrase's terms: their offsets in it
  };
  // Whether |did| may hold |term| (false only when FindHolders saw it not).
  bool MayHold(Xapian::docid did, const std::string& term) const;

  const Xapian::Database& db_;
  bool include_boilerplate_;
  std::vector<Xapian::docid> checked_;                         // FindHolders' documents, sorted
  std::map<std::string, std::vector<Xapian::docid>> holders_;  // term -> sorted holders
  // FindHolders' positions: term -> document -> positions, for every
  // document of checked_ that may hold the term.
  std::map<std::string, std::map<Xapian::docid, std::vector<Xapian::termpos>>> positions_;
  LengthStats lengths_;
  RankParams params_;
  std::vector<Word> words_;
};

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_RANK_H_
