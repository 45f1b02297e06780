#include "entities/extractor.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/bundle.h"
#include "entities/fold.h"
#include "entities/lexicon.h"
#include "entities/names.h"
#include "entities/scan.h"
#include "entities/tokenizer.h"

namespace nsearch::entities {
namespace {

constexpr int kTypes = 3;
int TypeIndex(EntityType t) { return static_cast<int>(t); }
EntityType TypeAt(int i) { return static_cast<EntityType>(i); }

int Weight(Strength s) {
  switch (s) {
    case kStrong:
      return 8;
    case kMedium:
      return 3;
    case kWeak:
      return 1;
    default:
      return 0;
  }
}

struct Para {
  std::string_view text;
  std::vector<Token> tokens;
  ScanMode mode = ScanMode::kNormal;
  bool table = false;  // a results line (IsTableLine)
};

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) j = s.size();
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// "LONDON 1996-08-30", "AL-AIN, United Arab Emirates 1996-12-06": a short
// line that opens with a word in capitals and ends with an ISO date.
bool WireDateline(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  if (text.size() < 13 || text.size() > 80 || text[text.size() - 11] != ' ') return false;
  for (size_t i = text.size() - 10; i < text.size(); ++i) {
    const bool dash = i == text.size() - 6 || i == text.size() - 3;
    if (dash ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
  }
  const std::string_view first = text.substr(0, text.find_first_of(" ,"));
  return first.size() >= 2 && AllCapsWord(first);
}

class ArticlePass {
 public:
  ArticlePass(const Lexicon& lex, const BundleNames* bundle) : lex_(lex), bundle_(bundle) {}

  // |dateline|: a wire dateline, read as running text so its place stays a
  // place in a sports report.
  void Add(std::string_view text, ParagraphKind kind, bool dateline = false) {
    Para p;
    p.text = text;
    p.tokens = TokenizeForNames(text);
    p.mode = dateline ? ScanMode::kNormal : ModeFor(p.tokens, text, kind);
    p.table = IsTableLine(p.tokens);
    paras_.push_back(std::move(p));
  }

  std::vector<Entity> Run() {
    const bool sports = IsSports();
    sports_ = sports;
    for (size_t i = 0; i < paras_.size(); ++i) {
      const Para& p = paras_[i];
      if (p.mode != ScanMode::kNormal) continue;
      ScanNormal(lex_, p.text, p.tokens, static_cast<int>(i), sports, p.table, &mentions_);
    }
    SplitCompounds();
    SplitSurnamePairs();
    Resolve();
    for (size_t i = 0; i < paras_.size(); ++i) {
      if (paras_[i].mode != ScanMode::kNormal) ScanHeading(static_cast<int>(i));
    }
    return Aggregate();
  }

 private:
  // Sport reports name clubs after cities ("Cleveland beat Texas"): such an
  // article has results lines or the vocabulary of a match.
  bool IsSports() const {
    static const std::unordered_set<std::string> kSport = {
        "soccer",     "football",     "cricket",     "baseball",     "basketball", "tennis",
        "golf",       "rugby",        "athletics",   "cycling",      "boxing",     "hockey",
        "nfl",        "nba",          "nhl",         "racing",       "skiing",     "innings",
        "wicket",     "wickets",      "homer",       "homered",      "striker",    "midfielder",
        "goalkeeper", "touchdown",    "quarterback", "pitcher",      "batsman",    "bowler",
        "half-time",  "halftime",     "scorers",     "standings",    "playoff",    "playoffs",
        "semifinal",  "quarterfinal", "league",      "championship", "tournament", "season",
        "match",      "goal",         "goals",       "seed"};
    int table = 0, sport = 0;
    for (const Para& p : paras_) {
      table += p.table;
      for (const Token& t : p.tokens) {
        if (t.Is(kWord) && t.key.size() >= 3 && !t.Is(kNumber) && kSport.count(t.key)) ++sport;
      }
      if (table >= 3 || sport >= 3) return true;
    }
    return table >= 3 || sport >= 3;
  }

  void Vote(const std::string& key, EntityType type, int w) { votes_[key][TypeIndex(type)] += w; }

  // "Trump-Putin", "NATO-Putin": two known names glued by a hyphen.
  void SplitCompounds() {
    std::unordered_set<std::string> known;
    for (const Mention& m : mentions_) {
      if (!m.hyphen_compound && m.strength >= kWeak) {
        known.insert(m.key);
        for (const auto& part : SplitOn(m.key, ' ')) known.insert(std::string(part));
      }
    }
    std::vector<Mention> out;
    out.reserve(mentions_.size());
    for (Mention& m : mentions_) {
      if (!m.hyphen_compound || !m.canonical.empty()) {
        out.push_back(std::move(m));
        continue;
      }
      auto keys = SplitOn(m.key, '-');
      bool all_known = keys.size() >= 2;
      for (auto k : keys) {
        std::string ks(k);
        all_known =
            all_known && (known.count(ks) || lex_.Find(ks) || lex_.person_aliases.count(ks));
      }
      if (!all_known) {
        out.push_back(std::move(m));
        continue;
      }
      size_t pos = 0;
      for (auto k : keys) {
        size_t dash = m.surface.find_first_of("-", pos);
        if (dash == std::string::npos) dash = m.surface.size();
        Mention part = m;
        part.hyphen_compound = false;
        part.surface = m.surface.substr(pos, dash - pos);
        part.key = std::string(k);
        part.begin = m.begin + static_cast<uint32_t>(pos);
        part.end = m.begin + static_cast<uint32_t>(dash);
        part.strength = kUntyped;
        part.words = 1;
        if (const Known* kn = lex_.Find(part.key)) {
          part.type = kn->type;
          part.strength = kStrong;
          part.canonical = kn->canonical;
          part.country = kn->country;
        } else if (lex_.person_aliases.count(part.key)) {
          part.type = EntityType::kPerson;
          part.strength = kStrong;
        }
        out.push_back(std::move(part));
        pos = dash + 1;
      }
    }
    mentions_ = std::move(out);
  }

  // "the Graham Blumenthal bill": two people named by surname side by side,
  // each the surname of a different full name in the article, are two
  // mentions, not one person called "Graham Blumenthal".
  void SplitSurnamePairs() {
    std::unordered_map<std::string, std::string> tail_of;  // surname -> full key
    for (const Mention& m : mentions_) {
      if (m.type == EntityType::kPerson && m.words >= 2 && m.strength >= kWeak)
        tail_of.emplace(m.key.substr(m.key.rfind(' ') + 1), m.key);
    }
    std::vector<Mention> out;
    out.reserve(mentions_.size());
    for (Mention& m : mentions_) {
      const size_t key_space = m.key.find(' ');
      const size_t surface_space = m.surface.find(' ');
      bool pair = m.type == EntityType::kPerson && m.words == 2 && key_space != std::string::npos &&
                  surface_space != std::string::npos;
      if (pair) {
        auto a = tail_of.find(m.key.substr(0, key_space));
        auto b = tail_of.find(m.key.substr(key_space + 1));
        pair = a != tail_of.end() && b != tail_of.end() && a->second != m.key &&
               b->second != m.key && a->second != b->second;
      }
      if (!pair) {
        out.push_back(std::move(m));
        continue;
      }
      Mention first = m, second = m;
      first.key = m.key.substr(0, key_space);
      first.surface = m.surface.substr(0, surface_space);
      first.end = m.begin + static_cast<uint32_t>(surface_space);
      second.key = m.key.substr(key_space + 1);
      second.surface = m.surface.substr(surface_space + 1);
      second.begin = m.begin + static_cast<uint32_t>(surface_space + 1);
      for (Mention* part : {&first, &second}) {
        part->words = 1;
        part->canonical.clear();
        part->sentence_start = part == &first && m.sentence_start;
        out.push_back(std::move(*part));
      }
    }
    mentions_ = std::move(out);
  }

  void Resolve() {
    // Words the article uses alone for a person, with evidence ("Mr. Smith",
    // "Smith's wife", "Smith" after a title): a capitalised run ending in
    // one of them is that person ("John Smith" with no given name known).
    std::unordered_set<std::string> person_words;
    for (const Mention& m : mentions_) {
      if (m.type == EntityType::kPerson && m.strength >= kMedium && m.words == 1)
        person_words.insert(m.key);
    }
    for (Mention& m : mentions_) {
      if (m.strength == kUntyped && m.words >= 2 && m.type == EntityType::kPerson) {
        const std::string last = m.key.substr(m.key.rfind(' ') + 1);
        if (person_words.count(last) || (bundle_ && bundle_->IsPersonName(m.key))) {
          m.strength = kMedium;
        }
      }
    }
    // Full person names and the tails that may stand for them.
    std::unordered_map<std::string, std::vector<std::string>> tails;
    std::unordered_map<std::string, int> org_tails;  // "indians" <- "Cleveland Indians"
    for (const Mention& m : mentions_) {
      if (m.strength >= kWeak) Vote(m.key, m.type, Weight(m.strength));
      if (m.type == EntityType::kOrg && m.strength >= kMedium && m.words >= 2) {
        ++org_tails[m.key.substr(m.key.rfind(' ') + 1)];
      }
      if (m.type != EntityType::kPerson || m.strength < kWeak || m.words < 2) continue;
      auto words = SplitOn(m.key, ' ');
      for (size_t i = 1; i < words.size(); ++i) {
        std::string tail;
        for (size_t j = i; j < words.size(); ++j) {
          if (!tail.empty()) tail.push_back(' ');
          tail += words[j];
        }
        auto& v = tails[tail];
        if (std::find(v.begin(), v.end(), m.key) == v.end()) v.push_back(m.key);
      }
    }
    // Drop full names that are themselves the tail of a longer one, and
    // spellings of one person but the first ("Mike Bloomberg" after
    // "Michael Bloomberg").
    for (auto& [tail, fulls] : tails) {
      std::vector<std::string> maximal;
      std::unordered_set<std::string> ids;
      for (const auto& f : fulls) {
        if (!tails.count(f) && ids.insert(PersonIdentity(lex_, f)).second) maximal.push_back(f);
      }
      if (!maximal.empty()) fulls = std::move(maximal);
    }
    std::vector<Mention> kept;
    kept.reserve(mentions_.size());
    for (Mention& m : mentions_) {
      auto t = tails.find(m.key);
      // "according to Bloomberg" stays the company next to "Michael Bloomberg".
      const bool org_cue = m.surname_org && m.type == EntityType::kOrg && m.strength >= kMedium;
      if (t != tails.end() && t->second.size() == 1 && !m.country && !org_cue) {
        m.type = EntityType::kPerson;
        m.full = t->second.front();
        m.strength = std::max(m.strength, kMedium);
        kept.push_back(std::move(m));
        continue;
      }
      if (m.strength <= kWeak && m.words == 1 && org_tails.count(m.key)) {
        m.type = EntityType::kOrg;
        m.strength = kMedium;
      }
      if (m.strength <= kWeak) {
        auto v = votes_.find(m.key);
        if (v != votes_.end()) {
          auto scores = v->second;
          if (m.strength == kWeak) scores[TypeIndex(m.type)] -= 1;
          int best =
              static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
          if (scores[best] >= 3) {
            m.type = TypeAt(best);
            m.strength = kMedium;
          }
        }
      }
      // "Bloomberg" with no cue in this article: the bundle's cued articles
      // decide between the company and the person.
      if (m.surname_org && m.type == EntityType::kOrg && m.strength == kWeak && bundle_ &&
          bundle_->PersonByCues(m.key)) {
        m.type = EntityType::kPerson;
        m.strength = kMedium;
      }
      // A lone capitalised word nothing else in the article explains is more
      // often a plain word, an event or a nationality than a name: drop it
      // (measured: dropping beats typing it as ORG or PER on every type).
      if (m.strength == kUntyped) continue;
      kept.push_back(std::move(m));
    }
    mentions_ = std::move(kept);
    // One type per name in an article: the best supported.
    std::unordered_map<std::string, std::array<int, kTypes>> final_votes;
    for (const Mention& m : mentions_)
      if (!m.dateline) final_votes[m.key][TypeIndex(m.type)] += Weight(m.strength) + 1;
    for (Mention& m : mentions_) {
      const auto& s = final_votes[m.key];
      // A cued company-or-person keeps its cue ("Mayor Bloomberg" and
      // "according to Bloomberg" in one article are two entities).
      // So does a dateline's place ("NEW YORK 1996-08-22" beside the club).
      if (!(m.surname_org && m.strength >= kMedium) && !m.dateline)
        m.type = TypeAt(static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin()));
      known_[m.key] = m.type;
      if (!m.full.empty()) known_[m.full] = EntityType::kPerson;
    }
    for (const auto& [tail, fulls] : tails) {
      if (fulls.size() == 1 && !known_.count(tail)) {
        known_[tail] = EntityType::kPerson;
        tail_full_[tail] = fulls.front();
      } else if (fulls.size() == 1) {
        tail_full_[tail] = fulls.front();
      }
    }
  }

  // Headings and all-caps lines: take only names the article or the lexicon
  // already knows, longest first ("TRUMP DROPS BOMBSHELL" -> Trump).
  void ScanHeading(int pi) {
    const Para& p = paras_[pi];
    const auto& t = p.tokens;
    const bool all_caps = p.mode == ScanMode::kAllCaps;
    auto eligible = [&](size_t i) {
      if (!t[i].Is(kWord) || t[i].Is(kNumber) || t[i].text.size() < 2) return false;
      if (!all_caps && !t[i].Is(kCap)) return t[i].key == "of" || lex_.particles.count(t[i].key);
      if (lex_.stopwords.count(t[i].key)) return all_caps && t[i].key == "us";
      return true;
    };
    size_t n = t.size();
    for (size_t i = 0; i < n;) {
      if (!eligible(i)) {
        ++i;
        continue;
      }
      size_t e = i;
      while (e < n && eligible(e) && (e == i || !t[e - 1].Is(kPossessive))) ++e;
      for (size_t s = i; s < e;) {
        size_t best = 0;
        EntityType type = EntityType::kPerson;
        const Known* kn = nullptr;
        std::string full;
        size_t maxlen = std::min(e - s, lex_.max_phrase_tokens + 2);
        for (size_t len = maxlen; len >= 1 && !best; --len) {
          std::string key;
          for (size_t j = s; j < s + len; ++j) {
            if (!key.empty()) key.push_back(' ');
            key += t[j].key;
          }
          if (auto it = known_.find(key); it != known_.end()) {
            best = len;
            type = it->second;
            if (auto f = tail_full_.find(key); f != tail_full_.end()) full = f->second;
          } else if (const Known* k = lex_.Find(key)) {
            best = len;
            type = k->type;
            kn = k;
            if (type == EntityType::kOrg && bundle_ && bundle_->PersonByCues(key)) {
              type = EntityType::kPerson;  // "BLOOMBERG VETOES ..." in a bundle about the mayor
              kn = nullptr;
            }
            // A club named after its city, in a sports heading or results line.
            bool in = s > 0 && t[s - 1].Is(kWord) && t[s - 1].key == "in";
            if (type == EntityType::kPlace && !k->country && sports_ && !in) {
              type = EntityType::kOrg;
            }
          } else if (!all_caps && len == 2 && lex_.given_names.count(t[s].key) &&
                     !lex_.Find(t[s + 1].key) && !lex_.titles.count(t[s + 1].key)) {
            best = len;
            type = EntityType::kPerson;
          }
        }
        if (!best) {
          ++s;
          continue;
        }
        Mention m;
        m.type = type;
        m.strength = kMedium;
        m.begin = t[s].begin;
        m.end = t[s + best - 1].end;
        m.surface = std::string(p.text.substr(m.begin, m.end - m.begin));
        for (size_t j = s; j < s + best; ++j) {
          if (!m.key.empty()) m.key.push_back(' ');
          m.key += t[j].key;
        }
        m.words = static_cast<int>(best);
        m.paragraph = pi;
        m.full = full;
        if (kn) {
          m.canonical = kn->canonical;
          m.country = kn->country;
        }
        mentions_.push_back(std::move(m));
        s += best;
      }
      i = e;
    }
  }

  std::string PersonName(const Mention& m, const std::unordered_map<std::string, std::string>& surf,
                         const std::unordered_map<std::string, std::string>& stage) {
    const std::string& key = m.full.empty() ? m.key : m.full;
    if (auto a = lex_.person_aliases.find(key); a != lex_.person_aliases.end()) return a->second;
    // One name per person across the bundle: "Mike Bloomberg", "Michael R.
    // Bloomberg" -> the most written spelling.
    if (bundle_ && GivenFirst(lex_, key)) {
      if (const std::string* s =
              bundle_->CanonicalSurface(PersonIdentity(lex_, key), MiddleInitials(lex_, key)))
        return AllCapsWord(*s) ? TitleCase(*s) : *s;
    }
    // "Gaga" -> "Lady Gaga", as this article or the bundle writes it.
    if (key.find(' ') == std::string::npos) {
      if (auto st = stage.find(key); st != stage.end()) return st->second;
      if (const std::string* s = bundle_ ? bundle_->StageName(key) : nullptr) return *s;
    }
    // "Donald J. Trump": the alias table knows the name without the initial.
    auto words = SplitOn(key, ' ');
    if (words.size() == 3 && words[1].size() == 1) {
      std::string plain = std::string(words[0]) + " " + std::string(words[2]);
      if (auto a = lex_.person_aliases.find(plain); a != lex_.person_aliases.end())
        return a->second;
    }
    auto s = surf.find(key);
    std::string name = s != surf.end()          ? s->second
                       : !m.bundle_full.empty() ? m.bundle_full
                                                : m.surface;
    return AllCapsWord(name) ? TitleCase(name) : name;
  }

  // "Center for Strategic and International Studies (CSIS)": the acronym
  // names the organisation just before it.
  void LinkAcronyms() {
    std::unordered_map<std::string, int> spelled;  // "CSIS" -> first long mention
    for (size_t i = 1; i < mentions_.size(); ++i) {
      Mention& m = mentions_[i];
      const Mention& p = mentions_[i - 1];
      if (!m.acronym) continue;
      if (auto it = spelled.find(m.surface); it != spelled.end()) {
        m.type = mentions_[it->second].type;
        m.linked = it->second;
        continue;
      }
      if (p.paragraph != m.paragraph || p.words < 2) continue;
      std::string_view text = paras_[m.paragraph].text;
      if (m.begin < p.end + 1 || m.begin > p.end + 2 || text[m.begin - 1] != '(') continue;
      std::string initials;
      for (const auto& w : SplitOn(p.surface, ' ')) {
        if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') initials.push_back(w[0]);
      }
      if (initials == m.surface) {
        m.type = p.type;
        m.linked = static_cast<int>(i - 1);
        spelled.emplace(m.surface, static_cast<int>(i - 1));
      }
    }
    // Without brackets: an acronym of three or more letters that spells the
    // capitals of an organisation named earlier in the article ("the
    // International Atomic Energy Agency ... IAEA inspectors").
    std::unordered_map<std::string, int> by_initials;
    for (size_t i = 0; i < mentions_.size(); ++i) {
      Mention& m = mentions_[i];
      if (m.acronym) {
        auto it = by_initials.find(m.surface);
        if (m.linked < 0 && m.surface.size() >= 3 && it != by_initials.end()) {
          m.type = EntityType::kOrg;
          m.linked = it->second;
        }
        continue;
      }
      if (m.type != EntityType::kOrg || m.words < 3 || m.linked >= 0) continue;
      std::string initials;
      for (const auto& w : SplitOn(m.surface, ' '))
        if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') initials.push_back(w[0]);
      if (initials.size() >= 3) by_initials.emplace(initials, static_cast<int>(i));
    }
  }

  // A bare surname the article never spells out takes the full name the
  // bundle gives it ("Cuomo" -> "Andrew Cuomo"), when unambiguous there. A
  // titled mention decides for the article's other mentions of the surname
  // ("President Obama ... Obama").
  void BundleFullNames() {
    std::unordered_map<std::string, std::pair<const std::string*, const std::string*>> chosen;
    for (int titled = 1; titled >= 0; --titled) {
      for (Mention& m : mentions_) {
        // The article's own longest form, unless it already starts with a
        // given name ("de Blasio" still maps, "Bill de Blasio" stays).
        const std::string& k = m.full.empty() ? m.key : m.full;
        if (m.type != EntityType::kPerson || m.linked >= 0 || m.title.empty() == titled ||
            lex_.person_aliases.count(k) ||
            (!m.full.empty() && lex_.given_names.count(m.full.substr(0, m.full.find(' ')))))
          continue;
        const std::string* surface = nullptr;
        const std::string* full = nullptr;
        if (auto c = chosen.find(k); c != chosen.end()) {
          std::tie(full, surface) = c->second;
        } else {
          full = bundle_->FullFor(k, m.title, &surface);
          if (full && titled) chosen.emplace(k, std::make_pair(full, surface));
        }
        if (full) {
          m.full = *full;
          m.bundle_full = *surface;
        }
      }
    }
  }

  std::vector<Entity> Aggregate() {
    std::sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) {
      return a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.begin < b.begin;
    });
    LinkAcronyms();
    if (bundle_) {
      BundleFullNames();
      // "Duane Reade": the bundle writes it like a shop, not a person.
      for (Mention& m : mentions_) {
        const std::string& k = m.full.empty() ? m.key : m.full;
        if (m.type == EntityType::kPerson && GivenFirst(lex_, k) &&
            bundle_->CompanyName(PersonIdentity(lex_, k)))
          m.type = EntityType::kOrg;
      }
    }
    // Best surface per key: the first one not in capitals.
    std::unordered_map<std::string, std::string> surface;
    for (const Mention& m : mentions_) {
      auto [it, inserted] = surface.try_emplace(m.key, m.surface);
      if (!inserted && AllCapsWord(it->second) && !AllCapsWord(m.surface) && m.words > 1) {
        it->second = m.surface;
      }
    }
    std::unordered_map<std::string, std::string> stage;  // "gaga" -> "Lady Gaga"
    for (const Mention& m : mentions_) {
      if (!m.stage.empty() && m.type == EntityType::kPerson && m.full.empty())
        stage.try_emplace(m.key, m.stage + " " + TitleCase(m.surface));
    }
    std::vector<std::string> names(mentions_.size());
    for (size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      if (m.linked >= 0) {
        names[i] = names[m.linked];
      } else if (m.type == EntityType::kPerson) {
        names[i] = PersonName(m, surface, stage);
      } else if (const Known* k = lex_.Find(m.key); k && k->type == m.type) {
        // Also for heading mentions typed from the article ("NYC" in a
        // title-case heading): the lexicon's canonical name.
        names[i] = m.canonical.empty() ? k->canonical : m.canonical;
      } else {
        const std::string& s = surface[m.key];
        names[i] = AllCapsWord(s) && m.words > 1 ? TitleCase(s) : s;
      }
    }
    std::vector<Entity> out;
    std::map<std::pair<int, std::string>, size_t> index;
    for (size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      auto [it, inserted] = index.try_emplace({TypeIndex(m.type), FoldKey(names[i])}, out.size());
      if (inserted) {
        Entity e;
        e.type = m.type;
        e.name = names[i];
        out.push_back(std::move(e));
      }
      Entity& e = out[it->second];
      ++e.count;
      if (std::find(e.mentions.begin(), e.mentions.end(), m.surface) == e.mentions.end()) {
        e.mentions.push_back(m.surface);
      }
    }
    std::stable_sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
      if (a.type != b.type) return a.type < b.type;
      return a.count > b.count;
    });
    return out;
  }

  const Lexicon& lex_;
  const BundleNames* bundle_;
  std::vector<Para> paras_;
  std::vector<Mention> mentions_;
  std::unordered_map<std::string, std::array<int, kTypes>> votes_;
  std::unordered_map<std::string, EntityType> known_;
  std::unordered_map<std::string, std::string> tail_full_;
  bool sports_ = false;
};

}  // namespace

Extractor::Extractor() = default;

const Lexicon& Extractor::Lex() { return GetLexicon(); }

void Extractor::Observe(const Article& article) { Observe(Evidence(article)); }

void Extractor::Observe(const ArticleEvidence& evidence) {
  if (!bundle_) bundle_ = std::make_shared<BundleNames>();
  bundle_->AddArticle(evidence);
}

void Extractor::Unobserve(const ArticleEvidence& evidence) {
  if (bundle_) bundle_->RemoveArticle(evidence);
}

size_t Extractor::ObservedNames() const { return bundle_ ? bundle_->size() : 0; }

void Extractor::Extract(Article& article) const {
  ArticlePass pass(Lex(), bundle_.get());
  if (!article.title.empty() && !article.title_derived) {
    pass.Add(article.title, ParagraphKind::kHeading);
  }
  for (const Paragraph& p : article.paragraphs) {
    if (IsSearchable(p.kind)) {
      pass.Add(p.text, p.kind);
    } else if (p.kind == ParagraphKind::kBoilerplate && WireDateline(p.text)) {
      // Repeated across a wire bundle, a dateline is boilerplate to the
      // classifier, but it names where the story was filed.
      pass.Add(p.text, ParagraphKind::kBody, /*dateline=*/true);
    }
  }
  article.entities = pass.Run();
}

}  // namespace nsearch::entities
