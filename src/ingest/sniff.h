// Format detection: by file name first (what the user named it), then by the
// first bytes (binary magic numbers, HTML, JSON) when the name says nothing.
#ifndef NSEARCH_INGEST_SNIFF_H_
#define NSEARCH_INGEST_SNIFF_H_

#include <string>
#include <string_view>

namespace nsearch::ingest {

enum class Format {
  kText,        // .txt .text .md .markdown, or no extension (sniffed first)
  kHtml,        // .html .htm .xhtml
  kJsonl,       // .jsonl .ndjson (.json is sniffed: see ParseJson)
  kJson,        // .json: JSONL, or one JSON object/array per file
  kArchive,     // .tar .tar.gz .tgz .tar.bz2 .tbz2 .tar.xz .txz .zip
  kCompressed,  // .gz .bz2 .xz: one compressed file, dispatched by inner name
  kUnknown,
};

// Classifies |name| by its extension, case-insensitively.
Format FormatFromName(std::string_view name);

// "a/b.txt.gz" -> "a/b.txt": the name a single compressed file had.
std::string StripCompressionSuffix(std::string_view name);

// The lower-cased extension with its dot (".txt"), or "" if none.
std::string Extension(std::string_view name);

// What |head| (the first bytes of a file) is if it is not text, as a noun
// phrase for a skip reason ("PNG image", "ELF executable", "NUL bytes"), or
// an empty string if it looks like text. UTF-16/32 with a BOM is text.
std::string SniffBinary(std::string_view head);

// For files whose name says nothing: HTML (<!doctype html, <html), JSON (an
// object opening with a key, an array of objects, arrays or strings) or
// nothing known.
Format SniffTextFormat(std::string_view head);

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_SNIFF_H_
