// index/entity_lists: every entity of each type with its article count, in
// the order `nsearch --list` shows them, written at the end of each run from
// the whole index (every shard), so that a list reads a page of metadata
// instead of scanning every entity term of the type (whose number grows with
// the index).
//
// Metadata (schema.h): kEntityListsKey holds "1 DOCS LENGTH PERSONS PLACES
// ORGS": the format, the document count and total length of the databases
// the lists were computed over, and each type's number of names. Each type's
// names follow in pages of kEntityListPageSize, key kEntityListsKey + "." +
// type name + "." + page number, one name a line: "ARTICLES\tTERM", TERM the
// entity term without its type prefix (key of the last word, tab, name).
//
// The lists are what the query-time scan (ListOrder over the entity terms)
// gives, and derived from the index's terms alone, so an incremental run
// writes the lists a rebuild writes. A reader uses them only when they
// describe what it opened (the same document count and total length, and the
// shown names' article counts still the entity terms' term frequencies);
// otherwise (an index written before lists, several indexes searched
// together, a run still being published) it scans as before.
#ifndef NSEARCH_INDEX_ENTITY_LISTS_H_
#define NSEARCH_INDEX_ENTITY_LISTS_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nsearch/article.h"

namespace nsearch::index {

// A name and its article count.
using NameCount = std::pair<std::string, int>;

// The positions in |names| (listed in the order of their entity terms) of
// the first |wanted| names of the list: most articles first, equal counts in
// the order of their terms.
std::vector<uint32_t> ListOrder(const std::vector<NameCount>& names, size_t wanted);

// Computes the lists of |all| (every database of the index) and writes them
// to |out|'s metadata, replacing older ones (a key whose value is unchanged
// is not written again). When |all| is several databases that hold one
// article twice, where a term frequency is not an article count, or a name
// cannot be stored, writes none and removes the old ones.
void WriteEntityLists(const Xapian::Database& all, Xapian::WritableDatabase& out);

// The stored header: counts per type, in EntityType order.
struct EntityListsHeader {
  uint64_t docs = 0;
  uint64_t length = 0;
  uint64_t names[3] = {0, 0, 0};
};
// nullopt when |db| has no lists (or lists of another format).
std::optional<EntityListsHeader> ReadEntityListsHeader(const Xapian::Database& db);

// The first |wanted| (0: all) stored entries of |type|'s list as (entity
// term, articles), as stored, unchecked; nullopt when there is no list or
// a page is missing.
std::optional<std::vector<std::pair<std::string, int>>> StoredEntityList(const Xapian::Database& db,
                                                                         EntityType type,
                                                                         size_t wanted);

// The first |wanted| (0: all) names of |type|'s list with their article
// counts, when the stored lists describe |db| as it is; nullopt when the
// caller has to scan.
std::optional<std::vector<NameCount>> ReadEntityList(const Xapian::Database& db, EntityType type,
                                                     size_t wanted);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_ENTITY_LISTS_H_
