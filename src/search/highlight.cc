#include "search/highlight.h"

#include <algorithm>

#include "text/normalize.h"

namespace nsearch::search {

Spans WordSpans(std::string_view text, const std::vector<std::pair<uint32_t, uint32_t>>& words) {
  if (words.empty()) return {};
  const auto tokens = text::TokenSpans(text);
  Spans spans;
  for (const auto& [first, last] : words) {
    if (first >= tokens.size() || last <= first) continue;
    const size_t end = std::min<size_t>(last, tokens.size());
    spans.emplace_back(tokens[first].first, tokens[end - 1].second);
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
