#include "search/highlight.h"

#include <xapian.h>

#include <algorithm>
#include <unordered_set>

#include "index/schema.h"
#include "text/normalize.h"

namespace nsearch::search {

Spans HighlightQuery(std::string_view text, const std::vector<std::string>& words,
                     const std::vector<std::vector<std::string>>& phrases) {
  thread_local Xapian::Stem stem(index::kStemLanguage);
  const auto tokens = text::Tokenize(text);
  std::vector<std::string> stems;
  stems.reserve(tokens.size());
  for (const auto& t : tokens) stems.push_back(stem(t.term));
  std::unordered_set<std::string> wanted(words.begin(), words.end());
  Spans spans;
  for (size_t i = 0; i < stems.size(); ++i)
    if (wanted.count(stems[i])) spans.emplace_back(tokens[i].begin, tokens[i].end);
  for (const auto& phrase : phrases) {
    if (phrase.empty()) continue;
    for (size_t i = 0; i + phrase.size() <= stems.size(); ++i) {
      if (std::equal(phrase.begin(), phrase.end(), stems.begin() + i))
        spans.emplace_back(tokens[i].begin, tokens[i + phrase.size() - 1].end);
    }
  }
  return MergeSpans(std::move(spans));
}

Spans HighlightPhrases(std::string_view text, const std::vector<std::string>& phrases) {
  const auto tokens = text::Tokenize(text);
  Spans spans;
  for (const auto& phrase : phrases) {
    const auto words = text::Tokenize(phrase);
    if (words.empty() || words.size() > tokens.size()) continue;
    for (size_t i = 0; i + words.size() <= tokens.size(); ++i) {
      size_t k = 0;
      while (k < words.size() && tokens[i + k].term == words[k].term) ++k;
      // A possessive still counts: "Trump's" for "Trump".
      if (k + 1 == words.size() && tokens[i + k].term == words[k].term + "'s") ++k;
      if (k == words.size()) spans.emplace_back(tokens[i].begin, tokens[i + k - 1].end);
    }
  }
  return MergeSpans(std::move(spans));
}

Spans MergeSpans(Spans spans) {
  std::sort(spans.begin(), spans.end());
  Spans out;
  for (const auto& s : spans) {
    if (!out.empty() && s.first <= out.back().second) {
      out.back().second = std::max(out.back().second, s.second);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

}  // namespace nsearch::search
