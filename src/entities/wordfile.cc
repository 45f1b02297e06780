#include "entities/wordfile.h"

#include <archive.h>

#include <filesystem>
#include <memory>

#include "entities/fold.h"

namespace nsearch::entities {

bool ForEachLine(const std::string& path, const std::function<void(std::string_view)>& line) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  // libarchive's raw format with every filter reads a plain file and a .gz
  // alike, so a package that compresses its list works unchanged.
  std::unique_ptr<archive, decltype(&archive_read_free)> a(archive_read_new(), &archive_read_free);
  archive_read_support_filter_all(a.get());
  archive_read_support_format_raw(a.get());
  if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK) return false;
  archive_entry* entry = nullptr;
  if (archive_read_next_header(a.get(), &entry) != ARCHIVE_OK) return false;
  std::string pending;
  char buf[1 << 16];
  for (;;) {
    la_ssize_t n = archive_read_data(a.get(), buf, sizeof buf);
    if (n < 0) return false;
    if (n == 0) break;
    pending.append(buf, static_cast<size_t>(n));
    size_t start = 0;
    for (size_t nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n', start)) {
      line(std::string_view(pending).substr(start, nl - start));
      start = nl + 1;
    }
    pending.erase(0, start);
  }
  if (!pending.empty()) line(pending);
  return true;
}

std::unordered_set<std::string> ReadWords(const std::string& words_path) {
  std::unordered_set<std::string> words;
  ForEachLine(words_path, [&](std::string_view l) {
    if (l.size() < 2 || l.size() > kMaxWordLength) return;
    for (char c : l) {
      if (c < 'a' || c > 'z') return;
    }
    words.emplace(l);
  });
  return words;
}

std::unordered_set<std::string> ReadGivenNames(const std::string& names_path,
                                               const std::unordered_set<std::string>& words,
                                               const std::unordered_set<std::string>& exclude) {
  std::unordered_set<std::string> names;
  ForEachLine(names_path, [&](std::string_view l) {
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ')) l.remove_suffix(1);
    if (l.size() < 2 || l[0] < 'A' || l[0] > 'Z') return;
    std::string key;
    FoldWordInto(l, &key);
    // An ordinary word ("grace", "case") says too little to start a name.
    if (!exclude.count(key) && !words.count(key)) names.insert(std::move(key));
  });
  return names;
}

std::string DefaultNamesPath() {
  std::error_code ec;
  const std::string plain = "/usr/share/dict/propernames";
  return std::filesystem::exists(plain, ec) ? plain : plain + ".gz";
}

std::string DefaultWordsPath() {
  // The American list itself: "words" may point at miscfiles' web2, whose
  // 235,000 entries hold many names in lower case.
  std::error_code ec;
  const std::string american = "/usr/share/dict/american-english";
  return std::filesystem::exists(american, ec) ? american : "/usr/share/dict/words";
}

}  // namespace nsearch::entities
