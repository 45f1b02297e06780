#include "index/copies.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "ingest/hash.h"

// Minima() is compiled for AVX-512 and AVX2 too where the loader can pick a
// version at run time (glibc's ifunc): the same integer arithmetic in each,
// so the same signature; measured on the loop, AVX2 runs it about twice and
// AVX-512 five to seven times as fast as SSE2.
#if defined(__x86_64__) && defined(__ELF__) && defined(__GLIBC__) && defined(__clang__)
#define NSEARCH_VECTOR_CLONES __attribute__((target_clones("avx512dq", "avx2", "default")))
#elif defined(__x86_64__) && defined(__ELF__) && defined(__GLIBC__) && defined(__GNUC__)
#define NSEARCH_VECTOR_CLONES \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define NSEARCH_VECTOR_CLONES
#endif

namespace nsearch::index {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// The i-th hash function: multiply-add-shift on the shingle's 64-bit hash,
// h_i(s) = (a_i s + b_i mod 2^64) >> 32, with fixed odd multipliers so that
// signatures agree across runs and machines.
struct HashFamily {
  uint64_t a[kSignatureHashes], b[kSignatureHashes];
  HashFamily() {
    for (size_t i = 0; i < kSignatureHashes; ++i) {
      a[i] = Mix(2 * i + 1) | 1;
      b[i] = Mix(2 * i + 2);
    }
  }
};

const HashFamily& Family() {
  static const HashFamily family;
  return family;
}

// Lowers |mins| to the minimum of each hash function over |shingles|: most
// of the signature's cost, kSignatureHashes multiplications a shingle.
NSEARCH_VECTOR_CLONES void Minima(const HashFamily& f, const std::vector<uint64_t>& shingles,
                                  uint32_t* mins) {
  for (const uint64_t s : shingles)
    for (size_t i = 0; i < kSignatureHashes; ++i)
      mins[i] = std::min(mins[i], static_cast<uint32_t>((f.a[i] * s + f.b[i]) >> 32));
}

// The signature of a body given as the ContentHash of each folded word.
Signature FromWords(const std::vector<uint64_t>& words) {
  if (words.size() < kShingleWords + kMinShingles - 1) return {};
  std::vector<uint64_t> shingles;
  shingles.reserve(words.size());
  // A set: a phrase repeated in the body counts once. The minima need no
  // deduplication (a repeated shingle changes no minimum); the count of
  // distinct shingles matters only up to kMinShingles.
  uint64_t distinct[kMinShingles];
  size_t n_distinct = 0;
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = 0;
    for (size_t j = 0; j < kShingleWords; ++j) h = Mix(h ^ words[i + j]);
    shingles.push_back(h);
    if (n_distinct < kMinShingles &&
        std::find(distinct, distinct + n_distinct, h) == distinct + n_distinct)
      distinct[n_distinct++] = h;
  }
  if (n_distinct < kMinShingles) return {};
  uint32_t mins[kSignatureHashes];
  std::fill(mins, mins + kSignatureHashes, std::numeric_limits<uint32_t>::max());
  Minima(Family(), shingles, mins);
  // The low bits: a minimum's high bits are small (the least of many
  // values), its low bits uniform, so two different minima agree in them
  // with probability kChanceAgreement whatever the bodies' lengths.
  Signature sig(kSignatureHashes);
  for (size_t i = 0; i < kSignatureHashes; ++i)
    sig[i] = static_cast<uint8_t>(mins[i] & ((1u << kSignatureBits) - 1));
  return sig;
}

}  // namespace

Signature CopySignature(const Article& article) {
  std::vector<uint64_t> words;
  for (const Paragraph& p : article.paragraphs) {
    if (p.kind != ParagraphKind::kBody) continue;
    for (const auto& t : text::Tokenize(p.text)) words.push_back(ingest::ContentHash(t.term));
  }
  return FromWords(words);
}

Signature CopySignature(const Article& article,
                        const std::vector<std::vector<text::Token>>& tokens) {
  std::vector<uint64_t> words;
  for (size_t i = 0; i < article.paragraphs.size() && i < tokens.size(); ++i) {
    if (article.paragraphs[i].kind != ParagraphKind::kBody) continue;
    for (const auto& t : tokens[i]) words.push_back(ingest::ContentHash(t.term));
  }
  return FromWords(words);
}

std::string EncodeSignature(const Signature& signature) {
  return std::string(signature.begin(), signature.end());
}

Signature DecodeSignature(std::string_view encoded) {
  if (encoded.size() != kSignatureBytes) return {};
  return Signature(encoded.begin(), encoded.end());
}

std::string SignatureHex(const Signature& signature) {
  std::string out;
  char buf[4];
  for (uint8_t v : signature) {
    std::snprintf(buf, sizeof buf, "%02x", v);
    out += buf;
  }
  return out;
}

double JaccardFromAgreements(size_t agreements) {
  const double fraction = static_cast<double>(agreements) / kSignatureHashes;
  return std::max(0.0, (fraction - kChanceAgreement) / (1 - kChanceAgreement));
}

double EstimatedJaccard(const Signature& a, const Signature& b) {
  if (a.size() != kSignatureHashes || b.size() != kSignatureHashes) return 0;
  size_t same = 0;
  for (size_t i = 0; i < kSignatureHashes; ++i) same += a[i] == b[i];
  return JaccardFromAgreements(same);
}

double EstimatedJaccard(std::string_view a, std::string_view b) {
  if (a.size() != kSignatureBytes || b.size() != kSignatureBytes) return 0;
  size_t same = 0;
  for (size_t i = 0; i < kSignatureBytes; ++i) same += a[i] == b[i];
  return JaccardFromAgreements(same);
}

}  // namespace nsearch::index
