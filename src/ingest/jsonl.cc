#include "ingest/jsonl.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/dates.h"
#include "ingest/decode.h"
#include "ingest/hash.h"

namespace nsearch::ingest {

namespace {

using nlohmann::json;

const json* Field(const json& rec, const std::string& name) {
  auto it = rec.find(name);
  if (it != rec.end()) return &*it;
  if (name.find('.') == std::string::npos) return nullptr;
  const json* cur = &rec;
  size_t start = 0;
  for (;;) {
    size_t dot = name.find('.', start);
    if (!cur->is_object()) return nullptr;
    auto next = cur->find(name.substr(start, dot == std::string::npos ? dot : dot - start));
    if (next == cur->end()) return nullptr;
    cur = &*next;
    if (dot == std::string::npos) return cur;
    start = dot + 1;
  }
}

// A string, or a string found under |key| in an object ({"name": "..."}).
std::string StringOf(const json& v, const char* key) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    auto it = v.find(key);
    if (it != v.end() && it->is_string()) return it->get<std::string>();
  }
  return "";
}

// Strings, arrays of strings and arrays of objects, joined by |sep|.
std::string JoinedText(const json& v, const char* key, const char* sep) {
  if (!v.is_array()) return StringOf(v, key);
  std::string out;
  for (const json& item : v) {
    std::string s = StringOf(item, key);
    if (s.empty()) continue;
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string DateOf(const json& v) {
  if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) return "";
  if (v.is_number_integer() || v.is_number_unsigned()) {
    int64_t n = v.get<int64_t>();
    return FormatEpoch(n > 100000000000LL ? n / 1000 : n);
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (!std::isfinite(d) || std::fabs(d) > 1e13) return "";
    return FormatEpoch(static_cast<int64_t>(d));
  }
  return NormalizeDate(StringOf(v, "date"));
}

// The first field in |names| with a non-empty value, converted by |get|.
template <typename Get>
std::string First(const json& rec, const std::vector<std::string>& names, Get get) {
  for (const std::string& name : names) {
    const json* f = Field(rec, name);
    if (f == nullptr || f->is_null()) continue;
    std::string s = get(*f);
    if (!s.empty()) return s;
  }
  return "";
}

std::string FieldList(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Real news records nest a few levels; parsing a hostile "[[[[..." costs
// ~80 bytes of heap per level (and recursion in nlohmann's serializer), so
// deeper input is refused before parsing.
constexpr int kMaxJsonDepth = 256;

bool TooDeep(std::string_view s) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

// "[json.exception.parse_error.101] parse error at line 1, column 9: ..." ->
// "parse error at column 9: ...": the line is already in Skip::where.
std::string ShortParseError(const std::string& what) {
  std::string s = what;
  size_t bracket = s.find("] ");
  if (bracket != std::string::npos) s = s.substr(bracket + 2);
  size_t at = s.find("at line 1, ");
  if (at != std::string::npos) s.erase(at + 3, 8);
  return s;
}

// Longer "ids" are text that happens to sit in an id field, not a key.
constexpr size_t kMaxIdBytes = 512;

// |position| is the record's line or element number ("" for a whole-file
// document): where a skip is reported, and the id suffix when the record has
// no id of its own.
void EmitRecord(const Unit& unit, const std::string& position, const json& rec,
                std::string_view raw, int invalid, const IngestOptions& options, Visitor& visitor) {
  RawArticle article;
  std::string why;
  if (!RecordToArticle(rec, options, &article, &why)) {
    Report(visitor, position.empty() ? unit.id : unit.id + ":" + position, why, skip::kBadLine);
    return;
  }
  std::string suffix = position.empty() ? "" : RecordId(rec, options);
  if (suffix.empty()) suffix = position;
  article.id = suffix.empty() ? unit.id : unit.id + ":" + suffix;
  article.source = unit.source;
  if (!suffix.empty()) {
    article.source.member = unit.source.member.empty() ? suffix : unit.source.member + ":" + suffix;
  }
  if (raw.empty()) {
    uint64_t h = kFnvOffset;
    for (const std::string* f :
         {&article.title, &article.text, &article.date, &article.author, &article.url}) {
      h = ContentHash(*f, ContentHash(std::string_view("\0", 1), h));
    }
    article.source.size = article.text.size();
    article.source.content_hash = h;
  } else {
    article.source.size = raw.size();
    article.source.content_hash = ContentHash(raw);
  }
  article.source.invalid_bytes = invalid;
  article.source.encoding = "UTF-8";
  visitor.OnArticle(std::move(article));
}

}  // namespace

std::string RecordId(const json& rec, const IngestOptions& options) {
  if (!rec.is_object()) return "";
  for (const std::string& name : options.id_fields) {
    const json* f = Field(rec, name);
    if (f == nullptr) continue;
    std::string id;
    if (f->is_string()) {
      id = f->get<std::string>();
    } else if (f->is_number_integer() || f->is_number_unsigned()) {
      id = f->dump();
    }
    for (char& c : id)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
    id.erase(0, id.find_first_not_of(' '));
    id.erase(id.find_last_not_of(' ') + 1);
    if (!id.empty() && id.size() <= kMaxIdBytes) return id;
  }
  return "";
}

bool RecordToArticle(const json& rec, const IngestOptions& options, RawArticle* article,
                     std::string* why) {
  if (!rec.is_object()) {
    *why = std::string("not a JSON object (") + rec.type_name() + ")";
    return false;
  }
  article->text =
      First(rec, options.text_fields, [](const json& v) { return JoinedText(v, "text", "\n\n"); });
  if (article->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    *why = "no text (tried fields: " + FieldList(options.text_fields) + ")";
    return false;
  }
  article->title =
      First(rec, options.title_fields, [](const json& v) { return JoinedText(v, "text", " "); });
  article->url = First(rec, options.url_fields, [](const json& v) { return StringOf(v, "href"); });
  article->date = First(rec, options.date_fields, DateOf);
  article->author =
      First(rec, options.author_fields, [](const json& v) { return JoinedText(v, "name", ", "); });
  return true;
}

Status ParseJsonl(const Unit& unit, ByteStream& in, const IngestOptions& options,
                  Visitor& visitor) {
  LineReader lines(in, options.max_file_bytes);
  std::string line, clean;
  bool too_long = false;
  uint64_t length = 0;
  int records = 0;
  while (lines.Next(&line, &too_long, &length)) {
    std::string n = std::to_string(lines.line_number());
    std::string where = unit.id + ":" + n;
    if (too_long) {
      Report(visitor, where,
             "line too long (" + HumanBytes(length) + ", limit " +
                 HumanBytes(options.max_file_bytes) + ", --max-file-size)",
             skip::kTooLarge);
      ++records;
      continue;
    }
    std::string_view raw = line;
    if (lines.line_number() == 1 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    ++records;
    int invalid = SanitizeUtf8(raw, &clean);
    if (TooDeep(clean)) {
      Report(visitor, where, "broken JSON line: nested deeper than 256 levels", skip::kBadLine);
      continue;
    }
    json rec;
    try {
      rec = json::parse(clean);
    } catch (const json::exception& e) {
      Report(visitor, where, "broken JSON line: " + ShortParseError(e.what()), skip::kBadLine);
      continue;
    }
    EmitRecord(unit, n, rec, raw, invalid, options, visitor);
  }
  if (!lines.status().ok()) return lines.status();
  if (records == 0) Report(visitor, unit.id, "empty file (no JSON lines)", skip::kEmpty);
  return Status::Ok();
}

void ParseJsonDocument(const Unit& unit, std::string_view bytes, const IngestOptions& options,
                       Visitor& visitor) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string clean;
  int invalid = SanitizeUtf8(bytes, &clean);
  if (TooDeep(clean)) {
    Report(visitor, unit.id, "broken JSON: nested deeper than 256 levels", skip::kBadLine);
    return;
  }
  json doc;
  try {
    doc = json::parse(clean);
  } catch (const json::exception& e) {
    Report(visitor, unit.id, "broken JSON: " + ShortParseError(e.what()), skip::kBadLine);
    return;
  }
  if (!doc.is_array()) {
    EmitRecord(unit, "", doc, bytes, invalid, options, visitor);
    return;
  }
  if (doc.empty()) Report(visitor, unit.id, "empty file (empty JSON array)", skip::kEmpty);
  int n = 0;
  for (const json& rec : doc) {
    ++n;
    // One element's raw bytes are not at hand: size and hash cover the
    // fields the article was made from (see EmitRecord).
    EmitRecord(unit, std::to_string(n), rec, {}, 0, options, visitor);
  }
}

}  // namespace nsearch::ingest
