#include "cli/index_cli.h"

#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cmath>
#include <iostream>

#include "cli/common.h"
#include "cli/render.h"
#include "cli/saved_cli.h"
#include "nsearch/indexer.h"

namespace po = boost::program_options;

namespace nsearch::cli {
namespace {

constexpr char kUsage[] = R"(Usage: nsearch-index [OPTIONS] [--] BUNDLE...

Indexes bundles of news articles for nsearch. A BUNDLE is a directory
(walked recursively) or a file: plain text (.txt, .md), HTML (.html, .htm),
JSON/JSONL/NDJSON dumps, archives (.tar, .tar.gz, .tgz, .tar.bz2, .tar.xz,
.zip) or one compressed file (.gz, .bz2, .xz); a file without an extension
is sniffed. Re-running replaces changed articles, skips unchanged ones and
removes what is gone; readers may search meanwhile.

Exit status: 0 everything indexed, 1 some inputs skipped (each named on
stderr with its reason), 2 usage or index error.

Options)";

struct Args {
  std::string index;
  std::vector<std::string> inputs;
  bool dry_run = false;
  bool json = false;
  bool no_entities = false;
  std::string max_file_size = "16M";
  std::string max_archive_size = "1G";
  std::string max_archive_entries = "100000";
  double max_compression_ratio = 200.0;
  std::vector<std::string> title_fields, text_fields, date_fields, author_fields, url_fields,
      id_fields;
  int commit_every = 2000;
  int threads = 0;
  std::string on_new_matches;
  bool verbose = false;
  bool quiet = false;
};

po::options_description Describe(Args* a) {
  po::options_description d(kUsage);
  auto add = d.add_options();
  add("help,h", "show this help");
  add("version", "print the version");
  add("index,i", po::value(&a->index),
      "index directory (default: $NSEARCH_INDEX, else $XDG_DATA_HOME/nsearch/index, else "
      "~/.local/share/nsearch/index)");
  add("dry-run", po::bool_switch(&a->dry_run),
      "read, segment, classify and extract as indexing would; write nothing");
  add("json", po::bool_switch(&a->json),
      "with --dry-run: print one JSON object per article per line");
  add("no-entities", po::bool_switch(&a->no_entities), "skip person/place/organisation extraction");
  add("max-file-size", po::value(&a->max_file_size)->default_value("16M"),
      "skip articles (files, archive members, JSONL lines) larger than this (K, M, G suffixes); "
      "memory use grows with it");
  add("max-archive-size", po::value(&a->max_archive_size)->default_value("1G"),
      "stop reading an archive after this many expanded bytes");
  add("max-archive-entries", po::value(&a->max_archive_entries)->default_value("100000"),
      "stop reading an archive after this many members");
  add("max-compression-ratio", po::value(&a->max_compression_ratio)->default_value(200.0),
      "stop reading an archive whose expansion exceeds this many times its compressed size "
      "(zip-bomb guard)");
  add("jsonl-title-field", po::value(&a->title_fields)->composing(),
      "JSONL/JSON field(s) holding the title, tried before title, headline (repeatable or a "
      "comma list: x,story; a.b names a nested field)");
  add("jsonl-text-field", po::value(&a->text_fields)->composing(),
      "field(s) holding the text, tried before text, body, content, article");
  add("jsonl-date-field", po::value(&a->date_fields)->composing(),
      "field(s) holding the date, tried before date, published, pubdate, timestamp");
  add("jsonl-author-field", po::value(&a->author_fields)->composing(),
      "field(s) holding the author, tried before author, byline, authors");
  add("jsonl-url-field", po::value(&a->url_fields)->composing(),
      "field(s) holding the URL, tried before url, link");
  add("jsonl-id-field", po::value(&a->id_fields)->composing(),
      "field(s) holding the record's own id, tried before id, url, guid; the article id is "
      "FILE:ID, FILE:LINE only for a record with none");
  add("commit-every", po::value(&a->commit_every)->default_value(2000),
      "articles per atomic commit (1 or more)");
  add("threads", po::value(&a->threads)->default_value(0),
      "worker threads that segment, classify, extract and build documents (0: one per "
      "processor)");
  add("on-new-matches", po::value(&a->on_new_matches),
      "after the run, when saved searches (nsearch --save) match articles it added or changed, "
      "run this shell command with a summary of them on its standard input");
  add("verbose,v", po::bool_switch(&a->verbose), "log every article");
  add("quiet,q", po::bool_switch(&a->quiet),
      "only warnings (skipped inputs) and errors; no summary");

  return d;
}

std::string Summary(const IndexStats& s, const IndexOptions& o) {
  char buf[512];
  if (o.dry_run) {
    std::snprintf(buf, sizeof buf,
                  "dry run: %lld articles, %lld paragraphs, %lld skipped, %.2f s "
                  "(entity extraction %.2f s); nothing written",
                  static_cast<long long>(s.articles), static_cast<long long>(s.paragraphs),
                  static_cast<long long>(s.skipped), s.seconds, s.entity_seconds);
  } else {
    std::snprintf(buf, sizeof buf,
                  "%lld articles (%lld new, %lld updated, %lld unchanged, %lld removed), "
                  "%lld paragraphs, "
                  "%lld skipped, %.2f s (entity extraction %.2f s)",
                  static_cast<long long>(s.articles), static_cast<long long>(s.added),
                  static_cast<long long>(s.updated), static_cast<long long>(s.unchanged),
                  static_cast<long long>(s.removed), static_cast<long long>(s.paragraphs),
                  static_cast<long long>(s.skipped), s.seconds, s.entity_seconds);
  }
  std::string out = buf;
  if (!s.skipped_by_reason.empty()) {
    out += " (";
    bool first = true;
    for (const auto& [reason, n] : s.skipped_by_reason) {
      out += (first ? "" : ", ") + reason + ": " + std::to_string(n);
      first = false;
    }
    out += ")";
  }
  if (!o.dry_run) out += " -> " + o.index_path;
  return out;
}

// "x,story" and repeated options alike: every field name, in order.
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

// Fills |o| from the parsed options; returns what is wrong with them, or ""
// when nothing is.
std::string ToIndexOptions(const Args& a, IndexOptions* o) {
  o->inputs = a.inputs;
  o->dry_run = a.dry_run;
  o->extract_entities = !a.no_entities;
  if (!a.dry_run) o->index_path = a.index.empty() ? DefaultIndexPath() : a.index;
  unsigned long long n = 0;
  if (!ParseSize(a.max_file_size, &n)) return "bad --max-file-size '" + a.max_file_size + "'";
  o->max_file_bytes = n;
  if (!ParseSize(a.max_archive_size, &n))
    return "bad --max-archive-size '" + a.max_archive_size + "'";
  o->max_archive_bytes = n;
  if (!ParseCount(a.max_archive_entries, &n))
    return "--max-archive-entries takes a whole number, 0 or more, not '" + a.max_archive_entries +
           "'";
  o->max_archive_entries = n;
  if (!(a.max_compression_ratio > 0) || !std::isfinite(a.max_compression_ratio))
    return fmt::format("--max-compression-ratio takes a positive number, not {}",
                       a.max_compression_ratio);
  o->max_compression_ratio = a.max_compression_ratio;
  if (a.commit_every < 1)
    return "--commit-every takes 1 or more articles, not " + std::to_string(a.commit_every);
  o->commit_every = a.commit_every;
  if (a.threads < 0) return "--threads takes 0 or more, not " + std::to_string(a.threads);
  o->threads = a.threads;
  o->jsonl_title_fields = FieldNames(a.title_fields);
  o->jsonl_text_fields = FieldNames(a.text_fields);
  o->jsonl_date_fields = FieldNames(a.date_fields);
  o->jsonl_author_fields = FieldNames(a.author_fields);
  o->jsonl_url_fields = FieldNames(a.url_fields);
  o->jsonl_id_fields = FieldNames(a.id_fields);
  return "";
}

}  // namespace

int RunIndexCli(int argc, char** argv) {
  Args a;
  auto desc = Describe(&a);
  if (int stop = ParseCommandLine(argc, argv, "nsearch-index", desc, "input", &a.inputs); stop >= 0)
    return stop;
  SetUpLogging("nsearch-index", a.quiet ? -1 : a.verbose ? 1 : 0);
  if (a.inputs.empty()) {
    std::cerr << "nsearch-index: no bundle given (see nsearch-index --help)\n";
    return kExitError;
  }
  IndexOptions o;
  if (std::string bad = ToIndexOptions(a, &o); !bad.empty()) {
    std::cerr << "nsearch-index: " << bad << " (see nsearch-index --help)\n";
    return kExitError;
  }
  if (a.json && !a.dry_run) spdlog::warn("--json only applies with --dry-run; ignored");
  const bool print_json = a.dry_run && a.json;
  const bool print_titles = a.dry_run && !a.json;
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

  auto stats = RunIndexer(o);
  if (!stats.ok()) {
    spdlog::error("{}", stats.status().message());
    return kExitError;
  }
  spdlog::info("{}", Summary(*stats, o));
  if (!a.on_new_matches.empty() && !o.dry_run)
    (void)NotifyNewMatches(o.index_path, a.on_new_matches);
  return stats->skipped > 0 ? kExitSkipped : kExitOk;
}

}  // namespace nsearch::cli
