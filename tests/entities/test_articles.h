// Articles and entity lists for the entities tests.
#ifndef NSEARCH_TESTS_ENTITIES_TEST_ARTICLES_H_
#define NSEARCH_TESTS_ENTITIES_TEST_ARTICLES_H_

#include <string>
#include <vector>

#include "nsearch/article.h"

namespace nsearch::entities {

// An article of |body| paragraphs, all of |kind|.
inline Article MakeArticle(const std::string& title, const std::vector<std::string>& body,
                           ParagraphKind kind = ParagraphKind::kBody) {
  Article a;
  a.title = title;
  int n = 1;
  for (const auto& text : body) {
    Paragraph p;
    p.n = n++;
    p.kind = kind;
    p.text = text;
    a.paragraphs.push_back(p);
  }
  return a;
}

inline std::vector<std::string> Names(const Article& a, EntityType type) {
  std::vector<std::string> out;
  for (const auto& e : a.entities) {
    if (e.type == type) out.push_back(e.name);
  }
  return out;
}

// Appends one paragraph of |kind|, numbered after the others.
inline void AddParagraph(Article* a, ParagraphKind kind, const std::string& text) {
  Paragraph p;
  p.n = static_cast<int>(a->paragraphs.size()) + 1;
  p.kind = kind;
  p.text = text;
  a->paragraphs.push_back(p);
}

}  // namespace nsearch::entities

#endif  // NSEARCH_TESTS_ENTITIES_TEST_ARTICLES_H_
