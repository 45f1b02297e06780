// search/hits: a Hit made from an article the index stores; shared by every
// kind of search and by the article and API views.
#ifndef NSEARCH_SEARCH_HITS_H_
#define NSEARCH_SEARCH_HITS_H_

#include <xapian.h>

#include <optional>
#include <string_view>

#include "nsearch/article.h"
#include "nsearch/searcher.h"

namespace nsearch::search {

// The index of the paragraph an article is introduced by: its first body
// paragraph, else its first searchable one (any, with
// |include_boilerplate|); 0 when it has none.
int FirstParagraph(const Article& a, bool include_boilerplate);

// A hit showing paragraph |index| (1-based into a.paragraphs; 0: none, the
// title stands in), without highlights.
Hit MakeHit(const Article& a, int index);

// The article a document stores, with its language and (unless
// |with_entities| is false) its entities, from their values; nullopt when
// the data is not of this schema (or its dictionary is unknown:
// index/data_dictionary.h). A non-empty |language| is taken as the
// article's (search::KnownLanguage) instead of reading its value. |data|,
// when given, is the document's data, read already.
std::optional<Article> LoadArticle(const Xapian::Document& doc, const Xapian::Database& db,
                                   bool with_entities = true, std::string_view language = {},
                                   const std::string* data = nullptr);

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_HITS_H_
