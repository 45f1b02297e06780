#include "search/query.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "index/document.h"
#include "index/schema.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/stopwords.h"

namespace nsearch::search {
namespace {

// The field name the normaliser gives a word typed with a trailing '*', and
// the one phrases ("two to tango", 30-day) are handed to the parser in.
constexpr char kWildcardField[] = "nsearchwildcard";
constexpr char kPhraseField[] = "nsearchphrase";

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

// The query parser drops stop words (text/stopwords.h), unless they are
// all a query holds ("the who"); inside "phrases" they keep their places.
// The English stop words as the parser asks for them: looked up in the
// sorted list itself (text::IsStopWord), where a SimpleStopper built a set
// of the 125 in every search process (100k of a query's 8M instructions).
class EnglishStopper : public Xapian::Stopper {
 public:
  bool operator()(const std::string& word) const override { return text::IsStopWord(word); }
  std::string get_description() const override { return "nsearch::EnglishStopper()"; }
};

const Xapian::Stopper& Stopper() {
  static const EnglishStopper* stopper = new EnglishStopper;  // lives as long as the process
  return *stopper;
}

// The words the parser stemmed and the stems they got, in every language
// the query was parsed in: the stems of one typed word are one query word.
using StemLog = std::map<std::string, std::set<std::string>>;

// The query's folded words as the user wrote them (index::Stem stems
// Russian from the written word).
using Originals = std::map<std::string, std::string>;

const std::string& QueryStem(const std::string& word, const std::string& code,
                             const Originals* originals) {
  if (originals && code == "ru") {
    auto it = originals->find(word);
    if (it != originals->end()) return index::Stem(word, code, it->second);
  }
  return index::Stem(word, code);
}

// The parser's stemmer for a language: index::Stem (so a query word is
// stemmed exactly as the article's words were), noting each stem in |log|.
class LanguageStem : public Xapian::StemImplementation {
 public:
  LanguageStem(std::string code, StemLog* log, const Originals* originals)
      : code_(std::move(code)), log_(log), originals_(originals) {}
  std::string operator()(const std::string& word) override {
    const std::string& stem = QueryStem(word, code_, originals_);
    if (log_) (*log_)[word].insert(stem);
    return stem;
  }
  std::string get_description() const override { return "nsearch(" + code_ + ")"; }

 private:
  std::string code_;
  StemLog* log_;
  const Originals* originals_;
};

// State shared by the field processors of one compilation: the first error
// wins (Xapian cannot return one from a processor) and what was resolved.
struct Sink {
  Status error;
  CompiledQuery* out = nullptr;
  const Originals* originals = nullptr;
  // Every phrase the parser built, excluded ones too; the walk keeps the
  // positive ones.
  std::vector<Phrase> phrases;
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
  WildcardField(const Xapian::Database& db, bool hidden, std::string code, Sink* sink)
      : db_(db), hidden_(hidden), code_(std::move(code)), sink_(sink) {}
  Xapian::Query operator()(const std::string& prefix) override {
    if (prefix.size() < kMinWildcardPrefix) {
      sink_->Fail(
          Status::InvalidArgument("wildcard '" + prefix + "*' is too short: give at least " +
                                  std::to_string(kMinWildcardPrefix) + " letters before '*'"));
      return Xapian::Query::MatchNothing;
    }
    std::set<std::string> stems;
    size_t words = 0;
    // Russian stems come from the written (Cyrillic) word, which the
    // spelling table's folded words no longer are: the index's stems that
    // start with the prefix stand for them.
    if (code_ == "ru") return Stems(prefix, stems, words);
    auto it = db_.spellings_begin();
    for (it.skip_to(prefix); it != db_.spellings_end(); ++it) {
      const std::string word = *it;
      if (word.compare(0, prefix.size(), prefix) != 0) break;
      if (++words > kMaxWildcardWords) return TooBroad(prefix);
      stems.insert(index::Stem(word, code_));
    }
    return Stems(prefix, stems, words);
  }

 private:
  Xapian::Query Stems(const std::string& prefix, std::set<std::string>& stems, size_t words) {
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
  Xapian::Query TooBroad(const std::string& prefix) {
    sink_->Fail(Status::InvalidArgument("wildcard '" + prefix + "*' matches more than " +
                                        std::to_string(kMaxWildcardWords) +
                                        " words in the index: give more letters"));
    return Xapian::Query::MatchNothing;
  }
  const Xapian::Database& db_;
  bool hidden_;
  std::string code_;
  Sink* sink_;
};

// A phrase: its words in order, stop words among them. The index has no
// positions for stop words (text/stopwords.h), so the phrase matches its
// other words at their distances (Lucene's position gaps): "two to tango" is
// two, then tango two words on. With fewer than two such words it is the
// words anywhere in the article. The passage scorer checks the exact
// distances (CompiledQuery::phrases).
class PhraseField : public Xapian::FieldProcessor {
 public:
  PhraseField(bool hidden, std::string code, Sink* sink)
      : hidden_(hidden), code_(std::move(code)), sink_(sink) {}
  Xapian::Query operator()(const std::string& words) override {
    Phrase phrase;
    std::vector<std::string> all;
    uint32_t offset = 0;
    for (size_t i = 0; i <= words.size();) {
      size_t j = words.find('_', i);
      if (j == std::string::npos) j = words.size();
      if (j > i) {
        const std::string word = words.substr(i, j - i);
        all.push_back(QueryStem(word, code_, sink_->originals));
        if (!text::IsStopWord(word, code_)) {
          phrase.terms.push_back(all.back());
          phrase.offsets.push_back(offset);
        }
        ++offset;
      }
      i = j + 1;
    }
    phrase.length = offset;
    if (phrase.terms.size() < 2) {
      // No order to check: every word, anywhere (the stop words too).
      std::vector<Xapian::Query> each;
      for (const auto& t : all) each.push_back(Either(t));
      return Xapian::Query(Xapian::Query::OP_AND, each.begin(), each.end());
    }
    const Xapian::termcount window = phrase.offsets.back() - phrase.offsets.front() + 1;
    std::vector<Xapian::Query> text, hidden;
    for (const auto& t : phrase.terms) {
      text.emplace_back(t);
      hidden.emplace_back(std::string(index::kPrefixHidden) + t);
    }
    Xapian::Query q(Xapian::Query::OP_PHRASE, text.begin(), text.end(), window);
    if (hidden_)
      q = Xapian::Query(
          Xapian::Query::OP_OR, q,
          Xapian::Query(Xapian::Query::OP_PHRASE, hidden.begin(), hidden.end(), window));
    sink_->phrases.push_back(std::move(phrase));
    return q;
  }

 private:
  Xapian::Query Either(const std::string& stem) const {
    if (!hidden_) return Xapian::Query(stem);
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(stem),
                         Xapian::Query(std::string(index::kPrefixHidden) + stem));
  }
  bool hidden_;
  std::string code_;
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
  Walker(const Sink* sink, CompiledQuery* out) : sink_(sink), out_(out) {}

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
        if (!positive) return;
        for (const auto& p : sink_->phrases) {
          if (p.terms != stems) continue;
          if (std::find(out_->phrases.begin(), out_->phrases.end(), p) == out_->phrases.end())
            out_->phrases.push_back(p);
          return;
        }
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
  const Sink* sink_;
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

// The query with each word the index does not know replaced by the
// index's closest spelling (Xapian's spelling table: words of searchable
// text, edit distance at most two, the most frequent first), or "" when no
// word is replaced. Only unknown words are looked up, so a query of known
// words costs one term lookup per word. A word the index holds only in
// boilerplate is not unknown, and a correction keeps the word's first letter
// (as Lucene's spell checker does by default), so "soups" is not "groups".
std::string Suggestion(const Xapian::Database& db, const std::string& normalized,
                       const std::vector<std::string>& languages, const Originals& originals) {
  auto known = [&](const std::string& word) {
    for (const auto& code : languages) {
      const std::string& stem = QueryStem(word, code, &originals);
      if (db.term_exists(stem) || db.term_exists(std::string(index::kPrefixHidden) + stem))
        return true;
    }
    return false;
  };
  auto is_word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < normalized.size();) {
    if (!is_word_char(normalized[i])) {
      out.push_back(normalized[i++]);
      continue;
    }
    size_t j = i;
    while (j < normalized.size() && is_word_char(normalized[j])) ++j;
    std::string word = normalized.substr(i, j - i);
    // A field's name or value (person:..., title:...) is not a word to fix.
    const bool field =
        (j < normalized.size() && normalized[j] == ':') || (i > 0 && normalized[i - 1] == ':');
    const bool digits =
        std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!field && !digits && word.size() > 2 && !text::IsStopWord(word) && !known(word)) {
      const std::string fix = db.get_spelling_suggestion(word);
      if (!fix.empty() && fix != word && fix[0] == word[0] && known(fix)) {
        word = fix;
        changed = true;
      }
    }
    out += word;
    i = j;
  }
  if (!changed) return "";
  // Shown to the user and run as typed: wildcards as they were written.
  const std::string wild = std::string(kWildcardField) + ":";
  for (size_t at; (at = out.find(wild)) != std::string::npos;) {
    size_t end = at + wild.size();
    while (end < out.size() && out[end] != ' ' && out[end] != ')') ++end;
    out = out.substr(0, at) + out.substr(at + wild.size(), end - at - wild.size()) + "*" +
          out.substr(end);
  }
  return out;
}

// Phrases become the phrase field for the parser, one token each: "two to
// tango" -> nsearchphrase:two_to_tango, 30-day -> nsearchphrase:30_day. A quoted
// title phrase asks for every word in the title (title words have no
// positions); quoted field values (person:"...") stay as they are.
std::string PhrasesAsFields(const std::string& q) {
  auto words_of = [](std::string_view inner) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : inner) {
      if (c == ' ' || c == '-') {
        if (!cur.empty()) out.push_back(std::move(cur));
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
  };
  auto phrase = [&](const std::vector<std::string>& words) {
    std::string joined;
    // One token for the parser: folded words never hold '_'.
    for (const auto& w : words) joined += (joined.empty() ? "" : "_") + w;
    return std::string(kPhraseField) + ":" + joined;
  };
  std::string out;
  size_t i = 0;
  while (i < q.size()) {
    if (q[i] == '"') {
      size_t close = q.find('"', i + 1);
      if (close == std::string::npos) close = q.size();
      const auto words = words_of(std::string_view(q).substr(i + 1, close - i - 1));
      bool field = false;
      for (auto f : kVerbatimFields) field = field || out.ends_with(std::string(f) + ":");
      if (field) {
        out.append(q, i, close + 1 - i);
      } else if (out.ends_with("title:")) {
        out.resize(out.size() - 6);
        std::string all;
        for (const auto& w : words) all += (all.empty() ? "" : " AND ") + ("title:" + w);
        if (!all.empty()) out += "(" + all + ")";
      } else if (!words.empty()) {
        out += phrase(words);
      }
      i = close + 1;
      continue;
    }
    if (q[i] == ' ' || q[i] == '(' || q[i] == ')' ||
        ((q[i] == '+' || q[i] == '-') && (out.empty() || out.back() == ' ' || out.back() == '('))) {
      out.push_back(q[i++]);
      continue;
    }
    size_t j = i;
    while (j < q.size() && q[j] != ' ' && q[j] != '"' && q[j] != '(' && q[j] != ')') ++j;
    const std::string_view chunk(q.data() + i, j - i);
    if (chunk.find('-') != std::string_view::npos && chunk.find(':') == std::string_view::npos) {
      out += phrase(words_of(chunk));
    } else {
      out.append(chunk);
    }
    i = j;
  }
  return out;
}

// Parses |normalized| with the stemmer and stop words of the language
// |code|, noting the stems in |log| when given. Field processors report to
// |sink|; the notes and what was resolved go to |out|.
Xapian::Query ParseIn(const Xapian::Database& db, const std::string& normalized,
                      const std::string& code, StemLog* log, const FieldResolvers& resolvers,
                      const CompileOptions& options, Sink* sink, CompiledQuery* out) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  if (code == text::kDefaultLanguage && !log)
    qp.set_stemmer(Xapian::Stem("english"));
  else
    qp.set_stemmer(Xapian::Stem(new LanguageStem(code, log, sink->originals)));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  qp.set_stopper(&Stopper());
  qp.set_default_op(options.default_and ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
  qp.add_prefix("", "");
  if (options.include_boilerplate) qp.add_prefix("", std::string(index::kPrefixHidden));
  qp.add_prefix("title", std::string(index::kPrefixTitle));
  EntityField person(EntityType::kPerson, resolvers, sink);
  EntityField place(EntityType::kPlace, resolvers, sink);
  EntityField org(EntityType::kOrg, resolvers, sink);
  AuthorField author(resolvers, sink);
  DateField date_field(sink);
  WildcardField wildcard(db, options.include_boilerplate, code, sink);
  PhraseField phrase(options.include_boilerplate, code, sink);
  qp.add_boolean_prefix("person", &person);
  qp.add_boolean_prefix("place", &place);
  qp.add_boolean_prefix("org", &org);
  qp.add_boolean_prefix("author", &author);
  qp.add_boolean_prefix("date", &date_field);
  qp.add_prefix(kWildcardField, &wildcard);
  qp.add_prefix(kPhraseField, &phrase);

  unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                   Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;
  if (!options.exact) flags |= Xapian::QueryParser::FLAG_AUTO_SYNONYMS;
  Xapian::Query q;
  try {
    q = qp.parse_query(normalized, flags);
  } catch (const Xapian::QueryParserError&) {
    // A stray operator ("ceasefire AND", "OR NOT"): the plain words.
    const std::string words = PlainWords(normalized);
    out->notes.push_back(words.empty() ? "the query holds only operators: nothing to search for"
                                       : "ignored the query syntax (a stray operator): searched " +
                                             std::string("the words ") + words);
    // Field processors may have run before the error; the words alone run now.
    out->resolved.clear();
    out->entity_names.clear();
    out->authors.clear();
    out->date.reset();
    try {
      q = words.empty() ? Xapian::Query() : qp.parse_query(words, flags);
    } catch (const Xapian::QueryParserError&) {
      q = Xapian::Query();
    }
  }
  return q;
}

// The query words that are one typed word's stems in several languages
// become one word (for passages and highlighting).
void MergeVariants(const StemLog& log, std::vector<QueryWord>* words) {
  auto holds = [](const QueryWord& w, const std::set<std::string>& stems) {
    return std::any_of(w.terms.begin(), w.terms.end(),
                       [&](const std::string& t) { return stems.count(t) != 0; });
  };
  for (const auto& [word, stems] : log) {
    if (stems.size() < 2) continue;
    QueryWord* first = nullptr;
    for (auto it = words->begin(); it != words->end();) {
      if (!holds(*it, stems)) {
        ++it;
        continue;
      }
      if (!first) {
        first = &*it;
        ++it;
        continue;
      }
      for (auto& t : it->terms)
        if (std::find(first->terms.begin(), first->terms.end(), t) == first->terms.end())
          first->terms.push_back(std::move(t));
      const size_t at = static_cast<size_t>(first - words->data());
      it = words->erase(it);
      first = words->data() + at;
    }
  }
}

// True when every article |q| matches holds at least one of its terms, so
// that an article holding none of them cannot match (false when unsure:
// match-all, value ranges, posting sources, unexpanded wildcards).
bool NeedsATerm(const Xapian::Query& q) {
  using Q = Xapian::Query;
  const auto sub = [&](size_t i) { return NeedsATerm(q.get_subquery(i)); };
  const size_t n = q.get_num_subqueries();
  switch (q.get_type()) {
    case Q::LEAF_TERM:
      return q.get_terms_begin() != q.get_terms_end() && !(*q.get_terms_begin()).empty();
    case Q::LEAF_MATCH_NOTHING:
      return true;
    case Q::OP_OR:
    case Q::OP_XOR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_ELITE_SET:
      for (size_t i = 0; i < n; ++i)
        if (!sub(i)) return false;
      return true;
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_PHRASE:
    case Q::OP_NEAR:
      for (size_t i = 0; i < n; ++i)
        if (sub(i)) return true;
      return false;
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
      return n > 0 && sub(0);
    default:
      return false;
  }
}

// When the articles outside the index's largest language are at most this
// many, they are listed for each query: each query's branches are checked
// against them (Holders) and each hit's language is known without a read.
constexpr Xapian::doccount kFewArticles = 16;

struct LanguageArticles {
  std::optional<std::string> usual;  // the largest language, when the rest are few
  std::map<std::string, std::vector<Xapian::docid>> articles;  // the rest's, sorted
};

// |counts|: index::IndexLanguageCounts.
LanguageArticles FewLanguageArticles(
    const Xapian::Database& db,
    const std::vector<std::pair<std::string, Xapian::doccount>>& counts) {
  LanguageArticles out;
  if (counts.empty()) return out;
  const auto usual =
      std::max_element(counts.begin(), counts.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  Xapian::doccount rest = 0;
  for (auto it = counts.begin(); it != counts.end(); ++it)
    if (it != usual) rest += it->second;
  if (rest > kFewArticles) return out;
  out.usual = usual->first;
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it == usual) continue;
    const std::string term = index::LanguageTerm(it->first);
    auto& docs = out.articles[it->first];
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) docs.push_back(*p);
  }
  return out;
}

// The articles of the languages |codes|, when FewLanguageArticles listed
// them all.
std::optional<std::vector<Xapian::docid>> FewArticlesIn(const LanguageArticles& few,
                                                        const std::vector<std::string>& codes) {
  std::vector<Xapian::docid> out;
  for (const auto& code : codes) {
    auto it = few.articles.find(code);
    if (it == few.articles.end()) return std::nullopt;  // the largest, or not listed
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The articles of |docs| (sorted) that hold one of |q|'s terms, sorted:
// each term's posting list skipped to them, a few chunks read (an article's
// term list is longer to read than the postings of a query's few terms).
std::vector<Xapian::docid> Holders(const Xapian::Database& db,
                                   const std::vector<Xapian::docid>& docs, const Xapian::Query& q) {
  std::set<Xapian::docid> out;
  for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
    const std::string term = *t;
    auto p = db.postlist_begin(term);
    for (Xapian::docid did : docs) {
      p.skip_to(did);
      if (p == db.postlist_end(term)) break;
      if (*p == did) out.insert(did);
    }
  }
  return {out.begin(), out.end()};
}

// Whether |a| and the sorted |b| share an article.
bool Meet(const std::vector<Xapian::docid>& a, const std::vector<Xapian::docid>& b) {
  for (Xapian::docid did : a)
    if (std::binary_search(b.begin(), b.end(), did)) return true;
  return false;
}

}  // namespace

Xapian::Query EntityQuery(EntityType type, const std::vector<std::string>& names) {
  std::vector<Xapian::Query> terms;
  for (const auto& n : names) terms.emplace_back(index::EntityTerm(type, n));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

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
        // title:"two words": the quote follows.
        if (!words.empty() || (len == chunk.size() && i < raw.size() && raw[i] == '"'))
          out += "title:" + words;
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
  if (normalized.find_first_not_of(" \"()+-") == std::string::npos &&
      raw.find_first_not_of(" \t\r\n") != std::string_view::npos && extra_filters.empty() &&
      !date && authors.empty())
    out.notes.push_back("the query holds no words (only symbols): nothing to search for");
  const std::string typed = normalized;  // before the parser's own fields
  normalized = PhrasesAsFields(OnlyExclusionsAsNot(normalized));

  // An index of one language parses the query once with its stemmer (an
  // English index exactly as before languages); an index of several parses
  // it once per language, each parse kept to that language's articles, so
  // every article meets the query stemmed as its own words were.
  const auto counts = index::IndexLanguageCounts(db);
  const LanguageArticles few_articles = FewLanguageArticles(db, counts);
  if (few_articles.usual) {
    out.usual_language = *few_articles.usual;
    for (const auto& [code, docs] : few_articles.articles)
      for (Xapian::docid did : docs) out.language_exceptions.emplace_back(did, code);
    std::sort(out.language_exceptions.begin(), out.language_exceptions.end());
  }
  std::vector<std::string> languages;
  for (const auto& [code, articles] : counts) languages.push_back(code);
  if (languages.empty()) languages.emplace_back(text::kDefaultLanguage);
  std::stable_partition(languages.begin(), languages.end(),
                        [](const std::string& c) { return c == text::kDefaultLanguage; });
  StemLog log;
  Originals originals;
  for (const auto& t : text::Tokenize(raw))
    originals.emplace(t.term, std::string(index::Original(raw, t)));
  sink.originals = &originals;
  Xapian::Query q = ParseIn(db, normalized, languages[0], languages.size() > 1 ? &log : nullptr,
                            resolvers, options, &sink, &out);
  if (!sink.error.ok()) return sink.error;
  Walker(&sink, &out).Walk(q, true);
  if (languages.size() > 1 && (!out.words.empty() || !out.phrases.empty())) {
    // Languages whose parse is the same query share one branch: most
    // words stem alike in most languages, and a query that does in all of
    // them needs no language filter at all (every article holds exactly
    // one language term), which keeps a many-language index as fast as a
    // one-language one. The first language's branch takes every article
    // not in another branch, so it is filtered by the (few) others.
    struct Branch {
      Xapian::Query query;
      std::string description;
      std::vector<std::string> languages;
    };
    std::vector<Branch> branches{{q, q.get_description(), {languages[0]}}};
    for (size_t i = 1; i < languages.size(); ++i) {
      // Names, dates and notes come from the first parse; the others are
      // the same.
      CompiledQuery scratch;
      Sink other;
      other.out = &scratch;
      other.originals = &originals;
      Xapian::Query ql =
          ParseIn(db, normalized, languages[i], &log, resolvers, options, &other, &scratch);
      if (!other.error.ok()) return other.error;
      if (ql.empty()) continue;
      Walker(&other, &out).Walk(ql, true);
      const std::string description = ql.get_description();
      auto same = std::find_if(branches.begin(), branches.end(),
                               [&](const Branch& b) { return b.description == description; });
      if (same != branches.end()) {
        same->languages.push_back(languages[i]);
      } else {
        branches.push_back({ql, description, {languages[i]}});
      }
    }
    if (branches.size() > 1) {
      auto terms = [](const std::vector<std::string>& codes) {
        std::vector<Xapian::Query> out;
        for (const auto& code : codes) out.emplace_back(index::LanguageTerm(code));
        return Xapian::Query(Xapian::Query::OP_OR, out.begin(), out.end());
      };
      // A language of a few articles (a French letter among English news)
      // would otherwise tax every query: a branch whose articles hold none
      // of its terms matches nothing and is left out, and the first branch
      // excludes only the languages whose articles hold one of its terms.
      // The same articles match with the same weights (BM25 weighs each
      // term alone).
      std::vector<std::string> others;
      std::vector<Xapian::Query> each{branches[0].query};
      const bool first_needs_a_term = NeedsATerm(branches[0].query);
      // The listed articles holding one of the first branch's terms, read
      // once for all the branches.
      std::optional<std::vector<Xapian::docid>> first_holders;
      for (size_t b = 1; b < branches.size(); ++b) {
        const auto few = FewArticlesIn(few_articles, branches[b].languages);
        if (few && first_needs_a_term && !first_holders) {
          std::vector<Xapian::docid> listed;
          for (const auto& [code, docs] : few_articles.articles)
            listed.insert(listed.end(), docs.begin(), docs.end());
          std::sort(listed.begin(), listed.end());
          first_holders = Holders(db, listed, branches[0].query);
        }
        if (!few || !first_needs_a_term || Meet(*few, *first_holders))
          others.insert(others.end(), branches[b].languages.begin(), branches[b].languages.end());
        if (!few || !NeedsATerm(branches[b].query) || !Holders(db, *few, branches[b].query).empty())
          each.emplace_back(Xapian::Query::OP_FILTER, branches[b].query,
                            terms(branches[b].languages));
      }
      if (!others.empty())
        each[0] = Xapian::Query(Xapian::Query::OP_AND_NOT, each[0], terms(others));
      q = each.size() == 1 ? each[0]
                           : Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end());
    }
    MergeVariants(log, &out.words);
  }
  if (!options.exact && options.suggest)
    out.suggestion = Suggestion(db, typed, languages, originals);

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

  out.has_text = !out.words.empty() || !out.phrases.empty();
  if (!filters.empty()) {
    Xapian::Query all(Xapian::Query::OP_AND, filters.begin(), filters.end());
    q = q.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all, 0.0)
                  : Xapian::Query(Xapian::Query::OP_FILTER, q, all);
  }
  out.query = q;
  return out;
}

std::string_view KnownLanguage(const CompiledQuery& q, Xapian::docid did) {
  if (q.usual_language.empty()) return {};
  const auto& ex = q.language_exceptions;
  auto it = std::lower_bound(ex.begin(), ex.end(), did,
                             [](const auto& e, Xapian::docid d) { return e.first < d; });
  if (it != ex.end() && it->first == did) return it->second;
  return q.usual_language;
}

}  // namespace nsearch::search
