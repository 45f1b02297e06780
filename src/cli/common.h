// cli/common: what both executables share — logging set-up, the default
// index location, exit codes. Exit codes and spdlog sinks live only in cli/.
#ifndef NSEARCH_CLI_COMMON_H_
#define NSEARCH_CLI_COMMON_H_

#include <boost/program_options.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch::cli {

// Exit codes, documented in docs/cli.md and README.md: stable, so cron jobs
// and systemd units can act on them.
// Search: results found / none / usage or index error.
// Index: all inputs indexed / some skipped / usage error (nothing done) /
// locked by another indexer / failed (the index stays as last committed).
inline constexpr int kExitOk = 0;
inline constexpr int kExitNoResults = 1;
inline constexpr int kExitSkipped = 1;
inline constexpr int kExitError = 2;
inline constexpr int kExitLocked = 3;
inline constexpr int kExitFailure = 4;

// --index's help for the commands that read indexes (nsearch, nsearch-serve).
inline constexpr char kReadIndexHelp[] =
    "index directory; repeat to search several indexes as one (default: $NSEARCH_INDEX, else "
    "the config file's index, else $XDG_DATA_HOME/nsearch/index, else "
    "~/.local/share/nsearch/index)";
inline constexpr char kReadConfigHelp[] =
    "the nsearch-index config file whose index to read when no --index is given (default: "
    "$XDG_CONFIG_HOME/nsearch/config, else ~/.config/nsearch/config, when present)";

// $NSEARCH_INDEX, else |configured| (the config file's index) when not
// empty, else $XDG_DATA_HOME/nsearch/index, else
// ~/.local/share/nsearch/index.
std::string DefaultIndexPath(const std::string& configured = "");

// stderr logger, "nsearch-index: message" style; verbosity -1 (quiet:
// warnings and errors only), 0 (info), 1 (debug). With |progress|, stderr
// lines first erase its progress line. With |log_file|, also a rotating
// log file with timestamps, at info level (debug when verbose) whatever
// the verbosity; returns what is wrong when it cannot be opened, else "".
class ProgressLine;
std::string SetUpLogging(const std::string& program, int verbosity,
                         const std::string& log_file = "",
                         std::shared_ptr<ProgressLine> progress = nullptr);

struct ConfigFile;

// Parses argv against |desc|. Positional words (and everything after a
// "--") go to the option named |positional| (hidden unless |desc| has one),
// appended to |*values|. With |config|, its file is read next and sets
// what the command line did not (cli/config.h). Returns the exit code to
// stop with — --help printed (kExitOk) or a bad option (kExitError, reported
// as "PROGRAM: reason") — or -1 to carry on.
int ParseCommandLine(int argc, char** argv, const std::string& program,
                     const boost::program_options::options_description& desc,
                     const char* positional, std::vector<std::string>* values,
                     ConfigFile* config = nullptr);
int ParseCommandLine(const std::vector<std::string>& args, const std::string& program,
                     const boost::program_options::options_description& desc,
                     const char* positional, std::vector<std::string>* values,
                     ConfigFile* config = nullptr);

// argv with the query words moved after a "--": once a first positional
// word has been seen, an argument that starts with one '-' and is not one of
// |desc|'s short options ("ceasefire -Istanbul") is a word of the query,
// not an unknown option. Options and their values keep their places.
std::vector<std::string> QueryWordsLast(int argc, char** argv,
                                        const boost::program_options::options_description& desc);

// The options a command line can name. Describing a Boost option costs
// about 3,500 instructions (its names are split with a string stream), most
// of a search's option handling, and a search names two or three of its 35:
// a command describes only the options its line can name (OptionAdder). A
// long token ("--li", "--limit=5") can name every option whose long name it
// begins (Boost takes unambiguous abbreviations), a short one ("-n5", "-vq")
// every option whose short name is one of its letters; words after a "--"
// name none. A line that can ask for --help can name them all, as can
// everything without a line (NamedOptions()).
class NamedOptions {
 public:
  NamedOptions() = default;
  NamedOptions(int argc, char** argv);
  // |names| as Boost takes them: "limit,n", "json".
  bool CanName(std::string_view names) const;

 private:
  bool all_ = true;
  std::vector<std::string> long_;  // the long tokens' names
  std::string short_;              // the short tokens' letters
};

// add_options() for a description that holds only what |named| can name:
// an option it cannot is left out, and the variable it would set gets its
// default value now (as Boost gives one to an option not given), so that
// the parse ends exactly as it would with every option described.
class OptionAdder {
 public:
  OptionAdder(boost::program_options::options_description* desc, const NamedOptions& named)
      : desc_(desc), named_(named) {}
  OptionAdder& operator()(const char* names, const char* help);
  OptionAdder& operator()(const char* names, const boost::program_options::value_semantic* semantic,
                          const char* help);

 private:
  boost::program_options::options_description* desc_;
  const NamedOptions& named_;
};

// |message| made fit for one line of a terminal: newlines become spaces and
// anything past |max_bytes| is cut (on a UTF-8 boundary) with "…". A user's
// 100 KB query must not come back as a 100 KB error.
std::string OneLine(std::string_view message, size_t max_bytes = 300);

// Parses a whole number of things ("100000"): digits only, so "-5", "+5",
// " 5" and "5x" are junk (false).
bool ParseCount(const std::string& text, unsigned long long* n);

// Parses "64M", "1G", "500k", "1048576" into bytes; false on junk.
bool ParseSize(const std::string& text, unsigned long long* bytes);
// The other way: "16M", "1G", "500K" for whole multiples, else the bytes.
std::string FormatSize(unsigned long long bytes);

}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_COMMON_H_
