#include "cli/render.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "index/copies.h"
#include "search/json.h"
#include "text/normalize.h"

namespace nsearch::cli {
namespace {

using nlohmann::json;

constexpr char kBold[] = "\033[1m";
constexpr char kMatch[] = "\033[1;33m";
constexpr char kDim[] = "\033[2m";
constexpr char kGreen[] = "\033[32m";
constexpr char kReset[] = "\033[0m";

bool IsSpaceAt(const std::string& text, size_t byte) {
  return byte < text.size() && text[byte] == ' ';
}

}  // namespace

std::string Excerpt(const std::string& text, const std::vector<std::pair<int, int>>& highlights,
                    int max_cp, const std::string& open, const std::string& close) {
  const auto starts = text::CodePointStarts(text);
  const int n = static_cast<int>(starts.size()) - 1;
  int from = 0, to = n;
  if (n > max_cp) {
    // Centre the window on the densest run of highlights that fits.
    int best_first = highlights.empty() ? 0 : highlights[0].first;
    size_t best_count = 0;
    for (size_t i = 0; i < highlights.size(); ++i) {
      size_t count = 0;
      for (size_t j = i;
           j < highlights.size() && highlights[j].second - highlights[i].first <= max_cp; ++j)
        ++count;
      if (count > best_count) best_count = count, best_first = highlights[i].first;
    }
    from = std::max(0, best_first - max_cp / 4);
    to = std::min(n, from + max_cp);
    from = std::max(0, to - max_cp);
    // Never cut inside a word: move inward to the nearest space. Text
    // without spaces nearby (Chinese, a URL) is cut where it stands.
    constexpr int kMaxShift = 24;
    if (from > 0) {
      int f = from;
      while (f < to && f - from <= kMaxShift && !IsSpaceAt(text, starts[f - 1])) ++f;
      if (f < to && f - from <= kMaxShift) from = f;
    }
    if (to < n) {
      int t = to;
      while (t > from && to - t <= kMaxShift && !IsSpaceAt(text, starts[t])) --t;
      if (t > from && to - t <= kMaxShift) to = t;
    }
  }
  std::string out;
  if (from > 0) out += "\u2026";
  int cursor = from;
  for (const auto& [b, e] : highlights) {
    if (e <= from || b >= to) continue;
    const int hb = std::max(b, from), he = std::min(e, to);
    out.append(text, starts[cursor], starts[hb] - starts[cursor]);
    out += open;
    out.append(text, starts[hb], starts[he] - starts[hb]);
    out += close;
    cursor = he;
  }
  out.append(text, starts[cursor], starts[to] - starts[cursor]);
  if (to < n) out += "\u2026";
  return out;
}

std::string RenderTerminal(const SearchResponse& r, const Style& s) {
  std::string out;
  const std::string bold = s.color ? kBold : "", reset = s.color ? kReset : "";
  const std::string dim = s.color ? kDim : "", green = s.color ? kGreen : "";
  for (const Hit& h : r.hits) {
    out += std::to_string(h.rank) + ". " + bold + (h.title.empty() ? "(untitled)" : h.title) +
           reset + "\n";
    out += "   " + green + h.path + ":" + std::to_string(h.paragraph) + reset;
    if (!h.date.empty()) out += dim + "  " + h.date.substr(0, 10) + reset;
    // English, the default, goes without saying.
    if (!h.language.empty() && h.language != "en") out += dim + "  [" + h.language + "]" + reset;
    if (h.title_match) out += dim + "  (matched in the title)" + reset;
    if (h.more_passages > 0)
      out += dim + "  (+" + std::to_string(h.more_passages) + " more passage" +
             (h.more_passages == 1 ? "" : "s") + ")" + reset;
    if (h.copy_count > 0)
      out += dim + "  (" + std::to_string(h.copy_count) + " near-identical cop" +
             (h.copy_count == 1 ? "y" : "ies") + ")" + reset;
    out += "\n   ";
    out += Excerpt(h.text, h.highlights, s.width, s.color ? kMatch : "[", s.color ? kReset : "]");
    out += "\n";
    if (s.explain) {
      char buf[256];
      std::snprintf(buf, sizeof buf,
                    "   score %.3f = article BM25 %.3f + passage BM25 %.3f x %.2f + proximity "
                    "%.3f x %.2f; %d matching passage%s%s\n",
                    h.score, h.explain.article_bm25, h.explain.passage_bm25, s.passage_weight,
                    h.explain.proximity, s.proximity_weight, h.explain.matching_passages,
                    h.explain.matching_passages == 1 ? "" : "s",
                    h.explain.title ? "; title holds a query word" : "");
      out += dim + buf + reset;
    }
    out += "\n";
  }
  if (!r.hits.empty() || r.total > 0) {
    out += dim + (r.total_exact ? "" : "about ") + std::to_string(r.total) + " matching article" +
           (r.total == 1 ? "" : "s") + reset;
    if (r.hits.empty()) out += dim + " (none on this page)" + reset;
    out += "\n";
  }
  if (r.has_facets) out += RenderFacetsTerminal(r.facets, s);
  return out;
}

std::string RenderFacetsTerminal(const Facets& f, const Style& s) {
  std::string out;
  const std::string bold = s.color ? kBold : "", reset = s.color ? kReset : "";
  auto line = [&](const char* label, const std::vector<FacetCount>& list) {
    if (list.empty()) return;
    out += bold + label + reset + ": ";
    for (size_t i = 0; i < list.size(); ++i)
      out += (i ? ", " : "") + list[i].name + " (" + std::to_string(list[i].count) + ")";
    out += "\n";
  };
  line("persons", f.person);
  line("places", f.place);
  line("organisations", f.org);
  if (f.sampled && !out.empty())
    out += "(counted over the best " + std::to_string(f.articles) + " matching articles)\n";
  return out;
}

std::string RenderJson(const SearchResponse& r, bool explain) {
  return search::Dump(search::SearchJson(r, explain));
}

std::string RenderCoOccurrenceJson(const std::string& typed, const std::vector<std::string>& names,
                                   const Facets& f) {
  return search::Dump(search::CoOccurrenceJson(typed, names, f));
}

std::string RenderTimelineTerminal(const TimelineCounts& t) {
  // Eighths of a block, so that small differences still show.
  static const char* const kEighths[] = {"",       "\u258f", "\u258e", "\u258d",
                                         "\u258c", "\u258b", "\u258a", "\u2589"};
  constexpr int kWidth = 40;
  int64_t most = 1;
  for (const auto& p : t.periods) most = std::max(most, p.count);
  std::string out;
  for (const auto& p : t.periods) {
    const int64_t eighths = (p.count * kWidth * 8 + most - 1) / most;
    std::string bar;
    for (int64_t i = 0; i < eighths / 8; ++i) bar += "\u2588";
    bar += kEighths[eighths % 8];
    const int pad = kWidth + 1 - static_cast<int>(eighths / 8) - (eighths % 8 ? 1 : 0);
    out += p.period + std::string(11 - std::min<size_t>(p.period.size(), 10), ' ') + bar +
           std::string(std::max(1, pad), ' ') + std::to_string(p.count) + "\n";
  }
  out += std::to_string(t.articles) + " matching article" + (t.articles == 1 ? "" : "s") + ", " +
         std::to_string(t.undated) + " undated (not in the chart)\n";
  return out;
}

std::string RenderTimelineJson(const std::string& query, const TimelineCounts& t) {
  json out = search::TimelineJson(t);
  out["query"] = query;
  return search::Dump(out);
}

std::string RenderArticleJson(const Article& a) {
  json paras = json::array();
  for (const auto& p : a.paragraphs)
    paras.push_back({{"n", p.n}, {"kind", KindName(p.kind)}, {"text", p.text}});
  json quotes = json::array();
  for (const auto& q : a.quotes)
    quotes.push_back({{"speaker", q.speaker.empty() ? json() : json(q.speaker)},
                      {"text", q.text},
                      {"paragraph", q.paragraph}});
  json out = {{"path", a.id},
              {"title", a.title},
              {"paragraphs", paras},
              {"entities", search::EntitiesJson(a.entities, true)},
              {"quotes", quotes}};
  if (a.title_derived) out["title_derived"] = true;
  out["lang"] = a.language.empty() ? std::string("en") : a.language;
  if (!a.date.empty()) out["date"] = a.date;
  if (!a.author.empty()) out["author"] = a.author;
  if (!a.url.empty()) out["url"] = a.url;
  if (a.source.invalid_bytes > 0) out["invalid_bytes"] = a.source.invalid_bytes;
  if (const auto sig = index::CopySignature(a); !sig.empty())
    out["copy_signature"] = index::SignatureHex(sig);
  return search::Dump(out);
}

}  // namespace nsearch::cli
