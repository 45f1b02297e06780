// index/varint: unsigned LEB128 integers, the building block of the index's
// binary values (the layout value, the stored data) and of the run's
// compact lists.
#ifndef NSEARCH_INDEX_VARINT_H_
#define NSEARCH_INDEX_VARINT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace nsearch::index {

inline void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Reads one from the front of |in|; false when |in| ends inside it.
inline bool GetVarint(std::string_view* in, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_VARINT_H_
