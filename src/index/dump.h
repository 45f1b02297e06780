// index/dump: a canonical, sorted description of what an index holds, for
// comparing two indexes (an incremental one against a clean rebuild):
// `nsearch-index --dump-state`. Everything a search can show is in it —
// articles with their titles, dates, authors, paragraphs and kinds,
// entities and mentions, the entity aliases, the synonym table, the
// spelling table, the stored entity lists — and nothing that depends on how the index was written
// (document ids, generations, when articles were written, run records).
#ifndef NSEARCH_INDEX_DUMP_H_
#define NSEARCH_INDEX_DUMP_H_

#include <ostream>
#include <string>

#include "nsearch/status.h"

namespace nsearch::index {

// Writes the description of the index at |index_path| to |out|, one record
// a line, sorted. NotFound when there is no index there.
Status DumpState(const std::string& index_path, std::ostream& out);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_DUMP_H_
