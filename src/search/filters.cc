#include "search/filters.h"

#include <algorithm>
#include <charconv>

#include "index/schema.h"
#include "text/normalize.h"

namespace nsearch::search {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// A run of 1..|max_digits| ASCII digits, the whole of |s|.
bool ReadNumber(std::string_view s, size_t max_digits, int* out) {
  if (s.empty() || s.size() > max_digits) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  std::from_chars(s.data(), s.data() + s.size(), *out);
  return true;
}

std::string Ymd(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
  return buf;
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> its first and last day.
bool ParseOneDate(std::string_view s, DateRange* out) {
  int y = 0, m = 0, d = 0;
  const size_t dash1 = s.find('-');
  if (s.substr(0, dash1).size() != 4 || !ReadNumber(s.substr(0, dash1), 4, &y)) return false;
  if (dash1 == std::string_view::npos) {
    *out = {Ymd(y, 1, 1), Ymd(y, 12, 31)};
    return true;
  }
  s.remove_prefix(dash1 + 1);
  const size_t dash2 = s.find('-');
  if (!ReadNumber(s.substr(0, dash2), 2, &m) || m < 1 || m > 12) return false;
  if (dash2 == std::string_view::npos) {
    *out = {Ymd(y, m, 1), Ymd(y, m, DaysIn(y, m))};
    return true;
  }
  if (!ReadNumber(s.substr(dash2 + 1), 2, &d) || d < 1 || d > DaysIn(y, m)) return false;
  *out = {Ymd(y, m, d), Ymd(y, m, d)};
  return true;
}

// The folded words of an author name, as text::Tokenize splits them.
std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> out;
  for (auto& t : text::Tokenize(name)) out.push_back(std::move(t.term));
  return out;
}

bool HoldsRun(const std::vector<std::string>& words, const std::vector<std::string>& run) {
  return std::search(words.begin(), words.end(), run.begin(), run.end()) != words.end();
}

}  // namespace

Result<DateRange> ParseDateRange(std::string_view typed) {
  auto bad = [&] {
    return Status::InvalidArgument("'" + std::string(typed) +
                                   "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, or A..B");
  };
  const size_t dots = typed.find("..");
  DateRange lo, hi;
  if (dots == std::string_view::npos) {
    if (!ParseOneDate(typed, &lo)) return bad();
    return lo;
  }
  const std::string_view a = typed.substr(0, dots), b = typed.substr(dots + 2);
  if (a.empty() && b.empty()) return bad();
  if (!a.empty() && !ParseOneDate(a, &lo)) return bad();
  if (!b.empty() && !ParseOneDate(b, &hi)) return bad();
  return DateRange{lo.from, hi.to};
}

DateRange Intersect(const std::vector<DateRange>& ranges) {
  DateRange out;
  for (const auto& r : ranges) {
    if (!r.from.empty() && (out.from.empty() || r.from > out.from)) out.from = r.from;
    if (!r.to.empty() && (out.to.empty() || r.to < out.to)) out.to = r.to;
  }
  return out;
}

Xapian::Query DateQuery(const DateRange& range) {
  // Dates are fixed-width YYYYMMDD strings, so string order is date order
  // and an undated document (no value in the slot) is outside every range.
  if (!range.from.empty() && !range.to.empty()) {
    if (range.from > range.to) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, index::kSlotDate, range.from, range.to);
  }
  if (!range.from.empty())
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, index::kSlotDate, range.from);
  if (!range.to.empty())
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, index::kSlotDate, range.to);
  // Open both ends: every dated document.
  return Xapian::Query(Xapian::Query::OP_VALUE_GE, index::kSlotDate, std::string("0"));
}

std::vector<IndexedAuthor> ListAuthors(const Xapian::Database& db) {
  const std::string prefix(index::kPrefixAuthor);
  std::vector<IndexedAuthor> out;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    IndexedAuthor a{(*t).substr(prefix.size()), {}};
    // The key is the name's folded words joined by spaces (index::AuthorKey).
    for (size_t start = 0; start <= a.folded.size();) {
      size_t space = a.folded.find(' ', start);
      if (space == std::string::npos) space = a.folded.size();
      if (space > start) a.words.push_back(a.folded.substr(start, space - start));
      start = space + 1;
    }
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<std::string>> ExpandAuthor(const Xapian::Database& db,
                                              const std::vector<IndexedAuthor>& authors,
                                              std::string_view typed) {
  const std::vector<std::string> run = Words(typed);
  if (run.empty())
    return Status::InvalidArgument("author '" + std::string(typed) + "' has no words");
  if (run.size() > 1) {
    const std::string exact = index::AuthorKey(typed);
    if (db.term_exists(std::string(index::kPrefixAuthor) + exact))
      return std::vector<std::string>{exact};
  }
  std::vector<std::string> found;
  for (const auto& a : authors) {
    if (!HoldsRun(a.words, run)) continue;
    if (found.size() == kMaxAuthorExpansion)
      return Status::InvalidArgument("author '" + std::string(typed) + "' matches more than " +
                                     std::to_string(kMaxAuthorExpansion) +
                                     " authors: give more of the name");
    found.push_back(a.folded);
  }
  if (found.empty())
    return Status::NotFound("no author matching '" + std::string(typed) + "' in the index");
  return found;
}

Xapian::Query AuthorQuery(const std::vector<std::string>& folded_names) {
  std::vector<Xapian::Query> terms;
  for (const auto& n : folded_names) terms.emplace_back(std::string(index::kPrefixAuthor) + n);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::unique_ptr<Xapian::KeyMaker> DateSortKey(SortOrder order) {
  auto key = std::make_unique<Xapian::MultiValueKeyMaker>();
  // Keys sort ascending. Newest first reverses the date; the reversed empty
  // value sorts after every date. Oldest first needs an undated document to
  // sort after "9999....", hence the default.
  if (order == SortOrder::kOldest) {
    key->add_value(index::kSlotDate, false, "~");
  } else {
    key->add_value(index::kSlotDate, true);
  }
  return key;
}

void SortByDate(Xapian::Enquire& enquire, SortOrder order, bool then_relevance, bool remote,
                std::unique_ptr<Xapian::KeyMaker>* key) {
  if (remote) {
    const bool newest = order != SortOrder::kOldest;
    if (then_relevance) {
      enquire.set_sort_by_value_then_relevance(index::kSlotDate, newest);
    } else {
      enquire.set_sort_by_value(index::kSlotDate, newest);
    }
    return;
  }
  *key = DateSortKey(order);
  if (then_relevance) {
    enquire.set_sort_by_key_then_relevance(key->get(), false);
  } else {
    enquire.set_sort_by_key(key->get(), false);
  }
}

Xapian::Query IndexedSinceQuery(double seconds) {
  return Xapian::Query(Xapian::Query::OP_VALUE_GE, index::kSlotIndexed,
                       Xapian::sortable_serialise(seconds));
}

}  // namespace nsearch::search
