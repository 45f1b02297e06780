// Extractor's first pass over a bundle: what one article tells the bundle
// about its people (ArticleEvidence), from the body paragraphs' local
// evidence only.
#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/bundle.h"
#include "entities/cues.h"
#include "entities/extractor.h"
#include "entities/lexicon.h"
#include "entities/names.h"
#include "entities/scan.h"
#include "entities/tokenizer.h"

namespace nsearch::entities {
namespace {

// A bare surname ("Obama", "President Obama") in an article that gives one
// person of that surname in full votes for that person.
void AddSurnameVotes(const std::set<std::pair<std::string, std::string>>& bare,
                     ArticleEvidence* ev) {
  std::set<std::pair<std::string, std::string>> votes;
  for (const auto& [key, title] : bare) {
    const std::string* id = nullptr;
    bool one = true;
    for (const BundleName& n : ev->names) {
      if (!n.given_first || n.key.size() <= key.size() + 1 ||
          n.key.compare(n.key.size() - key.size(), key.size(), key) != 0 ||
          n.key[n.key.size() - key.size() - 1] != ' ')
        continue;
      if (id && *id != n.identity) one = false;
      id = &n.identity;
    }
    if (!id || !one) continue;
    votes.emplace(key, *id);
    if (!title.empty()) votes.emplace(title + " " + key, *id);
  }
  ev->surname_votes.assign(votes.begin(), votes.end());
}

// The tokens [*b, *e) that |m| covers.
void TokenSpan(const std::vector<Token>& t, const Mention& m, int* b, int* e) {
  auto first = std::lower_bound(t.begin(), t.end(), m.begin,
                                [](const Token& tok, uint32_t pos) { return tok.begin < pos; });
  *b = static_cast<int>(first - t.begin());
  *e = *b;
  while (*e < static_cast<int>(t.size()) && t[*e].begin < m.end) ++*e;
}

// "a Duane Reade", "the Duane Reade on 14th Street": a person is rarely
// written after an article ("the Jimmy Fallon show" is, so not before a
// lower-case noun).
bool DeterminerBefore(const std::vector<Token>& t, int b, int e) {
  if (b == 0 || !t[b - 1].Is(kWord) || t[b - 1].Is(kCap)) return false;
  const std::string& d = t[b - 1].key;
  if (d != "a" && d != "an" && d != "the" && d != "another" && d != "every") return false;
  if (e >= static_cast<int>(t.size()) || !t[e].Is(kWord) || t[e].Is(kCap)) return true;
  const std::string& k = t[e].key;
  return k.size() <= 3 || k == "near" || k == "across";
}

// +1 when the words around a full name make it a person ("John Smith said",
// "Mayor John Smith"), -1 when they make it a shop, an outlet or a company
// ("via EV Grieve", "a Duane Reade"), 0 when they say nothing.
int NameCue(const Lexicon& lex, const std::vector<Token>& t, const Mention& m) {
  int b = 0, e = 0;
  TokenSpan(t, m, &b, &e);
  if (b >= e) return 0;
  if (!m.title.empty() || ContextPerson(lex, t, b, e)) return 1;
  if (PersonOrOrgCue(lex, t, b, e) == Cue::kOrg || DeterminerBefore(t, b, e)) return -1;
  return 0;
}

}  // namespace

ArticleEvidence Extractor::Evidence(const Article& article) const {
  ArticleEvidence ev;
  std::unordered_set<std::string> seen;
  std::unordered_map<std::string, int> cues;           // surname-shaped company -> person minus org
  std::set<std::pair<std::string, std::string>> bare;  // surname, title
  std::unordered_map<std::string, std::pair<bool, bool>> name_cues;  // person, company
  std::vector<Mention> mentions;
  int pi = 0;
  for (const Paragraph& p : article.paragraphs) {
    if (p.kind != ParagraphKind::kBody) continue;
    std::vector<Token> tokens = TokenizeForNames(p.text);
    int words = 0;
    for (const Token& t : tokens) words += t.Is(kWord);
    if (words < 6 || ModeFor(tokens, p.text, p.kind) != ScanMode::kNormal) continue;
    mentions.clear();
    ScanNormal(Lex(), p.text, tokens, pi++, /*sports=*/false, IsTableLine(tokens), &mentions);
    for (const Mention& m : mentions) {
      if (m.surname_org && m.strength >= kMedium)
        cues[m.key] += m.type == EntityType::kPerson ? 1 : -1;
      if (m.type != EntityType::kPerson || AllCapsWord(m.surface)) continue;
      if (m.strength >= kMedium && !GivenFirst(Lex(), m.key)) bare.emplace(m.key, m.title);
      if (m.words == 1 && !m.stage.empty() && seen.insert("\t" + m.key).second)
        ev.stage_names.emplace_back(m.key, m.stage + " " + TitleCase(m.surface));
      if (m.words < 2 || m.strength == kWeak) continue;
      if (m.strength == kUntyped) {
        ev.unexplained.push_back(m.key);
        continue;
      }
      if (int cue = NameCue(Lex(), tokens, m); cue != 0) {
        auto& c = name_cues[m.key];
        (cue > 0 ? c.first : c.second) = true;
      }
      if (!seen.insert(m.key).second) continue;
      const bool given_first = GivenFirst(Lex(), m.key);
      ev.names.push_back({m.key, m.surface, given_first,
                          given_first ? PersonIdentity(Lex(), m.key) : "",
                          MiddleInitials(Lex(), m.key)});
    }
  }
  for (BundleName& n : ev.names) {
    auto c = name_cues.find(n.key);
    if (c != name_cues.end()) n.cue = c->second.first ? 1 : -1;
  }
  // "Michael Bloomberg ... Bloomberg": the full name makes the surname a person.
  for (const BundleName& n : ev.names) {
    if (!n.given_first) continue;
    auto c = cues.find(n.key.substr(n.key.rfind(' ') + 1));
    if (c != cues.end()) c->second += 1;
  }
  AddSurnameVotes(bare, &ev);
  for (const auto& [key, score] : cues) {
    if (score != 0) ev.surname_orgs.emplace_back(key, score > 0 ? 1 : -1);
  }
  std::sort(ev.surname_orgs.begin(), ev.surname_orgs.end());
  std::vector<std::string> unexplained;
  for (std::string& key : ev.unexplained) {
    if (seen.insert(key).second) unexplained.push_back(std::move(key));
  }
  ev.unexplained = std::move(unexplained);
  return ev;
}

}  // namespace nsearch::entities
