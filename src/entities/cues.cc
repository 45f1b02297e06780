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
bool OrgBefore(const Lexicon& lex, const std::vector<Token>& t, int b, bool one_word) {
  std::string phrase;
  for (int i = b - 1; i >= 0 && i >= b - 3; --i) {
    if (!t[i].Is(kWord)) return false;
    phrase = phrase.empty() ? t[i].key : t[i].key + " " + phrase;
    if (lex.org_before.count(phrase) || (one_word && lex.outlet_before.count(phrase))) return true;
  }
  return false;
}

}  // namespace

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
