// ingest/hashed_table: a map or a set keyed by 64-bit hash values (the
// ContentHash of a line, an article, an id), in one array with open
// addressing. An entry takes its key and value (16 bytes for a count) over
// a table kept between 3/8 and 3/4 full, where a std::unordered_map node
// and its bucket take about 40 bytes: the first pass's counts over a big
// bundle are tens of MB of them. Keys are used as they are (they are hashes
// already); no erase.
#ifndef NSEARCH_INGEST_HASHED_TABLE_H_
#define NSEARCH_INGEST_HASHED_TABLE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace nsearch::ingest {

template <typename V>
class HashedMap {
 public:
  // The value under |key|, or nullptr.
  const V* Find(uint64_t key) const {
    if (key == 0) return has_zero_ ? &zero_.value : nullptr;
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Home(key, mask);; i = (i + 1) & mask) {
      if (slots_[i].key == key) return &slots_[i].value;
      if (slots_[i].key == 0) return nullptr;
    }
  }
  V* Find(uint64_t key) { return const_cast<V*>(std::as_const(*this).Find(key)); }

  // Puts |value| under |key| unless the key is there: the value under
  // |key| and whether it was put. The pointer holds until the next Insert.
  std::pair<V*, bool> Insert(uint64_t key, V value = V()) {
    if (key == 0) {
      const bool put = !has_zero_;
      if (put) zero_.value = std::move(value);
      has_zero_ = true;
      size_ += put;
      return {&zero_.value, put};
    }
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    const size_t mask = slots_.size() - 1;
    size_t i = Home(key, mask);
    for (; slots_[i].key != 0; i = (i + 1) & mask) {
      if (slots_[i].key == key) return {&slots_[i].value, false};
    }
    slots_[i].key = key;
    slots_[i].value = std::move(value);
    ++size_;
    return {&slots_[i].value, true};
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t key = 0;  // 0: empty (the key 0 is kept aside)
    [[no_unique_address]] V value{};
  };
  // The high bits of a multiplicative hash: keys that are not well mixed
  // hashes (small integers) spread too.
  static size_t Home(uint64_t key, size_t mask) {
    return static_cast<size_t>((key * 0x9e3779b97f4a7c15ull) >> 32) & mask;
  }
  void Grow() {
    std::vector<Slot> old(std::max<size_t>(64, slots_.size() * 2));
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (Slot& s : old) {
      if (s.key == 0) continue;
      size_t i = Home(s.key, mask);
      while (slots_[i].key != 0) i = (i + 1) & mask;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;  // a power of two
  size_t size_ = 0;
  bool has_zero_ = false;
  Slot zero_;
};

// A set of 64-bit hash values.
class HashedSet {
 public:
  // True when |key| was not in the set (it is now).
  bool Insert(uint64_t key) { return map_.Insert(key).second; }
  bool Contains(uint64_t key) const { return map_.Find(key) != nullptr; }
  size_t size() const { return map_.size(); }

 private:
  struct Nothing {};
  HashedMap<Nothing> map_;
};

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_HASHED_TABLE_H_
