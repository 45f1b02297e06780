// libFuzzer target over ingest's in-memory entry point, ParseBuffer: format
// sniffing, decoding, HTML, JSON/JSONL, dates and archives read from memory.
// The first input byte picks the file name (and so the format); the rest is
// the file. Besides crashes and sanitizer reports it checks the contract:
// every article's text is valid UTF-8 and every skip reason is one line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/dates.h"
#include "ingest/decode.h"
#include "ingest/source.h"

namespace {

using nsearch::ingest::IsValidUtf8;

constexpr const char* kNames[] = {"a.txt", "a.html",   "a.jsonl", "a.json", "a.tar", "a.zip",
                                  "a.gz",  "a.tar.gz", "a",       "a.md",   "a.xml", "a.tar.bz2"};
constexpr size_t kNameCount = sizeof(kNames) / sizeof(kNames[0]);

void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "ingest contract violated: %s\n", what);
    abort();
  }
}

class CheckingVisitor : public nsearch::ingest::Visitor {
 public:
  explicit CheckingVisitor(std::string_view name) : name_(name) {}
  void OnArticle(nsearch::ingest::RawArticle&& a) override {
    Check(a.id.rfind(name_, 0) == 0, "article id starts with the file name");
    Check(IsValidUtf8(a.id), "id is UTF-8");
    Check(IsValidUtf8(a.text), "text is UTF-8");
    Check(IsValidUtf8(a.title), "title is UTF-8");
    Check(IsValidUtf8(a.author) && IsValidUtf8(a.url) && IsValidUtf8(a.date), "metadata UTF-8");
    for (const auto& b : a.blocks) Check(IsValidUtf8(b.text) && !b.text.empty(), "block text");
    Check(a.date.empty() || (a.date.size() >= 10 && a.date[4] == '-'), "date is ISO 8601");
  }
  void OnSkip(const nsearch::ingest::Skip& s) override {
    Check(!s.reason.empty() && !s.category.empty(), "skip has reason and category");
    Check(s.reason.find('\n') == std::string::npos, "skip reason is one line");
    Check(IsValidUtf8(s.reason), "skip reason is UTF-8");
  }

 private:
  std::string_view name_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view name = kNames[data[0] % kNameCount];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  nsearch::ingest::IngestOptions options;
  // Small limits keep each run fast and exercise the guards.
  options.max_file_bytes = 1 << 20;
  options.max_archive_bytes = 8 << 20;
  options.max_archive_entries = 1000;
  CheckingVisitor visitor(name);
  nsearch::ingest::ParseBuffer(name, bytes, options, visitor);

  std::string date = nsearch::ingest::NormalizeDate(bytes.substr(0, 64));
  Check(date.empty() || IsValidUtf8(date), "date");
  return 0;
}
