#include "ingest/inputs.h"

#include <algorithm>
#include <filesystem>

namespace nsearch::ingest {
namespace {

namespace fs = std::filesystem;

struct Input {
  std::string path;  // absolute, normalised, as spelled (links kept): the id prefix
  fs::path real;     // links resolved, for comparing inputs with each other
  bool dir = false;
};

std::string AbsoluteNormal(const std::string& in) {
  std::error_code ec;
  fs::path p = fs::absolute(in, ec);
  std::string s = (ec ? fs::path(in) : p).lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

fs::path Real(const std::string& path) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(path, ec);
  return ec ? fs::path(path) : real;
}

// True when |inner| is |outer| or lies under it.
bool Within(const fs::path& inner, const fs::path& outer) {
  auto mismatch = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return mismatch.first == outer.end();
}

// True when walking the directory |outer| reaches |inner|: it lies under it
// and no name on the way starts with '.' (the walk skips those).
bool Reached(const fs::path& inner, const fs::path& outer) {
  if (!Within(inner, outer)) return false;
  for (const fs::path& name : inner.lexically_relative(outer))
    if (name.native().starts_with('.') && name != ".") return false;
  return true;
}

// An input another one already reads: the same file or directory given
// earlier, or anything the walk of another input directory reaches.
bool Covered(const std::vector<Input>& all, size_t i) {
  for (size_t j = 0; j < all.size(); ++j) {
    if (j == i) continue;
    if (all[i].real == all[j].real) {
      if (j < i) return true;
    } else if (all[j].dir && Reached(all[i].real, all[j].real)) {
      return true;
    }
  }
  return false;
}

Status CheckIndexPlace(const Input& input, const std::string& index_path) {
  const fs::path index = Real(AbsoluteNormal(index_path));
  if (input.dir && Within(index, input.real)) {
    return Status::InvalidArgument("the index " + index_path + " is inside the bundle " +
                                   input.path +
                                   ": its files would be read as articles; give --index a "
                                   "directory outside the bundle");
  }
  if (Within(input.real, index)) {
    return Status::InvalidArgument("the bundle " + input.path + " is inside the index " +
                                   index_path + ": keep bundles and the index apart");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<std::string>> PrepareInputs(const std::vector<std::string>& inputs,
                                               const std::string& index_path) {
  std::vector<Input> all;
  for (const std::string& in : inputs) {
    Input input;
    input.path = AbsoluteNormal(in);
    std::error_code ec;
    const fs::file_status st = fs::status(input.path, ec);
    if (st.type() == fs::file_type::not_found)
      return Status::InvalidArgument(in + ": no such file or directory; nothing was indexed");
    input.dir = fs::is_directory(st);
    input.real = Real(input.path);
    if (!index_path.empty()) {
      if (Status s = CheckIndexPlace(input, index_path); !s.ok()) return s;
    }
    all.push_back(std::move(input));
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < all.size(); ++i)
    if (!Covered(all, i)) out.push_back(all[i].path);
  return out;
}

}  // namespace nsearch::ingest
