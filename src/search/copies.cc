#include "search/copies.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "index/copies.h"
#include "index/schema.h"
#include "index/unweighted.h"

namespace nsearch::search {
namespace {

// The band keys of an encoded signature, as BandTerms names them but
// without building strings: each band's rows' bytes and its number.
std::vector<std::string_view> Bands(const std::string& sig) {
  std::vector<std::string_view> out;
  if (sig.size() != index::kSignatureHashes * 4) return out;
  const size_t width = index::kBandRows * 4;
  for (size_t b = 0; b < index::kBands; ++b)
    out.push_back(std::string_view(sig).substr(b * width, width));
  return out;
}

}  // namespace

std::vector<CopyGroup> GroupCopies(const std::vector<std::string>& signatures) {
  std::vector<CopyGroup> groups;
  // Band (number, rows' bytes) -> the ranked articles holding it.
  std::unordered_map<std::string, std::vector<size_t>> buckets;
  std::vector<size_t> group_of(signatures.size(), 0);
  std::string key;
  for (size_t i = 0; i < signatures.size(); ++i) {
    const auto bands = Bands(signatures[i]);
    size_t best = SIZE_MAX;  // the best-ranked earlier copy
    for (size_t b = 0; b < bands.size(); ++b) {
      key.assign(1, static_cast<char>(b));
      key.append(bands[b]);
      auto& bucket = buckets[key];
      for (size_t j : bucket)
        if (j < best && index::AreCopies(signatures[i], signatures[j])) best = j;
      bucket.push_back(i);
    }
    if (best == SIZE_MAX) {
      group_of[i] = groups.size();
      groups.push_back({i, {}, {}});
    } else {
      group_of[i] = group_of[best];
      groups[group_of[i]].ranked.push_back(i);
    }
  }
  return groups;
}

void AddUnrankedCopies(const Xapian::Database& db, const Xapian::Query& query,
                       const std::vector<Xapian::docid>& ranked,
                       const std::vector<std::string>& signatures, std::vector<CopyGroup>* groups) {
  std::vector<std::string> terms;
  for (const CopyGroup& g : *groups) {
    auto add = [&](size_t i) {
      for (auto& t : index::BandTerms(index::DecodeSignature(signatures[i])))
        terms.push_back(std::move(t));
    };
    add(g.leader);
    for (size_t i : g.ranked) add(i);
  }
  if (terms.empty()) return;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())));
  enquire.set_weighting_scheme(index::Unweighted());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const std::unordered_set<Xapian::docid> known(ranked.begin(), ranked.end());
  // Band collisions are rare; the cap only bounds a pathological index.
  Xapian::MSet found = enquire.get_mset(0, 10000);
  for (auto it = found.begin(); it != found.end(); ++it) {
    if (known.count(*it)) continue;
    const std::string sig = it.get_document().get_value(index::kSlotCopySignature);
    for (CopyGroup& g : *groups) {
      auto copy_of = [&](size_t i) { return index::AreCopies(sig, signatures[i]); };
      if (copy_of(g.leader) || std::any_of(g.ranked.begin(), g.ranked.end(), copy_of)) {
        g.more.push_back(*it);
        break;
      }
    }
  }
}

}  // namespace nsearch::search
