// Searcher::Quotes: what a person said, from the quotes the indexer
// attributed (quotes/quotes.h) and stored with each article.
#include <xapian.h>

#include <algorithm>
#include <unordered_set>

#include "entities/fold.h"
#include "entities/resolve.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/unweighted.h"
#include "nsearch/searcher.h"
#include "search/filters.h"
#include "search/highlight.h"
#include "search/hits.h"
#include "search/searcher_impl.h"
#include "text/normalize.h"

namespace nsearch {
namespace {

// The quote's words that the query asked for, as word ranges (text::Tokenize
// numbering); empty when some query word is missing from the quote.
// |language|: the article's, whose stemmer its words were indexed with.
std::vector<std::pair<uint32_t, uint32_t>> MatchedWords(const std::string& text,
                                                        const std::string& language,
                                                        const search::CompiledQuery& q) {
  const auto tokens = text::Tokenize(text);
  std::vector<std::string> stems;
  stems.reserve(tokens.size());
  for (const auto& t : tokens)
    stems.push_back(index::Stem(t.term, language, index::Original(text, t)));
  std::vector<std::pair<uint32_t, uint32_t>> matched;
  for (const auto& word : q.words) {
    bool found = false;
    for (uint32_t i = 0; i < stems.size(); ++i) {
      if (std::find(word.terms.begin(), word.terms.end(), stems[i]) == word.terms.end()) continue;
      matched.emplace_back(i, i + 1);
      found = true;
    }
    if (!found) return {};
  }
  for (const auto& phrase : q.phrases) {
    bool found = false;
    // Its words at their offsets (stop words between them take positions).
    for (size_t i = 0; !phrase.terms.empty() && i + phrase.length <= stems.size(); ++i) {
      bool here = true;
      for (size_t k = 0; here && k < phrase.terms.size(); ++k)
        here = stems[i + phrase.offsets[k]] == phrase.terms[k];
      if (!here) continue;
      matched.emplace_back(i, i + phrase.length);
      found = true;
    }
    if (!found) return {};
  }
  std::sort(matched.begin(), matched.end());
  return matched;
}

}  // namespace

Result<std::vector<std::string>> Searcher::Impl::ResolveSpeaker(const std::string& typed) {
  // Speakers whose name ends with the typed name's last word (or its
  // alias's), else every speaker: what entities::Resolve can match.
  std::vector<std::pair<std::string, int>> candidates, all;
  for (const std::string& name : {typed, entities::CanonicalName(EntityType::kPerson, typed)}) {
    const auto words = entities::SplitNonEmpty(entities::TranslitKey(name), ' ');
    if (words.empty()) continue;
    const std::string prefix = index::QuoteSpeakerPrefix(words.back());
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
      candidates.emplace_back(index::EntityNameOfTerm(*t), static_cast<int>(t.get_termfreq()));
  }
  bool ambiguous = false;
  auto found = entities::Resolve(EntityType::kPerson, typed, candidates, &ambiguous);
  if (found.empty()) {
    const std::string prefix(index::kPrefixQuoteSpeaker);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
      all.emplace_back(index::EntityNameOfTerm(*t), static_cast<int>(t.get_termfreq()));
    found = entities::Resolve(EntityType::kPerson, typed, all, &ambiguous);
  }
  if (found.empty()) return Status::NotFound("nobody quoted in the index matches '" + typed + "'");
  if (ambiguous) {
    std::string list;
    for (const auto& n : found) list += (list.empty() ? "" : ", ") + n;
    return Status::InvalidArgument("speaker '" + typed + "' is ambiguous: could mean " + list);
  }
  return found;
}

Result<QuoteResponse> Searcher::Quotes(const std::string& speaker, const SearchOptions& options) {
  return impl_->Retrying("quote lookup", [&] { return impl_->Quotes(speaker, options); });
}

Result<QuoteResponse> Searcher::Impl::Quotes(const std::string& speaker, const SearchOptions& o) {
  if (o.limit < 0 || o.offset < 0)
    return Status::InvalidArgument("limit and offset must not be negative");
  auto names = ResolveSpeaker(speaker);
  if (!names.ok()) return names.status();
  QuoteResponse resp;
  resp.speakers = *names;
  auto date = DateOptions(o);
  if (!date.ok()) return date.status();
  auto compiled = Compile(o, o.query, *date);
  if (!compiled.ok()) return compiled.status();
  const search::CompiledQuery& q = *compiled;

  std::vector<Xapian::Query> speakers;
  for (const auto& n : resp.speakers) speakers.emplace_back(index::QuoteSpeakerTerm(n));
  Xapian::Query query(Xapian::Query::OP_OR, speakers.begin(), speakers.end());
  if (!q.query.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, q.query, query);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  index::SetCountingWeight(enquire, remote);
  std::unique_ptr<Xapian::KeyMaker> newest;
  search::SortByDate(enquire, SortOrder::kNewest, false, remote, &newest);
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());

  const std::unordered_set<std::string> wanted(resp.speakers.begin(), resp.speakers.end());
  const bool by_words = q.has_text && (!q.words.empty() || !q.phrases.empty());
  const int64_t first = o.offset, last = static_cast<int64_t>(o.offset) + o.limit;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const auto a = search::LoadArticle(it.get_document(), db);
    if (!a) continue;
    for (const Quote& quote : a->quotes) {
      if (!wanted.count(quote.speaker)) continue;
      std::vector<std::pair<uint32_t, uint32_t>> matched;
      if (by_words && (matched = MatchedWords(quote.text, a->language, q)).empty()) continue;
      const int64_t n = resp.total++;
      if (n < first || n >= last) continue;
      QuoteHit h{quote.speaker, quote.text, a->id, a->title, a->date, quote.paragraph, {}};
      h.highlights = search::MergeSpans(search::WordSpans(quote.text, matched));
      resp.quotes.push_back(std::move(h));
    }
  }
  return resp;
}

}  // namespace nsearch
