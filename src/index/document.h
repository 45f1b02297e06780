// index/document: an Article as its Xapian document (schema.h). A pure
// function of the article — no database — so worker threads build documents
// while one writer replaces and commits them.
#ifndef NSEARCH_INDEX_DOCUMENT_H_
#define NSEARCH_INDEX_DOCUMENT_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "nsearch/article.h"

namespace nsearch::index {

struct BuiltArticle {
  std::string id;
  std::string key;  // ArticleKey(id); the unique "A" term is kPrefixArticle + key
  // Where the article came from and its date (kSlotDate: YYYYMMDD, "" for
  // none): what a sharded index splits by (index/shards.h).
  std::string source_file;
  std::string date;
  Xapian::Document doc;
  // Distinct folded words of the searchable text, for the spelling table
  // (suggestions, trailing wildcards). Words with digits are left out.
  std::vector<std::string> words;
  int64_t paragraphs = 0;
};

// Builds the article's document: text, hidden, title, entity, author and
// source terms; values; the stored data. Terms longer than Xapian allows
// (one absurd word, a 40-word "name") are left out, never an error.
BuiltArticle BuildDocument(const Article& article);

// The folded words of |article|'s searchable text as BuildDocument lists
// them (for removing an old version's words from the spelling table).
std::vector<std::string> SpellingWords(const Article& article);

// What an unchanged article's document holds in kSlotSourceHash: content
// hash, schema version and pipeline version, so an upgrade re-indexes.
std::string SourceStamp(uint64_t content_hash);

// A source file as the index remembers it (kFileRecordPrefix): size, mtime
// (ns), inode, schema and pipeline version, then a tab and the path.
std::string FileRecord(const std::string& path, uint64_t size, int64_t mtime_ns, uint64_t inode);
// The path a FileRecord names.
std::string FileRecordPath(const std::string& record);

// The stem of a folded word, as the index spells it (thread-safe; cached
// per thread).
const std::string& Stem(const std::string& folded_word);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_DOCUMENT_H_
