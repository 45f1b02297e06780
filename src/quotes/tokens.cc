#include "quotes/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace nsearch::quotes {
namespace {

enum class Mark { kNone, kOpen, kClose, kLowOpen, kStraight };

// The quotation mark at |i| and its length in bytes. Single quotes are not
// quotation marks here: ’ is far more often an apostrophe.
Mark MarkAt(std::string_view t, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(t[i]);
  *len = 1;
  if (c == '"') return Mark::kStraight;
  if (c == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
    *len = 2;  // '' for "
    return Mark::kStraight;
  }
  if (c == 0xE2 && (t.compare(i, 6, "\u2019\u2019") == 0 || t.compare(i, 6, "\u2018\u2018") == 0)) {
    *len = 6;  // ’’ and ‘‘ for ” and “
    return t[i + 2] == '\x99' ? Mark::kClose : Mark::kOpen;
  }
  if (c == 0xC2 && i + 1 < t.size()) {
    *len = 2;
    const auto d = static_cast<unsigned char>(t[i + 1]);
    if (d == 0xAB) return Mark::kOpen;   // «
    if (d == 0xBB) return Mark::kClose;  // »
  }
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    *len = 3;
    const auto d = static_cast<unsigned char>(t[i + 2]);
    if (d == 0x9C) return Mark::kOpen;     // “
    if (d == 0x9D) return Mark::kClose;    // ”
    if (d == 0x9E) return Mark::kLowOpen;  // „ (closed by “ or ”)
  }
  return Mark::kNone;
}

bool StartsUpper(std::string_view s) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c > 0 && u_isupper(c);
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsSpace(std::string_view t, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(t[i]);
  *len = 1;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
    *len = 2;  // no-break space
    return true;
  }
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(t[i + 2]);
    *len = 3;
    return d <= 0x8A || d == 0xAF;  // the Unicode spaces U+2000..U+200A, U+202F
  }
  return false;
}

// Punctuation that is a token of its own: ASCII punctuation but the
// apostrophe, and the dashes, bullets and ellipsis of U+2010..U+2027.
size_t PunctAt(std::string_view t, size_t i) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return !IsAsciiAlnum(c) && c != '\'' && c > ' ' ? 1 : 0;
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(t[i + 2]);
    if ((d >= 0x90 && d <= 0x97) || (d >= 0xA0 && d <= 0xA7)) return 3;
  }
  if (c == 0xC2 && i + 1 < t.size()) {
    const auto d = static_cast<unsigned char>(t[i + 1]);
    if (d == 0xAB || d == 0xBB || d == 0xB7) return 2;  // « » ·
  }
  return 0;
}

bool IsApostrophe(std::string_view t, size_t i, size_t* len) {
  *len = 1;
  if (t[i] == '\'') return true;
  *len = 3;
  return t.compare(i, 3, "\u2019") == 0 || t.compare(i, 3, "\u2018") == 0;
}

bool IsLetterAt(std::string_view t, size_t i) {
  if (i >= t.size()) return false;
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return IsAsciiAlnum(c);
  size_t len;
  return !IsSpace(t, i, &len) && PunctAt(t, i) == 0 && MarkAt(t, i, &len) == Mark::kNone &&
         !IsApostrophe(t, i, &len);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Lower-case words a title keeps small ("Me and a Gun").
constexpr std::string_view kSmallWords[] = {"a",   "an", "and", "the", "of",   "in",   "on", "to",
                                            "for", "at", "by",  "or",  "with", "from", "as"};

// Where the quoted words start and end, and how the quote ends.
void Trim(std::string_view t, Span* s, size_t inner_end) {
  size_t b = s->begin, e = inner_end, len;
  while (b < e && IsSpace(t, b, &len)) b += len;
  while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t')) --e;
  s->last = 0;
  if (e > b) {
    const char c = t[e - 1];
    if (c == ',' || c == '?' || c == '!' || c == '.' || c == '-' || c == ':' || c == ';')
      s->last = c == ':' || c == ';' ? ',' : c;
    else if (e - b >= 3 &&
             (t.compare(e - 3, 3, "\u2014") == 0 || t.compare(e - 3, 3, "\u2013") == 0 ||
              t.compare(e - 3, 3, "\u2026") == 0))
      s->last = '-';
  }
  if (s->last == ',') {
    --e;
    while (e > b && t[e - 1] == ' ') --e;
  }
  s->begin = b;
  s->end = e;
  int words = 0, capitalised = 0, small = 0;
  bool in_word = false;
  for (size_t i = b; i < e; ++i) {
    const bool letter = IsLetterAt(t, i) || (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80;
    if (letter && !in_word) {
      ++words;
      capitalised += StartsUpper(t.substr(i));
      size_t w = i;
      while (w < e && IsLetterAt(t, w)) ++w;
      small += OneOf(kSmallWords, t.substr(i, w - i));
    }
    in_word = letter;
  }
  s->words = words;
  s->capitalised = capitalised;
  s->small = small;
}

// Words after which a period does not end a sentence.
constexpr std::string_view kAbbreviations[] = {
    "mr",  "mrs", "ms",  "dr",   "sen", "rep", "gov", "gen",  "lt",   "col", "sgt",  "capt",
    "st",  "jr",  "sr",  "prof", "rev", "mt",  "no",  "vs",   "inc",  "co",  "corp", "ltd",
    "jan", "feb", "aug", "sept", "oct", "nov", "dec", "assn", "dept", "supt"};

void MarkSentenceEnds(std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    if (t.kind != TokenKind::kPunct || (t.text != "." && t.text != "?" && t.text != "!")) continue;
    const Token* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
    if (next && next->kind == TokenKind::kPunct && next->text == ")") continue;
    const bool next_starts =
        !next || next->kind == TokenKind::kQuote ||
        (next->kind == TokenKind::kWord &&
         (next->capitalised || (next->text[0] >= '0' && next->text[0] <= '9')));
    if (!next_starts) continue;
    if (t.text == "." && i > 0 && tokens[i - 1].kind == TokenKind::kWord) {
      const Token& prev = tokens[i - 1];
      const bool initial = prev.text.size() == 1 && prev.capitalised;
      const bool dotted = prev.text.find('.') != std::string::npos;  // U.S, a.m
      if (initial || dotted || OneOf(kAbbreviations, prev.lower)) continue;
    }
    t.sentence_end = true;
  }
}

}  // namespace

std::vector<Span> FindSpans(std::string_view t) {
  std::vector<Span> spans;
  bool inside = false;
  Mark opener = Mark::kNone;
  Span cur;
  auto finish = [&](size_t inner_end, size_t close, bool closed) {
    cur.close = close;
    cur.closed = closed;
    Trim(t, &cur, inner_end);
    spans.push_back(cur);
    inside = false;
  };
  for (size_t i = 0; i < t.size();) {
    size_t len = 1;
    const Mark m = MarkAt(t, i, &len);
    if (m == Mark::kNone) {
      ++i;
      continue;
    }
    if (!inside) {
      // 6'2" is no quote; nor is a straight mark that closes (after a word,
      // before a space) with nothing open: a quote mark lost earlier, whose
      // pairs would otherwise all be out of step.
      const bool after_word = i > 0 && t[i - 1] != ' ';
      const bool before_space = i + len >= t.size() || t[i + len] == ' ';
      const bool inch = m == Mark::kStraight && i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9';
      const bool stray = m == Mark::kStraight && after_word && before_space;
      if (m != Mark::kClose && !inch && !stray) {
        inside = true;
        opener = m;
        cur = Span{};
        cur.open = i;
        cur.begin = i + len;
      }
    } else if (m == Mark::kClose || m == Mark::kStraight ||
               (opener == Mark::kLowOpen && m == Mark::kOpen)) {
      finish(i, i + len, true);
    } else {
      // A new opening mark inside a quotation: the first one never closed.
      finish(i, i, false);
      continue;
    }
    i += len;
  }
  if (inside) finish(t.size(), t.size(), false);
  return spans;
}

std::vector<Token> Tokenize(std::string_view t, const std::vector<Span>& spans) {
  std::vector<Token> out;
  size_t next_span = 0;
  for (size_t i = 0; i < t.size();) {
    if (next_span < spans.size() && i >= spans[next_span].open) {
      const Span& s = spans[next_span];
      Token q;
      q.kind = TokenKind::kQuote;
      q.begin = s.open;
      q.end = s.close;
      q.span = static_cast<int>(next_span++);
      out.push_back(std::move(q));
      i = std::max(i, s.close);
      continue;
    }
    size_t len;
    if (IsSpace(t, i, &len)) {
      i += len;
      continue;
    }
    const size_t stop = next_span < spans.size() ? spans[next_span].open : t.size();
    Token tok;
    tok.begin = i;
    if (size_t p = PunctAt(t, i); p > 0 || IsApostrophe(t, i, &len)) {
      tok.kind = TokenKind::kPunct;
      i += p > 0 ? p : len;
    } else {
      while (i < stop) {
        if (IsLetterAt(t, i) || (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) {
          ++i;
        } else if (IsApostrophe(t, i, &len) && IsLetterAt(t, i + len)) {
          i += len;  // don't, O’Brien
        } else if (t[i] == '.' && i > tok.begin && IsLetterAt(t, i + 1) &&
                   (i + 2 >= t.size() || !IsLetterAt(t, i + 2) || t[i + 2] == '.')) {
          ++i;  // U.S, a.m: a dot between single letters
        } else {
          break;
        }
      }
      if (i == tok.begin) ++i;  // a byte nothing else claims
    }
    tok.end = i;
    tok.text.assign(t.substr(tok.begin, tok.end - tok.begin));
    // "Trump’s" is the name and a possessive.
    if (tok.kind == TokenKind::kWord) {
      for (std::string_view s : {std::string_view("'s"), std::string_view("\u2019s")}) {
        if (tok.text.size() > s.size() + 1 && tok.text.ends_with(s)) {
          Token poss;
          poss.kind = TokenKind::kPossessive;
          poss.begin = tok.end - s.size();
          poss.end = tok.end;
          poss.text = poss.lower = "'s";
          tok.end = poss.begin;
          tok.text.resize(tok.text.size() - s.size());
          tok.lower = AsciiLower(tok.text);
          tok.capitalised = StartsUpper(tok.text);
          out.push_back(std::move(tok));
          tok = std::move(poss);
          break;
        }
      }
    }
    if (tok.lower.empty()) tok.lower = AsciiLower(tok.text);
    if (tok.kind == TokenKind::kWord) tok.capitalised = StartsUpper(tok.text);
    out.push_back(std::move(tok));
  }
  MarkSentenceEnds(out);
  return out;
}

std::vector<std::string> WordsOf(std::string_view text) {
  std::vector<std::string> out;
  for (auto& t : Tokenize(text, {})) out.push_back(std::move(t.text));
  return out;
}

}  // namespace nsearch::quotes
