#include "cli/index_cli.h"

#include <spdlog/spdlog.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "cli/common.h"
#include "cli/config.h"
#include "cli/index_options.h"
#include "cli/index_report.h"
#include "cli/progress.h"
#include "cli/render.h"
#include "cli/saved_cli.h"
#include "index/commit_guard.h"
#include "index/dump.h"
#include "index/stats.h"
#include "nsearch/indexer.h"
#include "search/shell_quote.h"

namespace po = boost::program_options;

namespace nsearch::cli {
namespace {

constexpr char kUsage[] = R"(Usage: nsearch-index [OPTIONS] [--] BUNDLE...
   or: nsearch-index --stats [--json] [--index DIR]

Indexes bundles of news articles for nsearch. A BUNDLE is a directory
(walked recursively) or a file: plain text (.txt, .md), HTML (.html, .htm),
JSON/JSONL/NDJSON dumps, archives (.tar, .tar.gz, .tgz, .tar.bz2, .tar.xz,
.zip) or one compressed file (.gz, .bz2, .xz); a file without an extension
is sniffed. Re-running replaces changed articles, skips unchanged ones and
removes what is gone; readers may search meanwhile.

Settings also come from a config file (--config FILE, else
$XDG_CONFIG_HOME/nsearch/config or ~/.config/nsearch/config when present):
"name = value" lines with the long option names below, "bundle = PATH" once
per bundle; the command line overrides it.

Exit status: 0 everything indexed, 1 some inputs skipped (each named on
stderr with its reason), 2 usage error (nothing done), 3 the index is
locked by another indexer, 4 failure (the index cannot be read or written:
it stays as last committed).

Options)";

struct Command {
  std::string config;
  bool dry_run = false;
  bool dump_state = false;
  bool json = false;
  bool stats = false;
  bool verbose = false;
  bool quiet = false;
};

po::options_description CommandOptions(Command* c) {
  po::options_description d(kUsage);
  auto add = d.add_options();
  add("help,h", "show this help");
  add("version", "print the version");
  add("config", po::value(&c->config)->value_name("FILE"),
      "read settings from FILE (default: $XDG_CONFIG_HOME/nsearch/config, else "
      "~/.config/nsearch/config, when present)");
  add("stats", po::bool_switch(&c->stats),
      "describe the index (articles, paragraphs, entities, bundles, size, last run) and exit");
  add("dump-state", po::bool_switch(&c->dump_state),
      "print a sorted description of the index's content (articles, paragraphs and kinds, "
      "entities, terms, synonyms, spellings) and exit: two indexes of the same bundles print "
      "the same");
  add("dry-run", po::bool_switch(&c->dry_run),
      "read, segment, classify and extract as indexing would; write nothing");
  add("json", po::bool_switch(&c->json),
      "with --dry-run: one JSON object per article per line; with --stats: one JSON object");
  add("verbose,v", po::bool_switch(&c->verbose), "log every article");
  add("quiet,q", po::bool_switch(&c->quiet),
      "only warnings (skipped inputs) and errors; no progress line, no summary");
  return d;
}

int ExitCode(const Status& s) {
  switch (s.code()) {
    case StatusCode::kLocked:
      return kExitLocked;
    case StatusCode::kInvalidArgument:
      return kExitError;  // a bad input or index path: nothing was done
    default:
      return kExitFailure;
  }
}

int RunStats(const std::string& index_path, bool json) {
  auto report = index::ReadIndexReport(index_path);
  if (!report.ok()) {
    const bool missing = report.status().code() == StatusCode::kNotFound;
    spdlog::error("{}{}", OneLine(report.status().message()),
                  missing ? ": build one with: nsearch-index --index " +
                                search::ShellQuoted(index_path) + " BUNDLE..."
                          : "");
    return kExitFailure;
  }
  std::cout << (json ? RenderReportJson(*report) + "\n" : RenderReportText(*report));
  return kExitOk;
}

}  // namespace

int RunIndexCli(int argc, char** argv) {
  Command c;
  IndexSettings settings;
  IndexOptions& o = settings.options;
  po::options_description desc = CommandOptions(&c);
  const po::options_description settings_desc = SettingsOptions(&settings);
  desc.add(settings_desc);
  ConfigFile config;
  config.settings = &settings_desc;
  config.path_options = {std::begin(kPathSettings), std::end(kPathSettings)};
  if (int stop = ParseCommandLine(argc, argv, "nsearch-index", desc, "bundle", &o.inputs, &config);
      stop >= 0)
    return stop;
  auto progress = std::make_shared<ProgressLine>(!c.quiet && !c.stats && !c.dump_state);
  if (std::string bad = SetUpLogging("nsearch-index",
                                     c.quiet     ? -1
                                     : c.verbose ? 1
                                                 : 0,
                                     settings.log_file, progress);
      !bad.empty()) {
    std::cerr << "nsearch-index: " << bad << "\n";
    return kExitError;
  }
  if (!config.loaded.empty()) spdlog::debug("settings from {}", config.loaded);
  // The index: the command line's, else $NSEARCH_INDEX, else the config
  // file's, else the XDG default.
  const std::string configured = config.from_file.count("index") ? o.index_path : "";
  if (o.index_path.empty() || !configured.empty()) o.index_path = DefaultIndexPath(configured);
  if (c.dump_state) {
    if (Status s = index::DumpState(o.index_path, std::cout); !s.ok()) {
      std::cerr << "nsearch-index: " << s.message() << "\n";
      return ExitCode(s);
    }
    return kExitOk;
  }
  if (c.stats) {
    if (!o.inputs.empty() && !config.from_file.count("bundle")) {
      std::cerr << "nsearch-index: --stats reads the index only: no BUNDLE goes with it\n";
      return kExitError;
    }
    return RunStats(o.index_path, c.json);
  }
  if (o.inputs.empty()) {
    std::cerr << "nsearch-index: no bundle given, on the command line or as bundle = PATH in a "
                 "config file (see nsearch-index --help)\n";
    return kExitError;
  }
  o.dry_run = c.dry_run;
  if (o.dry_run) o.index_path.clear();
  if (c.json && !c.dry_run) spdlog::warn("--json only applies with --dry-run or --stats; ignored");
  const bool print_json = c.dry_run && c.json;
  const bool print_titles = c.dry_run && !c.json;
  o.on_article = [&](const Article& art) {
    if (print_json) std::cout << RenderArticleJson(art) << "\n";
    if (print_titles)
      std::cout << art.id << "\t" << art.title << "\t" << art.paragraphs.size() << " paragraphs\n";
    spdlog::debug("{}: {} paragraphs, {} entities", art.id, art.paragraphs.size(),
                  art.entities.size());
  };
  o.on_unchanged = [](const std::string& id) { spdlog::debug("{}: unchanged", id); };
  o.on_skip = [](const std::string& where, const std::string& reason) {
    spdlog::warn("skipped {}: {}", where, reason);
  };
  if (progress->active()) o.on_progress = [&](const IndexProgress& p) { progress->Update(p); };
  o.on_lock_wait = [](const std::string& message) {
    spdlog::info("{}; waiting for it (--wait)", message);
  };

  // Xapian can abort on a write that fails inside a commit: the same error
  // as any failed write instead (index/commit_guard.h).
  index::InstallCommitGuard(
      [](const std::string& message) {
        spdlog::error("{}; the index stays as last committed and can be searched",
                      OneLine(message, 1000));
        spdlog::shutdown();
      },
      kExitFailure);
  auto stats = RunIndexer(o);
  progress->Clear();
  if (!stats.ok()) {
    // A failed write (disk full, quota) leaves the last commit: say so.
    const bool kept = stats.status().code() == StatusCode::kIOError;
    spdlog::error("{}{}", OneLine(stats.status().message(), 1000),
                  kept ? "; the index stays as last committed and can be searched" : "");
    return ExitCode(stats.status());
  }
  spdlog::info("{}", RunSummary(*stats, o, o.dry_run ? 0 : index::DiskBytes(o.index_path)));
  if (!settings.on_new_matches.empty() && !o.dry_run)
    (void)NotifyNewMatches(o.index_path, settings.on_new_matches);
  return stats->skipped > 0 ? kExitSkipped : kExitOk;
}

}  // namespace nsearch::cli
