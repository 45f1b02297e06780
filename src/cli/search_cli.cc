#include "cli/search_cli.h"

#include <spdlog/spdlog.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <iostream>

#include "cli/batch.h"
#include "cli/common.h"
#include "cli/index_options.h"
#include "cli/quotes_cli.h"
#include "cli/render.h"
#include "cli/saved_cli.h"
#include "cli/serve_exec.h"
#include "index/data_dictionary.h"
#include "nsearch/searcher.h"
#include "search/filters.h"
#include "search/json.h"
#include "search/rank.h"
#include "text/language.h"

namespace po = boost::program_options;

namespace nsearch::cli {
namespace {

constexpr char kUsage[] = R"(Usage: nsearch [OPTIONS] [--] QUERY...
       nsearch --timeline [OPTIONS] [--] [QUERY...]
       nsearch serve [--index DIR] [--port N] [--listen ADDR]

Searches an nsearch index and prints the best passage of each matching
article, best first, with the matched words highlighted.

Query syntax (Xapian QueryParser; --help-syntax for a page of it): words
(stemmed: swap finds swaps; Kiev = Kyiv), "exact phrases", AND OR NOT NEAR,
+required -excluded, (grouping), negotiat*, title:word, person:Name
person:"Full Name" place:Kyiv org:NATO, date:2014 date:2014-05..2015,
author:"Jen Chung" author:chung. Several words are one query. Stray quotes
or operators never fail: they are ignored, and one line says so.
Use -- before a query that starts with '-'; after the first word, -word is
a query word.
Use -- also before a query that is the word serve.

--timeline counts the matching articles per month (per day when they span
two months at most, per year past fifty years), with the undated apart.
`nsearch serve` opens a local search page (nsearch serve --help).

Filters alone (no words) list matching articles: by entity filters, most
central first; by date or author, newest first.

Exit status: 0 results found, 1 no results, 2 usage or index error.

Options)";

// -n without a value given: 10 results, every entity with --list.
constexpr int kLimitNotGiven = INT_MIN;
constexpr int kDefaultLimit = 10;

// docs/query.md in one screen.
constexpr char kSyntax[] = R"(nsearch query language (docs/query.md has it all)

  ceasefire Istanbul        either word; both, and close together, rank first
  "two to tango"            a phrase (stop words count as one word each)
  30-day                    a hyphenated word is a phrase
  ceasefire AND Istanbul    both words         ceasefire OR truce   either
  ceasefire -Istanbul       without Istanbul   (same: ceasefire NOT Istanbul)
  -- -Istanbul              every article without Istanbul
  +ceasefire talks          ceasefire required, talks optional
  talks NEAR Istanbul       within 10 words (NEAR/5: within 5); ADJ: in order
  (ceasefire OR truce) Istanbul             grouping
  negotiat*                 every index word starting so (3+ letters, 200 words at most)
  title:ceasefire           a headline word
  person:Lavrov  person:"Marco Rubio"  place:Kyiv  org:NATO    entity filters
  author:"Jen Chung"  author:chung       date:2014  date:2014-05  date:2014..2015

Words are folded (Turkiye = Türkiye), stemmed (swap finds swaps) and written
in Latin letters ("Владимир Путин" finds Vladimir Putin). English stop words
are dropped unless they are all you typed. Spellings of one name are one word
(Kiev = Kyiv, Zelensky = Zelenskyy); "Kiev" in quotes, or --exact, searches
that spelling only. An unknown word gets a suggestion (Did you mean: lavrov?),
run when the query as typed finds nothing. Matching is per article; a phrase
never spans two paragraphs. Stray quotes or operators never fail: they are
ignored, and one line says so.
)";

struct Args {
  std::vector<std::string> index;
  std::vector<std::string> words;
  bool json = false;
  int limit = kLimitNotGiven;
  int offset = 0;
  bool include_boilerplate = false;
  bool all_copies = false;
  bool facets = false;
  std::vector<std::string> person, place, org;
  std::string since, until;
  std::vector<std::string> author;
  std::string sort = "relevance";
  std::string list;
  std::string with;
  std::string quotes;
  std::string batch;
  std::string format = "csv";
  std::string save, unsave, new_name, since_run;
  bool saved = false;
  std::string color = "auto";
  std::string config;
  std::string lang;
  bool exact = false;
  bool explain = false;
  bool help_syntax = false;
  bool timeline = false;
  bool verbose = false;
  bool quiet = false;
};

// Every option of nsearch, or those |named| can name (the others set their
// defaults in |a|).
po::options_description Describe(Args* a, const NamedOptions& named) {
  po::options_description d(kUsage);
  OptionAdder add(&d, named);
  add("help,h", "show this help");
  add("version", "print the version");
  add("index,i", po::value(&a->index)->composing(), kReadIndexHelp);
  add("config", po::value(&a->config)->value_name("FILE"), kReadConfigHelp);
  add("json", po::bool_switch(&a->json), "print one JSON object (see docs/json.md)");
  add("limit,n", po::value(&a->limit),
      "articles to show (default 10); with --list, entities to show (default all); with --with, "
      "names per type (default 10); 0: no cap");
  add("offset", po::value(&a->offset)->default_value(0), "skip this many articles (paging)");
  add("include-boilerplate", po::bool_switch(&a->include_boilerplate),
      "also search boilerplate and photo credits");
  add("all-copies", po::bool_switch(&a->all_copies),
      "show every near-identical copy of a story (wire copies) as a result of its own; by "
      "default one result stands for them and says how many copies it has");
  add("person", po::value(&a->person)->composing(),
      "only articles mentioning this person (any alias or a unique surname); repeatable");
  add("place", po::value(&a->place)->composing(),
      "only articles mentioning this place; repeatable");
  add("org", po::value(&a->org)->composing(),
      "only articles mentioning this organisation; repeatable");
  add("since", po::value(&a->since),
      "only articles dated on or after this day, month or year (YYYY-MM-DD, YYYY-MM, YYYY); "
      "excludes undated articles");
  add("until", po::value(&a->until),
      "only articles dated on or before this day, month or year (inclusive: --until 2014 keeps "
      "2014-12-31)");
  add("author", po::value(&a->author)->composing(),
      "only articles by this author: a full name exactly, or one word of the name; repeatable");
  const std::string lang_help = "only articles in this language: " + text::LanguageCodes() +
                                " (detected at index time; English when unsure)";
  add("lang", po::value(&a->lang)->value_name("CODE"), lang_help.c_str());
  add("sort", po::value(&a->sort)->default_value("relevance"),
      "relevance, date (newest first) or oldest; ties by relevance, undated articles last");
  add("facets", po::bool_switch(&a->facets),
      "also count persons, places and organisations in the matching articles (the best 1000 "
      "when there are more)");
  add("exact", po::bool_switch(&a->exact),
      "no expansion: spellings of a name (Kiev/Kyiv) and spelling suggestions are off");
  add("help-syntax", po::bool_switch(&a->help_syntax), "print the query language and exit");
  add("explain", po::bool_switch(&a->explain),
      "show the parts of each hit's score (article BM25, passage BM25, proximity, matching "
      "passages, title)");
  add("list", po::value(&a->list),
      "list every entity of a type (person, place, org) with article counts and aliases; -n "
      "caps it");
  add("with", po::value(&a->with), "who appears in the same articles as this person, ranked");
  add("timeline", po::bool_switch(&a->timeline),
      "matching articles per month (or day, or year) as a chart; with --json "
      "{\"timeline\": [{\"period\", \"count\"}], \"undated\"}");
  add("quotes", po::value(&a->quotes),
      "what this person said: the quotes attributed to them (any alias or a unique surname), "
      "newest articles first; words after it keep the quotes holding them all");
  add("batch", po::value(&a->batch),
      "run every query of FILE (one per line, or a CSV with a query column; - reads standard "
      "input; # starts a comment) with the same filters and limit; one row per hit");
  add("format", po::value(&a->format)->default_value("csv"),
      "with --batch: csv, tsv or jsonl (columns query, rank, path, title, paragraph, score, "
      "passage, line)");
  add("save", po::value(&a->save),
      "keep the query and filters given as a search of this name, beside the index");
  add("saved", po::bool_switch(&a->saved), "list the saved searches");
  add("unsave", po::value(&a->unsave), "drop the saved search of this name");
  add("new", po::value(&a->new_name),
      "the articles matching this saved search that were added or changed since it was last "
      "asked (or saved)");
  add("since-run", po::value(&a->since_run),
      "with --new: what the last N indexer runs added or changed instead (1: the last run); "
      "the saved search's mark does not move");
  add("color", po::value(&a->color)->default_value("auto"),
      "auto, always or never (NO_COLOR also disables)");
  add("verbose,v", po::bool_switch(&a->verbose), "more logging on stderr");
  add("quiet,q", po::bool_switch(&a->quiet),
      "only errors on stderr (no \"no results\" line, no warnings)");

  return d;
}

bool ParseType(const std::string& s, EntityType* t) {
  if (s == "person" || s == "persons" || s == "people") return *t = EntityType::kPerson, true;
  if (s == "place" || s == "places") return *t = EntityType::kPlace, true;
  if (s == "org" || s == "orgs" || s == "organisation" || s == "organization")
    return *t = EntityType::kOrg, true;
  return false;
}

bool ValidColor(const std::string& mode) {
  return mode == "auto" || mode == "always" || mode == "never";
}

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO);
}

// --since/--until take one date, not a range.
bool ValidDate(const std::string& value) {
  return value.empty() ||
         (value.find("..") == std::string::npos && search::ParseDateRange(value).ok());
}

bool ParseSort(const std::string& s, SortOrder* order) {
  if (s == "relevance") return *order = SortOrder::kRelevance, true;
  if (s == "date" || s == "newest") return *order = SortOrder::kNewest, true;
  if (s == "oldest") return *order = SortOrder::kOldest, true;
  return false;
}

int Fail(const Status& s, bool quiet) {
  // An entity filter that matches nobody is an empty result, not an error.
  const bool empty = s.code() == StatusCode::kNotFound;
  if (!empty || !quiet) std::cerr << "nsearch: " << OneLine(s.message()) << "\n";
  return empty ? kExitNoResults : kExitError;
}

const char* Plural(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "persons";
    case EntityType::kPlace:
      return "places";
    case EntityType::kOrg:
      return "organisations";
  }
  return "entities";
}

int RunList(Searcher& searcher, const Args& a) {
  EntityType type;
  if (!ParseType(a.list, &type)) {
    std::cerr << "nsearch: --list takes person, place or org, not '" << a.list << "'\n";
    return kExitError;
  }
  auto list = searcher.ListEntities(type, a.limit == kLimitNotGiven ? 0 : a.limit);
  if (!list.ok()) return Fail(list.status(), a.quiet);
  if (list->empty() && !a.quiet) {
    std::cerr << "nsearch: no " << Plural(type)
              << " in the index (built with --no-entities, or its articles name none)\n";
  }
  if (a.json) {
    std::cout << search::Dump(search::EntityListJson(type, *list)) << "\n";
  } else {
    for (const auto& l : *list) {
      std::cout << l.articles << "\t" << l.name;
      for (size_t i = 0; i < l.aliases.size(); ++i) std::cout << (i ? ", " : "\t(") << l.aliases[i];
      std::cout << (l.aliases.empty() ? "" : ")") << "\n";
    }
  }
  return list->empty() ? kExitNoResults : kExitOk;
}

int RunWith(Searcher& searcher, const Args& a, const Style& style) {
  std::vector<std::string> resolved;
  const int limit = a.limit == kLimitNotGiven ? kDefaultLimit : a.limit;
  auto facets = searcher.CoOccurring({EntityType::kPerson, a.with}, limit, &resolved);
  if (!facets.ok()) {
    // --json promises one object on stdout, even for a name nobody has.
    if (a.json && facets.status().code() == StatusCode::kNotFound)
      std::cout << RenderCoOccurrenceJson(a.with, {}, Facets{}) << "\n";
    return Fail(facets.status(), a.quiet);
  }
  if (a.json) {
    std::cout << RenderCoOccurrenceJson(a.with, resolved, *facets) << "\n";
  } else {
    std::string names;
    for (const auto& n : resolved) names += (names.empty() ? "" : ", ") + n;
    std::cout << names << ": " << facets->articles << " article"
              << (facets->articles == 1 ? "" : "s")
              << ". Appearing in the same articles (shared articles):\n"
              << RenderFacetsTerminal(*facets, style);
  }
  return facets->articles == 0 ? kExitNoResults : kExitOk;
}

// What is wrong with the options themselves (before any index is opened),
// or "" when nothing is.
std::string UsageProblem(const Args& a) {
  if ((a.limit < 0 && a.limit != kLimitNotGiven) || a.offset < 0)
    return "--limit and --offset must not be negative";
  for (const auto& [flag, value] : {std::pair{"--since", &a.since}, std::pair{"--until", &a.until}})
    if (!ValidDate(*value))
      return std::string(flag) + " '" + *value + "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD";
  SortOrder order;
  if (!ParseSort(a.sort, &order))
    return "--sort takes relevance, date or oldest, not '" + a.sort + "'";
  if (!ValidColor(a.color)) return "--color takes auto, always or never, not '" + a.color + "'";
  if (BatchFormat f; !ParseBatchFormat(a.format, &f))
    return "--format takes csv, tsv or jsonl, not '" + a.format + "'";
  if (!a.since_run.empty() && a.new_name.empty()) return "--since-run goes with --new NAME";
  if (!a.lang.empty() && !text::FindLanguage(a.lang))
    return "--lang takes one of " + text::LanguageCodes() + ", not '" + a.lang + "'";
  return "";
}

// --list and --with answer from the entity lists alone: a query and the
// search options beside them would do nothing, silently.
void WarnIgnored(const Args& a) {
  if (a.list.empty() && a.with.empty()) return;
  const char* mode = a.list.empty() ? "--with" : "--list";
  std::string ignored;
  auto add = [&](bool given, const std::string& what) {
    if (given) ignored += (ignored.empty() ? "" : ", ") + what;
  };
  std::string words;
  for (const auto& w : a.words) words += (words.empty() ? "" : " ") + w;
  add(!words.empty(), "the query '" + words + "'");
  add(!a.list.empty() && !a.with.empty(), "--with");
  add(!a.person.empty() || !a.place.empty() || !a.org.empty(), "entity filters");
  add(!a.since.empty() || !a.until.empty() || !a.author.empty(), "date and author filters");
  add(!a.lang.empty(), "--lang");
  add(a.sort != "relevance", "--sort");
  add(a.offset != 0, "--offset");
  add(a.facets, "--facets");
  add(a.include_boilerplate, "--include-boilerplate");
  add(a.all_copies, "--all-copies");
  add(a.timeline, "--timeline");
  if (!ignored.empty()) spdlog::warn("{} ignores {}", mode, OneLine(ignored));
}

SearchOptions ToSearchOptions(const Args& a) {
  SearchOptions o;
  for (const auto& w : a.words) o.query += (o.query.empty() ? "" : " ") + w;
  (void)ParseSort(a.sort, &o.sort);  // checked by UsageProblem
  o.limit = a.limit == kLimitNotGiven ? kDefaultLimit : a.limit;
  if (o.limit == 0) o.limit = INT_MAX;  // -n 0: every matching article
  o.offset = a.offset;
  o.include_boilerplate = a.include_boilerplate;
  o.all_copies = a.all_copies;
  o.facets = a.facets;
  for (const auto& n : a.person) o.filters.push_back({EntityType::kPerson, n});
  for (const auto& n : a.place) o.filters.push_back({EntityType::kPlace, n});
  for (const auto& n : a.org) o.filters.push_back({EntityType::kOrg, n});
  o.since = a.since;
  o.until = a.until;
  o.authors = a.author;
  o.language = a.lang;
  o.exact = a.exact;
  o.explain = a.explain;
  // A blank query ("   ") is no query, as an empty one.
  if (o.query.find_first_not_of(" \t\r\n\f\v") == std::string::npos) o.query.clear();
  return o;
}

int RunSearch(Searcher& searcher, const Args& a, const Style& style) {
  SearchOptions o = ToSearchOptions(a);
  o.hit_entities = a.json;  // the terminal shows none
  o.copy_paths = a.json;    // and only how many copies
  if (o.query.empty() && o.filters.empty() && o.since.empty() && o.until.empty() &&
      o.authors.empty() && o.language.empty()) {
    std::cerr << "nsearch: no query given (see nsearch --help)\n";
    return kExitError;
  }
  const auto start = std::chrono::steady_clock::now();
  auto response = searcher.Search(o);
  if (!response.ok()) {
    // --json promises one object on stdout even when a filter finds nobody.
    if (a.json && response.status().code() == StatusCode::kNotFound) {
      SearchResponse empty;
      empty.query = o.query;
      std::cout << RenderJson(empty) << "\n";
    }
    return Fail(response.status(), a.quiet);
  }
  spdlog::debug(
      "{} results shown of about {} matching articles, {:.1f} ms", response->hits.size(),
      response->total,
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  const SearchResponse& r = *response;
  if (!a.quiet) {
    for (const auto& note : r.notes) std::cerr << "nsearch: " << OneLine(note) << "\n";
  }
  if (a.json) {
    std::cout << RenderJson(r, a.explain) << "\n";
  } else {
    if (!r.corrected_query.empty()) {
      std::cout << "No results for " << OneLine(o.query) << "; showing results for "
                << OneLine(r.corrected_query) << "\n\n";
    } else if (!r.suggestion.empty()) {
      std::cout << "Did you mean: " << OneLine(r.suggestion) << "?\n\n";
    }
    if (!r.hits.empty() || r.total > 0) {
      std::cout << RenderTerminal(r, style);
    } else if (!a.quiet) {
      std::cerr << OneLine("nsearch: no results" + (o.query.empty() ? "" : " for " + o.query))
                << "\n";
    }
  }
  // Results exist even when this page shows none (--offset past the end).
  return r.total > 0 || !r.hits.empty() ? kExitOk : kExitNoResults;
}

int RunTimeline(Searcher& searcher, const Args& a) {
  SearchOptions o = ToSearchOptions(a);
  if (a.offset != 0 || a.limit != kLimitNotGiven || a.facets)
    spdlog::warn(
        "--timeline counts every matching article: --limit, --offset and --facets do "
        "nothing");
  auto timeline = searcher.Timeline(o);
  if (!timeline.ok()) {
    if (a.json && timeline.status().code() == StatusCode::kNotFound)
      std::cout << RenderTimelineJson(o.query, TimelineCounts{}) << "\n";
    return Fail(timeline.status(), a.quiet);
  }
  if (a.json)
    std::cout << RenderTimelineJson(o.query, *timeline) << "\n";
  else
    std::cout << RenderTimelineTerminal(*timeline);
  return timeline->articles > 0 ? kExitOk : kExitNoResults;
}

}  // namespace

int RunSearchCli(int argc, char** argv) {
  if (IsServeCommand(argc, argv)) return ExecServe(argc, argv);
  Args a;
  const auto desc = Describe(&a, NamedOptions(argc, argv));
  if (int stop =
          ParseCommandLine(QueryWordsLast(argc, argv, desc), "nsearch", desc, "query", &a.words);
      stop >= 0)
    return stop;
  if (a.help_syntax) {
    std::cout << kSyntax;
    return kExitOk;
  }
  SetUpLogging("nsearch", a.quiet ? -1 : a.verbose ? 1 : 0);
  if (std::string problem = UsageProblem(a); !problem.empty()) {
    std::cerr << "nsearch: " << problem << " (see nsearch --help)\n";
    return kExitError;
  }
  WarnIgnored(a);
  std::vector<std::string> index = a.index;
  if (index.empty()) {
    auto path = DefaultReadIndex(a.config);
    if (!path.ok()) {
      std::cerr << "nsearch: " << path.status().message() << "\n";
      return kExitError;
    }
    index.push_back(*path);
  }
  const SavedCliOptions saved{index.front(), a.json, a.quiet};
  if (a.saved) return RunSaved(saved);
  if (!a.unsave.empty()) return RunUnsave(a.unsave, saved);
  index::MapDictionaryFiles();  // a process that ends with its answer
  auto opened = Searcher::Open(index);
  if (!opened.ok()) {
    std::cerr << "nsearch: " << OneLine(opened.status().message()) << "\n";
    return kExitError;
  }
  Searcher& searcher = **opened;
  for (const auto& path : index) spdlog::debug("index {}", path);
  spdlog::debug("{} articles indexed", searcher.ArticleCount());
  Style style{UseColor(a.color), 320};
  style.explain = a.explain;
  style.passage_weight = search::DefaultRankParams().passage_weight;
  style.proximity_weight = search::DefaultRankParams().proximity_weight;
  if (!a.list.empty()) return RunList(searcher, a);
  if (!a.with.empty()) return RunWith(searcher, a, style);
  if (a.timeline) return RunTimeline(searcher, a);
  if (!a.quotes.empty())
    return RunQuotes(searcher, a.quotes, ToSearchOptions(a), a.json, a.quiet, style);
  if (!a.save.empty()) return RunSave(searcher, a.save, ToSearchOptions(a), saved);
  if (!a.new_name.empty())
    return RunNew(searcher, a.new_name, a.since_run, ToSearchOptions(a), saved, style);
  if (!a.batch.empty()) {
    if (!a.words.empty() || a.json || a.facets)
      spdlog::warn(
          "--batch takes its queries from the file and prints rows (--format): query "
          "words, --json and --facets are ignored");
    BatchFormat format = BatchFormat::kCsv;
    (void)ParseBatchFormat(a.format, &format);  // checked by UsageProblem
    return RunBatch([&] { return Searcher::Open(index); }, a.batch, format, ToSearchOptions(a),
                    a.quiet);
  }
  return RunSearch(searcher, a, style);
}

}  // namespace nsearch::cli
