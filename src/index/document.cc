#include "index/document.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "index/schema.h"
#include "text/normalize.h"
#include "text/stopwords.h"

namespace nsearch::index {
namespace {

// Bumped whenever segmentation, classification or extraction changes what an
// article becomes, so an unchanged file is still re-indexed after an upgrade.
// 4: schema 2 (one document per article); 5: quotes; 6: repeated lines
// compared by their words (not their letters run together).
constexpr char kPipelineVersion[] = "6";

bool Fits(const std::string& term) { return !term.empty() && term.size() <= kMaxTermBytes; }

bool HasDigit(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Adds the words of one paragraph (or the title) from position |start|.
// |prefix| and |wdf| say where and how much they count; |positional| false
// leaves positions out.
void AddWords(const std::vector<text::Token>& tokens, Xapian::termpos start,
              std::string_view prefix, Xapian::termcount wdf, bool positional,
              Xapian::Document* doc) {
  Xapian::termpos pos = start;
  std::string term;
  for (const auto& t : tokens) {
    term.assign(prefix);
    term += Stem(t.term);
    if (Fits(term)) {
      // Stop words count but have no positions (text/stopwords.h).
      if (positional && pos < kMaxPosition && !text::IsStopWord(t.term))
        doc->add_posting(term, pos, wdf);
      else
        doc->add_term(term, wdf);
    }
    ++pos;
  }
}

void AddEntityTerms(const Article& a, Xapian::Document* doc) {
  for (const Entity& e : a.entities) {
    std::string term = EntityTerm(e.type, e.name);
    if (!Fits(term)) continue;
    doc->add_term(term, std::max(1, e.count));
    for (const auto& m : e.mentions) {
      if (m == e.name) continue;
      if (std::string alias = EntityAliasTerm(e.type, e.name, m); Fits(alias))
        doc->add_boolean_term(alias);
    }
  }
}

std::string DateKey(std::string_view iso) {
  std::string out;
  for (char c : iso) {
    if (c >= '0' && c <= '9') out.push_back(c);
    if (out.size() == 8) break;
  }
  return out.size() == 8 ? out : std::string();
}

void CollectWords(const std::vector<text::Token>& tokens, std::unordered_set<std::string>* seen,
                  std::vector<std::string>* words) {
  for (const auto& t : tokens) {
    if (t.term.size() > 40 || HasDigit(t.term)) continue;
    if (seen->insert(t.term).second) words->push_back(t.term);
  }
}

}  // namespace

const std::string& Stem(const std::string& folded_word) {
  thread_local Xapian::Stem stemmer(kStemLanguage);
  thread_local std::unordered_map<std::string, std::string> cache;
  auto it = cache.find(folded_word);
  if (it != cache.end()) return it->second;
  if (cache.size() > 500000) cache.clear();  // bounded: a long run meets many rare words
  return cache.emplace(folded_word, stemmer(folded_word)).first->second;
}

std::string SourceStamp(uint64_t content_hash) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%016llx:%d:%s", static_cast<unsigned long long>(content_hash),
                kSchemaVersion, kPipelineVersion);
  return buf;
}

std::string FileRecord(const std::string& path, uint64_t size, int64_t mtime_ns, uint64_t inode) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%llu %lld %llu %d:%s\t", static_cast<unsigned long long>(size),
                static_cast<long long>(mtime_ns), static_cast<unsigned long long>(inode),
                kSchemaVersion, kPipelineVersion);
  return buf + path;
}

std::string FileRecordPath(const std::string& record) {
  const size_t tab = record.find('\t');
  return tab == std::string::npos ? std::string() : record.substr(tab + 1);
}

std::vector<std::string> SpellingWords(const Article& a) {
  std::unordered_set<std::string> seen;
  std::vector<std::string> words;
  CollectWords(text::Tokenize(a.title), &seen, &words);
  for (const Paragraph& p : a.paragraphs)
    if (IsSearchable(p.kind)) CollectWords(text::Tokenize(p.text), &seen, &words);
  return words;
}

BuiltArticle BuildDocument(const Article& a) {
  BuiltArticle out;
  out.id = a.id;
  out.key = ArticleKey(a.id);
  out.source_file = a.source.file;
  out.date = DateKey(a.date);
  out.paragraphs = static_cast<int64_t>(a.paragraphs.size());
  Xapian::Document& doc = out.doc;
  std::unordered_set<std::string> seen;

  const auto title = text::Tokenize(a.title);
  std::vector<ParagraphShape> layout;
  layout.reserve(a.paragraphs.size() + 1);
  layout.push_back({ParagraphKind::kHeading, static_cast<uint32_t>(title.size())});
  std::vector<std::vector<text::Token>> paragraphs;
  paragraphs.reserve(a.paragraphs.size());
  for (const Paragraph& p : a.paragraphs) {
    paragraphs.push_back(text::Tokenize(p.text));
    layout.push_back({p.kind, static_cast<uint32_t>(paragraphs.back().size())});
  }
  const std::vector<Xapian::termpos> starts = ParagraphStarts(layout);

  AddWords(title, starts[0], "", kTitleWdf, true, &doc);
  AddWords(title, starts[0], kPrefixTitle, 1, false, &doc);
  CollectWords(title, &seen, &out.words);
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    if (IsSearchable(a.paragraphs[i].kind)) {
      AddWords(paragraphs[i], starts[i + 1], "", 1, true, &doc);
      CollectWords(paragraphs[i], &seen, &out.words);
    } else {
      AddWords(paragraphs[i], starts[i + 1], kPrefixHidden, 0, true, &doc);
    }
  }
  AddEntityTerms(a, &doc);
  for (const Quote& q : a.quotes)
    if (std::string term = QuoteSpeakerTerm(q.speaker); !q.speaker.empty() && Fits(term))
      doc.add_boolean_term(term);

  doc.add_boolean_term(std::string(kPrefixArticle) + out.key);
  doc.add_boolean_term(std::string(kPrefixSourceFile) + ArticleKey(a.source.file));
  if (std::string author = AuthorKey(a.author); !author.empty()) {
    if (std::string term = std::string(kPrefixAuthor) + author; Fits(term))
      doc.add_boolean_term(term);
  }
  doc.add_value(kSlotArticle, out.key);
  if (std::string date = DateKey(a.date); !date.empty()) doc.add_value(kSlotDate, date);
  if (!a.entities.empty()) doc.add_value(kSlotEntities, EncodeEntities(a.entities));
  doc.add_value(kSlotSourceHash, SourceStamp(a.source.content_hash));
  doc.add_value(kSlotLayout, EncodeLayout(layout));
  doc.set_data(EncodeStoredArticle(a));
  return out;
}

}  // namespace nsearch::index
