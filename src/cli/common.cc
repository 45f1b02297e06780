#include "cli/common.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>

namespace nsearch::cli {

std::string DefaultIndexPath() {
  if (const char* env = std::getenv("NSEARCH_INDEX"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::string(xdg) + "/nsearch/index";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/nsearch/index";
}

void SetUpLogging(const std::string& program, int verbosity) {
  auto logger = spdlog::stderr_color_mt(program);
  logger->set_pattern("%n: %^%l%$: %v");
  logger->set_level(verbosity < 0   ? spdlog::level::warn
                    : verbosity > 0 ? spdlog::level::debug
                                    : spdlog::level::info);
  spdlog::set_default_logger(logger);
}

void SplitAtDoubleDash(int argc, char** argv, std::vector<std::string>* options,
                       std::vector<std::string>* positional) {
  int i = 1;
  for (; i < argc; ++i) {
    if (std::string(argv[i]) == "--") {
      ++i;
      break;
    }
    options->push_back(argv[i]);
  }
  for (; i < argc; ++i) positional->push_back(argv[i]);
}

bool ParseSize(const std::string& text, unsigned long long* bytes) {
  if (text.empty()) return false;
  size_t used = 0;
  unsigned long long n = 0;
  try {
    n = std::stoull(text, &used);
  } catch (...) {
    return false;
  }
  std::string unit = text.substr(used);
  unsigned long long mult = 1;
  if (unit == "k" || unit == "K" || unit == "KB" || unit == "KiB") mult = 1ull << 10;
  else if (unit == "m" || unit == "M" || unit == "MB" || unit == "MiB") mult = 1ull << 20;
  else if (unit == "g" || unit == "G" || unit == "GB" || unit == "GiB") mult = 1ull << 30;
  else if (!unit.empty()) return false;
  *bytes = n * mult;
  return true;
}

}  // namespace nsearch::cli
