// Byte streams that ingest reads from: a file descriptor, a memory buffer or
// an archive member. Reading through one interface lets JSONL dumps stream
// line by line (memory stays bounded by the longest accepted line) and lets
// archive members be read in place without unpacking to disk.
#ifndef NSEARCH_INGEST_STREAM_H_
#define NSEARCH_INGEST_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "nsearch/status.h"

namespace nsearch::ingest {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to |n| bytes into |buf|. Returns 0 at end of stream; a non-ok
  // Result when the underlying source fails (I/O error, corrupt archive).
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// Reads from an open file descriptor, which it closes on destruction.
class FdStream : public ByteStream {
 public:
  explicit FdStream(int fd) : fd_(fd) {}
  ~FdStream() override;
  FdStream(const FdStream&) = delete;
  FdStream& operator=(const FdStream&) = delete;
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  int fd_;
};

class MemoryStream : public ByteStream {
 public:
  explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string_view bytes_;
};

// Reads bytes already taken from |rest| (a sniffed head) before |rest| itself.
class PrefixedStream : public ByteStream {
 public:
  PrefixedStream(std::string_view head, ByteStream& rest) : head_(head), rest_(rest) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string_view head_;
  ByteStream& rest_;
};

// Appends up to |limit| bytes from |in| to |out|. Sets |*over_limit| when the
// stream has more than |limit| bytes (|out| then holds |limit| + 1 bytes and
// the rest is left unread).
Status ReadUpTo(ByteStream& in, uint64_t limit, std::string* out, bool* over_limit);

// Splits a stream into lines ('\n', with a trailing '\r' removed). A line
// longer than |max_line| is not buffered: it is consumed and reported with
// |too_long| set and only its length known.
class LineReader {
 public:
  LineReader(ByteStream& in, uint64_t max_line) : in_(in), max_line_(max_line) {}
  // Returns false at end of input. On a stream error returns false and sets
  // status(); lines read before the error were already returned.
  bool Next(std::string* line, bool* too_long, uint64_t* length);
  int line_number() const { return line_number_; }
  const Status& status() const { return status_; }

 private:
  bool Fill();

  ByteStream& in_;
  uint64_t max_line_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  int line_number_ = 0;
  Status status_;
};

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_STREAM_H_
