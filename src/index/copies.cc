#include "index/copies.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>

#include "index/schema.h"
#include "ingest/hash.h"
#include "text/normalize.h"

namespace nsearch::index {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// The i-th hash function: multiply-shift on the shingle's 64-bit hash, with
// fixed odd multipliers so that signatures agree across runs and machines.
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

}  // namespace

Signature CopySignature(const Article& article) {
  std::vector<uint64_t> words;
  for (const Paragraph& p : article.paragraphs) {
    if (p.kind != ParagraphKind::kBody) continue;
    for (const auto& t : text::Tokenize(p.text)) words.push_back(ingest::ContentHash(t.term));
  }
  if (words.size() < kShingleWords + kMinShingles - 1) return {};
  std::vector<uint64_t> shingles;
  shingles.reserve(words.size());
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = 0;
    for (size_t j = 0; j < kShingleWords; ++j) h = Mix(h ^ words[i + j]);
    shingles.push_back(h);
  }
  // A set: a phrase repeated in the body counts once.
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  if (shingles.size() < kMinShingles) return {};
  const HashFamily& f = Family();
  Signature sig(kSignatureHashes, std::numeric_limits<uint32_t>::max());
  for (uint64_t s : shingles)
    for (size_t i = 0; i < kSignatureHashes; ++i)
      sig[i] = std::min(sig[i], static_cast<uint32_t>((f.a[i] * s + f.b[i]) >> 32));
  return sig;
}

std::string EncodeSignature(const Signature& signature) {
  std::string out;
  out.reserve(signature.size() * 4);
  for (uint32_t v : signature)
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
  return out;
}

Signature DecodeSignature(std::string_view encoded) {
  if (encoded.size() != kSignatureHashes * 4) return {};
  Signature out(kSignatureHashes);
  for (size_t i = 0; i < kSignatureHashes; ++i) {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k)
      v |= uint32_t{static_cast<unsigned char>(encoded[4 * i + k])} << (8 * k);
    out[i] = v;
  }
  return out;
}

std::string SignatureHex(const Signature& signature) {
  std::string out;
  char buf[16];
  for (uint32_t v : signature) {
    std::snprintf(buf, sizeof buf, "%08x", v);
    out += buf;
  }
  return out;
}

double EstimatedJaccard(const Signature& a, const Signature& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / a.size();
}

double EstimatedJaccard(std::string_view a, std::string_view b) {
  if (a.size() != kSignatureHashes * 4 || b.size() != a.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); i += 4) {
    uint32_t x, y;
    std::memcpy(&x, a.data() + i, 4);
    std::memcpy(&y, b.data() + i, 4);
    same += x == y;
  }
  return static_cast<double>(same) / kSignatureHashes;
}

std::vector<std::string> BandTerms(const Signature& signature) {
  std::vector<std::string> out;
  if (signature.size() != kSignatureHashes) return out;
  out.reserve(kBands);
  char buf[16];
  for (size_t band = 0; band < kBands; ++band) {
    uint64_t h = band;
    for (size_t r = 0; r < kBandRows; ++r) h = Mix(h ^ signature[band * kBandRows + r]);
    std::snprintf(buf, sizeof buf, "%02zx%08x", band, static_cast<unsigned>(h >> 32));
    out.push_back(std::string(kPrefixCopyBand) + buf);
  }
  return out;
}

}  // namespace nsearch::index
