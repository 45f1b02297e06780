// segment/boilerplate_features: what the boilerplate classifier measures on
// one paragraph, on its own (no context): length and sentence shape,
// stop-word hits per language, UI vocabulary, contact details, social
// counters, Usenet quoting and teaser shape.
#ifndef NSEARCH_SEGMENT_BOILERPLATE_FEATURES_H_
#define NSEARCH_SEGMENT_BOILERPLATE_FEATURES_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "segment/boilerplate_lexicon.h"

namespace nsearch::segment {

struct ParagraphFeatures {
  int chars = 0;                                // code points
  int words = 0;                                // word tokens
  int alpha_words = 0;                          // tokens with at least one letter
  int content_words = 0;                        // alpha tokens in no stop list
  std::array<int, lexicon::kLangCount> stop{};  // stop-word hits per language
  int ui_strong = 0;                            // strong furniture words and phrases
  int ui_weak = 0;                              // weak furniture words
  int ui_network = 0;                           // social network names (counted in ui_strong too)
  int ui_distinct = 0;                          // distinct furniture words (strong or weak)
  int site_voice = 0;                           // "our", "you", "nous"...
  int sign_off = 0;                             // content words of greetings: "thanks", "regards"
  int capitalized = 0;                          // content words starting with an upper-case letter
  int contacts = 0;                             // e-mail addresses, URLs, phone numbers
  int separators = 0;                           // menu separators: | • » › ·
  bool ends_sentence = false;
  bool has_quotes = false;       // a double quotation mark: someone is quoted
  bool symbols_only = false;     // no letter or digit at all
  bool quote = false;            // "> quoted reply"
  bool attribution = false;      // "In article <...> X writes:", "X wrote:"
  bool sig_separator = false;    // "--"
  bool social_counter = false;   // "0SeguidoresSeguir", "12Shares"
  bool teaser_cue_lead = false;  // starts "READ MORE", "Veja também:", "Related:"
  // Folded leading all-caps words followed by a capitalised word ("VEJA Nato
  // warplanes..." -> {"veja"}); empty when the paragraph does not start so.
  std::vector<std::string> caps_lead;
  std::vector<std::string> content_terms;  // folded, trailing "s" dropped

  // Sentence-shaped: ends with . ! ? and has two words or more.
  bool Sentence() const { return ends_sentence && words >= 2; }
  int Ui() const { return ui_strong + ui_weak; }
  // Stop-word density in |lang|: the jusText signal of running prose.
  double Density(int lang) const {
    return words == 0 || lang < 0 ? 0.0 : static_cast<double>(stop[lang]) / words;
  }
};

ParagraphFeatures ExtractFeatures(std::string_view text);

// The language whose stop words dominate |stop|, or -1 when the evidence is
// thin (fewer than |min_hits| hits, or no clear winner).
int DominantLanguage(const std::array<int, lexicon::kLangCount>& stop, int min_hits);

// Term used to compare paragraphs' topics: folded, a plural "s" dropped.
std::string TopicTerm(std::string_view folded);

}  // namespace nsearch::segment

#endif  // NSEARCH_SEGMENT_BOILERPLATE_FEATURES_H_
