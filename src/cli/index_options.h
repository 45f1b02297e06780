// cli/index_options: nsearch-index's settings, declared once — every option
// a config file may set as well as the command line: its name, help text,
// default (IndexOptions{}'s, itself ReadOptions{}'s) and where its value
// lands. Values reach IndexSettings when the variables map is notified;
// a bad value throws boost::program_options::error naming the option.
#ifndef NSEARCH_CLI_INDEX_OPTIONS_H_
#define NSEARCH_CLI_INDEX_OPTIONS_H_

#include <boost/program_options.hpp>
#include <string>

#include "nsearch/indexer.h"

namespace nsearch::cli {

struct IndexSettings {
  IndexOptions options;  // index_path stays "" unless an index was named
  std::string log_file;  // "" for none
  // A shell command run after a run whose new or changed articles match
  // saved searches (nsearch --save); "" for none.
  std::string on_new_matches;
};

// The options a config file may set, writing into |settings| at notify.
// Bundles are "bundle" (the command line's positional words).
boost::program_options::options_description SettingsOptions(IndexSettings* settings);

// The options whose values are paths (resolved against the config file's
// directory when they come from one).
inline const char* const kPathSettings[] = {"index", "bundle", "log-file"};

// "x,story" and repeated options alike: every field name, in order.
std::vector<std::string> FieldNames(const std::vector<std::string>& values);

// The index the config file |path| (else the default one, when present)
// names, for nsearch, which reads only that setting; "" when there is no
// such file or it names none. InvalidArgument when the file cannot be read
// or parsed.
Result<std::string> ConfiguredIndex(const std::string& path = "");

// The index a reader (nsearch, nsearch-serve) opens when given no --index:
// DefaultIndexPath(ConfiguredIndex(config_path)).
Result<std::string> DefaultReadIndex(const std::string& config_path);

}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_INDEX_OPTIONS_H_
