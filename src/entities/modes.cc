// How a paragraph is read (ScanMode) and whether it is a results line; the
// declarations are in scan.h.
#include <string>
#include <string_view>
#include <vector>

#include "entities/scan.h"

namespace nsearch::entities {
namespace {

// Called per token several times: compare by length first.
bool IsSmallWord(const std::string& k) {
  switch (k.size()) {
    case 1:
      return k[0] == 'a' || k[0] == 'v';
    case 2:
      return k == "of" || k == "an" || k == "in" || k == "on" || k == "at" || k == "to" ||
             k == "by" || k == "as" || k == "vs" || k == "or" || k == "is";
    case 3:
      return k == "the" || k == "and" || k == "for";
    case 4:
      return k == "with" || k == "from";
    default:
      return false;
  }
}

}  // namespace

ScanMode ModeFor(const std::vector<Token>& tokens, std::string_view text, ParagraphKind kind) {
  int words = 0, caps = 0, content = 0, numbers = 0, commas = 0;
  for (const Token& t : tokens) {
    if (t.IsPunct(',')) ++commas;
    if (t.IsPunct(':') || t.IsPunct(';') || t.IsPunct('(')) commas += 2;
    if (!t.Is(kWord)) continue;
    ++words;
    if (t.Is(kNumber)) {
      ++numbers;
      continue;
    }
    if (t.Is(kCap))
      ++caps;
    else if (!IsSmallWord(t.key))
      ++content;
  }
  int all_caps = 0;
  for (const Token& t : tokens) all_caps += t.Is(kWord) && t.Is(kAllCaps);
  if (all_caps * 2 >= words - numbers && MostlyUpper(text) && numbers * 2 < words) {
    return ScanMode::kAllCaps;
  }
  if (kind == ParagraphKind::kHeading && numbers == 0) return ScanMode::kRestricted;
  if (tokens.empty() || numbers > 0 || words > 12 || caps < 2 || commas >= 2) {
    return ScanMode::kNormal;
  }
  const Token& last = tokens.back();
  if (!last.Is(kWord) && (last.punct == '.' || last.punct == '!' || last.punct == ':' ||
                          last.punct == '"' || last.punct == 0x201D)) {
    return ScanMode::kNormal;
  }
  return caps >= 2 && content * 4 <= caps ? ScanMode::kRestricted : ScanMode::kNormal;
}

bool IsTableLine(const std::vector<Token>& tokens) {
  int numbers = 0, lower = 0;
  for (const Token& t : tokens) {
    if (!t.Is(kWord)) continue;
    if (t.Is(kNumber))
      ++numbers;
    else if (!t.Is(kCap) && !IsSmallWord(t.key))
      ++lower;
  }
  return numbers >= 2 && lower <= numbers;
}

}  // namespace nsearch::entities
