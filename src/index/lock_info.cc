#include "index/lock_info.h"

#include <spdlog/fmt/fmt.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "index/generations.h"

namespace nsearch::index {
namespace {

namespace fs = std::filesystem;

bool AllDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string FirstLine(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

// Seconds since process |pid| started, or -1 if unknown.
double SecondsRunning(const std::string& pid) {
  // Field 22 of /proc/PID/stat, after the parenthesised command (which may
  // hold spaces), is the start time in clock ticks since boot.
  const std::string stat = FirstLine(fs::path("/proc") / pid / "stat");
  const size_t close = stat.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  for (int i = 3; i <= 22 && fields >> field; ++i) {
    if (i < 22) continue;
    double uptime = 0;
    std::istringstream(FirstLine("/proc/uptime")) >> uptime;
    const long ticks = sysconf(_SC_CLK_TCK);
    if (ticks <= 0) return -1;
    return std::max(0.0, uptime - std::stod(field) / static_cast<double>(ticks));
  }
  return -1;
}

std::string Duration(double seconds) {
  const long s = std::lround(seconds);
  if (s < 60) return fmt::format("{} s", s);
  if (s < 3600) return fmt::format("{} min {} s", s / 60, s % 60);
  return fmt::format("{} h {} min", s / 3600, (s % 3600) / 60);
}

// True when descriptor |fd| of process |pid| holds a lock (fdinfo lists it).
bool HoldsLock(const std::string& pid, const std::string& fd) {
  std::ifstream in(fs::path("/proc") / pid / "fdinfo" / fd);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("lock:", 0) == 0) return true;
  return false;
}

}  // namespace

std::string LockHolders(const std::string& database_dir) {
  std::error_code ec;
  const fs::path lock = fs::canonical(fs::path(database_dir) / "flintlock", ec);
  if (ec) return "";
  std::vector<std::string> holders;
  for (const auto& proc : fs::directory_iterator("/proc", ec)) {
    const std::string pid = proc.path().filename().string();
    if (!AllDigits(pid)) continue;
    std::error_code fd_ec;  // another user's process: not ours to see
    for (const auto& fd : fs::directory_iterator(proc.path() / "fd", fd_ec)) {
      std::error_code link_ec;
      if (fs::read_symlink(fd.path(), link_ec) != lock || link_ec) continue;
      if (!HoldsLock(pid, fd.path().filename().string())) continue;
      std::string who = FirstLine(proc.path() / "comm");
      who += " (pid " + pid;
      if (double s = SecondsRunning(pid); s >= 0) who += ", running for " + Duration(s);
      holders.push_back(who + ")");
      break;
    }
  }
  std::string out;
  for (const auto& h : holders) out += (out.empty() ? "" : "; ") + h;
  return out;
}

std::string LockedMessage(const std::string& index_path) {
  std::string holder;
  if (auto generation = WritableGeneration(index_path); generation.ok())
    holder = LockHolders(*generation);
  return "index " + index_path + " is locked: " +
         (holder.empty() ? "another nsearch-index (not visible from here)" : holder) +
         " is writing it";
}

Result<std::unique_ptr<Writer>> OpenWriterWaiting(
    const std::string& path, const WriterOptions& options, double wait_seconds,
    const std::function<void(const std::string&)>& on_wait) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  for (bool first = true;; first = false) {
    auto opened = Writer::Open(path, options);
    if (opened.ok() || opened.status().code() != StatusCode::kLocked || !(wait_seconds > 0))
      return opened;
    const double waited = std::chrono::duration<double>(Clock::now() - start).count();
    if (waited >= wait_seconds)
      return Status::Locked(opened.status().message() +
                            fmt::format(" (waited {})", Duration(waited)));
    if (first && on_wait) on_wait(opened.status().message());
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace nsearch::index
