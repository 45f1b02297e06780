#include "index/stats.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "index/data_dictionary.h"
#include "index/schema.h"
#include "index/shards.h"

namespace nsearch::index {
namespace {

namespace fs = std::filesystem;

// The inputs the recorded runs named, longest first (so a bundle inside
// another one claims its own files).
std::vector<std::string> RecordedInputs(const std::string& runs) {
  std::set<std::string> inputs;
  size_t start = 0;
  while (start < runs.size()) {
    const size_t end = std::min(runs.find('\n', start), runs.size());
    const auto record = nlohmann::json::parse(runs.substr(start, end - start), nullptr, false);
    if (record.is_object() && record.contains("inputs") && record["inputs"].is_array())
      for (const auto& in : record["inputs"])
        if (in.is_string()) inputs.insert(in.get<std::string>());
    start = end + 1;
  }
  std::vector<std::string> out(inputs.begin(), inputs.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

// The recorded input holding |file|, else the file's directory.
std::string BundleOf(const std::string& file, const std::vector<std::string>& inputs) {
  for (const auto& in : inputs)
    if (file == in || (file.size() > in.size() && file.compare(0, in.size(), in) == 0 &&
                       (in.back() == '/' || file[in.size()] == '/')))
      return in;
  return fs::path(file).parent_path().string();
}

void Read(const Xapian::Database& db, IndexReport* r) {
  try {
    r->schema_version = std::stoi(db.get_metadata(kSchemaVersionKey));
  } catch (const std::exception&) {
    r->schema_version = 0;  // none, or not a number: not an nsearch index
  }
  r->articles = db.get_doccount();
  for (auto v = db.valuestream_begin(kSlotLayout); v != db.valuestream_end(kSlotLayout); ++v) {
    const auto layout = DecodeLayout(*v);
    for (size_t i = 1; i < layout.size(); ++i) {  // entry 0 is the title
      ++r->paragraphs;
      ++r->paragraphs_by_kind[std::string(KindName(layout[i].kind))];
    }
  }
  for (EntityType type : {EntityType::kPerson, EntityType::kPlace, EntityType::kOrg}) {
    const std::string prefix(EntityPrefix(type));
    int64_t names = 0;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) ++names;
    r->entities[std::string(EntityTypeName(type))] = names;
  }
  const std::string runs = db.get_metadata(kRunsKey);
  r->runs_recorded = static_cast<int>(std::count(runs.begin(), runs.end(), '\n'));
  if (!runs.empty()) {
    const size_t end = runs.back() == '\n' ? runs.size() - 1 : runs.size();
    const size_t begin = runs.rfind('\n', end - 1);
    r->last_run = runs.substr(begin == std::string::npos ? 0 : begin + 1,
                              end - (begin == std::string::npos ? 0 : begin + 1));
  }
  // One document per source file says where its articles came from; the
  // term's frequency is how many there are.
  const std::vector<std::string> inputs = RecordedInputs(runs);
  std::map<std::string, int64_t> bundles;
  const std::string prefix(kPrefixSourceFile);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    auto p = db.postlist_begin(*t);
    if (p == db.postlist_end(*t)) continue;
    const auto stored = StoredArticleOf(db.get_document(*p), db);
    if (!stored) continue;
    bundles[BundleOf(stored->source.file, inputs)] += t.get_termfreq();
  }
  r->bundles.assign(bundles.begin(), bundles.end());
}

}  // namespace

uint64_t DiskBytes(const std::string& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  uint64_t total = 0;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) {
      const auto size = it->file_size(size_ec);
      if (!size_ec) total += size;
    }
  }
  return total;
}

Result<IndexReport> ReadIndexReport(const std::string& index_path) {
  for (int attempt = 0;; ++attempt) {
    IndexReport r;
    r.path = index_path;
    try {
      const Xapian::Database db(index_path);
      Read(db, &r);
      if (IsSharded(index_path)) {
        r.shard_by = db.get_metadata(kShardByKey);
        for (const auto& name : ShardNames(index_path))
          r.shards.emplace_back(name, Xapian::Database(ShardPath(index_path, name)).get_doccount());
      }
      r.bytes = DiskBytes(index_path);
      return r;
    } catch (const Xapian::DatabaseNotFoundError&) {
      return Status::NotFound("no index at " + index_path);
    } catch (const Xapian::Error& e) {
      // An indexer committed, or published a new generation, while we read:
      // read the index once more from its stub.
      if (attempt > 0)
        return Status::IOError("cannot read index " + index_path + ": " + e.get_description());
    }
  }
}

}  // namespace nsearch::index
