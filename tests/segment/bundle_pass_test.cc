// The "repeated across the bundle" boilerplate signal with a first pass over
// the run: the first article read is judged like the last.
#include <gtest/gtest.h>

#include "segment/boilerplate.h"
#include "segment/segmenter.h"

namespace nsearch::segment {
namespace {

Article Make(int i) {
  ingest::RawArticle raw;
  raw.id = "a" + std::to_string(i) + ".txt";
  raw.text = "Harbour Works Begin In Port Number " + std::to_string(i) +
             "\n\nCrews began dredging the old channel on Monday, the harbour authority said, "
             "and expect the work on berth " +
             std::to_string(i) +
             " to last until spring.\n\n"
             "Maplewood Gazette Staff\n\n"
             "The authority said ferries would keep running while crane " +
             std::to_string(i) + " was moved.\n";
  return BuildArticle(std::move(raw));
}

ParagraphKind KindOf(const Article& a, const std::string& text) {
  for (const auto& p : a.paragraphs)
    if (p.text == text) return p.kind;
  ADD_FAILURE() << "no paragraph " << text;
  return ParagraphKind::kBody;
}

TEST(BundlePassTest, RepeatedLineIsBoilerplateEvenInTheFirstArticle) {
  BoilerplateClassifier classifier;
  for (int i = 0; i < 6; ++i) classifier.Observe(Make(i));
  for (int i = 0; i < 6; ++i) {
    Article a = Make(i);
    classifier.Classify(a);
    EXPECT_EQ(KindOf(a, "Maplewood Gazette Staff"), ParagraphKind::kBoilerplate) << i;
    EXPECT_EQ(a.paragraphs.back().kind, ParagraphKind::kBody) << i;
  }
}

TEST(BundlePassTest, WithoutTheFirstPassTheFirstArticlesKeepTheLine) {
  BoilerplateClassifier classifier;
  Article first = Make(0);
  classifier.Classify(first);
  EXPECT_NE(KindOf(first, "Maplewood Gazette Staff"), ParagraphKind::kBoilerplate);
}

TEST(BundlePassTest, ALineInOneArticleOnlyIsNotRepeated) {
  BoilerplateClassifier classifier;
  Article once = Make(0);
  classifier.Observe(once);
  for (int i = 1; i < 6; ++i) {
    Article other = Make(i);
    other.paragraphs[1].text = "Different staff line " + std::to_string(i);
    classifier.Observe(other);
  }
  classifier.Classify(once);
  EXPECT_NE(KindOf(once, "Maplewood Gazette Staff"), ParagraphKind::kBoilerplate);
}

// The same short article read from a folder and from archives of it: its
// paragraphs repeat only because the whole article does.
Article Copy(const std::string& id) {
  ingest::RawArticle raw;
  raw.id = id;
  raw.text =
      "Museum Reopens\n\nThe city museum reopened on Sunday after two years of repairs to its "
      "roof. Visitors queued along the river before the doors opened.\n";
  return BuildArticle(std::move(raw));
}

const char* kCopies[] = {"bundle/museum.txt", "bundle.tar.gz:museum.txt", "bundle.zip:museum.txt",
                         "old/museum.txt", "old.tar:museum.txt"};

TEST(BundlePassTest, CopiesOfOneArticleDoNotMakeItsParagraphsRepeated) {
  BoilerplateClassifier classifier;
  for (const char* id : kCopies) classifier.Observe(Copy(id));
  for (const char* id : kCopies) {
    Article a = Copy(id);
    classifier.Classify(a);
    ASSERT_EQ(a.paragraphs.size(), 1u);
    EXPECT_EQ(a.paragraphs[0].kind, ParagraphKind::kBody) << id;
  }
}

TEST(BundlePassTest, CopiesCountOnceWithoutTheFirstPassToo) {
  BoilerplateClassifier classifier;
  for (const char* id : kCopies) {
    Article a = Copy(id);
    classifier.Classify(a);
    EXPECT_EQ(a.paragraphs[0].kind, ParagraphKind::kBody) << id;
  }
}

TEST(BundlePassTest, ALineInDistinctArticlesStillCountsWhenSomeAreCopies) {
  BoilerplateClassifier classifier;
  std::vector<Article> run;
  for (int i = 0; i < 6; ++i) run.push_back(Make(i));
  run.push_back(Make(0));  // a copy adds nothing, the five others still count
  for (const auto& a : run) classifier.Observe(a);
  Article first = Make(0);
  classifier.Classify(first);
  EXPECT_EQ(KindOf(first, "Maplewood Gazette Staff"), ParagraphKind::kBoilerplate);
}

}  // namespace
}  // namespace nsearch::segment
