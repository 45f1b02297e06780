#include "search/copies.h"

#include <algorithm>

#include "index/copies.h"
#include "index/schema.h"

namespace nsearch::search {
namespace {

// Band |b| of an encoded signature (one byte an entry) as one number: its
// rows' bytes and the band's number, so equal keys are equal bands.
uint64_t BandKey(std::string_view sig, size_t b) {
  static_assert(index::kSignatureBits == 8 && index::kBandRows <= 7);
  uint64_t h = b;
  for (size_t k = 0; k < index::kBandRows; ++k)
    h = h << 8 | static_cast<unsigned char>(sig[b * index::kBandRows + k]);
  return h;
}

// Candidate pairs (later, earlier) of |signatures|, sorted.
std::vector<std::pair<size_t, size_t>> CandidatePairs(const std::vector<std::string>& signatures) {
  std::vector<std::pair<size_t, size_t>> pairs;
  // A page's few dozen matches: every pair costs less than banding them.
  if (signatures.size() <= 128) {
    for (size_t i = 0; i < signatures.size(); ++i)
      if (signatures[i].size() == index::kSignatureBytes)
        for (size_t j = 0; j < i; ++j)
          if (signatures[j].size() == index::kSignatureBytes) pairs.emplace_back(i, j);
    return pairs;
  }
  // Every (band key, article); equal keys side by side, in rank order.
  std::vector<std::pair<uint64_t, size_t>> keys;
  for (size_t i = 0; i < signatures.size(); ++i) {
    if (signatures[i].size() != index::kSignatureBytes) continue;
    for (size_t b = 0; b < index::kBands; ++b) keys.emplace_back(BandKey(signatures[i], b), i);
  }
  std::sort(keys.begin(), keys.end());
  // Pairs sharing a band.
  for (size_t r = 0; r < keys.size();) {
    size_t end = r + 1;
    while (end < keys.size() && keys[end].first == keys[r].first) ++end;
    // The earliest few of a band are enough: a run of many identical
    // articles stays linear.
    for (size_t x = r + 1; x < end; ++x)
      for (size_t y = r; y < x && y < r + 8; ++y)
        if (keys[y].second != keys[x].second) pairs.emplace_back(keys[x].second, keys[y].second);
    r = end;
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace

std::vector<CopyGroup> GroupCopies(const std::vector<std::string>& signatures) {
  const auto pairs = CandidatePairs(signatures);
  std::vector<CopyGroup> groups;
  std::vector<size_t> group_of(signatures.size(), 0);
  auto pair = pairs.begin();
  for (size_t i = 0; i < signatures.size(); ++i) {
    size_t best = SIZE_MAX;  // the best-ranked earlier copy: pairs come j ascending
    for (; pair != pairs.end() && pair->first == i; ++pair)
      if (best == SIZE_MAX && index::AreCopies(signatures[i], signatures[pair->second]))
        best = pair->second;
    if (best == SIZE_MAX) {
      group_of[i] = groups.size();
      groups.push_back({i, {}});
    } else {
      group_of[i] = group_of[best];
      groups[group_of[i]].copies.push_back(i);
    }
  }
  return groups;
}

std::vector<std::string> SlotValues(const Xapian::Database& db, Xapian::valueno slot,
                                    const std::vector<Xapian::docid>& docids) {
  std::vector<size_t> order(docids.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return docids[a] < docids[b]; });
  std::vector<std::string> out(docids.size());
  if (docids.empty()) return out;  // opening the stream reads its first chunk
  auto v = db.valuestream_begin(slot);
  for (size_t i : order) {
    v.skip_to(docids[i]);
    if (v == db.valuestream_end(slot)) break;
    if (v.get_docid() == docids[i]) out[i] = *v;
  }
  return out;
}

std::vector<std::string> CopySignatures(
    const Xapian::Database& db, const std::vector<Xapian::docid>& docids,
    const std::vector<std::pair<Xapian::docid, std::string>>& layouts) {
  std::vector<std::string> out(docids.size());
  std::vector<const std::string*> layout(docids.size(), nullptr);
  std::vector<size_t> unread;
  for (size_t i = 0; i < docids.size(); ++i) {
    auto it = std::lower_bound(layouts.begin(), layouts.end(), docids[i],
                               [](const auto& l, Xapian::docid d) { return l.first < d; });
    if (it != layouts.end() && it->first == docids[i])
      layout[i] = &it->second;
    else
      unread.push_back(i);
  }
  std::vector<Xapian::docid> dids;
  for (size_t i : unread) dids.push_back(docids[i]);
  const auto read = SlotValues(db, index::kSlotLayout, dids);
  for (size_t k = 0; k < unread.size(); ++k) layout[unread[k]] = &read[k];
  std::vector<size_t> before;  // written before the move: their own slot
  for (size_t i = 0; i < docids.size(); ++i) {
    if (const auto sig = index::LayoutSignature(*layout[i]))
      out[i] = std::string(*sig);
    else
      before.push_back(i);
  }
  dids.clear();
  for (size_t i : before) dids.push_back(docids[i]);
  const auto own = SlotValues(db, index::kSlotCopySignature, dids);
  for (size_t k = 0; k < before.size(); ++k) out[before[k]] = own[k];
  return out;
}

}  // namespace nsearch::search
