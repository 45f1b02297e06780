// The Xapian schema, in one place: every term prefix, value slot, position
// layout and the stored document data that nsearch writes or reads. Only
// src/index writes Xapian; src/search and the web API read it through the
// declarations here, never through literals of their own.
//
// One Xapian document per article (schema version 2):
//  * Text terms, unprefixed: the stems of the searchable paragraphs (body,
//    heading, caption) and of the title, with positions. The title's words
//    count kTitleWdf times (a BM25F-style field weight on one length
//    normalisation), so BM25 over the document is the article's BM25.
//  * Positions say where a word is: PositionOf(paragraph, word). Paragraph 0
//    is the title, 1.. the paragraphs; the gap between paragraphs is so wide
//    that a phrase or NEAR never spans two, and a passage is found from the
//    positions alone (ParagraphOf).
//  * Hidden text, "XB" + stem: the words of boilerplate and credit
//    paragraphs, positional with wdf 0, so they match only when a query asks
//    for them (--include-boilerplate) and never lengthen the article.
//  * Title field, "S" + stem (wdf 1): `title:word`.
//  * Entities: "XP"/"XL"/"XO" + canonical name with wdf = mentions (filters;
//    BM25 over them ranks articles by how central the entity is; term
//    frequency = articles). Lookup keys "XK" (EntityKeyTerm) find candidate
//    names for a typed name without listing every name; alias terms "XR"
//    (EntityAliasTerm) keep the surface forms seen for each name.
//  * Boolean: article key "A" (unique: replace_document), author "XA",
//    source file "F".
//  * Values: article key (collapse), date, entities (facets), source stamp,
//    paragraph layout, source file.
//  * Data: EncodeStoredArticle(): every paragraph with its kind, title, id,
//    date, author, url, entities with mentions, source facts. Glass
//    compresses it.
// The synonym table holds single-word spellings of one name (Kiev = Kyiv),
// the spelling table the folded words of searchable text (suggestions and
// trailing wildcards).
#ifndef NSEARCH_INDEX_SCHEMA_H_
#define NSEARCH_INDEX_SCHEMA_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nsearch/article.h"

namespace nsearch::index {

inline constexpr int kSchemaVersion = 2;
inline constexpr char kSchemaVersionKey[] = "nsearch.schema";
// Mean words per searchable paragraph, written at the end of each run (the
// length normalisation of passage scores).
inline constexpr char kAvgParagraphWordsKey[] = "nsearch.avg_paragraph_words";
// Xapian's limit on a term's length in bytes (prefix included).
inline constexpr size_t kMaxTermBytes = 245;

// Term prefixes.
inline constexpr std::string_view kPrefixArticle = "A";       // + ArticleKey(id), unique
inline constexpr std::string_view kPrefixTitle = "S";         // + stem of a title word
inline constexpr std::string_view kPrefixHidden = "XB";       // + stem, boilerplate/credit words
inline constexpr std::string_view kPrefixAuthor = "XA";       // + AuthorKey(author)
inline constexpr std::string_view kPrefixSourceFile = "F";    // + ArticleKey(source file)
inline constexpr std::string_view kPrefixEntityKey = "XK";    // EntityKeyTerm()
inline constexpr std::string_view kPrefixEntityAlias = "XR";  // EntityAliasTerm()

// Extra wdf of each title word in the text terms (the title's field weight).
inline constexpr int kTitleWdf = 3;

// "XP", "XL", "XO" + canonical name; wdf = mentions in the article.
std::string_view EntityPrefix(EntityType type);
// "XK" + type letter + key of the name's last word + "\t" + canonical name:
// every name a typed name can resolve to ends with the typed name's last
// word, so a prefix scan on the typed last word lists the candidates.
std::string EntityKeyTerm(EntityType type, std::string_view canonical);
std::string EntityKeyPrefix(EntityType type, std::string_view last_word_key);
// "XR" + type letter + canonical + "\t" + surface form as written.
std::string EntityAliasTerm(EntityType type, std::string_view canonical, std::string_view surface);
std::string EntityAliasPrefix(EntityType type, std::string_view canonical);

// Value slots.
inline constexpr unsigned kSlotArticle = 0;     // ArticleKey: collapse key (one hit per article)
inline constexpr unsigned kSlotDate = 2;        // YYYYMMDD, sortable
inline constexpr unsigned kSlotEntities = 3;    // EncodeEntities(): facet counting
inline constexpr unsigned kSlotSourceHash = 4;  // SourceStamp(): unchanged articles are skipped
inline constexpr unsigned kSlotLayout = 5;      // EncodeLayout(): paragraph kinds and lengths
inline constexpr unsigned kSlotSourceFile = 6;  // the source file's path (pruning)

// Positions: paragraph n (0 = title) word i (0-based) is at
// (n << kParagraphShift) + i + 1. Words past kMaxWordsPerParagraph of one
// paragraph, or paragraphs past kMaxParagraphs, are indexed without
// positions (still found, never in a phrase).
inline constexpr unsigned kParagraphShift = 13;
inline constexpr uint32_t kMaxWordsPerParagraph = (1u << kParagraphShift) - 1;
inline constexpr uint32_t kMaxParagraphs = (1u << (32 - kParagraphShift)) - 1;
inline Xapian::termpos PositionOf(uint32_t paragraph, uint32_t word) {
  return (paragraph << kParagraphShift) + word + 1;
}
inline uint32_t ParagraphOf(Xapian::termpos pos) { return (pos - 1) >> kParagraphShift; }

// Paragraph layout: for paragraph 1.. of the article, its kind and its
// number of words; what passage scoring needs without reading the text.
struct ParagraphShape {
  ParagraphKind kind = ParagraphKind::kBody;
  uint32_t words = 0;
};
std::string EncodeLayout(const std::vector<ParagraphShape>& shapes);
std::vector<ParagraphShape> DecodeLayout(std::string_view encoded);

// The stored document data: the article as indexed, enough to show any
// passage, the article view and its entities. Compact binary (tagged,
// length-prefixed fields), versioned by kSchemaVersion.
std::string EncodeStoredArticle(const Article& article);
// nullopt when |data| is not of this schema.
std::optional<Article> DecodeStoredArticle(std::string_view data);

// Short, fixed-length key for an article id (ids can exceed Xapian's term
// length limit): 16 hex digits of its 64-bit FNV-1a hash (ingest/hash.h).
std::string ArticleKey(std::string_view article_id);

// "type\tname\n" lines; what facet counting reads from an article.
std::string EncodeEntities(const std::vector<Entity>& entities);
std::vector<std::pair<EntityType, std::string_view>> DecodeEntities(std::string_view encoded);

// An author as the index keys it: the folded words of the name joined by
// single spaces ("Jen Chung" -> "jen chung"), so a lookup by one word can
// split the term without reading any document. At most 200 bytes (whole
// words), so that a list of twenty co-authors still makes a valid term.
std::string AuthorKey(std::string_view author);

// The English stemmer's language, shared by writer, query parser and
// highlighting.
inline constexpr char kStemLanguage[] = "english";

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_SCHEMA_H_
