#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ingest/hash.h"
#include "ingest/source.h"
#include "ingest_test_util.h"

namespace nsearch::ingest {
namespace {

using testing::Recorder;
using testing::TempDir;
using testing::WriteFile;
namespace fs = std::filesystem;

TEST(WalkTest, DirectoriesAreWalkedRecursivelyInSortedOrder) {
  TempDir dir;
  WriteFile(dir / "b.txt", "B title\n\nB body.");
  WriteFile(dir / "a/2.md", "A2\n\nbody");
  WriteFile(dir / "a/10.txt", "A10\n\nbody");
  WriteFile(dir / "c/d/e.htm", "<p>deep</p>");
  WriteFile(dir / "noext", "No extension\n\nis plain text.");
  WriteFile(dir / ".hidden.txt", "dot files are not part of a bundle");
  Recorder rec;
  ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{dir / "a/10.txt", dir / "a/2.md", dir / "b.txt",
                                                 dir / "c/d/e.htm", dir / "noext"}));
  EXPECT_TRUE(rec.skips.empty()) << rec.SkipsText();
}

TEST(WalkTest, SourceInfoDescribesTheRawFile) {
  TempDir dir;
  std::string bytes = "\xEF\xBB\xBFTitle\r\n\r\nBody line.\r\n";
  WriteFile(dir / "a.txt", bytes);
  struct stat st;
  ASSERT_EQ(stat((dir / "a.txt").c_str(), &st), 0);
  Recorder rec;
  ASSERT_TRUE(Walk({dir / "a.txt"}, IngestOptions{}, rec).ok());
  ASSERT_EQ(rec.articles.size(), 1u);
  const RawArticle& a = rec.articles[0];
  EXPECT_EQ(a.id, dir / "a.txt");
  EXPECT_EQ(a.text, "Title\n\nBody line.\n");  // BOM gone, CRLF -> LF
  EXPECT_EQ(a.source.file, dir / "a.txt");
  EXPECT_EQ(a.source.member, "");
  EXPECT_EQ(a.source.size, bytes.size());
  EXPECT_EQ(a.source.mtime, st.st_mtime);
  EXPECT_EQ(a.source.content_hash, ContentHash(bytes));
  EXPECT_EQ(a.source.encoding, "UTF-8");
  EXPECT_EQ(a.source.invalid_bytes, 0);
}

TEST(WalkTest, ContentHashChangesWithContent) {
  EXPECT_NE(ContentHash("abc"), ContentHash("abd"));
  EXPECT_EQ(ContentHash("bc", ContentHash("a")), ContentHash("abc"));
  EXPECT_EQ(ContentHash(""), 0xcbf29ce484222325ull);
}

TEST(WalkTest, BadFilesAreSkippedWithReasonsAndTheWalkContinues) {
  TempDir dir;
  WriteFile(dir / "01-empty.txt", "");
  WriteFile(dir / "02-blank.txt", "  \n\n \t\n");
  WriteFile(dir / "03-image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  WriteFile(dir / "04-program", std::string("\x7F"
                                            "ELF\x02\x01\x01\0\0\0\0\0",
                                            12));
  WriteFile(dir / "05-photo.jpg", "\xFF\xD8\xFF\xE0\0\x10JFIF");
  WriteFile(dir / "06-data.csv", "a,b,c\n1,2,3\n");
  WriteFile(dir / "07-nul.txt", std::string("text\0with\0nuls", 14));
  WriteFile(dir / "08-paper.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
  WriteFile(dir / "09-good.txt", "Good article\n\nSurvives its neighbours.");
  Recorder rec;
  ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{dir / "09-good.txt"}));
  std::vector<std::string> expected = {
      dir / "01-empty.txt [empty] empty file",
      dir / "02-blank.txt [empty] empty file (whitespace only)",
      dir / "03-image.txt [binary] binary file (PNG image)",
      dir / "04-program [binary] binary file (ELF executable)",
      dir / "05-photo.jpg [binary] binary file (JPEG image)",
      dir / "06-data.csv [unsupported] unsupported file type '.csv'",
      dir / "07-nul.txt [binary] binary file (NUL bytes)",
      dir / "08-paper.pdf [binary] binary file (PDF document)",
  };
  std::vector<std::string> got;
  for (const Skip& s : rec.skips) got.push_back(s.where + " [" + s.category + "] " + s.reason);
  EXPECT_EQ(got, expected);
}

TEST(WalkTest, HugeFileIsSkippedBySizeWithoutBeingRead) {
  TempDir dir;
  // A 200 MB single-line file, sparse so the test stays fast.
  int fd = open((dir / "huge.txt").c_str(), O_CREAT | O_WRONLY, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(ftruncate(fd, 200ll << 20), 0);
  close(fd);
  WriteFile(dir / "small.txt", "Small\n\nok");
  Recorder rec;
  ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{dir / "small.txt"}));
  ASSERT_EQ(rec.skips.size(), 1u);
  EXPECT_EQ(rec.skips[0].category, skip::kTooLarge);
  EXPECT_EQ(rec.skips[0].reason, "file too large (200.0 MiB, limit 16.0 MiB, --max-file-size)");
}

TEST(WalkTest, InvalidUtf8IsDecodedNotSkipped) {
  TempDir dir;
  WriteFile(dir / "bad.txt", "Zoë’s title\n\nA stray \xFF byte and a cut \xE2\x82");
  Recorder rec;
  ASSERT_TRUE(Walk({dir / "bad.txt"}, IngestOptions{}, rec).ok());
  ASSERT_EQ(rec.articles.size(), 1u);
  EXPECT_EQ(rec.articles[0].text, "Zoë’s title\n\nA stray \uFFFD byte and a cut \uFFFD");
  EXPECT_EQ(rec.articles[0].source.invalid_bytes, 3);
  EXPECT_TRUE(rec.skips.empty());
}

TEST(WalkTest, Utf16AndLatin1FilesAreDecoded) {
  TempDir dir;
  WriteFile(dir / "u16.txt", std::string("\xFF\xFEH\0i\0 \0\xE9\0", 10));
  WriteFile(dir / "latin1.txt",
            "Caf\xE9 cr\xE8me\n\nLe gar\xE7on a servi le caf\xE9 tr\xE8s chaud ce matin.");
  Recorder rec;
  ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
  ASSERT_EQ(rec.articles.size(), 2u) << rec.SkipsText();
  EXPECT_EQ(rec.articles[0].text, "Café crème\n\nLe garçon a servi le café très chaud ce matin.");
  EXPECT_EQ(rec.articles[1].text, "Hi é");
  EXPECT_EQ(rec.articles[1].source.encoding, "UTF-16LE");
}

TEST(WalkTest, SymlinkLoopsAreReportedOnceAndBrokenLinksNamed) {
  TempDir dir;
  WriteFile(dir / "a/story.txt", "Story\n\ntext");
  fs::create_directory_symlink("..", dir / "a/up");  // a/up -> dir: a loop
  fs::create_symlink(dir / "self", dir / "self");    // ELOOP on stat
  fs::create_symlink(dir / "missing.txt", dir / "dangling.txt");
  Recorder rec;
  ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{dir / "a/story.txt"}));
  int loops = 0;
  for (const Skip& s : rec.skips) loops += s.category == skip::kSymlinkLoop;
  EXPECT_EQ(loops, 2) << rec.SkipsText();
  ASSERT_NE(rec.SkipIn(skip::kBrokenLink), nullptr) << rec.SkipsText();
  EXPECT_EQ(rec.SkipIn(skip::kBrokenLink)->where, dir / "dangling.txt");
}

TEST(WalkTest, SymlinkedDirectoryReachedTwiceIsReadOnce) {
  TempDir dir;
  WriteFile(dir / "real/x.txt", "X\n\nx");
  fs::create_directory_symlink(dir / "real", dir / "alias");
  Recorder rec;
  ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{dir / "alias/x.txt"}));
  EXPECT_TRUE(rec.skips.empty()) << rec.SkipsText();
}

// Deletes |victim| when the first article arrives: the file was listed but
// is gone by the time the walk reads it.
class DeletingRecorder : public Recorder {
 public:
  explicit DeletingRecorder(std::string victim) : victim_(std::move(victim)) {}
  void OnArticle(RawArticle&& a) override {
    fs::remove(victim_);
    Recorder::OnArticle(std::move(a));
  }

 private:
  std::string victim_;
};

TEST(WalkTest, FileDeletedWhileIndexingIsReportedAsVanished) {
  TempDir dir;
  WriteFile(dir / "a.txt", "A\n\na");
  WriteFile(dir / "b.txt", "B\n\nb");
  WriteFile(dir / "c.txt", "C\n\nc");
  DeletingRecorder rec(dir / "b.txt");
  ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{dir / "a.txt", dir / "c.txt"}));
  ASSERT_EQ(rec.skips.size(), 1u);
  EXPECT_EQ(rec.skips[0].where, dir / "b.txt");
  EXPECT_EQ(rec.skips[0].reason, "vanished while indexing");
  EXPECT_EQ(rec.skips[0].category, skip::kVanished);
}

TEST(WalkTest, NonexistentInputIsNotFoundAndReported) {
  TempDir dir;
  WriteFile(dir / "ok.txt", "Ok\n\nok");
  Recorder rec;
  Status s = Walk({dir / "nope", dir / "ok.txt"}, IngestOptions{}, rec);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("nope"), std::string::npos);
  EXPECT_EQ(rec.Ids(), (std::vector<std::string>{dir / "ok.txt"}));  // later inputs still read
  ASSERT_EQ(rec.skips.size(), 1u);
  EXPECT_EQ(rec.skips[0].where, dir / "nope");
  EXPECT_EQ(rec.skips[0].category, skip::kNotFound);
}

TEST(WalkTest, FifoIsSkippedWithoutBlocking) {
  TempDir dir;
  ASSERT_EQ(mkfifo((dir / "pipe.txt").c_str(), 0644), 0);
  Recorder rec;
  ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
  ASSERT_EQ(rec.skips.size(), 1u);
  EXPECT_EQ(rec.skips[0].category, skip::kSpecial);
  EXPECT_EQ(rec.skips[0].reason, "not a regular file (FIFO)");
}

// Root reads everything, so the walk runs in a child that drops to "nobody".
TEST(WalkTest, UnreadableFileIsReportedAndTheWalkContinues) {
  TempDir dir;
  WriteFile(dir / "a-locked.txt", "Secret\n\ntext");
  WriteFile(dir / "b-open.txt", "Open\n\ntext");
  chmod((dir / "a-locked.txt").c_str(), 0);
  chmod(dir.path().c_str(), 0755);
  if (geteuid() != 0) {
    Recorder rec;
    ASSERT_TRUE(Walk({dir.path()}, IngestOptions{}, rec).ok());
    EXPECT_EQ(rec.Ids(), (std::vector<std::string>{dir / "b-open.txt"}));
    ASSERT_NE(rec.SkipIn(skip::kUnreadable), nullptr);
    return;
  }
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (setgid(65534) != 0 || setuid(65534) != 0) _exit(77);
    Recorder rec;
    Status s = Walk({dir.path()}, IngestOptions{}, rec);
    bool ok = s.ok() && rec.Ids() == std::vector<std::string>{dir / "b-open.txt"} &&
              rec.skips.size() == 1 && rec.skips[0].where == dir / "a-locked.txt" &&
              rec.skips[0].category == std::string(skip::kUnreadable) &&
              rec.skips[0].reason == "unreadable: Permission denied";
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 77) GTEST_SKIP() << "cannot drop privileges here";
  EXPECT_EQ(WEXITSTATUS(status), 0) << "unreadable file not reported as expected";
}

}  // namespace
}  // namespace nsearch::ingest
