#include "cli/progress.h"

#include <spdlog/fmt/fmt.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

namespace nsearch::cli {
namespace {

std::string Clock(double seconds) {
  const long s = seconds > 0 ? static_cast<long>(seconds + 0.5) : 0;
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

double Megabytes(uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }

size_t TerminalWidth() {
  winsize ws{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 40) return ws.ws_col;
  return ws.ws_col > 0 ? 40 : 80;
}

}  // namespace

// Erases the progress line before each message is written.
class GuardSink : public spdlog::sinks::sink {
 public:
  GuardSink(std::shared_ptr<ProgressLine> line, std::shared_ptr<spdlog::sinks::sink> inner)
      : line_(std::move(line)), inner_(std::move(inner)) {}
  void log(const spdlog::details::log_msg& msg) override {
    if (!should_log(msg.level)) return;
    std::lock_guard<std::mutex> lock(line_->mu_);
    line_->EraseLocked();
    inner_->log(msg);
  }
  void flush() override { inner_->flush(); }
  void set_pattern(const std::string& pattern) override { inner_->set_pattern(pattern); }
  void set_formatter(std::unique_ptr<spdlog::formatter> f) override {
    inner_->set_formatter(std::move(f));
  }

 private:
  std::shared_ptr<ProgressLine> line_;
  std::shared_ptr<spdlog::sinks::sink> inner_;
};

std::string ProgressText(const IndexProgress& p, double phase_seconds, double elapsed_seconds,
                         size_t width) {
  using Phase = IndexProgress::Phase;
  if (p.phase == Phase::kFinishing) {
    std::string text = "writing and compacting the index, " + Clock(elapsed_seconds) + " elapsed";
    return text.size() > width ? text.substr(0, width) : text;
  }
  // Parts of the line with how long each stays when the terminal is
  // narrow: the lowest goes first.
  std::vector<std::pair<int, std::string>> parts;
  std::string head = fmt::format("pass {}/2", p.phase == Phase::kCounting ? 1 : 2);
  const bool known = p.total_bytes > 0 && p.bytes <= p.total_bytes;
  if (known) head += fmt::format(" {}%", p.bytes * 100 / p.total_bytes);
  parts.emplace_back(9, head);
  parts.emplace_back(2, fmt::format("{} articles", p.articles));
  parts.emplace_back(1, p.total_bytes > 0 ? fmt::format("{:.1f}/{:.1f} MB", Megabytes(p.bytes),
                                                        Megabytes(p.total_bytes))
                                          : fmt::format("{:.1f} MB", Megabytes(p.bytes)));
  const double s = phase_seconds > 0.001 ? phase_seconds : 0.001;
  parts.emplace_back(3, fmt::format("{:.0f} articles/s", static_cast<double>(p.articles) / s));
  parts.emplace_back(3, fmt::format("{:.1f} MB/s", Megabytes(p.bytes) / s));
  parts.emplace_back(4, Clock(elapsed_seconds) + " elapsed");
  if (known && p.bytes > 0) {
    const double rate = static_cast<double>(p.bytes) / s;
    parts.emplace_back(5, "ETA " + Clock(static_cast<double>(p.total_bytes - p.bytes) / rate));
  }
  for (;;) {
    std::string text;
    for (const auto& [rank, part] : parts) text += (text.empty() ? "" : ", ") + part;
    if (text.size() <= width || parts.size() == 1)
      return text.size() > width ? text.substr(0, width) : text;
    auto lowest = parts.begin();
    for (auto it = parts.begin(); it != parts.end(); ++it)
      if (it->first <= lowest->first) lowest = it;
    parts.erase(lowest);
  }
}

ProgressLine::ProgressLine(bool enabled) {
  const char* term = std::getenv("TERM");
  active_ = enabled && isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
  start_ = Clock::now();
}

ProgressLine::~ProgressLine() { Clear(); }

void ProgressLine::EraseLocked() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

void ProgressLine::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  EraseLocked();
}

void ProgressLine::Update(const IndexProgress& progress) {
  if (!active_) return;
  const auto now = Clock::now();
  std::lock_guard<std::mutex> lock(mu_);
  const bool new_phase = !started_ || progress.phase != phase_;
  // A phase's start and its first article or file are drawn at once (rates
  // and an ETA from the start); then at most five lines a second.
  const bool first = !drew_first_ && (progress.articles > 0 || progress.bytes > 0);
  if (new_phase) {
    phase_ = progress.phase;
    phase_start_ = now;
    started_ = true;
    drew_first_ = false;
  } else if (!first && now - last_draw_ < std::chrono::milliseconds(200)) {
    return;
  }
  if (first) drew_first_ = true;
  last_draw_ = now;
  auto seconds = [now](Clock::time_point t) {
    return std::chrono::duration<double>(now - t).count();
  };
  // One column short of the width: writing the last column wraps some
  // terminals to a new line, which "\r" cannot take back.
  const std::string text = "nsearch-index: " + ProgressText(progress, seconds(phase_start_),
                                                            seconds(start_), TerminalWidth() - 16);
  std::fputs(("\r" + text + "\033[K").c_str(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

std::shared_ptr<spdlog::sinks::sink> ProgressLine::Guard(
    std::shared_ptr<ProgressLine> line, std::shared_ptr<spdlog::sinks::sink> inner) {
  return std::make_shared<GuardSink>(std::move(line), std::move(inner));
}

}  // namespace nsearch::cli
