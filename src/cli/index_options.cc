#include "cli/index_options.h"

#include <spdlog/fmt/fmt.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cli/common.h"
#include "cli/config.h"

namespace po = boost::program_options;

namespace nsearch::cli {
namespace {

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// A size option ("16M") landing in |*target|.
po::typed_value<std::string>* Size(const char* name, uint64_t* target) {
  return po::value<std::string>()
      ->value_name("SIZE")
      ->default_value(FormatSize(*target))
      ->notifier([name, target](const std::string& text) {
        unsigned long long n = 0;
        if (!ParseSize(text, &n)) throw po::error(fmt::format("bad --{} '{}'", name, text));
        *target = n;
      });
}

// A JSONL field option whose names go before the defaults in |*fields|.
po::typed_value<std::vector<std::string>>* Fields(std::vector<std::string>* fields) {
  return po::value<std::vector<std::string>>()->value_name("F")->composing()->notifier(
      [fields](const std::vector<std::string>& values) {
        const auto names = FieldNames(values);
        fields->insert(fields->begin(), names.begin(), names.end());
      });
}

}  // namespace

std::vector<std::string> FieldNames(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    size_t start = 0;
    while (start <= v.size()) {
      size_t comma = std::min(v.find(',', start), v.size());
      std::string name = v.substr(start, comma - start);
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      if (!name.empty()) out.push_back(std::move(name));
      start = comma + 1;
    }
  }
  return out;
}

po::options_description SettingsOptions(IndexSettings* s) {
  IndexOptions* o = &s->options;
  po::options_description d("Settings (also in the config file, as name = value)");
  auto add = d.add_options();
  add("index,i", po::value(&o->index_path)->value_name("DIR"),
      "index directory (default: $NSEARCH_INDEX, else the config file's, else "
      "$XDG_DATA_HOME/nsearch/index, else ~/.local/share/nsearch/index)");
  add("bundle", po::value(&o->inputs)->value_name("PATH")->composing(),
      "a bundle to index (repeatable; the command line's BUNDLE words)");
  add("no-entities", po::bool_switch()->notifier([o](bool off) { o->extract_entities = !off; }),
      "skip person/place/organisation extraction");
  add("max-file-size", Size("max-file-size", &o->max_file_bytes),
      "skip articles (files, archive members, JSONL lines) larger than this (K, M, G "
      "suffixes); memory use grows with it");
  add("max-archive-size", Size("max-archive-size", &o->max_archive_bytes),
      "stop reading an archive after this many expanded bytes");
  add("max-archive-entries",
      po::value<std::string>()
          ->value_name("N")
          ->default_value(std::to_string(o->max_archive_entries))
          ->notifier([o](const std::string& text) {
            unsigned long long n = 0;
            if (!ParseCount(text, &n))
              throw po::error("--max-archive-entries takes a whole number, 0 or more, not '" +
                              text + "'");
            o->max_archive_entries = n;
          }),
      "stop reading an archive after this many members");
  add("max-compression-ratio",
      po::value(&o->max_compression_ratio)
          ->value_name("R")
          ->default_value(o->max_compression_ratio)
          ->notifier([](double r) {
            if (!(r > 0) || !std::isfinite(r))
              throw po::error(
                  fmt::format("--max-compression-ratio takes a positive number, not {}", r));
          }),
      "stop reading an archive whose expansion exceeds this many times its compressed size "
      "(zip-bomb guard)");
  add("jsonl-title-field", Fields(&o->title_fields),
      ("JSONL/JSON field(s) holding the title, tried before " + Joined(o->title_fields) +
       " (repeatable or a comma list: x,story; a.b names a nested field)")
          .c_str());
  add("jsonl-text-field", Fields(&o->text_fields),
      ("field(s) holding the text, tried before " + Joined(o->text_fields)).c_str());
  add("jsonl-date-field", Fields(&o->date_fields),
      ("field(s) holding the date, tried before " + Joined(o->date_fields)).c_str());
  add("jsonl-author-field", Fields(&o->author_fields),
      ("field(s) holding the author, tried before " + Joined(o->author_fields)).c_str());
  add("jsonl-url-field", Fields(&o->url_fields),
      ("field(s) holding the URL, tried before " + Joined(o->url_fields)).c_str());
  add("jsonl-id-field", Fields(&o->id_fields),
      ("field(s) holding the record's own id, tried before " + Joined(o->id_fields) +
       "; the article id is FILE:ID, FILE:LINE only for a record with none")
          .c_str());
  add("commit-every",
      po::value(&o->commit_every)
          ->value_name("N")
          ->default_value(o->commit_every)
          ->notifier([](int n) {
            if (n < 1)
              throw po::error("--commit-every takes 1 or more articles, not " + std::to_string(n));
          }),
      "articles per Xapian commit (1 or more): bounds the writer's memory");
  add("threads",
      po::value(&o->threads)->value_name("N")->default_value(o->threads)->notifier([](int n) {
        if (n < 0) throw po::error("--threads takes 0 or more, not " + std::to_string(n));
      }),
      "worker threads that segment, classify, extract and build documents (0: one per "
      "processor)");
  add("shard-by", po::value(&o->shard_by)->value_name("RULE"),
      "build a new index as several Xapian databases searched as one: 'bundle' (one per "
      "bundle), 'month' (by article date) or a number N (by a hash of the article id); an "
      "existing index keeps its rule (docs/shards.md)");
  add("on-new-matches", po::value(&s->on_new_matches)->value_name("COMMAND"),
      "after the run, when saved searches (nsearch --save) match articles it added or changed, "
      "run this shell command with a summary of them on its standard input");
  add("log-file", po::value(&s->log_file)->value_name("FILE"),
      "also log to FILE, with timestamps, rotated at 5 MiB (3 old files kept); info level "
      "even with -q, debug with -v");
  add("wait",
      po::value<std::string>()->value_name("SECONDS")->implicit_value("forever")->notifier(
          [o](const std::string& text) {
            if (text == "forever") {
              o->lock_wait_seconds = std::numeric_limits<double>::infinity();
              return;
            }
            unsigned long long n = 0;
            if (!ParseCount(text, &n))
              throw po::error("--wait takes a number of seconds, not '" + text + "'");
            o->lock_wait_seconds = static_cast<double>(n);
          }),
      "when another indexer holds the index, wait for it (at most SECONDS, given as "
      "--wait=SECONDS) instead of failing");
  return d;
}

Result<std::string> ConfiguredIndex(const std::string& path) {
  IndexSettings settings;
  const po::options_description desc = SettingsOptions(&settings);
  ConfigFile config;
  config.settings = &desc;
  config.path_options = {std::begin(kPathSettings), std::end(kPathSettings)};
  config.path = path;
  po::variables_map vm;
  try {
    StoreConfigFile(&config, {}, &vm);
  } catch (const po::error& e) {
    return Status::InvalidArgument(e.what());
  }
  return vm.count("index") ? vm["index"].as<std::string>() : std::string();
}

Result<std::string> DefaultReadIndex(const std::string& config_path) {
  auto configured = ConfiguredIndex(config_path);
  if (!configured.ok()) return configured.status();
  return DefaultIndexPath(*configured);
}

}  // namespace nsearch::cli
