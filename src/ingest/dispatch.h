// Internal: reading one unit (a file on disk, an archive member or an
// in-memory buffer) and dispatching it to the right format parser.
#ifndef NSEARCH_INGEST_DISPATCH_H_
#define NSEARCH_INGEST_DISPATCH_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/source.h"
#include "ingest/stream.h"

namespace nsearch::ingest {

// One thing to read and where it came from.
struct Unit {
  std::string id;     // "path" or "archive:member": the articles' id prefix
  std::string name;   // the name whose extension picks the format
  SourceInfo source;  // file, member, mtime filled by the caller
  bool in_archive = false;
};

// Reports a Skip. The reason is made one line of valid UTF-8 (it may quote
// parser or libarchive messages that carry raw bytes).
void Report(Visitor& visitor, std::string where, std::string_view reason, const char* category);

// "209715200 bytes" -> "200.0 MiB" style, for reasons a user reads.
std::string HumanBytes(uint64_t bytes);

// Reads |unit| from |in| and reports its articles and skips. |declared_size|
// is the size known before reading (stat, archive header) or -1. Returns
// non-ok only when |in| itself failed (I/O error, damaged or over-limit
// archive); articles reported before the failure stand, and reporting the
// failure is the caller's job.
Status ReadUnit(const Unit& unit, ByteStream& in, int64_t declared_size,
                const IngestOptions& options, Visitor& visitor);

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_DISPATCH_H_
