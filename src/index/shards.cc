#include "index/shards.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <utility>

#include "index/files.h"
#include "ingest/hash.h"

namespace nsearch::index {
namespace {

namespace fs = std::filesystem;

constexpr char kStubName[] = "XAPIANDB";
constexpr int kMaxShards = 1024;

// Letters, digits, '-', '_' and '.' (not leading): a name that is safe as a
// directory and in a stub line.
std::string SafeName(const std::string& name) {
  std::string out;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || (c == '.' && !out.empty());
    out.push_back(ok ? c : '_');
  }
  return out.empty() ? "bundle" : out;
}

std::string Hex(uint64_t h, int digits) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf + 16 - digits);
}

bool Under(const std::string& file, const std::string& root) {
  return file == root || (file.size() > root.size() && file.compare(0, root.size(), root) == 0 &&
                          (root.back() == '/' || file[root.size()] == '/'));
}

}  // namespace

Result<std::string> ParseShardBy(const std::string& text) {
  if (text == "bundle" || text == "month") return text;
  if (!text.empty() && text.size() < 6 && std::all_of(text.begin(), text.end(), ::isdigit)) {
    const int n = std::stoi(text);
    if (n >= 1 && n <= kMaxShards) return std::to_string(n);
  }
  return Status::InvalidArgument("--shard-by takes bundle, month or a number of shards (1-" +
                                 std::to_string(kMaxShards) + "), not '" + text + "'");
}

std::string ShardOf(const std::string& shard_by, const BuiltArticle& built,
                    const std::vector<std::string>& bundles) {
  if (shard_by == "month") {
    if (built.date.size() < 6) return "undated";
    return built.date.substr(0, 4) + "-" + built.date.substr(4, 2);
  }
  if (shard_by == "bundle") {
    // The longest input holding the file (inputs may nest); its base name
    // with a hash of its path, so two bundles named alike stay apart.
    const std::string* best = nullptr;
    for (const auto& b : bundles)
      if (Under(built.source_file, b) && (!best || b.size() > best->size())) best = &b;
    if (!best) return "other";
    const std::string base = fs::path(*best).filename().string();
    return SafeName(base) + "-" + Hex(ingest::ContentHash(*best), 6);
  }
  const int n = std::max(1, std::stoi(shard_by));
  const int width = static_cast<int>(std::to_string(n - 1).size());
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width,
                static_cast<int>(ingest::ContentHash(built.key) % static_cast<uint64_t>(n)));
  return buf;
}

bool IsSharded(const std::string& index_path) {
  std::error_code ec;
  return fs::is_directory(fs::path(index_path) / kMetaName, ec) &&
         fs::is_directory(fs::path(index_path) / kShardsDir, ec);
}

std::string ShardPath(const std::string& index_path, const std::string& name) {
  return (fs::path(index_path) / kShardsDir / name).string();
}

std::string MetaPath(const std::string& index_path) {
  return (fs::path(index_path) / kMetaName).string();
}

std::vector<std::string> ShardNames(const std::string& index_path) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::path(index_path) / kShardsDir, ec))
    if (e.is_directory(ec)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

Status WriteShardStub(const std::string& index_path, const std::vector<std::string>& names) {
  std::string text = std::string("auto ") + kMetaName + "\n";
  for (const auto& n : names) text += std::string("auto ") + kShardsDir + "/" + n + "\n";
  return ReplaceFile((fs::path(index_path) / kStubName).string(), text, false);
}

std::vector<std::string> StubFiles(const std::string& index_path) {
  std::vector<std::string> out;
  std::vector<std::pair<fs::path, int>> todo{{fs::path(index_path), 0}};
  while (!todo.empty()) {
    auto [path, depth] = todo.back();
    todo.pop_back();
    std::error_code ec;
    const fs::path stub = fs::is_directory(path, ec) ? path / kStubName : path;
    if (!fs::is_regular_file(stub, ec)) continue;
    out.push_back(stub.string());
    if (depth >= 3) continue;  // stubs naming stubs: a few levels are plenty
    for (const auto& db : StubDatabases(stub.string())) todo.emplace_back(db, depth + 1);
  }
  return out;
}

namespace {

// The first two words of each line of the stub file |stub| (a type and
// its target: "auto gen-000002", "remote host:8100"). Read with one read
// call: every search opens its index through these few bytes, and an
// iostream costs it tens of microseconds.
std::vector<std::pair<std::string, std::string>> StubLines(const std::string& stub) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string text = ReadSmallFile(stub, 1u << 20).value_or("");  // a stub is a few lines
  std::string_view rest(text);
  auto word = [](std::string_view* line) {
    const size_t start = line->find_first_not_of(" \t\r");
    if (start == std::string_view::npos) return std::string();
    const size_t end = line->find_first_of(" \t\r", start);
    std::string w(line->substr(start, end - start));
    line->remove_prefix(end == std::string_view::npos ? line->size() : end);
    return w;
  };
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
    std::string type = word(&line), target = word(&line);
    if (!type.empty() && !target.empty()) out.emplace_back(std::move(type), std::move(target));
  }
  return out;
}

}  // namespace

std::vector<std::string> StubDatabases(const std::string& stub) {
  std::vector<std::string> out;
  for (const auto& [type, target] : StubLines(stub)) {
    if (type != "auto") continue;
    const fs::path p(target);
    out.push_back((p.is_absolute() ? p : fs::path(stub).parent_path() / p).string());
  }
  return out;
}

bool HasRemote(const std::string& index_path) {
  for (const auto& stub : StubFiles(index_path))
    for (const auto& [type, target] : StubLines(stub))
      if (type == "remote") return true;
  return false;
}

}  // namespace nsearch::index
