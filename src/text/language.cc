#include "text/language.h"

// The table of languages. Detection (CLD2) is in detect.cc, so that a
// program that only looks languages up, nsearch, does not load libcld2.

namespace nsearch::text {

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

}  // namespace nsearch::text
