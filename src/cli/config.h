// cli/config: the config file, read after the command line. Boost.Program_options
// syntax: "name = value" lines (the long option names), "#" comments, a
// repeatable option on several lines. A value given on the command line
// replaces the file's (option by option, lists included).
#ifndef NSEARCH_CLI_CONFIG_H_
#define NSEARCH_CLI_CONFIG_H_

#include <boost/program_options.hpp>
#include <set>
#include <string>
#include <vector>

namespace nsearch::cli {

struct ConfigFile {
  // What the file may set (a part of the command line's options).
  const boost::program_options::options_description* settings = nullptr;
  // Options holding paths: a leading "~/" is the home directory, and a
  // relative path is relative to the config file's directory.
  std::set<std::string> path_options;
  // The file named by --config, or "" for the default (read when present).
  std::string path;
  // Out: the file read ("" if none) and the options taken from it.
  std::string loaded;
  std::set<std::string> from_file;
};

// $XDG_CONFIG_HOME/nsearch/config, else ~/.config/nsearch/config, whether
// or not it exists.
std::string DefaultConfigPath();

// Stores the options of |config| (the file named by config->path, else the
// default one if it exists) into |vm|, except those in |given| (the command
// line's). Throws boost::program_options::error, its message naming the
// file, when a named file cannot be read or holds an unknown option or a
// line that is not "name = value".
void StoreConfigFile(ConfigFile* config, const std::set<std::string>& given,
                     boost::program_options::variables_map* vm);

// |path| with a leading "~/" made the home directory and, when relative,
// made relative to |base_dir|.
std::string ResolvePath(const std::string& path, const std::string& base_dir);

}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_CONFIG_H_
