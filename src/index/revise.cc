#include "index/revise.h"

#include <filesystem>
#include <optional>

#include "index/data_dictionary.h"
#include "index/document.h"
#include "index/schema.h"
#include "index/unweighted.h"
#include "segment/boilerplate.h"
#include "text/normalize.h"

namespace nsearch::index {
namespace {

std::string LastWord(const std::string& key) {
  const size_t space = key.rfind(' ');
  return space == std::string::npos ? key : key.substr(space + 1);
}

// The article's text term or its hidden (boilerplate) twin.
Xapian::Query EitherTerm(const std::string& stem) {
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(stem),
                       Xapian::Query(std::string(kPrefixHidden) + stem));
}

}  // namespace

void RunChanges::Touch(const Article& article, const entities::ArticleEvidence* evidence) {
  for (const auto& p : article.paragraphs)
    if (text::CodePointCount(p.text) <= segment::kRepeatedLineMaxChars) lines_.insert(p.text);
  if (!evidence) return;
  for (const auto& n : evidence->names) words_.insert(LastWord(n.key));
  for (const auto& u : evidence->unexplained) words_.insert(LastWord(u));
  for (const auto& [key, cue] : evidence->surname_orgs) words_.insert(LastWord(key));
  for (const auto& [tail, full] : evidence->surname_votes) {
    words_.insert(LastWord(tail));
    words_.insert(LastWord(full));
  }
  for (const auto& [stage, name] : evidence->stage_names) {
    words_.insert(LastWord(stage));
    words_.insert(LastWord(name));
  }
}

void RunChanges::TouchStored(Xapian::docid did) {
  auto old = StoredArticleOf(db_.get_document(did), db_);
  if (!old) return;
  std::optional<entities::ArticleEvidence> evidence;
  if (extractor_) {
    // Its kinds as first segmented are not stored; every paragraph read as
    // body gives a superset of the names it gave.
    Article as_read = *old;
    for (auto& p : as_read.paragraphs) p.kind = ParagraphKind::kBody;
    evidence = extractor_->Evidence(as_read);
  }
  Touch(*old, evidence ? &*evidence : nullptr);
}

void RunChanges::Saw(const Article& article, const entities::ArticleEvidence* evidence,
                     bool unchanged) {
  const std::string key = ArticleKey(article.id);
  seen_.insert(key);
  read_files_.insert(article.source.file);
  if (unchanged) return;
  changed_.insert(key);
  Touch(article, evidence);
  const std::string term = std::string(kPrefixArticle) + key;
  for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) TouchStored(*p);
}

void RunChanges::FindGone(const std::vector<std::string>& directories) {
  namespace fs = std::filesystem;
  const std::string prefix(kPrefixSourceFile);
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
    std::string file = FileRecordPath(db_.get_metadata(kFileRecordPrefix + (*t).substr(1)));
    if (file.empty()) {
      auto p = db_.postlist_begin(*t);
      if (p == db_.postlist_end(*t)) continue;
      const auto stored = StoredArticleOf(db_.get_document(*p), db_);
      if (!stored) continue;
      file = stored->source.file;
    }
    bool vanished = false;
    std::error_code ec;
    for (const auto& dir : directories)
      vanished = vanished || (file.size() > dir.size() && file.compare(0, dir.size(), dir) == 0 &&
                              file[dir.size()] == '/' && !fs::exists(fs::symlink_status(file, ec)));
    if (!vanished && !read_files_.count(file)) continue;
    for (auto p = db_.postlist_begin(*t); p != db_.postlist_end(*t); ++p) {
      const std::string key = db_.get_document(*p).get_value(kSlotArticle);
      if (seen_.count(key) || !changed_.insert(key).second) continue;
      TouchStored(*p);
    }
  }
}

std::map<std::string, std::string> RunChanges::Affected(
    const segment::BoilerplateClassifier& classifier) const {
  using segment::BoilerplateClassifier;
  std::map<std::string, std::string> out;
  // An unchanged article of this pass, decoded, or nothing.
  auto unchanged = [&](const Xapian::Document& doc) -> std::optional<Article> {
    const std::string key = doc.get_value(kSlotArticle);
    if (changed_.count(key) || !seen_.count(key) || out.count(key)) return std::nullopt;
    return StoredArticleOf(doc, db_);
  };
  auto matching = [&](const Xapian::Query& q) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Unweighted());
    std::vector<Xapian::docid> ids;
    Xapian::MSet m = enquire.get_mset(0, db_.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) ids.push_back(*it);
    return ids;
  };

  const std::vector<std::string> languages = IndexLanguages(db_);

  // Lines: the articles the index holds with the line (found through its
  // words, then read) are what the last run counted; the classifier has
  // this run's count.
  for (const auto& line : lines_) {
    // Every word the index holds for it (a word too long to be a term is
    // left out: the query finds a superset, the stored text decides).
    // In an index of several languages, a word is any of its stems in them.
    std::map<std::string, std::string_view> folded;  // folded word -> as written
    for (const auto& t : text::Tokenize(line)) folded.emplace(t.term, Original(line, t));
    std::vector<Xapian::Query> words;
    for (const auto& [word, original] : folded) {
      std::vector<Xapian::Query> variants;
      for (const auto& stem : StemsIn(word, languages, original))
        if (stem.size() <= kMaxTermBytes) variants.push_back(EitherTerm(stem));
      if (variants.size() == 1) words.push_back(variants[0]);
      if (variants.size() > 1)
        words.emplace_back(Xapian::Query::OP_OR, variants.begin(), variants.end());
    }
    if (words.empty()) continue;
    const uint64_t line_key = BoilerplateClassifier::LineKeyOf(line);
    std::unordered_set<uint64_t> before;  // content keys, as the count takes them
    std::vector<std::pair<std::string, std::string>> holders;  // unchanged: key, file
    for (Xapian::docid did :
         matching(Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()))) {
      const Xapian::Document doc = db_.get_document(did);
      auto stored = StoredArticleOf(doc, db_);
      if (!stored) continue;
      bool holds = false;
      for (const auto& p : stored->paragraphs)
        holds = holds || (text::CodePointCount(p.text) <= segment::kRepeatedLineMaxChars &&
                          BoilerplateClassifier::LineKeyOf(p.text) == line_key);
      if (!holds) continue;
      before.insert(BoilerplateClassifier::ContentKeyOf(*stored));
      const std::string key = doc.get_value(kSlotArticle);
      if (!changed_.count(key) && seen_.count(key)) holders.emplace_back(key, stored->source.file);
    }
    if (BoilerplateClassifier::CountClass(static_cast<uint32_t>(before.size())) ==
        BoilerplateClassifier::CountClass(classifier.LineCount(line)))
      continue;
    for (auto& [key, file] : holders) out.emplace(key, file);
  }

  // Names: extract again from the stored article under this run's bundle.
  if (!extractor_) return out;
  std::set<Xapian::docid> candidates;
  for (const auto& word : words_) {
    auto tokens = text::Tokenize(word);
    if (tokens.empty()) continue;
    for (const auto& stem : StemsIn(tokens.back().term, languages, Original(word, tokens.back())))
      for (Xapian::docid did : matching(EitherTerm(stem))) candidates.insert(did);
  }
  for (Xapian::docid did : candidates) {
    const Xapian::Document doc = db_.get_document(did);
    auto stored = unchanged(doc);
    if (!stored) continue;
    extractor_->Extract(*stored);
    const std::string now = stored->entities.empty() ? "" : EncodeEntities(stored->entities);
    if (now != doc.get_value(kSlotEntities))
      out.emplace(doc.get_value(kSlotArticle), stored->source.file);
  }
  return out;
}

}  // namespace nsearch::index
