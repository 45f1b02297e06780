// index/files: small files of the index directory read whole and replaced
// whole (stubs, the data dictionary's copy, saved searches): a reader finds
// the old file or the new one, never half of either.
#ifndef NSEARCH_INDEX_FILES_H_
#define NSEARCH_INDEX_FILES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "nsearch/status.h"

namespace nsearch::index {

// The regular file |path| whole, with one read call for a small one;
// nullopt when it is missing, unreadable, not a regular file or larger than
// |max_bytes|.
std::optional<std::string> ReadSmallFile(const std::string& path, size_t max_bytes);

// Writes |bytes| to |path|.new and renames it over |path|. With |durable|
// the new file is on the disk (fsync) before the rename, so a crash leaves
// the old file or the whole new one. The caller keeps other writers of
// |path| out (the index's lock, a file lock).
Status ReplaceFile(const std::string& path, std::string_view bytes, bool durable);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_FILES_H_
