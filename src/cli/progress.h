// cli/progress: nsearch-index's progress line on a terminal — articles/s,
// MB/s, elapsed time and ETA, redrawn in place on stderr and erased at the
// end. Nothing is drawn when stderr is not a terminal (cron, systemd, a
// pipe). Log lines go through Guard(), which erases the line first, so a
// warning never lands in the middle of it.
#ifndef NSEARCH_CLI_PROGRESS_H_
#define NSEARCH_CLI_PROGRESS_H_

#include <spdlog/sinks/sink.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "nsearch/indexer.h"

namespace nsearch::cli {

// The text of a progress line (no terminal codes), at most |width|
// characters: "pass 2/2 44%, 1200 articles, 4.1/9.4 MB, 310 articles/s,
// 1.1 MB/s, 0:07 elapsed, ETA 0:05"; on a narrow terminal the sizes, then
// the counts, then the rates give way to the elapsed time and the ETA.
// |phase_seconds| is the time spent in this phase, |elapsed_seconds| since
// the run started. No percentage or ETA before anything was read, or when
// more was read than the input files hold (compressed archives).
std::string ProgressText(const IndexProgress& progress, double phase_seconds,
                         double elapsed_seconds, size_t width);

class ProgressLine {
 public:
  // Draws on stderr when |enabled| and stderr is a terminal (not TERM=dumb).
  explicit ProgressLine(bool enabled);
  ~ProgressLine();  // erases the line
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  bool active() const { return active_; }
  // Redraws at most five times a second, and at once when a phase starts.
  void Update(const IndexProgress& progress);
  // Erases the line, if it is shown.
  void Clear();
  // A sink writing to |inner| that erases |line| before each message (and
  // keeps it alive as long as the logger lives).
  static std::shared_ptr<spdlog::sinks::sink> Guard(std::shared_ptr<ProgressLine> line,
                                                    std::shared_ptr<spdlog::sinks::sink> inner);

 private:
  using Clock = std::chrono::steady_clock;
  friend class GuardSink;
  void EraseLocked();

  bool active_ = false;
  std::mutex mu_;  // held while drawing, erasing and logging
  bool shown_ = false;
  Clock::time_point start_, phase_start_, last_draw_;
  IndexProgress::Phase phase_ = IndexProgress::Phase::kCounting;
  bool started_ = false;
  bool drew_first_ = false;  // the phase's first article or file
};

}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_PROGRESS_H_
