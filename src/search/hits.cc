#include "search/hits.h"

#include "index/data_dictionary.h"
#include "index/schema.h"

namespace nsearch::search {

int FirstParagraph(const Article& a, bool include_boilerplate) {
  int fallback = 0;
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    const ParagraphKind k = a.paragraphs[i].kind;
    if (k == ParagraphKind::kBody) return static_cast<int>(i + 1);
    if (fallback == 0 && (IsSearchable(k) || include_boilerplate))
      fallback = static_cast<int>(i + 1);
  }
  return fallback;
}

Hit MakeHit(const Article& a, int index) {
  Hit h;
  h.path = a.id;
  h.title = a.title;
  h.date = a.date;
  h.author = a.author;
  if (!a.language.empty()) h.language = a.language;
  for (const auto& e : a.entities) h.entities.push_back({e.type, e.name, {}, 0});
  if (index >= 1 && index <= static_cast<int>(a.paragraphs.size())) {
    const Paragraph& p = a.paragraphs[index - 1];
    h.paragraph = p.n;
    h.kind = p.kind;
    h.text = p.text;
  } else {
    h.paragraph = 0;
    h.kind = ParagraphKind::kHeading;
    h.text = a.title;
  }
  return h;
}

std::optional<Article> LoadArticle(const Xapian::Document& doc, const Xapian::Database& db,
                                   bool with_entities, std::string_view language,
                                   const std::string* data) {
  auto a = index::StoredArticleOf(doc, db, data);
  if (a) {
    if (with_entities) a->entities = index::DocumentEntities(doc);
    // A document's value read starts from the value table's root.
    a->language = language.empty() ? doc.get_value(index::kSlotLanguage) : std::string(language);
  }
  return a;
}

}  // namespace nsearch::search
