#include "index/generations.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "index/files.h"

namespace nsearch::index {
namespace {

namespace fs = std::filesystem;

constexpr char kStubName[] = "XAPIANDB";
constexpr char kGenerationPrefix[] = "gen-";

// The generation the stub names ("glass gen-000003"), or "".
std::string StubTarget(const fs::path& dir) {
  std::ifstream in(dir / kStubName);
  std::string backend, target;
  if (!(in >> backend >> target)) return "";
  return target;
}

int GenerationNumber(const std::string& name) {
  if (name.rfind(kGenerationPrefix, 0) != 0) return -1;
  try {
    return std::stoi(name.substr(sizeof kGenerationPrefix - 1));
  } catch (...) {
    return -1;
  }
}

std::string GenerationName(int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%06d", kGenerationPrefix, n);
  return buf;
}

Status WriteStub(const fs::path& dir, const std::string& generation) {
  return ReplaceFile((dir / kStubName).string(), "glass " + generation + "\n", false);
}

}  // namespace

Result<std::string> WritableGeneration(const std::string& index_path) {
  const fs::path dir(index_path);
  std::error_code ec;
  if (fs::exists(dir / "iamglass", ec)) return index_path;
  if (std::string target = StubTarget(dir); !target.empty()) return (dir / target).string();
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return Status::InvalidArgument(index_path + " is not a directory");
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
    return Status::InvalidArgument(index_path +
                                   " is neither empty nor an nsearch index: give a new directory");
  fs::create_directories(dir / GenerationName(1), ec);
  if (ec) return Status::IOError("cannot create index " + index_path + ": " + ec.message());
  Status s = WriteStub(dir, GenerationName(1));
  if (!s.ok()) return s;
  return (dir / GenerationName(1)).string();
}

std::string CurrentGeneration(const std::string& index_path) {
  return StubTarget(fs::path(index_path));
}

std::string NextGeneration(const std::string& index_path, const std::string& current) {
  const int n = GenerationNumber(fs::path(current).filename().string());
  return (fs::path(index_path) / GenerationName(n < 0 ? 1 : n + 1)).string();
}

Status SwitchGeneration(const std::string& index_path, const std::string& generation) {
  const fs::path dir(index_path);
  const std::string name = fs::path(generation).filename().string();
  Status s = WriteStub(dir, name);
  if (!s.ok()) return s;
  // Older generations go at once (an index is not kept twice on disk). A
  // reader that has one open keeps reading its open files; nsearch's
  // Searcher reopens the index through the stub when they are gone.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string n = entry.path().filename().string();
    if (GenerationNumber(n) >= 0 && n != name) fs::remove_all(entry.path(), ec);
  }
  return Status::Ok();
}

}  // namespace nsearch::index
