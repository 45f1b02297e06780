#include "entities/resolve.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "entities/fold.h"

namespace nsearch::entities {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

const std::vector<std::pair<std::string, int>> kPersons = {
    {"Volodymyr Zelensky", 4}, {"Sergei Lavrov", 1}, {"Maria Snegovaya", 1},
    {"Snegovaya", 1},          {"Anna Berg", 2},     {"Tomas Berg", 3}};

TEST(ResolveTest, SpellingVariantsMatchOnePerson) {
  bool ambiguous = true;
  EXPECT_THAT(Resolve(EntityType::kPerson, "Zelenskyy", kPersons, &ambiguous),
              ElementsAre("Volodymyr Zelensky"));
  EXPECT_FALSE(ambiguous);
  EXPECT_THAT(Resolve(EntityType::kPerson, "zelenskiy", kPersons, nullptr),
              ElementsAre("Volodymyr Zelensky"));
  EXPECT_THAT(Resolve(EntityType::kPerson, "Volodymyr Zelenskyy", kPersons, nullptr),
              ElementsAre("Volodymyr Zelensky"));
}

TEST(ResolveTest, UniqueSurname) {
  bool ambiguous = true;
  EXPECT_THAT(Resolve(EntityType::kPerson, "Lavrov", kPersons, &ambiguous),
              ElementsAre("Sergei Lavrov"));
  EXPECT_FALSE(ambiguous);
  // A bare surname entry joins the full name it stands for.
  EXPECT_THAT(Resolve(EntityType::kPerson, "Snegovaya", kPersons, &ambiguous),
              UnorderedElementsAre("Maria Snegovaya", "Snegovaya"));
  EXPECT_FALSE(ambiguous);
}

TEST(ResolveTest, DominantPersonTakesTheSurnameAndCaseVariantsJoin) {
  const std::vector<std::pair<std::string, int>> names = {{"Bill de Blasio", 600},
                                                          {"Bill De Blasio", 20},
                                                          {"Chiara de Blasio", 8},
                                                          {"Dante de Blasio", 6}};
  bool ambiguous = true;
  EXPECT_THAT(Resolve(EntityType::kPerson, "de Blasio", names, &ambiguous),
              ElementsAre("Bill de Blasio", "Bill De Blasio"));
  EXPECT_FALSE(ambiguous);
  // The children are still found by full name.
  EXPECT_THAT(Resolve(EntityType::kPerson, "Dante de Blasio", names, &ambiguous),
              ElementsAre("Dante de Blasio"));
}

TEST(ResolveTest, SharedSurnameIsAmbiguous) {
  bool ambiguous = false;
  EXPECT_THAT(Resolve(EntityType::kPerson, "Berg", kPersons, &ambiguous),
              ElementsAre("Tomas Berg", "Anna Berg"));  // most articles first
  EXPECT_TRUE(ambiguous);
  EXPECT_THAT(Resolve(EntityType::kPerson, "Anna Berg", kPersons, &ambiguous),
              ElementsAre("Anna Berg"));
  EXPECT_FALSE(ambiguous);
}

TEST(ResolveTest, PlacesThroughAliasTable) {
  const std::vector<std::pair<std::string, int>> places = {
      {"Kyiv", 3}, {"Turkey", 2}, {"United States", 5}};
  EXPECT_THAT(Resolve(EntityType::kPlace, "Kiev", places, nullptr), ElementsAre("Kyiv"));
  EXPECT_THAT(Resolve(EntityType::kPlace, "Türkiye", places, nullptr), ElementsAre("Turkey"));
  EXPECT_THAT(Resolve(EntityType::kPlace, "U.S.", places, nullptr), ElementsAre("United States"));
  // No surname logic for places.
  EXPECT_THAT(Resolve(EntityType::kPlace, "States", places, nullptr), IsEmpty());
}

TEST(ResolveTest, NoMatchIsEmpty) {
  bool ambiguous = true;
  EXPECT_THAT(Resolve(EntityType::kPerson, "Nobody", kPersons, &ambiguous), IsEmpty());
  EXPECT_FALSE(ambiguous);
  EXPECT_THAT(Resolve(EntityType::kOrg, "", {}, &ambiguous), IsEmpty());
}

TEST(FoldTest, Keys) {
  EXPECT_EQ(FoldKey("Türkiye\u2019s"), "turkiye");
  EXPECT_EQ(FoldKey("  U.S. "), "u.s");
  EXPECT_EQ(TranslitKey("Zelenskyy"), TranslitKey("Zelensky"));
  EXPECT_EQ(TranslitKey("Zelenskiy"), TranslitKey("ZELENSKY"));
  EXPECT_NE(TranslitKey("Lavrov"), TranslitKey("Lavrova"));
}

}  // namespace
}  // namespace nsearch::entities
