#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "ingest/source.h"
#include "ingest_test_util.h"

namespace nsearch::ingest {
namespace {

using testing::Members;
using testing::Recorder;
using testing::TempDir;
using testing::WriteArchive;
using testing::WriteFile;

const Members kBundle = {
    {"2025/07/03.txt", "Headline one\n\nBody one."},
    {"2025/07/04.html", "<html><body><h1>Headline two</h1><p>Body two.</p></body></html>"},
    {"dump.jsonl",
     "{\"title\": \"J1\", \"text\": \"jay one\"}\n{\"title\": \"J2\", \"text\": \"jay two\"}\n"},
    {"pic.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"},
};

std::vector<std::string> BundleIds(const std::string& archive) {
  return {archive + ":2025/07/03.txt", archive + ":2025/07/04.html", archive + ":dump.jsonl:1",
          archive + ":dump.jsonl:2"};
}

class ArchiveFormatTest : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(ArchiveFormatTest, MembersAreReadInPlaceAndDispatchedByTheirOwnNames) {
  auto [file, format] = GetParam();
  TempDir dir;
  std::string path = dir / file;
  WriteArchive(path, format, std::string(file).find("gz") != std::string::npos, kBundle);
  Recorder rec;
  ASSERT_TRUE(Walk({path}, IngestOptions{}, rec).ok());
  EXPECT_EQ(rec.Ids(), BundleIds(path));
  const RawArticle* html = rec.Find(path + ":2025/07/04.html");
  ASSERT_NE(html, nullptr);
  EXPECT_EQ(html->title, "Headline two");
  const RawArticle* txt = rec.Find(path + ":2025/07/03.txt");
  ASSERT_NE(txt, nullptr);
  EXPECT_EQ(txt->text, "Headline one\n\nBody one.");
  EXPECT_EQ(txt->source.file, path);
  EXPECT_EQ(txt->source.member, "2025/07/03.txt");
  EXPECT_EQ(rec.Find(path + ":dump.jsonl:2")->source.member, "dump.jsonl:2");
  ASSERT_EQ(rec.skips.size(), 1u) << rec.SkipsText();
  EXPECT_EQ(rec.skips[0].where, path + ":pic.png");
  EXPECT_EQ(rec.skips[0].category, skip::kBinary);
  // Nothing was unpacked next to the archive.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);
}

INSTANTIATE_TEST_SUITE_P(Formats, ArchiveFormatTest,
                         ::testing::Values(std::make_pair("b.tar", "tar"),
                                           std::make_pair("b.tar.gz", "tar"),
                                           std::make_pair("b.tgz", "tar"),
                                           std::make_pair("b.zip", "zip")));

TEST(ArchiveTest, SingleGzippedFileIsDispatchedByItsInnerName) {
  TempDir dir;
  WriteArchive(dir / "dump.jsonl.gz", "raw", true,
               {{"data", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n"}});
  WriteArchive(dir / "story.txt.gz", "raw", true, {{"data", "Title\n\nText."}});
  Recorder rec;
  ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{dir / "dump.jsonl.gz:1", dir / "dump.jsonl.gz:2",
                                                 dir / "story.txt.gz"}));
  EXPECT_EQ(rec.articles[2].text, "Title\n\nText.");
}

TEST(ArchiveTest, TruncatedGzipKeepsMembersBeforeTheDamageAndSaysWhere) {
  TempDir dir;
  std::string path = dir / "cut.tar.gz";
  // Incompressible-ish members so the cut lands inside the third member.
  auto noise = [](int seed) {
    std::string s;
    uint32_t x = seed;
    for (int i = 0; i < 150000; ++i) {
      x = x * 1664525u + 1013904223u;
      s += static_cast<char>('a' + (x >> 24) % 26);
      if (i % 70 == 69) s += ' ';
    }
    return s;
  };
  WriteArchive(path, "tar", true, {{"a.txt", noise(1)}, {"b.txt", noise(2)}, {"c.txt", noise(3)}});
  auto size = std::filesystem::file_size(path);
  std::filesystem::resize_file(path, size - 5000);  // inside c.txt
  WriteFile(dir / "z.txt", "After the archive\n\nstill indexed.");
  Recorder rec;
  ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{path + ":a.txt", path + ":b.txt", dir / "z.txt"}));
  const Skip* s = rec.SkipIn(skip::kCorrupt);
  ASSERT_NE(s, nullptr) << rec.SkipsText();
  EXPECT_EQ(s->where, path + ":c.txt");
  EXPECT_NE(s->reason.find("truncated"), std::string::npos) << s->reason;
}

TEST(ArchiveTest, TruncatedGzippedJsonlKeepsTheLinesBeforeTheDamage) {
  TempDir dir;
  std::string path = dir / "dump.jsonl.gz";
  std::string lines;
  uint32_t x = 7;
  for (int i = 1; i <= 3000; ++i) {
    std::string words;
    for (int w = 0; w < 12; ++w) {
      x = x * 1664525u + 1013904223u;
      words += std::to_string(x % 100000) + " ";
    }
    lines += "{\"title\": \"t" + std::to_string(i) + "\", \"text\": \"" + words + "\"}\n";
  }
  WriteArchive(path, "raw", true, {{"data", lines}});
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  Recorder rec;
  ASSERT_TRUE(Walk({path}, IngestOptions{}, rec).ok());
  ASSERT_GT(rec.articles.size(), 100u);
  EXPECT_LT(rec.articles.size(), 3000u);
  EXPECT_EQ(rec.articles[0].id, path + ":1");
  EXPECT_EQ(rec.articles[0].title, "t1");
  const Skip* s = rec.SkipIn(skip::kCorrupt);
  ASSERT_NE(s, nullptr) << rec.SkipsText();
  EXPECT_EQ(s->where, path);
  EXPECT_NE(s->reason.find("truncated"), std::string::npos) << s->reason;
  // No partial last line was reported as an article or a broken line.
  EXPECT_EQ(rec.skips.size(), 1u) << rec.SkipsText();
}

TEST(ArchiveTest, TruncatedGzippedTextIsSkippedNotHalfIndexed) {
  TempDir dir;
  std::string path = dir / "story.txt.gz";
  std::string text = "Title\n\n";
  uint32_t x = 3;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1664525u + 1013904223u;
    text += std::to_string(x) + (i % 15 == 14 ? "\n" : " ");
  }
  WriteArchive(path, "raw", true, {{"data", text}});
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 100);
  Recorder rec;
  ASSERT_TRUE(Walk({path}, IngestOptions{}, rec).ok());
  EXPECT_TRUE(rec.articles.empty());
  ASSERT_EQ(rec.skips.size(), 1u);
  EXPECT_EQ(rec.skips[0].where, path);
  EXPECT_EQ(rec.skips[0].category, skip::kCorrupt);
}

TEST(ArchiveTest, ZipBombIsStoppedByTheRatioGuard) {
  TempDir dir;
  std::string path = dir / "bomb.zip";
  Members members;
  members.push_back({"real.txt", "A real article\n\nwith text."});
  std::string zeros(2 << 20, '\0');
  for (int i = 0; i < 64; ++i) members.push_back({"z" + std::to_string(i) + ".txt", zeros});
  WriteArchive(path, "zip", false, members);
  ASSERT_LT(std::filesystem::file_size(path), 1u << 20);  // 128 MiB in well under 1 MiB
  Recorder rec;
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(Walk({path}, IngestOptions{}, rec).ok());
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_NE(rec.Find(path + ":real.txt"), nullptr);  // already read: kept
  const Skip* bomb = rec.SkipIn(skip::kZipBomb);
  ASSERT_NE(bomb, nullptr) << rec.SkipsText();
  EXPECT_NE(bomb->reason.find("compression ratio"), std::string::npos) << bomb->reason;
  // Stopped early: far fewer than 64 members of zeros were looked at.
  EXPECT_EQ(rec.articles.size(), 1u);
  size_t binary = 0;
  for (const Skip& s : rec.skips) binary += s.category == skip::kBinary;
  EXPECT_GT(binary, 0u);
  EXPECT_LT(binary, 30u);
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

TEST(ArchiveTest, ExpansionAndEntryLimits) {
  TempDir dir;
  Members members;
  for (int i = 0; i < 20; ++i) {
    members.push_back({"m" + std::to_string(i) + ".txt",
                       "Article " + std::to_string(i) + "\n\n" + std::string(1000, 'x')});
  }
  std::string path = dir / "many.tar";
  WriteArchive(path, "tar", false, members);

  IngestOptions few;
  few.max_archive_entries = 5;
  Recorder rec;
  ASSERT_TRUE(Walk({path}, few, rec).ok());
  EXPECT_EQ(rec.articles.size(), 5u);
  ASSERT_NE(rec.SkipIn(skip::kArchiveLimit), nullptr);
  EXPECT_NE(rec.SkipIn(skip::kArchiveLimit)->reason.find("entries"), std::string::npos);

  IngestOptions small;
  small.max_archive_bytes = 5500;
  Recorder rec2;
  ASSERT_TRUE(Walk({path}, small, rec2).ok());
  EXPECT_EQ(rec2.articles.size(), 5u);
  ASSERT_NE(rec2.SkipIn(skip::kArchiveLimit), nullptr) << rec2.SkipsText();
  EXPECT_NE(rec2.SkipIn(skip::kArchiveLimit)->reason.find("expands beyond"), std::string::npos);
}

TEST(ArchiveTest, OversizedMemberIsSkippedAndTheArchiveContinues) {
  TempDir dir;
  std::string path = dir / "big.tar.gz";
  WriteArchive(path, "tar", true,
               {{"big.txt", std::string(3000, 'b')}, {"small.txt", "Small\n\nfine."}});
  IngestOptions options;
  options.max_file_bytes = 1000;
  Recorder rec;
  ASSERT_TRUE(Walk({path}, options, rec).ok());
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{path + ":small.txt"}));
  ASSERT_NE(rec.SkipIn(skip::kTooLarge), nullptr);
  EXPECT_EQ(rec.SkipIn(skip::kTooLarge)->where, path + ":big.txt");
}

TEST(ArchiveTest, GarbageWithArchiveExtensionIsReportedNotFatal) {
  Recorder rec;
  ParseBuffer("fake.zip", "this is not a zip file at all", IngestOptions{}, rec);
  EXPECT_TRUE(rec.articles.empty());
  ASSERT_EQ(rec.skips.size(), 1u);
  EXPECT_EQ(rec.skips[0].category, skip::kCorrupt);
  EXPECT_EQ(rec.skips[0].where, "fake.zip");
}

TEST(ArchiveTest, ArchiveFromMemoryMatchesArchiveOnDisk) {
  TempDir dir;
  std::string path = dir / "m.tar.gz";
  WriteArchive(path, "tar", true, kBundle);
  Recorder rec;
  ParseBuffer("m.tar.gz", testing::ReadFileBytes(path), IngestOptions{}, rec);
  EXPECT_EQ(rec.Ids(), BundleIds("m.tar.gz"));
}

}  // namespace
}  // namespace nsearch::ingest
