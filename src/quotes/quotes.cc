#include "quotes/quotes.h"

#include <string>

#include "quotes/paragraph.h"

namespace nsearch::quotes {
namespace {

constexpr size_t kNone = std::string::npos;

// One pass over an article's body paragraphs, in order, keeping track of
// the person the text is about (the "focus": who "he" and "she" are).
class Attributor {
 public:
  explicit Attributor(const Article& a) : names_(a.entities) {}

  std::vector<Quote> Run(const Article& a) {
    std::vector<Quote> out;
    for (const Paragraph& p : a.paragraphs) {
      if (p.kind == ParagraphKind::kHeading) {
        ++paragraph_;  // a new section: "he" no longer reaches back
        open_quote_ = false;
        trailing_ = {};
      }
      if (p.kind != ParagraphKind::kBody) continue;
      ++paragraph_;
      ParagraphView v(p, names_);
      const std::vector<Who> who = Attribute(v);
      for (size_t s = 0; s < v.spans().size(); ++s) {
        const Span& span = v.spans()[s];
        if (span.words < kMinQuoteWords || span.title()) continue;
        Quote q;
        if (who[s].kind == Who::kNamed) q.speaker = names_.name(who[s].person);
        q.text = p.text.substr(span.begin, span.end - span.begin);
        q.paragraph = p.n;
        q.begin = span.begin;
        q.end = span.end;
        out.push_back(std::move(q));
      }
    }
    return out;
  }

 private:
  std::vector<Who> Attribute(const ParagraphView& v) {
    const auto& tokens = v.tokens();
    std::vector<Who> who(v.spans().size());
    for (size_t s = 0; s < tokens.size();) {
      const size_t e = v.SentenceEnd(s);
      for (size_t q = s; q < e; ++q)
        if (tokens[q].kind == TokenKind::kQuote && !v.spans()[tokens[q].span].title())
          who[tokens[q].span] = Combine(Pre(v, q), Post(v, q));
      UpdateFocus(v, s, e, who);
      s = e;
    }
    Continue(v, &who);
    // What the next paragraph may inherit.
    open_quote_ = !v.spans().empty() && !v.spans().back().closed;
    last_ = who.empty() ? Who{} : who.back();
    trailing_ =
        !tokens.empty() && v.IsPunct(tokens.size() - 1, ":") ? Pre(v, tokens.size()) : Who{};
    return who;
  }

  // Quotes with no attribution of their own: the next quotes of the same
  // speaker in a paragraph ("A," Trump said. "B."), a quote running on from
  // the paragraph before, or one introduced at its end ("He said:").
  void Continue(const ParagraphView& v, std::vector<Who>* who) {
    for (size_t s = 0; s < who->size(); ++s) {
      if ((*who)[s].kind != Who::kNone || v.spans()[s].title()) continue;
      const size_t q = v.QuoteToken(static_cast<int>(s));
      if (s == 0 && q == 0) {
        (*who)[s] = open_quote_ ? last_ : trailing_;
        if ((*who)[s].kind == Who::kNamed) focus_ = {(*who)[s], paragraph_};
        continue;
      }
      // Only a quote that starts its sentence, follows the attribution
      // ("...,” he said, “...") or shares the sentence of the last one goes
      // on: "... Additionally, residents should “make noise”" is someone
      // else's instruction.
      const bool opens = q == v.SentenceStart(q) || v.IsPunct(q - 1, ",") || v.IsPunct(q - 1, ":");
      for (size_t r = s; r-- > 0;) {
        const Who& prev = (*who)[r];
        if (prev.kind == Who::kNone || v.spans()[r].title()) continue;
        const size_t p = v.QuoteToken(static_cast<int>(r));
        const bool same_sentence = v.SentenceStart(p) == v.SentenceStart(q);
        if (prev.kind == Who::kNamed && (opens || same_sentence) &&
            !v.NamesAnotherSubject(p + 1, q, prev.person))
          (*who)[s] = prev;
        break;
      }
    }
  }

  static Who Combine(const Who& pre, const Who& post) {
    if (pre.kind == Who::kNone) return post;
    if (post.kind == Who::kNone) return pre;
    if (pre.kind == Who::kNamed && post.kind == Who::kNamed && pre.person == post.person)
      return pre;
    return Who::Unknown();  // two attributions that disagree
  }

  // "he" or "she" at token |at|: the sentence's own subject, else the focus
  // if it is recent (this paragraph or the one before).
  Who Pronoun(const ParagraphView& v, size_t at) const {
    bool pronoun_start = false;
    const size_t start = v.SentenceStart(at);
    Who s = v.SentenceSubject(start, at, &pronoun_start);
    if (s.kind == Who::kNamed) return s;
    // "We spoke to that man, Ramiro Ocasio, ...: “...,” he told us": the one
    // person the sentence names.
    int only = -1;
    for (const Mention& m : v.mentions()) {
      if (m.first < start || m.first >= at || m.person == only ||
          (m.last < v.tokens().size() && v.tokens()[m.last].kind == TokenKind::kPossessive))
        continue;
      if (only >= 0) return Who::Unknown();
      only = m.person;
    }
    if (only >= 0) return Who::Named(only);
    if (focus_.who.kind == Who::kNamed && paragraph_ - focus_.paragraph <= 1) return focus_.who;
    return Who::Unknown();
  }

  // The sentence's subject, for a participle after a comma ("X posted on
  // X, saying:") or a colon that introduces the quote ("Ocasio agrees:"):
  // none when someone else is named between it and |verb|.
  Who SubjectOfSentence(const ParagraphView& v, size_t sentence, size_t verb) const {
    bool pronoun_start = false;
    Who s = v.SentenceSubject(sentence, verb, &pronoun_start);
    if (pronoun_start) s = Pronoun(v, sentence);
    if (s.kind != Who::kNamed) return Who::Unknown();
    const auto& t = v.tokens();
    for (const Mention& m : v.mentions()) {
      if (m.first < sentence || m.first >= verb || m.person == s.person) continue;
      // "... after Lena Dunham took it to task, calling it": the clause's own
      // subject.
      const bool clause_subject = m.first > sentence && t[m.first - 1].kind == TokenKind::kWord &&
                                  v.IsSubordinator(m.first - 1) && m.last < t.size() &&
                                  t[m.last].kind == TokenKind::kWord && !t[m.last].capitalised;
      if (clause_subject)
        s = Who::Named(m.person);
      else if (v.CanBeSubject(m))
        return Who::Unknown();  // someone else may be speaking
    }
    return s;
  }

  // Attribution before the quote at token |q| (or before the paragraph's
  // end when q is the token count): "Lavrov said: ...".
  Who Pre(const ParagraphView& v, size_t q) const {
    const auto& t = v.tokens();
    if (q == 0) return {};
    const size_t s0 = v.SentenceStart(q == t.size() ? q - 1 : q);
    size_t from = s0;
    for (size_t j = q; j > s0; --j)
      if (t[j - 1].kind == TokenKind::kQuote) {
        from = j;
        break;
      }
    int words = 0;
    for (size_t j = q; j > from && words <= 10; --j) {
      const size_t i = j - 1;
      if (t[i].kind == TokenKind::kWord) ++words;
      // "... when Armstrong texted him (they were away) was feeling sad, “..."
      if (v.IsPunct(i, ")")) break;
      if (!v.IsSpeechVerb(i)) continue;
      if (v.NamesSomeone(i + 1, q)) return Inverted(v, i, q);
      if (t[i].lower.ends_with("ing") && i > 0 && v.IsPunct(i - 1, ","))
        return SubjectOfSentence(v, s0, i);
      size_t pronoun = kNone;
      Who w = v.SubjectBefore(i, s0, &pronoun);
      if (pronoun != kNone) return Pronoun(v, pronoun);
      return w;
    }
    // No verb: "Ocasio agrees with Greenfield that ...: “...”".
    if (q < t.size() && q > from && v.IsPunct(q - 1, ":")) {
      Who s = SubjectOfSentence(v, s0, q);
      return s.kind == Who::kNamed ? s : Who{};
    }
    return {};
  }

  // "said Maria Snegovaya: ..." — the name right after the verb, then only
  // punctuation before the quote.
  static Who Inverted(const ParagraphView& v, size_t verb, size_t q) {
    for (size_t j = verb + 1; j < q && j < verb + 5; ++j) {
      const Mention* m = v.StartingAt(j);
      if (!m) continue;
      for (size_t k = m->last; k < q; ++k)
        if (!v.IsPunct(k, ",") && !v.IsPunct(k, ":")) return {};
      return Who::Named(m->person);
    }
    return {};
  }

  // Attribution after the quote at token |q|: ", Lavrov said", ", said
  // Maria Snegovaya", ", he added", ", according to X".
  Who Post(const ParagraphView& v, size_t q) const {
    const auto& t = v.tokens();
    const Span& span = v.spans()[t[q].span];
    if (q + 1 >= t.size()) return {};
    const bool ended = span.last == '.' || span.last == '?' || span.last == '!';
    size_t end = v.SentenceEnd(q + 1);
    for (size_t k = q + 1; k < end; ++k)
      if (t[k].kind == TokenKind::kQuote) {
        // "...” Putin said: “..." and "...peace.” He added, “..." introduce
        // the next quote, not this one.
        // A quote that ended its sentence takes no attribution that runs
        // on into another quote ("...” Christie responded by citing “...").
        if (v.IsPunct(k - 1, ":") || ended) return {};
        end = k;
        break;
      }
    size_t i = q + 1;
    while (i < end && v.IsPunct(i, ",")) ++i;
    if (i >= end) return {};
    // A quote that ended its sentence ('.') or a phrase quoted inside one
    // takes only an attribution that follows at once and is short.
    const bool strict = span.last == '.' || span.last == 0;
    if (strict) {
      int words = 0;
      for (size_t k = i; k < end; ++k) {
        if (t[k].lower == "that" || v.IsPunct(k, ":")) return {};
        words += t[k].kind == TokenKind::kWord;
      }
      if (words > (span.last == '.' ? 5 : 12)) return {};
    }
    if (v.IsPronoun(i)) {
      size_t j = i + 1;
      while (j < end && j < i + 3 && v.IsGapWord(j)) ++j;
      return v.IsSpeechVerb(j) ? Pronoun(v, i) : Who{};
    }
    if (v.IsSpeechVerb(i) || (t[i].lower == "according" && i + 1 < end && t[i + 1].lower == "to")) {
      const size_t first = v.IsSpeechVerb(i) ? i + 1 : i + 2;
      if (v.IsPronoun(first)) return Pronoun(v, first);
      for (size_t j = first; j < end && j < first + 8; ++j) {  // "said ... Manager X"
        if (const Mention* m = v.StartingAt(j))
          return m->last < t.size() && t[m->last].kind == TokenKind::kPossessive
                     ? Who::Unknown()
                     : Who::Named(m->person);
      }
      return Who::Unknown();
    }
    const size_t limit = strict ? 2 : 6;
    for (size_t j = i; j < end && j <= i + limit; ++j) {
      if (v.IsSpeechVerb(j)) return Who::Unknown();  // "the mayor said"
      const Mention* m = v.StartingAt(j);
      if (!m) continue;
      if (!v.CanBeSubject(*m)) {
        j = m->last - 1;
        continue;
      }
      return VerbAfter(v, m->last, end) ? Who::Named(m->person) : Who{};
    }
    return {};
  }

  // A speech verb after a name ending before token |k|: at once, after a
  // few words ("on Friday"), a parenthesis or an appositive.
  static bool VerbAfter(const ParagraphView& v, size_t k, size_t end) {
    auto skip_gap = [&] {
      for (int n = 0; k < end && n < 4 && v.IsGapWord(k); ++n) ++k;
    };
    skip_gap();
    if (v.IsPunct(k, "(")) {
      while (k < end && !v.IsPunct(k, ")")) ++k;
      ++k;
      skip_gap();
    }
    if (v.IsSpeechVerb(k)) return true;
    if (!v.IsPunct(k, ",")) return false;
    for (size_t c = k + 1; c < end && c < k + 45; ++c) {
      if (!v.IsPunct(c, ",")) continue;
      k = c + 1;
      skip_gap();
      if (v.IsSpeechVerb(k)) return true;
    }
    return false;
  }

  // After each sentence: who the text is now about.
  void UpdateFocus(const ParagraphView& v, size_t s, size_t e, const std::vector<Who>& who) {
    const auto& t = v.tokens();
    Who named;
    bool unknown = false;
    for (size_t i = s; i < e; ++i) {
      if (t[i].kind != TokenKind::kQuote) continue;
      const Who& w = who[t[i].span];
      if (w.kind == Who::kNamed) named = w;
      unknown = unknown || w.kind == Who::kUnknown;
    }
    if (named.kind == Who::kNamed || unknown) {
      focus_ = {named.kind == Who::kNamed ? named : Who::Unknown(), paragraph_};
      return;
    }
    bool pronoun_start = false;
    if (Who subject = v.SentenceSubject(s, e, &pronoun_start); subject.kind == Who::kNamed) {
      focus_ = {subject, paragraph_};
      return;
    }
    if (pronoun_start) {
      if (paragraph_ - focus_.paragraph <= 1) focus_.paragraph = paragraph_;
      return;
    }
    // "The spokesperson said ...": someone unnamed now has the floor.
    for (size_t i = s; i < e; ++i) {
      if (!v.IsSpeechVerb(i)) continue;
      size_t k = i;
      while (k > s && v.IsGapWord(k - 1)) --k;
      if (k > s && v.IsRoleNoun(k - 1)) focus_ = {Who::Unknown(), paragraph_};
      break;
    }
  }

  struct Focus {
    Who who;
    int paragraph = -100;
  };

  PersonNames names_;
  Focus focus_;
  int paragraph_ = 0;        // body and heading paragraphs seen
  bool open_quote_ = false;  // the last paragraph ended inside a quote
  Who last_;                 // who said the last paragraph's last quote
  Who trailing_;             // the last paragraph ended "X said:"
};

}  // namespace

std::vector<Quote> FindQuotes(const Article& article) { return Attributor(article).Run(article); }

}  // namespace nsearch::quotes
