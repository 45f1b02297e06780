// The text pipeline after decoding never throws or crashes, whatever bytes
// reach it (ingest normally hands it valid UTF-8; this is defence in depth,
// and the regression test for a crash the article fuzzer found).
#include <gtest/gtest.h>

#include <random>

#include "entities/extractor.h"
#include "segment/boilerplate.h"
#include "segment/segmenter.h"

namespace nsearch::segment {
namespace {

Article Pipeline(const std::string& text, BoilerplateClassifier& classifier) {
  static const entities::Extractor extractor;
  ingest::RawArticle raw;
  raw.id = "x.txt";
  raw.text = text;
  Article a = BuildArticle(std::move(raw));
  classifier.Classify(a);
  extractor.Extract(a);
  return a;
}

TEST(PipelineRobustnessTest, InvalidUtf8BetweenWords) {
  BoilerplateClassifier classifier;
  Article a;
  ASSERT_NO_THROW(
      a = Pipeline("Title \x80\x80 here\n\nPresident Jane \xc3 Roe met \xff\xfe officials in "
                   "Kyiv.\xe2\x80\n\n\x80\x80\x80\n",
                   classifier));
  EXPECT_FALSE(a.paragraphs.empty());
}

TEST(PipelineRobustnessTest, RandomBytesNeverThrow) {
  BoilerplateClassifier classifier;
  std::mt19937 rng(12345);
  const std::string alphabet = std::string("aA .,\n\n\"'-:>()") + "\x80\xc3\xe2\xff\xf0";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int len = static_cast<int>(rng() % 400);
    for (int i = 0; i < len; ++i) text.push_back(alphabet[rng() % alphabet.size()]);
    ASSERT_NO_THROW(Pipeline(text, classifier)) << round;
  }
}

}  // namespace
}  // namespace nsearch::segment
