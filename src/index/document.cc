#include "index/document.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "index/copies.h"
#include "index/schema.h"
#include "index/varint.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/stopwords.h"

namespace nsearch::index {
namespace {

// Bumped whenever segmentation, classification or extraction changes what an
// article becomes, so an unchanged file is still re-indexed after an upgrade.
// 4: schema 2 (one document per article); 5: quotes; 6: repeated lines
// compared by their words (not their letters run together); 7: copy
// signature (index/copies.h); 8: languages (each article stemmed in its own);
// 9: the copy signature in 128 bytes (8-bit entries), not 256.
constexpr char kPipelineVersion[] = "9";

bool Fits(const std::string& term) { return !term.empty() && term.size() <= kMaxTermBytes; }

bool HasDigit(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Adds the words of one paragraph (or the title) from position |start|.
// |prefix| and |wdf| say where and how much they count; |positional| false
// leaves positions out.
// |language| is the article's: its stemmer and stop words.
void AddWords(std::string_view text, const std::vector<text::Token>& tokens, Xapian::termpos start,
              std::string_view prefix, Xapian::termcount wdf, bool positional,
              std::string_view language, Xapian::Document* doc) {
  Xapian::termpos pos = start;
  std::string term;
  for (const auto& t : tokens) {
    term.assign(prefix);
    term += Stem(t.term, language, Original(text, t));
    if (Fits(term)) {
      // Stop words count but have no positions (text/stopwords.h).
      if (positional && pos < kMaxPosition && !text::IsStopWord(t.term, language))
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

// "l'accord" -> "accord", "dell'anno" -> "anno": French and Italian write
// an elided article or preposition onto the next word, and the word breaker
// keeps them together.
std::string_view WithoutElision(std::string_view word, std::string_view code) {
  if (code != "fr" && code != "it") return word;
  const size_t apostrophe = word.find('\'');
  if (apostrophe == std::string_view::npos || apostrophe == 0 || apostrophe + 1 >= word.size() ||
      apostrophe > 7)
    return word;
  static constexpr std::string_view kFrench[] = {"l", "d", "j",  "m",     "n",      "s",
                                                 "t", "c", "qu", "jusqu", "lorsqu", "puisqu"};
  static constexpr std::string_view kItalian[] = {"l",    "d",    "c",   "un",    "dell", "dall",
                                                  "nell", "sull", "all", "quell", "coll"};
  const std::string_view head = word.substr(0, apostrophe);
  bool elided = false;
  if (code == "fr") {
    for (auto e : kFrench) elided = elided || head == e;
  } else {
    for (auto e : kItalian) elided = elided || head == e;
  }
  return elided ? word.substr(apostrophe + 1) : word;
}

// Words reach the stemmer folded (accents gone: text::Fold), and a few
// Snowball rules name their suffix with its accent: Spanish -ción, Portuguese
// -ção/-ções. Those endings get their
// letters back, so "negociacion" stems as "negociaciones" does.
std::string Reaccented(std::string_view word, std::string_view code) {
  struct Ending {
    std::string_view code, folded, written;
  };
  static constexpr Ending kEndings[] = {
      {"es", "cion", "ción"}, {"es", "sion", "sión"}, {"pt", "cao", "ção"}, {"pt", "coes", "ções"},
      {"ru", "ыи", "ый"},     {"ru", "ии", "ий"},     {"ru", "ои", "ой"}};
  for (const auto& e : kEndings) {
    if (e.code == code && word.size() > e.folded.size() + 2 && word.ends_with(e.folded))
      return std::string(word.substr(0, word.size() - e.folded.size())) + std::string(e.written);
  }
  return std::string(word);
}

// A thread's stems of the words it met last, per language: direct-mapped,
// a word goes to the slot its hash picks and takes it over. The frequent
// words stay, and the table stays in the core's cache: at 8,192 slots it is
// under 600 KB, where a map of 65,536 words (kept until full, then cleared)
// took 6 MB and a cache miss or two a word, 4% of indexing time. It starts
// at 64 slots and doubles after twice its size in misses: a query stems a
// few words, and 600 KB of fresh slots cost its process 150 page faults.
class StemCache {
 public:
  // The stem of |word|: from the table, or made by |stem|() and kept. Valid
  // until the thread's next lookup.
  template <typename MakeStem>
  const std::string& Get(std::string_view word, MakeStem&& stem) {
    if (slots_.size() < kMaxSlots && misses_ >= 2 * slots_.size()) Grow();
    const uint64_t h = std::hash<std::string_view>()(word);
    Slot& s = slots_[h & (slots_.size() - 1)];
    if (!s.filled || s.hash != h || s.word != word) {
      ++misses_;
      s.stem = stem();
      s.word.assign(word);
      s.hash = h;
      s.filled = true;
    }
    return s.stem;
  }

 private:
  static constexpr size_t kMinSlots = 64;
  static constexpr size_t kMaxSlots = 1u << 13;
  struct Slot {
    uint64_t hash = 0;
    bool filled = false;
    std::string word, stem;
  };
  // Twice the slots, keeping the words held (one of two that meet in a
  // slot wins).
  void Grow() {
    std::vector<Slot> old(slots_.empty() ? kMinSlots : slots_.size() * 2);
    old.swap(slots_);
    for (Slot& s : old)
      if (s.filled) slots_[s.hash & (slots_.size() - 1)] = std::move(s);
    misses_ = 0;
  }
  std::vector<Slot> slots_;
  size_t misses_ = 0;
};

struct LanguageStemmer {
  Xapian::Stem stemmer;
  StemCache cache;
};

LanguageStemmer& StemmerOf(std::string_view code) {
  thread_local std::unordered_map<std::string, LanguageStemmer> stemmers;
  auto it = stemmers.find(std::string(code));
  if (it != stemmers.end()) return it->second;
  const text::LanguageInfo* info = text::FindLanguage(code);
  Xapian::Stem stemmer(info ? std::string(info->stemmer) : std::string("none"));
  return stemmers.emplace(std::string(code), LanguageStemmer{stemmer, {}}).first->second;
}

}  // namespace

const std::string& Stem(const std::string& folded_word, std::string_view code,
                        std::string_view original) {
  if (code.empty() || code == text::kDefaultLanguage) {
    // English, the common case, without the lookup of its stemmer.
    thread_local Xapian::Stem stemmer("english");
    thread_local StemCache cache;
    return cache.Get(folded_word, [&] { return stemmer(folded_word); });
  }
  LanguageStemmer& s = StemmerOf(code);
  if (code == "ru" && !original.empty()) {
    thread_local StemCache cyrillic;
    return cyrillic.Get(original, [&] {
      std::string lower;
      icu::UnicodeString::fromUTF8(original).foldCase().toUTF8String(lower);
      return text::Fold(s.stemmer(Reaccented(lower, code)));
    });
  }
  return s.cache.Get(folded_word, [&] {
    return text::Fold(s.stemmer(Reaccented(WithoutElision(folded_word, code), code)));
  });
}

std::string_view Original(std::string_view text, const text::Token& token) {
  if (token.byte_end > text.size() || token.byte_begin >= token.byte_end) return {};
  return text.substr(token.byte_begin, token.byte_end - token.byte_begin);
}

std::vector<std::string> StemsIn(const std::string& folded_word,
                                 const std::vector<std::string>& codes, std::string_view original) {
  std::vector<std::string> out;
  if (codes.empty()) out.push_back(Stem(folded_word));
  for (const auto& code : codes) {
    const std::string& stem = Stem(folded_word, code, original);
    if (std::find(out.begin(), out.end(), stem) == out.end()) out.push_back(stem);
  }
  return out;
}

std::string SourceStamp(uint64_t content_hash) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%016llx:%d:%s", static_cast<unsigned long long>(content_hash),
                kSchemaVersion, kPipelineVersion);
  return buf;
}

std::string FileRecord(const std::string& path, uint64_t size, int64_t mtime_ns, uint64_t inode) {
  // "SIZE MTIME_NS INODE SCHEMA:PIPELINE\tPATH", without printf's machinery:
  // a re-run makes one for every file of the bundle.
  char buf[96];  // four numbers of at most 20 digits and their separators
  char* p = buf;
  auto put = [&](auto v, char after) {
    const auto [next, ec] = std::to_chars(p, buf + sizeof buf - 1, v);
    if (ec != std::errc()) return;
    p = next;
    *p++ = after;
  };
  put(size, ' ');
  put(mtime_ns, ' ');
  put(inode, ' ');
  put(kSchemaVersion, ':');
  std::string out(buf, p);
  out += kPipelineVersion;
  out += '\t';
  out += path;
  return out;
}

std::string FileRecordPath(const std::string& record) {
  const std::string stamp = FileRecordStamp(record);
  const size_t tab = stamp.find('\t');
  return tab == std::string::npos ? std::string() : stamp.substr(tab + 1);
}

void ReadFiles::Add(std::string_view path, uint64_t size, int64_t mtime_ns, uint64_t inode) {
  const size_t shared =
      std::mismatch(path.begin(), path.begin() + std::min(path.size(), last_.size()), last_.begin())
          .first -
      path.begin();
  PutVarint(shared, &bytes_);
  PutVarint(path.size() - shared, &bytes_);
  bytes_.append(path.substr(shared));
  PutVarint(size, &bytes_);
  PutVarint(static_cast<uint64_t>(mtime_ns), &bytes_);
  PutVarint(inode, &bytes_);
  last_.assign(path);
  ++count_;
}

void ReadFiles::ForEach(
    const std::function<void(const std::string&, const std::string&)>& f) const {
  std::string_view in = bytes_;
  std::string path;
  uint64_t shared = 0, rest = 0, size = 0, mtime_ns = 0, inode = 0;
  while (GetVarint(&in, &shared) && GetVarint(&in, &rest) && shared <= path.size() &&
         rest <= in.size()) {
    path.resize(shared);
    path.append(in.substr(0, rest));
    in.remove_prefix(rest);
    if (!GetVarint(&in, &size) || !GetVarint(&in, &mtime_ns) || !GetVarint(&in, &inode)) break;
    f(path, FileRecord(path, size, static_cast<int64_t>(mtime_ns), inode));
  }
}

void ReadFiles::Clear() {
  std::string().swap(bytes_);
  std::string().swap(last_);
  count_ = 0;
}

// Field separators that no path, skip reason or category holds: reasons are
// one line, and a path's control characters are not kept in a record.
namespace {
constexpr char kSkipLine = '\n';
constexpr char kSkipField = '\x1f';

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == kSkipLine || c == kSkipField) c = ' ';
  return s;
}
}  // namespace

std::string FileRecordWithSkips(const std::string& record, const std::vector<RecordedSkip>& skips) {
  std::string out = record;
  for (const auto& s : skips)
    out += kSkipLine + OneLine(s.where) + kSkipField + OneLine(s.category) + kSkipField +
           OneLine(s.reason);
  return out;
}

std::string FileRecordStamp(const std::string& stored) {
  return stored.substr(0, stored.find(kSkipLine));
}

std::vector<RecordedSkip> FileRecordSkips(const std::string& stored) {
  std::vector<RecordedSkip> skips;
  size_t at = stored.find(kSkipLine);
  while (at != std::string::npos) {
    const size_t end = stored.find(kSkipLine, at + 1);
    const std::string line = stored.substr(at + 1, end == std::string::npos ? end : end - at - 1);
    const size_t a = line.find(kSkipField), b = line.find(kSkipField, a + 1);
    if (a != std::string::npos && b != std::string::npos)
      skips.push_back({line.substr(0, a), line.substr(b + 1), line.substr(a + 1, b - a - 1)});
    at = end;
  }
  return skips;
}

std::vector<std::string> SpellingWords(const Article& a) {
  std::unordered_set<std::string> seen;
  std::vector<std::string> words;
  CollectWords(text::Tokenize(a.title), &seen, &words);
  for (const Paragraph& p : a.paragraphs)
    if (IsSearchable(p.kind)) CollectWords(text::Tokenize(p.text), &seen, &words);
  return words;
}

BuiltArticle BuildDocument(const Article& a, const DataDictionary* dictionary) {
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

  const std::string_view language =
      a.language.empty() ? text::kDefaultLanguage : std::string_view(a.language);
  AddWords(a.title, title, starts[0], "", kTitleWdf, true, language, &doc);
  AddWords(a.title, title, starts[0], kPrefixTitle, 1, false, language, &doc);
  CollectWords(title, &seen, &out.words);
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    if (IsSearchable(a.paragraphs[i].kind)) {
      AddWords(a.paragraphs[i].text, paragraphs[i], starts[i + 1], "", 1, true, language, &doc);
      CollectWords(paragraphs[i], &seen, &out.words);
    } else {
      AddWords(a.paragraphs[i].text, paragraphs[i], starts[i + 1], kPrefixHidden, 0, true, language,
               &doc);
    }
  }
  AddEntityTerms(a, &doc);
  for (const Quote& q : a.quotes)
    if (std::string term = QuoteSpeakerTerm(q.speaker); !q.speaker.empty() && Fits(term))
      doc.add_boolean_term(term);

  doc.add_boolean_term(std::string(kPrefixArticle) + out.key);
  doc.add_boolean_term(std::string(kPrefixSourceFile) + ArticleKey(a.source.file));
  doc.add_boolean_term(LanguageTerm(language));
  doc.add_value(kSlotLanguage, std::string(language));
  if (std::string author = AuthorKey(a.author); !author.empty()) {
    if (std::string term = std::string(kPrefixAuthor) + author; Fits(term))
      doc.add_boolean_term(term);
  }
  doc.add_value(kSlotArticle, out.key);
  if (std::string date = DateKey(a.date); !date.empty()) doc.add_value(kSlotDate, date);
  if (!a.entities.empty()) doc.add_value(kSlotEntities, EncodeEntities(a.entities));
  doc.add_value(kSlotSourceHash, SourceStamp(a.source.content_hash));
  const Signature sig = CopySignature(a, paragraphs);
  doc.add_value(kSlotLayout, EncodeLayout(layout, EncodeSignature(sig)));
  std::string data = EncodeStoredArticle(a);
  doc.set_data(dictionary ? dictionary->Compress(data) : data);
  return out;
}

}  // namespace nsearch::index
