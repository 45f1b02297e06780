// Archives (.tar, .tar.gz, .tgz, .tar.bz2, .tar.xz, .zip) and single
// compressed files (.gz, .bz2, .xz), read in place through libarchive: no
// member is ever written to disk.
#ifndef NSEARCH_INGEST_ARCHIVE_H_
#define NSEARCH_INGEST_ARCHIVE_H_

#include <string>
#include <string_view>

#include "ingest/dispatch.h"

namespace nsearch::ingest {

// Reads the archive at unit.source.file (|archive_size| bytes on disk). Each
// regular member is dispatched by its own name (id "<unit.id>:<member>"); a
// single compressed file by its name without the suffix (id unit.id).
// Guards, each a Skip naming the archive that stops reading it while keeping
// the members already reported: more than max_archive_entries members
// ("archive-limit"), more than max_archive_bytes expanded ("archive-limit"),
// an expansion ratio over max_compression_ratio once past 1 MiB ("zip-bomb"),
// a damaged or truncated stream ("corrupt-archive"). Returns non-ok only when
// the archive cannot be opened at all (also reported as a Skip).
Status ReadArchiveFile(const Unit& unit, uint64_t archive_size, bool single_compressed,
                       const IngestOptions& options, Visitor& visitor);

// The same over an in-memory archive.
void ReadArchiveFromMemory(const Unit& unit, std::string_view bytes, bool single_compressed,
                           const IngestOptions& options, Visitor& visitor);

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_ARCHIVE_H_
