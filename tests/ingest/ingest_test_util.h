// Shared helpers for the ingest tests: a temp dir, file writers, a recording
// Visitor and an archive writer built on libarchive.
#ifndef NSEARCH_TESTS_INGEST_INGEST_TEST_UTIL_H_
#define NSEARCH_TESTS_INGEST_INGEST_TEST_UTIL_H_

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "ingest/source.h"

namespace nsearch::ingest::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "nsearch-ingest-XXXXXX").string();
    char* made = mkdtemp(tmpl.data());
    EXPECT_NE(made, nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline void WriteFile(const std::string& path, std::string_view bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class Recorder : public Visitor {
 public:
  void OnArticle(RawArticle&& a) override { articles.push_back(std::move(a)); }
  void OnSkip(const Skip& s) override { skips.push_back(s); }

  const RawArticle* Find(const std::string& id) const {
    for (const RawArticle& a : articles) {
      if (a.id == id) return &a;
    }
    return nullptr;
  }
  const Skip* SkipIn(const std::string& category) const {
    for (const Skip& s : skips) {
      if (s.category == category) return &s;
    }
    return nullptr;
  }
  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const RawArticle& a : articles) ids.push_back(a.id);
    return ids;
  }
  std::string SkipsText() const {
    std::string out;
    for (const Skip& s : skips) out += s.where + " [" + s.category + "] " + s.reason + "\n";
    return out;
  }

  std::vector<RawArticle> articles;
  std::vector<Skip> skips;
};

using Members = std::vector<std::pair<std::string, std::string>>;

// Writes an archive: |format| "tar", "zip" or "raw" (single file, gzip);
// |gzip| adds a gzip filter (tar only).
inline void WriteArchive(const std::string& path, const std::string& format, bool gzip,
                         const Members& members) {
  archive* a = archive_write_new();
  if (format == "zip") {
    archive_write_set_format_zip(a);
  } else if (format == "raw") {
    archive_write_set_format_raw(a);
    archive_write_add_filter_gzip(a);
  } else {
    archive_write_set_format_pax_restricted(a);
    if (gzip) archive_write_add_filter_gzip(a);
  }
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK) << archive_error_string(a);
  for (const auto& [name, body] : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(body.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    ASSERT_EQ(archive_write_header(a, e), ARCHIVE_OK) << archive_error_string(a);
    ASSERT_EQ(archive_write_data(a, body.data(), body.size()),
              static_cast<la_ssize_t>(body.size()));
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

}  // namespace nsearch::ingest::testing

#endif  // NSEARCH_TESTS_INGEST_INGEST_TEST_UTIL_H_
