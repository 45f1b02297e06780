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
  void Extract(Article &article) const;

private:
  const Lexicon *lex_;
};

} // namespace nsearch::entities

#endif // NSEARCH_ENTITIES_EXTRACTOR_H_
