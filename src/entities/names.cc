#include "entities/names.h"

#include <vector>

#include "entities/fold.h"

namespace nsearch::entities {

std::string PersonIdentity(const Lexicon& lex, std::string_view key) {
  const std::vector<std::string_view> w = SplitNonEmpty(key, ' ');
  if (w.size() < 2) return std::string(key);
  size_t s = w.size() - 1;  // first word of the surname
  const auto word = [&](size_t i) { return std::string(w[i]); };
  const std::string tail = word(s);
  const bool suffix = tail == "jr" || tail == "sr" || tail == "ii" || tail == "iii" || tail == "iv";
  if (suffix && s > 1) --s;                               // "vallone jr"
  while (s > 1 && lex.particles.count(word(s - 1))) --s;  // "de blasio", "von der leyen"
  std::string id = lex.FormalGiven(word(0));
  for (size_t i = s; i < w.size(); ++i) {
    id.push_back(' ');
    id += w[i];
  }
  return id;
}

std::string MiddleInitials(const Lexicon& lex, std::string_view key) {
  const std::vector<std::string_view> w = SplitNonEmpty(key, ' ');
  std::string out;
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    std::string_view m = w[i];
    if (lex.particles.count(std::string(m))) break;  // "de blasio": the surname starts
    std::string letters;
    for (char c : m) {
      if (c != '.') letters.push_back(c);
    }
    if (letters.size() <= 2 && (letters.size() == 1 || m.find('.') != std::string_view::npos))
      out += letters;
  }
  return out;
}

bool GivenFirst(const Lexicon& lex, std::string_view key) {
  const std::string_view first = key.substr(0, key.find(' '));
  if (first.size() == key.size()) return false;
  // Initials: "J. Smith", "A.R. Rahman", "JD Vance".
  if (first.size() <= 2 || (first.size() <= 5 && first.find('.') != std::string_view::npos))
    return true;
  return lex.given_names.count(std::string(first)) != 0;
}

bool OneEditApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  // "Brown" / "Browne", "Meyer" / "Meyers": a final e or s makes another
  // surname as often as a typo.
  if (b.size() == a.size() + 1 && b.compare(0, a.size(), a) == 0 &&
      (b.back() == 'e' || b.back() == 's'))
    return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return a.size() != b.size();
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one replaced
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // two swapped
  }
  return a.substr(i) == b.substr(i + 1);  // one inserted
}

std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c - 'A' + 'a');
    start = !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80) || c == '\'');
  }
  return out;
}

bool AllCapsWord(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

}  // namespace nsearch::entities
