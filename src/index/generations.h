// index/generations: the on-disk layout of an index, so that a compacted
// copy can replace the database atomically while people search. The index
// directory holds a Xapian stub file, XAPIANDB, naming the current
// generation (a glass database in a subdirectory, gen-000001, gen-000002...).
// Readers open the directory (Xapian follows the stub); the writer updates
// the current generation in place, or writes a compacted next generation and
// switches the stub with one rename, then removes the older generations
// (readers that had one open reopen through the stub).
#ifndef NSEARCH_INDEX_GENERATIONS_H_
#define NSEARCH_INDEX_GENERATIONS_H_

#include <string>

#include "nsearch/status.h"

namespace nsearch::index {

// The glass database to write for the index at |index_path|: the current
// generation named by its stub, or, for a new or empty directory, a first
// generation with its stub (created here). A directory that is itself a
// glass database (no stub) is written in place.
Result<std::string> WritableGeneration(const std::string& index_path);

// The generation the stub of |index_path| names ("gen-000003"), or "" when
// it has no stub (a plain glass database, or no index). Readers compare it to
// see that the index switched.
std::string CurrentGeneration(const std::string& index_path);

// Where the next generation of |index_path| goes (not created).
std::string NextGeneration(const std::string& index_path, const std::string& current);

// Points the stub of |index_path| at |generation| (atomically: a new stub
// renamed over the old), then removes every other generation.
Status SwitchGeneration(const std::string& index_path, const std::string& generation);

}  // namespace nsearch::index

#endif  // NSEARCH_INDEX_GENERATIONS_H_
