// ingest: turns bundle paths (directories, files, archives, JSONL dumps) into
// RawArticles decoded to UTF-8. Reports every file it cannot use as a Skip with
// a one-line reason; one bad file never stops a walk.
#ifndef NSEARCH_INGEST_SOURCE_H_
#define NSEARCH_INGEST_SOURCE_H_

#include <sys/stat.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/article.h"
#include "nsearch/read_options.h"
#include "nsearch/status.h"

namespace nsearch::ingest {

// A block of text already known to be one paragraph (HTML <p>, <h2>...).
struct Block {
  std::string text;
  bool heading = false;
};

struct RawArticle {
  std::string id;             // stable id: path, path:member, path:line
  std::string text;           // UTF-8; plain-text formats: title line + paragraphs
  std::vector<Block> blocks;  // when non-empty, used instead of |text|
  std::string title;          // set by structured formats (JSONL, HTML); else empty
  std::string date;           // ISO 8601 when the format has one
  std::string author;
  std::string url;
  bool markdown = false;  // .md/.markdown: "# Title" lines are headings
  SourceInfo source;
};

// Skip::category values, for end-of-run summaries ("3 skipped: 2 binary, 1
// empty"). docs/ingest.md lists the reasons behind each.
namespace skip {
inline constexpr char kNotFound[] = "not-found";       // input path missing
inline constexpr char kEmpty[] = "empty";              // no bytes / no text
inline constexpr char kBinary[] = "binary";            // image, executable...
inline constexpr char kTooLarge[] = "too-large";       // over max_file_bytes
inline constexpr char kUnsupported[] = "unsupported";  // unknown file type
inline constexpr char kUnreadable[] = "unreadable";    // permission, I/O error
inline constexpr char kVanished[] = "vanished";        // deleted mid-walk
inline constexpr char kSymlinkLoop[] = "symlink-loop";
inline constexpr char kBrokenLink[] = "broken-link";      // dangling symlink
inline constexpr char kSpecial[] = "special";             // FIFO, socket, device
inline constexpr char kBadLine[] = "bad-line";            // JSONL line unusable
inline constexpr char kCorrupt[] = "corrupt-archive";     // truncated/damaged
inline constexpr char kArchiveLimit[] = "archive-limit";  // expansion/entries
inline constexpr char kZipBomb[] = "zip-bomb";            // compression ratio
}  // namespace skip

// Why a file, member or line was not indexed.
struct Skip {
  std::string where;     // "dump.jsonl:17", "a.tar.gz:2025/x.txt", "/x/y.bin"
  std::string reason;    // one line: "binary file (ELF executable)"
  std::string category;  // short key for summary counts: "binary", "too-large"...
};

// Limits and JSONL field names (declared once, in nsearch/read_options.h).
using IngestOptions = ::nsearch::ReadOptions;

class Visitor {
 public:
  virtual ~Visitor() = default;
  virtual void OnArticle(RawArticle&& article) = 0;
  virtual void OnSkip(const Skip& skip) = 0;
  // Asked for each regular file just before it would be opened (after the
  // checks that need no reading: empty, too large): true leaves it unread,
  // as an incremental run does with a file unchanged since it was indexed.
  virtual bool Unchanged(const std::string& /*path*/, const struct stat& /*st*/) { return false; }
};

// Walks |inputs| (files or directories, recursively), calling |visitor| for
// each article found and each thing skipped. Returns non-ok only when an input
// path itself does not exist or cannot be read at all (also reported as a
// Skip); a bad file inside a directory is a Skip, not an error.
Status Walk(const std::vector<std::string>& inputs, const IngestOptions& options, Visitor& visitor);

// Parses one in-memory file named |name| exactly as Walk would parse a file
// of that name and content: format from the name's extension (then sniffing),
// decoding, archives read from memory. Ids start with |name|; mtime is 0.
// Never fails: everything unusable is reported to |visitor| as a Skip. This
// is the fuzzing entry point and is handy for tests.
void ParseBuffer(std::string_view name, std::string_view bytes, const IngestOptions& options,
                 Visitor& visitor);

}  // namespace nsearch::ingest
#endif  // NSEARCH_INGEST_SOURCE_H_
