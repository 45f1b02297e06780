// entities/tables: the project's own word lists, written from general
// knowledge (not mined from any corpus). Country names, regions and many
// cities come from ICU instead (see lexicon.cc); these lists hold what ICU
// does not ship: given names, titles, organisation head words, demonyms,
// extra places and the alias table.
//
// Format: single-word lists are whitespace separated; phrase lists are
// separated by '|' (spaces inside an entry are part of it). Matching is on
// FoldKey, so case and accents do not matter.
#ifndef NSEARCH_ENTITIES_TABLES_H_
#define NSEARCH_ENTITIES_TABLES_H_

namespace nsearch::entities::tables {

extern const char kGivenNames[];      // words; common given names, many languages
extern const char kPersonTitles[];    // words; a title right before a name
extern const char kTitleModifiers[];  // words; may sit inside a title phrase
extern const char kOrgHeads[];        // words; an organisation name contains one
extern const char kOrgPrefixes[];     // words; a sports-club name starts with one
extern const char kPlaceHeads[];      // words; a place name ends with one
extern const char kPlacePrefixes[];   // words; a place name starts with one
extern const char kMiscHeads[];       // words; events, laws, prizes (not PER/LOC/ORG)
extern const char kDemonyms[];        // words; nationality, ethnic, religious adjectives
extern const char kStopwords[];       // words; never a name on their own
extern const char kNameParticles[];   // words; lower-case parts of names (van, bin)
extern const char kSpeechVerbs[];     // words; "X said"
extern const char kRoleNouns[];       // words; lower-case role before a name
extern const char kKinWords[];        // words; "X's wife": X is a person
extern const char kFacilityHeads[];   // words; ends a place, unless a given
                                      // name starts the run ("John Hall")
extern const char kMiscPrefixes[];    // words; "Hurricane X": not a name
extern const char kPlaces[];          // phrases; places ICU lacks (capitals, states)
extern const char kNations[];         // phrases; nations/continents ICU lacks
extern const char kOrgs[];            // phrases; well-known organisations
extern const char kPlaceAliases[];    // "Canonical=variant,variant|..."
extern const char kOrgAliases[];      // same format
extern const char kPersonAliases[];   // same; "Full Name=Surname variant,..."
// tables_names.cc: how news writes a person's name.
extern const char kNicknames[];     // "nick=formal,formal|...": Bill -> William
extern const char kStageTitles[];   // words; "Lady X": part of a stage name
extern const char kOfficeTitles[];  // words; "Mayor" inside a run starts a new name
extern const char kKinTitles[];     // words; "Grandpa X": a title, never a name
extern const char kPersonAfter[];   // words; "the X administration": X is a person
extern const char kOrgBefore[];     // phrases; "according to X": X is an outlet
extern const char kCompanyBefore[];  // phrases; "an analyst at X": X is a company
extern const char kOutletBefore[];  // phrases; "told X": a one-word X is an outlet
extern const char kOrgAfter[];      // words; "X reports": X is an outlet or company

}  // namespace nsearch::entities::tables

#endif  // NSEARCH_ENTITIES_TABLES_H_
