#include "index/schema.h"

#include <algorithm>
#include <cstdio>

#include "entities/fold.h"
#include "index/varint.h"
#include "ingest/hash.h"
#include "text/normalize.h"

namespace nsearch::index {
namespace {

char TypeLetter(EntityType type) { return "PLO"[static_cast<int>(type)]; }

// Length-prefixed strings: with varints, the building blocks of the layout
// value and the stored data.
void PutString(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

bool GetString(std::string_view* in, std::string* s) {
  uint64_t n;
  if (!GetVarint(in, &n) || n > in->size()) return false;
  s->assign(in->substr(0, n));
  in->remove_prefix(n);
  return true;
}

// The quotes at the end of the stored data; their text is cut from the
// paragraph they are in.
bool DecodeQuotes(std::string_view* in, Article* a) {
  uint64_t n = 0, paragraph = 0, begin = 0, length = 0;
  if (!GetVarint(in, &n) || n > in->size()) return false;
  a->quotes.resize(n);
  for (auto& q : a->quotes) {
    if (!GetVarint(in, &paragraph) || !GetVarint(in, &begin) || !GetVarint(in, &length) ||
        !GetString(in, &q.speaker))
      return false;
    q.paragraph = static_cast<int>(paragraph);
    const auto p = std::find_if(a->paragraphs.begin(), a->paragraphs.end(),
                                [&](const Paragraph& x) { return x.n == q.paragraph; });
    if (p == a->paragraphs.end() || begin > p->text.size() || length > p->text.size() - begin)
      return false;
    q.begin = begin;
    q.end = begin + length;
    q.text = p->text.substr(begin, length);
  }
  return true;
}

// Stored data layout, in order: magic, schema version, then the fields
// below. New fields go at the end so that older readers of the same schema
// version stop early instead of misreading.
constexpr char kDataMagic = 'N';

}  // namespace

std::string_view EntityPrefix(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "XP";
    case EntityType::kPlace:
      return "XL";
    case EntityType::kOrg:
      return "XO";
  }
  return "XP";
}

std::string EntityTermPrefix(EntityType type, std::string_view last_word_key) {
  std::string term(EntityPrefix(type));
  term.append(last_word_key);
  term.push_back('\t');
  return term;
}

std::string EntityTerm(EntityType type, std::string_view canonical) {
  const std::string key = entities::TranslitKey(canonical);
  const auto words = entities::SplitNonEmpty(key, ' ');
  return EntityTermPrefix(type, words.empty() ? std::string_view() : words.back()) +
         std::string(canonical);
}

std::string EntityListPageKey(EntityType type, size_t page) {
  return std::string(kEntityListsKey) + "." + std::string(EntityTypeName(type)) + "." +
         std::to_string(page);
}

std::string_view EntityNameOfTerm(std::string_view term) {
  const size_t tab = term.find('\t');
  return tab == std::string_view::npos ? std::string_view() : term.substr(tab + 1);
}

std::string EntityAliasPrefix(EntityType type, std::string_view canonical) {
  std::string term(kPrefixEntityAlias);
  term.push_back(TypeLetter(type));
  term.append(canonical);
  term.push_back('\t');
  return term;
}

std::string EntityAliasTerm(EntityType type, std::string_view canonical, std::string_view surface) {
  return EntityAliasPrefix(type, canonical) + std::string(surface);
}

std::string QuoteSpeakerPrefix(std::string_view last_word_key) {
  return std::string(kPrefixQuoteSpeaker) + std::string(last_word_key) + "\t";
}

std::string QuoteSpeakerTerm(std::string_view canonical) {
  const std::string term = EntityTerm(EntityType::kPerson, canonical);
  return std::string(kPrefixQuoteSpeaker) + term.substr(EntityPrefix(EntityType::kPerson).size());
}

std::vector<Xapian::termpos> ParagraphStarts(const std::vector<ParagraphShape>& layout) {
  std::vector<Xapian::termpos> starts;
  starts.reserve(layout.size());
  uint64_t next = 1;
  for (const auto& shape : layout) {
    starts.push_back(static_cast<Xapian::termpos>(std::min<uint64_t>(next, kMaxPosition)));
    next += shape.words + kParagraphGap;
  }
  return starts;
}

namespace {

// The layout entry that says the signature follows: kind 7, no words.
constexpr uint64_t kSignatureMark = 7;
static_assert(static_cast<int>(ParagraphKind::kBoilerplate) < 7);

}  // namespace

std::string EncodeLayout(const std::vector<ParagraphShape>& shapes, std::string_view signature) {
  std::string out;
  out.reserve(shapes.size() * 2 + 1 + signature.size());
  for (const auto& s : shapes) PutVarint((uint64_t{s.words} << 3) | static_cast<int>(s.kind), &out);
  PutVarint(kSignatureMark, &out);
  out.append(signature);
  return out;
}

std::vector<ParagraphShape> DecodeLayout(std::string_view encoded) {
  std::vector<ParagraphShape> out;
  uint64_t v;
  while (!encoded.empty() && GetVarint(&encoded, &v)) {
    const int kind = static_cast<int>(v & 7);
    if (kind > static_cast<int>(ParagraphKind::kBoilerplate)) break;
    out.push_back({static_cast<ParagraphKind>(kind), static_cast<uint32_t>(v >> 3)});
  }
  return out;
}

std::optional<std::string_view> LayoutSignature(std::string_view encoded) {
  uint64_t v;
  while (!encoded.empty() && GetVarint(&encoded, &v)) {
    if (v == kSignatureMark) return encoded;
    if (static_cast<int>(v & 7) > static_cast<int>(ParagraphKind::kBoilerplate)) break;
  }
  return std::nullopt;
}

std::string EncodeStoredArticle(const Article& a) {
  std::string out;
  size_t text_bytes = 0;
  for (const auto& p : a.paragraphs) text_bytes += p.text.size() + 4;
  out.reserve(text_bytes + a.title.size() + a.id.size() + 256);
  out.push_back(kDataMagic);
  PutVarint(kSchemaVersion, &out);
  PutString(a.id, &out);
  PutString(a.title, &out);
  PutVarint(a.title_derived ? 1 : 0, &out);
  PutString(a.date, &out);
  PutString(a.author, &out);
  PutString(a.url, &out);
  PutVarint(a.paragraphs.size(), &out);
  for (const auto& p : a.paragraphs) {
    PutVarint((static_cast<uint64_t>(p.n) << 3) | static_cast<int>(p.kind), &out);
    PutString(p.text, &out);
  }
  PutString(a.source.file == a.id ? std::string_view() : std::string_view(a.source.file),
            &out);  // a file that is the article itself: its id
  PutString(a.source.member, &out);
  PutVarint(a.source.size, &out);
  PutVarint(static_cast<uint64_t>(a.source.mtime), &out);
  PutVarint(a.source.content_hash, &out);
  PutString(a.source.encoding, &out);
  PutVarint(static_cast<uint64_t>(std::max(0, a.source.invalid_bytes)), &out);
  PutVarint(a.quotes.size(), &out);  // quotes: paragraph, byte range, speaker
  for (const auto& q : a.quotes) {
    PutVarint(static_cast<uint64_t>(std::max(0, q.paragraph)), &out);
    PutVarint(q.begin, &out);
    PutVarint(q.end - q.begin, &out);
    PutString(q.speaker, &out);
  }
  return out;
}

std::optional<Article> DecodeStoredArticle(std::string_view in) {
  Article a;
  uint64_t v = 0, n = 0;
  if (in.empty() || in.front() != kDataMagic) return std::nullopt;
  in.remove_prefix(1);
  if (!GetVarint(&in, &v) || v != kSchemaVersion) return std::nullopt;
  if (!GetString(&in, &a.id) || !GetString(&in, &a.title) || !GetVarint(&in, &v))
    return std::nullopt;
  a.title_derived = v != 0;
  if (!GetString(&in, &a.date) || !GetString(&in, &a.author) || !GetString(&in, &a.url) ||
      !GetVarint(&in, &n) || n > in.size())
    return std::nullopt;
  a.paragraphs.resize(n);
  for (auto& p : a.paragraphs) {
    if (!GetVarint(&in, &v) || (v & 7) > static_cast<int>(ParagraphKind::kBoilerplate) ||
        !GetString(&in, &p.text))
      return std::nullopt;
    p.n = static_cast<int>(v >> 3);
    p.kind = static_cast<ParagraphKind>(v & 7);
  }
  if (!GetString(&in, &a.source.file) || !GetString(&in, &a.source.member) ||
      !GetVarint(&in, &a.source.size) || !GetVarint(&in, &v))
    return std::nullopt;
  a.source.mtime = static_cast<int64_t>(v);
  if (a.source.file.empty()) a.source.file = a.id;
  if (!GetVarint(&in, &a.source.content_hash) || !GetString(&in, &a.source.encoding) ||
      !GetVarint(&in, &v))
    return std::nullopt;
  a.source.invalid_bytes = static_cast<int>(v);
  if (!in.empty() && !DecodeQuotes(&in, &a)) return std::nullopt;  // absent before quotes
  return a;
}

std::string AuthorKey(std::string_view author) {
  std::string key;
  constexpr size_t kMaxAuthorKeyBytes = 200;
  for (const auto& t : text::Tokenize(author)) {
    if (key.size() + 1 + t.term.size() > kMaxAuthorKeyBytes) break;
    if (!key.empty()) key.push_back(' ');
    key += t.term;
  }
  return key;
}

std::string ArticleKey(std::string_view article_id) {
  // As "%016llx" prints it, without printf's machinery: a re-run keys
  // every file of the bundle.
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t h = ingest::ContentHash(article_id);
  std::string key(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) key[i] = kHex[h & 15];
  return key;
}

std::string EncodeEntities(const std::vector<Entity>& entities) {
  std::string out;
  for (const auto& e : entities) {
    out += static_cast<char>('0' + static_cast<int>(e.type));
    out += '\t';
    out += e.name;
    out += '\t';
    out += std::to_string(std::max(0, e.count));
    out += '\n';
  }
  return out;
}

std::vector<EntityRef> DecodeEntities(std::string_view encoded) {
  std::vector<EntityRef> out;
  ForEachEntity(encoded, [&](const EntityRef& e) { out.push_back(e); });
  return out;
}

std::vector<Entity> DocumentEntities(const Xapian::Document& doc) {
  const std::string encoded = doc.get_value(kSlotEntities);
  std::vector<Entity> out;
  for (const auto& e : DecodeEntities(encoded))
    out.push_back({e.type, std::string(e.name), {}, e.count});
  return out;
}

std::string LanguageTerm(std::string_view code) {
  return std::string(kPrefixLanguage) + std::string(code);
}

std::vector<std::string> IndexLanguages(const Xapian::Database& db) {
  std::vector<std::string> out;
  for (auto& [code, articles] : IndexLanguageCounts(db)) out.push_back(std::move(code));
  return out;
}

std::vector<std::pair<std::string, Xapian::doccount>> IndexLanguageCounts(
    const Xapian::Database& db) {
  std::vector<std::pair<std::string, Xapian::doccount>> out;
  const std::string prefix(kPrefixLanguage);
  // Stepping with ++ would walk every chunk of each language's posting
  // list (all the articles' postings, block by block, on every query);
  // skipping to just past the term jumps over them.
  const auto end = db.allterms_end(prefix);
  for (auto t = db.allterms_begin(prefix); t != end;) {
    const std::string term = *t;
    out.emplace_back(term.substr(prefix.size()), t.get_termfreq());
    t.skip_to(term + '\0');
  }
  return out;
}

}  // namespace nsearch::index
