// The copy signature: what it is computed from and how well it estimates
// the shared text of two bodies.
#include "index/copies.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace nsearch::index {
namespace {

// A body of |n| distinct words ("w0 w1 ..."), from word |from|.
std::string Words(int from, int n) {
  std::string out;
  for (int i = from; i < from + n; ++i) out += (out.empty() ? "" : " ") + ("w" + std::to_string(i));
  return out;
}

Article WithBody(std::vector<std::pair<ParagraphKind, std::string>> paras,
                 std::string title = "A headline") {
  Article a;
  a.id = "a.txt";
  a.title = std::move(title);
  int n = 0;
  for (auto& [kind, text] : paras) a.paragraphs.push_back({++n, kind, std::move(text)});
  return a;
}

TEST(CopySignatureTest, HeadlineAndBoilerplateDoNotCount) {
  const Signature plain = CopySignature(WithBody({{ParagraphKind::kBody, Words(0, 200)}}));
  ASSERT_EQ(plain.size(), kSignatureHashes);
  const Signature dressed = CopySignature(
      WithBody({{ParagraphKind::kBoilerplate, "We use cookies to improve your experience"},
                {ParagraphKind::kBody, Words(0, 200)},
                {ParagraphKind::kCaption, "A photo of the river"},
                {ParagraphKind::kCredit, "Photo: Agency"}},
               "Another headline entirely"));
  EXPECT_EQ(plain, dressed);
  EXPECT_EQ(EstimatedJaccard(EncodeSignature(plain), EncodeSignature(dressed)), 1.0);
}

TEST(CopySignatureTest, ShortBodiesHaveNone) {
  EXPECT_TRUE(CopySignature(WithBody({{ParagraphKind::kBody, Words(0, 15)}})).empty());
  // Many words, too few distinct shingles: one phrase over and over.
  std::string chant;
  for (int i = 0; i < 20; ++i) chant += "go team go ";
  EXPECT_TRUE(CopySignature(WithBody({{ParagraphKind::kBody, chant}})).empty());
  EXPECT_FALSE(CopySignature(WithBody({{ParagraphKind::kBody, Words(0, 40)}})).empty());
}

TEST(CopySignatureTest, EstimatesTheSharedShingles) {
  // 300 words, the second body shares the first 200: 198 of 298 + 98 - 198
  // shingles, Jaccard 198 / 398 ~ 0.50; a third shares 100, ~0.20.
  const Signature a = CopySignature(WithBody({{ParagraphKind::kBody, Words(0, 300)}}));
  const Signature b =
      CopySignature(WithBody({{ParagraphKind::kBody, Words(0, 200) + " " + Words(1000, 100)}}));
  const Signature c =
      CopySignature(WithBody({{ParagraphKind::kBody, Words(0, 100) + " " + Words(2000, 200)}}));
  EXPECT_NEAR(EstimatedJaccard(a, b), 0.50, 0.15);
  EXPECT_NEAR(EstimatedJaccard(a, c), 0.20, 0.12);
  EXPECT_FALSE(AreCopies(EncodeSignature(a), EncodeSignature(c)));
  const Signature unrelated = CopySignature(WithBody({{ParagraphKind::kBody, Words(5000, 300)}}));
  EXPECT_LT(EstimatedJaccard(a, unrelated), 0.05);
}

TEST(CopySignatureTest, FromTheBuildersTokensToo) {
  const Article a = WithBody({{ParagraphKind::kBoilerplate, "We use cookies"},
                              {ParagraphKind::kBody, Words(0, 60)},
                              {ParagraphKind::kCaption, "A photo of the river"},
                              {ParagraphKind::kBody, Words(100, 60)}});
  std::vector<std::vector<text::Token>> tokens;
  for (const Paragraph& p : a.paragraphs) tokens.push_back(text::Tokenize(p.text));
  ASSERT_FALSE(CopySignature(a).empty());
  EXPECT_EQ(CopySignature(a, tokens), CopySignature(a));
}

// Indexes built on different processors (the signature loop runs as
// AVX-512, AVX2 or plain x86-64, whichever the machine has) hold the same
// signatures: copies found on one are found on another. Pinned to the
// plain version's output.
TEST(CopySignatureTest, IsTheSameOnEveryProcessor) {
  const Signature s = CopySignature(WithBody({{ParagraphKind::kBody, Words(0, 80)}}));
  EXPECT_EQ(SignatureHex(s).substr(0, 64),
            "1f818a2fa4921c6ea11a19298872c98c0cf96680f099f1fb3daf30d669e96b20");
}

TEST(CopySignatureTest, EncodesRoundTrip) {
  const Signature a = CopySignature(WithBody({{ParagraphKind::kBody, Words(0, 100)}}));
  ASSERT_EQ(a.size(), kSignatureHashes);
  const std::string encoded = EncodeSignature(a);
  EXPECT_EQ(encoded.size(), kSignatureBytes);
  EXPECT_EQ(kSignatureBytes, 128u);
  EXPECT_EQ(DecodeSignature(encoded), a);
  EXPECT_TRUE(DecodeSignature("short").empty());
  EXPECT_TRUE(DecodeSignature("").empty());
  EXPECT_EQ(SignatureHex(a).size(), kSignatureHashes * 2);
  EXPECT_EQ(SignatureHex({0x00, 0x7f, 0xff}), "007fff");
}

TEST(CopySignatureTest, TheOldFormIsNoSignature) {
  // Indexes before pipeline version 9 stored 128 entries of 16 bits: such a
  // value reads as none, compared with anything (itself included).
  const std::string old(256, 'x');
  const std::string now = EncodeSignature(Signature(kSignatureHashes, 'x'));
  EXPECT_TRUE(DecodeSignature(old).empty());
  EXPECT_EQ(EstimatedJaccard(old, old), 0);
  EXPECT_EQ(EstimatedJaccard(old, now), 0);
  EXPECT_EQ(EstimatedJaccard(now, now), 1);
  EXPECT_FALSE(AreCopies(old, old));
}

TEST(CopySignatureTest, StoredSignaturesCountEveryEqualEntry) {
  // Entries that differ in one bit, in every bit, or only in the high bit
  // (0x00 against 0x80) are unequal; every other one is the same.
  Signature a(kSignatureHashes), b(kSignatureHashes);
  size_t same = 0;
  for (size_t i = 0; i < kSignatureHashes; ++i) {
    a[i] = static_cast<uint8_t>(i * 37);
    const uint8_t flips[] = {0x00, 0x01, 0x80, 0xff, 0x00, 0x00, 0x10};
    b[i] = a[i] ^ flips[i % 7];
    same += a[i] == b[i];
  }
  EXPECT_EQ(EstimatedJaccard(EncodeSignature(a), EncodeSignature(b)), JaccardFromAgreements(same));
  EXPECT_EQ(EstimatedJaccard(EncodeSignature(a), EncodeSignature(b)), EstimatedJaccard(a, b));
}

TEST(CopySignatureTest, TheEstimateCorrectsForChanceAgreements) {
  // (m / 128 - 1/256) / (1 - 1/256): 128 equal entries are J = 1, the one
  // entry of 128 that unrelated bodies share by chance is J = 0.
  EXPECT_EQ(JaccardFromAgreements(128), 1.0);
  EXPECT_EQ(JaccardFromAgreements(0), 0.0);
  EXPECT_DOUBLE_EQ(JaccardFromAgreements(2), (2.0 / 128 - 1.0 / 256) / (255.0 / 256));
  EXPECT_NEAR(JaccardFromAgreements(64), 0.498, 0.001);
  // The threshold in equal entries: 65 of 128 are copies, 64 are not.
  Signature a(kSignatureHashes), b(kSignatureHashes);
  for (size_t i = 0; i < kSignatureHashes; ++i) {
    a[i] = static_cast<uint8_t>(i);
    b[i] = static_cast<uint8_t>(i < 64 ? i : i + 128);
  }
  EXPECT_FALSE(AreCopies(EncodeSignature(a), EncodeSignature(b)));
  b[64] = a[64];
  EXPECT_TRUE(AreCopies(EncodeSignature(a), EncodeSignature(b)));
  EXPECT_EQ(EstimatedJaccard(a, b), JaccardFromAgreements(65));
  EXPECT_EQ(EstimatedJaccard(a, Signature()), 0);
}

size_t Agreements(const Signature& a, const Signature& b) {
  size_t same = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) same += a[i] == b[i];
  return same;
}

TEST(CopySignatureTest, UnrelatedBodiesAgreeInOneEntryIn256) {
  // 400 pairs of bodies with no shingle in common: their entries agree at
  // the chance rate 2^-8 (the low bits of different minima are uniform),
  // which the estimate takes off (mean of 400 pairs: standard error
  // 0.0003). The estimate is clamped at 0, so its mean over pairs of J = 0
  // stays a little above 0 (0.0024 for Poisson(0.5) chance agreements).
  double raw = 0, estimate = 0, most = 0;
  const int pairs = 400;
  for (int t = 0; t < pairs; ++t) {
    const Signature a =
        CopySignature(WithBody({{ParagraphKind::kBody, Words(10000 * t, 80 + t % 300)}}));
    const Signature b =
        CopySignature(WithBody({{ParagraphKind::kBody, Words(10000 * t + 5000, 300)}}));
    raw += static_cast<double>(Agreements(a, b)) / kSignatureHashes;
    estimate += EstimatedJaccard(a, b);
    most = std::max(most, EstimatedJaccard(a, b));
  }
  EXPECT_NEAR(raw / pairs, kChanceAgreement, 0.0012);
  EXPECT_NEAR(estimate / pairs, 0.0024, 0.0012);
  EXPECT_LT(most, 0.05);
}

TEST(CopySignatureTest, TheEstimateIsUnbiased) {
  // 200 pairs sharing 198 of 398 shingles (J = 0.497): the mean estimate is
  // within a few standard errors (0.044 / sqrt(200) = 0.003) of J.
  double sum = 0, sum_sq = 0;
  const int pairs = 200;
  for (int t = 0; t < pairs; ++t) {
    const int base = 10000 * t;
    const Signature a = CopySignature(WithBody({{ParagraphKind::kBody, Words(base, 300)}}));
    const Signature b = CopySignature(
        WithBody({{ParagraphKind::kBody, Words(base, 200) + " " + Words(base + 5000, 100)}}));
    const double j = EstimatedJaccard(a, b);
    sum += j;
    sum_sq += j * j;
  }
  const double mean = sum / pairs, sd = std::sqrt(sum_sq / pairs - mean * mean);
  EXPECT_NEAR(mean, 198.0 / 398, 0.01);
  // k = 128 samples: sd = sqrt(J (1 - J) / 128) ~ 0.044, a little more for
  // the chance agreements.
  EXPECT_NEAR(sd, 0.044, 0.012);
}

}  // namespace
}  // namespace nsearch::index
