// ReadOptions: what the reader of bundles accepts (size limits, zip-bomb
// guard) and which JSONL/JSON fields it reads. The one declaration of these
// defaults: the library (IndexOptions), the ingest module, and
// nsearch-index's command line and config file all take them from here.
#ifndef NSEARCH_READ_OPTIONS_H_
#define NSEARCH_READ_OPTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace nsearch {

struct ReadOptions {
  uint64_t max_file_bytes = 16ull << 20;    // one article: a file, archive member or JSONL line
  uint64_t max_archive_bytes = 1ull << 30;  // total expansion of one archive
  uint64_t max_archive_entries = 100000;
  double max_compression_ratio = 200.0;  // zip-bomb guard for archive members
  // JSONL/JSON field names, tried in order ("a.b" is a nested field).
  std::vector<std::string> title_fields = {"title", "headline"};
  std::vector<std::string> text_fields = {"text", "body", "content", "article"};
  std::vector<std::string> url_fields = {"url", "link"};
  std::vector<std::string> date_fields = {"date", "published", "pubdate", "timestamp"};
  std::vector<std::string> author_fields = {"author", "byline", "authors"};
  // The record's own id (a string or an integer): the article id is
  // "file:ID", so it stays put when other lines are added or deleted; a
  // record without one is "file:LINE".
  std::vector<std::string> id_fields = {"id", "url", "guid"};
};

}  // namespace nsearch

#endif  // NSEARCH_READ_OPTIONS_H_
