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
//  * Positions number the words of the title and then of each paragraph,
//    with a gap between paragraphs (kParagraphGap); with the layout value
//    (ParagraphStarts) a position says its paragraph, so passages are found
//    from positions alone.
//  * Hidden text, "XB" + stem: the words of boilerplate and credit
//    paragraphs, positional with wdf 0, so they match only when a query asks
//    for them (--include-boilerplate) and never lengthen the article.
//  * Title field, "S" + stem (wdf 1): `title:word`.
//  * Entities: EntityTerm(), "XP"/"XL"/"XO" + the key of the name's last
//    word + "\t" + canonical name, with wdf = mentions (filters; BM25 over
//    them ranks articles by how central the entity is; term frequency =
//    articles; a prefix scan on a typed last word lists the candidate names
//    without listing every name). Alias terms "XR" (EntityAliasTerm) keep
//    the surface forms seen for each name. Speakers "XQ" (QuoteSpeakerTerm):
//    the persons the article quotes.
//  * Boolean: article key "A" (unique: replace_document), author "XA",
//    source file "F", language "XG" + code (LanguageTerm).
//  * Values: article key (collapse), date, entities (facets), source stamp,
//    paragraph layout, when it was indexed, near-duplicate signature,
//    language.
//  * Languages: an article's words are stemmed with its language's stemmer
//    (text/language.h: the article's detected language, English when
//    unsure) and its stop words have no positions. The XG terms say which
//    languages the index holds, so a query is stemmed for each of them.
//  * Data: EncodeStoredArticle(): every paragraph with its kind, title, id,
//    date, author, url, source facts, quotes (entities are in their value
//    slot).
//    Glass compresses it.
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
// Mean words of an article's searchable text (title and searchable
// paragraphs), likewise: the length normalisation of proximity.
inline constexpr char kAvgArticleWordsKey[] = "nsearch.avg_article_words";
// The runs that wrote this index, newest last: one JSON object per line
// (Writer::RecordRun), at most kMaxRunRecords of them.
inline constexpr char kRunsKey[] = "nsearch.runs";
// One metadata entry per source file read cleanly by the last run that read
// it: key kFileRecordPrefix + ArticleKey(path), value FileRecord(): a later
// run leaves a file with the same record unread.
inline constexpr char kFileRecordPrefix[] = "nsearch.file.";
inline constexpr size_t kMaxRunRecords = 100;
// The languages of the index's articles, as codes joined by spaces ("de en
// uk"), written at the end of each run from the XG terms (for people and
// tools; searches read the XG terms, which also hold across shards).
inline constexpr char kLanguagesKey[] = "nsearch.languages";
// Every entity of each type with its article count, in --list order
// (index/entity_lists.h), written at the end of each run over the whole
// index: the header under this key, the names in pages of
// kEntityListPageSize under EntityListPageKey().
inline constexpr char kEntityListsKey[] = "nsearch.entity_lists";
inline constexpr size_t kEntityListPageSize = 100;
// kEntityListsKey + "." + type name + "." + page number ("nsearch.entity_lists.person.0").
std::string EntityListPageKey(EntityType type, size_t page);
// Xapian's limit on a term's length in bytes (prefix included).
inline constexpr size_t kMaxTermBytes = 245;

// Term prefixes.
inline constexpr std::string_view kPrefixArticle = "A";       // + ArticleKey(id), unique
inline constexpr std::string_view kPrefixTitle = "S";         // + stem of a title word
inline constexpr std::string_view kPrefixHidden = "XB";       // + stem, boilerplate/credit words
inline constexpr std::string_view kPrefixAuthor = "XA";       // + AuthorKey(author)
inline constexpr std::string_view kPrefixSourceFile = "F";    // + ArticleKey(source file)
inline constexpr std::string_view kPrefixEntityAlias = "XR";  // EntityAliasTerm()

inline constexpr std::string_view kPrefixLanguage = "XG";  // + language code (LanguageTerm)

// QuoteSpeakerTerm(): a person the article quotes.
inline constexpr std::string_view kPrefixQuoteSpeaker = "XQ";

// Extra wdf of each title word in the text terms (the title's field weight).
inline constexpr int kTitleWdf = 3;

// "XP", "XL", "XO": the prefix of every entity term of a type.
std::string_view EntityPrefix(EntityType type);
// EntityPrefix + key of the name's last word (entities::TranslitKey) + "\t"
// + canonical name; wdf = mentions in the article. Every name a typed name
// can resolve to ends with the typed name's last word, so a prefix scan on
// EntityTermPrefix(typed last word) lists the candidates.
std::string EntityTerm(EntityType type, std::string_view canonical);
std::string EntityTermPrefix(EntityType type, std::string_view last_word_key);
// The canonical name an entity term holds.
std::string_view EntityNameOfTerm(std::string_view term);
// "XR" + type letter + canonical + "\t" + surface form as written.
std::string EntityAliasTerm(EntityType type, std::string_view canonical, std::string_view surface);
std::string EntityAliasPrefix(EntityType type, std::string_view canonical);
// A person quoted in the article (Article::quotes, boolean): "XQ" + the
// same key and name as EntityTerm, so a typed last word lists the speakers
// it may mean with one prefix scan.
std::string QuoteSpeakerTerm(std::string_view canonical);
std::string QuoteSpeakerPrefix(std::string_view last_word_key);

// Value slots.
inline constexpr unsigned kSlotArticle = 0;     // ArticleKey: collapse key (one hit per article)
inline constexpr unsigned kSlotDate = 2;        // YYYYMMDD, sortable
inline constexpr unsigned kSlotEntities = 3;    // EncodeEntities(): facets, hits' entities
inline constexpr unsigned kSlotSourceHash = 4;  // SourceStamp(): unchanged articles are skipped
inline constexpr unsigned kSlotLayout = 5;      // EncodeLayout(): paragraphs, signature
// When the article was last written (added or changed), as
// Xapian::sortable_serialise(seconds since the epoch): "what is new since".
inline constexpr unsigned kSlotIndexed = 6;
// index/copies.h EncodeSignature(): the b-bit MinHash of the body's word
// shingles, 128 bytes; absent for a body too short to have one (and in
// indexes written before pipeline version 8; those written by version 8
// hold a 256-byte form, which reads as none). Articles written now keep it
// in the layout value (LayoutSignature), not here.
inline constexpr unsigned kSlotCopySignature = 7;
// The article's language code (text/language.h): "en", "de", ... An index
// written before languages has none there; its articles are English.
inline constexpr unsigned kSlotLanguage = 8;

// Positions: words are numbered from 1 through the title (paragraph 0),
// then through each paragraph in order, with kParagraphGap positions left
// between two paragraphs so that a phrase or NEAR/n (n < the gap) never
// spans two. Dense numbering keeps the position table small. The layout
// value says how long each paragraph is, hence where it starts.
inline constexpr uint32_t kParagraphGap = 32;
// Positions stop here (an absurd article); later words have none.
inline constexpr Xapian::termpos kMaxPosition = 1u << 31;

// Paragraph layout: the title (entry 0, kind heading) and each paragraph
// (entries 1..), with its kind and number of words (text::Tokenize): what
// passage scoring needs without reading the text.
struct ParagraphShape {
  ParagraphKind kind = ParagraphKind::kBody;
  uint32_t words = 0;
};
// The position of the first word of each entry of |layout|.
std::vector<Xapian::termpos> ParagraphStarts(const std::vector<ParagraphShape>& layout);
// The layout value. After the shapes comes an entry of kind 7, which no
// paragraph has, and the article's copy signature (index/copies.h
// EncodeSignature; empty for a body too short to have one), so that
// re-scoring the best matches reads both in one value. Articles written
// before keep their signature in kSlotCopySignature, and their layout has
// no such entry. DecodeLayout stops at it.
std::string EncodeLayout(const std::vector<ParagraphShape>& shapes, std::string_view signature);
std::vector<ParagraphShape> DecodeLayout(std::string_view encoded);
// The signature EncodeLayout put after the shapes (possibly empty), or
// nullopt for a layout written before (look in kSlotCopySignature).
std::optional<std::string_view> LayoutSignature(std::string_view encoded);

// The stored document data: the article as indexed, enough to show any
// passage, the article view and its entities. Compact binary (tagged,
// length-prefixed fields), versioned by kSchemaVersion.
std::string EncodeStoredArticle(const Article& article);
// nullopt when |data| is not of this schema.
std::optional<Article> DecodeStoredArticle(std::string_view data);

// Short, fixed-length key for an article id (ids can exceed Xapian's term
// length limit): 16 hex digits of its 64-bit FNV-1a hash (ingest/hash.h).
std::string ArticleKey(std::string_view article_id);

// "type\tname\tcount\n" lines: what facet counting reads from an article.
std::string EncodeEntities(const std::vector<Entity>& entities);
struct EntityRef {
  EntityType type;
  std::string_view name;
  int count = 0;
};
std::vector<EntityRef> DecodeEntities(std::string_view encoded);
// Calls |f|(EntityRef) for each entity of |encoded| (EncodeEntities), in
// order, without building a list: what DecodeEntities returns, one by one.
template <typename F>
void ForEachEntity(std::string_view encoded, F&& f) {
  while (!encoded.empty()) {
    const size_t nl = encoded.find('\n');
    std::string_view line = encoded.substr(0, nl);
    encoded = nl == std::string_view::npos ? std::string_view() : encoded.substr(nl + 1);
    if (line.size() < 3 || line[1] != '\t' || line[0] < '0' || line[0] > '2') continue;
    std::string_view name = line.substr(2);
    int count = 0;
    if (const size_t tab = name.rfind('\t'); tab != std::string_view::npos) {
      for (char c : name.substr(tab + 1))
        count = c >= '0' && c <= '9' ? count * 10 + (c - '0') : count;
      name = name.substr(0, tab);
    }
    f(EntityRef{static_cast<EntityType>(line[0] - '0'), name, count});
  }
}
// The entities (type, name, mentions count) of an article's document.
std::vector<Entity> DocumentEntities(const Xapian::Document& doc);

// An author as the index keys it: the folded words of the name joined by
// single spaces ("Jen Chung" -> "jen chung"), so a lookup by one word can
// split the term without reading any document. At most 200 bytes (whole
// words), so that a list of twenty co-authors still makes a valid term.
std::string AuthorKey(std::string_view author);

// The boolean term of articles in language |code|: "XG" + code.
std::string LanguageTerm(std::string_view code);
// The language codes of the index's articles (its XG terms), sorted; empty
// for an index written before languages (all English).
std::vector<std::string> IndexLanguages(const Xapian::Database& db);
// The same, each with its number of articles.
std::vector<std::pair<std::string, Xapian::doccount>> IndexLanguageCounts(
    const Xapian::Database& db);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_SCHEMA_H_
