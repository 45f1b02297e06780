#include "search/query.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "index/document.h"
#include "index/schema.h"
#include "text/normalize.h"

namespace nsearch::search {
namespace {

// The field name the normaliser gives a word typed with a trailing '*'.
constexpr char kWildcardField[] = "nsearchwildcard";

bool IsOperator(std::string_view w) {
  static constexpr std::string_view kOps[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  for (auto op : kOps)
    if (w == op) return true;
  return (w.starts_with("NEAR/") || w.starts_with("ADJ/")) && w.size() > 5;
}

// Fields whose values the normaliser keeps as typed (the field processors
// read names and dates, not index words).
constexpr std::string_view kVerbatimFields[] = {"person", "place", "org", "author", "date"};

// |chunk| begins with "field:" for one of |fields| (any case): its length.
size_t FieldPrefixLength(std::string_view chunk, std::string_view field) {
  if (chunk.size() <= field.size() || chunk[field.size()] != ':') return 0;
  for (size_t i = 0; i < field.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(chunk[i])) != field[i]) return 0;
  return field.size() + 1;
}

std::string FoldedWords(std::string_view chunk, char joiner) {
  std::string out;
  for (const auto& t : text::Tokenize(chunk)) {
    if (!out.empty()) out.push_back(joiner);
    out += t.term;
  }
  return out;
}

// Query-side English stop words: dropped from the query (not from the index),
// so they neither match nor weigh. QueryParser keeps them inside "phrases",
// after +, and when a query holds nothing else ("the who"). Measured on
// Cranfield and CISI (docs/ranking.md).
constexpr const char* kStopWords[] = {
    "a",      "about",  "above",  "after",    "again",      "against", "all",    "am",
    "an",     "and",    "any",    "are",      "as",         "at",      "be",     "because",
    "been",   "before", "being",  "below",    "between",    "both",    "but",    "by",
    "can",    "could",  "did",    "do",       "does",       "doing",   "down",   "during",
    "each",   "few",    "for",    "from",     "further",    "had",     "has",    "have",
    "having", "he",     "her",    "here",     "hers",       "herself", "him",    "himself",
    "his",    "how",    "i",      "if",       "in",         "into",    "is",     "it",
    "its",    "itself", "me",     "more",     "most",       "my",      "myself", "no",
    "nor",    "not",    "of",     "off",      "on",         "once",    "only",   "or",
    "other",  "ought",  "our",    "ours",     "ourselves",  "out",     "over",   "own",
    "same",   "she",    "should", "so",       "some",       "such",    "than",   "that",
    "the",    "their",  "theirs", "them",     "themselves", "then",    "there",  "these",
    "they",   "this",   "those",  "through",  "to",         "too",     "under",  "until",
    "up",     "very",   "was",    "we",       "were",       "what",    "when",   "where",
    "which",  "while",  "who",    "whom",     "why",        "will",    "with",   "would",
    "you",    "your",   "yours",  "yourself", "yourselves"};

const Xapian::SimpleStopper& Stopper() {
  static const Xapian::SimpleStopper stopper(std::begin(kStopWords), std::end(kStopWords));
  return stopper;
}

// State shared by the field processors of one compilation: the first error
// wins (Xapian cannot return one from a processor) and what was resolved.
struct Sink {
  Status error;
  CompiledQuery* out = nullptr;
  void Fail(Status s) {
    if (error.ok()) error = std::move(s);
  }
};

class EntityField : public Xapian::FieldProcessor {
 public:
  EntityField(EntityType type, const FieldResolvers& r, Sink* sink)
      : type_(type), resolvers_(r), sink_(sink) {}
  Xapian::Query operator()(const std::string& typed) override {
    auto names = resolvers_.entity(type_, typed);
    if (!names.ok()) {
      sink_->Fail(names.status());
      return Xapian::Query::MatchNothing;
    }
    sink_->out->resolved.emplace_back(typed, *names);
    sink_->out->entity_names.emplace_back(type_, *names);
    return EntityQuery(type_, *names);
  }

 private:
  EntityType type_;
  const FieldResolvers& resolvers_;
  Sink* sink_;
};

class AuthorField : public Xapian::FieldProcessor {
 public:
  AuthorField(const FieldResolvers& r, Sink* sink) : resolvers_(r), sink_(sink) {}
  Xapian::Query operator()(const std::string& typed) override {
    auto names = resolvers_.author(typed);
    if (!names.ok()) {
      sink_->Fail(names.status());
      return Xapian::Query::MatchNothing;
    }
    sink_->out->authors.push_back(*names);
    return AuthorQuery(*names);
  }

 private:
  const FieldResolvers& resolvers_;
  Sink* sink_;
};

class DateField : public Xapian::FieldProcessor {
 public:
  explicit DateField(Sink* sink) : sink_(sink) {}
  Xapian::Query operator()(const std::string& typed) override {
    auto range = ParseDateRange(typed);
    if (!range.ok()) {
      sink_->Fail(Status::InvalidArgument("date:" + range.status().message()));
      return Xapian::Query::MatchNothing;
    }
    auto& date = sink_->out->date;
    date = date ? Intersect({*date, *range}) : *range;
    return DateQuery(*range);
  }

 private:
  Sink* sink_;
};

// `negotiat*`: every index word that starts with the prefix, as the stems
// the index holds, weighed as one word (OP_SYNONYM). The words come from the
// spelling table (the index's folded words); an index without one (a remote
// shard) falls back to the stems that start with the prefix.
class WildcardField : public Xapian::FieldProcessor {
 public:
  WildcardField(const Xapian::Database& db, bool hidden, Sink* sink)
      : db_(db), hidden_(hidden), sink_(sink) {}
  Xapian::Query operator()(const std::string& prefix) override {
    if (prefix.size() < kMinWildcardPrefix) {
      sink_->Fail(
          Status::InvalidArgument("wildcard '" + prefix + "*' is too short: give at least " +
                                  std::to_string(kMinWildcardPrefix) + " letters before '*'"));
      return Xapian::Query::MatchNothing;
    }
    std::set<std::string> stems;
    size_t words = 0;
    auto it = db_.spellings_begin();
    for (it.skip_to(prefix); it != db_.spellings_end(); ++it) {
      const std::string word = *it;
      if (word.compare(0, prefix.size(), prefix) != 0) break;
      if (++words > kMaxWildcardWords) return TooBroad(prefix);
      stems.insert(index::Stem(word));
    }
    if (words == 0) {
      for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
        if (++words > kMaxWildcardWords) return TooBroad(prefix);
        stems.insert(*t);
      }
    }
    std::vector<Xapian::Query> terms;
    for (const auto& s : stems) {
      terms.emplace_back(s);
      if (hidden_) terms.emplace_back(std::string(index::kPrefixHidden) + s);
    }
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

 private:
  Xapian::Query TooBroad(const std::string& prefix) {
    sink_->Fail(Status::InvalidArgument("wildcard '" + prefix + "*' matches more than " +
                                        std::to_string(kMaxWildcardWords) +
                                        " words in the index: give more letters"));
    return Xapian::Query::MatchNothing;
  }
  const Xapian::Database& db_;
  bool hidden_;
  Sink* sink_;
};

// Text terms are unprefixed stems, title stems ("S") and hidden stems
// ("XB"); every other prefix is a filter. Returns the stem, or "".
std::string TextStem(const std::string& term) {
  if (term.empty()) return term;
  if (term.compare(0, index::kPrefixHidden.size(), index::kPrefixHidden) == 0)
    return term.substr(index::kPrefixHidden.size());
  const unsigned char c = term[0];
  if (c >= 'A' && c <= 'Z') {
    if (term.compare(0, index::kPrefixTitle.size(), index::kPrefixTitle) == 0 && term.size() > 1 &&
        !(term[1] >= 'A' && term[1] <= 'Z'))
      return term.substr(index::kPrefixTitle.size());
    return "";
  }
  return term;
}

// Collects the positive words and phrases of the query that will run.
class Walker {
 public:
  explicit Walker(CompiledQuery* out) : out_(out) {}

  void Walk(const Xapian::Query& q, bool positive) {
    const auto type = q.get_type();
    const size_t n = q.get_num_subqueries();
    switch (type) {
      case Xapian::Query::LEAF_TERM:
        if (positive) AddWord({Leaf(q)});
        return;
      case Xapian::Query::OP_AND_NOT:
        out_->excludes = true;
        for (size_t i = 0; i < n; ++i) Walk(q.get_subquery(i), positive && i == 0);
        return;
      case Xapian::Query::OP_SYNONYM: {
        std::vector<std::string> terms;
        for (size_t i = 0; i < n; ++i) Leaves(q.get_subquery(i), &terms);
        if (positive) AddWord(terms);
        return;
      }
      case Xapian::Query::OP_PHRASE: {
        std::vector<std::string> stems;
        for (size_t i = 0; i < n; ++i) stems.push_back(TextStem(Leaf(q.get_subquery(i))));
        if (positive && !stems.empty() &&
            std::find(out_->phrases.begin(), out_->phrases.end(), stems) == out_->phrases.end())
          out_->phrases.push_back(std::move(stems));
        return;
      }
      default:
        for (size_t i = 0; i < n; ++i) Walk(q.get_subquery(i), positive);
    }
  }

 private:
  static std::string Leaf(const Xapian::Query& q) {
    auto t = q.get_terms_begin();
    return t == q.get_terms_end() ? std::string() : *t;
  }
  static void Leaves(const Xapian::Query& q, std::vector<std::string>* out) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
      out->push_back(Leaf(q));
      return;
    }
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) Leaves(q.get_subquery(i), out);
  }
  void AddWord(const std::vector<std::string>& terms) {
    QueryWord w;
    for (const auto& t : terms) {
      std::string stem = TextStem(t);
      if (!stem.empty() && std::find(w.terms.begin(), w.terms.end(), stem) == w.terms.end())
        w.terms.push_back(std::move(stem));
    }
    if (w.terms.empty()) return;
    // "kiev OR XBkiev" and a word typed twice are one word; a word that is
    // already part of a larger group (a synonym set) joins it.
    for (auto& existing : out_->words) {
      for (const auto& t : w.terms) {
        if (std::find(existing.terms.begin(), existing.terms.end(), t) != existing.terms.end()) {
          for (auto& u : w.terms)
            if (std::find(existing.terms.begin(), existing.terms.end(), u) == existing.terms.end())
              existing.terms.push_back(u);
          return;
        }
      }
    }
    out_->words.push_back(std::move(w));
  }
  CompiledQuery* out_;
};

// Only operators and punctuation are left when syntax is stripped: the
// plain words of |normalized|, without quotes, operators or field syntax.
std::string PlainWords(const std::string& normalized) {
  std::string out;
  size_t i = 0;
  while (i < normalized.size()) {
    while (i < normalized.size() && normalized[i] == ' ') ++i;
    size_t j = i;
    while (j < normalized.size() && normalized[j] != ' ') ++j;
    std::string_view chunk(normalized.data() + i, j - i);
    i = j;
    if (chunk.empty() || IsOperator(chunk)) continue;
    if (chunk.find(':') != std::string_view::npos) continue;  // field syntax left out
    std::string word;
    for (char c : chunk)
      if (c != '"' && c != '(' && c != ')' && c != '+' && c != '*' && !(c == '-' && word.empty()))
        word.push_back(c == '-' ? ' ' : c);
    if (!word.empty()) out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

// "-a -b": every word excluded. QueryParser would drop the lone '-' and
// search for the words; "NOT a NOT b" with FLAG_PURE_NOT means what was
// asked: articles holding none of them.
std::string OnlyExclusionsAsNot(const std::string& normalized) {
  bool any_positive = false, any_negative = false;
  int depth = 0;
  bool in_quote = false;
  for (size_t i = 0; i < normalized.size(); ++i) {
    const char c = normalized[i];
    if (c == '"') in_quote = !in_quote;
    if (in_quote || c == ' ' || c == '"') continue;
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth != 0 || c == '(' || c == ')') continue;
    if (i == 0 || normalized[i - 1] == ' ') {
      if (c == '-') {
        any_negative = true;
      } else {
        size_t j = i;
        while (j < normalized.size() && normalized[j] != ' ') ++j;
        if (!IsOperator(std::string_view(normalized.data() + i, j - i))) any_positive = true;
      }
    }
  }
  if (!any_negative || any_positive) return normalized;
  std::string out;
  for (size_t i = 0; i < normalized.size(); ++i) {
    if (normalized[i] == '-' && (i == 0 || normalized[i - 1] == ' ')) {
      out += "NOT ";
    } else {
      out.push_back(normalized[i]);
    }
  }
  return out;
}

// The corrections of |corrected| (QueryParser's, word for word over
// |normalized|) that are worth suggesting: a word the index holds only in
// boilerplate is not unknown, and a correction must keep the word's first
// letter (as Lucene's spell checker requires by default), so "soups" is not
// "groups". Returns "" when no correction is left.
std::string TrustedCorrection(const Xapian::Database& db, const std::string& normalized,
                              const std::string& corrected) {
  if (corrected.empty() || corrected == normalized) return "";
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i <= s.size();) {
      size_t j = s.find(' ', i);
      if (j == std::string::npos) j = s.size();
      out.push_back(s.substr(i, j - i));
      i = j + 1;
    }
    return out;
  };
  std::vector<std::string> typed = split(normalized), fixed = split(corrected);
  if (typed.size() != fixed.size()) return corrected;
  bool any = false;
  for (size_t i = 0; i < typed.size(); ++i) {
    if (typed[i] == fixed[i]) continue;
    const bool hidden = db.term_exists(std::string(index::kPrefixHidden) + index::Stem(typed[i]));
    if (hidden || typed[i].empty() || fixed[i].empty() || typed[i][0] != fixed[i][0]) {
      fixed[i] = typed[i];
    } else {
      any = true;
    }
  }
  if (!any) return "";
  std::string out;
  for (const auto& w : fixed) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

Xapian::Query EntityQuery(EntityType type, const std::vector<std::string>& names) {
  std::vector<Xapian::Query> terms;
  for (const auto& n : names) terms.emplace_back(index::EntityTerm(type, n));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

bool IsStopWord(std::string_view word) { return Stopper()(std::string(word)); }

std::string NormalizeQueryText(std::string_view raw) {
  auto is_space = [](unsigned char c) { return c <= ' ' || c == 0x7f; };
  std::string out;
  bool in_quote = false;
  size_t i = 0;
  while (i < raw.size()) {
    const unsigned char c = raw[i];
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      ++i;
      continue;
    }
    if (c == '"') {
      in_quote = !in_quote;
      out.push_back('"');
      ++i;
      continue;
    }
    if (!in_quote && (c == '(' || c == ')')) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (!in_quote && (c == '+' || c == '-') &&
        (out.empty() || out.back() == ' ' || out.back() == '(')) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t j = i;
    while (j < raw.size() && !is_space(raw[j]) && raw[j] != '"' &&
           (in_quote || (raw[j] != '(' && raw[j] != ')')))
      ++j;
    std::string_view chunk = raw.substr(i, j - i);
    i = j;
    if (!in_quote && IsOperator(chunk)) {
      out.append(chunk);
      continue;
    }
    if (!in_quote) {
      bool verbatim = false;
      for (auto field : kVerbatimFields) {
        const size_t len = FieldPrefixLength(chunk, field);
        if (len == 0) continue;
        verbatim = true;
        out.append(field);
        out.push_back(':');
        if (len == chunk.size() && i < raw.size() && raw[i] == '"') {
          // person:"Marco Rubio": the quoted value, as typed.
          size_t close = raw.find('"', i + 1);
          if (close == std::string_view::npos) close = raw.size();
          out.push_back('"');
          out.append(raw.substr(i + 1, close - i - 1));
          out.push_back('"');
          i = std::min(raw.size(), close + 1);
        } else {
          out.append(chunk.substr(len));
        }
        break;
      }
      if (verbatim) continue;
      if (const size_t len = FieldPrefixLength(chunk, "title"); len > 0) {
        std::string words = FoldedWords(chunk.substr(len), '-');
        if (!words.empty()) out += "title:" + words;
        continue;
      }
      if (chunk.size() > 1 && chunk.back() == '*') {
        std::string words = FoldedWords(chunk.substr(0, chunk.find_last_not_of('*') + 1), ' ');
        const size_t last = words.rfind(' ');
        if (!words.empty()) {
          if (last != std::string::npos) out += words.substr(0, last) + " ";
          out += std::string(kWildcardField) + ":" + words.substr(last + 1);
        }
        continue;
      }
    }
    out += FoldedWords(chunk, '-');  // QueryParser reads a-b as a phrase
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Result<CompiledQuery> CompileQuery(const Xapian::Database& db, std::string_view raw,
                                   const std::vector<EntityFilter>& extra_filters,
                                   const std::optional<DateRange>& date,
                                   const std::vector<std::string>& authors,
                                   const FieldResolvers& resolvers, const CompileOptions& options) {
  CompiledQuery out;
  Sink sink;
  sink.out = &out;

  std::string normalized = NormalizeQueryText(raw);
  if (std::count(normalized.begin(), normalized.end(), '"') % 2 == 1) {
    normalized[normalized.rfind('"')] = ' ';
    out.notes.push_back("ignored an unbalanced quote");
  }
  normalized = OnlyExclusionsAsNot(normalized);

  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem(index::kStemLanguage));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  qp.set_stopper(&Stopper());
  qp.set_default_op(options.default_and ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
  qp.add_prefix("", "");
  if (options.include_boilerplate) qp.add_prefix("", std::string(index::kPrefixHidden));
  qp.add_prefix("title", std::string(index::kPrefixTitle));
  EntityField person(EntityType::kPerson, resolvers, &sink);
  EntityField place(EntityType::kPlace, resolvers, &sink);
  EntityField org(EntityType::kOrg, resolvers, &sink);
  AuthorField author(resolvers, &sink);
  DateField date_field(&sink);
  WildcardField wildcard(db, options.include_boilerplate, &sink);
  qp.add_boolean_prefix("person", &person);
  qp.add_boolean_prefix("place", &place);
  qp.add_boolean_prefix("org", &org);
  qp.add_boolean_prefix("author", &author);
  qp.add_boolean_prefix("date", &date_field);
  qp.add_prefix(kWildcardField, &wildcard);

  unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                   Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;
  if (!options.exact) flags |= Xapian::QueryParser::FLAG_AUTO_SYNONYMS;
  if (!options.exact && options.suggest) flags |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
  Xapian::Query q;
  try {
    q = qp.parse_query(normalized, flags);
  } catch (const Xapian::QueryParserError&) {
    // A stray operator ("ceasefire AND", "OR NOT"): the plain words.
    const std::string words = PlainWords(normalized);
    out.notes.push_back(words.empty() ? "the query holds only operators: nothing to search for"
                                      : "ignored the query syntax (a stray operator): searched " +
                                            std::string("the words ") + words);
    // Field processors may have run before the error; the words alone run now.
    out.resolved.clear();
    out.entity_names.clear();
    out.authors.clear();
    out.date.reset();
    try {
      q = words.empty() ? Xapian::Query() : qp.parse_query(words, flags);
    } catch (const Xapian::QueryParserError&) {
      q = Xapian::Query();
    }
  }
  if (!sink.error.ok()) return sink.error;
  if (!options.exact && options.suggest)
    out.suggestion = TrustedCorrection(db, normalized, qp.get_corrected_query_string());

  // --person, --since/--until and --author filter whatever was typed.
  std::vector<Xapian::Query> filters;
  for (const auto& f : extra_filters) {
    auto names = resolvers.entity(f.type, f.name);
    if (!names.ok()) return names.status();
    out.resolved.emplace_back(f.name, *names);
    out.entity_names.emplace_back(f.type, *names);
    filters.push_back(EntityQuery(f.type, *names));
  }
  if (date) {
    out.date = out.date ? Intersect({*out.date, *date}) : *date;
    filters.push_back(DateQuery(*date));
  }
  for (const auto& typed : authors) {
    auto names = resolvers.author(typed);
    if (!names.ok()) return names.status();
    out.authors.push_back(*names);
    filters.push_back(AuthorQuery(*names));
  }

  Walker(&out).Walk(q, true);
  out.has_text = !out.words.empty() || !out.phrases.empty();
  if (!filters.empty()) {
    Xapian::Query all(Xapian::Query::OP_AND, filters.begin(), filters.end());
    q = q.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all, 0.0)
                  : Xapian::Query(Xapian::Query::OP_FILTER, q, all);
  }
  out.query = q;
  return out;
}

}  // namespace nsearch::search
