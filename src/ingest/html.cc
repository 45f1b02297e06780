#include "ingest/html.h"

#include <gumbo.h>
#include <strings.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "ingest/dates.h"

namespace nsearch::ingest {

namespace {

// Nesting past this depth is not descended into: it is never article text,
// and it keeps a hostile page from exhausting the stack.
constexpr int kMaxDepth = 200;

// gumbo's tree construction is quadratic in nesting depth (2 MB of nested
// <div>s takes hours), so a page is cut where its element nesting would pass
// this depth. Chromium caps DOM depth at 512 for the same reason; real
// articles stay far below.
constexpr int kMaxParseDepth = 512;

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

// Elements that never nest (void) or that the next sibling closes implicitly
// (<p>, <li>, <td>...): they do not deepen the tree, however often they open.
bool DoesNotNest(std::string_view name) {
  static constexpr std::string_view kFlat[] = {
      "area",    "base",  "br",     "col",    "embed",    "hr",    "img",   "input", "link",
      "meta",    "param", "source", "track",  "wbr",      "p",     "li",    "dt",    "dd",
      "td",      "th",    "tr",     "option", "optgroup", "tbody", "thead", "tfoot", "colgroup",
      "caption", "rb",    "rt",     "rp",     "frame",    "keygen"};
  for (std::string_view f : kFlat) {
    if (name == f) return true;
  }
  return false;
}

// The length of the prefix of |html| whose estimated nesting stays within
// kMaxParseDepth (all of it for any ordinary page). A cheap tag scan: open
// tags deepen, close tags return; comments and raw-text elements are skipped.
size_t SafeParsePrefix(std::string_view html) {
  int depth = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t start = i + (closing ? 2 : 1);
    size_t j = start;
    std::string name;
    while (j < html.size() && IsNameChar(html[j]) && name.size() < 16) {
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[j]))));
      ++j;
    }
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) {
      i = start;
      continue;
    }
    size_t gt = html.find('>', j);
    bool self_closing = gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/';
    if (closing) {
      if (!DoesNotNest(name) && depth > 0) --depth;
    } else if (name == "script" || name == "style" || name == "textarea" || name == "title" ||
               name == "xmp" || name == "plaintext") {
      // Raw text: its "<" are not tags.
      size_t end = html.find("</", j);
      while (end != std::string_view::npos &&
             strncasecmp(html.data() + end + 2, name.c_str(),
                         std::min(name.size(), html.size() - end - 2)) != 0) {
        end = html.find("</", end + 2);
      }
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    } else if (!self_closing && !DoesNotNest(name) && ++depth > kMaxParseDepth) {
      return i;
    }
    i = j;
  }
  return html.size();
}

bool IsDropped(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_MENU:
      return true;
    default:
      break;
  }
  const GumboVector* attrs = &node->v.element.attributes;
  if (gumbo_get_attribute(attrs, "hidden")) return true;
  const GumboAttribute* aria = gumbo_get_attribute(attrs, "aria-hidden");
  return aria && strcasecmp(aria->value, "true") == 0;
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Elements whose start and end separate paragraphs.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_CAPTION:
      return true;
    default:
      return IsHeading(tag);
  }
}

// Appends |text| with runs of whitespace collapsed to one space.
void AppendCollapsed(std::string_view text, std::string* out, bool* pending_space) {
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      *pending_space = true;
      continue;
    }
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    out->push_back(c);
  }
}

std::string TextOf(const GumboNode* node, int depth = 0) {
  std::string out;
  bool space = false;
  struct Rec {
    static void Go(const GumboNode* n, std::string* out, bool* space, int depth) {
      if (depth > kMaxDepth) return;
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
          n->type == GUMBO_NODE_WHITESPACE) {
        AppendCollapsed(n->v.text.text, out, space);
        return;
      }
      if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
      if (n->v.element.tag != GUMBO_TAG_TITLE && IsDropped(n)) return;
      if (n->v.element.tag == GUMBO_TAG_BR || IsBlock(n->v.element.tag)) *space = true;
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) {
        Go(static_cast<const GumboNode*>(kids.data[i]), out, space, depth + 1);
      }
    }
  };
  Rec::Go(node, &out, &space, depth);
  return out;
}

// What one pass over the document finds.
struct PageParts {
  std::vector<std::pair<std::string, std::string>> metas;  // lower key -> content
  const GumboNode* title = nullptr;
  const GumboNode* body = nullptr;
  const GumboNode* main = nullptr;
  std::vector<const GumboNode*> articles;  // outermost <article>s
  int inside_article = 0;
  const GumboNode* first_h1 = nullptr;
  const GumboNode* first_time = nullptr;
  std::string canonical;
  std::string author_link;
};

void Survey(const GumboNode* n, PageParts* parts, int depth) {
  if (n->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
  const GumboVector* attrs = &n->v.element.attributes;
  switch (n->v.element.tag) {
    case GUMBO_TAG_META: {
      const GumboAttribute* content = gumbo_get_attribute(attrs, "content");
      if (!content) break;
      for (const char* key : {"property", "name", "itemprop"}) {
        if (const GumboAttribute* a = gumbo_get_attribute(attrs, key)) {
          std::string k = a->value;
          std::transform(k.begin(), k.end(), k.begin(),
                         [](unsigned char c) { return std::tolower(c); });
          parts->metas.emplace_back(k, content->value);
        }
      }
      break;
    }
    case GUMBO_TAG_TITLE:
      if (!parts->title) parts->title = n;
      break;
    case GUMBO_TAG_BODY:
      if (!parts->body) parts->body = n;
      break;
    case GUMBO_TAG_MAIN:
      if (!parts->main) parts->main = n;
      break;
    case GUMBO_TAG_ARTICLE:
      // Only outermost ones: a nested <article> (a comment, a teaser) is part
      // of its parent, and measuring each level would be quadratic.
      if (parts->inside_article == 0) parts->articles.push_back(n);
      break;
    case GUMBO_TAG_H1:
      if (!parts->first_h1) parts->first_h1 = n;
      break;
    case GUMBO_TAG_TIME:
      if (!parts->first_time) parts->first_time = n;
      break;
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_A: {
      const GumboAttribute* rel = gumbo_get_attribute(attrs, "rel");
      const GumboAttribute* href = gumbo_get_attribute(attrs, "href");
      if (rel && href && strcasecmp(rel->value, "canonical") == 0) parts->canonical = href->value;
      if (rel && strcasecmp(rel->value, "author") == 0 && parts->author_link.empty() &&
          n->v.element.tag == GUMBO_TAG_A) {
        parts->author_link = TextOf(n);
      }
      break;
    }
    default:
      break;
  }
  bool article = n->v.element.tag == GUMBO_TAG_ARTICLE;
  parts->inside_article += article;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    Survey(static_cast<const GumboNode*>(kids.data[i]), parts, depth + 1);
  }
  parts->inside_article -= article;
}

std::string Meta(const PageParts& parts, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    for (const auto& [k, v] : parts.metas) {
      if (k == key && !v.empty()) return v;
    }
  }
  return "";
}

// First |tag| under |n|; inside dropped elements too unless |skip_dropped|.
const GumboNode* FindFirst(const GumboNode* n, GumboTag tag, bool skip_dropped, int depth = 0) {
  if (n->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return nullptr;
  if (n->v.element.tag == tag) return n;
  if (skip_dropped && IsDropped(n)) return nullptr;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    if (const GumboNode* f =
            FindFirst(static_cast<const GumboNode*>(kids.data[i]), tag, skip_dropped, depth + 1)) {
      return f;
    }
  }
  return nullptr;
}

// Splits the root's text into blocks at block-element boundaries.
class BlockCollector {
 public:
  explicit BlockCollector(std::string_view title) : title_(title) {}

  void Walk(const GumboNode* n, int depth) {
    if (depth > kMaxDepth) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      if (n->type != GUMBO_NODE_WHITESPACE) br_run_ = 0;
      AppendCollapsed(n->v.text.text, &buf_, &space_);
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
    if (IsDropped(n)) return;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_BR) {
      // One <br> is a line break inside a paragraph; two end the paragraph.
      if (++br_run_ >= 2) Flush();
      space_ = true;
      return;
    }
    bool block = IsBlock(tag);
    if (block) {
      Flush();
      heading_ = IsHeading(tag);
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      Walk(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
    }
    if (block) Flush();
  }

  void Flush() {
    bool heading = heading_;
    heading_ = false;
    br_run_ = 0;
    space_ = false;
    if (buf_.empty()) return;
    // The <h1> that became the title is not repeated as a paragraph.
    if (!(heading && buf_ == title_)) blocks_.push_back(Block{std::move(buf_), heading});
    buf_.clear();
  }

  std::vector<Block> Take() {
    Flush();
    return std::move(blocks_);
  }

 private:
  std::string_view title_;
  std::string buf_;
  bool space_ = false;
  bool heading_ = false;
  int br_run_ = 0;
  std::vector<Block> blocks_;
};

const GumboNode* ChooseRoot(const PageParts& parts, const GumboNode* document) {
  const GumboNode* best = nullptr;
  size_t best_len = 0;
  for (const GumboNode* a : parts.articles) {
    size_t len = TextOf(a).size();
    if (len > best_len) best = a, best_len = len;
  }
  if (best) return best;
  if (parts.main) return parts.main;
  if (parts.body) return parts.body;
  return document;
}

void FillMetadata(const PageParts& parts, const GumboNode* root, RawArticle* article) {
  std::string date =
      Meta(parts, {"article:published_time", "og:published_time", "datepublished", "date",
                   "pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date",
                   "dcterms.created", "sailthru.date", "parsely-pub-date"});
  if (date.empty()) {
    const GumboNode* t = FindFirst(root, GUMBO_TAG_TIME, false);
    if (!t) t = parts.first_time;
    if (t) {
      const GumboAttribute* dt = gumbo_get_attribute(&t->v.element.attributes, "datetime");
      date = dt ? dt->value : TextOf(t);
    }
  }
  article->date = NormalizeDate(date);
  std::string author = Meta(parts, {"author", "article:author", "byline", "sailthru.author",
                                    "parsely-author", "dc.creator", "twitter:creator"});
  // article:author is often a profile URL, which is not a name.
  if (author.rfind("http", 0) == 0) author.clear();
  if (author.empty()) author = parts.author_link;
  article->author = author;
  article->url = Meta(parts, {"og:url"});
  if (article->url.empty()) article->url = parts.canonical;
}

}  // namespace

void ParseHtml(std::string_view html, RawArticle* article) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported; don't keep them
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&options, html.data(), SafeParsePrefix(html)),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!out) return;
  PageParts parts;
  Survey(out->root, &parts, 0);
  const GumboNode* root = ChooseRoot(parts, out->root);

  // An <article>'s own <header> holds its headline; the page's <header>
  // (when the root is <body>) holds the site name, so it is searched last.
  const GumboNode* h1 = FindFirst(root, GUMBO_TAG_H1, root == parts.body);
  std::string title = h1 ? TextOf(h1) : "";
  if (title.empty()) title = Meta(parts, {"og:title", "twitter:title"});
  if (title.empty() && parts.title) title = TextOf(parts.title);
  if (title.empty() && parts.first_h1) title = TextOf(parts.first_h1);
  std::string collapsed;
  bool space = false;
  AppendCollapsed(title, &collapsed, &space);
  article->title = std::move(collapsed);

  BlockCollector collector(article->title);
  collector.Walk(root, 0);
  article->blocks = collector.Take();
  FillMetadata(parts, root, article);

  // |text| mirrors the blocks for consumers that read plain text.
  article->text = article->title;
  for (const Block& b : article->blocks) {
    if (!article->text.empty()) article->text += "\n\n";
    article->text += b.text;
  }
}

std::string DeclaredCharset(std::string_view head) {
  std::string lower(head.substr(0, 2048));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  size_t p = lower.find("charset=");
  if (p == std::string::npos) return "";
  p += 8;
  while (p < lower.size() && (lower[p] == '"' || lower[p] == '\'' || lower[p] == ' ')) ++p;
  size_t e = p;
  while (e < lower.size() &&
         (std::isalnum(static_cast<unsigned char>(lower[e])) || lower[e] == '-' ||
          lower[e] == '_' || lower[e] == ':' || lower[e] == '.')) {
    ++e;
  }
  return lower.substr(p, e - p);
}

}  // namespace nsearch::ingest
