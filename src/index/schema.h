// The Xapian schema, in one place: every term prefix and value slot nsearch
// writes or reads. Only src/index writes Xapian; src/search reads it.
//
// Documents:
//  * Passage: one per paragraph. Positional stemmed terms of its text; the
//    article's title stems ("S"); its kind ("K"); its article key ("A"); the
//    article's entities as boolean filter terms ("XP"/"XL"/"XO"); date ("D")
//    and author ("XA"). Data: JSON {id, title, n, kind, text, date, author}.
//  * Article record: one per article, marked "XTarticle". No free-text terms,
//    so text queries never match it. Entities with wdf = mentions ("EP"/"EL"/
//    "EO": term frequency = number of articles), source facts for incremental
//    runs. Data: JSON with id, title, source and entity details.
#ifndef NSEARCH_INDEX_SCHEMA_H_
#define NSEARCH_INDEX_SCHEMA_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nsearch/article.h"

namespace nsearch::index {

inline constexpr int kSchemaVersion = 1;
// Xapian's limit on a term's length in bytes (prefix included).
inline constexpr size_t kMaxTermBytes = 245;
inline constexpr char kSchemaVersionKey[] = "nsearch.schema";

// Term prefixes.
inline constexpr std::string_view kPrefixArticle = "A";     // + ArticleKey(id)
inline constexpr std::string_view kPrefixKind = "K";        // + KindName()
inline constexpr std::string_view kPrefixTitle = "S";       // + stemmed title word
inline constexpr std::string_view kPrefixDate = "D";        // + YYYYMMDD
inline constexpr std::string_view kPrefixAuthor = "XA";     // + AuthorKey(author)
inline constexpr std::string_view kPrefixSourceFile = "F";  // + FileKey(file), records only
inline constexpr std::string_view kRecordTerm = "XTarticle";

// Passage filter prefix (boolean) and record counting prefix (wdf = mentions).
std::string_view FilterPrefix(EntityType type);  // "XP", "XL", "XO"
std::string_view RecordPrefix(EntityType type);  // "EP", "EL", "EO"

// Value slots.
inline constexpr unsigned kSlotArticle = 0;     // ArticleKey: collapse key
inline constexpr unsigned kSlotParagraph = 1;   // sortable paragraph ordinal
inline constexpr unsigned kSlotDate = 2;        // YYYYMMDD, sortable
inline constexpr unsigned kSlotEntities = 3;    // EncodeEntities(), passages
inline constexpr unsigned kSlotSourceHash = 4;  // content hash + schema, records

// Short, fixed-length key for an article id (ids can exceed Xapian's term
// length limit): 16 hex digits of a 64-bit FNV-1a hash.
std::string ArticleKey(std::string_view article_id);

// "type\tname\n" lines; what facet counting reads from a passage.
std::string EncodeEntities(const std::vector<Entity>& entities);
std::vector<std::pair<EntityType, std::string_view>> DecodeEntities(std::string_view encoded);

// An author as the index keys it: the folded words of the name joined by
// single spaces ("Jen Chung" -> "jen chung"), so a lookup by one word can
// split the term without reading any document. At most 200 bytes (whole
// words), so that a list of twenty co-authors still makes a valid term.
std::string AuthorKey(std::string_view author);

// 64-bit FNV-1a.
uint64_t Hash64(std::string_view bytes);

// The English stemmer's language, shared by writer and query parser.
inline constexpr char kStemLanguage[] = "english";

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_SCHEMA_H_
