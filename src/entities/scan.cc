#include "entities/scan.h"

#include <string_view>

#include "entities/cues.h"

namespace nsearch::entities {
namespace {

bool IsDate(std::string_view s) {
  // YYYY-MM-DD, the Reuters dateline stamp.
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

class RunClassifier {
 public:
  RunClassifier(const Lexicon& lex, std::string_view text, const std::vector<Token>& tokens,
                int paragraph, bool sports, bool table_line, std::vector<Mention>* out)
      : lex_(lex),
        text_(text),
        t_(tokens),
        paragraph_(paragraph),
        out_(out),
        table_line_(table_line),
        sports_(sports) {
    address_ = AddressTokens(text_, t_);
  }

  void Run() {
    int n = static_cast<int>(t_.size());
    int start = 0;
    // A wire dateline: "AL-AIN, United Arab Emirates 1996-12-06".
    if (n > 1 && n <= 14 && t_.back().Is(kWord) && IsDate(t_.back().text) && t_[0].Is(kAllCaps)) {
      int e = 0;
      while (e < n && t_[e].Is(kWord) && t_[e].Is(kAllCaps)) ++e;
      const Known* k = lex_.Find(Key(0, e));
      Emit(0, e, k ? k->type : EntityType::kPlace, kStrong, k);
      if (e > 0) out_->back().dateline = true;
      start = e;
      // The rest ("COMMACK, New York 1996-08-21") is where, not who played.
      sports_ = table_line_ = false;
    }
    for (int i = start; i < n;) {
      if (!NameLike(i)) {
        ++i;
        continue;
      }
      int e = ExtendRun(i);
      paren_ = i > 0 && t_[i - 1].IsPunct('(');
      Classify(i, e);
      i = e;
    }
  }

 private:
  std::string Key(int b, int e) const {
    std::string k;
    for (int i = b; i < e; ++i) {
      if (!t_[i].Is(kWord)) continue;
      if (!k.empty()) k.push_back(' ');
      k += t_[i].key;
    }
    return k;
  }
  bool Has(const WordSet& s, int i) const { return s.count(t_[i].key) != 0; }

  bool NameLike(int i) const {
    const Token& t = t_[i];
    if (!t.Is(kWord) || t.Is(kNumber) || address_[i]) return false;
    int digits = 0;
    for (char c : t.key) digits += c >= '0' && c <= '9';
    if (digits >= 3) return false;  // "TIP577", a code
    if (!t.Is(kCap)) {
      // "al-Assad", "bin-Laden": a lower-case particle glued to a name.
      size_t h = t.text.find('-');
      return h != std::string_view::npos && h <= 3 && h + 1 < t.text.size() &&
             t.text[h + 1] >= 'A' && t.text[h + 1] <= 'Z' &&
             lex_.particles.count(std::string(t.key.substr(0, h))) != 0;
    }
    if (t.Is(kLowerPart) && !LinkedName(t.text)) return false;                 // "Russian-occupied"
    if (t.Is(kHyphen) && t.text.size() > 1 && t.text[1] == '-') return false;  // (R-Texas)
    if (t.text.size() == 1) return false;                                      // "I", "A", "X"
    if (size_t a = t.key.find('\''); a != std::string::npos) {
      std::string_view rest = std::string_view(t.key).substr(a + 1);
      if (rest == "m" || rest == "ve" || rest == "ll" || rest == "d" || rest == "re" ||
          rest == "t") {
        return false;  // "I'm", "We've", "Don't"
      }
    }
    if (t.Is(kInitial)) return true;  // "A. Smith"
    if (Has(lex_.stopwords, i)) {
      return t.Is(kAllCaps) && t.key.size() >= 2 && lex_.Find(t.key);  // "US" in text
    }
    return true;
  }

  // "Inzamam-ul-Haq", "Ata-ur-Rehman": short lower-case links between
  // capitalised parts, unlike "Oscar-winning".
  static bool LinkedName(std::string_view w) {
    size_t start = 0;
    bool last_upper = false;
    for (size_t dash = w.find('-');; dash = w.find('-', start)) {
      std::string_view part =
          w.substr(start, dash == std::string_view::npos ? w.npos : dash - start);
      if (part.empty()) return false;
      last_upper = part[0] >= 'A' && part[0] <= 'Z';
      if (!last_upper && part.size() > 3) return false;
      if (dash == std::string_view::npos) break;
      start = dash + 1;
    }
    return last_upper;
  }

  bool HasHead(int b, int e) const {
    for (int i = b; i < e; ++i) {
      if (Has(lex_.org_heads, i) || Has(lex_.place_heads, i)) return true;
    }
    return false;
  }
  bool HasOrgHead(int b, int e) const {
    for (int i = b; i < e; ++i) {
      if (Has(lex_.org_heads, i)) return true;
    }
    return false;
  }

  // Extends a run of name-like tokens across connectors that belong inside a
  // name: particles ("van", "bin"), "of"/"for"/"on" after a head word or title
  // ("Bank of England", "Secretary of State"), "&" and "and" in organisation
  // names or in a known place ("Trinidad and Tobago").
  int ExtendRun(int b) const {
    int n = static_cast<int>(t_.size());
    int j = b + 1;
    bool crossed_of = false;
    while (j < n) {
      if (t_[j - 1].Is(kPossessive)) break;
      if (NameLike(j)) {
        ++j;
        continue;
      }
      const Token& c = t_[j];
      const bool next_ok = j + 1 < n && NameLike(j + 1);
      // One or more particles before the next name word: "van Gogh", "von
      // der Leyen", "de la Cruz".
      int particles = 0;
      while (particles < 3 && j + particles < n && t_[j + particles].Is(kWord) &&
             !t_[j + particles].Is(kCap) && Has(lex_.particles, j + particles))
        ++particles;
      if (particles > 0 && j + particles < n && NameLike(j + particles)) {
        j += particles + 1;
        continue;
      }
      std::string_view k = c.Is(kWord) ? std::string_view(c.key) : std::string_view();
      if ((k == "of" || k == "for" || k == "on") && j + 1 < n) {
        int skip = (j + 2 < n && t_[j + 1].key == "the" && NameLike(j + 2)) ? 2 : 1;
        if (!NameLike(j + skip)) break;
        bool head = HasHead(b, j);
        for (int i = b; i < j && !head; ++i) head = Has(lex_.titles, i);
        if (!head && !lex_.Find(Key(b, j + skip + 1))) break;
        crossed_of = true;
        j += skip + 1;
        continue;
      }
      if (k == "in" && crossed_of && next_ok && HasOrgHead(b, j)) {
        const Known* place = lex_.Find(t_[j + 1].key);
        if (place && place->type == EntityType::kPlace) {
          j += 2;
          continue;
        }
      }
      if ((k == "and" || c.IsPunct('&')) && next_ok) {
        bool known = lex_.Find(Key(b, j + 2)) != nullptr;
        if (c.IsPunct('&') || known || (crossed_of && HasOrgHead(b, j))) {
          j += 2;
          continue;
        }
      }
      break;
    }
    return j;
  }

  void Emit(int b, int e, EntityType type, Strength s, const Known* known = nullptr) {
    if (b >= e) return;
    Mention m;
    m.type = type;
    m.strength = s;
    m.begin = t_[b].begin;
    m.end = t_[e - 1].end;
    m.surface = std::string(text_.substr(m.begin, m.end - m.begin));
    m.key = Key(b, e);
    for (int i = b; i < e; ++i) m.words += t_[i].Is(kWord);
    m.sentence_start = t_[b].Is(kSentStart);
    m.hyphen_compound = e - b == 1 && t_[b].Is(kHyphen);
    m.acronym = e - b == 1 && t_[b].Is(kAllCaps);
    m.paragraph = paragraph_;
    if (known) {
      m.canonical = known->canonical;
      m.country = known->country;
    }
    out_->push_back(std::move(m));
  }

  bool NextIsNumber(int e) const {
    return e < static_cast<int>(t_.size()) && t_[e].Is(kWord) && t_[e].Is(kNumber);
  }
  const Token* Prev(int b) const { return b > 0 ? &t_[b - 1] : nullptr; }

  // "in Seattle", "near Kiev" (and "at Edgbaston" when reporting sport).
  bool Locative(int b) const {
    const Token* p = Prev(b);
    if (!p || !p->Is(kWord)) return false;
    const std::string& k = p->key;
    return k == "in" || k == "near" || k == "outside" || (sports_ && k == "at");
  }

  // "Leicester: Leicestershire beat Somerset", "London (The Oval)": a venue.
  bool Venue(int e) const {
    return e < static_cast<int>(t_.size()) && (t_[e].IsPunct(':') || t_[e].IsPunct('('));
  }

  // "Indians", "Mariners": a plural capitalised word (not "Williams"-like
  // surnames after a given name, which are caught earlier).
  bool Plural(int i) const {
    const std::string& k = t_[i].key;
    return k.size() > 3 && k.back() == 's' && k[k.size() - 2] != 's' && k[k.size() - 2] != 'u' &&
           !t_[i].Is(kAllCaps);
  }
  // A plural that is not a patronymic surname ("Roberts", "Edwards",
  // "Peters": a given name plus s).
  bool PluralNoun(int i) const {
    if (!Plural(i)) return false;
    const std::string& k = t_[i].key;
    return !lex_.given_names.count(k.substr(0, k.size() - 1)) &&
           !(k.size() > 5 && k.compare(k.size() - 3, 3, "ons") == 0);
  }

  // A one-word lexicon organisation that may also be a surname.
  bool SurnameOrg(const Known* k, int b, int e) const {
    return k && k->type == EntityType::kOrg && e == b + 1 && SurnameShaped(t_[b]);
  }

  // A sentence-initial word that is plainly not a name ("Speaking",
  // "Interestingly").
  bool WeakStarter(int i, int e) const {
    const Token& t = t_[i];
    if (!t.Is(kSentStart) || Has(lex_.given_names, i)) return false;
    if (lex_.Find(t.key)) return false;
    const std::string& k = t.key;
    auto ends = [&](std::string_view suf) {
      return k.size() > suf.size() + 3 && k.compare(k.size() - suf.size(), suf.size(), suf) == 0;
    };
    if (ends("ly") || ends("ing") || ends("ed")) return true;
    if (Has(lex_.title_modifiers, i) && i + 1 < e && !Has(lex_.titles, i + 1) &&
        !Has(lex_.title_modifiers, i + 1)) {
      return true;
    }
    return false;
  }

  void ClassifyPrefix(int b, int s) {
    while (s > b && (Has(lex_.title_modifiers, s - 1) || Has(lex_.demonyms, s - 1) ||
                     t_[s - 1].key == "of" || t_[s - 1].key == "the")) {
      --s;
    }
    if (s <= b) return;
    if (const Known* k = lex_.Find(Key(b, s))) {
      Emit(b, s, k->type, kStrong, k);
    } else if (s - b >= 2 && HasOrgHead(b, s)) {
      Emit(b, s, EntityType::kOrg, kMedium);
    } else if (s - b == 1 && t_[b].Is(kAllCaps)) {
      Emit(b, s, EntityType::kOrg, kMedium);
    }
  }

  void Classify(int b, int e) {
    // Leading demonyms and sentence-initial plain words are not part of a name.
    while (b < e && !lex_.Find(Key(b, e))) {
      if (Has(lex_.demonyms, b) || WeakStarter(b, e)) {
        ++b;
        continue;
      }
      break;
    }
    if (b >= e) return;
    const int len = e - b;
    const std::string key = Key(b, e);
    if (len == 1) {
      const Token& t = t_[b];
      // A lone head word ("Islands"), a lone initial ("X."), "US-Russian".
      if (Has(lex_.org_heads, b) || Has(lex_.place_heads, b)) {
        if (!lex_.Find(key)) return;
      }
      if (t.Is(kInitial) && t.text.size() <= 2) return;
      if (t.Is(kHyphen)) {
        size_t dash = t.key.rfind('-');
        if (lex_.demonyms.count(t.key.substr(dash + 1))) return;
      }
    }
    if (len >= 2 && t_[b].Is(kInitial) && t_[b].text.size() <= 2 && lex_.Find(Key(b + 1, e))) {
      Classify(b + 1,
               e);  // "... platform X. Ukraine's": the letter ended a sentence
      return;
    }
    if (lex_.person_aliases.count(key)) {  // "Zelenskyy", known by the alias table
      Emit(b, e, EntityType::kPerson, kStrong);
      return;
    }
    const bool next_number = NextIsNumber(e);
    if (const Known* k = lex_.Find(key)) {
      if (SurnameOrg(k, b, e)) {
        // "Bloomberg", "Ford": the company, or a person of that name.
        Cue cue = PersonOrOrgCue(lex_, t_, b, e);
        if (cue == Cue::kPerson) {
          Emit(b, e, EntityType::kPerson, kMedium);
        } else {
          Emit(b, e, EntityType::kOrg, cue == Cue::kOrg ? kStrong : kWeak, k);
        }
        out_->back().surname_org = true;
        return;
      }
      EntityType type = k->type;
      if (type == EntityType::kPlace && !k->country &&
          ((table_line_ && next_number) || (sports_ && !Locative(b) && !Venue(e)))) {
        type = EntityType::kOrg;  // a club named after its city
      }
      Emit(b, e, type, kStrong, k);
      return;
    }
    // "Hurricane Sandy", "Operation Desert Storm": a storm or an event.
    if (len >= 2 && Has(lex_.misc_prefixes, b)) return;
    // "New Yorkers", "Brooklynites": people of a place, not the place (nor a
    // person); "The New Yorker" mid-sentence is a publication.
    if (PlaceDemonym(b, e)) {
      if (TheBefore(b)) Emit(b, e, EntityType::kOrg, kWeak);
      return;
    }
    // "Cleveland Indians", "Boston Red Sox": a place and a plural nickname.
    if (len >= 2 && Plural(e - 1)) {
      const Known* k = lex_.Find(t_[b].key);
      if (!k && len >= 3) k = lex_.Find(Key(b, b + 2));
      if (k && k->type == EntityType::kPlace) {
        Emit(b, e, EntityType::kOrg, kStrong);
        return;
      }
    }
    // "Toyota Celica", "Ford Escort": a company's product, not a person or
    // a second company ("Ford Foundation" has a head word).
    if (len == 2 && !HasHead(b, e)) {
      const Known* maker = lex_.Find(t_[b].key);
      if (maker && maker->type == EntityType::kOrg && !Has(lex_.given_names, b + 1) &&
          !lex_.Find(t_[b + 1].key))
        return;
    }
    if (TitledPerson(b, e)) return;
    const Token& last = t_[e - 1];
    // "John Smith Jr.", "Henry VIII"-style suffixes; not "World War II".
    if (len >= 2 &&
        (last.key == "jr" || last.key == "sr" || last.key == "ii" || last.key == "iii") &&
        !HasHead(b, e) && !Has(lex_.misc_heads, e - 2)) {
      Emit(b, e, EntityType::kPerson, kStrong);
      return;
    }
    if (Has(lex_.misc_heads, e - 1) && !Has(lex_.org_heads, e - 1)) return;
    bool all_demonyms = true;
    for (int i = b; i < e && all_demonyms; ++i) {
      all_demonyms = Has(lex_.demonyms, i) || Has(lex_.place_prefixes, i);
    }
    if (all_demonyms) return;
    if (len >= 2 && HeadWord(b, e, next_number)) return;
    if (Has(lex_.org_prefixes, b) && (len >= 2 || !t_[b].Is(kSentStart))) {
      Emit(b, e, EntityType::kOrg, kStrong);
      return;
    }
    const Token& first = t_[b];
    // Not "U.S. Treasury": a country's abbreviation is no initial.
    bool initials = (first.Is(kInitial) && !lex_.Find(first.key)) ||
                    (len == 2 && first.Is(kAllCaps) && first.key.size() <= 2 &&
                     !t_[b + 1].Is(kAllCaps) && !lex_.Find(first.key));
    // "Democrat Walter Mondale", "Yankees pitcher...": a word before a given
    // name that starts a two-word name is typed on its own.
    if (len >= 3 && !Has(lex_.given_names, b) && !first.Is(kInitial) &&
        !Has(lex_.place_prefixes, b) && !Has(lex_.particles, b)) {
      for (int g = b + 1; g + 2 <= e && g + 4 >= e; ++g) {
        if (!Has(lex_.given_names, g) || lex_.Find(Key(g, e))) continue;
        ClassifyPrefix(b, g);
        Emit(g, e, EntityType::kPerson, kStrong);
        return;
      }
    }
    // "Nancy 0 Paris St Germain 0", "NEC Nijmegen 1 0 0 1 1 4 0": clubs in a
    // match result or a standings row, whatever their shape.
    if (table_line_ && len >= 2 && ClubInResults(b, e, !Has(lex_.given_names, b))) {
      Emit(b, e, EntityType::kOrg, kMedium);
      return;
    }
    // A name written twice in a row (a caption and its credit run together).
    if (len >= 4 && len % 2 == 0 && Key(b, b + len / 2) == Key(b + len / 2, e)) {
      Classify(b, b + len / 2);
      Classify(b + len / 2, e);
      return;
    }
    // "Michael Bloomberg Michael Bloomberg", "Brad Pitt Angelina Jolie": a
    // given name after a given-name-first pair starts a second person.
    if (len >= 4 && Has(lex_.given_names, b)) {
      for (int g = b + 2; g + 2 <= e; ++g) {
        if (!Has(lex_.given_names, g) || Has(lex_.given_names, g - 1) ||
            Has(lex_.particles, g - 1) || t_[g - 1].Is(kInitial))
          continue;
        Classify(b, g);
        Classify(g, e);
        return;
      }
    }
    // "Roman Catholic", "Christian Democrat": a given name before a creed or
    // nationality word.
    if (len == 2 && Has(lex_.given_names, b) && Has(lex_.demonyms, e - 1)) return;
    if (len >= 2 && (Has(lex_.given_names, b) || initials)) {
      Emit(b, e, CompanyContext(lex_, t_, b, e) ? EntityType::kOrg : EntityType::kPerson, kStrong);
      return;
    }
    if (len >= 2 && Has(lex_.place_prefixes, b) && !table_line_) {
      Emit(b, e, EntityType::kPlace, kMedium);
      return;
    }
    if (ContextPerson(lex_, t_, b, e)) {
      Emit(b, e, EntityType::kPerson, kMedium);
      return;
    }
    // "Crown Heights", "Penn Station", "Carnegie Hall": places and facilities
    // (CoNLL types facilities as locations). After the given-name rule, so
    // "Jerry Hall" stays a person.
    if (len >= 2 && Has(lex_.facility_heads, e - 1) && !table_line_) {
      Emit(b, e, EntityType::kPlace, kMedium);
      return;
    }
    if (table_line_ && (next_number || paren_)) {
      // Results: a club is mostly one word, a player two ("Aamir Sohail
      // 5-0-31-0").
      // "(Balakov 50th, Bobic 61st)": a scorer and the minute.
      bool person = paren_ || len >= 2 || MinuteAfter(e);
      Emit(b, e, person ? EntityType::kPerson : EntityType::kOrg, kMedium);
      return;
    }
    // "NATO", "CSIS": a short acronym; not "NET", "SALES" (English words).
    if (len == 1 && first.Is(kAllCaps) && first.key.size() <= 6 && !Has(lex_.common_words, b)) {
      Emit(b, e, EntityType::kOrg, kMedium);
      return;
    }
    if (Locative(b)) {
      Emit(b, e, EntityType::kPlace, kWeak);
      return;
    }
    if (len >= 2) {
      // Capitalised words with no evidence of a person. "The Daily Show",
      // "Saturday Night Live": glued to a capitalised function word, a title.
      if (TheBefore(b)) return;
      // "Getty Images", "Red Bulls": a plural last word names a group, a
      // company or a team more often than a person.
      if (PluralNoun(e - 1) && !table_line_) {
        Emit(b, e, EntityType::kOrg, kWeak);
        return;
      }
      // Otherwise a person only if the article (or the bundle) supports it:
      // the extractor keeps it when the same words or its last word are a
      // person elsewhere ("Smith said", "Mr. Smith").
      Emit(b, e, EntityType::kPerson, kUntyped);
      return;
    }
    Emit(b, e, EntityType::kPerson, kUntyped);
  }

  // "61st", "47th", "82nd": an ordinal number, the minute of a goal.
  bool MinuteAfter(int e) const {
    if (!IsNum(e)) return false;
    std::string_view w = t_[e].text;
    if (w.size() < 3) return false;
    std::string_view suf = w.substr(w.size() - 2);
    return (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && w[0] >= '0' && w[0] <= '9';
  }

  bool IsNum(int i) const {
    return i >= 0 && i < static_cast<int>(t_.size()) && t_[i].Is(kWord) && t_[i].Is(kNumber);
  }
  // Skips a bracketed group at |i| ("(Numan 11th)"), returning the index after.
  int SkipBrackets(int i) const {
    const int n = static_cast<int>(t_.size());
    if (i >= n || !t_[i].IsPunct('(')) return i;
    while (i < n && !t_[i].IsPunct(')')) ++i;
    return i + 1;
  }
  // "A 1 B 2" (a result: a name, a number, a name, a number) with the run as
  // either name, or, with |standings|, the run followed by six or more
  // numbers of which two have one digit (a standings row; a golf card's
  // rounds have two digits). A given name first ("Lech Poznan") allows the
  // result pattern only: a golfer's row is shaped like a standings row.
  bool ClubInResults(int b, int e, bool standings) const {
    const int n = static_cast<int>(t_.size());
    if (!IsNum(e)) return false;
    int j = SkipBrackets(e + 1);
    int k = j;
    while (k < n && NameLike(k)) ++k;
    if (k > j && IsNum(k)) return true;
    if (b >= 2 && IsNum(b - 1) && NameLike(b - 2)) return true;
    if (!standings) return false;
    int numbers = 0, one_digit = 0;
    for (int i = e; i < n && IsNum(i); ++i) {
      ++numbers;
      one_digit += t_[i].text.size() == 1;
    }
    return numbers >= 6 && one_digit >= 2;
  }

  // A capitalised function word right before the run that does not open the
  // sentence: "watch The Daily Show", "on Saturday Night Live".
  bool TheBefore(int b) const {
    const Token* p = Prev(b);
    if (!p || !p->Is(kWord) || !p->Is(kCap) || p->Is(kSentStart) || p->Is(kAllCaps)) return false;
    return Has(lex_.stopwords, b - 1) && p->key != "mr" && p->key != "mrs" && p->key != "ms" &&
           p->key != "sir" && p->key != "lord";
  }

  // "New Yorkers", "Brooklynite", "Chicagoans": a known place plus a demonym
  // ending.
  bool PlaceDemonym(int b, int e) const {
    const std::string& last = t_[e - 1].key;
    std::string head = e - 1 > b ? Key(b, e - 1) + " " : std::string();
    for (std::string_view suf :
         {"ers", "er", "ites", "ite", "ians", "ian", "ans", "an", "ns", "n"}) {
      if (last.size() <= suf.size() + 2 ||
          last.compare(last.size() - suf.size(), suf.size(), suf) != 0)
        continue;
      std::string stem = last.substr(0, last.size() - suf.size());
      for (const std::string& cand : {head + stem, head + stem + "a"}) {
        const Known* k = lex_.Find(cand);
        if (k && k->type == EntityType::kPlace) return true;
      }
    }
    return false;
  }

  // "Russian Foreign Minister Sergei Lavrov", "Sen. Lindsey Graham",
  // "Secretary of State Marco Rubio": the words after the last title are a
  // person; known words before it are typed on their own.
  bool TitledPerson(int b, int e) {
    int j = -1;
    for (int i = b; i < e; ++i) {
      if (Has(lex_.titles, i)) {
        j = i;
        break;
      }
    }
    if (j < 0) return false;
    int s = j;
    while (s > b && (Has(lex_.title_modifiers, s - 1) || Has(lex_.demonyms, s - 1) ||
                     t_[s - 1].key == "of")) {
      --s;
    }
    // "Martin Luther King": a name that merely contains a title word. An
    // office title inside a run starts a second name: "Peter Vallone Jr.
    // Mayor Bloomberg" is two people.
    if (s > b && (Has(lex_.given_names, b) || (t_[b].Is(kInitial) && !lex_.Find(t_[b].key)))) {
      if (!Has(lex_.office_titles, j) || j + 1 >= e) return false;
      Classify(b, s);
      b = s;
    }
    int r = j + 1;
    while (r < e && (Has(lex_.title_modifiers, r) || Has(lex_.titles, r) || t_[r].key == "of" ||
                     t_[r].key == "the")) {
      ++r;
    }
    // "John Major", "Tony Major": a title word after a given name is a surname.
    if (r < e && r - 1 > j && Has(lex_.given_names, r - 2) && Has(lex_.titles, r - 1)) --r;
    if (r >= e) {
      if (s > b) ClassifyPrefix(b, s);
      return true;
    }
    const Known* known = lex_.Find(Key(r, e));
    if (known && !SurnameOrg(known, r, e)) {
      if (s > b) ClassifyPrefix(b, s);
      Emit(r, e, known->type, kStrong, known);
      return true;
    }
    if (HasHead(r, e)) {
      if (j == b) return false;  // "General Motors Corp"
      if (s > b) ClassifyPrefix(b, s);
      Classify(r, e);  // "President of the Ukrainian Islands"
      return true;
    }
    if (s > b) ClassifyPrefix(b, s);
    // "Councilman Peter Vallone Jr. Mayor Bloomberg": a second office title
    // starts a second person.
    for (int k = r + 1; k + 1 < e; ++k) {
      if (!Has(lex_.office_titles, k)) continue;
      Classify(r, k);
      Classify(k, e);
      return true;
    }
    Emit(r, e, EntityType::kPerson, kStrong);
    out_->back().surname_org = known != nullptr;  // "Mayor Bloomberg"
    if (Has(lex_.titles, r - 1)) out_->back().title = t_[r - 1].key;
    // "Lady Gaga": a stage title before one word that is no given name.
    if (e == r + 1 && Has(lex_.stage_titles, r - 1) && !Has(lex_.given_names, r))
      out_->back().stage = std::string(t_[r - 1].text);
    return true;
  }

  // Organisation and place head words: "Foreign Ministry", "Snake Island".
  bool HeadWord(int b, int e, bool next_number) {
    int h = -1;
    for (int i = e - 1; i > b; --i) {
      if (Has(lex_.org_heads, i) || Has(lex_.place_heads, i)) {
        h = i;
        break;
      }
    }
    const std::string& k1 = t_[b + 1].key;
    bool conn = t_[b + 1].Is(kWord) && (k1 == "of" || k1 == "for" || k1 == "on");
    if (h < 0 && conn && (Has(lex_.org_heads, b) || Has(lex_.place_heads, b))) h = b;
    if (h < 0) return false;
    bool org = Has(lex_.org_heads, h);
    bool place = Has(lex_.place_heads, h);
    if (org && place) {
      // "Manchester City" (a club) vs "Mexico City" (a place).
      const Known* k = lex_.Find(Key(b, h));
      org = table_line_ ? !(k && k->country) : (k && !k->country);
    }
    EntityType type = org ? EntityType::kOrg : EntityType::kPlace;
    if (type == EntityType::kPlace && table_line_ && next_number) type = EntityType::kOrg;
    Emit(b, e, type, org ? kStrong : kMedium);
    return true;
  }

  const Lexicon& lex_;
  std::string_view text_;
  const std::vector<Token>& t_;
  int paragraph_;
  std::vector<Mention>* out_;
  bool table_line_ = false;
  bool sports_ = false;
  bool paren_ = false;
  std::vector<bool> address_;
};

}  // namespace

void ScanNormal(const Lexicon& lex, std::string_view text, const std::vector<Token>& tokens,
                int paragraph, bool sports, bool table_line, std::vector<Mention>* out) {
  RunClassifier(lex, text, tokens, paragraph, sports, table_line, out).Run();
}

}  // namespace nsearch::entities
