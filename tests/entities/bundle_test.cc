// The bundle's first pass: one name per person across articles, a person
// told apart from a company of the same name. Sentences written for these
// tests; no corpus text.
#include "entities/bundle.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "entities/extractor.h"
#include "entities/wordfile.h"
#include "test_articles.h"

namespace nsearch::entities {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

Article Make(const std::vector<std::string>& body) { return MakeArticle("", body); }

class BundleTest : public ::testing::Test {
 protected:
  void See(const std::string& text, int times = 1) {
    for (int i = 0; i < times; ++i) ex_.Observe(Make({text}));
  }
  Article Run(const std::string& text) {
    Article a = Make({text});
    ex_.Extract(a);
    return a;
  }
  Extractor ex_;
};

TEST_F(BundleTest, MayorAndCompanyOfOneNameAreToldApartByContext) {
  See("Mayor Bloomberg said the city budget would grow again next year.");
  See("Michael Bloomberg spoke at the opening of the new school in Queens.", 2);
  See("The Bloomberg administration announced new bike lanes on Tuesday morning.");
  // No cue in the article: the bundle makes it the mayor, by his full name.
  Article veto = Run("Bloomberg vetoed the bill on Friday, calling it a mistake for the city.");
  EXPECT_THAT(Names(veto, EntityType::kPerson), ElementsAre("Michael Bloomberg"));
  EXPECT_THAT(Names(veto, EntityType::kOrg), IsEmpty());
  // The news agency and the company stay organisations.
  Article news = Run("Shares fell on Monday, according to Bloomberg, after the report.");
  EXPECT_THAT(Names(news, EntityType::kOrg), ElementsAre("Bloomberg"));
  EXPECT_THAT(Names(news, EntityType::kPerson), IsEmpty());
  Article agency = Run("The report was first published by Bloomberg News on Monday.");
  EXPECT_THAT(Names(agency, EntityType::kOrg), ElementsAre("Bloomberg News"));
  Article lp = Run("He sold his stake in Bloomberg LP to a group of investors last year.");
  EXPECT_THAT(Names(lp, EntityType::kOrg), ElementsAre("Bloomberg LP"));
}

TEST_F(BundleTest, CompanyNameStaysACompanyWithoutPersonCues) {
  See("Ford said it would recall forty thousand trucks next month.");
  See("Shares of Ford rose two percent in early trading on Monday.");
  Article a = Run("Ford plans to build a new plant in Ohio next year.");
  EXPECT_THAT(Names(a, EntityType::kOrg), ElementsAre("Ford"));
}

TEST_F(BundleTest, NicknamesMiddleInitialsAndMiddleNamesAreOnePerson) {
  See("Michael Vandermeer said the new budget was balanced for the year.", 3);
  See("Mike Vandermeer said he would run again for the seat in November.");
  for (const char* text : {"Mike Vandermeer toured the new library on Tuesday afternoon.",
                           "Michael R. Vandermeer toured the new library on Tuesday.",
                           "Michael Rourke Vandermeer toured the new library on Tuesday."}) {
    EXPECT_THAT(Names(Run(text), EntityType::kPerson), ElementsAre("Michael Vandermeer")) << text;
  }
}

TEST_F(BundleTest, DifferentMiddleInitialsAreDifferentPeople) {
  See("George W. Halloway said the new budget was balanced for the year.", 3);
  See("George H.W. Halloway said he would stay out of the race this year.");
  EXPECT_THAT(Names(Run("George H.W. Halloway spoke on Monday."), EntityType::kPerson),
              ElementsAre("George H.W. Halloway"));
  EXPECT_THAT(Names(Run("George Halloway spoke on Monday."), EntityType::kPerson),
              ElementsAre("George W. Halloway"));
}

TEST_F(BundleTest, RareMisspellingJoinsTheCommonSpelling) {
  See("Rudy Vandermolen said the plan for the harbor was sound.", 6);
  Article a = Run("Rudy Vandermollen said the plan for the harbor was sound.");
  EXPECT_THAT(Names(a, EntityType::kPerson), ElementsAre("Rudy Vandermolen"));
  // A final e or s is another surname, not a typo.
  See("Paula Brenn said the vote would come on Friday afternoon.", 6);
  EXPECT_THAT(Names(Run("Paula Brenne said the vote would come on Friday."), EntityType::kPerson),
              ElementsAre("Paula Brenne"));
}

TEST(BundleSpellingTest, OfTwoEquallyCommonSpellingsTheFirstSeenWinsAmongManyNames) {
  // "Kowalczk" is one letter off both; which one it joins must not depend
  // on how many other names the bundle holds (the neighbour table grows).
  for (const bool e_first : {true, false}) {
    Extractor ex;
    auto see = [&](const std::string& name, int times) {
      for (int i = 0; i < times; ++i)
        ex.Observe(Make({name + " said the plan for the harbor was sound."}));
    };
    const std::string first = e_first ? "Rudy Kowalczek" : "Rudy Kowalczyk";
    const std::string second = e_first ? "Rudy Kowalczyk" : "Rudy Kowalczek";
    see(first, 10);
    for (int i = 0; i < 700; ++i) {
      std::string surname = "Mar";
      surname += static_cast<char>('a' + i % 26);
      surname += static_cast<char>('a' + i / 26 % 26);
      see("Rudy " + surname + "vitz", 1);
    }
    see(second, 10);
    Article a = Make({"Rudy Kowalczk said the plan for the harbor was sound."});
    ex.Extract(a);
    EXPECT_THAT(Names(a, EntityType::kPerson), ElementsAre(first)) << first;
  }
}

TEST(BundleSpellingTest, ANeighbourFollowsTheCountsBetweenExtracts) {
  // The neighbours' index is built when first read and again after the
  // counts change: a spelling that becomes common later is joined, one
  // whose articles are taken back out is no longer.
  Extractor ex;
  const auto evidence = [&](const std::string& name) {
    return ex.Evidence(Make({name + " said the plan for the harbor was sound."}));
  };
  const std::string rare = "Rudy Giulliani said the plan for the harbor was sound.";
  const auto names = [&] {
    Article a = Make({rare});
    ex.Extract(a);
    return Names(a, EntityType::kPerson);
  };
  for (int i = 0; i < 5; ++i) ex.Observe(evidence("Rudy Kowalczek"));  // an index not empty
  ex.Observe(evidence("Rudy Giulliani"));
  for (int i = 0; i < 4; ++i) ex.Observe(evidence("Rudy Giuliani"));
  EXPECT_THAT(names(), ElementsAre("Rudy Giulliani"));  // 4 articles: not yet common
  ex.Observe(evidence("Rudy Giuliani"));
  for (int i = 0; i < 5; ++i) ex.Observe(evidence("Rudy Giuliani"));
  EXPECT_THAT(names(), ElementsAre("Rudy Giuliani"));
  for (int i = 0; i < 7; ++i) ex.Unobserve(evidence("Rudy Giuliani"));
  EXPECT_THAT(names(), ElementsAre("Rudy Giulliani"));
}

TEST_F(BundleTest, TitledSurnameTakesThePersonTheBundleGivesThatTitle) {
  See("President Tanya Marsh said on Monday that President Marsh would sign the bill.", 3);
  See("Owen Marsh, who is 19, said his mother Tanya would win again this fall.");
  Article a = Run("President Marsh signed the order on Friday, and Marsh left for Ohio.");
  EXPECT_THAT(Names(a, EntityType::kPerson), ElementsAre("Tanya Marsh"));
}

TEST_F(BundleTest, StageNameKeepsItsTitle) {
  Article alone = Run("Lady Zaza performed three songs at the arena before the storm.");
  EXPECT_THAT(Names(alone, EntityType::kPerson), ElementsAre("Lady Zaza"));
  See("Lady Zaza performed three songs at the arena before the storm.", 2);
  Article a = Run("Fans waited for hours to see the singer Zaza at the stadium.");
  EXPECT_THAT(Names(a, EntityType::kPerson), ElementsAre("Lady Zaza"));
  // A title before a given name is no stage name.
  EXPECT_THAT(
      Names(Run("Queen Elizabeth opened the new wing of the hospital."), EntityType::kPerson),
      ElementsAre("Elizabeth"));
}

TEST_F(BundleTest, ShopWrittenLikeAPersonIsAnOrganisation) {
  See("She bought aspirin at a Walter Kessing on Fifth Avenue before work.", 3);
  Article a = Run("Walter Kessing opened a new branch downtown this week.");
  EXPECT_THAT(Names(a, EntityType::kPerson), IsEmpty());
  EXPECT_THAT(Names(a, EntityType::kOrg), ElementsAre("Walter Kessing"));
}

TEST(CanonicalNameTest, NeverHoldsATitleOrTwoPeople) {
  Extractor ex;
  Article a = Make({"Councilman Peter Halvorsen Jr. Mayor Bloomberg and the chancellor met.",
                    "Michael Vandermeer Michael Vandermeer was printed twice in the caption.",
                    "Kyrillos Dzhendov Kyrillos Dzhendov said so twice in the caption."});
  ex.Extract(a);
  EXPECT_THAT(Names(a, EntityType::kPerson),
              UnorderedElementsAre("Peter Halvorsen Jr.", "Bloomberg", "Michael Vandermeer",
                                   "Kyrillos Dzhendov"));
}

TEST(ArticleEvidenceTest, UnobserveUndoesObserve) {
  Extractor ex;
  const Article full = Make({"Governor Elias Brantner said the roads would reopen soon."});
  const ArticleEvidence ev = ex.Evidence(full);
  ex.Observe(ev);
  ex.Observe(ev);
  Article bare = Make({"Governor Brantner said the roads would reopen on Monday."});
  ex.Extract(bare);
  EXPECT_THAT(Names(bare, EntityType::kPerson), ElementsAre("Elias Brantner"));
  ex.Unobserve(ev);
  ex.Unobserve(ev);
  ex.Extract(bare);
  EXPECT_THAT(Names(bare, EntityType::kPerson), ElementsAre("Brantner"));
}

TEST(WordFileTest, GivenNamesLeaveOutOrdinaryWordsAndMissingFilesAreNoError) {
  const std::string dir = ::testing::TempDir();
  const std::string names = dir + "/nsearch_names.txt", words = dir + "/nsearch_words.txt";
  std::ofstream(names) << "Zebedee\nGrace\nIsrael\nlowercase\n";
  std::ofstream(words) << "grace\nzeal\n";
  const auto common = ReadWords(words);
  EXPECT_THAT(common, UnorderedElementsAre("grace", "zeal"));
  EXPECT_THAT(ReadGivenNames(names, common, {"israel"}), UnorderedElementsAre("zebedee"));
  EXPECT_THAT(ReadGivenNames(names, ReadWords(dir + "/absent"), {}),
              UnorderedElementsAre("zebedee", "grace", "israel"));
  EXPECT_THAT(ReadGivenNames(dir + "/absent", common, {}), IsEmpty());
  std::remove(names.c_str());
  std::remove(words.c_str());
}

}  // namespace
}  // namespace nsearch::entities
