#include "segment/boilerplate_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "segment/segmenter.h"
#include "text/normalize.h"

namespace nsearch::segment {
namespace {

using lexicon::Flags;

bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Letter case of a token's code points: counts letters and upper-case ones.
void CountCase(std::string_view raw, int* letters, int* upper, bool* first_upper) {
  *letters = *upper = 0;
  *first_upper = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(raw.size());
  bool first = true;
  while (i < n) {
    UChar32 c;
    U8_NEXT(raw.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) {
      first = false;
      continue;
    }
    ++*letters;
    if (u_isupper(c)) {
      ++*upper;
      if (first) *first_upper = true;
    }
    first = false;
  }
}

bool EndsWithSentenceMark(std::string_view s) {
  // A smiley may follow the full stop, or stand for it.
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  for (std::string_view smiley : {":-)", ";-)", "8-)", ":)", ";)", ":-(", ":(", ":-}", ":-D"}) {
    if (s.ends_with(smiley)) {
      s.remove_suffix(smiley.size());
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
      if (!s.empty() && std::isalnum(static_cast<unsigned char>(s.back()))) return true;
      break;
    }
  }
  // Closing quotes and brackets may follow the full stop.
  for (bool stripped = true; stripped && !s.empty();) {
    stripped = false;
    for (std::string_view q : {"\"", "'", ")", "]", "\u201d", "\u2019", "\u00bb"}) {
      if (s.ends_with(q)) {
        s.remove_suffix(q.size());
        stripped = true;
      }
    }
  }
  if (s.ends_with("\u2026")) return true;
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

int CountContacts(std::string_view s) {
  int n = 0;
  // E-mail addresses and message ids: "name@host.domain".
  for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    if (at == 0 || at + 1 >= s.size() || !IsAsciiAlnum(s[at - 1])) continue;
    size_t end = at + 1;
    while (end < s.size() && (IsAsciiAlnum(s[end]) || s[end] == '.' || s[end] == '-')) ++end;
    if (s.substr(at + 1, end - at - 1).find('.') != std::string_view::npos) ++n;
  }
  for (std::string_view scheme : {"http://", "https://", "ftp://", "www."}) {
    for (size_t p = s.find(scheme); p != std::string_view::npos; p = s.find(scheme, p + 1))
      n += !(scheme == "www." && p >= 2 && s.substr(p - 2, 2) == "//");  // "http://www." once
  }
  // Phone numbers: seven to fifteen digits in groups split by spaces, dashes,
  // dots, brackets or "+", with a dash, bracket or plus among them, and one
  // group of four digits or more or two of three ("(908) 855-8865",
  // "+64-7-856-2889"); "7-3 05-01 04-02" in a sports table is not one.
  for (size_t i = 0; i < s.size();) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])) && s[i] != '+' && s[i] != '(') {
      ++i;
      continue;
    }
    size_t j = i;
    int digits = 0, group = 0, long_groups = 0, mid_groups = 0;
    bool punct = false;
    auto close_group = [&] {
      if (group >= 4) ++long_groups;
      if (group >= 3) ++mid_groups;
      group = 0;
    };
    while (j < s.size() && j - i < 22) {
      char c = s[j];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ++digits;
        ++group;
      } else if (c == '-' || c == '(' || c == ')' || c == '+' || c == ' ' || c == '.') {
        punct = punct || (c != ' ' && c != '.');
        close_group();
      } else {
        break;
      }
      ++j;
    }
    close_group();
    if (digits >= 7 && digits <= 15 && punct && (long_groups >= 1 || mid_groups >= 2)) ++n;
    i = std::max(j, i + 1);
  }
  return n;
}

// "0SeguidoresSeguir", "12Shares": a number glued to a word.
bool IsSocialCounterToken(std::string_view w) {
  size_t i = 0;
  while (i < w.size() &&
         (std::isdigit(static_cast<unsigned char>(w[i])) || w[i] == '.' || w[i] == ','))
    ++i;
  if (i == 0 || i == w.size()) return false;
  int letters = 0, upper = 0;
  bool first_upper = false;
  std::string_view rest = w.substr(i);
  if (std::any_of(rest.begin(), rest.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
    return false;
  CountCase(rest, &letters, &upper, &first_upper);
  // A case change inside ("SeguidoresSeguir") or a long glued word; units
  // ("100mph") and ordinals ("20th") are shorter.
  return letters >= 5 || (letters >= 3 && upper >= 2);
}

bool LooksLikeAttribution(std::string_view text, std::string_view lower) {
  if (text.size() > 400) return false;
  if (lower.starts_with("in article <") || lower.starts_with("in <") ||
      lower.starts_with("[reply to") || lower.starts_with("in message <"))
    return true;
  std::string_view t = lower;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  for (std::string_view end : {"writes:", "wrote:", "writes :", "wrote :", "sez:", "said:", "says:",
                               "writes...", "wrote..."}) {
    if (t.ends_with(end)) return text.size() <= 250;
  }
  return false;
}

}  // namespace

std::string TopicTerm(std::string_view folded) {
  std::string t(folded);
  if (t.size() > 3 && t.back() == 's' && t[t.size() - 2] != 's') t.pop_back();
  return t;
}

int DominantLanguage(const std::array<int, lexicon::kLangCount>& stop, int min_hits) {
  int best = -1, second = 0;
  for (int l = 0; l < lexicon::kLangCount; ++l) {
    if (best < 0 || stop[l] > stop[best]) {
      if (best >= 0) second = std::max(second, stop[best]);
      best = l;
    } else {
      second = std::max(second, stop[l]);
    }
  }
  if (best < 0 || stop[best] < min_hits) return -1;
  // Related languages share many function words; require a clear lead.
  return stop[best] * 2 >= second * 3 ? best : -1;
}

ParagraphFeatures ExtractFeatures(std::string_view text) {
  ParagraphFeatures f;
  f.chars = text::CodePointCount(text);
  std::string lower(text.substr(0, std::min<size_t>(text.size(), 400)));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  f.quote = IsQuotedLine(text);
  f.sig_separator = text == "--";
  f.attribution = LooksLikeAttribution(text, lower);
  f.ends_sentence = EndsWithSentenceMark(text);
  f.has_quotes = text.find('"') != std::string_view::npos ||
                 text.find("\u201c") != std::string_view::npos ||
                 text.find("\u201d") != std::string_view::npos;
  f.contacts = CountContacts(text);
  for (std::string_view sep : {" | ", "\u2022", "\u00bb", "\u203a", "\u00b7"}) {
    for (size_t p = text.find(sep); p != std::string_view::npos; p = text.find(sep, p + 1))
      ++f.separators;
  }

  const std::vector<text::Token> tokens = text::Tokenize(text);
  f.words = static_cast<int>(tokens.size());
  f.symbols_only = tokens.empty();
  std::set<std::string> ui_seen;
  std::string_view prev;
  bool in_caps_lead = true;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const text::Token& tok = tokens[k];
    const std::string& term = tok.term;
    const uint16_t flags = Flags(term);
    std::string_view raw = text.substr(tok.byte_begin, tok.byte_end - tok.byte_begin);
    int letters = 0, upper = 0;
    bool first_upper = false;
    CountCase(raw, &letters, &upper, &first_upper);
    const bool alpha = letters > 0;
    if (alpha) ++f.alpha_words;
    for (int l = 0; l < lexicon::kLangCount; ++l)
      if (flags & (1u << l)) ++f.stop[l];
    if (alpha && (flags & lexicon::kStopMask) == 0) {
      ++f.content_words;
      if (flags & lexicon::kSignOff) ++f.sign_off;
      if (first_upper) ++f.capitalized;
      f.content_terms.push_back(TopicTerm(term));
    }
    if (flags & lexicon::kNetwork) ++f.ui_network;
    if (flags & lexicon::kUiStrong) {
      ++f.ui_strong;
      ui_seen.insert(term);
    } else if (flags & lexicon::kUiWeak) {
      ++f.ui_weak;
      ui_seen.insert(term);
    }
    if (!prev.empty() && lexicon::IsUiPhrase(prev, term)) ++f.ui_strong;
    if (flags & lexicon::kSiteVoice) ++f.site_voice;
    prev = term;

    // Leading all-caps words ("VEJA", "READ MORE") followed by a capitalised,
    // not all-caps word: the shape of a teaser link.
    if (in_caps_lead) {
      if (letters >= 2 && upper == letters) {
        f.caps_lead.push_back(term);
      } else {
        in_caps_lead = false;
        if (f.caps_lead.empty() || !first_upper) f.caps_lead.clear();
      }
    }
  }
  if (in_caps_lead) f.caps_lead.clear();  // the whole line is in capitals
  f.ui_distinct = static_cast<int>(ui_seen.size());

  // "Read more:", "Related:", "Veja também:" — cue words then a colon, or in
  // capitals before a capitalised headline.
  size_t cue = 0;
  while (cue < tokens.size() && cue < 3 && (Flags(tokens[cue].term) & lexicon::kTeaserCue)) ++cue;
  if (cue > 0 && cue < tokens.size()) {
    std::string_view between =
        text.substr(tokens[cue - 1].byte_end, tokens[cue].byte_begin - tokens[cue - 1].byte_end);
    const bool colon =
        between.find(':') != std::string_view::npos || between.find('|') != std::string_view::npos;
    const bool caps = f.caps_lead.size() >= cue;
    f.teaser_cue_lead = colon || caps;
  }

  // Social counters: a short line whose words are numbers glued to words.
  if (f.words <= 4 && !f.ends_sentence) {
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find(' ', start);
      if (end == std::string_view::npos) end = text.size();
      if (IsSocialCounterToken(text.substr(start, end - start))) f.social_counter = true;
      start = end + 1;
    }
  }
  return f;
}

}  // namespace nsearch::segment
