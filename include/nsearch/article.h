// The article model: what ingest produces, segment fills in, entities enrich
// and index stores. One Article is one news story, wherever it came from (a
// .txt file, an archive member, a JSONL line).
#ifndef NSEARCH_ARTICLE_H_
#define NSEARCH_ARTICLE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch {

// What a paragraph is. Only body, heading and caption are searched by default;
// credit and boilerplate are stored (so --include-boilerplate can find them)
// but never searched, highlighted or mined for entities by default.
enum class ParagraphKind { kBody, kHeading, kCaption, kCredit, kBoilerplate };

std::string_view KindName(ParagraphKind kind);
// Returns false when |name| is not one of the names KindName produces.
bool ParseKind(std::string_view name, ParagraphKind* kind);
// Body, heading and caption: the kinds searched, highlighted and mined for
// entities by default (the one place that decides it).
bool IsSearchable(ParagraphKind kind);

struct Paragraph {
  int n = 0;  // 1-based ordinal among the article's paragraphs (title is 0)
  ParagraphKind kind = ParagraphKind::kBody;
  std::string text;  // UTF-8, whitespace collapsed, one line
};

enum class EntityType { kPerson, kPlace, kOrg };
std::string_view EntityTypeName(EntityType type);  // "person", "place", "org"

struct Entity {
  EntityType type = EntityType::kPerson;
  std::string name;                   // canonical across the index
  std::vector<std::string> mentions;  // distinct surface forms in this article
  int count = 0;                      // mentions in this article
};

// A direct quote in a body paragraph (quotes/quotes.h): what was said and,
// when the article says so, who said it.
struct Quote {
  std::string speaker;  // canonical person name (Entity::name); empty: unattributed
  std::string text;     // the words inside the quotation marks
  int paragraph = 0;    // Paragraph::n of the paragraph holding it
  // Byte range of |text| in that paragraph's text.
  size_t begin = 0, end = 0;
};

// Where an article's text came from, for incremental re-indexing and errors.
struct SourceInfo {
  std::string file;    // file on disk (the bundle file, archive or JSONL)
  std::string member;  // archive member or JSONL line number; empty if none
  uint64_t size = 0;   // bytes of the article's raw text
  int64_t mtime = 0;   // seconds since epoch of |file|
  uint64_t content_hash = 0;
  int invalid_bytes = 0;  // bytes replaced by U+FFFD while decoding
  std::string encoding;   // detected source encoding ("UTF-8", "ISO-8859-1"...)
};

struct Article {
  // Stable id: the file path, plus ":member" inside an archive or ":line" in a
  // JSONL dump. This is also what results print as the article's location.
  std::string id;
  std::string title;
  bool title_derived = false;  // true when no title line existed
  std::string date;            // ISO 8601 (YYYY-MM-DD...) when known
  std::string author;
  std::string url;
  std::vector<Paragraph> paragraphs;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;  // in reading order; empty without entities
  // ISO 639-1 code of the language its words are stemmed in
  // (text/language.h); empty until detected, which counts as English.
  std::string language;
  SourceInfo source;
};

}  // namespace nsearch

#endif  // NSEARCH_ARTICLE_H_
