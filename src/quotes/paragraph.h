// quotes/paragraph: one body paragraph read for attribution — its tokens,
// where the article's persons are named in it (outside the quotations),
// and the small grammar the rules need: speech verbs, the subject before a
// verb, a sentence's subject. Internal to quotes/.
#ifndef NSEARCH_QUOTES_PARAGRAPH_H_
#define NSEARCH_QUOTES_PARAGRAPH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/article.h"
#include "quotes/tokens.h"

namespace nsearch::quotes {

// The article's persons with the token sequences of every way it wrote
// them (canonical name and surface forms).
class PersonNames {
 public:
  explicit PersonNames(const std::vector<Entity>& entities);
  bool empty() const { return persons_.empty(); }
  const std::string& name(int person) const { return persons_[person].name; }
  // The longest person name starting at token |i| (words and dots only,
  // never across a quotation): the person and how many tokens it covers,
  // or -1.
  int Match(const std::vector<Token>& tokens, size_t i, size_t* length) const;

 private:
  struct Person {
    std::string name;
    std::vector<std::vector<std::string>> forms;
  };
  std::vector<Person> persons_;
};

// Who a rule found: a named person, someone the text does not name ("a
// spokesman said", a pronoun with nobody to stand for), or no attribution
// at all.
struct Who {
  enum Kind { kNone, kNamed, kUnknown } kind = kNone;
  int person = -1;
  static Who Named(int p) { return {kNamed, p}; }
  static Who Unknown() { return {kUnknown, -1}; }
};

struct Mention {
  size_t first = 0, last = 0;  // tokens [first, last)
  int person = -1;
};

class ParagraphView {
 public:
  ParagraphView(const Paragraph& p, const PersonNames& names);

  const Paragraph& paragraph() const { return *p_; }
  const std::vector<Span>& spans() const { return spans_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Mention>& mentions() const { return mentions_; }
  // The token index of span |s|'s kQuote token.
  size_t QuoteToken(int s) const { return quote_token_[s]; }
  // The first token of the sentence holding token |i|.
  size_t SentenceStart(size_t i) const { return sentence_start_[i]; }
  // One past the last token of the sentence holding token |i|.
  size_t SentenceEnd(size_t i) const;

  // The mention starting / ending (last token) at token |i|, or nullptr.
  const Mention* StartingAt(size_t i) const;
  const Mention* EndingAt(size_t i) const;
  // A mention that can be the subject of a verb: not "Trump’s", not "for
  // Senator Thune", not "Trump-Putin", not "Trump and Putin".
  bool CanBeSubject(const Mention& m) const;
  // Any person named in tokens [from, to).
  bool NamesSomeone(size_t from, size_t to) const;
  // Any person but |person| named as a possible subject in [from, to).
  bool NamesAnotherSubject(size_t from, size_t to, int person) const;

  bool IsSpeechVerb(size_t i) const;
  bool IsPronoun(size_t i) const;  // he, she
  // A word that may stand between a subject and its verb ("has", "also",
  // "on Friday").
  bool IsGapWord(size_t i) const;
  bool IsPunct(size_t i, std::string_view p) const;
  // "after", "when", "while"...: a word that starts a clause.
  bool IsSubordinator(size_t i) const;
  // A noun for someone unnamed who may speak ("spokesman", "police").
  bool IsRoleNoun(size_t i) const;

  // The subject of the speech verb at |verb|, looking back no further than
  // |from|: a person (through an appositive or a parenthesis), a pronoun
  // (*pronoun set, Who::kNone returned), someone unnamed, or kNone when
  // nothing precedes the verb.
  Who SubjectBefore(size_t verb, size_t from, size_t* pronoun) const;
  // The person the sentence starting at |start| is about: the first one
  // named, as a possible subject, within its first words (before |limit|);
  // kNone when there is none. *pronoun_start tells a sentence that starts
  // with he or she.
  Who SentenceSubject(size_t start, size_t limit, bool* pronoun_start) const;

 private:
  // Token |i| is a listed word of one of |classes| (paragraph.cc).
  bool Is(size_t i, uint16_t classes) const {
    return i < classes_.size() && (classes_[i] & classes);
  }
  // SentenceSubject from token |i|: titles and leading words, then a name.
  Who SubjectAt(size_t i, size_t stop, bool* pronoun_start) const;

  const Paragraph* p_;
  std::vector<Span> spans_;
  std::vector<Token> tokens_;
  std::vector<Mention> mentions_;
  std::vector<uint16_t> classes_;       // per token: WordClass bits
  std::vector<int> starting_, ending_;  // per token: mention index or -1
  std::vector<size_t> quote_token_;
  std::vector<size_t> sentence_start_;
};

}  // namespace nsearch::quotes

#endif  // NSEARCH_QUOTES_PARAGRAPH_H_
