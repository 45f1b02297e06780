#include "entities/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <string>

#include "entities/fold.h"

namespace nsearch::entities {
namespace {

// Abbreviations whose trailing period belongs to the word (so it is neither a
// sentence end nor punctuation between two name parts).
bool IsAbbrev(std::string_view k) {
  static constexpr std::array<std::string_view, 44> kAbbrevs = {
      "mr",   "mrs",  "ms",  "dr",   "st",   "mt",   "ft",   "jr",  "sr",  "sen",    "sens",
      "rep",  "reps", "gov", "gen",  "lt",   "col",  "capt", "sgt", "maj", "adm",    "cmdr",
      "prof", "rev",  "inc", "corp", "co",   "ltd",  "bros", "no",  "vs",  "messrs", "cpl",
      "pvt",  "hon",  "rt",  "gens", "supt", "insp", "det",  "plc", "mme", "mlle",   "fr"};
  for (auto a : kAbbrevs) {
    if (a == k) return true;
  }
  return false;
}

struct Cp {
  UChar32 c;
  int32_t next;  // byte offset after this code point
};

inline Cp At(std::string_view s, int32_t i) {
  UChar32 c;
  int32_t j = i;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, static_cast<int32_t>(s.size()), c);
  if (c < 0) c = 0xFFFD;
  return {c, j};
}

inline bool IsLetter(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK;
}
inline bool IsDigit(UChar32 c) { return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c); }
inline bool IsAlnum(UChar32 c) { return IsLetter(c) || IsDigit(c); }
inline bool IsUpper(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(c) || u_istitle(c);
}
inline bool IsLower(UChar32 c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(c);
}
inline bool IsSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         (c > 0x80 && u_isUWhiteSpace(c));
}
inline bool IsApos(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x2018; }
inline bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Sets kCap/kAllCaps/kNumber/kHyphen/kLowerPart from the word's letters.
void SetShape(Token& t) {
  std::string_view s = t.text;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  int letters = 0, upper = 0;
  bool first = true, after_hyphen = false;
  while (i < n) {
    Cp cp = At(s, i);
    if (first) {
      if (IsDigit(cp.c)) t.flags |= kNumber;
      if (IsUpper(cp.c)) t.flags |= kCap;
      first = false;
    }
    if (IsLetter(cp.c)) {
      ++letters;
      if (IsUpper(cp.c)) ++upper;
      if (after_hyphen && IsLower(cp.c)) t.flags |= kLowerPart;
      after_hyphen = false;
    } else if (IsHyphen(cp.c)) {
      t.flags |= kHyphen;
      after_hyphen = true;
    } else {
      after_hyphen = false;
    }
    i = cp.next;
  }
  if (letters >= 2 && upper == letters) t.flags |= kAllCaps;
}

}  // namespace

bool MostlyUpper(std::string_view text) {
  int letters = 0, upper = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    Cp cp = At(text, i);
    if (IsLetter(cp.c)) {
      ++letters;
      if (IsUpper(cp.c)) ++upper;
    }
    i = cp.next;
  }
  return letters >= 4 && upper * 5 >= letters * 4;
}

std::vector<Token> TokenizeForNames(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 4);
  const int32_t n = static_cast<int32_t>(s.size());
  bool sent_start = true;
  int32_t i = 0;
  while (i < n) {
    Cp cp = At(s, i);
    if (IsSpace(cp.c)) {
      i = cp.next;
      continue;
    }
    if (!IsAlnum(cp.c)) {
      Token t;
      t.begin = i;
      t.end = cp.next;
      t.text = s.substr(i, cp.next - i);
      t.punct = static_cast<char32_t>(cp.c);
      bool followed_by_word = cp.next < n && IsAlnum(At(s, cp.next).c);
      bool preceded_by_space = i == 0 || IsSpace(At(s, i - 1).c) || s[i - 1] == '(';
      switch (cp.c) {
        case '.':
        case '!':
        case '?':
        case ':':
        case 0x2022:
        case '|':
          sent_start = true;
          break;
        case 0x2013:
        case 0x2014:
          sent_start = true;
          break;
        case '"':
        case 0x201C:
        case 0x201E:
        case 0x2018:
        case '\'':
        case '(':
        case '[':
          if (followed_by_word && preceded_by_space) {
            t.flags |= kOpenQuote;
            if (cp.c != '(' && cp.c != '[') sent_start = true;
          }
          break;
        default:
          break;
      }
      if (cp.c == '-' && preceded_by_space && !followed_by_word) sent_start = true;
      out.push_back(std::move(t));
      i = cp.next;
      continue;
    }
    // A word.
    Token t;
    t.begin = i;
    t.flags = kWord;
    int32_t j = cp.next;
    bool has_dot = false;
    int letters_since_dot = 1;
    bool possessive = false;
    while (j < n) {
      Cp c = At(s, j);
      if (IsAlnum(c.c)) {
        ++letters_since_dot;
        j = c.next;
        continue;
      }
      if (c.next >= n) break;
      Cp d = At(s, c.next);
      if (IsApos(c.c)) {
        if ((d.c == 's' || d.c == 'S') && (d.next >= n || !IsAlnum(At(s, d.next).c))) {
          possessive = true;
          break;
        }
        if (IsLetter(d.c)) {
          j = d.next;
          ++letters_since_dot;
          continue;
        }
        break;
      }
      if (IsHyphen(c.c) && IsAlnum(d.c)) {
        j = d.next;
        letters_since_dot = 1;
        continue;
      }
      if (c.c == '&' && IsLetter(d.c) && letters_since_dot <= 3) {
        j = d.next;
        continue;
      }
      if (c.c == '.' && IsLetter(d.c) && letters_since_dot <= 2) {
        has_dot = true;
        j = d.next;
        letters_since_dot = 1;
        continue;
      }
      break;
    }
    t.end = j;
    t.text = s.substr(t.begin, t.end - t.begin);
    FoldWordInto(t.text, &t.key);
    SetShape(t);
    // A trailing period belongs to initials ("J.", "A.R.") and abbreviations.
    if (!possessive && j < n && s[j] == '.') {
      bool single_upper = t.text.size() == 1 && (t.flags & kCap);
      if (single_upper || has_dot || IsAbbrev(t.key)) {
        t.flags |= kAbbrev;
        if (single_upper || has_dot) t.flags |= kInitial;
        t.end = j + 1;
        t.text = s.substr(t.begin, t.end - t.begin);
        j = t.end;
      }
    } else if (has_dot && (t.flags & kCap)) {
      t.flags |= kInitial;
    }
    if (sent_start) t.flags |= kSentStart;
    sent_start = false;
    if (possessive) {
      t.flags |= kPossessive;
      Cp apos = At(s, j);
      j = At(s, apos.next).next;  // skip 's
    }
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

}  // namespace nsearch::entities
