#include "ingest/jsonl.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest_test_util.h"

namespace nsearch::ingest {
namespace {

using testing::Recorder;

TEST(JsonlTest, OneArticlePerLineWithFieldsAndIds) {
  Recorder rec;
  ParseBuffer(
      "dump.jsonl",
      R"({"title": "Bus stolen", "text": "First para.\n\nSecond para.", "author": "Ben Yakas", "date": "Aug 31, 2010 4:52 pm", "url": "https://g.com/1"})"
      "\n"
      "\n"  // blank lines are not records
      R"({"headline": "Second", "body": "Body text.", "authors": ["A. One", {"name": "B. Two"}], "published": 1383407100})"
      "\n",
      IngestOptions{}, rec);
  ASSERT_EQ(rec.articles.size(), 2u) << rec.SkipsText();
  EXPECT_TRUE(rec.skips.empty()) << rec.SkipsText();
  const RawArticle& a = rec.articles[0];
  EXPECT_EQ(a.id, "dump.jsonl:https://g.com/1") << "its url is its id";
  EXPECT_EQ(a.title, "Bus stolen");
  EXPECT_EQ(a.text, "First para.\n\nSecond para.");
  EXPECT_EQ(a.author, "Ben Yakas");
  EXPECT_EQ(a.date, "2010-08-31T16:52:00");
  EXPECT_EQ(a.url, "https://g.com/1");
  EXPECT_EQ(a.source.file, "dump.jsonl");
  EXPECT_EQ(a.source.member, "https://g.com/1");
  EXPECT_NE(a.source.content_hash, 0u);
  const RawArticle& b = rec.articles[1];
  EXPECT_EQ(b.id, "dump.jsonl:3") << "no id field: the line number";
  EXPECT_EQ(b.title, "Second");
  EXPECT_EQ(b.author, "A. One, B. Two");
  EXPECT_EQ(b.date, "2013-11-02T15:45:00Z");
}

TEST(JsonlTest, BrokenLinesAreSkippedByLineAndTheRestContinues) {
  Recorder rec;
  ParseBuffer("news.ndjson",
              "{\"title\": \"ok 1\", \"text\": \"one\"}\n"
              "{\"title\": \"truncated\", \"text\": \"tw\n"
              "[1, 2, 3]\n"
              "{\"title\": \"no text\"}\n"
              "{\"title\": \"ok 5\", \"content\": \"five\"}\r\n",
              IngestOptions{}, rec);
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{"news.ndjson:1", "news.ndjson:5"}));
  ASSERT_EQ(rec.skips.size(), 3u) << rec.SkipsText();
  EXPECT_EQ(rec.skips[0].where, "news.ndjson:2");
  EXPECT_NE(rec.skips[0].reason.find("broken JSON line"), std::string::npos);
  EXPECT_EQ(rec.skips[0].category, skip::kBadLine);
  EXPECT_EQ(rec.skips[1].where, "news.ndjson:3");
  EXPECT_NE(rec.skips[1].reason.find("not a JSON object"), std::string::npos);
  EXPECT_EQ(rec.skips[2].where, "news.ndjson:4");
  EXPECT_NE(rec.skips[2].reason.find("no text"), std::string::npos);
}

TEST(JsonlTest, ConfigurableFieldNamesIncludingNestedOnes) {
  IngestOptions options;
  options.text_fields = {"story.body"};
  options.title_fields = {"hed"};
  Recorder rec;
  ParseBuffer("x.jsonl", R"({"hed": "Custom", "story": {"body": ["P1", "P2"]}})", options, rec);
  ASSERT_EQ(rec.articles.size(), 1u) << rec.SkipsText();
  EXPECT_EQ(rec.articles[0].title, "Custom");
  EXPECT_EQ(rec.articles[0].text, "P1\n\nP2");
}

TEST(JsonlTest, InvalidUtf8InALineIsReplacedAndCounted) {
  Recorder rec;
  ParseBuffer("x.jsonl", "\xEF\xBB\xBF{\"text\": \"caf\xC3\xA9 \xFF ok\"}\n", IngestOptions{}, rec);
  ASSERT_EQ(rec.articles.size(), 1u) << rec.SkipsText();
  EXPECT_EQ(rec.articles[0].text, "café \uFFFD ok");
  EXPECT_EQ(rec.articles[0].source.invalid_bytes, 1);
}

TEST(JsonlTest, OverlongLineIsSkippedWithoutStoppingTheDump) {
  IngestOptions options;
  options.max_file_bytes = 1000;
  std::string big = "{\"text\": \"" + std::string(5000, 'a') + "\"}";
  Recorder rec;
  ParseBuffer("x.jsonl", "{\"text\": \"short\"}\n" + big + "\n{\"text\": \"after\"}\n", options,
              rec);
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{"x.jsonl:1", "x.jsonl:3"}));
  ASSERT_NE(rec.SkipIn(skip::kTooLarge), nullptr) << rec.SkipsText();
  EXPECT_EQ(rec.SkipIn(skip::kTooLarge)->where, "x.jsonl:2");
}

TEST(JsonlTest, UnreadableDateIsDroppedNotKeptRaw) {
  Recorder rec;
  ParseBuffer("x.jsonl", R"({"text": "t", "date": "sometime last week"})", IngestOptions{}, rec);
  ASSERT_EQ(rec.articles.size(), 1u);
  EXPECT_EQ(rec.articles[0].date, "");
}

TEST(JsonlTest, JsonFileWithOneObjectPerLineIsJsonl) {
  Recorder rec;
  ParseBuffer("a.json", "{\"text\": \"one\"}\n{\"text\": \"two\"}\n", IngestOptions{}, rec);
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{"a.json:1", "a.json:2"}));
}

TEST(JsonlTest, PrettyPrintedJsonDocumentAndArray) {
  Recorder one;
  ParseBuffer("story.json", "{\n  \"title\": \"T\",\n  \"text\": \"Body\"\n}\n", IngestOptions{},
              one);
  ASSERT_EQ(one.articles.size(), 1u) << one.SkipsText();
  EXPECT_EQ(one.articles[0].id, "story.json");
  EXPECT_EQ(one.articles[0].title, "T");

  Recorder many;
  ParseBuffer("all.json", "[\n {\"text\": \"a\"},\n 7,\n {\"text\": \"c\"}\n]", IngestOptions{},
              many);
  EXPECT_EQ(many.Ids(), (std::vector<std::string>{"all.json:1", "all.json:3"}));
  ASSERT_EQ(many.skips.size(), 1u);
  EXPECT_EQ(many.skips[0].where, "all.json:2");
}

TEST(JsonlTest, HostileNestingIsRefusedBeforeParsing) {
  std::string deep(100000, '[');
  Recorder rec;
  ParseBuffer("x.jsonl",
              "{\"text\": \"ok\", \"x\": \"[[[[ in a string is fine\"}\n{\"text\": \"a\", \"y\": " +
                  deep + "\n",
              IngestOptions{}, rec);
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{"x.jsonl:1"}));
  ASSERT_EQ(rec.skips.size(), 1u);
  EXPECT_EQ(rec.skips[0].where, "x.jsonl:2");
  EXPECT_NE(rec.skips[0].reason.find("nested deeper"), std::string::npos);

  Recorder doc;
  ParseBuffer("deep.json", "[" + deep, IngestOptions{}, doc);
  EXPECT_TRUE(doc.articles.empty());
  ASSERT_EQ(doc.skips.size(), 1u);
  EXPECT_EQ(doc.skips[0].category, skip::kBadLine);
}

TEST(JsonlTest, ArrayElementsGetDistinctHashesFromTheirFields) {
  Recorder rec;
  ParseBuffer("a.json", R"([{"text": "one"}, {"text": "two"}, {"text": "one"}])", IngestOptions{},
              rec);
  ASSERT_EQ(rec.articles.size(), 3u);
  EXPECT_NE(rec.articles[0].source.content_hash, rec.articles[1].source.content_hash);
  EXPECT_EQ(rec.articles[0].source.content_hash, rec.articles[2].source.content_hash);
}

TEST(JsonlTest, RecordsWithTheirOwnIdsKeepThemWhenALineIsDeleted) {
  const std::string lines[] = {R"({"id": "harbour-opens", "text": "The harbour opened."})",
                               R"({"id": "bridge-shut", "text": "The bridge shut."})",
                               R"({"id": 42, "text": "A numbered record."})",
                               R"({"guid": "g-7", "text": "A feed item."})"};
  Recorder before, after;
  ParseBuffer("dump.jsonl", lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[3] + "\n",
              IngestOptions{}, before);
  ParseBuffer("dump.jsonl", lines[0] + "\n" + lines[2] + "\n" + lines[3] + "\n", IngestOptions{},
              after);
  EXPECT_EQ(before.Ids(),
            (std::vector<std::string>{"dump.jsonl:harbour-opens", "dump.jsonl:bridge-shut",
                                      "dump.jsonl:42", "dump.jsonl:g-7"}));
  EXPECT_EQ(after.Ids(), (std::vector<std::string>{"dump.jsonl:harbour-opens", "dump.jsonl:42",
                                                   "dump.jsonl:g-7"}));
  EXPECT_EQ(before.articles[2].source.content_hash, after.articles[1].source.content_hash);
}

TEST(JsonlTest, IdFieldsAreConfigurableAndUnusableIdsFallBackToTheLine) {
  IngestOptions options;
  options.id_fields.insert(options.id_fields.begin(), "meta.key");
  Recorder rec;
  ParseBuffer("x.jsonl",
              R"({"meta": {"key": "k1"}, "id": "ignored", "text": "a"})"
              "\n"
              R"({"id": "", "text": "empty id"})"
              "\n"
              R"({"id": {"x": 1}, "text": "object id"})"
              "\n"
              R"({"id": "two\nlines", "text": "control character"})"
              "\n",
              options, rec);
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{"x.jsonl:k1", "x.jsonl:2", "x.jsonl:3",
                                                 "x.jsonl:two?lines"}));
}

TEST(JsonlTest, ArrayElementsUseTheirIdsToo) {
  Recorder rec;
  ParseBuffer("all.json", R"([{"url": "https://n.example/a", "text": "a"}, {"text": "b"}])",
              IngestOptions{}, rec);
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{"all.json:https://n.example/a", "all.json:2"}));
}

TEST(JsonlTest, OneLineJsonArrayEndingInANewlineIsAnArray) {
  for (const char* end : {"", "\n", "\r\n"}) {
    Recorder rec;
    ParseBuffer("all.json", std::string(R"([{"text": "one"}, {"text": "two"}])") + end,
                IngestOptions{}, rec);
    EXPECT_EQ(rec.Ids(), (std::vector<std::string>{"all.json:1", "all.json:2"})) << rec.SkipsText();
  }
}

TEST(JsonlTest, FileOfBlankLinesIsEmpty) {
  Recorder rec;
  ParseBuffer("x.jsonl", "\n \n\n", IngestOptions{}, rec);
  EXPECT_TRUE(rec.articles.empty());
  ASSERT_NE(rec.SkipIn(skip::kEmpty), nullptr);
}

}  // namespace
}  // namespace nsearch::ingest
