// HTML article extraction with gumbo (an HTML5-conformant parser, so broken
// markup parses the way a browser would parse it).
#ifndef NSEARCH_INGEST_HTML_H_
#define NSEARCH_INGEST_HTML_H_

#include <string>
#include <string_view>

#include "ingest/source.h"

namespace nsearch::ingest {

// Fills |article|'s title, blocks, text, date, author and url from a UTF-8
// page. Article text only: script, style, nav, header, footer, aside, form,
// noscript (and hidden elements) are dropped; the largest <article>, else
// <main>, else <body> is the text's root. One Block per <p>, <li>,
// <blockquote>, <figcaption>, <h1>-<h6> (heading=true for headings) and per
// run of bare text in a <div>/<section>/<td>. The title is the root's <h1>,
// else og:title, else <title>. A page with no text leaves blocks empty.
void ParseHtml(std::string_view html, RawArticle* article);

// The charset a page declares (<meta charset> or http-equiv Content-Type) in
// its first 2 KB, lower-cased, or "" if none.
std::string DeclaredCharset(std::string_view head);

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_HTML_H_
