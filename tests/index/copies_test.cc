// The copy signature: what it is computed from and how well it estimates
// the shared text of two bodies.
#include "index/copies.h"

#include <gtest/gtest.h>

#include <string>

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

TEST(CopySignatureTest, EncodesRoundTrip) {
  const Signature a = CopySignature(WithBody({{ParagraphKind::kBody, Words(0, 100)}}));
  EXPECT_EQ(DecodeSignature(EncodeSignature(a)), a);
  EXPECT_TRUE(DecodeSignature("short").empty());
  EXPECT_EQ(SignatureHex(a).size(), kSignatureHashes * 4);
}

}  // namespace
}  // namespace nsearch::index
