#include "segment/boilerplate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "segment/segmenter.h"

namespace nsearch::segment {
namespace {

namespace fs = std::filesystem;

// Every article below was written for these tests; none is taken from a corpus.

Article Build(const std::string& text) {
  ingest::RawArticle raw;
  raw.id = "test.txt";
  raw.text = text;
  return BuildArticle(std::move(raw));
}

// Kind of the paragraph whose text starts with |prefix|.
ParagraphKind KindOf(const Article& a, const std::string& prefix) {
  for (const auto& p : a.paragraphs)
    if (p.text.rfind(prefix, 0) == 0) return p.kind;
  ADD_FAILURE() << "no paragraph starts with: " << prefix;
  return ParagraphKind::kBody;
}

// A news story of four real paragraphs about a port strike.
const char kStory[] =
    "Dock Workers Extend Strike at Northern Port\n\n"
    "Dock workers at the northern port voted on Tuesday to extend their strike for a second "
    "week, leaving dozens of container ships waiting offshore as talks with the operator "
    "stalled over pay and shift patterns.\n\n"
    "The union said the operator had refused to improve an offer that it described as well "
    "below the rate of inflation, and that its members were prepared to stay out until the "
    "company returned to the table.\n\n"
    "Talks Break Down\n\n"
    "A spokesman for the port operator said the company regretted the disruption and that "
    "its offer was the most generous in the sector, adding that it had asked a mediator to "
    "help the two sides find a way forward.\n\n"
    "Shipping companies have begun diverting vessels to other ports along the coast, which "
    "could raise costs for importers of food and fuel if the stoppage lasts into next month.\n";

TEST(BoilerplateTest, CookieNoticeAndPrivacyLine) {
  Article a = Build(std::string(kStory) +
                    "\nPrivacy Overview\n\n"
                    "This site uses cookies to give you the best experience on our website. By "
                    "continuing to browse you agree to our use of cookies; you can change your "
                    "browser settings at any time.\n");
  BoilerplateClassifier c;
  c.Classify(a);
  EXPECT_EQ(KindOf(a, "Privacy Overview"), ParagraphKind::kBoilerplate);
  EXPECT_EQ(KindOf(a, "This site uses cookies"), ParagraphKind::kBoilerplate);
  EXPECT_EQ(KindOf(a, "Dock workers at the northern port"), ParagraphKind::kBody);
  EXPECT_EQ(KindOf(a, "Talks Break Down"), ParagraphKind::kHeading);
}

TEST(BoilerplateTest, PortugueseCommentFormAndFollowBar) {
  Article a = Build(std::string(kStory) +
                    "\nDEIXE UM COMENTÁRIO\n\n"
                    "Por favor, escreva o seu comentário!\n"
                    "Por favor, digite o seu nome aqui\n\n"
                    "Siga-nos\n"
                    "12FãsCurtir\n"
                    "340SeguidoresSeguir\n"
                    "Publicidade\n");
  BoilerplateClassifier c;
  std::vector<std::string> why;
  c.Classify(a, &why);
  for (const char* line : {"DEIXE UM", "Por favor, escreva", "Por favor, digite", "Siga-nos",
                           "12FãsCurtir", "340SeguidoresSeguir", "Publicidade"})
    EXPECT_EQ(KindOf(a, line), ParagraphKind::kBoilerplate) << line;
  ASSERT_EQ(why.size(), a.paragraphs.size());
}

TEST(BoilerplateTest, SocialCountersInsideTheStory) {
  Article a = Build(std::string(kStory) +
                    "\n25SharesShare\n\n3CommentsComment\n\n"
                    "Union leaders will meet again on Friday to decide whether to put a new offer "
                    "to a vote of the membership, a spokeswoman said.\n");
  BoilerplateClassifier c;
  c.Classify(a);
  EXPECT_EQ(KindOf(a, "25SharesShare"), ParagraphKind::kBoilerplate);
  EXPECT_EQ(KindOf(a, "3CommentsComment"), ParagraphKind::kBoilerplate);
  EXPECT_EQ(KindOf(a, "Union leaders will meet"), ParagraphKind::kBody);
}

TEST(BoilerplateTest, SourceLinkAndRelatedTail) {
  Article a =
      Build(std::string(kStory) + "\nRelated Articles:\n• Story one • Story two\n\nSource link\n");
  BoilerplateClassifier c;
  c.Classify(a);
  EXPECT_EQ(KindOf(a, "Related Articles:"), ParagraphKind::kBoilerplate);
  EXPECT_EQ(KindOf(a, "• Story one"), ParagraphKind::kBoilerplate);
  EXPECT_EQ(KindOf(a, "Source link"), ParagraphKind::kBoilerplate);
}

TEST(BoilerplateTest, TeaserLinksToOtherStories) {
  std::string text(kStory);
  // A cue in capitals, and a cue with a colon, both inside the story.
  text.insert(text.find("Talks Break Down"),
              "LEIA Famous violinist opens new concert hall with a programme of Bach and Ravel\n\n"
              "Read more: Scientists name a new species of tree frog found in the Andes\n\n");
  Article a = Build(text);
  BoilerplateClassifier c;
  c.Classify(a);
  EXPECT_EQ(KindOf(a, "LEIA Famous violinist"), ParagraphKind::kBoilerplate);
  EXPECT_EQ(KindOf(a, "Read more: Scientists"), ParagraphKind::kBoilerplate);
  EXPECT_EQ(KindOf(a, "Talks Break Down"), ParagraphKind::kHeading);
}

TEST(BoilerplateTest, AffiliateDisclaimer) {
  Article a = Build(std::string(kStory) +
                    "\nOur reviews are funded by readers. When you buy through affiliate links on "
                    "our site, we may earn a small commission. Read our affiliate policy.\n");
  BoilerplateClassifier c;
  c.Classify(a);
  EXPECT_EQ(KindOf(a, "Our reviews are funded"), ParagraphKind::kBoilerplate);
}

TEST(BoilerplateTest, UsenetHeadersQuotesAndSignature) {
  Article a = Build(
      "From: jdoe@example.edu (Jane Doe)\n"
      "Subject: Re: Cheap tape drives\n"
      "Organization: Example University\n"
      "Lines: 14\n\n"
      "In article <1993Apr1.1234@example.com> bob@example.com (Bob Roe) writes:\n"
      ">Has anyone used the new QIC tape drives with a 386? I wonder whether\n"
      ">they are worth the money.\n\n"
      "I have two of them on our lab machines and both have worked well for a year,\n"
      "although the bundled backup software is slow and crashes on long file names.\n\n"
      "Thanks,\n"
      "Jane\n"
      "-- \n"
      "Jane Doe, Dept. of Physics     jdoe@example.edu\n"
      "Example University             +1 555 123-4567\n");
  EXPECT_EQ(a.title, "Re: Cheap tape drives");
  BoilerplateClassifier c;
  c.Classify(a);
  for (const char* line : {"From:", "Subject:", "Organization:", "Lines:", "In article",
                           ">Has anyone", "Thanks,", "Jane", "--", "Jane Doe, Dept."})
    EXPECT_EQ(KindOf(a, line), ParagraphKind::kBoilerplate) << line;
  EXPECT_EQ(KindOf(a, "I have two of them"), ParagraphKind::kBody);
}

TEST(BoilerplateTest, ShortBodyParagraphsStay) {
  Article a = Build(
      "Bakery Sells Out Before Noon\n\n"
      "The bakery on Mill Street sold 4,000 cookies before noon on Saturday, and its website "
      "crashed under the weight of orders, the owner said.\n\n"
      "\u201cWe have never seen anything like it,\u201d she said.\n\n"
      "Queues formed at dawn.\n\n"
      "The owner said she would hire two more bakers and open on Sundays from next month, "
      "after a local food blog named the shop the best in the county.\n\n"
      "Prices are unchanged.\n");
  BoilerplateClassifier c;
  c.Classify(a);
  for (const auto& p : a.paragraphs) EXPECT_NE(p.kind, ParagraphKind::kBoilerplate) << p.text;
}

TEST(BoilerplateTest, NewsAboutTheWebStays) {
  Article a = Build(
      "Regulator Fines Shopping Site\n\n"
      "The data regulator fined an online shopping site on Tuesday for setting advertising "
      "cookies without consent, saying its privacy banner misled customers.\n\n"
      "We contacted the company for comment.\n\n"
      "\u201cWe will post an update on our Facebook page and our website,\u201d a spokeswoman "
      "said.\n\n"
      "You can now filter out offensive comments on Instagram.\n\n"
      "The company has 28 days to appeal, and said it would change the banner while it "
      "considered its options.\n");
  BoilerplateClassifier c;
  c.Classify(a);
  for (const auto& p : a.paragraphs) EXPECT_NE(p.kind, ParagraphKind::kBoilerplate) << p.text;
}

TEST(BoilerplateTest, ShortNewsletterSignUp) {
  std::string text(kStory);
  text.insert(text.find("Talks Break Down"),
              "Sign up for our newsletter to get the latest business headlines in your inbox.\n\n");
  Article a = Build(text);
  BoilerplateClassifier c;
  c.Classify(a);
  EXPECT_EQ(KindOf(a, "Sign up for our newsletter"), ParagraphKind::kBoilerplate);
}

TEST(BoilerplateTest, ListEndingANewsStoryStays) {
  Article a = Build(
      "Award Nominees Announced\n\n"
      "Organisers of the national comedy awards announced the shortlist on Monday, with three "
      "shows from the same channel competing for the top prize this year.\n\n"
      "The nominees for best new show are:\n\n"
      "The Night Shift (Channel Four)\n\n"
      "Kitchen Nightmares Abroad (Channel Five)\n\n"
      "Small Town Detectives\n");
  BoilerplateClassifier c;
  c.Classify(a);
  for (const auto& p : a.paragraphs) EXPECT_NE(p.kind, ParagraphKind::kBoilerplate) << p.text;
}

TEST(BoilerplateTest, LineRepeatedAcrossTheBundle) {
  BoilerplateClassifier c;
  std::vector<ParagraphKind> kinds;
  for (int i = 0; i < 5; ++i) {
    Article a = Build("Story number " + std::to_string(i) +
                      " about the harbour\n\n"
                      "Harbour officials said on Monday that repairs to the eastern pier would "
                      "take longer than planned because of storm damage in the winter.\n\n"
                      "Exclusive Coverage From The Harbour Desk\n\n"
                      "The pier is expected to reopen to fishing boats in the spring, officials "
                      "added, once divers have inspected the foundations.\n");
    c.Classify(a);
    kinds.push_back(KindOf(a, "Exclusive Coverage"));
  }
  EXPECT_NE(kinds.front(), ParagraphKind::kBoilerplate);  // nothing to compare with yet
  EXPECT_EQ(kinds.back(), ParagraphKind::kBoilerplate);
}

// The seeds in ../shared, against the hand labels in tests/fixtures/labels.
TEST(BoilerplateTest, SeedLabels) {
  const char* env = std::getenv("NSEARCH_SHARED");
  const fs::path shared = env ? fs::path(env) : fs::path(NSEARCH_SOURCE_DIR) / ".." / "shared";
  const fs::path seeds = shared / "seeds";
  const fs::path labels = fs::path(NSEARCH_FIXTURES) / "labels" / "seeds";
  if (!fs::is_directory(seeds) || !fs::is_directory(labels))
    GTEST_SKIP() << "no seeds at " << seeds;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(labels)) files.push_back(e.path());
  std::sort(files.begin(), files.end());

  BoilerplateClassifier c;
  int body = 0, body_kept = 0, gold_bp = 0, found_bp = 0, predicted_bp = 0;
  for (const fs::path& label_file : files) {
    const fs::path seed = seeds / label_file.stem();  // "000_x.txt.tsv" -> "000_x.txt"
    if (!fs::exists(seed)) continue;
    std::ifstream in(seed, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    Article a = Build(text.str());
    c.Classify(a);

    std::map<int, std::string> gold;
    std::ifstream lf(label_file);
    for (std::string line; std::getline(lf, line);) {
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');
      gold[std::stoi(line.substr(0, tab))] = line.substr(tab + 1);
    }
    EXPECT_EQ(gold.size(), a.paragraphs.size()) << seed << ": labels out of step";
    for (const auto& p : a.paragraphs) {
      auto it = gold.find(p.n);
      if (it == gold.end()) continue;
      const bool is_bp = p.kind == ParagraphKind::kBoilerplate;
      predicted_bp += is_bp;
      if (it->second == "boilerplate") {
        ++gold_bp;
        found_bp += is_bp;
        EXPECT_TRUE(is_bp) << seed.filename() << " #" << p.n << " kept: " << p.text;
      } else if (it->second == "body") {
        ++body;
        body_kept += !is_bp && p.kind != ParagraphKind::kCredit;
        EXPECT_FALSE(is_bp) << seed.filename() << " #" << p.n << " lost: " << p.text;
      }
    }
  }
  ASSERT_GT(body, 0);
  EXPECT_EQ(body_kept, body);                  // body recall 100%
  EXPECT_GE(found_bp * 10, gold_bp * 9);       // boilerplate recall >= 90%
  EXPECT_GE(found_bp * 10, predicted_bp * 9);  // and precision >= 90%
}

}  // namespace
}  // namespace nsearch::segment
