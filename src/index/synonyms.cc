#include "index/synonyms.h"

#include <algorithm>
#include <map>
#include <set>

#include "entities/lexicon.h"
#include "index/document.h"
#include "index/schema.h"
#include "text/normalize.h"

namespace nsearch::index {
namespace {

// Optimal string alignment distance (adjacent transpositions count one),
// stopping early above |limit|.
int EditDistance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[m];
}

// The folded last word of a name, as a query word is folded.
std::string LastWord(std::string_view name) {
  auto tokens = text::Tokenize(name);
  return tokens.empty() ? std::string() : std::move(tokens.back().term);
}

// Adds the spelling variants of |canonical| among |forms| as one group.
void AddGroup(std::string_view canonical, const std::vector<std::string>& forms,
              std::set<std::vector<std::string>>* groups) {
  const std::string head = LastWord(canonical);
  std::set<std::string> words;
  for (const auto& f : forms) {
    std::string w = LastWord(f);
    if (w != head && SameWordSpelling(w, head)) words.insert(std::move(w));
  }
  if (words.empty()) return;
  words.insert(head);
  groups->insert(std::vector<std::string>(words.begin(), words.end()));
}

}  // namespace

bool SameWordSpelling(std::string_view a, std::string_view b) {
  if (a.size() < 4 || b.size() < 4 || a.front() != b.front()) return false;
  return EditDistance(a, b, 2) <= 2;
}

std::vector<std::vector<std::string>> SpellingGroups(const Xapian::Database& db) {
  std::map<std::string, std::vector<std::string>> forms;  // canonical -> surface forms
  const entities::Lexicon& lex = entities::GetLexicon();
  for (const auto& [key, canonical] : lex.person_aliases) forms[canonical].push_back(key);
  for (const auto& [key, known] : lex.phrases) forms[known.canonical].push_back(key);
  // "XR" + type letter + canonical + "\t" + surface.
  const std::string prefix(kPrefixEntityAlias);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    const size_t tab = term.find('\t');
    if (tab == std::string::npos || tab <= prefix.size() + 1) continue;
    forms[term.substr(prefix.size() + 1, tab - prefix.size() - 1)].push_back(term.substr(tab + 1));
  }
  std::set<std::vector<std::string>> groups;
  for (const auto& [canonical, surfaces] : forms) AddGroup(canonical, surfaces, &groups);
  // Groups sharing a word are one group (Kiev in a lexicon group and in a
  // bundle's).
  std::vector<std::vector<std::string>> merged;
  for (const auto& g : groups) {
    std::set<std::string> acc(g.begin(), g.end());
    for (auto it = merged.begin(); it != merged.end();) {
      if (std::any_of(it->begin(), it->end(), [&](const std::string& w) { return acc.count(w); })) {
        acc.insert(it->begin(), it->end());
        it = merged.erase(it);
      } else {
        ++it;
      }
    }
    merged.emplace_back(acc.begin(), acc.end());
  }
  std::sort(merged.begin(), merged.end());
  return merged;
}

void RebuildSynonyms(const Xapian::Database& all, Xapian::WritableDatabase& db) {
  std::vector<std::string> keys;
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) keys.push_back(*k);
  for (const auto& k : keys) db.clear_synonyms(k);
  for (const auto& group : SpellingGroups(all)) {
    for (const auto& word : group) {
      std::set<std::string> stems;
      for (const auto& other : group)
        if (other != word) stems.insert(Stem(other));
      stems.erase(Stem(word));
      for (const auto& s : stems) db.add_synonym(word, s);
    }
  }
}

}  // namespace nsearch::index
