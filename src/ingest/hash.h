// ContentHash: a 64-bit FNV-1a hash of raw bytes, used to notice that a file,
// archive member or JSONL line changed between two indexing runs. Not
// cryptographic; stable across platforms and releases.
#ifndef NSEARCH_INGEST_HASH_H_
#define NSEARCH_INGEST_HASH_H_

#include <cstdint>
#include <string_view>

namespace nsearch::ingest {

inline constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
inline constexpr uint64_t kFnvPrime = 0x100000001b3ull;

// Continues a hash over more bytes: ContentHash(b, ContentHash(a)) equals
// ContentHash(a + b), so streamed input hashes like a whole buffer.
inline uint64_t ContentHash(std::string_view bytes, uint64_t seed = kFnvOffset) {
  uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_HASH_H_
