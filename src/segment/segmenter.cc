#include "segment/segmenter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

#include "text/normalize.h"

namespace nsearch::segment {
namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  return lines;
}

bool EndsSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  // Closing curly quotes (U+201D, U+2019) are three bytes.
  while (s.size() >= 3 && (s.ends_with("\u201d") || s.ends_with("\u2019"))) s.remove_suffix(3);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':');
}

// Display width of a raw line: leading indentation counts (tabs to the next
// multiple of 8), trailing blanks do not. Wrapping tools filled this width.
size_t RawWidth(std::string_view raw) {
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) raw.remove_suffix(1);
  size_t indent = 0, i = 0;
  for (; i < raw.size() && (raw[i] == ' ' || raw[i] == '\t'); ++i)
    indent = raw[i] == '\t' ? (indent / 8 + 1) * 8 : indent + 1;
  return indent + text::CodePointCount(raw.substr(i));
}

// Appends the paragraphs of one blank-line-separated block; |widths| are the
// lines' RawWidth.
void SplitBlock(const std::vector<std::string>& lines, const std::vector<size_t>& widths,
                std::vector<std::string>* out) {
  if (lines.size() == 1) {
    out->push_back(lines[0]);
    return;
  }
  size_t width = 0;
  for (size_t w : widths) width = std::max(width, w);
  // Hard-wrapped text has the width of a terminal or e-mail, not of a
  // paragraph per line.
  if (width > 100 || width < 40) {
    out->insert(out->end(), lines.begin(), lines.end());
    return;
  }
  std::string para;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!para.empty()) para.push_back(' ');
    para += lines[i];
    const size_t len = widths[i];
    bool end = i + 1 == lines.size();
    if (!end) {
      // The break was typed, not made by wrapping, when the next line's first
      // word would have fit on this short line (indented Usenet paragraphs,
      // lists, addresses); a short line ending a sentence ends one too.
      std::string_view next = lines[i + 1];
      const size_t word = text::CodePointCount(next.substr(0, next.find(' ')));
      // (A line a little short of the widest may still be wrapped: editors
      // wrap at a column, and one long line can exceed it.)
      const bool typed_break = len + 1 + word <= width && len * 100 < width * 85;
      const bool short_end = len * 100 < width * 85 && EndsSentence(lines[i]);
      end = typed_break || short_end;
    }
    if (end) {
      out->push_back(std::move(para));
      para.clear();
    }
  }
}

int WordCount(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool StartsUpperOrDigit(std::string_view s) {
  // Skip opening quotes/punctuation.
  size_t i = 0;
  while (i < s.size() && (s[i] == '"' || s[i] == '\'' || s[i] == '(')) ++i;
  if (s.substr(i).starts_with("\u201c") || s.substr(i).starts_with("\u2018")) i += 3;
  if (i >= s.size()) return false;
  unsigned char c = s[i];
  if (c >= 0x80) return true;  // non-ASCII letter: trust the other signals
  return std::isupper(c) || std::isdigit(c);
}

bool LooksLikeHeading(std::string_view p, std::string_view next) {
  const int words = WordCount(p);
  if (words == 0 || words > 14 || text::CodePointCount(p) > 100) return false;
  if (EndsSentence(p) || p.back() == ',' || p.back() == ';') return false;
  if (!StartsUpperOrDigit(p)) return false;
  // A heading introduces something longer than itself.
  return !next.empty() && next.size() > p.size();
}

// A title line is short and is not a multi-sentence paragraph.
bool LooksLikeTitle(std::string_view line) {
  const int32_t cps = text::CodePointCount(line);
  if (cps < 3 || cps > 220 || WordCount(line) < 2) return false;
  // Headlines rarely end with a full stop; a long line that does is the
  // article's first paragraph, and the title is derived from it instead.
  if (EndsSentence(line) && WordCount(line) > 10) return false;
  const std::string first = FirstSentence(line, 10000);
  return first.size() + 2 >= line.size() || cps <= 90;
}

// Markdown ATX headings ("# Title", "## Part ##") on a line of their own get
// blank lines around them, so wrapping never joins them to the next line.
std::string SeparateAtxHeadings(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 64);
  std::string_view marker;
  for (std::string_view line : SplitLines(text)) {
    const bool heading = AtxHeadingText(text::CollapseSpace(line), &marker);
    if (heading) out += '\n';
    out.append(line);
    out += heading ? "\n\n" : "\n";
  }
  return out;
}

}  // namespace

bool AtxHeadingText(std::string_view line, std::string_view* text) {
  size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6 || (hashes < line.size() && line[hashes] != ' ')) return false;
  std::string_view t = line.substr(hashes);
  // An optional closing run of '#' after a space.
  const size_t last = t.find_last_not_of('#');
  if (last != std::string_view::npos && last + 1 < t.size() && t[last] == ' ')
    t = t.substr(0, last);
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  if (t.empty() || t.find_first_not_of('#') == std::string_view::npos) return false;
  *text = t;
  return true;
}

void SplitOversized(std::vector<std::string>* paragraphs, size_t max_bytes) {
  bool any = false;
  for (const auto& p : *paragraphs) any = any || p.size() > max_bytes;
  if (!any) return;
  std::vector<std::string> out;
  for (auto& p : *paragraphs) {
    std::string_view rest = p;
    while (rest.size() > max_bytes) {
      size_t cut = rest.rfind(' ', max_bytes);
      if (cut == std::string_view::npos || cut < max_bytes / 2) {
        cut = max_bytes;  // no space: cut before a UTF-8 continuation byte
        while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) --cut;
      }
      out.emplace_back(rest.substr(0, cut));
      rest.remove_prefix(cut);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    }
    if (!rest.empty()) out.emplace_back(rest);
  }
  *paragraphs = std::move(out);
}

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::vector<std::string> block;
  std::vector<size_t> widths;
  // E-mail and Usenet text: header lines, quoted runs and the "-- " signature
  // separator often touch the reply without a blank line; wrapping them into
  // one paragraph would mix a quote or a signature into the body.
  bool in_header = true;  // still in the leading "Name: value" lines
  auto flush = [&] {
    if (!block.empty()) SplitBlock(block, widths, &paragraphs);
    block.clear();
    widths.clear();
  };
  for (std::string_view raw : SplitLines(text)) {
    std::string line = text::CollapseSpace(raw);
    if (line.empty()) {
      flush();
      in_header = false;
      continue;
    }
    if (in_header &&
        (paragraphs.empty() ? LooksLikeMailHeader(line) : LooksLikeHeaderField(line))) {
      flush();
      paragraphs.push_back(std::move(line));
      continue;
    }
    if (in_header && !paragraphs.empty() && (raw[0] == ' ' || raw[0] == '\t')) {
      paragraphs.back() += ' ';  // a folded header line continues the field
      paragraphs.back() += line;
      continue;
    }
    in_header = false;
    if (line == "--") {
      flush();
      paragraphs.push_back(std::move(line));
      continue;
    }
    if (IsQuotedLine(line)) {
      if (!block.empty() && !IsQuotedLine(block.back())) flush();
      if (!block.empty()) {
        block.back() += ' ';
        block.back() += line;  // a quoted run is one paragraph
      } else {
        block.push_back(std::move(line));
        widths.push_back(0);
      }
      continue;
    }
    if (!block.empty() && IsQuotedLine(block.back())) flush();
    block.push_back(std::move(line));
    widths.push_back(RawWidth(raw));
  }
  flush();
  return paragraphs;
}

bool LooksLikeMailHeader(std::string_view line) {
  static constexpr std::string_view kNames[] = {
      "from",        "subject",     "organization", "organisation",      "lines",
      "newsgroups",  "path",        "date",         "message-id",        "references",
      "reply-to",    "sender",      "distribution", "keywords",          "summary",
      "followup-to", "expires",     "approved",     "nntp-posting-host", "article-i.d.",
      "originator",  "in-reply-to", "supersedes",   "original-sender",   "to",
      "cc"};
  const size_t colon = line.find(": ");
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return false;
  std::string name(line.substr(0, colon));
  for (char& c : name) {
    if (c == ' ') return false;
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (name.starts_with("x-")) return true;
  for (auto n : kNames)
    if (name == n) return true;
  return false;
}

bool LooksLikeHeaderField(std::string_view line) {
  if (LooksLikeMailHeader(line)) return true;
  const size_t colon = line.find(": ");
  if (colon == std::string_view::npos || colon == 0 || colon > 30) return false;
  if (!std::isalpha(static_cast<unsigned char>(line[0]))) return false;
  for (char c : line.substr(0, colon))
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
  return true;
}

bool IsQuotedLine(std::string_view line) {
  if (line.starts_with('>') || line.starts_with("|>")) return true;
  // Initials before the marker: "A > text", "JS> text".
  size_t i = 0;
  while (i < line.size() && i < 4 && std::isupper(static_cast<unsigned char>(line[i]))) ++i;
  if (i == 0) return false;
  const size_t initials = i;
  if (i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != '>') return false;
  return initials >= 2 || i + 1 == line.size() || line[i + 1] == ' ';
}

std::string FirstSentence(std::string_view p, int max_chars) {
  size_t end = p.size();
  for (size_t i = 1; i + 1 < p.size(); ++i) {
    if ((p[i] == '.' || p[i] == '!' || p[i] == '?') && p[i + 1] == ' ' && i >= 20) {
      // "U.S. officials", "Mr. Smith", "A.R. Rahman": an abbreviation, not an end.
      size_t w = p.rfind(' ', i);
      std::string_view word = p.substr(w == std::string_view::npos ? 0 : w + 1,
                                       i - (w == std::string_view::npos ? 0 : w + 1));
      const bool abbrev =
          word.size() <= 3 && !word.empty() && std::isupper(static_cast<unsigned char>(word[0]));
      const bool initials = word.find('.') != std::string_view::npos;
      if (abbrev || initials) continue;
      end = i + 1;
      break;
    }
  }
  std::string_view s = p.substr(0, end);
  if (text::CodePointCount(s) <= max_chars) return std::string(s);
  size_t cut = text::ByteOffsetOfCodePoint(s, max_chars);
  size_t space = s.rfind(' ', cut);
  if (space != std::string_view::npos && space > 0) cut = space;
  std::string out(s.substr(0, cut));
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':'))
    out.pop_back();
  return out + "\u2026";
}

namespace {

// True when |line| holds a letter or digit (what Fold keeps); stops at the
// first one, so it costs nothing on ordinary text.
bool HasWordCharacter(std::string_view line) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(line.data());
  const int32_t n = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) continue;
    if (c < 0x80 ? std::isalnum(c) != 0
                 : (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC)))
      return true;
  }
  return false;
}

}  // namespace

bool LooksLikeLogoOrCredit(std::string_view line) {
  // Symbols, bullets, a lone NBSP: no letter or digit at all.
  if (!HasWordCharacter(line)) return true;
  // Every rule below wants a short line; most paragraphs stop here.
  const int words = WordCount(line);
  if (words > 16) return false;
  std::string lower(line);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (words == 1 && lower.size() <= 40 && (lower.ends_with("logo") || lower.starts_with("logo")))
    return true;
  static constexpr std::string_view kCredit[] = {
      "photo by ", "photo: ",      "photograph: ", "image: ",          "image by ", "picture: ",
      "credit: ",  "photo credit", "(photo",       "illustration by ", "video: "};
  for (auto c : kCredit)
    if (lower.starts_with(c)) return true;
  const bool agency =
      lower.find("getty images") != std::string::npos || lower.find("/afp") != std::string::npos ||
      lower.find("shutterstock") != std::string::npos ||
      lower.find("/reuters") != std::string::npos || lower.find("/ap photo") != std::string::npos;
  if (agency && words <= 12) return true;
  // "jason martin's flickr", "Kellen Winslow (AP)", "via Instagram": a short
  // line that ends on where the picture came from.
  if (words > 8 || EndsSentence(line)) return false;
  std::string_view tail(lower);
  while (!tail.empty() && (tail.back() == ')' || tail.back() == ']' || tail.back() == ' '))
    tail.remove_suffix(1);
  static constexpr std::string_view kSources[] = {
      "'s flickr",     "' flickr", " flickr", "(ap",       "(afp",  "(reuters",      "(epa",
      "via instagram", "/ ap",     "/ afp",   "/ reuters", "/ epa", "\u2019s flickr"};
  for (auto src : kSources)
    if (tail.ends_with(src)) return true;
  return tail == "flickr";
}

std::string StripSiteSuffix(std::string_view title) {
  static constexpr std::string_view kSeps[] = {" \u2013 ", " \u2014 ", " | ", " - ", " :: "};
  size_t best = std::string_view::npos;
  size_t sep_len = 0;
  for (auto sep : kSeps) {
    size_t pos = title.rfind(sep);
    if (pos != std::string_view::npos && (best == std::string_view::npos || pos > best)) {
      best = pos;
      sep_len = sep.size();
    }
  }
  if (best == std::string_view::npos) return std::string(title);
  std::string_view head = title.substr(0, best), tail = title.substr(best + sep_len);
  const int tail_words = WordCount(tail);
  // A site name is short, capitalised and shorter than the headline itself.
  if (tail_words == 0 || tail_words > 5 || WordCount(head) < 3 || !StartsUpperOrDigit(tail) ||
      EndsSentence(tail))
    return std::string(title);
  return std::string(head);
}

Article BuildArticle(ingest::RawArticle&& raw) {
  Article a;
  a.id = std::move(raw.id);
  a.date = std::move(raw.date);
  a.author = std::move(raw.author);
  a.url = std::move(raw.url);
  a.source = std::move(raw.source);

  std::vector<std::string> paras;
  std::vector<bool> heading_hint;
  if (!raw.blocks.empty()) {
    for (auto& b : raw.blocks) {
      std::vector<std::string> pieces{text::CollapseSpace(b.text)};
      if (pieces[0].empty()) continue;
      SplitOversized(&pieces);
      for (auto& t : pieces) {
        paras.push_back(std::move(t));
        heading_hint.push_back(b.heading && pieces.size() == 1);
      }
    }
  } else {
    paras = SplitParagraphs(raw.markdown ? SeparateAtxHeadings(raw.text) : raw.text);
    std::string().swap(raw.text);  // the paragraphs hold the text now
    SplitOversized(&paras);
    heading_hint.assign(paras.size(), false);
    std::string_view heading;
    for (size_t i = 0; raw.markdown && i < paras.size(); ++i) {
      if (!AtxHeadingText(paras[i], &heading)) continue;
      paras[i] = std::string(heading);
      heading_hint[i] = true;
    }
  }

  size_t title_index = paras.size();  // none
  if (!raw.title.empty()) {
    a.title = text::CollapseSpace(raw.title);
  } else if (!paras.empty() && LooksLikeMailHeader(paras[0])) {
    // A mail or Usenet post: the Subject is the headline; the header lines
    // stay paragraphs (the boilerplate classifier hides them).
    for (size_t i = 0; i < paras.size() && LooksLikeMailHeader(paras[i]); ++i) {
      std::string lower = paras[i].substr(0, 9);
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (lower == "subject: ") a.title = paras[i].substr(9);
    }
  } else {
    for (size_t i = 0; i < paras.size() && i < 4; ++i) {
      if (LooksLikeLogoOrCredit(paras[i])) continue;
      if (LooksLikeTitle(paras[i])) title_index = i;
      break;
    }
    if (title_index < paras.size()) a.title = StripSiteSuffix(paras[title_index]);
    // A one-line brief is both its title and its only paragraph: taking the
    // line away would leave nothing to search.
    bool others = false;
    for (size_t i = 0; i < paras.size() && !others; ++i)
      others = i != title_index && !LooksLikeLogoOrCredit(paras[i]);
    if (title_index < paras.size() && !others) title_index = paras.size();
  }

  int n = 0;
  for (size_t i = 0; i < paras.size(); ++i) {
    if (i == title_index) continue;
    Paragraph p;
    p.n = ++n;
    p.text = std::move(paras[i]);
    a.paragraphs.push_back(std::move(p));
  }
  for (size_t i = 0, k = 0; i < paras.size(); ++i) {
    if (i == title_index) continue;
    Paragraph& p = a.paragraphs[k];
    std::string_view next = k + 1 < a.paragraphs.size() ? a.paragraphs[k + 1].text : "";
    if (LooksLikeLogoOrCredit(p.text)) {
      p.kind = ParagraphKind::kCredit;
    } else if (heading_hint[i] || (raw.blocks.empty() && LooksLikeHeading(p.text, next))) {
      p.kind = ParagraphKind::kHeading;
    }
    ++k;
  }

  if (a.title.empty()) {
    for (const auto& p : a.paragraphs) {
      if (p.kind != ParagraphKind::kBody) continue;
      a.title = FirstSentence(p.text);
      a.title_derived = true;
      break;
    }
  }
  return a;
}

}  // namespace nsearch::segment
