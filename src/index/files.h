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

// A regular file mapped read-only, whole: its bytes without a copy (a read
// of 110 KB into fresh memory costs a short process ~90 us of page faults
// and copying, the mapping ~20 us). The file must not be cut short while
// mapped (its pages would fault): only for files that are replaced by a
// rename, never written in place, and only in short-lived processes.
class MappedFile {
 public:
  // nullopt when |path| is missing, unreadable, not a regular file, empty
  // or larger than |max_bytes|.
  static std::optional<MappedFile> Open(const std::string& path, size_t max_bytes);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;
  size_t size_ = 0;
};

// Writes |bytes| to |path|.new and renames it over |path|. With |durable|
// the new file is on the disk (fsync) before the rename, so a crash leaves
// the old file or the whole new one. The caller keeps other writers of
// |path| out (the index's lock, a file lock).
Status ReplaceFile(const std::string& path, std::string_view bytes, bool durable);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_FILES_H_
