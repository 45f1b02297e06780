// Grouping ranked matches into stories (search/copies.h).
#include "search/copies.h"

#include <gtest/gtest.h>

#include "index/copies.h"

namespace nsearch::search {
namespace {

// Story |story|'s signature, entries drawn from a fixed sequence (two
// stories agree in about one entry in 256, as two bodies' signatures do),
// with |changed| entries altered.
std::string Sig(int story, int changed = 0) {
  index::Signature s(index::kSignatureHashes);
  uint32_t state = 2654435761u * static_cast<uint32_t>(story);
  for (auto& e : s) {
    state = state * 1103515245u + 12345u;
    e = static_cast<uint8_t>(state >> 24);
  }
  // Even entries first, then odd: spread over many bands.
  for (int i = 0; i < changed; ++i) s[(i * 2) % 128 + (i * 2) / 128] += 7;
  return index::EncodeSignature(s);
}

TEST(GroupCopiesTest, TheBestRankedCopyLeadsItsStory) {
  // Ranked: story 1, story 2, a light copy of 1, no signature, a heavy
  // rewrite of 2 (not a copy), a copy of 2.
  const std::vector<std::string> sigs = {Sig(1), Sig(2), Sig(1, 10), "", Sig(2, 80), Sig(2, 20)};
  const auto groups = GroupCopies(sigs);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0].leader, 0u);
  EXPECT_EQ(groups[0].copies, std::vector<size_t>{2});
  EXPECT_EQ(groups[1].leader, 1u);
  EXPECT_EQ(groups[1].copies, std::vector<size_t>{5});
  EXPECT_EQ(groups[2].leader, 3u);
  EXPECT_TRUE(groups[2].copies.empty());
  EXPECT_EQ(groups[3].leader, 4u);
}

TEST(GroupCopiesTest, ArticlesWithoutSignaturesAreNeverCopies) {
  const auto groups = GroupCopies({"", "", ""});
  EXPECT_EQ(groups.size(), 3u);
}

TEST(GroupCopiesTest, ManyMatchesAreGroupedThroughTheirBands) {
  // 150 stories, each followed later by a light copy: past the few dozen
  // compared pair by pair, bands find the candidates.
  std::vector<std::string> sigs;
  for (int s = 0; s < 150; ++s) sigs.push_back(Sig(s + 1));
  for (int s = 0; s < 150; ++s) sigs.push_back(Sig(s + 1, 12));
  const auto groups = GroupCopies(sigs);
  ASSERT_EQ(groups.size(), 150u);
  for (size_t g = 0; g < groups.size(); ++g) {
    EXPECT_EQ(groups[g].leader, g);
    EXPECT_EQ(groups[g].copies, std::vector<size_t>{150 + g});
  }
}

}  // namespace
}  // namespace nsearch::search
