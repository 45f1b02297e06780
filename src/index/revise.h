// index/revise: which unchanged articles a run must index again so that an
// incremental run ends exactly where a clean rebuild of the same bundles
// would. Bundle-level signals — a line repeated across the bundle
// (boilerplate), the person a bare surname stands for (entities) — are
// counted over every article; when this run's new, changed or gone articles
// move those counts, an unchanged article may come out differently:
//   - a line: its articles are classified alike while the count of the
//     articles holding it stays in one class (CountClass); when the class
//     moves, every unchanged article holding the line is indexed again;
//   - a name: the unchanged articles that hold a name word whose evidence
//     moved are extracted again from what the index stored (the classified
//     article, so cheap: no file, no segmentation, no write) and indexed
//     again only when their entities come out differently.
//
// The bundle pass reports every article it reads (Saw); the index says what
// the changed and gone ones held before; the candidates are found through
// the index's own terms (the words of a line, a surname).
#ifndef NSEARCH_INDEX_REVISE_H_
#define NSEARCH_INDEX_REVISE_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "entities/bundle.h"
#include "entities/extractor.h"
#include "nsearch/article.h"
#include "segment/boilerplate.h"

namespace nsearch::index {

class RunChanges {
 public:
  // |db|: the index as last committed (before this run writes);
  // |extractor| (null without entities) reads the evidence of what the
  // index held.
  RunChanges(const Xapian::Database& db, const entities::Extractor* extractor)
      : db_(db), extractor_(extractor) {}

  // An article of the bundle pass (segmented, not yet classified), its
  // entity evidence (null without entities), and whether the index holds it
  // with the same content stamp.
  void Saw(const Article& article, const entities::ArticleEvidence* evidence, bool unchanged);

  // After the pass: the articles the index holds that the run will remove —
  // from files this pass read whole (a line or member gone), or from files
  // gone from |directories| — count as changed too.
  void FindGone(const std::vector<std::string>& directories);

  // The unchanged articles to index again, article key -> source file;
  // |classifier| and the extractor have observed the whole pass.
  std::map<std::string, std::string> Affected(
      const segment::BoilerplateClassifier& classifier) const;

 private:
  // What an article contributes to the bundle-level counts: its short
  // lines and the last words of the names in its evidence.
  void Touch(const Article& article, const entities::ArticleEvidence* evidence);
  void TouchStored(Xapian::docid did);

  const Xapian::Database& db_;
  const entities::Extractor* extractor_;
  std::unordered_set<std::string> seen_;     // article keys of the pass
  std::unordered_set<std::string> changed_;  // keys new, changed or gone
  std::set<std::string> read_files_;         // files the pass read
  std::set<std::string> lines_;              // short lines whose counts moved
  std::set<std::string> words_;              // name words whose counts moved
};

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_REVISE_H_
