// text/language: language detection with CLD2 (declared in language.h; in
// a file of its own so that only the indexer links libcld2).
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>  // before CLD2's header, which uses FILE without including it

#include "text/language.h"

// CLD2, after <cstdio> (above).
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace nsearch::text {
namespace {

constexpr size_t kMaxDetectBytes = 16 * 1024;

}  // namespace

Detection DetectLanguage(std::string_view text) {
  Detection d;
  if (text.size() > kMaxDetectBytes) {
    // Cut at a code point boundary.
    size_t cut = kMaxDetectBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  // CLD2's plain summary wants valid UTF-8: detect over the valid prefix.
  int32_t valid = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) break;
    valid = i;
  }
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  CLD2::DetectLanguageSummary(text.data(), valid, true, language3, percent3, &d.text_bytes,
                              &d.reliable);
  // The language of most of the text (CLD2's return value weighs by score:
  // for a match report of Italian names it said Italian with English at 61%).
  const CLD2::Language top = language3[0];
  d.detected = CLD2::LanguageCode(top);
  d.percent = percent3[0];
  if (!d.reliable || d.text_bytes < kMinDetectBytes || d.percent < kMinDetectPercent) return d;
  // An English story with a long list of foreign names (a team line-up) is
  // still English: a good share of English text keeps the default.
  for (int i = 1; i < 3; ++i)
    if (language3[i] == CLD2::ENGLISH && percent3[i] >= kMinEnglishPercent) return d;
  if (const LanguageInfo* l = FindLanguage(d.detected)) d.code = l->code;
  return d;
}

std::string_view ArticleLanguage(const Article& article) {
  std::string text = article.title;
  for (const Paragraph& p : article.paragraphs) {
    if (text.size() >= kMaxDetectBytes) break;
    if (p.kind != ParagraphKind::kBody && p.kind != ParagraphKind::kHeading) continue;
    text += '\n';
    text += p.text;
  }
  return DetectLanguage(text).code;
}

}  // namespace nsearch::text
