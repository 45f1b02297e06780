// Grouping ranked matches into stories (search/copies.h).
#include "search/copies.h"

#include <gtest/gtest.h>

#include "index/copies.h"
#include "index/schema.h"

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

TEST(LayoutSignatureTest, TheLayoutCarriesTheSignature) {
  const std::vector<index::ParagraphShape> shapes = {
      {ParagraphKind::kHeading, 7}, {ParagraphKind::kBody, 300}, {ParagraphKind::kBoilerplate, 12}};
  const std::string sig = Sig(3);
  const std::string layout = index::EncodeLayout(shapes, sig);
  const auto back = index::DecodeLayout(layout);
  ASSERT_EQ(back.size(), shapes.size());
  for (size_t i = 0; i < shapes.size(); ++i) {
    EXPECT_EQ(back[i].kind, shapes[i].kind);
    EXPECT_EQ(back[i].words, shapes[i].words);
  }
  ASSERT_TRUE(index::LayoutSignature(layout).has_value());
  EXPECT_EQ(*index::LayoutSignature(layout), sig);
  // A body too short for a signature: the layout says so.
  const std::string none = index::EncodeLayout(shapes, "");
  ASSERT_TRUE(index::LayoutSignature(none).has_value());
  EXPECT_TRUE(index::LayoutSignature(none)->empty());
  EXPECT_EQ(index::DecodeLayout(none).size(), shapes.size());
  // A layout written before (the shapes alone): look elsewhere.
  EXPECT_FALSE(index::LayoutSignature(none.substr(0, none.size() - 1)).has_value());
}

TEST(CopySignaturesTest, FromTheLayoutOrTheOldSlot) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<index::ParagraphShape> shapes = {{ParagraphKind::kHeading, 3},
                                                     {ParagraphKind::kBody, 40}};
  auto add = [&](const std::string& layout, const std::string& own) {
    Xapian::Document doc;
    doc.add_value(index::kSlotLayout, layout);
    if (!own.empty()) doc.add_value(index::kSlotCopySignature, own);
    return db.add_document(doc);
  };
  const std::string before = index::EncodeLayout(shapes, "");
  const Xapian::docid a = add(index::EncodeLayout(shapes, Sig(1)), "");
  const Xapian::docid b = add(index::EncodeLayout(shapes, ""), Sig(9));  // none: the slot is stale
  const Xapian::docid c = add(before.substr(0, before.size() - 1), Sig(2));  // written before
  const Xapian::docid d = add(index::EncodeLayout(shapes, Sig(4)), "");
  db.commit();
  // d's layout was read already (and says otherwise, to show it is used).
  const std::vector<std::pair<Xapian::docid, std::string>> known = {
      {d, index::EncodeLayout(shapes, Sig(5))}};
  const auto sigs = CopySignatures(db, {c, a, d, b}, known);
  EXPECT_EQ(sigs, (std::vector<std::string>{Sig(2), Sig(1), Sig(5), ""}));
}

}  // namespace
}  // namespace nsearch::search
