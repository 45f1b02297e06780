#include "quotes/paragraph.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace nsearch::quotes {
namespace {

// Verbs (and "-ing" forms) that introduce what someone said.
constexpr std::string_view kSpeechVerbs[] = {
    "said",        "says",       "say",        "saying",       "told",       "tells",
    "telling",     "added",      "adds",       "adding",       "continued",  "continues",
    "asked",       "asks",       "wrote",      "writes",       "writing",    "explained",
    "explains",    "explaining", "noted",      "notes",        "noting",     "stated",
    "states",      "argued",     "argues",     "arguing",      "remarked",   "reiterated",
    "replied",     "replies",    "responded",  "insisted",     "insists",    "insisting",
    "warned",      "warns",      "warning",    "declared",     "recalled",   "recalls",
    "tweeted",     "tweets",     "posted",     "acknowledged", "admitted",   "claimed",
    "claims",      "conceded",   "announced",  "quipped",      "joked",      "shouted",
    "yelled",      "cautioned",  "emphasized", "emphasised",   "stressed",   "observed",
    "testified",   "predicted",  "complained", "concluded",    "countered",  "lamented",
    "recounted",   "wondered",   "clarified",  "expressed",    "mentioned",  "suggested",
    "urged",       "described",  "asserted",   "boasted",      "confirmed",  "echoed",
    "exclaimed",   "pleaded",    "promised",   "vowed",        "whispered",  "texted",
    "emailed",     "opined",     "mused",      "speculated",   "maintained", "elaborated",
    "interjected", "offered",    "agreed",     "conceding",    "declaring",  "calling",
    "joking",      "announcing", "tweeting",   "posting",      "screamed",   "corrected",
    "declares",    "called",     "dubbed",     "calls",        "recounts",   "shrieks",
    "shrieked",    "rants",      "ranted",     "screams",      "yells",      "agrees",
    "stresses",    "concedes",   "admits",     "acknowledges", "emails",     "remembers"};

// Words that may stand between a subject and its verb ("Trump on Friday
// said", "Zelensky has also said").
constexpr std::string_view kGapWords[] = {
    "has",       "have",       "had",          "also",        "then",      "later",      "again",
    "once",      "previously", "recently",     "earlier",     "just",      "now",        "today",
    "yesterday", "tonight",    "reportedly",   "simply",      "only",      "repeatedly", "publicly",
    "privately", "separately", "further",      "too",         "even",      "still",      "quickly",
    "flatly",    "firmly",     "angrily",      "bluntly",     "calmly",    "would",      "will",
    "could",     "may",        "might",        "often",       "never",     "always",     "first",
    "finally",   "initially",  "last",         "this",        "on",        "week",       "month",
    "year",      "morning",    "afternoon",    "evening",     "night",     "monday",     "tuesday",
    "wednesday", "thursday",   "friday",       "saturday",    "sunday",    "january",    "february",
    "march",     "april",      "june",         "july",        "august",    "september",  "october",
    "november",  "december",   "subsequently", "immediately", "succinctly"};

// Words before a name that make it something other than the subject ("a
// spokesman for Senator Thune", "meeting with Putin").
constexpr std::string_view kPrepositions[] = {
    "of",      "for", "to",     "with",   "by",     "from",    "at",      "about",
    "against", "on",  "under",  "behind", "like",   "than",    "between", "and",
    "or",      "&",   "into",   "over",   "toward", "towards", "without", "among",
    "upon",    "via", "beside", "before", "after",  "whom",    "called",  "named"};

// Lower-case words of a title before a name ("former president John Smith").
constexpr std::string_view kTitleWords[] = {"former",       "late",
                                            "then",         "president",
                                            "senator",      "sen",
                                            "rep",          "mayor",
                                            "governor",     "gov",
                                            "minister",     "secretary",
                                            "chairman",     "leader",
                                            "deputy",       "assistant",
                                            "spokesman",    "spokeswoman",
                                            "the",          "state",
                                            "councilman",   "councilwoman",
                                            "council",      "member",
                                            "assemblyman",  "assemblywoman",
                                            "commissioner", "chief",
                                            "judge",        "justice",
                                            "attorney",     "general",
                                            "lawyer",       "director",
                                            "officer",      "detective",
                                            "prosecutor",   "borough",
                                            "public",       "advocate",
                                            "comptroller",  "candidate",
                                            "actor",        "actress",
                                            "singer",       "rapper",
                                            "star",         "host",
                                            "author",       "professor",
                                            "dr",           "mr",
                                            "mrs",          "ms",
                                            "his",          "her",
                                            "their",        "a",
                                            "an",           "u.s",
                                            "us",           "new",
                                            "york",         "city"};

// Who may speak without being named ("a spokesman said", "police said"):
// after one of these, "he" is no longer the person named before.
constexpr std::string_view kRoleNouns[] = {
    "spokesman", "spokeswoman",  "spokesperson", "rep",        "representative", "official",
    "officials", "source",       "sources",      "police",     "cops",           "officer",
    "officers",  "lawyer",       "attorney",     "witness",    "witnesses",      "neighbor",
    "neighbors", "neighbour",    "resident",     "residents",  "friend",         "aide",
    "agent",     "manager",      "owner",        "employee",   "worker",         "passenger",
    "driver",    "woman",        "man",          "guy",        "person",         "mother",
    "father",    "teacher",      "student",      "customer",   "uploader",       "organizer",
    "activist",  "analyst",      "expert",       "critic",     "critics",        "diplomat",
    "staffer",   "insider",      "relative",     "sister",     "brother",        "son",
    "daughter",  "wife",         "husband",      "girlfriend", "boyfriend",      "member",
    "members",   "spokespeople", "statement",    "release",    "letter",         "report"};

// "-ly" words that are not adverbs ("the Smith family said").
constexpr std::string_view kLyNouns[] = {
    "family", "rally", "ally",  "supply", "reply", "italy", "july",  "assembly", "belly",   "bully",
    "jelly",  "lily",  "holly", "molly",  "emily", "kelly", "daily", "weekly",   "monthly", "only"};

// "after", "when", "while"...: words that start a clause.
constexpr std::string_view kSubordinators[] = {"after",   "before", "when",   "while",    "as",
                                               "because", "since",  "until",  "although", "though",
                                               "if",      "once",   "whereas"};

// Words a sentence may start with before its subject ("At one point
// Hansen says", "But he said").
constexpr std::string_view kLeading[] = {"at",  "one", "point",     "later", "then",      "but",
                                         "and", "so",  "now",       "still", "yesterday", "today",
                                         "on",  "in",  "meanwhile", "also"};

enum WordClass : uint16_t {
  kVerb = 1,
  kGap = 2,
  kPreposition = 4,
  kTitle = 8,
  kRole = 16,
  kSubordinator = 32,
  kLeadingWord = 64,
  kLyNoun = 128,
};

// What each listed word is, looked up once per token.
const std::unordered_map<std::string_view, uint16_t>& WordClasses() {
  static const auto* classes = [] {
    auto* m = new std::unordered_map<std::string_view, uint16_t>;
    auto add = [m](const auto& list, uint16_t c) {
      for (std::string_view w : list) (*m)[w] |= c;
    };
    add(kSpeechVerbs, kVerb);
    add(kGapWords, kGap);
    add(kPrepositions, kPreposition);
    add(kTitleWords, kTitle);
    add(kRoleNouns, kRole);
    add(kSubordinators, kSubordinator);
    add(kLeading, kLeadingWord);
    add(kLyNouns, kLyNoun);
    return m;
  }();
  return *classes;
}

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord; }

}  // namespace

PersonNames::PersonNames(const std::vector<Entity>& entities) {
  for (const Entity& e : entities) {
    if (e.type != EntityType::kPerson) continue;
    Person p{e.name, {WordsOf(e.name)}};
    for (const auto& m : e.mentions) {
      auto words = WordsOf(m);
      if (!words.empty() && std::find(p.forms.begin(), p.forms.end(), words) == p.forms.end())
        p.forms.push_back(std::move(words));
    }
    persons_.push_back(std::move(p));
  }
}

int PersonNames::Match(const std::vector<Token>& tokens, size_t i, size_t* length) const {
  int best = -1;
  size_t best_len = 0;
  if (i >= tokens.size() || !IsWord(tokens[i]) || !tokens[i].capitalised) return -1;
  for (size_t p = 0; p < persons_.size(); ++p) {
    for (const auto& form : persons_[p].forms) {
      if (form.size() <= best_len || i + form.size() > tokens.size()) continue;
      bool same = true;
      for (size_t k = 0; k < form.size() && same; ++k) {
        const Token& t = tokens[i + k];
        same = (IsWord(t) || t.kind == TokenKind::kPunct) && t.text == form[k];
      }
      if (same) {
        best = static_cast<int>(p);
        best_len = form.size();
      }
    }
  }
  // A one-word name is a whole run of capitalised words: "Graham" is not
  // the "Graham Blumenthal bill", "Trump" not "Trump Tower".
  if (best >= 0 && best_len == 1 && i + 1 < tokens.size() && IsWord(tokens[i + 1]) &&
      tokens[i + 1].capitalised)
    return -1;
  *length = best_len;
  return best;
}

ParagraphView::ParagraphView(const Paragraph& p, const PersonNames& names)
    : p_(&p), spans_(FindSpans(p.text)), tokens_(Tokenize(p.text, spans_)) {
  classes_.assign(tokens_.size(), 0);
  const auto& classes = WordClasses();
  for (size_t i = 0; i < tokens_.size(); ++i)
    if (IsWord(tokens_[i]))
      if (auto it = classes.find(tokens_[i].lower); it != classes.end()) classes_[i] = it->second;
  starting_.assign(tokens_.size(), -1);
  ending_.assign(tokens_.size(), -1);
  quote_token_.assign(spans_.size(), 0);
  sentence_start_.assign(tokens_.size(), 0);
  size_t start = 0;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    sentence_start_[i] = start;
    if (t.kind == TokenKind::kQuote) {
      quote_token_[t.span] = i;
      // "... peace.” Later, Trump ..." : the sentence ended inside the marks.
      const char last = spans_[t.span].last;
      if ((last == '.' || last == '?' || last == '!') && i + 1 < tokens_.size() &&
          IsWord(tokens_[i + 1]) && tokens_[i + 1].capitalised)
        start = i + 1;
      continue;
    }
    if (t.sentence_end) start = i + 1;
    size_t len = 0;
    if (starting_[i] == -1) {
      if (int person = names.Match(tokens_, i, &len); person >= 0) {
        mentions_.push_back({i, i + len, person});
        starting_[i] = static_cast<int>(mentions_.size() - 1);
        ending_[i + len - 1] = starting_[i];
        for (size_t k = i + 1; k < i + len; ++k) starting_[k] = -2;  // inside a name
      }
    }
  }
}

size_t ParagraphView::SentenceEnd(size_t i) const {
  const size_t start = sentence_start_[i];
  size_t j = i;
  while (j + 1 < tokens_.size() && sentence_start_[j + 1] == start) ++j;
  return j + 1;
}

const Mention* ParagraphView::StartingAt(size_t i) const {
  return i < starting_.size() && starting_[i] >= 0 ? &mentions_[starting_[i]] : nullptr;
}

const Mention* ParagraphView::EndingAt(size_t i) const {
  return i < ending_.size() && ending_[i] >= 0 ? &mentions_[ending_[i]] : nullptr;
}

bool ParagraphView::IsPunct(size_t i, std::string_view p) const {
  return i < tokens_.size() && tokens_[i].kind == TokenKind::kPunct && tokens_[i].text == p;
}

bool ParagraphView::IsSpeechVerb(size_t i) const { return Is(i, kVerb); }

bool ParagraphView::IsPronoun(size_t i) const {
  return i < tokens_.size() && IsWord(tokens_[i]) &&
         (tokens_[i].lower == "he" || tokens_[i].lower == "she");
}

bool ParagraphView::IsGapWord(size_t i) const {
  if (i >= tokens_.size() || !IsWord(tokens_[i])) return false;
  const std::string& w = tokens_[i].lower;
  // Adverbs: "allegedly", "proudly", "very dramatically".
  const bool adverb =
      w.size() >= 6 && w.ends_with("ly") && !tokens_[i].capitalised && !Is(i, kLyNoun);
  return adverb || w == "very" || Is(i, kGap);
}

bool ParagraphView::CanBeSubject(const Mention& m) const {
  if (m.last < tokens_.size()) {
    const Token& after = tokens_[m.last];
    if (after.kind == TokenKind::kPossessive || IsPunct(m.last, "-") ||
        (IsWord(after) && (after.lower == "and" || after.lower == "or")))
      return false;
  }
  const size_t start = sentence_start_[m.first];
  if (m.first == start) return true;
  if (IsPunct(m.first - 1, "-")) return false;
  // Back over the title ("for Senate Majority Leader John Thune"), within
  // the sentence.
  size_t j = m.first;
  for (int n = 0; j > start && n < 6; ++n) {
    const Token& t = tokens_[j - 1];
    const bool title = (IsWord(t) && (t.capitalised || Is(j - 1, kTitle))) ||
                       (t.kind == TokenKind::kPunct && t.text == "." && !t.sentence_end);
    if (!title) break;
    --j;
  }
  // "for Senator Thune", "meeting with Putin", "tells TMZ": an object.
  return j == start || !IsWord(tokens_[j - 1]) ||
         (!Is(j - 1, kPreposition) && !IsSpeechVerb(j - 1));
}

bool ParagraphView::IsSubordinator(size_t i) const { return Is(i, kSubordinator); }

bool ParagraphView::IsRoleNoun(size_t i) const { return Is(i, kRole); }

bool ParagraphView::NamesSomeone(size_t from, size_t to) const {
  return std::any_of(mentions_.begin(), mentions_.end(),
                     [&](const Mention& m) { return m.first >= from && m.first < to; });
}

bool ParagraphView::NamesAnotherSubject(size_t from, size_t to, int person) const {
  return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
    return m.first >= from && m.first < to && m.person != person && CanBeSubject(m);
  });
}

Who ParagraphView::SubjectBefore(size_t verb, size_t from, size_t* pronoun) const {
  *pronoun = std::string::npos;
  ptrdiff_t k = static_cast<ptrdiff_t>(verb) - 1;
  const auto lo = static_cast<ptrdiff_t>(from);
  auto skip_gap = [&] {
    for (int n = 0; k >= lo && n < 5 && IsGapWord(k); ++n) --k;
  };
  skip_gap();
  if (k < lo) return {};
  if (IsPunct(k, ")")) {  // "John Cornyn (R-Texas) said"
    ptrdiff_t open = k - 1;
    while (open >= lo && k - open < 16 && !IsPunct(open, "(")) --open;
    if (open < lo || !IsPunct(open, "(")) return Who::Unknown();
    k = open - 1;
    skip_gap();
    if (k < lo) return {};
  }
  if (IsPronoun(k)) {
    *pronoun = static_cast<size_t>(k);
    return {};
  }
  if (const Mention* m = EndingAt(k))
    return CanBeSubject(*m) ? Who::Named(m->person) : Who::Unknown();
  // "Jack Winter of Winter Real Estate Agency said".
  if (IsWord(tokens_[k]) && tokens_[k].capitalised) {
    ptrdiff_t j = k;
    while (j > lo && k - j < 8 && IsWord(tokens_[j]) &&
           (tokens_[j].capitalised || tokens_[j].lower == "the"))
      --j;
    if (j > lo && IsWord(tokens_[j]) && (tokens_[j].lower == "of" || tokens_[j].lower == "from"))
      if (const Mention* m = EndingAt(j - 1); m && CanBeSubject(*m)) return Who::Named(m->person);
  }
  if (IsPunct(k, ",")) {
    // An appositive: "Maria Snegovaya, a senior researcher at CSIS, said".
    for (ptrdiff_t c = k - 1; c > lo && k - c < 45; --c) {
      if (!IsPunct(c, ",")) continue;
      ptrdiff_t end = c - 1;
      if (IsPunct(end, ")")) {
        while (end > lo && !IsPunct(end, "(")) --end;
        --end;
      }
      if (end < lo) break;
      if (const Mention* m = EndingAt(end); m && CanBeSubject(*m)) return Who::Named(m->person);
    }
  }
  return Who::Unknown();
}

Who ParagraphView::SentenceSubject(size_t start, size_t limit, bool* pronoun_start) const {
  *pronoun_start = false;
  const size_t stop = std::min(limit, start < tokens_.size() ? SentenceEnd(start) : start);
  if (Who w = SubjectAt(start, stop, pronoun_start); w.kind != Who::kNone || *pronoun_start)
    return w;
  // After an opening clause of at most ten words ("According to NPR, ...").
  for (size_t j = start, words = 0; j < stop && words <= 10; ++j) {
    if (tokens_[j].kind == TokenKind::kQuote || IsSpeechVerb(j)) break;
    if (IsPunct(j, ",")) return SubjectAt(j + 1, stop, pronoun_start);
    words += IsWord(tokens_[j]);
  }
  return {};
}

Who ParagraphView::SubjectAt(size_t i, size_t stop, bool* pronoun_start) const {
  for (int n = 0; i < stop && n < 8; ++i, ++n) {
    const Token& t = tokens_[i];
    if (IsPronoun(i)) {
      *pronoun_start = true;
      return {};
    }
    if (const Mention* m = StartingAt(i)) {
      // The subject is followed by its verb, an appositive or a parenthesis.
      const bool followed =
          m->last < stop && (IsPunct(m->last, ",") || IsPunct(m->last, "(") ||
                             (IsWord(tokens_[m->last]) && !tokens_[m->last].capitalised));
      return CanBeSubject(*m) && followed ? Who::Named(m->person) : Who{};
    }
    const bool leading = IsWord(t) && (t.capitalised || Is(i, kTitle | kLeadingWord | kGap));
    // "The Post's Andrea Peyser", "U.S. President".
    if (!leading && !(t.kind == TokenKind::kPunct && t.text == ".") &&
        t.kind != TokenKind::kPossessive)
      break;
  }
  return {};
}

}  // namespace nsearch::quotes
