#include "index/dump.h"

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "index/data_dictionary.h"
#include "index/entity_lists.h"
#include "index/schema.h"

namespace nsearch::index {
namespace {

// Control characters would break the one-record-a-line format.
std::string Clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  return out;
}

void Article(const Xapian::Document& doc, const Xapian::Database& db,
             std::vector<std::string>* lines) {
  auto a = StoredArticleOf(doc, db);
  if (!a) {
    lines->push_back("article ? undecodable document data");
    return;
  }
  const std::string id = Clean(a->id);
  lines->push_back("article " + id + "\ttitle\t" + Clean(a->title) +
                   (a->title_derived ? "\t(derived)" : ""));
  lines->push_back("article " + id + "\tmeta\tdate=" + a->date + "\tauthor=" + Clean(a->author) +
                   "\turl=" + Clean(a->url) + "\tstamp=" + doc.get_value(kSlotSourceHash));
  for (const auto& p : a->paragraphs) {
    char n[16];
    std::snprintf(n, sizeof n, "%06d", p.n);
    lines->push_back("article " + id + "\tp" + n + "\t" + std::string(KindName(p.kind)) + "\t" +
                     Clean(p.text));
  }
  for (const auto& e : DocumentEntities(doc))
    lines->push_back("article " + id + "\tentity\t" + std::string(EntityTypeName(e.type)) + "\t" +
                     Clean(e.name) + "\t" + std::to_string(e.count));
  // The terms a search matches on, but the text terms: entity filters,
  // aliases, author, title field, hidden words are all derived from the
  // above, except how wdf and the term set came out, which this pins.
  std::string terms;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    terms += Clean(*t) + ":" + std::to_string(t.get_wdf()) + " ";
  lines->push_back("article " + id + "\tterms\t" + terms);
}

}  // namespace

Status DumpState(const std::string& index_path, std::ostream& out) {
  try {
    Xapian::Database db(index_path);
    std::vector<std::string> lines;
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p)
      Article(db.get_document(*p), db, &lines);
    for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
      std::string line = "synonym " + Clean(*k) + "\t";
      for (auto s = db.synonyms_begin(*k); s != db.synonyms_end(*k); ++s) line += Clean(*s) + " ";
      lines.push_back(line);
    }
    for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w)
      lines.push_back("spelling " + Clean(*w) + "\t" + std::to_string(w.get_termfreq()));
    for (const char* key : {kSchemaVersionKey, kAvgParagraphWordsKey, kAvgArticleWordsKey})
      lines.push_back(std::string("metadata ") + key + "\t" + db.get_metadata(key));
    // The stored entity lists, a name a line in list order.
    lines.push_back(std::string("metadata ") + kEntityListsKey + "\t" +
                    db.get_metadata(kEntityListsKey));
    for (EntityType type : {EntityType::kPerson, EntityType::kPlace, EntityType::kOrg}) {
      const auto list = StoredEntityList(db, type, 0);
      if (!list) continue;
      for (size_t i = 0; i < list->size(); ++i) {
        char rank[24];
        std::snprintf(rank, sizeof rank, "%07zu", i + 1);
        lines.push_back("entity-list " + std::string(EntityTypeName(type)) + " " + rank + "\t" +
                        std::to_string((*list)[i].second) + "\t" +
                        Clean(EntityNameOfTerm((*list)[i].first)));
      }
    }
    std::sort(lines.begin(), lines.end());
    for (const auto& l : lines) out << l << "\n";
    return Status::Ok();
  } catch (const Xapian::DatabaseNotFoundError&) {
    return Status::NotFound("no index at " + index_path);
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot read index " + index_path + ": " + e.get_description());
  }
}

}  // namespace nsearch::index
