// index/copies: the near-duplicate signature of an article's body text, how
// the index stores it and how two signatures compare (docs/copies.md).
//
// Syndicated copies of one story (one agency text in several outlets,
// lightly edited, with different boilerplate around it) share most of their
// word sequences. The signature is a MinHash of the body's word 3-shingles
// (kSignatureHashes minimum hashes of the folded words of the body
// paragraphs, title, headings, captions and boilerplate left out); the
// fraction of equal entries of two signatures estimates the Jaccard
// similarity of their shingle sets. LSH banding finds the candidate pairs
// among many signatures without comparing all of them: two articles of
// Jaccard s share at least one of kBands bands (kBandRows entries each)
// with probability 1 - (1 - s^kBandRows)^kBands.
#ifndef NSEARCH_INDEX_COPIES_H_
#define NSEARCH_INDEX_COPIES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/article.h"

namespace nsearch::index {

inline constexpr size_t kShingleWords = 3;
inline constexpr size_t kSignatureHashes = 128;
inline constexpr size_t kBandRows = 2;
inline constexpr size_t kBands = kSignatureHashes / kBandRows;
inline constexpr size_t kSignatureBytes = kSignatureHashes * 2;  // EncodeSignature
// Bodies with fewer shingles than this have no signature and are never
// anybody's copy: a two-line note is too short to tell a copy from a
// coincidence.
inline constexpr size_t kMinShingles = 20;
// Two articles are copies when their estimated Jaccard similarity is at
// least this (docs/copies.md: the measured pairs that chose it).
inline constexpr double kCopyJaccard = 0.5;

// kSignatureHashes minimum hashes, the top 16 bits of each (b-bit MinHash:
// two different minima agree by chance once in 65,536, a negligible bias,
// and the value a search reads per match is half as long); empty when the
// body is too short.
using Signature = std::vector<uint16_t>;

// The signature of |article|'s body paragraphs (ParagraphKind::kBody).
Signature CopySignature(const Article& article);

// Little-endian bytes (kSlotCopySignature), and back; an empty or malformed
// value decodes to an empty signature.
std::string EncodeSignature(const Signature& signature);
Signature DecodeSignature(std::string_view encoded);
// Four hex digits per entry, for the dry run's JSON.
std::string SignatureHex(const Signature& signature);

// The fraction of equal entries: the estimated Jaccard similarity of the
// two bodies' shingle sets. 0 when either signature is empty.
double EstimatedJaccard(const Signature& a, const Signature& b);
// Byte form, without decoding (query time compares many pairs).
double EstimatedJaccard(std::string_view a, std::string_view b);
inline bool AreCopies(std::string_view a, std::string_view b) {
  return EstimatedJaccard(a, b) >= kCopyJaccard;
}

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_COPIES_H_
