// Date normalisation for metadata found in JSONL fields and HTML <meta> tags.
#ifndef NSEARCH_INGEST_DATES_H_
#define NSEARCH_INGEST_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace nsearch::ingest {

// Rewrites a date as ISO 8601: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" when a
// time is known, plus "Z" or "+HH:MM" when a zone is known. Understands ISO
// 8601 and RFC 3339, RFC 822/2822 ("Sat, 02 Nov 2013 15:45:00 +0000"), month
// names in either order ("Nov 2, 2013 3:45 pm", "2 November 2013"), numeric
// Y/M/D and D.M.Y, and Unix timestamps (seconds or milliseconds). All-numeric
// A/B/YYYY is read as month/day unless A > 12. Returns "" when |raw| is not a
// date it can read with confidence (an unreadable date is dropped, not
// guessed).
std::string NormalizeDate(std::string_view raw);

// A Unix timestamp (seconds) as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatEpoch(int64_t seconds);

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_DATES_H_
