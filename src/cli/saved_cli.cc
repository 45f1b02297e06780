#include "cli/saved_cli.h"

#include <spdlog/spdlog.h>
#include <sys/wait.h>

#include <climits>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "search/saved.h"

namespace nsearch::cli {
namespace {

using nlohmann::json;
using search::SavedSearch;

// The query and filters of a saved search as a user would type them.
std::string Describe(const SearchOptions& o) {
  std::string out = o.query;
  auto add = [&](const std::string& flag, const std::string& value) {
    out += (out.empty() ? "" : " ") + flag + " '" + value + "'";
  };
  for (const auto& f : o.filters)
    add(std::string("--") +
            std::string(f.type == EntityType::kOrg ? "org" : EntityTypeName(f.type)),
        f.name);
  if (!o.since.empty()) add("--since", o.since);
  if (!o.until.empty()) add("--until", o.until);
  for (const auto& a : o.authors) add("--author", a);
  if (o.include_boilerplate) out += " --include-boilerplate";
  if (o.exact) out += " --exact";
  return out;
}

int Fail(const Status& s, int code) {
  std::cerr << "nsearch: " << OneLine(s.message()) << "\n";
  return code;
}

Result<SavedSearch> Find(const std::string& index, const std::string& name) {
  auto all = search::LoadSavedSearches(index);
  if (!all.ok()) return all.status();
  for (auto& s : *all)
    if (s.name == name) return s;
  return Status::NotFound("no saved search named '" + name + "' (nsearch --saved lists them)");
}

std::string ValidName(const std::string& name) {
  if (name.empty() || name.size() > 100) return "a saved search's name has 1 to 100 bytes";
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f) return "a saved search's name has no control characters";
  return "";
}

// The first of the last |n| runs, as "N" names them; InvalidArgument when it
// is not a number the index has runs for.
Result<IndexRun> PickRun(Searcher& searcher, const std::string& n) {
  unsigned long long k = 0;
  if (!ParseCount(n, &k) || k == 0)
    return Status::InvalidArgument(
        "--since-run takes a number of runs, 1 or more (1: the last "
        "run), not '" +
        n + "'");
  auto runs = searcher.Runs();
  if (!runs.ok()) return runs.status();
  if (k > runs->size())
    return Status::InvalidArgument("--since-run " + n + ": the index records " +
                                   std::to_string(runs->size()) + " run" +
                                   (runs->size() == 1 ? "" : "s"));
  return (*runs)[runs->size() - k];
}

// The options of a saved search with the asking's page.
SearchOptions Asked(const SavedSearch& s, const SearchOptions& page) {
  SearchOptions o = s.options;
  o.limit = page.limit;
  o.offset = page.offset;
  return o;
}

std::string SummaryOf(Searcher& searcher, const std::vector<SavedSearch>& searches, double since,
                      int64_t* total) {
  std::string out;
  for (const auto& s : searches) {
    SearchOptions o = s.options;
    o.indexed_since = since;
    o.limit = 10;
    auto r = searcher.Search(o);
    if (!r.ok() || r->total == 0) continue;
    *total += r->total;
    out += s.name + ": " + std::to_string(r->total) + " new matching article" +
           (r->total == 1 ? "" : "s") + " (" + Describe(s.options) + ")\n";
    for (const Hit& h : r->hits)
      out += "  " + (h.title.empty() ? std::string("(untitled)") : h.title) + "\n    " + h.path +
             (h.date.empty() ? "" : "  " + h.date.substr(0, 10)) + "\n";
    if (r->total > static_cast<int64_t>(r->hits.size()))
      out += "  ... nsearch --new '" + s.name + "' --since-run 1 -n 0 lists them all\n";
  }
  return out;
}

}  // namespace

int RunSave(Searcher& searcher, const std::string& name, const SearchOptions& options,
            const SavedCliOptions& o) {
  if (std::string bad = ValidName(name); !bad.empty()) return Fail(Status::InvalidArgument(bad), 2);
  if (options.query.empty() && options.filters.empty() && options.since.empty() &&
      options.until.empty() && options.authors.empty())
    return Fail(Status::InvalidArgument("--save NAME takes a query or filters to save"), 2);
  SearchOptions probe = options;
  probe.limit = 0;
  auto now = searcher.Search(probe);  // one that cannot run is not saved
  if (!now.ok() && now.status().code() != StatusCode::kNotFound) return Fail(now.status(), 2);
  auto mark = searcher.WrittenUntil();
  if (!mark.ok()) return Fail(mark.status(), 2);
  bool replaced = false;
  Status s = search::UpdateSavedSearches(o.index, [&](std::vector<SavedSearch>* all) {
    SavedSearch saved{name, options, search::IsoNow(), "", *mark};
    saved.options.limit = 10;
    saved.options.offset = 0;
    saved.options.facets = saved.options.explain = false;
    for (auto& existing : *all)
      if (existing.name == name) existing = saved, replaced = true;
    if (!replaced) all->push_back(std::move(saved));
    return Status::Ok();
  });
  if (!s.ok()) return Fail(s, 2);
  const int64_t total = now.ok() ? now->total : 0;
  if (o.json) {
    std::cout << json{{"saved", name},
                      {"query", Describe(options)},
                      {"replaced", replaced},
                      {"total", total}}
                     .dump()
              << "\n";
  } else if (!o.quiet) {
    std::cout << (replaced ? "Replaced" : "Saved") << " search '" << OneLine(name)
              << "': " << OneLine(Describe(options)) << " (" << total << " matching article"
              << (total == 1 ? "" : "s") << " now). 'nsearch --new " << OneLine(name)
              << "' lists what is added or changed from now on.\n";
  }
  return kExitOk;
}

int RunSaved(const SavedCliOptions& o) {
  auto all = search::LoadSavedSearches(o.index);
  if (!all.ok()) return Fail(all.status(), 2);
  if (o.json) {
    json list = json::array();
    for (const auto& s : *all)
      list.push_back({{"name", s.name},
                      {"query", s.options.query},
                      {"search", Describe(s.options)},
                      {"created", s.created},
                      {"last_asked", s.last_asked.empty() ? json() : json(s.last_asked)}});
    std::cout << json{{"saved", list}}.dump() << "\n";
  } else {
    for (const auto& s : *all)
      std::cout << s.name << "\t" << OneLine(Describe(s.options)) << "\t"
                << (s.last_asked.empty() ? "never asked" : "last asked " + s.last_asked) << "\n";
    if (all->empty() && !o.quiet)
      std::cerr << "nsearch: no saved searches (nsearch --save NAME QUERY keeps one)\n";
  }
  return all->empty() ? kExitNoResults : kExitOk;
}

int RunUnsave(const std::string& name, const SavedCliOptions& o) {
  bool found = false;
  Status s = search::UpdateSavedSearches(o.index, [&](std::vector<SavedSearch>* all) {
    for (auto it = all->begin(); it != all->end(); ++it)
      if (it->name == name) {
        all->erase(it);
        found = true;
        return Status::Ok();
      }
    return Status::NotFound("no saved search named '" + name + "' (nsearch --saved lists them)");
  });
  if (!s.ok()) return Fail(s, s.code() == StatusCode::kNotFound ? kExitNoResults : kExitError);
  if (!o.quiet && !o.json) std::cout << "Dropped saved search '" << OneLine(name) << "'.\n";
  if (o.json) std::cout << json{{"unsaved", name}}.dump() << "\n";
  return found ? kExitOk : kExitNoResults;
}

int RunNew(Searcher& searcher, const std::string& name, const std::string& since_run,
           const SearchOptions& page, const SavedCliOptions& o, const Style& style) {
  auto saved = Find(o.index, name);
  if (!saved.ok()) return Fail(saved.status(), kExitError);
  auto mark = searcher.WrittenUntil();  // before searching: what this asking sees
  if (!mark.ok()) return Fail(mark.status(), kExitError);
  SearchOptions q = Asked(*saved, page);
  std::string since_text;
  if (!since_run.empty()) {
    auto run = PickRun(searcher, since_run);
    if (!run.ok()) return Fail(run.status(), kExitError);
    q.indexed_since = static_cast<double>(run->start);
    since_text = run->start_text;
  } else {
    // Strictly after what was seen: the stamps are exact values.
    q.indexed_since = std::nextafter(saved->seen_until, INFINITY);
    since_text = saved->last_asked.empty() ? saved->created : saved->last_asked;
  }
  auto r = searcher.Search(q);
  if (!r.ok() && r.status().code() != StatusCode::kNotFound) return Fail(r.status(), kExitError);
  SearchResponse resp = r.ok() ? std::move(r.value()) : SearchResponse{};
  if (o.json) {
    json j = json::parse(RenderJson(resp));
    j["saved"] = name;
    j["since"] = since_text;
    std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  } else if (resp.total > 0 || !resp.hits.empty()) {
    std::cout << RenderTerminal(resp, style);
  } else if (!o.quiet) {
    std::cerr << "nsearch: nothing new for '" << OneLine(name) << "' since " << since_text << "\n";
  }
  if (since_run.empty()) {
    Status s = search::UpdateSavedSearches(o.index, [&](std::vector<SavedSearch>* all) {
      for (auto& s : *all)
        if (s.name == name) {
          s.seen_until = std::max(s.seen_until, *mark);
          s.last_asked = search::IsoNow();
        }
      return Status::Ok();
    });
    if (!s.ok()) spdlog::warn("{}", OneLine(s.message()));
  }
  return resp.total > 0 || !resp.hits.empty() ? kExitOk : kExitNoResults;
}

bool NotifyNewMatches(const std::string& index, const std::string& command) {
  auto searches = search::LoadSavedSearches(index);
  if (!searches.ok()) {
    spdlog::warn("--on-new-matches: {}", OneLine(searches.status().message()));
    return false;
  }
  if (searches->empty()) return true;
  auto searcher = Searcher::Open(index);
  if (!searcher.ok()) {
    spdlog::warn("--on-new-matches: {}", OneLine(searcher.status().message()));
    return false;
  }
  auto runs = (*searcher)->Runs();
  if (!runs.ok() || runs->empty()) return true;
  int64_t total = 0;
  const std::string summary =
      SummaryOf(**searcher, *searches, static_cast<double>(runs->back().start), &total);
  if (total == 0) return true;
  const std::string text = "New matches in " + index + " (indexed " + runs->back().start_text +
                           " to " + runs->back().end_text + "):\n\n" + summary;
  setenv("NSEARCH_NEW_MATCHES", std::to_string(total).c_str(), 1);
  setenv("NSEARCH_INDEX", index.c_str(), 1);
  std::fflush(nullptr);
  FILE* pipe = popen(command.c_str(), "w");
  if (!pipe) {
    spdlog::warn("--on-new-matches: cannot run '{}'", OneLine(command));
    return false;
  }
  // A command that does not read its input must not kill the indexer.
  void (*old_handler)(int) = std::signal(SIGPIPE, SIG_IGN);
  std::fwrite(text.data(), 1, text.size(), pipe);
  const int status = pclose(pipe);
  std::signal(SIGPIPE, old_handler);
  if (status != 0) {
    spdlog::warn("--on-new-matches: '{}' failed (exit status {})", OneLine(command),
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return false;
  }
  return true;
}

}  // namespace nsearch::cli
