// Helpers for the end-to-end tests: run the real nsearch and nsearch-index
// binaries as a user would (own stdout/stderr, optional terminal, chosen
// environment), and read what they print.
#ifndef NSEARCH_TESTS_E2E_E2E_UTIL_H_
#define NSEARCH_TESTS_E2E_E2E_UTIL_H_

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace nsearch::e2e {

namespace fs = std::filesystem;
using nlohmann::json;

inline std::string IndexBin() { return NSEARCH_BIN_DIR "/nsearch-index"; }
inline std::string SearchBin() { return NSEARCH_BIN_DIR "/nsearch"; }
inline std::string SampleBundle() { return NSEARCH_FIXTURES "/sample-bundle"; }

// Files of the sample bundle nsearch-index reads as articles: the twelve
// stories (.txt) and its README.md, which avoids the stories' vocabulary.
inline int SampleArticleCount() {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(SampleBundle()))
    n += e.path().extension() == ".txt" || e.path().extension() == ".md";
  return n;
}

struct RunResult {
  int exit_code = -1;  // 128 + signal when the child was killed
  std::string out;
  std::string err;
};

struct RunOptions {
  // Environment changes on top of the test's own environment. NO_COLOR and
  // NSEARCH_INDEX are always cleared first, and XDG_CONFIG_HOME points
  // nowhere (no config file), so the host cannot skew results.
  std::map<std::string, std::string> env;
  bool stdout_is_tty = false;  // give the child a pseudo-terminal as stdout
  bool stderr_is_tty = false;  // give the child a pseudo-terminal as stderr
  // RLIMIT_FSIZE of the child (0: none), SIGXFSZ ignored: a write past it
  // fails with EFBIG, as a full disk fails with ENOSPC.
  uint64_t file_size_limit = 0;
  int timeout_seconds = 20;
  std::string stdin_text;  // what the child reads on stdin (else /dev/null); under 64 KB
};

// Runs |bin| with |args|, stdin from /dev/null, and collects its output.
inline RunResult RunBinary(const std::string& bin, const std::vector<std::string>& args,
                           const RunOptions& options = {}) {
  RunResult result;
  int out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
  int out_read = -1, out_write = -1;
  if (options.stdout_is_tty) {
    if (openpty(&out_read, &out_write, nullptr, nullptr, nullptr) != 0) return result;
  } else {
    if (pipe(out_pipe) != 0) return result;
    out_read = out_pipe[0];
    out_write = out_pipe[1];
  }
  int err_read = -1, err_write = -1;
  if (options.stderr_is_tty) {
    winsize size{};
    size.ws_row = 24;
    size.ws_col = 120;
    if (openpty(&err_read, &err_write, nullptr, nullptr, &size) != 0) return result;
  } else {
    if (pipe(err_pipe) != 0) return result;
    err_read = err_pipe[0];
    err_write = err_pipe[1];
  }
  int in_pipe[2] = {-1, -1};
  if (!options.stdin_text.empty() && pipe(in_pipe) != 0) return result;

  std::vector<std::string> argv_storage{bin};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  const pid_t pid = fork();
  if (pid == 0) {
    const int devnull = open("/dev/null", O_RDONLY);
    dup2(in_pipe[0] >= 0 ? in_pipe[0] : devnull, STDIN_FILENO);
    if (in_pipe[1] >= 0) close(in_pipe[1]);
    dup2(out_write, STDOUT_FILENO);
    dup2(err_write, STDERR_FILENO);
    close(out_read);
    close(err_read);
    unsetenv("NO_COLOR");
    unsetenv("NSEARCH_INDEX");
    setenv("XDG_CONFIG_HOME", "/nonexistent/nsearch-e2e", 1);
    for (const auto& [k, v] : options.env) setenv(k.c_str(), v.c_str(), 1);
    if (options.file_size_limit > 0) {
      signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{options.file_size_limit, options.file_size_limit};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  close(out_write);
  close(err_write);
  if (in_pipe[0] >= 0) {
    close(in_pipe[0]);
    // Small enough for the pipe's buffer: written whole before reading.
    const ssize_t written = write(in_pipe[1], options.stdin_text.data(), options.stdin_text.size());
    (void)written;
    close(in_pipe[1]);
  }

  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  pollfd fds[2] = {{out_read, POLLIN, 0}, {err_read, POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  bool killed = false;
  while (open_fds > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      kill(pid, SIGKILL);
      killed = true;
      break;
    }
    if (poll(fds, 2, static_cast<int>(left.count())) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[8192];
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        // A pty master reports EIO once the child has closed the terminal.
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) close(f.fd);
  int status = 0;
  waitpid(pid, &status, 0);
  if (killed) result.err += "\n[e2e: killed after timeout]\n";
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

// A binary started in the background, its stdout and stderr going to
// files; Wait() reaps it. Killed (SIGKILL) if still running on destruction.
class Background {
 public:
  Background(const std::string& bin, const std::vector<std::string>& args,
             const std::string& output_prefix)
      : out_path_(output_prefix + ".out"), err_path_(output_prefix + ".err") {
    std::vector<std::string> argv_storage{bin};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      const int devnull = open("/dev/null", O_RDONLY);
      dup2(devnull, STDIN_FILENO);
      dup2(open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDOUT_FILENO);
      dup2(open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDERR_FILENO);
      unsetenv("NSEARCH_INDEX");
      setenv("XDG_CONFIG_HOME", "/nonexistent/nsearch-e2e", 1);
      execv(bin.c_str(), argv.data());
      _exit(127);
    }
  }
  ~Background() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  pid_t pid() const { return pid_; }
  // Its exit code (128 + signal when killed); RunResult with what it wrote.
  RunResult Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    reaped_ = true;
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream out(out_path_), err(err_path_);
    std::stringstream o, e;
    o << out.rdbuf();
    e << err.rdbuf();
    r.out = o.str();
    r.err = e.str();
    return r;
  }

 private:
  std::string out_path_, err_path_;
  pid_t pid_ = -1;
  bool reaped_ = false;
};

// A directory under $TMPDIR removed (with its contents) on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "nsearch-e2e-XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Byte offsets of each code point of UTF-8 |text|, plus one past the end.
inline std::vector<size_t> CodePointStarts(const std::string& text) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(text.size());
  return starts;
}

// The code points [begin, end) of |text|, or nullopt if out of range.
inline std::optional<std::string> CodePointSlice(const std::string& text, int64_t begin,
                                                 int64_t end) {
  const auto starts = CodePointStarts(text);
  const int64_t n = static_cast<int64_t>(starts.size()) - 1;
  if (begin < 0 || end > n || begin >= end) return std::nullopt;
  return text.substr(starts[begin], starts[end] - starts[begin]);
}

// The words a result highlights, in order, as they appear in its text.
inline std::vector<std::string> HighlightedWords(const json& result) {
  std::vector<std::string> words;
  const std::string text = result.at("text").get<std::string>();
  for (const auto& h : result.at("highlights")) {
    auto slice = CodePointSlice(text, h.at(0).get<int64_t>(), h.at(1).get<int64_t>());
    words.push_back(slice ? *slice : std::string("<out of range>"));
  }
  return words;
}

// Every highlighted word of every result of |response|, lower-cased.
inline std::set<std::string> MarkedWords(const json& response) {
  std::set<std::string> out;
  for (const auto& h : response.value("results", json::array()))
    for (const auto& w : HighlightedWords(h)) out.insert(Lower(w));
  return out;
}

// The part of a search response the JSON contract fixes (docs/json.md):
// later fields such as "entities" are left out, so comparisons test the
// contract and nothing else.
inline json ContractView(const json& response) {
  json results = json::array();
  for (const auto& r : response.value("results", json::array())) {
    json item;
    for (const char* key :
         {"rank", "score", "path", "title", "paragraph", "text", "highlights", "more_passages"})
      if (r.contains(key)) item[key] = r[key];
    results.push_back(item);
  }
  return {{"query", response.value("query", json())},
          {"total", response.value("total", json())},
          {"results", results}};
}

// Strings anywhere in |j| that hold control characters or U+FFFD, which
// no text in the sample bundle has.
inline void CollectDirtyStrings(const json& j, std::vector<std::string>* dirty) {
  if (j.is_string()) {
    const std::string s = j.get<std::string>();
    bool bad = Contains(s, "\xEF\xBF\xBD");
    for (unsigned char c : s) bad |= c < 0x20;
    if (bad) dirty->push_back(s);
  } else if (j.is_structured()) {
    for (const auto& v : j) CollectDirtyStrings(v, dirty);
  }
}

// Parses stdout that must hold exactly one JSON object; on failure returns a
// null json and describes the problem in |error|.
inline json ParseOne(const std::string& out, std::string* error) {
  try {
    return json::parse(out);
  } catch (const json::exception& e) {
    *error = std::string(e.what()) + " in: " + out.substr(0, 400);
    return json();
  }
}

// Writes |n| short stories of the project's own making, DIR/story-0001.txt
// and on, each a title and three paragraphs varied enough to be an article
// of its own, each holding the word |topic|. About 600 bytes a story.
inline void WriteStories(const std::string& dir, int n, const std::string& topic = "harbour") {
  static const char* const kPlaces[] = {"Eastfield", "Marlow Bay",   "Kestrel Point", "Old Quay",
                                        "Birchmoor", "Hollin Cross", "Sandwick",      "Tarnbridge"};
  static const char* const kThings[] = {"ferry",      "library",       "tram line", "market hall",
                                        "footbridge", "swimming pool", "bus depot", "lighthouse"};
  static const char* const kDoings[] = {"reopens after repairs", "faces a longer closure",
                                        "gets a new timetable",  "wins a heritage grant",
                                        "is put up for sale",    "draws record crowds"};
  fs::create_directories(dir);
  for (int i = 1; i <= n; ++i) {
    const std::string place = kPlaces[i % 8], thing = kThings[(i / 8) % 8],
                      doing = kDoings[(i / 64) % 6];
    char name[32];
    std::snprintf(name, sizeof name, "/story-%04d.txt", i);
    WriteFile(dir + name,
              "The " + thing + " at " + place + " " + doing + " (report " + std::to_string(i) +
                  ")\n\nCouncillors in " + place + " said on Tuesday that the " + thing + " " +
                  doing + ", the " + std::to_string(i) + "th such notice this year for the " +
                  topic + " district.\n\nResidents queued outside the " + thing +
                  " from early morning; several said the change had been expected since the " +
                  "spring survey of the " + topic + " front.\n\nA spokesperson promised " +
                  "a public meeting within " + std::to_string(2 + i % 9) +
                  " weeks and a written answer to every letter received.\n");
  }
}

// Runs nsearch with |args|, expects |expect_exit| and exactly one JSON
// object on stdout, and returns it (null json on failure, reported).
inline json SearchJson(const std::vector<std::string>& args, int expect_exit = 0) {
  RunResult r = RunBinary(SearchBin(), args);
  EXPECT_EQ(r.exit_code, expect_exit) << r.err;
  std::string error;
  json j = ParseOne(r.out, &error);
  EXPECT_TRUE(error.empty()) << error;
  return j;
}

// Lines of |text| that are not empty.
inline std::vector<std::string> NonEmptyLines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// The article ids (paths) a dry run sees, keyed by file name.
inline std::map<std::string, json> DryRunByFileName(const std::string& dry_run_stdout) {
  std::map<std::string, json> by_name;
  for (const auto& line : NonEmptyLines(dry_run_stdout)) {
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.contains("path")) continue;
    by_name[fs::path(j["path"].get<std::string>()).filename().string()] = j;
  }
  return by_name;
}

}  // namespace nsearch::e2e

#endif  // NSEARCH_TESTS_E2E_E2E_UTIL_H_
