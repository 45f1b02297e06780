// segment/boilerplate_lexicon: the small word lists the boilerplate classifier
// reads — stop words of a few major languages (for the jusText stop-word
// density and for telling a paragraph's language), the vocabulary of web and
// Usenet furniture (comment, subscribe, cookie...), teaser cues ("read more",
// "veja") and the words a site uses to address its reader ("our", "you").
// All entries are Fold()ed: lower case, no accents.
#ifndef NSEARCH_SEGMENT_BOILERPLATE_LEXICON_H_
#define NSEARCH_SEGMENT_BOILERPLATE_LEXICON_H_

#include <cstdint>
#include <string_view>

namespace nsearch::segment::lexicon {

enum Lang : int { kEnglish, kPortuguese, kSpanish, kFrench, kGerman, kLangCount };

std::string_view LangName(int lang);  // "en", "pt"...

// Bit flags of one folded word.
enum WordFlag : uint16_t {
  kStopMask = (1u << kLangCount) - 1,  // bit |lang| set: a stop word of lang
  kUiStrong = 1u << 8,                 // rarely anything but site furniture: "subscribe"
  kUiWeak = 1u << 9,                   // furniture in a short line, prose elsewhere: "share"
  kTeaserCue = 1u << 10,               // leads a teaser link: "veja", "read", "also"
  kSiteVoice = 1u << 11,               // a site talking to its reader: "our", "you"
  kSignOff = 1u << 12,                 // greetings and sign-offs of letters and posts
  kNetwork = 1u << 13,                 // a social network's name: furniture or news topic
};

// Flags of a Fold()ed word; 0 for a word in no list.
uint16_t Flags(std::string_view folded);

// True for two-word furniture phrases ("sign up", "read more", "leia mais"),
// which count as one strong UI hit.
bool IsUiPhrase(std::string_view first, std::string_view second);

}  // namespace nsearch::segment::lexicon

#endif  // NSEARCH_SEGMENT_BOILERPLATE_LEXICON_H_
