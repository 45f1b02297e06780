// Quote attribution on short paragraphs written for these tests: each case
// is one way news text says who spoke, or one way it could mislead.
#include "quotes/quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "quotes/tokens.h"

namespace nsearch::quotes {
namespace {

using Persons = std::vector<std::pair<std::string, std::vector<std::string>>>;

const Persons kPersons = {
    {"Volodymyr Zelensky", {"Volodymyr Zelenskyy", "Zelenskyy", "Zelensky"}},
    {"Maria Snegovaya", {"Maria Snegovaya", "Snegovaya"}},
    {"Sergei Lavrov", {"Sergei Lavrov", "Lavrov"}},
    {"Donald Trump", {"Donald Trump", "Trump"}},
    {"Vladimir Putin", {"Vladimir Putin", "Putin"}},
    {"John Cornyn", {"John Cornyn"}},
    {"John Thune", {"John Thune"}},
};

Article Make(const std::vector<std::string>& paragraphs, const Persons& persons = kPersons) {
  Article a;
  a.id = "test.txt";
  int n = 0;
  for (const auto& text : paragraphs) a.paragraphs.push_back({++n, ParagraphKind::kBody, text});
  for (const auto& [name, mentions] : persons)
    a.entities.push_back({EntityType::kPerson, name, mentions, 1});
  return a;
}

// "speaker|text" per quote, in order ("-" for no speaker).
std::vector<std::string> Who(const std::vector<std::string>& paragraphs,
                             const Persons& persons = kPersons) {
  std::vector<std::string> out;
  for (const Quote& q : FindQuotes(Make(paragraphs, persons)))
    out.push_back((q.speaker.empty() ? "-" : q.speaker) + "|" + q.text);
  return out;
}

std::vector<std::string> Speakers(const std::vector<std::string>& paragraphs) {
  std::vector<std::string> out;
  for (const Quote& q : FindQuotes(Make(paragraphs)))
    out.push_back(q.speaker.empty() ? "-" : q.speaker);
  return out;
}

using V = std::vector<std::string>;

TEST(QuotesTest, NameAndVerbAfterTheQuote) {
  EXPECT_EQ(Who({"“We will not give up our land,” Lavrov said on Friday."}),
            V{"Sergei Lavrov|We will not give up our land"});
}

TEST(QuotesTest, SpeakerIsTheCanonicalNameWhateverTheSpelling) {
  EXPECT_EQ(Speakers({"“Every prisoner will come home,” Zelenskyy said."}),
            V{"Volodymyr Zelensky"});
  EXPECT_EQ(Speakers({"“Every prisoner will come home,” Zelensky said."}), V{"Volodymyr Zelensky"});
}

TEST(QuotesTest, VerbThenNameWithAnAppositive) {
  EXPECT_EQ(Speakers({"“Putin is not interested in a ceasefire,” said Maria Snegovaya, a senior "
                      "researcher at a Washington think tank."}),
            V{"Maria Snegovaya"});
}

TEST(QuotesTest, NameVerbColonBeforeTheQuote) {
  EXPECT_EQ(Who({"Lavrov said: “Our position has not changed at all.”"}),
            V{"Sergei Lavrov|Our position has not changed at all."});
  EXPECT_EQ(Speakers({"In a statement on Monday, Lavrov said that “the door remains open.”"}),
            V{"Sergei Lavrov"});
}

TEST(QuotesTest, PronounAfterANamedSpeaker) {
  EXPECT_EQ(Speakers({"“The talks are over for now,” said Maria Snegovaya.",
                      "She continued: “Nothing will move before the autumn.”",
                      "“Sanctions are the only lever left,” she added."}),
            (V{"Maria Snegovaya", "Maria Snegovaya", "Maria Snegovaya"}));
}

TEST(QuotesTest, PronounIsTheSubjectOfThePreviousSentence) {
  EXPECT_EQ(Speakers({"Snegovaya said the sanctions were working slowly, and that Putin knew it.",
                      "“The economy is adapting, but at a cost,” she said."}),
            V{"Maria Snegovaya"});
}

TEST(QuotesTest, PostedOnXSaying) {
  EXPECT_EQ(Speakers({"Senator John Cornyn (R-Texas) posted on X, saying: “This is a test of our "
                      "resolve.”"}),
            V{"John Cornyn"});
}

TEST(QuotesTest, ToldReporters) {
  EXPECT_EQ(Speakers({"“We have to meet soon,” Trump told reporters aboard the plane."}),
            V{"Donald Trump"});
}

TEST(QuotesTest, SplitQuoteKeepsItsSpeaker) {
  EXPECT_EQ(Speakers({"“We have to meet,” Trump told reporters after Putin’s refusal. “He and I "
                      "will fix it, or maybe we won’t.”"}),
            (V{"Donald Trump", "Donald Trump"}));
  EXPECT_EQ(Speakers({"“We are open to talks,” Lavrov said, “but not to ultimatums.”"}),
            (V{"Sergei Lavrov", "Sergei Lavrov"}));
}

TEST(QuotesTest, QuoteRunningIntoTheNextParagraph) {
  EXPECT_EQ(Speakers({"Lavrov said: “We have waited long enough for an answer from Washington.",
                      "“Now the answer will come from the battlefield.”"}),
            (V{"Sergei Lavrov", "Sergei Lavrov"}));
}

TEST(QuotesTest, UnnamedSpeakerHasNone) {
  EXPECT_EQ(Speakers({"“These are the same old demands,” a Kremlin spokesman told reporters."}),
            V{"-"});
  // ... and "he" after him is not the person named earlier.
  EXPECT_EQ(Speakers({"Lavrov met the envoy on Monday.",
                      "A spokesman said the meeting had been useful. “We will meet again,” he "
                      "said."}),
            V{"-"});
}

TEST(QuotesTest, PossessiveOrPrepositionIsNotTheSpeaker) {
  EXPECT_EQ(Speakers({"“The president will decide,” Trump’s spokesman said."}), V{"-"});
  EXPECT_EQ(Speakers({"A spokesman for Senate Majority Leader John Thune said: “No vote is "
                      "planned this week.”"}),
            V{"-"});
}

TEST(QuotesTest, AnotherPersonBetweenVerbAndQuote) {
  // Trump reports what Putin said: the words are not Trump's.
  EXPECT_EQ(Speakers({"Trump said Putin had called the offer “a very good start.”"}), V{"-"});
}

TEST(QuotesTest, TwoSpeakersAtOnceIsNone) {
  EXPECT_EQ(Speakers({"Trump and Putin said in a joint statement: “The talks were productive.”"}),
            V{"-"});
}

TEST(QuotesTest, NameTheExtractorDidNotFindIsNone) {
  EXPECT_EQ(Speakers({"Lavrov spoke first.", "“Nothing has changed,” Kowalski said.",
                      "“We will see,” he said."}),
            (V{"-", "-"}));
}

TEST(QuotesTest, UnattributedQuoteParagraphIsNone) {
  EXPECT_EQ(Speakers({"“The talks are over,” Lavrov said.", "“Nobody expected anything else.”"}),
            (V{"Sergei Lavrov", "-"}));
}

TEST(QuotesTest, PronounDoesNotReachBackTwoParagraphs) {
  EXPECT_EQ(Speakers({"Lavrov arrived in Ankara on Monday.", "The talks began late in the day.",
                      "“It was a long day,” he said."}),
            V{"-"});
}

TEST(QuotesTest, OneWordIsAPhraseNotAQuote) {
  EXPECT_TRUE(Who({"State media called him a “clown” again on Sunday."}).empty());
}

TEST(QuotesTest, StraightQuotesToo) {
  EXPECT_EQ(Who({"\"We will build it,\" Trump said. \"And they will pay for it.\""}),
            (V{"Donald Trump|We will build it", "Donald Trump|And they will pay for it."}));
}

TEST(QuotesTest, ArticleWithoutPersonsHasUnattributedQuotes) {
  EXPECT_EQ(Who({"“We will be back next year,” the organisers said."}, {}),
            V{"-|We will be back next year"});
}

TEST(QuotesTest, QuoteOffsetsPointIntoTheParagraph) {
  const Article a = Make({"Lavrov said: “Our position has not changed.”"});
  const auto quotes = FindQuotes(a);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].paragraph, 1);
  EXPECT_EQ(a.paragraphs[0].text.substr(quotes[0].begin, quotes[0].end - quotes[0].begin),
            quotes[0].text);
}

TEST(QuoteSpansTest, UnclosedQuoteRunsToTheEnd) {
  const auto spans = FindSpans("He said: “We have waited long enough.");
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_FALSE(spans[0].closed);
  EXPECT_EQ(spans[0].last, '.');
}

TEST(QuoteSpansTest, InchMarksAreNoQuotes) {
  EXPECT_TRUE(FindSpans("The suspect is 6'2\" tall and wore a cap.").empty());
}

}  // namespace
}  // namespace nsearch::quotes
