// index/copies: the near-duplicate signature of an article's body text, how
// the index stores it and how two signatures compare (docs/copies.md).
//
// Syndicated copies of one story (one agency text in several outlets,
// lightly edited, with different boilerplate around it) share most of their
// word sequences. The signature is a b-bit MinHash of the body's word
// 3-shingles (the folded words of the body paragraphs; title, headings,
// captions and boilerplate left out): for each of kSignatureHashes hash
// functions the minimum over the shingles, of which the low kSignatureBits
// bits are kept. Two signatures agree in an entry when the two minima are
// one shingle (probability: the Jaccard similarity J of the shingle sets)
// or, by chance, when two different minima share their low bits
// (probability kChanceAgreement = 2^-kSignatureBits), so the fraction of
// equal entries estimates J + (1 - J) kChanceAgreement, and EstimatedJaccard
// corrects for it. LSH banding finds the candidate pairs among many
// signatures without comparing all of them: two articles share at least one
// of kBands bands (kBandRows entries each) with probability
// 1 - (1 - p^kBandRows)^kBands, p = J + (1 - J) kChanceAgreement.
#ifndef NSEARCH_INDEX_COPIES_H_
#define NSEARCH_INDEX_COPIES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/article.h"
#include "text/normalize.h"

namespace nsearch::index {

inline constexpr size_t kShingleWords = 3;
inline constexpr size_t kSignatureHashes = 128;
inline constexpr size_t kSignatureBits = 8;                  // one byte an entry
inline constexpr size_t kSignatureBytes = kSignatureHashes;  // EncodeSignature
inline constexpr double kChanceAgreement = 1.0 / (1u << kSignatureBits);
inline constexpr size_t kBandRows = 2;
inline constexpr size_t kBands = kSignatureHashes / kBandRows;
// Bodies with fewer shingles than this have no signature and are never
// anybody's copy: a two-line note is too short to tell a copy from a
// coincidence.
inline constexpr size_t kMinShingles = 20;
// Two articles are copies when their estimated Jaccard similarity is at
// least this (docs/copies.md: the measured pairs that chose it).
inline constexpr double kCopyJaccard = 0.5;

// kSignatureHashes entries, the low kSignatureBits bits of each minimum;
// empty when the body is too short.
using Signature = std::vector<uint8_t>;

// The signature of |article|'s body paragraphs (ParagraphKind::kBody).
Signature CopySignature(const Article& article);
// The same from the paragraphs' tokens, |tokens|[i] being
// text::Tokenize(article.paragraphs[i].text) (BuildDocument has them).
Signature CopySignature(const Article& article,
                        const std::vector<std::vector<text::Token>>& tokens);

// One byte an entry (kSlotCopySignature), and back; an empty or malformed
// value (the 256-byte form of indexes before pipeline version 9 included)
// decodes to an empty signature.
std::string EncodeSignature(const Signature& signature);
Signature DecodeSignature(std::string_view encoded);
// Two hex digits an entry, for the dry run's JSON.
std::string SignatureHex(const Signature& signature);

// The estimated Jaccard similarity of two bodies' shingle sets from the
// number m of equal entries of their signatures (k = kSignatureHashes,
// c = kChanceAgreement): (m / k - c) / (1 - c), 0 when that is negative.
double JaccardFromAgreements(size_t agreements);
// The estimate for two signatures: 0 when either is empty or malformed.
double EstimatedJaccard(const Signature& a, const Signature& b);
// Byte form, without decoding (query time compares many pairs).
double EstimatedJaccard(std::string_view a, std::string_view b);
inline bool AreCopies(std::string_view a, std::string_view b) {
  return EstimatedJaccard(a, b) >= kCopyJaccard;
}

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_COPIES_H_
