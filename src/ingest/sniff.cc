#include "ingest/sniff.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace nsearch::ingest {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view BaseName(std::string_view name) {
  size_t slash = name.find_last_of('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct Magic {
  std::string_view bytes;
  size_t offset;
  std::string_view what;
};

using namespace std::string_view_literals;

constexpr std::array kMagics = {
    Magic{"\x89PNG\r\n\x1a\n"sv, 0, "PNG image"sv},
    Magic{"\xFF\xD8\xFF"sv, 0, "JPEG image"sv},
    Magic{"GIF87a"sv, 0, "GIF image"sv},
    Magic{"GIF89a"sv, 0, "GIF image"sv},
    Magic{"%PDF-"sv, 0, "PDF document"sv},
    Magic{"\x7F"
          "ELF"sv,
          0, "ELF executable"sv},
    Magic{"PK\x03\x04"sv, 0, "ZIP archive"sv},
    Magic{"\x1F\x8B"sv, 0, "gzip data"sv},
    Magic{"BZh"sv, 0, "bzip2 data"sv},
    Magic{"\xFD"
          "7zXZ\x00"sv,
          0, "xz data"sv},
    Magic{"7z\xBC\xAF\x27\x1C"sv, 0, "7-Zip archive"sv},
    Magic{"\x28\xB5\x2F\xFD"sv, 0, "zstd data"sv},
    Magic{"Rar!\x1A\x07"sv, 0, "RAR archive"sv},
    Magic{"RIFF"sv, 0, "RIFF media (WebP/WAV/AVI)"sv},
    Magic{"OggS"sv, 0, "Ogg media"sv},
    Magic{"ID3"sv, 0, "MP3 audio"sv},
    Magic{"fLaC"sv, 0, "FLAC audio"sv},
    Magic{"ftyp"sv, 4, "MP4/QuickTime media"sv},
    Magic{"\x1A\x45\xDF\xA3"sv, 0, "Matroska/WebM media"sv},
    Magic{"II*\x00"sv, 0, "TIFF image"sv},
    Magic{"MM\x00*"sv, 0, "TIFF image"sv},
    Magic{"\x00\x00\x01\x00"sv, 0, "ICO image"sv},
    Magic{"wOFF"sv, 0, "WOFF font"sv},
    Magic{"wOF2"sv, 0, "WOFF2 font"sv},
    Magic{"SQLite format 3\x00"sv, 0, "SQLite database"sv},
    Magic{"\xCA\xFE\xBA\xBE"sv, 0, "Java class / Mach-O binary"sv},
    Magic{"\xCF\xFA\xED\xFE"sv, 0, "Mach-O binary"sv},
    Magic{"\x00"
          "asm"sv,
          0, "WebAssembly module"sv},
    Magic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, 0, "MS Office (OLE) document"sv},
    Magic{"MZ"sv, 0, "Windows executable"sv},
};

}  // namespace

std::string Extension(std::string_view name) {
  std::string_view base = BaseName(name);
  size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return Lower(base.substr(dot));
}

Format FormatFromName(std::string_view name) {
  // Only the name's end is lowered: no suffix below is longer than this
  // (the walk asks for every file of the bundle on every run).
  constexpr size_t kLongestSuffix = 9;  // ".markdown"
  const std::string_view base = BaseName(name);
  const std::string tail = Lower(base.substr(base.size() - std::min(base.size(), kLongestSuffix)));
  for (std::string_view s : {".tar.gz"sv, ".tar.bz2"sv, ".tar.xz"sv, ".tar.zst"sv}) {
    if (EndsWith(tail, s)) return Format::kArchive;
  }
  const size_t dot = base.find_last_of('.');
  const size_t ext_size = dot == std::string_view::npos || dot == 0 ? 0 : base.size() - dot;
  if (ext_size > kLongestSuffix) return Format::kUnknown;
  const std::string_view ext = std::string_view(tail).substr(tail.size() - ext_size);
  if (ext.empty() || ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".markdown") {
    return Format::kText;
  }
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::kHtml;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonl;
  if (ext == ".json") return Format::kJson;
  if (ext == ".tar" || ext == ".tgz" || ext == ".tbz2" || ext == ".txz" || ext == ".zip") {
    return Format::kArchive;
  }
  if (ext == ".gz" || ext == ".bz2" || ext == ".xz") return Format::kCompressed;
  return Format::kUnknown;
}

std::string StripCompressionSuffix(std::string_view name) {
  std::string ext = Extension(name);
  if (ext == ".gz" || ext == ".bz2" || ext == ".xz") {
    return std::string(name.substr(0, name.size() - ext.size()));
  }
  return std::string(name);
}

std::string SniffBinary(std::string_view head) {
  // A BOM'd UTF-16/32 file is full of NUL bytes but is text.
  if (head.substr(0, 2) == "\xFF\xFE"sv || head.substr(0, 2) == "\xFE\xFF"sv ||
      head.substr(0, 4) == "\x00\x00\xFE\xFF"sv) {
    return "";
  }
  for (const Magic& m : kMagics) {
    if (head.size() >= m.offset + m.bytes.size() &&
        head.substr(m.offset, m.bytes.size()) == m.bytes) {
      // "MZ" and "ID3" also start ordinary words: require more evidence.
      if (m.bytes == "MZ"sv && head.find('\0') == std::string_view::npos) continue;
      if (m.bytes == "ID3"sv && (head.size() < 4 || static_cast<unsigned char>(head[3]) > 9)) {
        continue;
      }
      return std::string(m.what);
    }
  }
  std::string_view sample = head.substr(0, 8192);
  if (sample.find('\0') != std::string_view::npos) return "NUL bytes";
  // Text has few C0 controls besides tab, newline, form feed, carriage return
  // and escape; a sample full of them is some binary format we do not know.
  size_t controls = std::count_if(sample.begin(), sample.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B;
  });
  if (!sample.empty() && controls * 10 > sample.size()) return "control characters";
  return "";
}

Format SniffTextFormat(std::string_view head) {
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF"sv) i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  std::string start = Lower(head.substr(i, 64));
  if (start.rfind("<!doctype html", 0) == 0 || start.rfind("<html", 0) == 0) {
    return Format::kHtml;
  }
  // JSON opens an object with a key or an array with a value container
  // ("[Updated] ..." is a line of text).
  if (start.empty() || (start[0] != '{' && start[0] != '[')) return Format::kUnknown;
  const size_t next = start.find_first_not_of(" \t\r\n", 1);
  if (next == std::string::npos) return Format::kJson;
  const char c = start[next];
  const bool json =
      start[0] == '{' ? c == '"' || c == '}' : c == '{' || c == '[' || c == '"' || c == ']';
  return json ? Format::kJson : Format::kUnknown;
}

}  // namespace nsearch::ingest
