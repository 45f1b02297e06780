// Walk: directories, files and the errors between listing and reading.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ingest/archive.h"
#include "ingest/dispatch.h"
#include "ingest/sniff.h"
#include "ingest/source.h"

namespace nsearch::ingest {

namespace {

using DirKey = std::pair<dev_t, ino_t>;

std::string Join(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

const char* KindOf(mode_t mode) {
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  return "special file";
}

class Walker {
 public:
  Walker(const IngestOptions& options, Visitor& visitor) : options_(options), visitor_(visitor) {}

  Status WalkInput(const std::string& input) {
    struct stat st;
    if (stat(input.c_str(), &st) != 0) return ReportStatError(input, errno, true);
    if (S_ISDIR(st.st_mode)) return WalkDir(input, st);
    if (S_ISREG(st.st_mode)) return ReadFile(input, st);
    Report(visitor_, input, std::string("not a regular file (") + KindOf(st.st_mode) + ")",
           skip::kSpecial);
    return Status::Unsupported(input + ": not a regular file or directory");
  }

 private:
  // Reports why |path| cannot be stat'ed. |top|: an input named by the user.
  Status ReportStatError(const std::string& path, int err, bool top) {
    struct stat lst;
    bool is_link = lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
    if (err == ELOOP) {
      Report(visitor_, path, "symlink loop", skip::kSymlinkLoop);
      return Status::IOError(path + ": symlink loop");
    }
    if (err == ENOENT && is_link) {
      Report(visitor_, path, "broken symlink (target does not exist)", skip::kBrokenLink);
      return Status::NotFound(path + ": broken symlink");
    }
    if (err == ENOENT || err == ENOTDIR) {
      if (top) {
        Report(visitor_, path, "no such file or directory", skip::kNotFound);
        return Status::NotFound(path + ": no such file or directory");
      }
      Report(visitor_, path, "vanished while indexing", skip::kVanished);
      return Status::NotFound(path + ": vanished while indexing");
    }
    Report(visitor_, path, std::string("unreadable: ") + std::strerror(err), skip::kUnreadable);
    return Status::IOError(path + ": " + std::strerror(err));
  }

  Status WalkDir(const std::string& dir, const struct stat& st) {
    DirKey key{st.st_dev, st.st_ino};
    visited_.insert(key);
    ancestors_.push_back({key, dir});
    std::vector<std::string> names;
    Status status = ListDir(dir, &names);
    for (const std::string& name : names) VisitEntry(Join(dir, name));
    ancestors_.pop_back();
    return status;
  }

  Status ListDir(const std::string& dir, std::vector<std::string>* names) {
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) {
      int err = errno;
      if (err == ENOENT) {
        Report(visitor_, dir, "vanished while indexing", skip::kVanished);
        return Status::NotFound(dir + ": vanished while indexing");
      }
      Report(visitor_, dir, std::string("unreadable directory: ") + std::strerror(err),
             skip::kUnreadable);
      return Status::IOError(dir + ": " + std::strerror(err));
    }
    while (dirent* e = readdir(d)) {
      // Dot-entries (., .., .git, .DS_Store) are never part of a bundle.
      if (e->d_name[0] == '.') continue;
      names->emplace_back(e->d_name);
    }
    closedir(d);
    // Byte order, so ids and report order are the same on every run.
    std::sort(names->begin(), names->end());
    return Status::Ok();
  }

  void VisitEntry(const std::string& path) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      (void)ReportStatError(path, errno, false);
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      DirKey key{st.st_dev, st.st_ino};
      for (const auto& [k, ancestor] : ancestors_) {
        if (k == key) {
          Report(visitor_, path, "symlink loop (leads back to " + ancestor + ")",
                 skip::kSymlinkLoop);
          return;
        }
      }
      // Reached twice through symlinks, but not a loop: read it once.
      if (visited_.count(key)) return;
      (void)WalkDir(path, st);
    } else if (S_ISREG(st.st_mode)) {
      (void)ReadFile(path, st);
    } else {
      Report(visitor_, path, std::string("not a regular file (") + KindOf(st.st_mode) + ")",
             skip::kSpecial);
    }
  }

  Status ReadFile(const std::string& path, const struct stat& st) {
    Unit unit;
    unit.id = path;
    unit.name = path;
    unit.source.file = path;
    unit.source.mtime = static_cast<int64_t>(st.st_mtime);
    Format format = FormatFromName(path);
    if (st.st_size == 0) {
      Report(visitor_, path, "empty file", skip::kEmpty);
      return Status::Ok();
    }
    if (format == Format::kArchive || format == Format::kCompressed) {
      if (visitor_.Unchanged(path, st)) return Status::Ok();
      return ReadArchiveFile(unit, st.st_size, format == Format::kCompressed, options_, visitor_);
    }
    if (format != Format::kJsonl && format != Format::kJson &&
        static_cast<uint64_t>(st.st_size) > options_.max_file_bytes) {
      // Decided from the size alone: the file is never opened.
      Report(visitor_, path,
             "file too large (" + HumanBytes(st.st_size) + ", limit " +
                 HumanBytes(options_.max_file_bytes) + ", --max-file-size)",
             skip::kTooLarge);
      return Status::Ok();
    }
    if (visitor_.Unchanged(path, st)) return Status::Ok();
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ReportStatError(path, errno, false);
    FdStream in(fd);
    Status s = ReadUnit(unit, in, st.st_size, options_, visitor_);
    if (!s.ok()) {
      Report(visitor_, path, "read error: " + s.message(), skip::kUnreadable);
      return Status::IOError(path + ": " + s.message());
    }
    return Status::Ok();
  }

  const IngestOptions& options_;
  Visitor& visitor_;
  std::set<DirKey> visited_;
  std::vector<std::pair<DirKey, std::string>> ancestors_;
};

}  // namespace

Status Walk(const std::vector<std::string>& inputs, const IngestOptions& options,
            Visitor& visitor) {
  Status first = Status::Ok();
  Walker walker(options, visitor);
  for (const std::string& input : inputs) {
    Status s = walker.WalkInput(input);
    if (!s.ok() && first.ok()) first = s;
  }
  return first;
}

}  // namespace nsearch::ingest
