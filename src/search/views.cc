// Searcher's views and upkeep: Validate, GetArticle, Timeline, Refresh
// (searcher.h). Searches themselves live in searcher.cc.
#include <xapian.h>

#include <optional>

#include "index/schema.h"
#include "nsearch/searcher.h"
#include "search/highlight.h"
#include "search/hits.h"
#include "search/matches.h"
#include "search/searcher_impl.h"
#include "search/timeline.h"

namespace nsearch {
namespace {

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos; }

// Runs |read|; when the indexer committed meanwhile (DatabaseModifiedError)
// it refreshes and runs it once more. Other Xapian errors become IOError.
template <typename T, typename Read, typename Refresh>
Result<T> Retrying(const std::string& where, const char* what, Read read, Refresh refresh) {
  for (int attempt = 0;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 0)
        return Status::IOError(std::string("index changed twice during one ") + what +
                               "; try again");
      if (auto r = refresh(); !r.ok()) return r.status();
    } catch (const Xapian::Error& e) {
      return Status::IOError(std::string(what) + " failed on " + where + ": " +
                             e.get_description());
    }
  }
}

ArticleView ViewOf(const Article& a) {
  ArticleView v;
  v.id = a.id;
  v.title = a.title;
  v.date = a.date;
  v.author = a.author;
  v.url = a.url;
  v.entities = a.entities;
  for (const Paragraph& p : a.paragraphs) v.paragraphs.push_back({p.n, p.kind, p.text, {}});
  return v;
}

}  // namespace

std::string_view TimelineUnitName(TimelineUnit unit) {
  switch (unit) {
    case TimelineUnit::kAuto:
      return "auto";
    case TimelineUnit::kDay:
      return "day";
    case TimelineUnit::kMonth:
      return "month";
    case TimelineUnit::kYear:
      return "year";
  }
  return "auto";
}

bool ParseTimelineUnit(std::string_view name, TimelineUnit* unit) {
  for (TimelineUnit u :
       {TimelineUnit::kAuto, TimelineUnit::kDay, TimelineUnit::kMonth, TimelineUnit::kYear}) {
    if (TimelineUnitName(u) == name) return *unit = u, true;
  }
  return false;
}

Status Searcher::Validate(const SearchOptions& o) {
  if (o.limit < 0 || o.offset < 0)
    return Status::InvalidArgument("limit and offset must not be negative");
  if (o.facet_limit < 0) return Status::InvalidArgument("facet_limit must not be negative");
  if (auto dates = Impl::DateOptions(o); !dates.ok()) return dates.status();
  if (Blank(o.query) && o.filters.empty() && o.authors.empty() && o.since.empty() &&
      o.until.empty() && o.language.empty())
    return Status::InvalidArgument(
        "nothing to search for: give words or a filter (person, place, org, author, since, "
        "until, lang)");
  return Status::Ok();
}

Result<ArticleView> Searcher::GetArticle(const std::string& article_id,
                                         const SearchOptions& highlight) {
  return Retrying<ArticleView>(
      impl_->path, "article lookup", [&] { return impl_->View(article_id, highlight); },
      [this] { return Refresh(); });
}

Result<TimelineCounts> Searcher::Timeline(const SearchOptions& options, TimelineUnit unit) {
  if (Status invalid = Validate(options); !invalid.ok()) return invalid;
  return Retrying<TimelineCounts>(
      impl_->path, "timeline", [&] { return impl_->Timeline(options, unit); },
      [this] { return Refresh(); });
}

Result<bool> Searcher::Refresh() {
  // A published generation (a changed stub) first; else a new commit of
  // the same generation.
  const auto before = impl_->stub_stamps;
  if (Status s = impl_->FollowStubs(); !s.ok()) return s;
  if (impl_->stub_stamps != before) return true;
  try {
    if (!impl_->db.reopen()) return false;
    impl_->ClearCaches();
    return true;
  } catch (const Xapian::Error&) {
    // The generation went away under us: open anew through the stubs.
  }
  if (Status s = impl_->Reopen(); !s.ok()) return s;
  return true;
}

Result<ArticleView> Searcher::Impl::View(const std::string& article_id,
                                         const SearchOptions& highlight) {
  const std::string term = std::string(index::kPrefixArticle) + index::ArticleKey(article_id);
  std::optional<Article> article;
  Xapian::docid did = 0;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && !article; ++p) {
    auto stored = search::LoadArticle(db.get_document(*p), db);
    if (stored && stored->id == article_id) article = std::move(stored), did = *p;
  }
  if (!article) return Status::NotFound("no article with id '" + article_id + "' in the index");
  ArticleView view = ViewOf(*article);
  if (Blank(highlight.query) && highlight.filters.empty()) return view;

  // Only what the query matches marks the text: its dates and authors do not.
  SearchOptions marks;
  marks.query = highlight.query;
  marks.filters = highlight.filters;
  marks.include_boilerplate = highlight.include_boilerplate;
  marks.exact = highlight.exact;
  auto q = Compile(marks, marks.query, std::nullopt);
  if (!q.ok()) return q.status();
  const search::EntryMatches words =
      q->has_text ? search::MatchedWords(db, did, *q, marks.include_boilerplate)
                  : search::EntryMatches{};
  const auto mentions = search::EntityMentions(db, q->entity_names);
  auto spans = [&](const std::string& text, size_t entry, bool searched) {
    search::Spans s;
    if (entry < words.size()) s = search::WordSpans(text, words[entry]);
    if (searched && !mentions.empty()) {
      auto m = search::HighlightPhrases(text, mentions);
      s.insert(s.end(), m.begin(), m.end());
      s = search::MergeSpans(std::move(s));
    }
    return s;
  };
  view.title_highlights = spans(view.title, 0, true);
  for (size_t i = 0; i < view.paragraphs.size(); ++i) {
    ParagraphView& p = view.paragraphs[i];
    p.highlights = spans(p.text, i + 1, IsSearchable(p.kind) || marks.include_boilerplate);
    view.matching_paragraphs += !p.highlights.empty();
  }
  return view;
}

Result<TimelineCounts> Searcher::Impl::Timeline(const SearchOptions& o, TimelineUnit unit) {
  auto date = DateOptions(o);
  if (!date.ok()) return date.status();
  auto q = CompileForSort(o, o.query, *date);
  if (!q.ok()) return q.status();
  if (q->query.empty()) return search::GroupDays({}, unit);
  search::DayCounts days = search::CountDays(db, q->query, remote);
  // As Search(): a query that finds nothing as typed counts its correction.
  if (days.days.empty() && days.undated == 0 && q->has_text && !q->suggestion.empty()) {
    auto again = CompileForSort(o, q->suggestion, *date);
    if (again.ok() && again->has_text) days = search::CountDays(db, again->query, remote);
  }
  return search::GroupDays(days, unit);
}

}  // namespace nsearch
