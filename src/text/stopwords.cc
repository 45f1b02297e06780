#include "text/stopwords.h"

#include <algorithm>
#include <mutex>
#include <span>
#include <unordered_set>

#include "text/normalize.h"

namespace nsearch::text {
namespace {

constexpr std::string_view kStopWords[] = {
    "a",      "about",  "above",  "after",    "again",      "against", "all",    "am",
    "an",     "and",    "any",    "are",      "as",         "at",      "be",     "because",
    "been",   "before", "being",  "below",    "between",    "both",    "but",    "by",
    "can",    "could",  "did",    "do",       "does",       "doing",   "down",   "during",
    "each",   "few",    "for",    "from",     "further",    "had",     "has",    "have",
    "having", "he",     "her",    "here",     "hers",       "herself", "him",    "himself",
    "his",    "how",    "i",      "if",       "in",         "into",    "is",     "it",
    "its",    "itself", "me",     "more",     "most",       "my",      "myself", "no",
    "nor",    "not",    "of",     "off",      "on",         "once",    "only",   "or",
    "other",  "ought",  "our",    "ours",     "ourselves",  "out",     "over",   "own",
    "same",   "she",    "should", "so",       "some",       "such",    "than",   "that",
    "the",    "their",  "theirs", "them",     "themselves", "then",    "there",  "these",
    "they",   "this",   "those",  "through",  "to",         "too",     "under",  "until",
    "up",     "very",   "was",    "we",       "were",       "what",    "when",   "where",
    "which",  "while",  "who",    "whom",     "why",        "will",    "with",   "would",
    "you",    "your",   "yours",  "yourself", "yourselves"};

// Short lists of the commonest function words (articles, pronouns,
// prepositions, conjunctions, forms of "to be" and "to have"), written as
// the languages spell them; Fold() gives the index's spelling at start-up.
constexpr std::string_view kGerman[] = {
    "der",   "die",   "das",    "den",   "dem",  "des",   "ein",  "eine", "einen", "einem",
    "einer", "eines", "und",    "oder",  "aber", "nicht", "ist",  "sind", "war",   "hat",
    "haben", "wird",  "werden", "wurde", "zu",   "zum",   "zur",  "im",   "in",    "an",
    "am",    "auf",   "aus",    "bei",   "mit",  "von",   "vom",  "für",  "über",  "nach",
    "sich",  "es",    "er",     "sie",   "wir",  "ich",   "dass", "auch", "als",   "wie"};
constexpr std::string_view kFrench[] = {
    "le",   "la",  "les",   "un",   "une",   "des",  "du",   "de",    "ces",  "cet",
    "et",   "ou",  "mais",  "est",  "sont",  "été",  "être", "a",     "ont",  "en",
    "dans", "sur", "pour",  "par",  "avec",  "au",   "aux",  "que",   "qui",  "ne",
    "pas",  "ce",  "cette", "lui",  "il",    "elle", "ils",  "elles", "on",   "se",
    "sa",   "son", "ses",   "leur", "leurs", "plus", "y",    "nous",  "vous", "je"};
constexpr std::string_view kSpanish[] = {
    "el",    "la",  "los",  "las", "un",  "una",     "unos",  "unas", "de",    "del",
    "y",     "o",   "pero", "en",  "que", "es",      "son",   "fue",  "ser",   "ha",
    "han",   "por", "para", "con", "sin", "sobre",   "entre", "no",   "se",    "su",
    "sus",   "al",  "lo",   "le",  "les", "como",    "más",   "este", "esta",  "estos",
    "estas", "ese", "esa",  "muy", "ya",  "también", "él",    "ella", "ellos", "yo"};
constexpr std::string_view kItalian[] = {
    "il",    "lo",    "la",  "i",     "gli",   "le",     "un",     "uno", "una", "di",
    "del",   "della", "dei", "delle", "e",     "è",      "o",      "ma",  "in",  "che",
    "per",   "con",   "non", "si",    "su",    "al",     "alla",   "da",  "dal", "come",
    "anche", "sono",  "era", "ha",    "hanno", "questo", "questa", "suo", "sua", "loro"};
constexpr std::string_view kPortuguese[] = {
    "o",   "a",    "os",  "as",  "um",  "uma",  "de",   "do",   "da",   "dos",
    "das", "e",    "é",   "ou",  "mas", "em",   "no",   "na",   "nos",  "nas",
    "que", "para", "com", "não", "se",  "por",  "ao",   "como", "mais", "foi",
    "são", "seu",  "sua", "ele", "ela", "eles", "isso", "este", "esta", "ser"};
constexpr std::string_view kDutch[] = {
    "de",  "het", "een", "en",  "of",   "maar",  "van",    "in",    "is",   "zijn",
    "was", "op",  "te",  "dat", "die",  "niet",  "met",    "voor",  "aan",  "er",
    "om",  "ook", "als", "bij", "door", "naar",  "dan",    "wat",   "zo",   "nog",
    "hij", "zij", "ze",  "wij", "ik",   "heeft", "hebben", "wordt", "werd", "deze"};
constexpr std::string_view kRussian[] = {
    "и",  "в",   "во",   "на",   "не",   "что",  "это", "как", "а",   "но",  "или",  "с",  "со",
    "к",  "по",  "за",   "из",   "от",   "до",   "у",   "о",   "об",  "для", "при",  "же", "ли",
    "бы", "был", "была", "были", "быть", "он",   "она", "оно", "они", "мы",  "вы",   "я",  "его",
    "её", "их",  "ему",  "ей",   "им",   "этот", "эта", "эти", "так", "уже", "также"};
constexpr std::string_view kUkrainian[] = {
    "і",    "й",    "та",   "в",    "у",  "на",  "не",  "що",    "це",   "як",
    "а",    "але",  "або",  "з",    "із", "зі",  "до",  "від",   "за",   "по",
    "для",  "при",  "про",  "же",   "чи", "б",   "був", "була",  "були", "бути",
    "він",  "вона", "воно", "вони", "ми", "ви",  "я",   "його",  "її",   "їх",
    "йому", "їй",   "цей",  "ця",   "ці", "так", "вже", "також", "який", "яка"};

}  // namespace

bool IsStopWord(std::string_view folded_word) {
  // The list is sorted.
  return std::binary_search(std::begin(kStopWords), std::end(kStopWords), folded_word);
}

bool IsStopWord(std::string_view folded_word, std::string_view code) {
  if (code == "en") return IsStopWord(folded_word);
  struct List {
    std::string_view code;
    std::span<const std::string_view> words;
  };
  static constexpr List kLists[] = {{"de", kGerman},  {"fr", kFrench},     {"es", kSpanish},
                                    {"it", kItalian}, {"pt", kPortuguese}, {"nl", kDutch},
                                    {"ru", kRussian}, {"uk", kUkrainian}};
  constexpr size_t kCount = std::size(kLists);
  // Each list is folded the first time its language asks: Russian and
  // Ukrainian fold through ICU's Any-Latin transliterator, which takes
  // milliseconds to build, and a query over French and Dutch articles does
  // not wait for it.
  static auto* once = new std::once_flag[kCount];
  static auto* folded = new std::unordered_set<std::string>[kCount];
  for (size_t i = 0; i < kCount; ++i) {
    if (kLists[i].code != code) continue;
    std::call_once(once[i], [i] {
      for (auto w : kLists[i].words) folded[i].insert(Fold(w));
    });
    return folded[i].count(std::string(folded_word)) != 0;
  }
  return false;
}

}  // namespace nsearch::text
