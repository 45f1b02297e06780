#include "index/writer.h"

#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "index/schema.h"
#include "text/normalize.h"

namespace nsearch::index {
namespace {

// Bumped whenever segmentation, classification or extraction changes what an
// article becomes, so an unchanged file is still re-indexed after an upgrade.
constexpr char kPipelineVersion[] = "3";  // 2: author terms keep word breaks; 3: entities, credits

constexpr int kPassagesPerFlush = 1000;

std::string SourceStamp(uint64_t content_hash) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%016llx:%d:%s", static_cast<unsigned long long>(content_hash),
                kSchemaVersion, kPipelineVersion);
  return buf;
}

std::string DateKey(std::string_view iso) {
  std::string out;
  for (char c : iso) {
    if (c >= '0' && c <= '9') out.push_back(c);
    if (out.size() == 8) break;
  }
  return out.size() == 8 ? out : std::string();
}

bool Searchable(ParagraphKind k) {
  return k == ParagraphKind::kBody || k == ParagraphKind::kHeading || k == ParagraphKind::kCaption;
}

}  // namespace

struct Writer::Impl {
  Xapian::WritableDatabase db;
};

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::~Writer() {
  if (!impl_) return;
  try {
    impl_->db.close();
  } catch (const Xapian::Error&) {
    // Nothing useful to do in a destructor; uncommitted changes are dropped.
  }
}

Result<std::unique_ptr<Writer>> Writer::Open(const std::string& path) {
  try {
    auto impl = std::make_unique<Impl>();
    impl->db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    const std::string version = impl->db.get_metadata(kSchemaVersionKey);
    if (!version.empty() && version != std::to_string(kSchemaVersion)) {
      return Status::Unsupported("index " + path + " has schema version " + version +
                                 ", this nsearch writes " + std::to_string(kSchemaVersion) +
                                 ": rebuild it into an empty directory");
    }
    impl->db.set_metadata(kSchemaVersionKey, std::to_string(kSchemaVersion));
    return std::unique_ptr<Writer>(new Writer(std::move(impl)));
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::Locked("index " + path + " is locked: another nsearch-index is writing it");
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot open index " + path + " for writing: " + e.get_description());
  }
}

bool Writer::IsUnchanged(const std::string& article_id, uint64_t content_hash) {
  const std::string term = std::string(kPrefixArticle) + ArticleKey(article_id);
  try {
    for (auto it = impl_->db.postlist_begin(term); it != impl_->db.postlist_end(term); ++it) {
      Xapian::Document doc = impl_->db.get_document(*it);
      std::string stamp = doc.get_value(kSlotSourceHash);
      if (!stamp.empty()) return stamp == SourceStamp(content_hash);
    }
  } catch (const Xapian::Error&) {
    return false;
  }
  return false;
}

Result<PutOutcome> Writer::Put(const Article& a) {
  thread_local Xapian::Stem stem(kStemLanguage);
  const std::string key = ArticleKey(a.id);
  const std::string article_term = std::string(kPrefixArticle) + key;
  const std::string date = DateKey(a.date);
  const std::string entities = EncodeEntities(a.entities);
  const std::string author = AuthorKey(a.author);
  // Xapian refuses terms over kMaxTermBytes; one absurd word (or a name
  // built from 40 capitalised words) must not fail the article, let alone
  // the run, so such terms are left out (the text itself is still stored).
  auto fits = [](const std::string& term) { return term.size() <= kMaxTermBytes; };
  std::vector<std::string> title_terms;
  for (auto& t : text::Tokenize(a.title)) {
    std::string term = std::string(kPrefixTitle) + stem(t.term);
    if (fits(term)) title_terms.push_back(std::move(term));
  }
  // An article with a title and no paragraph (a JSONL brief with an empty
  // text) is still one passage: its title, as paragraph 0.
  std::vector<Paragraph> title_only;
  if (a.paragraphs.empty() && !a.title.empty())
    title_only.push_back({0, ParagraphKind::kHeading, a.title});
  const std::vector<Paragraph>& paragraphs = a.paragraphs.empty() ? title_only : a.paragraphs;

  try {
    const bool existed = impl_->db.term_exists(article_term);
    if (existed) impl_->db.delete_document(article_term);

    for (const Paragraph& p : paragraphs) {
      Xapian::Document doc;
      Xapian::termpos pos = 0;
      for (auto& t : text::Tokenize(p.text)) {
        std::string term = stem(t.term);
        ++pos;
        if (fits(term)) doc.add_posting(term, pos);
      }
      for (auto& t : title_terms) doc.add_term(t, 1);
      doc.add_boolean_term(article_term);
      doc.add_boolean_term(std::string(kPrefixKind) + std::string(KindName(p.kind)));
      if (!date.empty()) doc.add_boolean_term(std::string(kPrefixDate) + date);
      if (!author.empty()) doc.add_boolean_term(std::string(kPrefixAuthor) + author);
      if (Searchable(p.kind)) {
        for (const Entity& e : a.entities) {
          std::string term = std::string(FilterPrefix(e.type)) + e.name;
          if (fits(term)) doc.add_boolean_term(term);
        }
      }
      doc.add_value(kSlotArticle, key);
      doc.add_value(kSlotParagraph, Xapian::sortable_serialise(p.n));
      if (!date.empty()) doc.add_value(kSlotDate, date);
      if (!entities.empty()) doc.add_value(kSlotEntities, entities);
      nlohmann::json data = {{"id", a.id},
                             {"title", a.title},
                             {"n", p.n},
                             {"kind", KindName(p.kind)},
                             {"text", p.text}};
      if (!a.date.empty()) data["date"] = a.date;
      if (!a.author.empty()) data["author"] = a.author;
      doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      impl_->db.add_document(doc);
      // Xapian buffers postings until a commit; a giant new article (a 200
      // MB single-line file) commits as it goes so memory stays bounded. Its
      // record is added last, so an interrupted run redoes the article. A
      // replaced article does not, so readers never see it half-written.
      if (!existed && p.n > 0 && p.n % kPassagesPerFlush == 0) impl_->db.commit();
    }

    Xapian::Document rec;
    rec.add_boolean_term(std::string(kRecordTerm));
    rec.add_boolean_term(article_term);
    rec.add_boolean_term(std::string(kPrefixSourceFile) + ArticleKey(a.source.file));
    if (!date.empty()) rec.add_boolean_term(std::string(kPrefixDate) + date);
    nlohmann::json ents = nlohmann::json::array();
    for (const Entity& e : a.entities) {
      std::string term = std::string(RecordPrefix(e.type)) + e.name;
      if (fits(term)) rec.add_term(term, std::max(1, e.count));
      ents.push_back({{"type", EntityTypeName(e.type)},
                      {"name", e.name},
                      {"mentions", e.mentions},
                      {"count", e.count}});
    }
    rec.add_value(kSlotArticle, key);
    if (!entities.empty()) rec.add_value(kSlotEntities, entities);
    rec.add_value(kSlotSourceHash, SourceStamp(a.source.content_hash));
    if (!date.empty()) rec.add_value(kSlotDate, date);
    nlohmann::json data = {{"id", a.id},
                           {"title", a.title},
                           {"paragraphs", a.paragraphs.size()},
                           {"entities", ents},
                           {"source",
                            {{"file", a.source.file},
                             {"member", a.source.member},
                             {"size", a.source.size},
                             {"mtime", a.source.mtime},
                             {"encoding", a.source.encoding}}}};
    if (!a.date.empty()) data["date"] = a.date;
    if (!a.author.empty()) data["author"] = a.author;
    if (!a.url.empty()) data["url"] = a.url;
    rec.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    impl_->db.add_document(rec);
    return existed ? PutOutcome::kUpdated : PutOutcome::kAdded;
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot write article " + a.id + ": " + e.get_description());
  }
}

Result<int64_t> Writer::RemoveStale(const std::string& source_file,
                                    const std::unordered_set<std::string>& keep) {
  const std::string file_term = std::string(kPrefixSourceFile) + ArticleKey(source_file);
  try {
    std::vector<std::string> stale;
    for (auto it = impl_->db.postlist_begin(file_term); it != impl_->db.postlist_end(file_term);
         ++it) {
      std::string key = impl_->db.get_document(*it).get_value(kSlotArticle);
      if (!key.empty() && !keep.count(key)) stale.push_back(std::move(key));
    }
    for (const auto& key : stale) impl_->db.delete_document(std::string(kPrefixArticle) + key);
    return static_cast<int64_t>(stale.size());
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot remove stale articles of " + source_file + ": " +
                           e.get_description());
  }
}

Result<int64_t> Writer::RemoveVanished(const std::vector<std::string>& roots) {
  namespace fs = std::filesystem;
  const std::string prefix(kPrefixSourceFile);
  try {
    int64_t removed = 0;
    std::vector<std::string> gone;  // source-file terms whose file vanished
    for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t) {
      auto p = impl_->db.postlist_begin(*t);
      if (p == impl_->db.postlist_end(*t)) continue;
      auto data = nlohmann::json::parse(impl_->db.get_document(*p).get_data(), nullptr, false);
      if (!data.is_object() || !data.contains("source") || !data["source"].is_object()) continue;
      const auto file_it = data["source"].find("file");
      if (file_it == data["source"].end() || !file_it->is_string()) continue;
      const std::string file = *file_it;
      bool under = false;
      for (const auto& root : roots)
        under = under || (file.size() > root.size() && file.compare(0, root.size(), root) == 0 &&
                          file[root.size()] == '/');
      std::error_code ec;
      if (under && !fs::exists(fs::symlink_status(file, ec))) gone.push_back(*t);
    }
    for (const auto& term : gone) {
      std::vector<std::string> keys;
      for (auto p = impl_->db.postlist_begin(term); p != impl_->db.postlist_end(term); ++p)
        keys.push_back(impl_->db.get_document(*p).get_value(kSlotArticle));
      for (const auto& key : keys) impl_->db.delete_document(std::string(kPrefixArticle) + key);
      removed += static_cast<int64_t>(keys.size());
    }
    return removed;
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot remove vanished articles: " + e.get_description());
  }
}

Status Writer::Commit() {
  try {
    impl_->db.commit();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot commit index: " + e.get_description());
  }
}

}  // namespace nsearch::index
