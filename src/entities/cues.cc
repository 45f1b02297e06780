#include "entities/cues.h"

#include <string>

namespace nsearch::entities {
namespace {

const Token* Prev(const std::vector<Token>& t, int b) { return b > 0 ? &t[b - 1] : nullptr; }

bool LowerWord(const std::vector<Token>& t, int i) {
  return i >= 0 && i < static_cast<int>(t.size()) && t[i].Is(kWord) && !t[i].Is(kCap);
}

bool Courtesy(const std::string& k) {
  return k == "mr" || k == "mrs" || k == "ms" || k == "mister";
}

// "according to X", "told X", "in an interview with X": up to three words.
bool PhraseBefore(const std::vector<Token>& t, int b, const WordSet& set, const WordSet* more) {
  std::string phrase;
  for (int i = b - 1; i >= 0 && i >= b - 3; --i) {
    if (!t[i].Is(kWord)) return false;
    phrase = phrase.empty() ? t[i].key : t[i].key + " " + phrase;
    if (set.count(phrase) || (more && more->count(phrase))) return true;
  }
  return false;
}

bool OrgBefore(const Lexicon& lex, const std::vector<Token>& t, int b, bool one_word) {
  return PhraseBefore(t, b, lex.org_before, one_word ? &lex.outlet_before : nullptr);
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool AddressLike(std::string_view w) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::string s;
  s.reserve(w.size());
  int digits = 0, letters = 0;
  bool hyphen = false, at = false;
  for (char c : w) {
    s.push_back(lower(c));
    digits += c >= '0' && c <= '9';
    letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    hyphen = hyphen || c == '-';
    at = at || c == '@';
  }
  if (s.find("://") != std::string::npos || s.find("www.") != std::string::npos) return true;
  if (at && letters > 0 && s.find('.', s.find('@')) != std::string::npos) return true;
  if (digits >= 3 && letters > 0 && hyphen) return true;  // "1-800-577-TIPS"
  // "example.com", "nyc.gov/tips": a dot between letters and a known ending.
  while (!s.empty() && !(s.back() >= 'a' && s.back() <= 'z')) s.pop_back();
  for (std::string_view end :
       {".com", ".org", ".net", ".gov", ".edu", ".io", ".ly", ".nyc", ".info"}) {
    size_t p = s.find(end);
    if (p != std::string::npos && p > 1 && s[p - 1] >= 'a' && s[p - 1] <= 'z' &&
        (p + end.size() == s.size() || s[p + end.size()] == '/'))
      return true;
  }
  return false;
}

}  // namespace

// Tokens inside a web address, an e-mail address or a phone number
// ("WWW.EXAMPLE.COM", "tips@example.org", "1-800-555-TIPS") and a code in
// brackets right after a number ("274637 (CRIMES)") are never names.
std::vector<bool> AddressTokens(std::string_view text, const std::vector<Token>& t) {
  std::vector<bool> address(t.size(), false);
  size_t ti = 0;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    while (i < n && IsSpace(text[i])) ++i;
    size_t j = i;
    while (j < n && !IsSpace(text[j])) ++j;
    if (j > i && AddressLike(text.substr(i, j - i))) {
      while (ti < t.size() && t[ti].begin < i) ++ti;
      for (size_t k = ti; k < t.size() && t[k].begin < j; ++k) address[k] = true;
    }
    i = j;
  }
  for (size_t k = 2; k + 1 < t.size(); ++k) {
    if (t[k].Is(kWord) && t[k].Is(kAllCaps) && t[k - 1].IsPunct('(') && t[k + 1].IsPunct(')') &&
        t[k - 2].Is(kNumber) && t[k - 2].text.size() >= 3) {
      address[k] = true;
    }
  }
  return address;
}

bool ContextPerson(const Lexicon& lex, const std::vector<Token>& t, int b, int e) {
  const int n = static_cast<int>(t.size());
  // "Pete Sampras (U.S.)", "Jana Novak (Czech Republic)": an entrant and
  // the country in a results line.
  if (e + 2 < n && t[e].IsPunct('(')) {
    std::string key;
    for (int i = e + 1; i < n && i <= e + 4 && t[i].Is(kWord); ++i) {
      if (!key.empty()) key.push_back(' ');
      key += t[i].key;
      if (i + 1 < n && t[i + 1].IsPunct(')')) {
        const Known* k = lex.Find(key);
        if (k && k->type == EntityType::kPlace) return true;
      }
    }
  }
  const Token* p = Prev(t, b);
  if (p && p->Is(kWord) && !p->Is(kCap)) {
    if (lex.titles.count(p->key)) return true;  // "striker Ronaldo"
    const std::string& k = p->key;
    if (k == "c" || k == "b" || k == "lbw" || k == "st") return true;  // cricket card
  }
  if (e - b >= 2 && e < n && t[e].Is(kWord) && lex.speech_verbs.count(t[e].key)) return true;
  if (p && p->Is(kWord)) {
    const std::string& k = p->key;
    // "Mr. Smith", "Ms. Roe" (these are stopwords, so outside the run).
    if (Courtesy(k)) return true;
    // "actor John Doe", "said Jane Roe".
    // Not "told NBC New York": the one told is often an outlet.
    if (!p->Is(kCap) &&
        (lex.roles.count(k) || (e - b >= 2 && (k == "said" || k == "says" || k == "added" ||
                                               k == "wrote" || k == "explained"))))
      return true;
  }
  // "Smith's wife", "Doe's lawyer".
  if (t[e - 1].Is(kPossessive) && LowerWord(t, e) && lex.kin_words.count(t[e].key)) return true;
  if (e - b >= 2 && e + 1 < n && t[e].IsPunct(',')) {
    // "John Doe, who", "Jane Roe, a spokeswoman for", "John Doe, the
    // company's chief executive".
    if (t[e + 1].Is(kWord) && t[e + 1].key == "who") return true;
    // "... justified," Lesia Zaburranna, ...: a speaker after a quote.
    if (p && (p->IsPunct(0x201D) || p->IsPunct('"'))) return true;
    for (int i = e + 1; i < n && i <= e + 4; ++i) {
      if (!t[i].Is(kWord) || t[i].Is(kCap)) break;
      if (lex.roles.count(t[i].key) || lex.titles.count(t[i].key)) return true;
    }
  }
  if (e + 1 < n && t[e].IsPunct(',') && t[e + 1].Is(kNumber) && e + 2 < n &&
      t[e + 2].IsPunct(',')) {
    return true;  // "John Smith, 45, said"
  }
  return false;
}

Cue PersonOrOrgCue(const Lexicon& lex, const std::vector<Token>& t, int b, int e) {
  const int n = static_cast<int>(t.size());
  const Token* p = Prev(t, b);
  if (p && p->Is(kWord) && Courtesy(p->key)) return Cue::kPerson;
  if (OrgBefore(lex, t, b, e == b + 1)) return Cue::kOrg;
  if (LowerWord(t, e)) {
    const std::string& next = t[e].key;
    // "Bloomberg's wife", "Bloomberg's administration", "the Bloomberg
    // administration"; "a Bloomberg reporter", "Bloomberg reports".
    if (lex.person_after.count(next)) return Cue::kPerson;
    if (t[e - 1].Is(kPossessive) && lex.kin_words.count(next)) return Cue::kPerson;
    if (lex.org_after.count(next)) return Cue::kOrg;
  }
  if (e + 1 < n && t[e].IsPunct(',') && t[e + 1].Is(kWord) && t[e + 1].key == "who")
    return Cue::kPerson;
  return Cue::kNone;
}

bool CompanyContext(const Lexicon& lex, const std::vector<Token>& t, int b, int e) {
  if (PhraseBefore(t, b, lex.company_before, nullptr)) return true;
  const int n = static_cast<int>(t.size());
  // "Merrill Lynch & Co".
  return e + 1 < n && t[e].IsPunct('&') && t[e + 1].Is(kWord) && lex.org_heads.count(t[e + 1].key);
}

bool SurnameShaped(const Token& t) {
  if (!t.Is(kWord) || !t.Is(kCap) || t.Is(kAllCaps) || t.Is(kHyphen) || t.Is(kNumber)) return false;
  for (char c : t.key) {
    if (c >= '0' && c <= '9') return false;
  }
  // "McDonald's" keeps an apostrophe; "eBay", "PepsiCo": inner capitals.
  for (size_t i = 1; i < t.text.size(); ++i) {
    if (t.text[i] >= 'A' && t.text[i] <= 'Z') return false;
  }
  return t.key.find('\'') == std::string::npos;
}

}  // namespace nsearch::entities
