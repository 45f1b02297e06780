// entities/cues: the words around a capitalised run that say what it names,
// read from one paragraph's tokens. Shared by the paragraph scan (scan.cc)
// and the bundle's first pass.
#ifndef NSEARCH_ENTITIES_CUES_H_
#define NSEARCH_ENTITIES_CUES_H_

#include <string_view>
#include <vector>

#include "entities/lexicon.h"
#include "entities/tokenizer.h"

namespace nsearch::entities {

// Local evidence that the run [b, e) of |t| is a person: "X Y said", "said X
// Y", "Mr. X", "actor X Y", "X's wife", "X Y, who", "X Y, a spokesman for",
// a speaker after a closing quote, "John Smith, 45,", "Pete Sampras (U.S.)",
// cricket cards ("c Smith").
bool ContextPerson(const Lexicon& lex, const std::vector<Token>& t, int b, int e);

// Per token of |t| (a tokenisation of |text|): true inside a web address, an
// e-mail address or a phone number ("WWW.EXAMPLE.COM", "tips@example.org",
// "1-800-555-TIPS") and for a code in brackets right after a number
// ("274637 (CRIMES)"). Such tokens are never names.
std::vector<bool> AddressTokens(std::string_view text, const std::vector<Token>& t);

enum class Cue { kNone, kPerson, kOrg };

// For a one-word name that is both a company and a surname ("Bloomberg",
// "Ford"): kPerson for "Mr. X", "X's wife", "X's administration", "the X
// administration", "X, who"; kOrg for a news-agency or company phrase
// ("according to X", "via X", "X reports", "a X reporter", "X shares"; for
// a one-word name also "told X"); kNone otherwise ("X said" fits both). A
// title before the name ("Mayor X") is read by the caller.
Cue PersonOrOrgCue(const Lexicon& lex, const std::vector<Token>& t, int b, int e);

// True when the words around [b, e) make any name a company, even one shaped
// like a person's: "an analyst at Merrill Lynch", "shares of Philip Morris",
// "Robert Baird & Co".
bool CompanyContext(const Lexicon& lex, const std::vector<Token>& t, int b, int e);

// True for a one-word lexicon organisation that may also be a person's
// surname: written with an initial capital only, no digits, no hyphen.
bool SurnameShaped(const Token& t);

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_CUES_H_
