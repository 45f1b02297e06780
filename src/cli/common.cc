#include "cli/common.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <iostream>
#include <set>

#include "cli/config.h"
#include "cli/progress.h"

namespace nsearch::cli {

std::string DefaultIndexPath(const std::string& configured) {
  if (const char* env = std::getenv("NSEARCH_INDEX"); env && *env) return env;
  if (!configured.empty()) return configured;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::string(xdg) + "/nsearch/index";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/nsearch/index";
}

// A log file rotates at this size, keeping this many older files.
constexpr size_t kLogFileBytes = 5u << 20;
constexpr size_t kLogFilesKept = 3;

std::string SetUpLogging(const std::string& program, int verbosity, const std::string& log_file,
                         std::shared_ptr<ProgressLine> progress) {
  const auto level = verbosity < 0   ? spdlog::level::warn
                     : verbosity > 0 ? spdlog::level::debug
                                     : spdlog::level::info;
  std::shared_ptr<spdlog::sinks::sink> to_stderr =
      std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  to_stderr->set_pattern("%n: %^%l%$: %v");
  if (progress) to_stderr = ProgressLine::Guard(std::move(progress), to_stderr);
  to_stderr->set_level(level);
  std::vector<spdlog::sink_ptr> sinks{to_stderr};
  std::string error;
  if (!log_file.empty()) {
    try {
      auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(log_file, kLogFileBytes,
                                                                         kLogFilesKept);
      file->set_pattern("%Y-%m-%d %H:%M:%S %n[%P] %l: %v");
      file->set_level(verbosity > 0 ? spdlog::level::debug : spdlog::level::info);
      sinks.push_back(file);
    } catch (const spdlog::spdlog_ex& e) {
      error = "cannot open log file " + log_file + ": " + e.what();
    }
  }
  auto logger = std::make_shared<spdlog::logger>(program, sinks.begin(), sinks.end());
  logger->set_level(sinks.size() > 1 ? std::min(level, sinks[1]->level()) : level);
  logger->flush_on(spdlog::level::debug);  // a killed run still leaves its log
  spdlog::set_default_logger(logger);
  return error;
}

namespace {

// The option |arg| names ("-n", "--limit", "--limit=5"), or null.
const boost::program_options::option_description* FindOption(
    const boost::program_options::options_description& desc, const std::string& arg) {
  if (arg.rfind("--", 0) == 0) {
    // An unambiguous abbreviation ("--lim") names its option, as it does
    // for the parser; an ambiguous one is the parser's to report.
    try {
      return desc.find_nothrow(arg.substr(2, arg.find('=') - 2), /*approx=*/true);
    } catch (const boost::program_options::error&) {
      return nullptr;
    }
  }
  if (arg.size() != 2 || arg[0] != '-') return nullptr;
  for (const auto& opt : desc.options()) {
    // format_name() is "-n [ --limit ]" for an option with a short name.
    if (opt->format_name().rfind(arg + " ", 0) == 0 || opt->format_name() == arg) return opt.get();
  }
  return nullptr;
}

}  // namespace

NamedOptions::NamedOptions(int argc, char** argv) : all_(false) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() < 2 || arg[0] != '-') continue;
    if (arg[1] == '-')
      long_.emplace_back(arg.substr(2, arg.find('=') - 2));
    else
      short_.append(arg.substr(1));
  }
  all_ = CanName("help,h");  // --help shows them all
}

bool NamedOptions::CanName(std::string_view names) const {
  if (all_) return true;
  const size_t comma = names.find(',');
  const std::string_view name = names.substr(0, comma);
  for (const auto& token : long_)
    if (name.substr(0, token.size()) == token) return true;
  if (comma == std::string_view::npos) return false;
  const std::string_view letter = names.substr(comma + 1);
  return letter.size() == 1 && short_.find(letter[0]) != std::string::npos;
}

OptionAdder& OptionAdder::operator()(const char* names, const char* help) {
  if (named_.CanName(names)) desc_->add_options()(names, help);
  return *this;
}

OptionAdder& OptionAdder::operator()(const char* names,
                                     const boost::program_options::value_semantic* semantic,
                                     const char* help) {
  if (named_.CanName(names)) {
    desc_->add_options()(names, semantic, help);
    return *this;
  }
  std::unique_ptr<const boost::program_options::value_semantic> owned(semantic);
  boost::any value;
  if (owned->apply_default(value)) owned->notify(value);
  return *this;
}

std::vector<std::string> QueryWordsLast(int argc, char** argv,
                                        const boost::program_options::options_description& desc) {
  std::vector<std::string> options, words;
  bool seen_word = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      for (++i; i < argc; ++i) words.push_back(argv[i]);
      break;
    }
    const bool dashed = arg.size() > 1 && arg[0] == '-';
    const auto* opt = dashed ? FindOption(desc, arg) : nullptr;
    if (!opt && dashed && arg.size() > 2 && arg[1] != '-') {
      // "-n5": a short option with its value attached.
      const auto* attached = FindOption(desc, arg.substr(0, 2));
      if (attached && attached->semantic()->max_tokens() > 0) opt = attached;
    }
    if (!dashed || (seen_word && !opt && arg.rfind("--", 0) != 0)) {
      words.push_back(arg);
      seen_word = true;
      continue;
    }
    options.push_back(arg);
    const bool takes_value = opt && opt->semantic()->max_tokens() > 0 &&
                             arg.find('=') == std::string::npos &&
                             !(arg.size() > 2 && arg[1] != '-');
    if (takes_value && i + 1 < argc) options.push_back(argv[++i]);
  }
  options.push_back("--");
  options.insert(options.end(), words.begin(), words.end());
  return options;
}

int ParseCommandLine(int argc, char** argv, const std::string& program,
                     const boost::program_options::options_description& desc,
                     const char* positional, std::vector<std::string>* values, ConfigFile* config) {
  return ParseCommandLine(std::vector<std::string>(argv + 1, argv + argc), program, desc,
                          positional, values, config);
}

int ParseCommandLine(const std::vector<std::string>& args, const std::string& program,
                     const boost::program_options::options_description& desc,
                     const char* positional, std::vector<std::string>* values, ConfigFile* config) {
  namespace po = boost::program_options;
  std::vector<std::string> option_args, after_dash;
  size_t i = 0;
  for (; i < args.size() && args[i] != "--"; ++i) option_args.push_back(args[i]);
  for (++i; i < args.size(); ++i) after_dash.push_back(args[i]);
  // The positional words are an option too, for the parser, but not one to
  // show in --help.
  po::options_description all;
  all.add(desc);
  if (!desc.find_nothrow(positional, false))
    all.add_options()(positional, po::value(values)->composing());
  po::positional_options_description pos;
  pos.add(positional, -1);
  try {
    po::variables_map vm;
    const auto parsed = po::command_line_parser(option_args).options(all).positional(pos).run();
    po::store(parsed, vm);
    if (vm.count("help")) {
      std::cout << desc << "\n";
      return kExitOk;
    }
    if (vm.count("version")) {
      std::cout << program << " " << NSEARCH_VERSION << "\n";
      return kExitOk;
    }
    if (config) {
      std::set<std::string> given;
      for (const auto& option : parsed.options) given.insert(option.string_key);
      if (!after_dash.empty()) given.insert(positional);
      if (vm.count("config")) config->path = vm["config"].as<std::string>();
      StoreConfigFile(config, given, &vm);
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << program << ": " << e.what() << " (see " << program << " --help)\n";
    return kExitError;
  }
  values->insert(values->end(), after_dash.begin(), after_dash.end());
  return -1;
}

std::string OneLine(std::string_view message, size_t max_bytes) {
  std::string out;
  for (char c : message) out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  if (out.size() <= max_bytes) return out;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out + "\u2026";
}

bool ParseCount(const std::string& text, unsigned long long* n) {
  // stoull accepts "-1" (as a huge number), "+1" and leading spaces: none is a count.
  if (text.empty() ||
      !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
    return false;
  try {
    *n = std::stoull(text);
  } catch (...) {
    return false;  // out of range
  }
  return true;
}

bool ParseSize(const std::string& text, unsigned long long* bytes) {
  const size_t digits = text.find_first_not_of("0123456789");
  unsigned long long n = 0;
  if (!ParseCount(text.substr(0, digits), &n)) return false;
  const std::string unit = digits == std::string::npos ? "" : text.substr(digits);
  unsigned long long mult = 1;
  if (unit == "k" || unit == "K" || unit == "KB" || unit == "KiB")
    mult = 1ull << 10;
  else if (unit == "m" || unit == "M" || unit == "MB" || unit == "MiB")
    mult = 1ull << 20;
  else if (unit == "g" || unit == "G" || unit == "GB" || unit == "GiB")
    mult = 1ull << 30;
  else if (!unit.empty())
    return false;
  if (n > ULLONG_MAX / mult) return false;  // would wrap around to a tiny limit
  *bytes = n * mult;
  return true;
}

std::string FormatSize(unsigned long long bytes) {
  for (const auto& [shift, unit] : {std::pair{30, "G"}, std::pair{20, "M"}, std::pair{10, "K"}}) {
    const unsigned long long mult = 1ull << shift;
    if (bytes > 0 && bytes % mult == 0) return std::to_string(bytes / mult) + unit;
  }
  return std::to_string(bytes);
}

}  // namespace nsearch::cli
