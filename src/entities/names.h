// entities/names: when two spellings of a person's name are one person.
// "Mike Bloomberg", "Michael R. Bloomberg" and "Michael Rubens Bloomberg"
// share the identity "michael bloomberg": the formal given name (nickname
// table), then the surname with its particles and suffix ("de blasio",
// "vallone jr"); middle names and initials are left out.
#ifndef NSEARCH_ENTITIES_NAMES_H_
#define NSEARCH_ENTITIES_NAMES_H_

#include <string>
#include <string_view>

#include "entities/lexicon.h"

namespace nsearch::entities {

// The identity key of the person name key |key| (token keys joined by ' ').
// A one-word key is returned as it is.
std::string PersonIdentity(const Lexicon& lex, std::string_view key);

// The middle initials of a person name key, letters only: "george h.w bush"
// and "george h w bush" -> "hw", "michael r bloomberg" -> "r", "michael
// bloomberg" -> "". Two spellings of one identity with different initials
// are two people (George H.W. and George W. Bush).
std::string MiddleInitials(const Lexicon& lex, std::string_view key);

// True when |key| starts with a given name or initials ("andrew cuomo", "j
// smith", "a.r rahman", "jd vance"): a full name, not "Gov. Cuomo".
bool GivenFirst(const Lexicon& lex, std::string_view key);

// True when |a| and |b| differ by one inserted, deleted, replaced or two
// swapped adjacent bytes ("giulliani" / "giuliani"), except a final e or s
// added ("brown" / "browne": two surnames).
bool OneEditApart(std::string_view a, std::string_view b);

// "PUTIN" -> "Putin" for names only ever seen in capitals (ASCII letters;
// other scripts keep their case).
std::string TitleCase(std::string_view s);

// True when |s| has letters and none is lower-case ASCII.
bool AllCapsWord(std::string_view s);

}  // namespace nsearch::entities

#endif  // NSEARCH_ENTITIES_NAMES_H_
