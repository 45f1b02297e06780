// serve/params: parameters as search options, within the limits.
#include "serve/params.h"

#include <gtest/gtest.h>

namespace nsearch::serve {
namespace {

TEST(ParamsTest, SearchOptionsFromParameters) {
  const Params p = {{"q", "ceasefire"},  {"person", "Lavrov"}, {"person", "Fidan"},
                    {"place", "Kyiv"},   {"since", "2025-07"}, {"sort", "oldest"},
                    {"author", "Chung"}, {"boilerplate", "1"}};
  auto o = ReadSearchOptions(p);
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->query, "ceasefire");
  ASSERT_EQ(o->filters.size(), 3u);
  EXPECT_EQ(o->filters[1].name, "Fidan");
  EXPECT_EQ(o->filters[2].type, EntityType::kPlace);
  EXPECT_EQ(o->since, "2025-07");
  EXPECT_EQ(o->sort, SortOrder::kOldest);
  EXPECT_EQ(o->authors, std::vector<std::string>{"Chung"});
  EXPECT_TRUE(o->include_boilerplate);
  EXPECT_FALSE(ReadSearchOptions({{"sort", "up"}}).ok());
  EXPECT_FALSE(ReadSearchOptions({{"exact", "yes"}}).ok());
}

TEST(ParamsTest, Limits) {
  EXPECT_TRUE(CheckParams({{"q", "x"}}, kSearchParams).ok());
  EXPECT_FALSE(CheckParams({{"qq", "x"}}, kSearchParams).ok());
  EXPECT_TRUE(CheckParams({{"page", "2"}}, kSearchParams, {"page"}).ok());
  EXPECT_FALSE(CheckParams({{"q", std::string(kMaxParamBytes + 1, 'a')}}, kSearchParams).ok());
  Params many;
  for (size_t i = 0; i <= kMaxRepeats; ++i) many.emplace("person", "p" + std::to_string(i));
  EXPECT_FALSE(CheckParams(many, kSearchParams).ok());
}

TEST(ParamsTest, WholeNumbersInRange) {
  EXPECT_EQ(IntValue({}, "page", 1, 1, 10).value(), 1);
  EXPECT_EQ(IntValue({{"page", "7"}}, "page", 1, 1, 10).value(), 7);
  for (const char* bad : {"0", "11", "-1", "1.5", "x", "99999999999"})
    EXPECT_FALSE(IntValue({{"page", bad}}, "page", 1, 1, 10).ok()) << bad;
}

}  // namespace
}  // namespace nsearch::serve
