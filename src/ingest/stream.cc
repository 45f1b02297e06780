#include "ingest/stream.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace nsearch::ingest {

namespace {
constexpr size_t kChunk = 1 << 16;
}  // namespace

FdStream::~FdStream() {
  if (fd_ >= 0) close(fd_);
}

Result<size_t> FdStream::Read(char* buf, size_t n) {
  for (;;) {
    ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    return Status::IOError(std::strerror(errno));
  }
}

Result<size_t> MemoryStream::Read(char* buf, size_t n) {
  size_t take = std::min(n, bytes_.size());
  std::memcpy(buf, bytes_.data(), take);
  bytes_.remove_prefix(take);
  return take;
}

Result<size_t> PrefixedStream::Read(char* buf, size_t n) {
  if (!head_.empty()) {
    size_t take = std::min(n, head_.size());
    std::memcpy(buf, head_.data(), take);
    head_.remove_prefix(take);
    return take;
  }
  return rest_.Read(buf, n);
}

Status ReadUpTo(ByteStream& in, uint64_t limit, std::string* out, bool* over_limit) {
  *over_limit = false;
  const size_t start = out->size();
  for (;;) {
    uint64_t have = out->size() - start;
    if (have > limit) {
      *over_limit = true;
      return Status::Ok();
    }
    // Read at most one byte past the limit: enough to know it was exceeded.
    size_t want = static_cast<size_t>(std::min<uint64_t>(kChunk, limit + 1 - have));
    size_t old = out->size();
    out->resize(old + want);
    Result<size_t> got = in.Read(out->data() + old, want);
    if (!got.ok()) {
      out->resize(old);
      return got.status();
    }
    out->resize(old + *got);
    if (*got == 0) return Status::Ok();
  }
}

bool LineReader::Fill() {
  if (eof_ || !status_.ok()) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  if (buf_.capacity() < old + kChunk) {
    // Grow geometrically but never past what one line may hold, so a huge
    // line costs at most max_line bytes, not the next power of two.
    // Past 1 MiB, reserve the whole allowance at once: untouched pages cost
    // nothing, and no reallocation ever holds two copies of a long line.
    uint64_t cap = std::max<uint64_t>(2 * buf_.capacity(), old + kChunk);
    if (cap > (1u << 20)) cap = max_line_ + 2 * kChunk;
    buf_.reserve(static_cast<size_t>(std::min<uint64_t>(cap, max_line_ + 2 * kChunk)));
  }
  buf_.resize(old + kChunk);
  Result<size_t> got = in_.Read(buf_.data() + old, kChunk);
  if (!got.ok()) {
    buf_.resize(old);
    status_ = got.status();
    return false;
  }
  buf_.resize(old + *got);
  if (*got == 0) eof_ = true;
  return *got > 0;
}

bool LineReader::Next(std::string* line, bool* too_long, uint64_t* length) {
  uint64_t discarded = 0;  // bytes of an over-long line already thrown away
  size_t scanned = 0;      // bytes after pos_ known to hold no '\n'
  bool at_end = false;
  size_t nl = std::string::npos;
  for (;;) {
    nl = buf_.find('\n', pos_ + scanned);
    if (nl != std::string::npos) break;
    scanned = buf_.size() - pos_;
    if (discarded > 0 || scanned > max_line_) {
      // Over-long line: drop what we hold (and the memory it took) and keep
      // looking for its end one chunk at a time.
      if (discarded == 0) {
        buf_.clear();
        buf_.shrink_to_fit();
      }
      discarded += scanned;
      buf_.clear();
      pos_ = 0;
      scanned = 0;
    }
    if (!Fill()) {
      at_end = true;
      break;
    }
  }
  size_t end = at_end ? buf_.size() : nl;
  if (at_end) {
    // A damaged stream's partial last line is not a line; an empty tail is none.
    if (!status_.ok() || (end == pos_ && discarded == 0)) return false;
  }
  ++line_number_;
  *length = discarded + (end - pos_);
  *too_long = discarded > 0 || *length > max_line_;
  if (*too_long) {
    line->clear();
  } else {
    line->assign(buf_, pos_, end - pos_);
    if (!line->empty() && line->back() == '\r') line->pop_back();
  }
  pos_ = at_end ? buf_.size() : nl + 1;
  return true;
}

}  // namespace nsearch::ingest
