// segment/boilerplate: gives every paragraph its final kind — body, heading,
// caption, credit or boilerplate — from signals that generalise across sites.
#ifndef NSEARCH_SEGMENT_BOILERPLATE_H_
#define NSEARCH_SEGMENT_BOILERPLATE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/article.h"

namespace nsearch::segment {

// Stateful across one indexing run: articles are classified in the order they
// are read, and the classifier remembers short lines seen in earlier articles
// of the same bundle (a line repeated across many articles is boilerplate).
// Not thread-safe; one per indexing run.
//
// Signals (docs/boilerplate.md has the details and measured numbers):
// Usenet/e-mail headers, quoted replies, attributions and signatures; page
// furniture vocabulary in short lines (comment, subscribe, share...) and in
// site notices addressed to the reader (cookies, affiliate links); social
// counters ("0SeguidoresSeguir"); menus; teaser links ("VEJA ...", "Read
// more: ...", or a title-like line sharing no topic with the article); the
// tail after the last real body paragraph; a language other than the
// article's; lines repeated across the bundle. Paragraphs are kept as body
// when in doubt: losing a body paragraph is worse than keeping boilerplate.
// Lines of at most this many code points are the ones counted across the
// bundle (the "repeated" signal); longer paragraphs never repeat as
// furniture does.
inline constexpr int kRepeatedLineMaxChars = 200;

class BoilerplateClassifier {
 public:
  BoilerplateClassifier();
  ~BoilerplateClassifier();
  BoilerplateClassifier(const BoilerplateClassifier&) = delete;
  BoilerplateClassifier& operator=(const BoilerplateClassifier&) = delete;

  // Optional first pass over the whole run: counts the short lines of every
  // article before any is classified, so the "repeated across the bundle"
  // signal no longer depends on the order articles arrive in, and an
  // incremental run (which classifies only new articles) sees the same
  // counts as a clean rebuild. Once Observe has been called, Classify stops
  // counting as it goes.
  void Observe(const Article& article);

  // For incremental runs (index/revise.h). The number of distinct articles
  // counted so far that hold |line| (folded, as the classifier compares).
  uint32_t LineCount(std::string_view line) const;
  // Two counts of a line's articles with the same class classify the line
  // alike in every article that holds it.
  static uint32_t CountClass(uint32_t articles);
  // The key copies of one article share (its title and paragraph texts),
  // by which the counts take each article once.
  static uint64_t ContentKeyOf(const Article& article);
  // The key lines are counted by: equal keys are the same line.
  static uint64_t LineKeyOf(std::string_view line);

  // Sets paragraph kinds of |article| (paragraphs already split and numbered
  // by BuildArticle, which marked headings and credits by shape).
  void Classify(Article& article);

  // As Classify, and fills |why| (one entry per paragraph) with the signal
  // that decided each boilerplate paragraph ("quote", "tail", "ui"...), or
  // an empty string for a kept one. For tests and tuning.
  void Classify(Article& article, std::vector<std::string>* why);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace nsearch::segment

#endif  // NSEARCH_SEGMENT_BOILERPLATE_H_
