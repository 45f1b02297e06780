#include "text/stopwords.h"

#include <algorithm>

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

}  // namespace

const std::vector<std::string_view>& StopWords() {
  static const std::vector<std::string_view> words(std::begin(kStopWords), std::end(kStopWords));
  return words;
}

bool IsStopWord(std::string_view folded_word) {
  // The list is sorted.
  return std::binary_search(std::begin(kStopWords), std::end(kStopWords), folded_word);
}

}  // namespace nsearch::text
