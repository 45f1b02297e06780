// A map and a set keyed by 64-bit hash values (ingest/hashed_table.h): the
// same answers as std::unordered_map, through growth, for well mixed hashes,
// small integers and the key 0.
#include "ingest/hashed_table.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>

#include "ingest/hash.h"

namespace nsearch::ingest {
namespace {

void ExpectSameAsUnorderedMap(const std::vector<uint64_t>& keys) {
  HashedMap<uint32_t> map;
  std::unordered_map<uint64_t, uint32_t> want;
  for (uint64_t k : keys) {
    auto [value, put] = map.Insert(k, 1);
    auto [it, inserted] = want.emplace(k, 1);
    ASSERT_EQ(put, inserted) << k;
    if (!put) {
      ++*value;
      ++it->second;
    }
    ASSERT_EQ(map.size(), want.size());
  }
  for (const auto& [k, n] : want) {
    const uint32_t* got = map.Find(k);
    ASSERT_NE(got, nullptr) << k;
    EXPECT_EQ(*got, n) << k;
  }
  for (uint64_t k : keys)
    EXPECT_EQ(map.Find(k ^ 0x5555000000000000ull) != nullptr,
              want.count(k ^ 0x5555000000000000ull) != 0);
}

TEST(HashedMapTest, CountsLikeAnUnorderedMapThroughGrowth) {
  std::mt19937_64 rng(7);
  std::vector<uint64_t> keys;
  for (int i = 0; i < 20000; ++i)
    keys.push_back(ContentHash("line " + std::to_string(rng() % 9000)));
  ExpectSameAsUnorderedMap(keys);
}

TEST(HashedMapTest, SmallIntegersAndZeroAreKeysToo) {
  std::vector<uint64_t> keys;
  for (uint64_t i = 0; i < 5000; ++i) keys.push_back(i % 3000);
  keys.push_back(0);
  keys.push_back(~0ull);
  ExpectSameAsUnorderedMap(keys);
}

TEST(HashedMapTest, AnEmptyMapFindsNothing) {
  const HashedMap<uint32_t> map;
  EXPECT_EQ(map.Find(0), nullptr);
  EXPECT_EQ(map.Find(42), nullptr);
  EXPECT_EQ(map.size(), 0u);
}

TEST(HashedSetTest, InsertsEachKeyOnce) {
  HashedSet set;
  EXPECT_TRUE(set.Insert(ContentHash("a.txt")));
  EXPECT_FALSE(set.Insert(ContentHash("a.txt")));
  EXPECT_TRUE(set.Insert(0));
  EXPECT_FALSE(set.Insert(0));
  for (uint64_t i = 1; i <= 1000; ++i) EXPECT_TRUE(set.Insert(i << 40));
  EXPECT_EQ(set.size(), 1002u);
  EXPECT_TRUE(set.Contains(500ull << 40));
  EXPECT_FALSE(set.Contains(1001ull << 40));
  EXPECT_TRUE(set.Contains(ContentHash("a.txt")));
}

}  // namespace
}  // namespace nsearch::ingest
