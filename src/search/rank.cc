#include "search/rank.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "index/schema.h"
#include "search/copies.h"

namespace nsearch::search {
namespace {

struct Occurrence {
  Xapian::termpos pos;
  int word;
  uint32_t para = 0;  // layout entry (0: the title)
};

double Saturate(double tf, double k1, double norm) { return tf * (k1 + 1) / (tf + k1 * norm); }

}  // namespace

const RankParams& DefaultRankParams() {
  static const RankParams params;
  return params;
}

PassageScorer::PassageScorer(const Xapian::Database& db, const CompiledQuery& query,
                             bool include_boilerplate, const LengthStats& lengths,
                             const RankParams& params)
    : db_(db), include_boilerplate_(include_boilerplate), lengths_(lengths), params_(params) {
  const double n_docs = std::max<double>(1, db.get_doccount());
  auto idf = [&](const std::vector<std::string>& terms) {
    double df = 0;
    for (const auto& t : terms) df = std::max<double>(df, db.get_termfreq(t));
    return std::max(0.05, std::log((n_docs - df + 0.5) / (df + 0.5)));
  };
  auto indexed = [&](const std::string& stem, std::vector<std::string>* out) {
    out->push_back(stem);
    if (include_boilerplate_) out->push_back(std::string(index::kPrefixHidden) + stem);
  };
  for (const auto& w : query.words) {
    Word word;
    for (const auto& t : w.terms) indexed(t, &word.terms);
    word.idf = idf(w.terms);
    words_.push_back(std::move(word));
  }
  for (const auto& phrase : query.phrases) {
    Word word;
    word.phrase_length = phrase.length;
    word.terms = phrase.terms;  // in order; boilerplate twins handled in Score
    word.offsets = phrase.offsets;
    for (const auto& t : phrase.terms) word.idf += idf({t});
    words_.push_back(std::move(word));
  }
}

LengthStats ReadLengthStats(const Xapian::Database& db) {
  LengthStats s;
  auto read = [&](const char* key, double* out) {
    const std::string v = db.get_metadata(key);
    if (!v.empty()) *out = std::max(1.0, std::atof(v.c_str()));
  };
  read(index::kAvgParagraphWordsKey, &s.paragraph_words);
  read(index::kAvgArticleWordsKey, &s.article_words);
  return s;
}

std::vector<Xapian::termpos> TermPositions(const Xapian::Database& db, Xapian::docid did,
                                           const std::string& term) {
  std::vector<Xapian::termpos> out;
  for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p)
    out.push_back(*p);
  return out;
}

std::vector<std::string> Layouts(const Xapian::Database& db,
                                 const std::vector<Xapian::docid>& docids) {
  return SlotValues(db, index::kSlotLayout, docids);
}

void PassageScorer::FindHolders(std::vector<Xapian::docid> dids, bool prime_cursor) {
  std::sort(dids.begin(), dids.end());
  dids.erase(std::unique(dids.begin(), dids.end()), dids.end());
  checked_ = dids;
  holders_.clear();
  // A term in an eighth of the articles or more is in most candidates and
  // its list is long: its positions are looked for as before.
  const double common = std::max<double>(1, db_.get_doccount()) / 8;
  std::vector<std::string> terms;
  for (const auto& word : words_) {
    for (const auto& t : word.terms) {
      terms.push_back(t);
      if (word.phrase_length > 0 && include_boilerplate_)
        terms.push_back(std::string(index::kPrefixHidden) + t);
    }
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (const auto& term : terms) {
    if (db_.get_termfreq(term) >= common) continue;
    auto& holders = holders_[term];
    auto p = db_.postlist_begin(term);
    for (Xapian::docid did : dids) {
      p.skip_to(did);
      if (p == db_.postlist_end(term)) break;
      if (*p == did) holders.push_back(did);
    }
  }
  // Then the positions of every term in the documents that may hold it,
  // one term at a time in document order. Glass keys positions by term and
  // then document, and each position list Xapian opens starts from a copy
  // of the table's own cursor, which nothing moves: every list read the
  // same inner block and its leaf again. One term list's position count
  // moves that cursor into the term's part of the table, so the lists after
  // it read their leaf only (201 -> 67 block reads for "subway fare").
  positions_.clear();
  if (dids.empty()) return;
  std::optional<Xapian::TermIterator> guide;
  if (prime_cursor) {
    try {
      guide = db_.termlist_begin(dids.front());
    } catch (const Xapian::Error&) {
      guide.reset();  // no term lists here: the lists read as before
    }
  }
  for (const auto& term : terms) {
    std::vector<Xapian::docid> readers;
    for (Xapian::docid did : dids)
      if (MayHold(did, term)) readers.push_back(did);
    auto& lists = positions_[term];
    // A list or none gains nothing from the cursor: it reads what the
    // position count would.
    if (guide && readers.size() > 1) {
      try {
        guide->skip_to(term);
        if (*guide != db_.termlist_end(dids.front())) (void)guide->positionlist_count();
      } catch (const Xapian::Error&) {
        guide.reset();
      }
    }
    for (Xapian::docid did : readers) lists[did] = TermPositions(db_, did, term);
  }
}

bool PassageScorer::MayHold(Xapian::docid did, const std::string& term) const {
  auto it = holders_.find(term);
  if (it == holders_.end() || !std::binary_search(checked_.begin(), checked_.end(), did))
    return true;
  return std::binary_search(it->second.begin(), it->second.end(), did);
}

ArticleEvidence PassageScorer::Score(Xapian::docid did, double article_bm25,
                                     const std::string& encoded_layout) const {
  ArticleEvidence ev;
  ev.article_bm25 = article_bm25;
  ev.score = article_bm25;
  const auto layout = index::DecodeLayout(encoded_layout);
  const auto starts = index::ParagraphStarts(layout);
  // The layout entry a position falls in (0: the title).
  auto paragraph_of = [&](Xapian::termpos pos) -> uint32_t {
    auto it = std::upper_bound(starts.begin(), starts.end(), pos);
    return it == starts.begin() ? 0 : static_cast<uint32_t>(it - starts.begin() - 1);
  };

  auto positions = [&](const std::string& term, std::vector<Xapian::termpos>* out) {
    if (!MayHold(did, term)) return;
    // Read ahead by FindHolders, or else (a document it was not told of)
    // read now.
    if (auto t = positions_.find(term); t != positions_.end()) {
      if (auto d = t->second.find(did); d != t->second.end()) {
        out->insert(out->end(), d->second.begin(), d->second.end());
        return;
      }
    }
    const auto now = TermPositions(db_, did, term);
    out->insert(out->end(), now.begin(), now.end());
  };
  std::vector<Occurrence> occ;
  for (size_t w = 0; w < words_.size(); ++w) {
    const Word& word = words_[w];
    if (word.phrase_length == 0) {
      std::vector<Xapian::termpos> pos;
      for (const auto& t : word.terms) positions(t, &pos);
      for (auto p : pos) occ.push_back({p, static_cast<int>(w)});
      continue;
    }
    // A phrase occurs where its words stand at their distances (stop words
    // have no positions: they are the gaps). The occurrence is at the
    // phrase's first word.
    for (int hidden = 0; hidden <= (include_boilerplate_ ? 1 : 0); ++hidden) {
      const std::string prefix = hidden ? std::string(index::kPrefixHidden) : std::string();
      std::vector<std::vector<Xapian::termpos>> lists(word.terms.size());
      for (size_t i = 0; i < word.terms.size(); ++i) positions(prefix + word.terms[i], &lists[i]);
      for (auto first : lists[0]) {
        if (first <= word.offsets[0]) continue;
        bool all = true;
        for (size_t i = 1; i < lists.size() && all; ++i)
          all = std::binary_search(lists[i].begin(), lists[i].end(),
                                   first + word.offsets[i] - word.offsets[0]);
        if (all) occ.push_back({first - word.offsets[0], static_cast<int>(w)});
      }
    }
  }
  if (occ.empty()) return ev;
  std::sort(occ.begin(), occ.end(),
            [](const Occurrence& a, const Occurrence& b) { return a.pos < b.pos; });
  for (auto& o : occ) o.para = paragraph_of(o.pos);

  const double k1 = params_.k1, b = params_.b;
  std::vector<double> tf(words_.size());
  double best = -1;
  auto close_paragraph = [&](uint32_t para) {
    if (para == 0) {
      ev.title_matches = true;
    } else if (para < layout.size()) {
      const auto& shape = layout[para];
      if (IsSearchable(shape.kind) || include_boilerplate_) {
        const double norm = (1 - b) + b * shape.words / lengths_.paragraph_words;
        double s = 0;
        for (size_t w = 0; w < words_.size(); ++w)
          if (tf[w] > 0) s += words_[w].idf * Saturate(tf[w], k1, norm);
        ++ev.matching_passages;
        if (s > best) best = s, ev.paragraph = static_cast<int>(para);
      }
    }
    std::fill(tf.begin(), tf.end(), 0.0);
  };
  uint32_t current = occ[0].para;
  for (const auto& o : occ) {
    if (o.para != current) close_paragraph(current), current = o.para;
    tf[o.word] += 1;
  }
  close_paragraph(current);
  ev.passage_bm25 = std::max(0.0, best);

  // Proximity (BCL): each pair of neighbouring occurrences of two different
  // query words in one paragraph adds the other's idf over their distance
  // squared to each word's accumulator, which is then saturated like a tf.
  std::vector<double> acc(words_.size());
  for (size_t i = 1; i < occ.size(); ++i) {
    const auto &a = occ[i - 1], &c = occ[i];
    if (a.word == c.word || a.para != c.para) continue;
    const double d = static_cast<double>(c.pos - a.pos);
    acc[a.word] += words_[c.word].idf / (d * d);
    acc[c.word] += words_[a.word].idf / (d * d);
  }
  double words = 0;  // the article's searchable words, from its layout
  for (const auto& shape : layout)
    if (IsSearchable(shape.kind)) words += shape.words;
  const double norm = (1 - b) + b * words / lengths_.article_words;
  for (size_t w = 0; w < words_.size(); ++w)
    if (acc[w] > 0) ev.proximity += std::min(1.0, words_[w].idf) * Saturate(acc[w], k1, norm);

  ev.score = article_bm25 + params_.passage_weight * ev.passage_bm25 +
             params_.proximity_weight * ev.proximity;
  for (const auto& o : occ) {
    if (o.para != static_cast<uint32_t>(ev.paragraph)) continue;
    const uint32_t first = o.pos - starts[ev.paragraph];
    const size_t len = std::max<size_t>(1, words_[o.word].phrase_length);
    ev.matched_words.emplace_back(first, first + static_cast<uint32_t>(len));
  }
  return ev;
}

}  // namespace nsearch::search
