#include "search/saved.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "index/files.h"

namespace nsearch::search {
namespace {

using nlohmann::json;

constexpr int kFormatVersion = 1;

const char* SortName(SortOrder s) {
  return s == SortOrder::kNewest ? "date" : s == SortOrder::kOldest ? "oldest" : "relevance";
}

json ToJson(const SavedSearch& s) {
  const SearchOptions& o = s.options;
  std::vector<std::string> person, place, org;
  for (const auto& f : o.filters)
    (f.type == EntityType::kPerson  ? person
     : f.type == EntityType::kPlace ? place
                                    : org)
        .push_back(f.name);
  json out = {{"name", s.name},
              {"query", o.query},
              {"person", person},
              {"place", place},
              {"org", org},
              {"since", o.since},
              {"until", o.until},
              {"author", o.authors},
              {"include_boilerplate", o.include_boilerplate},
              {"exact", o.exact},
              {"sort", SortName(o.sort)},
              {"created", s.created},
              {"last_asked", s.last_asked},
              {"seen_until", s.seen_until}};
  if (!o.language.empty()) out["lang"] = o.language;
  return out;
}

SavedSearch FromJson(const json& j) {
  SavedSearch s;
  SearchOptions& o = s.options;
  s.name = j.at("name").get<std::string>();
  o.query = j.value("query", "");
  for (const auto& [key, type] :
       {std::pair{"person", EntityType::kPerson}, std::pair{"place", EntityType::kPlace},
        std::pair{"org", EntityType::kOrg}})
    for (const auto& n : j.value(key, std::vector<std::string>())) o.filters.push_back({type, n});
  o.since = j.value("since", "");
  o.until = j.value("until", "");
  o.authors = j.value("author", std::vector<std::string>());
  o.include_boilerplate = j.value("include_boilerplate", false);
  o.exact = j.value("exact", false);
  o.language = j.value("lang", "");
  const std::string sort = j.value("sort", "relevance");
  o.sort = sort == "date"     ? SortOrder::kNewest
           : sort == "oldest" ? SortOrder::kOldest
                              : SortOrder::kRelevance;
  s.created = j.value("created", "");
  s.last_asked = j.value("last_asked", "");
  s.seen_until = j.value("seen_until", 0.0);
  return s;
}

// An exclusive lock on a file beside the saved searches, released (closed)
// on destruction.
class FileLock {
 public:
  explicit FileLock(const std::string& path)
      : fd_(open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ >= 0 && flock(fd_, LOCK_EX) != 0) {
      close(fd_);
      fd_ = -1;
    }
  }
  ~FileLock() {
    if (fd_ >= 0) close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

}  // namespace

std::string SavedSearchesPath(const std::string& index_path) {
  return (std::filesystem::path(index_path) / "saved-searches.json").string();
}

std::string IsoNow() {
  char buf[32];
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::vector<SavedSearch>> LoadSavedSearches(const std::string& index_path) {
  const std::string path = SavedSearchesPath(index_path);
  std::ifstream in(path);
  if (!in) return std::vector<SavedSearch>();
  std::stringstream text;
  text << in.rdbuf();
  try {
    const json j = json::parse(text.str());
    std::vector<SavedSearch> out;
    for (const auto& item : j.at("searches")) out.push_back(FromJson(item));
    return out;
  } catch (const json::exception& e) {
    return Status::Corruption("cannot read the saved searches in " + path + " (" + e.what() +
                              "): fix or remove the file");
  }
}

Status UpdateSavedSearches(const std::string& index_path,
                           const std::function<Status(std::vector<SavedSearch>*)>& change) {
  const std::string path = SavedSearchesPath(index_path);
  FileLock lock(path + ".lock");
  if (!lock.ok())
    return Status::IOError("cannot lock " + path + ".lock: is the index directory writable?");
  auto searches = LoadSavedSearches(index_path);
  if (!searches.ok()) return searches.status();
  if (Status s = change(&searches.value()); !s.ok()) return s;
  json list = json::array();
  for (const auto& s : *searches) list.push_back(ToJson(s));
  const json out = {{"version", kFormatVersion}, {"searches", list}};
  return index::ReplaceFile(path, out.dump(2, ' ', false, json::error_handler_t::replace) + "\n",
                            false);
}

}  // namespace nsearch::search
