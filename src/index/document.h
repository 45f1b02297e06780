// index/document: an Article as its Xapian document (schema.h). A pure
// function of the article — no database — so worker threads build documents
// while one writer replaces and commits them.
#ifndef NSEARCH_INDEX_DOCUMENT_H_
#define NSEARCH_INDEX_DOCUMENT_H_

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "index/data_dictionary.h"
#include "nsearch/article.h"
#include "text/normalize.h"

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
// With |dictionary|, the document data is compressed against it
// (index/data_dictionary.h).
BuiltArticle BuildDocument(const Article& article, const DataDictionary* dictionary = nullptr);

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

// The files a run read, in reading order, kept until the run's end records
// them (Writer::RecordFile): about 30 bytes a file where their FileRecords
// took about 115 (14 MB of string for the speed benchmark's 86,000 files).
// A path is kept as the length of the prefix it shares with the one before
// it (a walk reads a directory's files one after another) and the rest;
// the stamp as varints.
class ReadFiles {
 public:
  void Add(std::string_view path, uint64_t size, int64_t mtime_ns, uint64_t inode);
  // Calls |f|(path, FileRecord) for each file, in the order added.
  void ForEach(const std::function<void(const std::string&, const std::string&)>& f) const;
  size_t size() const { return count_; }
  // The bytes held.
  size_t bytes() const { return bytes_.size(); }
  // Frees the memory.
  void Clear();

 private:
  std::string bytes_;
  std::string last_;  // the path added last
  size_t count_ = 0;
};
// A file read with skips (the whole file, or lines or members of it): its
// FileRecord, then one line per skip, so that the next run, finding the file
// unchanged, reports the same skips without reading it again.
struct RecordedSkip {
  std::string where, reason, category;
};
std::string FileRecordWithSkips(const std::string& record, const std::vector<RecordedSkip>& skips);
// A stored record split into its FileRecord and the skips after it.
std::string FileRecordStamp(const std::string& stored);
std::vector<RecordedSkip> FileRecordSkips(const std::string& stored);

// The stem of a folded word in the language |code| (text/language.h), as
// the index spells it: that language's Snowball stemmer, after French and
// Italian elisions ("l'accord" -> "accord"); Ukrainian and unknown codes
// keep the word as it is, English being the default. Russian is stemmed from
// |original|, the word as written, when given: Fold() writes Cyrillic in
// Latin letters, which the Russian stemmer cannot read, so the stem is
// taken in Cyrillic and then folded ("переговорах" -> "peregovor"); without
// it a Russian word stays as folded. Thread-safe; cached per thread: the
// reference holds until the thread's next Stem call.
const std::string& Stem(const std::string& folded_word, std::string_view code = "en",
                        std::string_view original = {});

// The word as written in |text| for |token| (its bytes), for Stem().
std::string_view Original(std::string_view text, const text::Token& token);

// The word's stems in each of the languages |codes| (English when empty),
// distinct: what a query over articles of those languages asks for.
std::vector<std::string> StemsIn(const std::string& folded_word,
                                 const std::vector<std::string>& codes,
                                 std::string_view original = {});

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_DOCUMENT_H_
