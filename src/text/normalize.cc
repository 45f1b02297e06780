#include "text/normalize.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace nsearch::text {
namespace {

// ICU objects are costly to build; one per thread keeps Tokenize thread-safe.
struct IcuState {
  const icu::Normalizer2* nfkc_cf = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  std::unique_ptr<icu::BreakIterator> words;
  IcuState() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    nfd = icu::Normalizer2::getNFDInstance(status);
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) words.reset();
  }
};

IcuState& State() {
  thread_local IcuState state;
  return state;
}

// Latin transliteration of other scripts (Cyrillic, Greek, Arabic...), built
// on first use in a thread: costly to build, and most text never needs it.
icu::Transliterator* ToLatin() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Any-Latin", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return t.get();
}

bool HasNonLatinLetter(const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED)
      return true;
  }
  return false;
}

bool IsAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Keeps letters, digits and apostrophes between them; drops the rest.
std::string FoldAscii(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = in[i];
    if (IsAsciiWordByte(c)) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else if (c == '\'' && !out.empty() && out.back() != '\'' && i + 1 < in.size() &&
               IsAsciiWordByte(in[i + 1])) {
      out.push_back('\'');
    }
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

bool IsApostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07;
}

}  // namespace

namespace {

// Case folding, accents removed, apostrophes between letters kept as "'",
// everything but letters and digits dropped.
icu::UnicodeString FoldUnicode(const icu::UnicodeString& src) {
  IcuState& st = State();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = st.nfkc_cf->normalize(src, status);
  icu::UnicodeString decomposed = st.nfd->normalize(folded, status);
  if (U_FAILURE(status)) decomposed = src;
  icu::UnicodeString kept;
  const int32_t n = decomposed.length();
  for (int32_t i = 0; i < n;) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (IsApostrophe(c)) {
      // Only between word characters, as in "trump's".
      if (kept.length() > 0 && i < n && u_isalnum(decomposed.char32At(i)) &&
          kept.char32At(kept.length() - 1) != '\'')
        kept.append(static_cast<UChar32>('\''));
      continue;
    }
    if (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) kept.append(c);
  }
  return kept;
}

}  // namespace

std::string Fold(std::string_view utf8) {
  if (IsAscii(utf8)) return FoldAscii(utf8);
  icu::UnicodeString kept = FoldUnicode(icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))));
  // Other scripts are written in Latin letters, so "Путин" is "putin" at
  // index and query time alike (scripts without a Latin transliteration,
  // such as Chinese, are kept as they are by Any-Latin's rules).
  if (HasNonLatinLetter(kept)) {
    if (icu::Transliterator* t = ToLatin()) {
      t->transliterate(kept);
      kept = FoldUnicode(kept);
    }
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

namespace {

// Word_Break classes the fast tokenizer tells apart (UAX #29).
enum class Wb : uint8_t {
  kOther,
  kLetter,
  kNumeric,
  kMidLetter,
  kMidNum,
  kMidNumLetQ,
  kExtendNumLet,
  kComplex
};

// The class of |c|. kComplex: anything whose rules (or ICU's statuses for
// them) the fast path does not reproduce — dictionary scripts, Hebrew (and
// with it the double quote rules), Katakana, emoji sequences, regional
// indicators, combining and format marks — so the whole text goes to ICU.
Wb WordBreakClass(UChar32 c) {
  if (c < 0x80) {
    // ICU's word rules count '@' as a letter (e-mail addresses stay one word).
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return Wb::kLetter;
    if (c >= '0' && c <= '9') return Wb::kNumeric;
    switch (c) {
      case ',':
      case ';':
        return Wb::kMidNum;
      case '.':
      case '\'':
        return Wb::kMidNumLetQ;
      case '_':
        return Wb::kExtendNumLet;
      default:
        return Wb::kOther;
    }
  }
  if (c < 0) return Wb::kOther;  // ill-formed UTF-8: U+FFFD
  // Emoji and symbols such as (c) only join after a ZWJ, which is complex.
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
      u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT)
    return Wb::kComplex;
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return Wb::kComplex;
    default:
      break;
  }
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      return Wb::kLetter;
    case U_WB_NUMERIC:
      return Wb::kNumeric;
    case U_WB_MIDLETTER:
      // ICU's rules leave the colons out of MidLetter ("a:b" is two words).
      return c == 0xFE55 || c == 0xFF1A ? Wb::kOther : Wb::kMidLetter;
    case U_WB_MIDNUM:
      return Wb::kMidNum;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
      return Wb::kMidNumLetQ;
    case U_WB_EXTENDNUMLET:  // beyond '_': U+202F, U+203F... (ICU's statuses vary)
    case U_WB_EXTEND:        // combining marks: decomposed text, Indic scripts
    case U_WB_FORMAT:        // soft hyphens, invisible separators
    case U_WB_KATAKANA:
    case U_WB_HEBREW_LETTER:
    case U_WB_REGIONAL_INDICATOR:
    case U_WB_DOUBLE_QUOTE:
    case U_WB_E_BASE:
    case U_WB_E_BASE_GAZ:
    case U_WB_E_MODIFIER:
    case U_WB_GLUE_AFTER_ZWJ:
    case U_WB_ZWJ:
      return Wb::kComplex;
    default:
      return Wb::kOther;
  }
}

// One code point of the text: where it is and its class.
struct Cp {
  int32_t byte;
  Wb wb;
};

// The code points of |utf8| with their classes, and a sentinel entry at
// the end. False when a class the fast path does not handle occurs.
bool Classify(std::string_view utf8, std::vector<Cp>* cps) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    const Wb wb = WordBreakClass(c);
    if (wb == Wb::kComplex) return false;
    cps->push_back({at, wb});
  }
  cps->push_back({n, Wb::kOther});
  return true;
}

bool IsWordStart(Wb wb) {
  return wb == Wb::kLetter || wb == Wb::kNumeric || wb == Wb::kExtendNumLet;
}

// No boundary between two adjacent classes: WB5, WB8, WB9, WB10, WB13a,
// WB13b. (WB6/7 and WB11/12, across one middle mark, are in Tokenize.)
bool Joins(Wb a, Wb b) {
  const bool alnum_a = a == Wb::kLetter || a == Wb::kNumeric;
  const bool alnum_b = b == Wb::kLetter || b == Wb::kNumeric;
  if (alnum_a && alnum_b) return true;
  if (b == Wb::kExtendNumLet && IsWordStart(a)) return true;
  return a == Wb::kExtendNumLet && alnum_b;
}

}  // namespace

namespace {

// The fast path's word tokens of |cps| (Classify), as code point ranges
// [i, j]: |emit| is called with each (it keeps the ones whose fold is not
// empty).
template <typename Emit>
void ForEachFastToken(const std::vector<Cp>& cps, Emit emit) {
  const size_t last = cps.size() - 1;  // the end sentinel
  for (size_t i = 0; i < last;) {
    if (!IsWordStart(cps[i].wb)) {
      ++i;
      continue;
    }
    size_t j = i;  // the token's last code point so far
    while (j + 1 < last) {
      const Wb a = cps[j].wb, b = cps[j + 1].wb, c = cps[j + 2].wb;  // cps[last] is a sentinel
      if (Joins(a, b)) {
        ++j;
      } else if (a == Wb::kLetter && c == Wb::kLetter &&
                 (b == Wb::kMidLetter || b == Wb::kMidNumLetQ)) {
        j += 2;  // WB6, WB7: "U.S", "don't"
      } else if (a == Wb::kNumeric && c == Wb::kNumeric &&
                 (b == Wb::kMidNum || b == Wb::kMidNumLetQ)) {
        j += 2;  // WB11, WB12: "1,000", "3.14"
      } else {
        break;
      }
    }
    // A run of underscores alone is punctuation to ICU, not a word.
    bool word = false;
    for (size_t k = i; k <= j && !word; ++k) word = cps[k].wb != Wb::kExtendNumLet;
    if (word) emit(i, j);
    i = j + 1;
  }
}

}  // namespace

std::vector<Token> Tokenize(std::string_view utf8) {
  std::vector<Cp> cps;  // entry k is code point k
  cps.reserve(utf8.size() + 1);
  if (!Classify(utf8, &cps)) return TokenizeWithIcu(utf8);
  std::vector<Token> tokens;
  ForEachFastToken(cps, [&](size_t i, size_t j) {
    Token t;
    t.byte_begin = static_cast<uint32_t>(cps[i].byte);
    t.byte_end = static_cast<uint32_t>(cps[j + 1].byte);
    t.begin = static_cast<int32_t>(i);
    t.end = static_cast<int32_t>(j + 1);
    t.term = Fold(utf8.substr(t.byte_begin, t.byte_end - t.byte_begin));
    if (!t.term.empty()) tokens.push_back(std::move(t));
  });
  return tokens;
}

std::vector<std::pair<int32_t, int32_t>> TokenSpans(std::string_view utf8) {
  std::vector<Cp> cps;
  cps.reserve(utf8.size() + 1);
  std::vector<std::pair<int32_t, int32_t>> spans;
  if (!Classify(utf8, &cps)) {
    for (const Token& t : TokenizeWithIcu(utf8)) spans.emplace_back(t.begin, t.end);
    return spans;
  }
  ForEachFastToken(cps, [&](size_t i, size_t j) {
    const std::string_view piece =
        utf8.substr(cps[i].byte, static_cast<size_t>(cps[j + 1].byte - cps[i].byte));
    // A token's fold is empty only when nothing in it is a letter or digit
    // as Fold keeps them: an ASCII token needs no folding to tell.
    const bool kept = IsAscii(piece) ? std::any_of(piece.begin(), piece.end(),
                                                   [](char c) { return IsAsciiWordByte(c); })
                                     : !Fold(piece).empty();
    if (kept) spans.emplace_back(static_cast<int32_t>(i), static_cast<int32_t>(j + 1));
  });
  return spans;
}

std::vector<Token> TokenizeWithIcu(std::string_view utf8) {
  std::vector<Token> tokens;
  IcuState& st = State();
  if (!st.words || utf8.empty()) return tokens;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  st.words->setText(u);
  // Map UTF-16 offsets back to code points and bytes of the INPUT as we walk
  // forward. U8_NEXT consumes an ill-formed sequence exactly as fromUTF8 did
  // when it turned it into one U+FFFD, so both walks stay in step even on
  // invalid UTF-8.
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n_bytes = static_cast<int32_t>(utf8.size());
  int32_t u16_pos = 0, cp_pos = 0, byte_pos = 0;
  auto advance_to = [&](int32_t target) {
    while (u16_pos < target && byte_pos < n_bytes) {
      UChar32 c;
      U8_NEXT(bytes, byte_pos, n_bytes, c);
      u16_pos += c < 0 ? 1 : U16_LENGTH(c);
      ++cp_pos;
    }
  };
  int32_t start = st.words->first();
  for (int32_t end = st.words->next(); end != icu::BreakIterator::DONE;
       start = end, end = st.words->next()) {
    if (st.words->getRuleStatus() == UBRK_WORD_NONE) continue;
    advance_to(start);
    Token t;
    t.begin = cp_pos;
    t.byte_begin = static_cast<uint32_t>(byte_pos);
    advance_to(end);
    t.end = cp_pos;
    t.byte_end = static_cast<uint32_t>(byte_pos);
    std::string piece;
    u.tempSubStringBetween(start, end).toUTF8String(piece);
    t.term = Fold(piece);
    if (!t.term.empty()) tokens.push_back(std::move(t));
  }
  return tokens;
}

std::vector<size_t> CodePointStarts(std::string_view utf8) {
  // U8_NEXT, as in Tokenize: an ill-formed sequence is one code point.
  std::vector<size_t> starts;
  starts.reserve(utf8.size() + 1);
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    starts.push_back(static_cast<size_t>(i));
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
  }
  starts.push_back(utf8.size());
  return starts;
}

int32_t CodePointCount(std::string_view utf8) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t count = 0;
  for (int32_t i = 0; i < n; ++count) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
  }
  return count;
}

size_t ByteOffsetOfCodePoint(std::string_view utf8, int32_t cp) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  for (int32_t seen = 0; i < n && seen < cp; ++seen) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
  }
  return static_cast<size_t>(i);
}

std::string CollapseSpace(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    size_t len = 1;
    bool space = false;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
    } else if (c >= 0x80) {
      UChar32 cp;
      int32_t j = static_cast<int32_t>(i);
      U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), j, static_cast<int32_t>(utf8.size()),
              cp);
      len = static_cast<size_t>(j) - i;
      space = cp >= 0 && (u_isUWhiteSpace(cp) || cp == 0x200B || cp == 0xFEFF);
    }
    if (space) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(utf8.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace nsearch::text
