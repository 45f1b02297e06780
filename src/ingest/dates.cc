#include "ingest/dates.h"

#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace nsearch::ingest {

namespace {

struct Parts {
  int year = -1, month = -1, day = -1;
  int hour = -1, minute = 0, second = 0;
  std::string zone;  // "", "Z" or "+HH:MM"
};

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

bool ValidDate(const Parts& p) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (p.year < 1800 || p.year > 2200 || p.month < 1 || p.month > 12 || p.day < 1) return false;
  if (p.day > kDays[p.month - 1]) return false;
  bool leap = (p.year % 4 == 0 && p.year % 100 != 0) || p.year % 400 == 0;
  if (p.month == 2 && p.day == 29 && !leap) return false;
  if (p.hour >= 0 && (p.hour > 23 || p.minute > 59 || p.second > 60)) return false;
  return true;
}

std::string Format(const Parts& p) {
  char buf[40];
  if (p.hour < 0) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", p.year, p.month, p.day);
  } else {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d", p.year, p.month, p.day, p.hour,
                  p.minute, p.second);
  }
  return std::string(buf) + (p.hour < 0 ? "" : p.zone);
}

int MonthFromName(std::string_view w) {
  static const char* kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  static const char* kFull[] = {"january",   "february", "march",    "april",
                                "may",       "june",     "july",     "august",
                                "september", "october",  "november", "december"};
  for (int i = 0; i < 12; ++i) {
    if (w == kFull[i] || w == kNames[i] || (i == 8 && w == "sept")) return i + 1;
  }
  return -1;
}

bool IsWeekday(std::string_view w) {
  static const char* kDays[] = {"mon",      "tue",    "wed",     "thu",       "fri",      "sat",
                                "sun",      "monday", "tuesday", "wednesday", "thursday", "friday",
                                "saturday", "sunday", "tues",    "thur",      "thurs"};
  for (const char* d : kDays) {
    if (w == d) return true;
  }
  return false;
}

bool IsZoneAbbreviation(std::string_view w) {
  for (const char* z : {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet",
                        "cest", "eet", "eest", "ist", "jst", "aest", "aedt"}) {
    if (w == z) return true;
  }
  return false;
}

struct Token {
  enum Kind { kNumber, kWord, kTime, kZone } kind;
  std::string text;
  int value = 0;
  int digits = 0;
};

// "+0100", "-05:00" at |i| (after a time): the zone as "+HH:MM".
std::optional<std::string> ReadOffset(std::string_view s, size_t* i) {
  size_t j = *i;
  while (j < s.size() && s[j] == ' ') ++j;
  if (j >= s.size() || (s[j] != '+' && s[j] != '-')) return std::nullopt;
  std::string digits;
  size_t k = j + 1;
  while (k < s.size() && (std::isdigit(static_cast<unsigned char>(s[k])) || s[k] == ':')) {
    if (s[k] != ':') digits.push_back(s[k]);
    ++k;
  }
  if (digits.size() == 2) digits += "00";
  if (digits.size() != 4) return std::nullopt;
  *i = k;
  std::string zone =
      digits == "0000" ? "Z" : std::string(1, s[j]) + digits.substr(0, 2) + ":" + digits.substr(2);
  return zone;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (std::isdigit(c)) {
      size_t j = i;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == ':')) ++j;
      std::string t(s.substr(i, j - i));
      if (t.find(':') != std::string::npos) {
        out.push_back({Token::kTime, t});
        // Fractional seconds are dropped.
        if (j < s.size() && s[j] == '.') {
          ++j;
          while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        }
        if (auto z = ReadOffset(s, &j)) out.push_back({Token::kZone, *z});
      } else if (t.size() <= 9) {
        out.push_back({Token::kNumber, t, std::stoi(t), static_cast<int>(t.size())});
      } else {
        return {};
      }
      i = j;
    } else if (std::isalpha(c)) {
      size_t j = i;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      std::string w(s.substr(i, j - i));
      for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      out.push_back({Token::kWord, w});
      i = j;
    } else {
      out.push_back({Token::kWord, std::string(1, static_cast<char>(c))});
      ++i;
    }
  }
  return out;
}

bool ReadTime(const std::string& t, Parts* p) {
  int h = 0, m = 0, sec = 0;
  int n = std::sscanf(t.c_str(), "%d:%d:%d", &h, &m, &sec);
  if (n < 2) return false;
  p->hour = h;
  p->minute = m;
  p->second = n == 3 ? sec : 0;
  return true;
}

// Free-form dates: month names, numeric Y/M/D, D.M.Y, M/D/Y, times, am/pm.
std::optional<Parts> ParseTokens(const std::vector<Token>& toks) {
  Parts p;
  std::vector<const Token*> nums;
  std::vector<std::string> seps;
  bool pm = false, am = false;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind == Token::kTime) {
      if (!ReadTime(t.text, &p)) return std::nullopt;
    } else if (t.kind == Token::kZone) {
      p.zone = t.text;
    } else if (t.kind == Token::kNumber) {
      nums.push_back(&t);
      if (i + 1 < toks.size() && toks[i + 1].kind == Token::kWord) seps.push_back(toks[i + 1].text);
    } else if (int m = MonthFromName(t.text); m > 0) {
      if (p.month > 0) return std::nullopt;
      p.month = m;
    } else if (t.text == "pm" || t.text == "am") {
      (t.text == "pm" ? pm : am) = true;
    } else if (t.text == "utc" || t.text == "gmt" || t.text == "z") {
      p.zone = "Z";
    } else if (IsZoneAbbreviation(t.text)) {
      // "EST", "BST"...: ambiguous offsets; the local time is kept, unzoned.
    } else if (t.text.size() > 1 && !IsWeekday(t.text) && t.text != "at" && t.text != "on" &&
               t.text != "st" && t.text != "nd" && t.text != "rd" && t.text != "th" &&
               t.text != "of" && t.text != "t") {
      return std::nullopt;  // an unknown word: not a date we understand
    }
  }
  if (p.month > 0) {
    // Month named: one number is the day, a four-digit one the year.
    for (const Token* n : nums) {
      if (n->digits == 4 && p.year < 0)
        p.year = n->value;
      else if (n->digits <= 2 && p.day < 0)
        p.day = n->value;
      else
        return std::nullopt;
    }
  } else if (nums.size() == 3) {
    int a = nums[0]->value, b = nums[1]->value, c = nums[2]->value;
    std::string sep = seps.empty() ? "" : seps[0];
    if (nums[0]->digits == 4) {
      p.year = a, p.month = b, p.day = c;
    } else if (nums[2]->digits == 4) {
      p.year = c;
      bool day_first = sep == "." || a > 12;
      p.day = day_first ? a : b;
      p.month = day_first ? b : a;
    } else {
      return std::nullopt;
    }
  } else if (nums.size() == 1 && nums[0]->digits == 8) {
    int v = nums[0]->value;  // YYYYMMDD
    p.year = v / 10000, p.month = v / 100 % 100, p.day = v % 100;
  } else {
    return std::nullopt;
  }
  if (p.hour >= 0 && (pm || am)) {
    if (p.hour < 1 || p.hour > 12) return std::nullopt;
    if (pm && p.hour != 12) p.hour += 12;
    if (am && p.hour == 12) p.hour = 0;
  }
  if (!ValidDate(p)) return std::nullopt;
  return p;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::string FormatEpoch(int64_t seconds) {
  int64_t days = seconds / 86400, rem = seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  Parts p;
  CivilFromDays(days, &p.year, &p.month, &p.day);
  p.hour = static_cast<int>(rem / 3600);
  p.minute = static_cast<int>(rem / 60 % 60);
  p.second = static_cast<int>(rem % 60);
  p.zone = "Z";
  return ValidDate(p) ? Format(p) : "";
}

std::string NormalizeDate(std::string_view raw) {
  while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.front())))
    raw.remove_prefix(1);
  while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.back()))) raw.remove_suffix(1);
  if (raw.empty() || raw.size() > 80) return "";
  if (AllDigits(raw) && (raw.size() == 10 || raw.size() == 13)) {
    int64_t v = std::stoll(std::string(raw));
    return FormatEpoch(raw.size() == 13 ? v / 1000 : v);
  }
  std::optional<Parts> p = ParseTokens(Tokenize(raw));
  if (!p) return "";
  return Format(*p);
}

}  // namespace nsearch::ingest
