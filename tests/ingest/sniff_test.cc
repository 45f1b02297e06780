// Files whose name says nothing about their format: sniffed from the bytes.
#include "ingest/sniff.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/source.h"
#include "ingest_test_util.h"

namespace nsearch::ingest {
namespace {

using testing::Recorder;

TEST(SniffTest, NamesGiveTheirFormatWhateverTheirCaseAndLength) {
  EXPECT_EQ(FormatFromName("bundle/Long Story About The Harbour Plan.TXT"), Format::kText);
  EXPECT_EQ(FormatFromName("notes/Plan.Markdown"), Format::kText);
  EXPECT_EQ(FormatFromName("bundle/README"), Format::kText);
  EXPECT_EQ(FormatFromName("bundle/.txt"), Format::kText);  // a hidden name, no extension
  EXPECT_EQ(FormatFromName("a.b/page.XHTML"), Format::kHtml);
  EXPECT_EQ(FormatFromName("feeds/wire.NDJSON"), Format::kJsonl);
  EXPECT_EQ(FormatFromName("dump.json"), Format::kJson);
  EXPECT_EQ(FormatFromName("x/Archive.Tar.Zst"), Format::kArchive);
  EXPECT_EQ(FormatFromName("x/old.tgz"), Format::kArchive);
  EXPECT_EQ(FormatFromName("x/page.html.GZ"), Format::kCompressed);
  EXPECT_EQ(FormatFromName("x/photo.jpeg"), Format::kUnknown);
  EXPECT_EQ(FormatFromName("x/notes.markdownish"), Format::kUnknown);
  EXPECT_EQ(FormatFromName("x/data.verylongextension"), Format::kUnknown);
}

TEST(SniffTest, ExtensionlessHtmlIsReadAsHtml) {
  Recorder rec;
  ParseBuffer("bundle/page",
              "<!DOCTYPE html><html><head><title>Site</title></head><body><article>"
              "<h1>Harbour plan approved</h1><p>The council approved the plan.</p>"
              "</article></body></html>",
              IngestOptions{}, rec);
  ASSERT_EQ(rec.articles.size(), 1u) << rec.SkipsText();
  EXPECT_EQ(rec.articles[0].title, "Harbour plan approved");
  ASSERT_EQ(rec.articles[0].blocks.size(), 1u);
  EXPECT_EQ(rec.articles[0].blocks[0].text, "The council approved the plan.");
}

TEST(SniffTest, ExtensionlessJsonIsReadAsJson) {
  Recorder lines, array;
  ParseBuffer("feed", "{\"title\": \"One\", \"text\": \"First.\"}\n{\"text\": \"Second.\"}\n",
              IngestOptions{}, lines);
  EXPECT_EQ(lines.Ids(), (std::vector<std::string>{"feed:1", "feed:2"})) << lines.SkipsText();
  EXPECT_EQ(lines.articles[0].title, "One");
  ParseBuffer("dump", "[{\"text\": \"a\"}, {\"text\": \"b\"}]\n", IngestOptions{}, array);
  EXPECT_EQ(array.Ids(), (std::vector<std::string>{"dump:1", "dump:2"})) << array.SkipsText();
}

TEST(SniffTest, ExtensionlessTextStaysText) {
  for (const char* text : {"[Updated] Ferry times change\n\nThe ferry leaves at nine.",
                           "{Draft} Ferry times change\n\nThe ferry leaves at nine.",
                           "Ferry times change\n\nThe ferry leaves at nine."}) {
    Recorder rec;
    ParseBuffer("notes", text, IngestOptions{}, rec);
    ASSERT_EQ(rec.articles.size(), 1u) << text << rec.SkipsText();
    EXPECT_EQ(rec.articles[0].text, text);
    EXPECT_TRUE(rec.articles[0].blocks.empty());
  }
}

TEST(SniffTest, UnknownExtensionIsSniffedElseUnsupported) {
  Recorder html, csv;
  ParseBuffer("page.php", "<html><body><p>Served by a script.</p></body></html>", IngestOptions{},
              html);
  EXPECT_EQ(html.articles.size(), 1u) << html.SkipsText();
  ParseBuffer("table.csv", "a,b\n1,2\n", IngestOptions{}, csv);
  ASSERT_NE(csv.SkipIn(skip::kUnsupported), nullptr);
}

TEST(SniffTest, MarkdownFilesAreMarkedAsMarkdown) {
  Recorder md, txt;
  ParseBuffer("a.md", "# Title\n\nBody.", IngestOptions{}, md);
  ParseBuffer("a.txt", "# Title\n\nBody.", IngestOptions{}, txt);
  ASSERT_EQ(md.articles.size(), 1u);
  ASSERT_EQ(txt.articles.size(), 1u);
  EXPECT_TRUE(md.articles[0].markdown);
  EXPECT_FALSE(txt.articles[0].markdown);
}

}  // namespace
}  // namespace nsearch::ingest
