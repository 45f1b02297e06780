#include "cli/quotes_cli.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/common.h"

namespace nsearch::cli {
namespace {

using nlohmann::json;

std::string RenderQuotesTerminal(const QuoteResponse& r, const Style& s, int offset) {
  const std::string dim = s.color ? "\033[2m" : "", green = s.color ? "\033[32m" : "";
  const std::string reset = s.color ? "\033[0m" : "";
  std::string out;
  int rank = offset;
  for (const QuoteHit& q : r.quotes) {
    out += std::to_string(++rank) + ". \u201c" +
           Excerpt(q.text, q.highlights, s.width, s.color ? "\033[1;33m" : "[",
                   s.color ? reset : "]") +
           "\u201d\n";
    out += "   " + green + q.path + ":" + std::to_string(q.paragraph) + reset;
    if (!q.date.empty()) out += dim + "  " + q.date.substr(0, 10) + reset;
    out += dim + "  " + (q.title.empty() ? "(untitled)" : q.title) + reset + "\n\n";
  }
  std::string names;
  for (const auto& n : r.speakers) names += (names.empty() ? "" : ", ") + n;
  out += dim + std::to_string(r.total) + " quote" + (r.total == 1 ? "" : "s") + " by " + names +
         (r.quotes.empty() && r.total > 0 ? " (none on this page)" : "") + reset + "\n";
  return out;
}

}  // namespace

std::string RenderQuotesJson(const std::string& typed, const QuoteResponse& r) {
  json quotes = json::array();
  for (const QuoteHit& q : r.quotes) {
    json hl = json::array();
    for (const auto& [b, e] : q.highlights) hl.push_back({b, e});
    json item = {{"text", q.text},   {"path", q.path},       {"paragraph", q.paragraph},
                 {"title", q.title}, {"speaker", q.speaker}, {"highlights", hl}};
    if (!q.date.empty()) item["date"] = q.date;
    quotes.push_back(std::move(item));
  }
  json out = {{"speaker", r.speakers.empty() ? typed : r.speakers.front()},
              {"names", r.speakers},
              {"total", r.total},
              {"quotes", quotes}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

int RunQuotes(Searcher& searcher, const std::string& speaker, const SearchOptions& options,
              bool as_json, bool quiet, const Style& style) {
  auto r = searcher.Quotes(speaker, options);
  if (!r.ok()) {
    const bool nobody = r.status().code() == StatusCode::kNotFound;
    // --json promises one object on stdout, even for a name nobody has.
    if (as_json && nobody) std::cout << RenderQuotesJson(speaker, {}) << "\n";
    if (!nobody || !quiet) std::cerr << "nsearch: " << OneLine(r.status().message()) << "\n";
    return nobody ? kExitNoResults : kExitError;
  }
  if (as_json) {
    std::cout << RenderQuotesJson(speaker, *r) << "\n";
  } else if (r->total > 0) {
    std::cout << RenderQuotesTerminal(*r, style, options.offset);
  } else if (!quiet) {
    std::cerr << OneLine("nsearch: no quotes by " + r->speakers.front() +
                         (options.query.empty() ? "" : " matching " + options.query))
              << "\n";
  }
  return r->total > 0 ? kExitOk : kExitNoResults;
}

}  // namespace nsearch::cli
