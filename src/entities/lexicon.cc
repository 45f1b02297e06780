#include "entities/lexicon.h"

#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>

#include <memory>
#include <vector>

#include "entities/aliases.h"
#include "entities/fold.h"
#include "entities/tables.h"
#include "entities/tokenizer.h"
#include "entities/wordfile.h"

namespace nsearch::entities {
namespace {

void AddWords(const char* list, WordSet* set) {
  std::string_view s(list);
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n') ++j;
    if (j > i) {
      std::string w(s.substr(i, j - i));
      if (!w.empty() && w.back() == '.') w.pop_back();
      set->insert(w);
    }
    i = j;
  }
}

// Exemplar cities that are more often a surname or an ordinary word
// (research stations, islands named after holidays).
bool IsPlainWord(const std::string& city) {
  static const char* kWords[] = {
      "Casey",  "Davis",    "Palmer", "Troll",    "Christmas", "Easter",  "Wake",   "Resolute",
      "Currie", "Johnston", "Dawson", "Darwin",   "Stanley",   "Regina",  "Canary", "Faroe",
      "Oral",   "Chatham",  "Midway", "Lindeman", "Mahe",      "Marigot", "Cocos",  "Comoro"};
  for (const char* w : kWords) {
    if (city == w) return true;
  }
  return false;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

class Builder {
 public:
  explicit Builder(Lexicon* lex) : lex_(lex) {}

  // First writer wins, so the project's alias table (added first) decides
  // canonical names over ICU's display names.
  void Add(std::string_view surface, EntityType type, std::string_view canonical, bool country) {
    std::string key = PhraseKey(surface);
    if (key.empty()) return;
    auto [it, inserted] = lex_->phrases.try_emplace(key);
    if (inserted) {
      it->second.type = type;
      it->second.canonical = std::string(canonical);
      it->second.country = country;
      size_t words = 1;
      for (char c : key) words += c == ' ';
      if (words > lex_->max_phrase_tokens) lex_->max_phrase_tokens = words;
    } else if (country && it->second.type == EntityType::kPlace) {
      it->second.country = true;
    }
  }

  void AddAliases(const char* table, EntityType type) {
    ForEachAlias(table, [&](std::string_view canonical, std::string_view variant) {
      Add(variant, type, canonical, false);
    });
  }

  void AddIcuRegions() {
    const char* kLangs[] = {"en", "fr", "de", "es", "it", "pt", "nl"};
    std::vector<std::string> codes;
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) codes.push_back(*c);
    // UN M.49 macro-regions: continents and sub-continents.
    for (const char* r : {"002", "005", "009", "011", "013", "014", "015", "017", "018", "019",
                          "021", "029", "030", "034", "035", "039", "053", "054", "057", "061",
                          "142", "143", "145", "150", "151", "154", "155", "419"}) {
      codes.push_back(r);
    }
    std::unique_ptr<icu::LocaleDisplayNames> english(
        icu::LocaleDisplayNames::createInstance(icu::Locale::getEnglish()));
    for (const char* lang : kLangs) {
      for (UDisplayContext len : {UDISPCTX_LENGTH_FULL, UDISPCTX_LENGTH_SHORT}) {
        UDisplayContext ctx[] = {len};
        std::unique_ptr<icu::LocaleDisplayNames> names(
            icu::LocaleDisplayNames::createInstance(icu::Locale(lang), ctx, 1));
        if (!names || !english) continue;
        for (const std::string& code : codes) {
          icu::UnicodeString u, en;
          names->regionDisplayName(code.c_str(), u);
          english->regionDisplayName(code.c_str(), en);
          std::string name = ToUtf8(u), canonical = ToUtf8(en);
          if (name.empty() || name == code) continue;
          Add(name, EntityType::kPlace, canonical, true);
          // "Trinidad & Tobago" is usually written with "and".
          if (size_t amp = name.find(" & "); amp != std::string::npos) {
            Add(name.substr(0, amp) + " and " + name.substr(amp + 3), EntityType::kPlace, canonical,
                true);
          }
          // "Congo - Kinshasa": also "Congo".
          if (size_t dash = name.find(" - "); dash != std::string::npos) {
            Add(name.substr(0, dash), EntityType::kPlace, canonical, true);
          }
        }
      }
    }
  }

  void AddIcuCities() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createTimeZoneIDEnumeration(
        UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
    if (U_FAILURE(status) || !zones) return;
    std::vector<icu::UnicodeString> ids;
    while (const icu::UnicodeString* id = zones->snext(status)) ids.push_back(*id);
    std::unique_ptr<icu::TimeZoneNames> english(
        icu::TimeZoneNames::createInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) return;
    for (const char* lang : {"en", "fr", "de", "es"}) {
      UErrorCode st = U_ZERO_ERROR;
      std::unique_ptr<icu::TimeZoneNames> names(
          icu::TimeZoneNames::createInstance(icu::Locale(lang), st));
      if (U_FAILURE(st)) continue;
      for (const auto& id : ids) {
        icu::UnicodeString u, en;
        names->getExemplarLocationName(id, u);
        english->getExemplarLocationName(id, en);
        std::string name = ToUtf8(u), canonical = ToUtf8(en);
        if (name.empty() || name.find(',') != std::string::npos || IsPlainWord(canonical)) {
          continue;
        }
        if (canonical.empty() || canonical.find(',') != std::string::npos) canonical = name;
        Add(name, EntityType::kPlace, canonical, false);
      }
    }
  }

  void AddList(const char* table, EntityType type, bool country = false) {
    for (std::string_view entry : SplitNonEmpty(table, '|')) Add(entry, type, entry, country);
  }

 private:
  Lexicon* lex_;
};

void AddNicknames(Lexicon* lex) {
  for (std::string_view entry : SplitNonEmpty(tables::kNicknames, '|')) {
    size_t eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    std::string nick(entry.substr(0, eq));
    auto formals = SplitNonEmpty(entry.substr(eq + 1), ',');
    if (formals.empty()) continue;
    for (std::string_view f : formals) lex->given_names.insert(std::string(f));
    lex->given_names.insert(nick);
    lex->formal_given.emplace(std::move(nick), std::string(formals.front()));
  }
}

// Debian's propernames list (package miscfiles), minus what the lexicon
// already reads as something else: a place ("Israel", "Indiana"), an
// organisation, a title or head word, a stopword ("June").
void AddSystemGivenNames(Lexicon* lex) {
  std::unordered_set<std::string> exclude;
  for (const auto& [key, known] : lex->phrases) {
    if (key.find(' ') == std::string::npos) exclude.insert(key);
  }
  for (const WordSet* set :
       {&lex->stopwords, &lex->titles, &lex->title_modifiers, &lex->demonyms, &lex->org_heads,
        &lex->place_heads, &lex->place_prefixes, &lex->misc_heads, &lex->facility_heads,
        &lex->misc_prefixes, &lex->particles, &lex->org_prefixes}) {
    exclude.insert(set->begin(), set->end());
  }
  lex->common_words = ReadWords(DefaultWordsPath());
  for (std::string name : ReadGivenNames(DefaultNamesPath(), lex->common_words, exclude)) {
    if (lex->given_names.insert(std::move(name)).second) ++lex->system_given_names;
  }
}

std::unique_ptr<Lexicon> Build() {
  auto lex = std::make_unique<Lexicon>();
  AddWords(tables::kGivenNames, &lex->given_names);
  AddWords(tables::kPersonTitles, &lex->titles);
  AddWords(tables::kTitleModifiers, &lex->title_modifiers);
  AddWords(tables::kOrgHeads, &lex->org_heads);
  AddWords(tables::kOrgPrefixes, &lex->org_prefixes);
  AddWords(tables::kPlaceHeads, &lex->place_heads);
  AddWords(tables::kPlacePrefixes, &lex->place_prefixes);
  AddWords(tables::kMiscHeads, &lex->misc_heads);
  AddWords(tables::kDemonyms, &lex->demonyms);
  AddWords(tables::kStopwords, &lex->stopwords);
  AddWords(tables::kNameParticles, &lex->particles);
  AddWords(tables::kSpeechVerbs, &lex->speech_verbs);
  AddWords(tables::kRoleNouns, &lex->roles);
  AddWords(tables::kKinWords, &lex->kin_words);
  AddWords(tables::kFacilityHeads, &lex->facility_heads);
  AddWords(tables::kMiscPrefixes, &lex->misc_prefixes);
  AddWords(tables::kStageTitles, &lex->stage_titles);
  AddWords(tables::kKinTitles, &lex->kin_titles);
  AddWords(tables::kKinTitles, &lex->titles);
  AddWords(tables::kOfficeTitles, &lex->office_titles);
  AddWords(tables::kPersonAfter, &lex->person_after);
  AddWords(tables::kOrgAfter, &lex->org_after);
  for (std::string_view phrase : SplitNonEmpty(tables::kOrgBefore, '|'))
    lex->org_before.insert(std::string(phrase));
  for (std::string_view phrase : SplitNonEmpty(tables::kOutletBefore, '|'))
    lex->outlet_before.insert(std::string(phrase));
  for (std::string_view phrase : SplitNonEmpty(tables::kCompanyBefore, '|')) {
    lex->company_before.insert(std::string(phrase));
    lex->org_before.insert(std::string(phrase));
  }
  AddNicknames(lex.get());
  // Demonym plurals ("Ukrainians", "Serbs").
  std::vector<std::string> plurals;
  for (const auto& d : lex->demonyms) {
    char last = d.back();
    if (last != 's' && last != 'h' && last != 'e') plurals.push_back(d + "s");
  }
  for (auto& p : plurals) lex->demonyms.insert(std::move(p));

  Builder b(lex.get());
  b.AddAliases(tables::kPlaceAliases, EntityType::kPlace);
  b.AddAliases(tables::kOrgAliases, EntityType::kOrg);
  b.AddIcuRegions();
  b.AddList(tables::kOrgs, EntityType::kOrg);
  b.AddList(tables::kNations, EntityType::kPlace, true);
  b.AddList(tables::kPlaces, EntityType::kPlace);
  b.AddIcuCities();
  // Every spelling of a country is a country ("U.S." as much as "US").
  std::unordered_set<std::string> countries;
  for (const auto& [key, known] : lex->phrases) {
    if (known.country) countries.insert(known.canonical);
  }
  for (auto& [key, known] : lex->phrases) {
    if (known.type == EntityType::kPlace && countries.count(known.canonical)) known.country = true;
  }
  // Short foreign-language forms that are English words or abbreviations:
  // Dutch "VS" (Verenigde Staten) would make every "vs." a United States.
  for (const char* word : {"vs", "ver", "am", "is", "de", "la", "le"}) lex->phrases.erase(word);
  AddSystemGivenNames(lex.get());
  ForEachAlias(tables::kPersonAliases, [&](std::string_view canonical, std::string_view variant) {
    lex->person_aliases[PhraseKey(variant)] = std::string(canonical);
  });
  return lex;
}

}  // namespace

const Lexicon& GetLexicon() {
  static const std::unique_ptr<Lexicon> lexicon = Build();
  return *lexicon;
}

}  // namespace nsearch::entities
