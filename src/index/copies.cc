#include "index/copies.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "ingest/hash.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

// Minima() is compiled for AVX-512 and AVX2 too, and the version the
// processor runs is picked on the first call: the same integer arithmetic
// in each, so the same signature; measured on the loop, AVX2 runs it about
// twice and AVX-512 five to seven times as fast as SSE2. The pick asks the
// processor itself (CPUID) when the indexer first needs it, not at start-up
// as the compiler's function clones do: nsearch links this file too, and
// the start-up check costs it about 75 us a process where CPUID traps to
// the hypervisor.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#define NSEARCH_MINIMA_VARIANTS 1
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
inline __attribute__((always_inline)) void MinimaLoop(const HashFamily& f,
                                                      const std::vector<uint64_t>& shingles,
                                                      uint32_t* mins) {
  for (const uint64_t s : shingles)
    for (size_t i = 0; i < kSignatureHashes; ++i)
      mins[i] = std::min(mins[i], static_cast<uint32_t>((f.a[i] * s + f.b[i]) >> 32));
}

using MinimaFn = void (*)(const HashFamily&, const std::vector<uint64_t>&, uint32_t*);

void MinimaBase(const HashFamily& f, const std::vector<uint64_t>& shingles, uint32_t* mins) {
  MinimaLoop(f, shingles, mins);
}

#ifdef NSEARCH_MINIMA_VARIANTS
__attribute__((target("avx2"))) void MinimaAvx2(const HashFamily& f,
                                                const std::vector<uint64_t>& shingles,
                                                uint32_t* mins) {
  MinimaLoop(f, shingles, mins);
}

__attribute__((target("avx512f,avx512dq,avx512vl,avx512bw"))) void MinimaAvx512(
    const HashFamily& f, const std::vector<uint64_t>& shingles, uint32_t* mins) {
  MinimaLoop(f, shingles, mins);
}

// The best version this processor and its operating system run.
MinimaFn PickMinima() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return MinimaBase;
  const bool osxsave = (c >> 27) & 1, avx = (c >> 28) & 1;
  if (!osxsave || !avx) return MinimaBase;
  uint32_t xcr0_lo = 0, xcr0_hi = 0;
  __asm__("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
  if ((xcr0_lo & 0x6) != 0x6) return MinimaBase;  // the OS saves no YMM state
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return MinimaBase;
  const bool avx2 = (b >> 5) & 1;
  const bool avx512 = ((b >> 16) & 1) && ((b >> 17) & 1) && ((b >> 30) & 1) && ((b >> 31) & 1);
  if (avx512 && (xcr0_lo & 0xe6) == 0xe6) return MinimaAvx512;  // opmask and ZMM state too
  return avx2 ? MinimaAvx2 : MinimaBase;
}
#else
MinimaFn PickMinima() { return MinimaBase; }
#endif

void Minima(const HashFamily& f, const std::vector<uint64_t>& shingles, uint32_t* mins) {
  static const MinimaFn best = PickMinima();
  best(f, shingles, mins);
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
  // A signature's entries are its encoded bytes (EncodeSignature).
  auto bytes = [](const Signature& s) {
    return std::string_view(reinterpret_cast<const char*>(s.data()), s.size());
  };
  return EstimatedJaccard(bytes(a), bytes(b));
}

double EstimatedJaccard(std::string_view a, std::string_view b) {
  if (a.size() != kSignatureBytes || b.size() != kSignatureBytes) return 0;
  static_assert(kSignatureBits == 8 && kSignatureBytes % 16 == 0 && kSignatureBytes / 16 < 256);
  size_t same = 0;
#ifdef __SSE2__
  // Sixteen entries at a time (a query compares its best 30's every pair):
  // each equal byte adds one to its lane, and the lanes are summed at the end.
  __m128i count = _mm_setzero_si128();
  for (size_t i = 0; i < kSignatureBytes; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data() + i));
    const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data() + i));
    count = _mm_sub_epi8(count, _mm_cmpeq_epi8(x, y));  // equal: -1
  }
  const __m128i sums = _mm_sad_epu8(count, _mm_setzero_si128());
  same = static_cast<size_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
#else
  for (size_t i = 0; i < kSignatureBytes; ++i) same += a[i] == b[i];
#endif
  return JaccardFromAgreements(same);
}

}  // namespace nsearch::index
