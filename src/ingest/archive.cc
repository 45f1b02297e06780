#include "ingest/archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>

#include "ingest/decode.h"
#include "ingest/sniff.h"

namespace nsearch::ingest {

namespace {

// Below this much output a high ratio is normal (a small file of repeated
// text compresses 1000:1), so the ratio guard only starts counting here.
constexpr uint64_t kRatioFloor = 1 << 20;
constexpr size_t kReadBlock = 1 << 16;

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_read_free)>;

ArchivePtr NewReader(bool single_compressed) {
  ArchivePtr a(archive_read_new(), &archive_read_free);
  archive_read_support_filter_all(a.get());
  if (single_compressed) {
    // "x.gz" is usually one compressed file; a gzipped tar still reads as tar.
    archive_read_support_format_tar(a.get());
    archive_read_support_format_raw(a.get());
  } else {
    archive_read_support_format_all(a.get());
  }
  return a;
}

std::string ErrorOf(archive* a) {
  const char* e = archive_error_string(a);
  return e && *e ? e : "unknown error";
}

// Tracks expansion against the archive's limits.
class Budget {
 public:
  Budget(const IngestOptions& options, uint64_t archive_size)
      : options_(options), archive_size_(std::max<uint64_t>(archive_size, 1)) {}

  // Checks that |expanded| bytes of output from |consumed| bytes of input
  // (-1: unknown, use the archive size) stay within the limits.
  Status Check(uint64_t expanded, int64_t consumed) {
    if (expanded > options_.max_archive_bytes) {
      category_ = skip::kArchiveLimit;
      return Status::TooLarge("archive expands beyond " + HumanBytes(options_.max_archive_bytes) +
                              " (--max-archive-size); rest of archive skipped");
    }
    uint64_t in = consumed > 0 ? std::min<uint64_t>(consumed, archive_size_) : archive_size_;
    if (expanded > kRatioFloor && expanded > options_.max_compression_ratio * in) {
      category_ = skip::kZipBomb;
      char ratio[64];
      std::snprintf(ratio, sizeof(ratio), "%.0f:1 (limit %.0f:1)",
                    static_cast<double>(expanded) / in, options_.max_compression_ratio);
      return Status::TooLarge(std::string("compression ratio ") + ratio +
                              ": possible zip bomb; rest of archive skipped");
    }
    return Status::Ok();
  }

  Status Add(uint64_t bytes, int64_t consumed) {
    expanded_ += bytes;
    return Check(expanded_, consumed);
  }

  uint64_t expanded() const { return expanded_; }
  void set_expanded(uint64_t e) { expanded_ = e; }
  const char* category() const { return category_; }

 private:
  const IngestOptions& options_;
  uint64_t archive_size_;
  uint64_t expanded_ = 0;
  const char* category_ = skip::kCorrupt;
};

class MemberStream : public ByteStream {
 public:
  MemberStream(archive* a, Budget* budget) : a_(a), budget_(budget) {}
  Result<size_t> Read(char* buf, size_t n) override {
    for (int retries = 0;; ++retries) {
      la_ssize_t got = archive_read_data(a_, buf, n);
      if (got == ARCHIVE_RETRY && retries < 3) continue;
      if (got < 0) return Status::Corruption("archive damaged or truncated: " + ErrorOf(a_));
      if (Status s = budget_->Add(got, archive_filter_bytes(a_, -1)); !s.ok()) return s;
      return static_cast<size_t>(got);
    }
  }

 private:
  archive* a_;
  Budget* budget_;
};

// Resource forks and macOS metadata that zip tools add: never articles.
bool IsJunkMember(const std::string& name) {
  if (name.rfind("__MACOSX/", 0) == 0) return true;
  size_t slash = name.find_last_of('/');
  std::string_view base = std::string_view(name).substr(slash == std::string::npos ? 0 : slash + 1);
  return base.rfind("._", 0) == 0 || base == ".DS_Store";
}

std::string MemberName(archive_entry* entry) {
  const char* utf8 = archive_entry_pathname_utf8(entry);
  const char* raw = archive_entry_pathname(entry);
  std::string name;
  // Member names become ids that are printed and stored: valid UTF-8, one line.
  SanitizeUtf8(utf8 ? utf8 : raw ? raw : "", &name);
  for (char& c : name) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  while (name.rfind("./", 0) == 0) name.erase(0, 2);
  return name;
}

Unit MemberUnit(const Unit& archive_unit, const std::string& name, bool single) {
  Unit m;
  m.source = archive_unit.source;
  m.in_archive = true;
  if (single) {
    m.id = archive_unit.id;
    m.name = StripCompressionSuffix(archive_unit.name);
  } else {
    m.id = archive_unit.id + ":" + name;
    m.name = name;
    m.source.member = name;
  }
  return m;
}

void ReadMembers(archive* a, const Unit& unit, uint64_t archive_size, bool single,
                 const IngestOptions& options, Visitor& visitor) {
  Budget budget(options, archive_size);
  uint64_t entries = 0;
  int files = 0;
  int retries = 0;
  for (;;) {
    archive_entry* entry = nullptr;
    int r = archive_read_next_header(a, &entry);
    if (r == ARCHIVE_EOF) break;
    if (r == ARCHIVE_RETRY && ++retries < 3) continue;
    if (r < ARCHIVE_WARN) {
      Report(visitor, unit.id,
             "archive damaged or truncated: " + ErrorOf(a) +
                 (files ? "; members before the damage were kept" : ""),
             skip::kCorrupt);
      return;
    }
    if (++entries > options.max_archive_entries) {
      Report(visitor, unit.id,
             "more than " + std::to_string(options.max_archive_entries) +
                 " entries (--max-archive-entries); rest of archive skipped",
             skip::kArchiveLimit);
      return;
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    std::string name = MemberName(entry);
    if (!single && IsJunkMember(name)) continue;
    ++files;
    Unit member = MemberUnit(unit, name, single);
    int64_t declared = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
    uint64_t before = budget.expanded();
    Status s = Status::Ok();
    // The member's compressed bytes are not read yet: judge against the whole
    // archive's size rather than the bytes consumed so far.
    if (declared > 0) s = budget.Check(before + declared, -1);
    if (s.ok()) {
      MemberStream in(a, &budget);
      s = ReadUnit(member, in, declared, options, visitor);
    }
    if (!s.ok()) {
      const char* category = s.code() == StatusCode::kTooLarge ? budget.category() : skip::kCorrupt;
      Report(visitor, member.id, s.message(), category);
      return;
    }
    // What was left unread is skipped by libarchive; it still counts.
    if (declared > 0) budget.set_expanded(std::max<uint64_t>(budget.expanded(), before + declared));
  }
  if (files == 0) Report(visitor, unit.id, "empty archive (no files)", skip::kEmpty);
}

}  // namespace

Status ReadArchiveFile(const Unit& unit, uint64_t archive_size, bool single_compressed,
                       const IngestOptions& options, Visitor& visitor) {
  ArchivePtr a = NewReader(single_compressed);
  if (archive_read_open_filename(a.get(), unit.source.file.c_str(), kReadBlock) != ARCHIVE_OK) {
    int err = archive_errno(a.get());
    if (err == ENOENT) {
      Report(visitor, unit.id, "vanished while indexing", skip::kVanished);
      return Status::NotFound(unit.id + ": vanished while indexing");
    }
    const char* category = err == EACCES || err == EPERM ? skip::kUnreadable : skip::kCorrupt;
    std::string reason =
        (category == skip::kUnreadable ? "unreadable: " : "not a readable archive: ") +
        ErrorOf(a.get());
    Report(visitor, unit.id, reason, category);
    return Status::IOError(unit.id + ": " + reason);
  }
  ReadMembers(a.get(), unit, archive_size, single_compressed, options, visitor);
  return Status::Ok();
}

void ReadArchiveFromMemory(const Unit& unit, std::string_view bytes, bool single_compressed,
                           const IngestOptions& options, Visitor& visitor) {
  if (bytes.empty()) {
    Report(visitor, unit.id, "empty file", skip::kEmpty);
    return;
  }
  ArchivePtr a = NewReader(single_compressed);
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    Report(visitor, unit.id, "not a readable archive: " + ErrorOf(a.get()), skip::kCorrupt);
    return;
  }
  ReadMembers(a.get(), unit, bytes.size(), single_compressed, options, visitor);
}

}  // namespace nsearch::ingest
