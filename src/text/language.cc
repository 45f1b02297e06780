#include "text/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>

namespace CLD2 {
// Declared in CLD2's internal lang_script.h, which its public headers leave
// out; libcld2 exports it.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace nsearch::text {
namespace {

constexpr size_t kMaxDetectBytes = 16 * 1024;

}  // namespace

const std::vector<LanguageInfo>& Languages() {
  static const std::vector<LanguageInfo> languages = {
      {"en", "English", "english"}, {"de", "German", "german"},
      {"fr", "French", "french"},   {"es", "Spanish", "spanish"},
      {"it", "Italian", "italian"}, {"pt", "Portuguese", "portuguese"},
      {"nl", "Dutch", "dutch"},     {"sv", "Swedish", "swedish"},
      {"da", "Danish", "danish"},   {"no", "Norwegian", "norwegian"},
      {"fi", "Finnish", "finnish"}, {"ru", "Russian", "russian"},
      {"uk", "Ukrainian", "none"},
  };
  return languages;
}

const LanguageInfo* FindLanguage(std::string_view code) {
  for (const auto& l : Languages())
    if (l.code == code) return &l;
  return nullptr;
}

std::string LanguageCodes() {
  std::string out;
  for (const auto& l : Languages()) {
    if (!out.empty()) out += ", ";
    out += l.code;
  }
  return out;
}

Detection DetectLanguage(std::string_view text) {
  Detection d;
  if (text.size() > kMaxDetectBytes) {
    // Cut at a code point boundary.
    size_t cut = kMaxDetectBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double scores3[3];
  int valid_prefix = 0;
  const CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), true, &hints, 0, language3, percent3, scores3,
      nullptr, &d.text_bytes, &d.reliable, &valid_prefix);
  d.detected = CLD2::LanguageCode(top);
  d.percent = percent3[0];
  if (!d.reliable || d.text_bytes < kMinDetectBytes || d.percent < kMinDetectPercent) return d;
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
