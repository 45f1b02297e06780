#include "ingest/dispatch.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/archive.h"
#include "ingest/decode.h"
#include "ingest/hash.h"
#include "ingest/html.h"
#include "ingest/jsonl.h"
#include "ingest/sniff.h"

namespace nsearch::ingest {

namespace {

// Enough to sniff magic numbers, a BOM, a <meta charset> and a JSONL line.
constexpr size_t kHeadBytes = 64 << 10;

// Plain text keeps its lines; CRLF and lone CR become LF so paragraph
// splitting downstream sees one line ending.
void NormalizeNewlines(std::string* text) {
  if (text->find('\r') == std::string::npos) return;
  std::string out;
  out.reserve(text->size());
  for (size_t i = 0; i < text->size(); ++i) {
    char c = (*text)[i];
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < text->size() && (*text)[i + 1] == '\n') ++i;
    } else {
      out.push_back(c);
    }
  }
  *text = std::move(out);
}

bool Blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

// A .json file is JSONL when its first line is a complete JSON object;
// otherwise one document (pretty-printed, or an array on one line).
bool FirstLineIsRecord(std::string_view head) {
  size_t nl = head.find('\n');
  if (nl == std::string_view::npos) return false;
  std::string_view first = head.substr(0, nl);
  if (first.substr(0, 3) == "\xEF\xBB\xBF") first.remove_prefix(3);
  const size_t start = first.find_first_not_of(" \t\r");
  if (start == std::string_view::npos || first[start] != '{') return false;
  std::string clean;
  SanitizeUtf8(first, &clean);
  return nlohmann::json::accept(clean);
}

void EmitDecoded(const Unit& unit, Format format, std::string&& bytes, Visitor& visitor) {
  RawArticle article;
  article.id = unit.id;
  article.source = unit.source;
  article.source.size = bytes.size();
  article.source.content_hash = ContentHash(bytes);
  std::string declared = format == Format::kHtml ? DeclaredCharset(bytes) : "";
  Decoded decoded = DecodeOwned(std::move(bytes), declared);
  article.source.encoding = std::move(decoded.encoding);
  article.source.invalid_bytes = decoded.invalid_bytes;
  if (format == Format::kHtml) {
    ParseHtml(decoded.text, &article);
    if (article.blocks.empty()) {
      Report(visitor, unit.id, "no article text in HTML page", skip::kEmpty);
      return;
    }
  } else {
    article.text = std::move(decoded.text);
    NormalizeNewlines(&article.text);
    const std::string ext = Extension(unit.name);
    article.markdown = ext == ".md" || ext == ".markdown";
    if (Blank(article.text)) {
      Report(visitor, unit.id, "empty file (whitespace only)", skip::kEmpty);
      return;
    }
  }
  visitor.OnArticle(std::move(article));
}

std::string TooLargeReason(uint64_t size, uint64_t limit) {
  return "file too large (" + HumanBytes(size) + ", limit " + HumanBytes(limit) +
         ", --max-file-size)";
}

}  // namespace

void Report(Visitor& visitor, std::string where, std::string_view reason, const char* category) {
  std::string clean;
  SanitizeUtf8(reason, &clean);
  for (char& c : clean) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  visitor.OnSkip(Skip{std::move(where), std::move(clean), category});
}

std::string HumanBytes(uint64_t bytes) {
  char buf[48];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof(buf), "%llu bytes", static_cast<unsigned long long>(bytes));
  } else if (bytes < (1ull << 20)) {
    std::snprintf(buf, sizeof(buf), "%.1f KiB", bytes / 1024.0);
  } else if (bytes < (1ull << 30)) {
    std::snprintf(buf, sizeof(buf), "%.1f MiB", bytes / 1048576.0);
  } else {
    std::snprintf(buf, sizeof(buf), "%.1f GiB", bytes / 1073741824.0);
  }
  return buf;
}

Status ReadUnit(const Unit& unit, ByteStream& in, int64_t declared_size,
                const IngestOptions& options, Visitor& visitor) {
  Format format = FormatFromName(unit.name);
  if (unit.in_archive && (format == Format::kArchive || format == Format::kCompressed)) {
    Report(visitor, unit.id, "archive inside an archive is not read", skip::kUnsupported);
    return Status::Ok();
  }
  bool streamed = format == Format::kJsonl || format == Format::kJson;
  if (!streamed && declared_size > 0 &&
      static_cast<uint64_t>(declared_size) > options.max_file_bytes) {
    Report(visitor, unit.id, TooLargeReason(declared_size, options.max_file_bytes),
           skip::kTooLarge);
    return Status::Ok();
  }
  std::string bytes;
  bool over = false;
  if (Status s = ReadUpTo(in, kHeadBytes, &bytes, &over); !s.ok()) return s;
  if (bytes.empty()) {
    Report(visitor, unit.id, "empty file", skip::kEmpty);
    return Status::Ok();
  }
  if (std::string what = SniffBinary(bytes); !what.empty()) {
    Report(visitor, unit.id, "binary file (" + what + ")", skip::kBinary);
    return Status::Ok();
  }
  // A name without an extension is plain text unless its bytes say HTML or
  // JSON; an unknown extension must be one of those.
  if (format == Format::kUnknown || Extension(unit.name).empty()) {
    const Format sniffed = SniffTextFormat(bytes);
    if (sniffed != Format::kUnknown) format = sniffed;
  }
  if (format == Format::kUnknown) {
    Report(visitor, unit.id, "unsupported file type '" + Extension(unit.name) + "'",
           skip::kUnsupported);
    return Status::Ok();
  }
  if (format == Format::kJsonl || (format == Format::kJson && FirstLineIsRecord(bytes))) {
    PrefixedStream rest(bytes, in);
    return ParseJsonl(unit, rest, options, visitor);
  }
  if (over) {
    // Not yet at the end: read the rest into the same buffer, up to the limit.
    // Room for the final read that finds end of file, so the buffer is never
    // reallocated (which would briefly hold the file twice).
    if (declared_size > 0) bytes.reserve(static_cast<size_t>(declared_size) + kHeadBytes + 1);
    uint64_t room =
        options.max_file_bytes > bytes.size() ? options.max_file_bytes - bytes.size() : 0;
    if (Status s = ReadUpTo(in, room, &bytes, &over); !s.ok()) return s;
    if (over) {
      Report(visitor, unit.id, TooLargeReason(bytes.size(), options.max_file_bytes),
             skip::kTooLarge);
      return Status::Ok();
    }
  }
  if (format == Format::kJson) {
    ParseJsonDocument(unit, bytes, options, visitor);
  } else {
    EmitDecoded(unit, format, std::move(bytes), visitor);
  }
  return Status::Ok();
}

void ParseBuffer(std::string_view name, std::string_view bytes, const IngestOptions& options,
                 Visitor& visitor) {
  Unit unit;
  unit.id = std::string(name);
  unit.name = std::string(name);
  unit.source.file = std::string(name);
  Format format = FormatFromName(name);
  if (format == Format::kArchive || format == Format::kCompressed) {
    ReadArchiveFromMemory(unit, bytes, format == Format::kCompressed, options, visitor);
    return;
  }
  MemoryStream in(bytes);
  Status s = ReadUnit(unit, in, static_cast<int64_t>(bytes.size()), options, visitor);
  (void)s;  // memory cannot fail to read
}

}  // namespace nsearch::ingest
