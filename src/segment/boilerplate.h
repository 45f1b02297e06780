// segment/boilerplate: gives every paragraph its final kind — body, heading,
// caption, credit or boilerplate — from signals that generalise across sites.
#ifndef NSEARCH_SEGMENT_BOILERPLATE_H_
#define NSEARCH_SEGMENT_BOILERPLATE_H_

#include <memory>

#include "nsearch/article.h"

namespace nsearch::segment {

// Stateful across one indexing run: articles are classified in the order they
// are read, and the classifier remembers short lines seen in earlier articles
// of the same bundle (a line repeated across many articles is boilerplate).
// Not thread-safe; one per indexing run.
class BoilerplateClassifier {
 public:
  BoilerplateClassifier();
  ~BoilerplateClassifier();
  // Sets paragraph kinds of |article| (paragraphs already split and numbered
  // by BuildArticle, which marked headings and credits by shape).
  void Classify(Article& article);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace nsearch::segment

#endif  // NSEARCH_SEGMENT_BOILERPLATE_H_
