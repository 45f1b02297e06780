// entities/extractor: finds the persons, places and organisations an article
// names, rule-based and deterministic (no model, no network).
//
// Reads the title and the paragraphs of kind body, heading and caption; never
// credits or boilerplate. Each Entity gets the name it carries across the
// whole index (alias table plus rules: "Zelenskyy" -> "Volodymyr Zelensky",
// "Kiev" -> "Kyiv", "Türkiye" -> "Turkey"), the distinct surface forms this
// article wrote and how often. Inside an article a short mention joins the
// full name it ends ("Putin" -> "Vladimir Putin").
//
// An article with no names gets an empty list; that is not an error.
#ifndef NSEARCH_ENTITIES_EXTRACTOR_H_
#define NSEARCH_ENTITIES_EXTRACTOR_H_

#include <memory>

#include "entities/bundle.h"
#include "nsearch/article.h"

namespace nsearch::entities {

struct Lexicon;

class Extractor {
 public:
  // Builds the lexicons on first use in the process (ICU data + project
  // tables); later Extractors share them, so construction is cheap.
  Extractor();
  // Replaces article.entities. Thread-safe: const and shares only immutable
  // data.
  void Extract(Article& article) const;

  // Optional first pass over a bundle, before any Extract: collects what
  // the bundle says about its people (bundle.h), cheaply (the body
  // paragraphs' local evidence only, no article-level pass). Extract then
  // names each person the same way in every article ("Mike Bloomberg",
  // "Michael R. Bloomberg" -> "Michael Bloomberg"), gives a bare or titled
  // surname ("Cuomo", "President Obama") the full name the bundle gives it,
  // tells a person from a company of the same name where the article has
  // no cue ("Bloomberg"), keeps stage names ("Lady Gaga"), and accepts an
  // unexplained capitalised pair that the bundle knows as a person. Reads
  // paragraphs of kind body only, with
  // at least six words: before boilerplate classification a repeated line
  // shaped like a sentence may still add a name (a small, accepted noise).
  // Not thread-safe against Extract; without it Extract works per article.
  void Observe(const Article& article);
  // The same in two steps, for a store that keeps each article's evidence
  // (incremental runs): Evidence reads one article alone (const,
  // thread-safe); Observe adds it to the bundle and Unobserve takes it back
  // out exactly (an article that changed or went away).
  ArticleEvidence Evidence(const Article& article) const;
  void Observe(const ArticleEvidence& evidence);
  void Unobserve(const ArticleEvidence& evidence);
  // Full names collected so far (for stats and tests).
  size_t ObservedNames() const;

 private:
  // The lexicon, built on first use: a run that reads no article (a
  // re-run with nothing changed) does not build it.
  static const Lexicon& Lex();
  std::shared_ptr<BundleNames> bundle_;
};

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_EXTRACTOR_H_
