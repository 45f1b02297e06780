// JSON news dumps: JSONL/NDJSON (one article per line) and .json files.
#ifndef NSEARCH_INGEST_JSONL_H_
#define NSEARCH_INGEST_JSONL_H_

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "ingest/dispatch.h"

namespace nsearch::ingest {

// Fills |article|'s text, title, url, date and author from one JSON record
// using the field lists in |options| (first present, non-empty field wins;
// "a.b" names a nested field). Text may be a string or an array of strings
// (joined as paragraphs); authors a string, an array of strings or of
// {"name": ...} objects. Returns false and sets |*why| when the record is not
// an object or has no text.
bool RecordToArticle(const nlohmann::json& record, const IngestOptions& options,
                     RawArticle* article, std::string* why);

// The record's own id from options.id_fields (first string or integer value,
// control characters as '?'), or "" when it has none usable.
std::string RecordId(const nlohmann::json& record, const IngestOptions& options);

// Streams a JSONL dump from |in|, one article per non-blank line, id
// "<unit.id>:<RecordId>", or "<unit.id>:<line>" for a record without one. Broken lines are skipped
// (category "bad-line") and the rest continues; a line over options.max_file_bytes is skipped
// without being held in memory. Returns non-ok only when |in| fails.
Status ParseJsonl(const Unit& unit, ByteStream& in, const IngestOptions& options, Visitor& visitor);

// A whole .json document (already read): an object is one article (id
// unit.id), an array is one article per element (id "<unit.id>:<RecordId>",
// else "<unit.id>:<n>", 1-based).
void ParseJsonDocument(const Unit& unit, std::string_view bytes, const IngestOptions& options,
                       Visitor& visitor);

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_JSONL_H_
