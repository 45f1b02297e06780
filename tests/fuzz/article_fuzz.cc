// libFuzzer target over everything that reads article text after decoding:
// segmentation, boilerplate classification, entity extraction, tokenising,
// and the query side (query normalisation, parsing, highlighting). The input
// is one article's UTF-8-ish text; its first line doubles as a query. Checks
// the contract besides crashes: paragraph ordinals run 1..n, texts are
// non-empty, highlights lie inside the text.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "entities/extractor.h"
#include "index/document.h"
#include "index/schema.h"
#include "quotes/quotes.h"
#include "search/highlight.h"
#include "search/query.h"
#include "search/rank.h"
#include "segment/boilerplate.h"
#include "segment/segmenter.h"
#include "text/normalize.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "article contract violated: %s\n", what);
    abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const nsearch::entities::Extractor extractor;
  static nsearch::segment::BoilerplateClassifier
      classifier;  // remembers lines across inputs, as in a run
  const std::string text(reinterpret_cast<const char*>(data), size);

  nsearch::ingest::RawArticle raw;
  raw.id = "fuzz.txt";
  raw.text = text;
  nsearch::Article article = nsearch::segment::BuildArticle(std::move(raw));
  classifier.Classify(article);
  extractor.Extract(article);
  for (size_t i = 0; i < article.paragraphs.size(); ++i) {
    Check(article.paragraphs[i].n == static_cast<int>(i) + 1, "paragraph ordinals run 1..n");
    Check(!article.paragraphs[i].text.empty(), "paragraph text is not empty");
  }
  for (const auto& e : article.entities) Check(!e.name.empty(), "entity has a name");
  article.quotes = nsearch::quotes::FindQuotes(article);
  for (const auto& q : article.quotes) {
    Check(q.paragraph >= 1 && q.paragraph <= static_cast<int>(article.paragraphs.size()),
          "quote is in a paragraph");
    const std::string& p = article.paragraphs[q.paragraph - 1].text;
    Check(q.begin <= q.end && q.end <= p.size() && p.substr(q.begin, q.end - q.begin) == q.text,
          "quote text is its paragraph's bytes");
    bool person = q.speaker.empty();
    for (const auto& e : article.entities)
      person = person || (e.type == nsearch::EntityType::kPerson && e.name == q.speaker);
    Check(person, "a speaker is one of the article's persons");
  }
  const auto stored =
      nsearch::index::DecodeStoredArticle(nsearch::index::EncodeStoredArticle(article));
  Check(stored && stored->quotes.size() == article.quotes.size(), "quotes are stored");

  // The article indexed alone, its first line searched as a query: the
  // real compile, passage scoring and highlighting path.
  static Xapian::WritableDatabase db = Xapian::InMemory::open();
  nsearch::index::BuiltArticle built = nsearch::index::BuildDocument(article);
  const Xapian::docid did =
      db.replace_document(std::string(nsearch::index::kPrefixArticle) + built.key, built.doc);
  const std::string query = text.substr(0, text.find('\n'));
  nsearch::search::FieldResolvers resolvers;
  resolvers.entity = [](nsearch::EntityType,
                        const std::string&) -> nsearch::Result<std::vector<std::string>> {
    return nsearch::Status::NotFound("none");
  };
  resolvers.author = [](const std::string&) -> nsearch::Result<std::vector<std::string>> {
    return nsearch::Status::NotFound("none");
  };
  auto compiled = nsearch::search::CompileQuery(db, query, {}, std::nullopt, {}, resolvers, {});
  if (!compiled.ok() || !compiled->has_text) return 0;
  nsearch::search::PassageScorer scorer(db, *compiled, false, {});
  const nsearch::search::ArticleEvidence ev =
      scorer.Score(did, 1.0, nsearch::search::Layouts(db, {did})[0]);
  Check(ev.paragraph >= 0 && ev.paragraph <= static_cast<int>(article.paragraphs.size()),
        "best passage is one of the article's");
  if (ev.paragraph > 0) {
    const std::string& passage = article.paragraphs[ev.paragraph - 1].text;
    const int length = nsearch::text::CodePointCount(passage);
    for (const auto& [b, e] : nsearch::search::WordSpans(passage, ev.matched_words))
      Check(0 <= b && b < e && e <= length, "highlight inside the passage");
  }
  return 0;
}
