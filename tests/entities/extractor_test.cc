// Sentences written for these tests in the style of wire news; no corpus text.
#include "entities/extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_articles.h"

namespace nsearch::entities {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

const Entity* Find(const Article& a, EntityType type, const std::string& name) {
  for (const auto& e : a.entities) {
    if (e.type == type && e.name == name) return &e;
  }
  return nullptr;
}

class ExtractorTest : public ::testing::Test {
 protected:
  Article Run(const std::string& title, const std::vector<std::string>& body) {
    Article a = MakeArticle(title, body);
    extractor_.Extract(a);
    return a;
  }
  Extractor extractor_;
};

TEST_F(ExtractorTest, TitlesAndRolesBeforeNames) {
  Article a = Run("", {"Secretary of State Marco Rubio met Foreign Minister Hakan Demir on "
                       "Monday.",
                       "Sen. Laura Whitcombe and Admiral Peter Hollis spoke later, while "
                       "Senate Majority Leader Tom Farrow said nothing."});
  EXPECT_THAT(Names(a, EntityType::kPerson),
              UnorderedElementsAre("Marco Rubio", "Hakan Demir", "Laura Whitcombe", "Peter Hollis",
                                   "Tom Farrow"));
  EXPECT_THAT(Names(a, EntityType::kOrg), Contains("Senate"));
}

TEST_F(ExtractorTest, ShortMentionJoinsFullNameAndPossessiveIsDropped) {
  Article a = Run("", {"Russian President Vladimir Putin spoke for an hour.",
                       "Putin's aides said the call went well. Later Putin left."});
  const Entity* e = Find(a, EntityType::kPerson, "Vladimir Putin");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->count, 3);
  EXPECT_THAT(e->mentions, UnorderedElementsAre("Vladimir Putin", "Putin"));
  EXPECT_THAT(Names(a, EntityType::kPerson), ElementsAre("Vladimir Putin"));
}

TEST_F(ExtractorTest, ParticlesInsideNamesAndAcronymsWithoutBrackets) {
  Article a = Run("", {"Commission President Ursula von der Leyen spoke in Strasbourg.",
                       "The International Atomic Energy Agency sent a team. IAEA inspectors "
                       "arrived on Monday."});
  EXPECT_THAT(Names(a, EntityType::kPerson), Contains("Ursula von der Leyen"));
  const Entity* agency = Find(a, EntityType::kOrg, "International Atomic Energy Agency");
  ASSERT_NE(agency, nullptr);
  EXPECT_THAT(agency->mentions, Contains("IAEA"));
  EXPECT_THAT(Names(a, EntityType::kOrg), Not(Contains("IAEA")));
}

TEST_F(ExtractorTest, TwoSurnamesSideBySideAreTwoPeople) {
  Article a = Run("", {"The bill is sponsored by Senator Alice Brennan and Senator Tomas Okafor.",
                       "Supporters of the Brennan Okafor bill expect a vote next week."});
  EXPECT_THAT(Names(a, EntityType::kPerson), UnorderedElementsAre("Alice Brennan", "Tomas Okafor"));
  const Entity* e = Find(a, EntityType::kPerson, "Alice Brennan");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->count, 2);
}

TEST_F(ExtractorTest, AliasesGiveOneCanonicalName) {
  Article a = Run("", {"Zelenskyy spoke in Kiev before flying to Türkiye, then "
                       "to Turkey's capital.",
                       "Analysts said Volodymyr Zelenskiy was tired."});
  const Entity* z = Find(a, EntityType::kPerson, "Volodymyr Zelensky");
  ASSERT_NE(z, nullptr);
  EXPECT_THAT(z->mentions, UnorderedElementsAre("Zelenskyy", "Volodymyr Zelenskiy"));
  EXPECT_NE(Find(a, EntityType::kPlace, "Kyiv"), nullptr);
  const Entity* t = Find(a, EntityType::kPlace, "Turkey");
  ASSERT_NE(t, nullptr);
  EXPECT_THAT(t->mentions, UnorderedElementsAre("Türkiye", "Turkey"));
}

TEST_F(ExtractorTest, InitialsHyphensAndForeignNames) {
  Article a = Run("", {"The composer A.R. Rahman met JD Vance and Oksana Kovalchuk-Reyes.",
                       "Later, Dmytro Hrytsenko joined the Trump-Putin talks."});
  EXPECT_THAT(Names(a, EntityType::kPerson),
              UnorderedElementsAre("A.R. Rahman", "JD Vance", "Oksana Kovalchuk-Reyes",
                                   "Dmytro Hrytsenko", "Donald Trump", "Vladimir Putin"));
}

TEST_F(ExtractorTest, AcronymsAndOrganisations) {
  Article a = Run("", {"The Centre for Maritime and Polar Studies (CMPS) briefed NATO and the "
                       "EU.",
                       "Shares of Harwick Logistics Inc rose, the Ministry of Defence said."});
  EXPECT_THAT(
      Names(a, EntityType::kOrg),
      UnorderedElementsAre("Centre for Maritime and Polar Studies", "NATO", "European Union",
                           "Harwick Logistics Inc", "Ministry of Defence"));
  const Entity* c = Find(a, EntityType::kOrg, "Centre for Maritime and Polar Studies");
  ASSERT_NE(c, nullptr);
  EXPECT_THAT(c->mentions, Contains("CMPS"));
  EXPECT_THAT(Names(a, EntityType::kPerson), IsEmpty());
}

TEST_F(ExtractorTest, HeadingsAreNotPersons) {
  Article a = MakeArticle("Kremlin Hesitation Over Talks", {});
  AddParagraph(&a, ParagraphKind::kHeading, "Allies Remain Skeptical");
  AddParagraph(&a, ParagraphKind::kBody,
               "Speaking on Friday, officials in Moscow said the Kremlin would wait.");
  extractor_.Extract(a);
  EXPECT_THAT(Names(a, EntityType::kPerson), IsEmpty());
  EXPECT_THAT(Names(a, EntityType::kOrg), ElementsAre("Kremlin"));
  EXPECT_THAT(Names(a, EntityType::kPlace), ElementsAre("Moscow"));
}

TEST_F(ExtractorTest, AllCapsHeadlineUsesNamesFromTheBody) {
  Article a = Run("HALVORSEN WINS IN OSLO AS NORWAY CELEBRATES",
                  {"Kari Halvorsen won the race on Sunday."});
  const Entity* h = Find(a, EntityType::kPerson, "Kari Halvorsen");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->count, 2);
  EXPECT_THAT(Names(a, EntityType::kPlace), UnorderedElementsAre("Oslo", "Norway"));
}

TEST_F(ExtractorTest, QuotesAndSentenceStarts) {
  Article a = Run("", {"\u201cWe have to meet,\u201d Trump told reporters. Despite this, "
                       "Interestingly nothing changed.",
                       "\"Greta Lindqvist is right,\" she said."});
  EXPECT_THAT(Names(a, EntityType::kPerson),
              UnorderedElementsAre("Donald Trump", "Greta Lindqvist"));
}

TEST_F(ExtractorTest, BoilerplateAndCreditsAreIgnored) {
  Article a = MakeArticle("", {"Post a Comment", "Photo by Marcus Feld/Getty Images"},
                          ParagraphKind::kBoilerplate);
  a.paragraphs[1].kind = ParagraphKind::kCredit;
  extractor_.Extract(a);
  EXPECT_THAT(a.entities, IsEmpty());
}

TEST_F(ExtractorTest, ResultsLineClubsAreOrganisations) {
  Article a =
      Run("SOCCER - LEAGUE RESULTS",
          {"Results of matches played on Saturday:", "Chicago 3 Denver 1", "Tarnow 2 Norway 0"});
  EXPECT_THAT(Names(a, EntityType::kOrg), UnorderedElementsAre("Chicago", "Denver", "Tarnow"));
  EXPECT_THAT(Names(a, EntityType::kPlace), ElementsAre("Norway"));
}

TEST_F(ExtractorTest, EmptyArticleIsFine) {
  Article a;
  extractor_.Extract(a);
  EXPECT_THAT(a.entities, IsEmpty());
}

}  // namespace
}  // namespace nsearch::entities

namespace nsearch::entities {
namespace {

// Precision rules for unseen news: a capitalised pair needs evidence to be a
// person. Sentences written for these tests.
TEST_F(ExtractorTest, CapitalisedPairWithoutEvidenceIsNotAPerson) {
  Article a = Run("", {"Fans crowded into Copper Lantern to hear the band."});
  EXPECT_THAT(Names(a, EntityType::kPerson), IsEmpty());
}

TEST_F(ExtractorTest, PersonCuesMakeAPerson) {
  Article a = Run(
      "", {"Ravel Dunmore said the plan was sound.", "The crowd cheered for actor Zorvan Pellham.",
           "\"We are done,\" Tamsin Quarrie, a member of the "
           "board, told reporters.",
           "Corvin Ashdale, who runs the shop, agreed."});
  EXPECT_THAT(
      Names(a, EntityType::kPerson),
      UnorderedElementsAre("Ravel Dunmore", "Zorvan Pellham", "Tamsin Quarrie", "Corvin Ashdale"));
}

TEST_F(ExtractorTest, SurnameAloneInPersonContextConfirmsTheFullName) {
  Article a = Run("", {"Talia Verhoeven arrived first.", "Ms. Verhoeven declined to comment.",
                       "Brisk Morning opened the show."});
  EXPECT_THAT(Names(a, EntityType::kPerson), ElementsAre("Talia Verhoeven"));
}

TEST_F(ExtractorTest, RunsEndingInAPlaceWordArePlaces) {
  Article a = Run("", {"Protesters marched from Fenwick Heights to Harlow "
                       "Station and rallied at Bexley Hall.",
                       "Jerry Hall was not there."});
  EXPECT_THAT(Names(a, EntityType::kPlace),
              UnorderedElementsAre("Fenwick Heights", "Harlow Station", "Bexley Hall"));
  EXPECT_THAT(Names(a, EntityType::kPerson), ElementsAre("Jerry Hall"));
}

TEST_F(ExtractorTest, StormsEventsAndShowTitlesAreNotPersons) {
  Article a = Run("", {"Hurricane Odessa flooded homes before the Super Bowl.",
                       "She laughed on Saturday Night Lights and on The Late "
                       "Hour Show last year."});
  EXPECT_THAT(Names(a, EntityType::kPerson), IsEmpty());
}

TEST_F(ExtractorTest, DemonymsOfPlacesAreNotPlaces) {
  Article a = Run("", {"Many New Yorkers and Chicagoans moved to Denver."});
  EXPECT_THAT(Names(a, EntityType::kPlace), ElementsAre("Denver"));
  EXPECT_THAT(Names(a, EntityType::kPerson), IsEmpty());
}

TEST_F(ExtractorTest, AddressesPhoneWordsAndCodesAreNeverNames) {
  Article a = Run("", {"Call 1-800-555-TIPS or visit WWW.EXAMPLETIPS.COM or "
                       "tips@example.org, or text 274637 (HELPS) then enter "
                       "TIP123. It aired on TV and as a PDF."});
  EXPECT_THAT(a.entities, IsEmpty());
}

TEST_F(ExtractorTest, VersusIsNeverAName) {
  Article a = Run("", {"Brazil vs. Chile ended 2-1 in the rain, and Peru vs "
                       "Bolivia was delayed."});
  EXPECT_THAT(Names(a, EntityType::kPlace),
              UnorderedElementsAre("Brazil", "Chile", "Peru", "Bolivia"));
}

TEST_F(ExtractorTest, WordsBeforeAGivenNameAreNotPartOfIt) {
  Article a = Run("", {"Public Advocate Nora Castellano spoke first, then "
                       "Democrat Walter Brisbane answered."});
  EXPECT_THAT(Names(a, EntityType::kPerson),
              UnorderedElementsAre("Nora Castellano", "Walter Brisbane"));
}

TEST_F(ExtractorTest, PostalAbbreviationsArePlaces) {
  Article a = Run("", {"Rents in NYC rose while NJ towns held steady."});
  EXPECT_THAT(Names(a, EntityType::kPlace), UnorderedElementsAre("New York", "New Jersey"));
  EXPECT_THAT(Names(a, EntityType::kOrg), IsEmpty());
}

// One name per person across a bundle (Extractor::Observe).
TEST(BundleNamesTest, BareSurnameTakesTheBundleFullName) {
  Extractor ex;
  for (const char* text : {"Peter Brankovic spoke on Monday at length about the budget.",
                           "On Tuesday Peter J. Brankovic defended the budget again.",
                           "Peter Brankovic met the council for two long hours."}) {
    ex.Observe(MakeArticle("", {text}));
  }
  Article a = MakeArticle("", {"Mayor Brankovic said the budget was fine."});
  ex.Extract(a);
  EXPECT_THAT(Names(a, EntityType::kPerson), ElementsAre("Peter Brankovic"));
  const Entity* e = Find(a, EntityType::kPerson, "Peter Brankovic");
  ASSERT_NE(e, nullptr);
  EXPECT_THAT(e->mentions, ElementsAre("Brankovic"));  // as written here
  // Without a first pass an article stands alone.
  Article alone = MakeArticle("", {"Mayor Brankovic said the budget was fine."});
  Extractor().Extract(alone);
  EXPECT_THAT(Names(alone, EntityType::kPerson), ElementsAre("Brankovic"));
}

TEST(BundleNamesTest, SurnameSharedByTwoPeopleStaysAsWritten) {
  Extractor ex;
  for (const char* text : {"Peter Brankovic spoke on Monday at length about the budget.",
                           "Peter Brankovic met the council for two long hours.",
                           "Maria Brankovic opened a bakery on the corner last week.",
                           "Maria Brankovic sold the bakery to a neighbour this spring."}) {
    ex.Observe(MakeArticle("", {text}));
  }
  Article a = MakeArticle("", {"Mayor Brankovic said the budget was fine."});
  ex.Extract(a);
  EXPECT_THAT(Names(a, EntityType::kPerson), ElementsAre("Brankovic"));
}

TEST(BundleNamesTest, RunTheBundleKnowsAsAPersonIsKept) {
  Extractor ex;
  for (const char* text : {"Zorvan Pellham said the album would come out in May.",
                           "The label thanked singer Zorvan Pellham for the new songs."}) {
    ex.Observe(MakeArticle("", {text}));
  }
  Article a = MakeArticle("", {"Zorvan Pellham played two sets in the park."});
  ex.Extract(a);
  EXPECT_THAT(Names(a, EntityType::kPerson), ElementsAre("Zorvan Pellham"));
  Article alone = MakeArticle("", {"Zorvan Pellham played two sets in the park."});
  Extractor().Extract(alone);
  EXPECT_THAT(Names(alone, EntityType::kPerson), IsEmpty());
}

}  // namespace
}  // namespace nsearch::entities

namespace nsearch::entities {
namespace {

TEST(ResultsLineTest, ClubsInResultsAndStandingsAreOrganisations) {
  Extractor ex;
  Article a = MakeArticle("", {"Soccer results from the weekend's league matches on Sunday.",
                               "Varnholt 0 Palm Sankt Gereon 2", "Borgen Tresk 3 1 1 1 6 4 4"});
  ex.Extract(a);
  EXPECT_THAT(Names(a, EntityType::kOrg), Contains("Palm Sankt Gereon"));
  EXPECT_THAT(Names(a, EntityType::kOrg), Contains("Borgen Tresk"));
  EXPECT_THAT(Names(a, EntityType::kPerson), IsEmpty());
}

TEST(ResultsLineTest, ScorersBeforeTheMinuteArePersons) {
  Extractor ex;
  Article a = MakeArticle("", {"Soccer results from the weekend's league matches on Sunday.",
                               "Varnholt 2 (Brekke 12th, Ostrander 61st) Borgen 1"});
  ex.Extract(a);
  EXPECT_THAT(Names(a, EntityType::kPerson), UnorderedElementsAre("Brekke", "Ostrander"));
}

TEST(RunShapeTest, ProductsCreedsAndCompaniesAreNoPersons) {
  Extractor ex;
  Article a = MakeArticle("", {"He drove a Toyota Vexor to the Roman Catholic church on Sunday.",
                               "An analyst at Philip Hartwell said the bank would cut jobs."});
  ex.Extract(a);
  EXPECT_THAT(Names(a, EntityType::kPerson), IsEmpty());
  EXPECT_THAT(Names(a, EntityType::kOrg), Contains("Philip Hartwell"));
}

TEST(DatelineTest, BoilerplateDatelineStillNamesItsPlace) {
  Extractor ex;
  Article a = MakeArticle("", {"LONDON 1996-08-30"}, ParagraphKind::kBoilerplate);
  AddParagraph(&a, ParagraphKind::kBody, "Shares closed higher on Friday after a quiet session.");
  ex.Extract(a);
  EXPECT_THAT(Names(a, EntityType::kPlace), ElementsAre("London"));
  // Other boilerplate is still never read.
  Article menu =
      MakeArticle("", {"LONDON Sign in Subscribe Newsletters"}, ParagraphKind::kBoilerplate);
  ex.Extract(menu);
  EXPECT_THAT(menu.entities, IsEmpty());
}

}  // namespace
}  // namespace nsearch::entities
