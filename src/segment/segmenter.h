// segment: turns a RawArticle's text into the article model — title,
// headings, body paragraphs with ordinals — before boilerplate is classified.
#ifndef NSEARCH_SEGMENT_SEGMENTER_H_
#define NSEARCH_SEGMENT_SEGMENTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/source.h"
#include "nsearch/article.h"

namespace nsearch::segment {

// Splits plain text into paragraphs: blank lines separate blocks; inside a
// block, hard-wrapped lines are joined and unwrapped lines (one paragraph per
// line) stay apart. Whitespace is collapsed; empty paragraphs are dropped.
std::vector<std::string> SplitParagraphs(std::string_view text);

// Longest paragraph kept whole; longer ones (a 200 MB single-line file) are
// cut at word boundaries into consecutive paragraphs, so one passage — and
// the memory to index it — stays small whatever the input.
inline constexpr size_t kMaxParagraphBytes = 16 * 1024;

// Cuts every paragraph longer than |max_bytes| at the last space (else at a
// UTF-8 character boundary) before the limit.
void SplitOversized(std::vector<std::string>* paragraphs, size_t max_bytes = kMaxParagraphBytes);

// Builds the article: picks the title (skipping logo lines and photo credits;
// deriving one from the first sentence when the text has none), numbers the
// remaining paragraphs from 1 and marks headings and credits by their shape.
// Structured inputs (RawArticle.title / blocks set) are taken as given; in
// Markdown text, "#" heading lines lose their marks and are headings.
Article BuildArticle(ingest::RawArticle&& raw);

// The first sentence of |paragraph|, cut at a word boundary to at most
// |max_chars| code points (with an ellipsis when cut).
std::string FirstSentence(std::string_view paragraph, int max_chars = 120);

// True for lines such as "BMClogo", "Photo by X/Getty Images", "•".
bool LooksLikeLogoOrCredit(std::string_view line);

// True for an RFC 822 header line of a mail or Usenet post ("From: x",
// "Subject: y", "X-Mailer: z"); only known names and X- names count.
bool LooksLikeMailHeader(std::string_view line);

// True for any "Name: value" line shaped like a header field
// ("Disclaimer: ..."); used after a first LooksLikeMailHeader line.
bool LooksLikeHeaderField(std::string_view line);

// True for a quoted reply line ("> text", "|> text").
bool IsQuotedLine(std::string_view line);

// True for a Markdown ATX heading line ("# Title", "## Part ##"; not
// "#hashtag"); |*text| is the heading without its marks.
bool AtxHeadingText(std::string_view line, std::string_view* text);

// Drops a trailing site name: "Talks stall – We Got This Covered" -> "Talks stall".
std::string StripSiteSuffix(std::string_view title);

}  // namespace nsearch::segment

#endif  // NSEARCH_SEGMENT_SEGMENTER_H_
