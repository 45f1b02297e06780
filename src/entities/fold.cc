#include "entities/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>

namespace nsearch::entities {
namespace {

const icu::Normalizer2* Nfkd() {
  static const icu::Normalizer2* nfkd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfkd;
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
  if (!error) out->append(buf, len);
}

bool IsEdgePunct(char c) {
  return !(std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80));
}

}  // namespace

void FoldWordInto(std::string_view word, std::string* out) {
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) & 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    for (char c : word)
      out->push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return;
  }
  // Slow path: NFKD, drop combining marks, fold case, map curly quotes.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString d;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = Nfkd();
  if (nfkd) {
    nfkd->normalize(u, d, status);
  }
  if (!nfkd || U_FAILURE(status)) d = u;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) continue;
    switch (c) {
      case 0x2018:
      case 0x2019:
      case 0x201A:
      case 0x201B:
      case 0x00B4:
      case 0x0060:
        out->push_back('\'');
        continue;
      case 0x201C:
      case 0x201D:
      case 0x201E:
        out->push_back('"');
        continue;
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2014:
        out->push_back('-');
        continue;
      case 0x00DF:  // sharp s folds to "ss" like u_foldCase does
        out->append("ss");
        continue;
      default:
        break;
    }
    AppendUtf8(u_foldCase(c, U_FOLD_CASE_DEFAULT), out);
  }
}

std::string FoldKey(std::string_view utf8) {
  std::string folded;
  folded.reserve(utf8.size());
  FoldWordInto(utf8, &folded);
  // Collapse whitespace.
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  auto trim = [](std::string& s) {
    size_t b = 0, e = s.size();
    while (b < e && IsEdgePunct(s[b])) ++b;
    while (e > b && IsEdgePunct(s[e - 1])) --e;
    s = s.substr(b, e - b);
  };
  trim(out);
  if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) {
    out.resize(out.size() - 2);
    trim(out);
  } else if (out.size() > 2 && out.back() == '\'' && out[out.size() - 2] == 's') {
    out.pop_back();
  }
  trim(out);
  return out;
}

namespace {

// Unifies the usual Latin transliterations of Slavic and Arabic names, applied
// to one folded word ("zelenskyy" -> "zelensky", "mohammed" -> "muhamed").
std::string TranslitWord(std::string w) {
  std::string o;
  o.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    char n = i + 1 < w.size() ? w[i + 1] : '\0';
    if (c == n && c != 'y' && c != 'i') continue;  // double letters (ss, ll, mm)
    if (c == 'k' && n == 'h') {
      o.push_back('h');
      ++i;
      continue;
    }
    if (c == 'o' && n == 'u') {
      o.push_back('u');
      ++i;
      continue;
    }
    if (c == 'c' && n == 'k') {
      o.push_back('k');
      ++i;
      continue;
    }
    if (c == 'p' && n == 'h') {
      o.push_back('f');
      ++i;
      continue;
    }
    if (c == 'j' && (n == 'a' || n == 'u' || n == 'e')) {
      o.push_back('y');
      continue;
    }
    if (c == 'w') {
      o.push_back('v');
      continue;
    }
    if (c == 'e' && n == 'i' && i > 0) {
      o.push_back('i');
      ++i;
      continue;
    }
    o.push_back(c);
  }
  // Endings: -iy, -yy, -ii, -ij, -yi -> y
  static const char* kEnds[] = {"iy", "yy", "ii", "ij", "yi"};
  for (const char* e : kEnds) {
    if (o.size() > 3 && o.compare(o.size() - 2, 2, e) == 0) {
      o.resize(o.size() - 2);
      o.push_back('y');
      break;
    }
  }
  for (char& c : o) {
    if (c == 'y' && &c != &o.front()) c = 'i';
  }
  return o;
}

}  // namespace

std::string TranslitKey(std::string_view utf8) {
  std::string f = FoldKey(utf8);
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out.push_back(' ');
    out += TranslitWord(word);
    word.clear();
  };
  for (char c : f) {
    if (c == ' ') {
      flush();
    } else if (c == '.' || c == '-' || c == '\'') {
      if (c == '-') flush();
    } else {
      word.push_back(c);
    }
  }
  flush();
  return out;
}

std::vector<std::string_view> SplitNonEmpty(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace nsearch::entities
