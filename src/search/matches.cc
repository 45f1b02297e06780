#include "search/matches.h"

#include <algorithm>

#include "index/schema.h"
#include "search/rank.h"

namespace nsearch::search {
namespace {

// The positions where |phrase| starts: its words (each with |prefix|) at
// their offsets; stop words have no positions and are the gaps.
std::vector<Xapian::termpos> PhraseStarts(const Xapian::Database& db, Xapian::docid did,
                                          const Phrase& phrase, const std::string& prefix) {
  std::vector<Xapian::termpos> starts;
  if (phrase.terms.empty() || phrase.offsets.size() != phrase.terms.size()) return starts;
  std::vector<std::vector<Xapian::termpos>> rest;
  for (size_t i = 1; i < phrase.terms.size(); ++i)
    rest.push_back(TermPositions(db, did, prefix + phrase.terms[i]));
  const uint32_t lead = phrase.offsets[0];
  for (Xapian::termpos first : TermPositions(db, did, prefix + phrase.terms[0])) {
    if (first <= lead) continue;  // the phrase would start before the first word
    bool whole = true;
    for (size_t i = 0; i < rest.size() && whole; ++i)
      whole =
          std::binary_search(rest[i].begin(), rest[i].end(), first + phrase.offsets[i + 1] - lead);
    if (whole) starts.push_back(first - lead);
  }
  return starts;
}

}  // namespace

EntryMatches MatchedWords(const Xapian::Database& db, Xapian::docid did, const CompiledQuery& query,
                          bool include_boilerplate) {
  const auto layout = index::DecodeLayout(db.get_document(did).get_value(index::kSlotLayout));
  const auto starts = index::ParagraphStarts(layout);
  EntryMatches out(starts.size());
  auto add = [&](Xapian::termpos pos, size_t words) {
    auto it = std::upper_bound(starts.begin(), starts.end(), pos);
    if (it == starts.begin()) return;
    const size_t entry = static_cast<size_t>(it - starts.begin()) - 1;
    const auto first = static_cast<uint32_t>(pos - starts[entry]);
    out[entry].emplace_back(first, first + static_cast<uint32_t>(words));
  };
  // Boilerplate and credit words are indexed under their own prefix.
  std::vector<std::string> prefixes{""};
  if (include_boilerplate) prefixes.emplace_back(index::kPrefixHidden);
  for (const std::string& prefix : prefixes) {
    for (const auto& word : query.words)
      for (const auto& term : word.terms)
        for (Xapian::termpos pos : TermPositions(db, did, prefix + term)) add(pos, 1);
    for (const auto& phrase : query.phrases)
      for (Xapian::termpos pos : PhraseStarts(db, did, phrase, prefix))
        add(pos, std::max<size_t>(1, phrase.length));
  }
  for (auto& entry : out) {
    std::sort(entry.begin(), entry.end());
    entry.erase(std::unique(entry.begin(), entry.end()), entry.end());
  }
  return out;
}

std::vector<std::string> EntityMentions(
    const Xapian::Database& db,
    const std::vector<std::pair<EntityType, std::vector<std::string>>>& entity_names) {
  std::vector<std::string> mentions;
  for (const auto& [type, names] : entity_names) {
    for (const auto& name : names) {
      mentions.push_back(name);
      const std::string prefix = index::EntityAliasPrefix(type, name);
      for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
        mentions.push_back((*t).substr(prefix.size()));
    }
  }
  return mentions;
}

}  // namespace nsearch::search
