#include "segment/boilerplate.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "ingest/hashed_table.h"
#include "segment/boilerplate_features.h"
#include "segment/segmenter.h"
#include "text/normalize.h"

namespace nsearch::segment {
namespace {

// A paragraph of running prose: long enough and dense in stop words
// (jusText's "good" block; the lists are short, hence the low density).
constexpr int kGoodChars = 120;
constexpr double kGoodDensity = 0.2;
// After the last body paragraph, shapeless lines shorter than this go; longer
// ones are usually content (table rows, lists), not furniture.
constexpr int kTailChars = 80;
// A line with addresses or phone numbers this short is a signature or
// contact block; longer, it is prose that mentions a phone number.
constexpr int kContactWords = 25;
// Lines remembered across articles: only short ones, and only so many.
constexpr int kRememberChars = kRepeatedLineMaxChars;
constexpr size_t kMaxRemembered = 1u << 20;
// A short non-sentence line seen in this many earlier articles is furniture;
// a sentence needs more company and some length before it is.
constexpr uint32_t kRepeatLine = 3;
constexpr uint32_t kRepeatSentence = 4;
// A signature block after "--": at most this many short paragraphs.
constexpr int kMaxSignatureParagraphs = 15;
constexpr int kMaxSignatureChars = 400;

enum class Signal : uint8_t {
  kNone,
  kHeader,       // Usenet/e-mail header line
  kQuote,        // "> quoted reply"
  kAttribution,  // "In article <...> X writes:"
  kSignature,    // "--" and what follows it
  kSymbols,      // no letter or digit
  kSocial,       // "0SeguidoresSeguir"
  kUi,           // short line of page furniture
  kNotice,       // site notice to the reader: cookies, affiliate links
  kMenu,         // "Home | World | Politics"
  kContact,      // address, phone, e-mail line
  kTeaser,       // link to another article
  kRepeated,     // seen in many earlier articles of the run
  kForeign,      // not in the article's language
  kTail,         // short line after the last body paragraph
  kContext,      // short line between boilerplate paragraphs
  kSignOff,      // "Thanks in advance!", "Regards,", "Hi!"
};

std::string_view SignalName(Signal s) {
  switch (s) {
    case Signal::kNone:
      return "";
    case Signal::kHeader:
      return "header";
    case Signal::kQuote:
      return "quote";
    case Signal::kAttribution:
      return "attribution";
    case Signal::kSignature:
      return "signature";
    case Signal::kSymbols:
      return "symbols";
    case Signal::kSocial:
      return "social-counter";
    case Signal::kUi:
      return "ui";
    case Signal::kNotice:
      return "notice";
    case Signal::kMenu:
      return "menu";
    case Signal::kContact:
      return "contact";
    case Signal::kTeaser:
      return "teaser";
    case Signal::kRepeated:
      return "repeated";
    case Signal::kForeign:
      return "foreign";
    case Signal::kTail:
      return "tail";
    case Signal::kContext:
      return "context";
    case Signal::kSignOff:
      return "sign-off";
  }
  return "";
}

// One article being classified.
struct Work {
  const Article& article;
  std::vector<ParagraphFeatures> f;
  std::vector<Signal> why;
  int lang = -1;        // the article's language, -1 if unknown
  bool usenet = false;  // starts with mail headers
  // Content term -> number of paragraphs (title included) that contain it.
  std::unordered_map<std::string, int> term_paragraphs;
  int first_good = -1;
  int last_good = -1;

  explicit Work(const Article& a) : article(a) {}
  int size() const { return static_cast<int>(f.size()); }
  bool Marked(int i) const { return why[i] != Signal::kNone; }
  double Density(int i) const { return f[i].Density(lang < 0 ? lexicon::kEnglish : lang); }
  // Paragraph language when it is clearly another than the article's.
  bool Foreign(int i) const {
    if (lang < 0) return false;
    const int own = DominantLanguage(f[i].stop, 2);
    return own >= 0 && own != lang && f[i].stop[own] > 2 * f[i].stop[lang];
  }
};

// A short line made of furniture words: "Post a Comment", "Stay Connected",
// "Publicidade", "Related Sources:".
bool IsUiLine(const ParagraphFeatures& f, std::string_view text) {
  if (f.words > 12 || f.Ui() == 0) return false;
  const int content = std::max(f.content_words, 1);
  // A sentence, or a line introducing what follows ("Here's the rest of that
  // Facebook post:"), is furniture only when every content word is.
  if (f.Sentence() || text.back() == ':') return f.ui_strong >= 1 && f.Ui() >= content;
  if (content <= 2) return f.ui_strong >= 1 && f.Ui() >= content;
  return (f.ui_strong >= 1 && f.Ui() * 2 >= content) || (f.Ui() * 4 >= content * 3 && f.Ui() >= 3);
}

// A greeting or sign-off with nothing else in it: "Thanks in advance for any
// help!", "Regards,", "Hello,". Only at the edges of an article, or anywhere
// in a post (in news, "Thank you," she said is a quote).
bool IsSignOff(const ParagraphFeatures& f) {
  return f.words <= 8 && f.sign_off >= 1 && f.sign_off == f.content_words;
}

// "-- Mike", "-Tommy Mac": a post signed inside its text.
bool IsDashedName(std::string_view text, const ParagraphFeatures& f) {
  if (!text.starts_with('-') || f.words == 0 || f.words > 3 || f.ends_sentence) return false;
  return f.capitalized == f.content_words && f.alpha_words == f.words;
}

// A site speaking to its reader about the site itself: cookie banners,
// affiliate disclaimers, newsletter sign-ups. |edge|: in the head or tail
// zone, where less evidence is needed.
bool IsNotice(const ParagraphFeatures& f, bool edge) {
  // Notices quote nobody; a quoted "we'll post it on our Facebook page" is news.
  if (f.site_voice == 0 || f.chars > 1200 || f.has_quotes) return false;
  // About the site itself (cookies, newsletter, sign up), not only about
  // Facebook or a comment: one such word in a long notice, two in a short one.
  const int site_words = f.ui_strong - f.ui_network;
  if (site_words < (f.words >= 20 ? 1 : 2)) return false;
  // Furniture words make a fifth of the content words or more (a quarter
  // inside the body); news prose about the web stays well below.
  const int ratio = f.Ui() * 100 / std::max(f.content_words, 1);
  if (ratio < (edge ? 20 : 25)) return false;
  // The site's voice ("we", "our", "you") runs through the notice, or the
  // furniture words are dense enough on their own.
  return f.site_voice * 100 >= f.words * 8 || ratio >= 35;
}

// "[...story deleted...]", "[snip]": what the poster cut from a quote.
bool IsElisionNote(std::string_view text) {
  if (text.size() > 200 || !(text.starts_with('[') || text.starts_with('<'))) return false;
  if (text.substr(1).starts_with("...")) return true;
  for (std::string_view w : {"deleted", "snip", "omitted", "edited"})
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

// Some posters quote with "|", "/" or ":" instead of ">". The convention
// shows right after an attribution ("X writes:"): the next paragraph, or the
// attribution's own continuation, starts with the mark.
void MarkOtherQuoteMarks(Work& w, int from) {
  const auto& ps = w.article.paragraphs;
  char mark = 0;
  for (int i = from; i < w.size() && !mark; ++i) {
    if (w.why[i] != Signal::kAttribution) continue;
    std::string_view t = ps[i].text;
    const size_t colon = t.find(": ", t.find("writes"));
    if (colon != std::string_view::npos && t.find("writes") != std::string_view::npos &&
        colon + 2 < t.size())
      mark = t[colon + 2];
    else if (i + 1 < w.size() && !ps[i + 1].text.empty())
      mark = ps[i + 1].text[0];
    if (mark != '|' && mark != '/' && mark != ':') mark = 0;
  }
  if (!mark) return;
  for (int i = from; i < w.size(); ++i)
    if (!w.Marked(i) && ps[i].text[0] == mark) w.why[i] = Signal::kQuote;
}

void MarkStructure(Work& w) {
  const auto& ps = w.article.paragraphs;
  int i = 0;
  for (; i < w.size() &&
         (i == 0 ? LooksLikeMailHeader(ps[i].text) : LooksLikeHeaderField(ps[i].text));
       ++i)
    w.why[i] = Signal::kHeader;
  w.usenet = i > 0;
  const int body_start = i;
  for (; i < w.size(); ++i) {
    const ParagraphFeatures& f = w.f[i];
    const bool next_quote = i + 1 < w.size() && w.f[i + 1].quote;
    if (f.quote) {
      w.why[i] = Signal::kQuote;
    } else if (f.attribution && (next_quote || f.contacts > 0 || w.usenet)) {
      w.why[i] = Signal::kAttribution;
    } else if (f.sig_separator) {
      w.why[i] = Signal::kSignature;
    } else if (f.symbols_only) {
      w.why[i] = Signal::kSymbols;
    } else if (f.social_counter) {
      w.why[i] = Signal::kSocial;
    } else if (IsUiLine(f, ps[i].text)) {
      w.why[i] = Signal::kUi;
    } else if (f.separators >= 2 && !f.Sentence() && f.words <= 4 * (f.separators + 1) &&
               ps[i].text.find_first_of("=;{") == std::string::npos) {  // not code
      w.why[i] = Signal::kMenu;
    } else if (IsNotice(f, false)) {
      w.why[i] = Signal::kNotice;
    } else if (IsElisionNote(ps[i].text)) {
      w.why[i] = Signal::kQuote;
    } else if (w.usenet && IsSignOff(f)) {
      w.why[i] = Signal::kSignOff;
    } else if (w.usenet && IsDashedName(ps[i].text, f)) {
      w.why[i] = Signal::kSignOff;
    }
  }
  MarkOtherQuoteMarks(w, body_start);
}

// What follows a "--" line is a signature when it is a few short paragraphs.
// A line of symbols ("/\/\/\", "=====") after the body starts one too when
// an address or phone number follows (|art|: needs FindGood first).
bool MarkSignature(Work& w, bool art) {
  for (int s = 0; s < w.size(); ++s) {
    const bool starts =
        art ? w.f[s].symbols_only && w.first_good >= 0 && s > w.first_good : w.f[s].sig_separator;
    if (!starts) continue;
    const int rest = w.size() - s - 1;
    bool short_block = rest <= kMaxSignatureParagraphs;
    int contacts = 0;
    for (int j = s + 1; j < w.size() && short_block; ++j) {
      short_block = w.f[j].chars <= kMaxSignatureChars;
      contacts += w.f[j].contacts;
    }
    if (!short_block || (art && !w.usenet && contacts == 0)) continue;
    bool marked = false;
    for (int j = s + 1; j < w.size(); ++j) {
      if (w.Marked(j)) continue;
      w.why[j] = Signal::kSignature;
      marked = true;
    }
    return marked;
  }
  return false;
}

void CountTerms(Work& w) {
  auto add = [&](const std::vector<std::string>& terms) {
    std::set<std::string_view> distinct(terms.begin(), terms.end());
    for (auto t : distinct) ++w.term_paragraphs[std::string(t)];
  };
  add(ExtractFeatures(w.article.title).content_terms);
  for (const auto& f : w.f) add(f.content_terms);
}

std::string_view LastWord(std::string_view text) {
  const size_t space = text.rfind(' ');
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

// True when |text| holds two sentences: ". " then a capital, after a word
// that is not an initial ("A.R.") or a title ("Mr.").
bool HasSentenceBreak(std::string_view text) {
  for (size_t p = text.find(". "); p != std::string_view::npos; p = text.find(". ", p + 1)) {
    if (p + 2 >= text.size() || !std::isupper(static_cast<unsigned char>(text[p + 2]))) continue;
    const size_t start = text.rfind(' ', p);
    std::string_view word = text.substr(start == std::string_view::npos ? 0 : start + 1);
    word = word.substr(0, word.find(". "));
    if (word.size() < 2 || word.find('.') != std::string_view::npos) continue;
    if (word == "Mr" || word == "Mrs" || word == "Ms" || word == "Dr" || word == "St") continue;
    return true;
  }
  return false;
}

// "... (Getty Images)", "... (via Google Maps)": a caption ends with its
// credit; its words need not recur in the story.
bool EndsWithCredit(std::string_view text) {
  if (!text.ends_with(')')) return false;
  const size_t open = text.rfind('(');
  if (open == std::string_view::npos) return false;
  std::string_view inside = text.substr(open + 1, text.size() - open - 2);
  return std::count(inside.begin(), inside.end(), ' ') < 6;
}

// Teasers: a title-like line (no final full stop) that links elsewhere —
// led by a cue ("Read more:", "VEJA"), by an all-caps word the article never
// uses otherwise, or sharing no topic with the article.
void MarkTeasers(Work& w) {
  for (int i = 0; i < w.size(); ++i) {
    const ParagraphFeatures& f = w.f[i];
    if (w.Marked(i) || f.Sentence() || f.words < 5 || f.words > 45 || f.chars > 320) continue;
    const std::string& text = w.article.paragraphs[i].text;
    // A line ending in ":" or "," introduces what follows; teasers stand alone.
    // A teaser is one headline, not several sentences.
    const bool open_end = text.back() == ':' || text.back() == ',' ||
                          ExtractFeatures(LastWord(text)).content_words == 0 ||
                          HasSentenceBreak(text);
    bool teaser = f.teaser_cue_lead;
    if (!teaser && !f.caps_lead.empty() && !open_end) {
      const std::string& lead = f.caps_lead.front();
      // A word, not an acronym with digits ("BBC1") or a function word.
      const bool function_word =
          (lexicon::Flags(lead) & lexicon::kStopMask) != 0 || lead.size() < 3 ||
          std::any_of(lead.begin(), lead.end(),
                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
      int elsewhere = 0;  // paragraphs using the word, not as their own lead
      for (int j = 0; j < w.size(); ++j) {
        if (j == i || (!w.f[j].caps_lead.empty() && w.f[j].caps_lead.front() == lead)) continue;
        elsewhere += std::count(w.f[j].content_terms.begin(), w.f[j].content_terms.end(),
                                TopicTerm(lead)) > 0;
      }
      teaser = !function_word && elsewhere == 0;
    }
    if (!teaser && !w.usenet && f.words >= 8 && f.capitalized * 2 >= f.content_words && !open_end &&
        !EndsWithCredit(text)) {
      std::set<std::string_view> own(f.content_terms.begin(), f.content_terms.end());
      int shared = 0;
      for (auto t : own) shared += w.term_paragraphs[std::string(t)] > 1;
      teaser = shared == 0;  // shares no content word with the article
    }
    if (teaser) w.why[i] = Signal::kTeaser;
  }
}

// Lines are the same when their words are: case, accents and punctuation
// aside, but word boundaries kept, so that the articles holding a line are
// exactly those whose index holds all its words (index/revise.h finds them
// so).
uint64_t LineKey(std::string_view text) {
  std::string words;
  for (const auto& t : text::Tokenize(text)) {
    if (!words.empty()) words.push_back(' ');
    words += t.term;
  }
  return std::hash<std::string>{}(words);
}

// The same article read from several places (a folder and archives of it)
// has one key: its paragraphs, whatever its id.
uint64_t ContentKey(const Article& article) {
  uint64_t key = std::hash<std::string>{}(article.title);
  for (const auto& p : article.paragraphs)
    key = key * 1099511628211ull ^ std::hash<std::string>{}(p.text);
  return key;
}

void FindGood(Work& w) {
  w.first_good = w.last_good = -1;
  auto good = [&](int i, bool strict) {
    const ParagraphFeatures& f = w.f[i];
    if (w.Marked(i) || IsNotice(f, true)) return false;
    // A signature line; in news, a long paragraph may end with a phone number.
    if (f.contacts > 0 && (w.usenet || f.words <= kContactWords)) return false;
    if (w.lang < 0) return f.Sentence() && f.chars >= (strict ? 200 : 40);
    // Tables and lists carry few stop words but are content, not furniture.
    if (strict && f.chars >= 150 && f.words >= 20 && f.Ui() * 10 < f.words) return true;
    if (w.Density(i) < kGoodDensity) return false;
    return strict ? f.chars >= kGoodChars : f.Sentence() && f.words >= 4;
  };
  for (bool strict : {true, false}) {
    for (int i = 0; i < w.size(); ++i) {
      if (!good(i, strict)) continue;
      if (w.first_good < 0) w.first_good = i;
      w.last_good = i;
    }
    if (w.first_good >= 0) return;
  }
}

// A short shapeless line after the body: a site name, a signed name, a
// link. In news, a line of three words or more with no furniture word is
// more likely the end of a list (award nominees, a line-up) and stays.
bool TailFurniture(const Work& w, int i) {
  const ParagraphFeatures& f = w.f[i];
  if (f.Sentence() || f.chars >= kTailChars) return false;
  // "For any items please contact:" introduces what follows.
  if (f.words >= 3 && w.article.paragraphs[i].text.back() == ':') return false;
  if (f.Ui() > 0) return true;
  // In a post: a name, a sign-off, a short signature line.
  if (w.usenet) return f.words <= 5;
  // A site name ("EcoNewsOnline"); a two-word line is as often a referee
  // or a player ending a match report.
  return f.words == 1 && f.alpha_words == 1 && !f.ends_sentence;
}

// Before the first and after the last body paragraph, a line must look like
// prose to stay: everything short and shapeless at the end of an article is
// comment forms, share bars and site links.
void MarkZones(Work& w) {
  if (w.first_good < 0) return;
  // The tail starts after the last body paragraph, or after the last long
  // line still standing (a table or list ending a post is content too).
  int tail_start = w.last_good + 1;
  for (int i = w.size() - 1; i >= tail_start; --i) {
    const ParagraphFeatures& f = w.f[i];
    if (w.Marked(i) || f.contacts > 0 || IsNotice(f, true)) continue;
    const bool prose =
        f.Sentence() && f.words >= 4 && w.Density(i) >= kGoodDensity && f.Ui() * 3 <= f.words;
    if (prose || f.chars >= kTailChars) {
      tail_start = i + 1;
      break;
    }
  }
  for (int i = 0; i < w.size(); ++i) {
    if (w.Marked(i) || (i >= w.first_good && i < tail_start)) continue;
    const ParagraphFeatures& f = w.f[i];
    const bool tail = i >= tail_start;
    if (IsNotice(f, true)) {
      w.why[i] = Signal::kNotice;
    } else if (w.Foreign(i)) {
      w.why[i] = Signal::kForeign;
    } else if ((f.contacts >= 2 && f.words <= kContactWords) ||
               (f.contacts == 1 && !f.Sentence() && (f.words <= 12 || w.usenet))) {
      w.why[i] = Signal::kContact;
    } else if (IsSignOff(f)) {
      w.why[i] = Signal::kSignOff;
    } else if (tail && (TailFurniture(w, i) || f.Ui() * 3 > f.words)) {
      w.why[i] = Signal::kTail;
    }
  }
  // Inside the body, only short shapeless foreign lines go.
  for (int i = w.first_good; i <= w.last_good; ++i) {
    if (!w.Marked(i) && !w.f[i].Sentence() && w.f[i].chars < 150 && w.f[i].words >= 4 &&
        w.Foreign(i) && *std::max_element(w.f[i].stop.begin(), w.f[i].stop.end()) >= 3)
      w.why[i] = Signal::kForeign;
  }
}

// jusText's context rule, cautiously: a short shapeless line with boilerplate
// on both sides is boilerplate too ("Stay Connected" inside a share bar).
// A line of symbols between two kept paragraphs belongs to them (a brace in
// code, a "?" after a question); elsewhere it is decoration.
void KeepInnerSymbols(Work& w) {
  for (int i = 0; i < w.size(); ++i) {
    if (w.why[i] != Signal::kSymbols) continue;
    int prev = i - 1, next = i + 1;
    while (prev >= 0 && w.f[prev].symbols_only) --prev;
    while (next < w.size() && w.f[next].symbols_only) ++next;
    if (prev >= 0 && next < w.size() && !w.Marked(prev) && !w.Marked(next))
      w.why[i] = Signal::kNone;
  }
}

void MarkContext(Work& w) {
  for (int pass = 0; pass < 2; ++pass) {
    for (int i = 1; i < w.size(); ++i) {
      if (w.Marked(i) || w.f[i].ends_sentence || w.f[i].chars >= 80) continue;
      if (w.Marked(i - 1) && (i + 1 == w.size() || w.Marked(i + 1))) w.why[i] = Signal::kContext;
    }
  }
}

ParagraphKind KeptKind(const Paragraph& p, const ParagraphFeatures& f) {
  if (f.symbols_only) return ParagraphKind::kBody;  // kept with its neighbours
  if (p.kind == ParagraphKind::kHeading && f.words >= 8 && !f.ends_sentence &&
      f.capitalized * 3 < f.content_words)
    return ParagraphKind::kCaption;  // a sentence-case line under a picture
  return p.kind;
}

}  // namespace

struct BoilerplateClassifier::State {
  // Folded short line -> number of earlier distinct articles that contained
  // it (or, after Observe, of all the run's distinct articles).
  ingest::HashedMap<uint32_t> seen;
  // ContentKeys of the articles counted: copies of one article count once,
  // so a paragraph repeated only because its article is stays body.
  ingest::HashedSet counted;
  bool observed = false;  // counts come from a first pass over the run

  // True when |article| is new content, now remembered as counted.
  bool FirstCopy(const Article& article) {
    if (counted.size() >= kMaxRemembered) return true;
    return counted.Insert(ContentKey(article));
  }

  // |self_counted|: the counts already include this article (or a copy).
  void MarkRepeated(Work& w, bool self_counted) const {
    for (int i = 0; i < w.size(); ++i) {
      const ParagraphFeatures& f = w.f[i];
      if (w.Marked(i) || f.chars > kRememberChars) continue;
      const uint32_t* count = seen.Find(LineKey(w.article.paragraphs[i].text));
      if (!count) continue;
      const uint32_t others = self_counted ? *count - 1 : *count;
      const bool line = !f.Sentence() && others >= kRepeatLine && f.alpha_words * 2 > f.words;
      const bool sentence = f.words >= 6 && others >= kRepeatSentence;
      if (line || sentence) w.why[i] = Signal::kRepeated;
    }
  }

  void Remember(const Work& w) {
    std::set<uint64_t> keys;
    for (int i = 0; i < w.size(); ++i)
      if (w.f[i].chars <= kRememberChars) keys.insert(LineKey(w.article.paragraphs[i].text));
    Count(keys);
  }

  void Count(const std::set<uint64_t>& keys) {
    for (uint64_t k : keys) {
      if (uint32_t* count = seen.Find(k)) {
        ++*count;
      } else if (seen.size() < kMaxRemembered) {
        seen.Insert(k, 1);
      }
    }
  }
};

BoilerplateClassifier::BoilerplateClassifier() : state_(std::make_unique<State>()) {}
BoilerplateClassifier::~BoilerplateClassifier() = default;

void BoilerplateClassifier::Observe(const Article& article) {
  state_->observed = true;
  if (!state_->FirstCopy(article)) return;
  std::set<uint64_t> keys;
  for (const auto& p : article.paragraphs)
    if (text::CodePointCount(p.text) <= kRememberChars) keys.insert(LineKey(p.text));
  state_->Count(keys);
}

uint32_t BoilerplateClassifier::LineCount(std::string_view line) const {
  const uint32_t* count = state_->seen.Find(LineKey(line));
  return count ? *count : 0;
}

// MarkRepeated compares the other articles (count - 1) with kRepeatLine and
// kRepeatSentence; past the larger, more makes no difference.
uint32_t BoilerplateClassifier::CountClass(uint32_t articles) {
  static_assert(kRepeatLine < kRepeatSentence);
  if (articles <= kRepeatLine) return 0;
  if (articles <= kRepeatSentence) return 1;
  return 2;
}

uint64_t BoilerplateClassifier::ContentKeyOf(const Article& article) { return ContentKey(article); }
uint64_t BoilerplateClassifier::LineKeyOf(std::string_view line) { return LineKey(line); }

void BoilerplateClassifier::Classify(Article& article) { Classify(article, nullptr); }

void BoilerplateClassifier::Classify(Article& article, std::vector<std::string>* why) {
  Work w(article);
  w.f.reserve(article.paragraphs.size());
  std::array<int, lexicon::kLangCount> stop{};
  for (const auto& p : article.paragraphs) {
    w.f.push_back(ExtractFeatures(p.text));
    const ParagraphFeatures& f = w.f.back();
    if (f.quote || f.chars < 40) continue;  // quotes may be in another voice
    for (int l = 0; l < lexicon::kLangCount; ++l) stop[l] += f.stop[l];
  }
  w.why.assign(w.f.size(), Signal::kNone);
  w.lang = DominantLanguage(stop, 6);

  // Without a first pass, an earlier copy of this article was counted.
  const bool first_copy = !state_->observed && state_->FirstCopy(article);
  MarkStructure(w);
  state_->MarkRepeated(w, /*self_counted=*/!first_copy);
  CountTerms(w);
  MarkTeasers(w);
  MarkSignature(w, /*art=*/false);
  FindGood(w);
  if (MarkSignature(w, /*art=*/true)) FindGood(w);
  MarkZones(w);
  KeepInnerSymbols(w);
  MarkContext(w);
  if (first_copy) state_->Remember(w);

  if (why) why->clear();
  for (int i = 0; i < w.size(); ++i) {
    Paragraph& p = article.paragraphs[i];
    p.kind = w.Marked(i) ? ParagraphKind::kBoilerplate : KeptKind(p, w.f[i]);
    if (why) why->emplace_back(SignalName(w.why[i]));
  }
}

}  // namespace nsearch::segment
