// ingest/inputs: the bundle paths given to nsearch-index, checked and
// normalised before anything is read or created.
#ifndef NSEARCH_INGEST_INPUTS_H_
#define NSEARCH_INGEST_INPUTS_H_

#include <string>
#include <vector>

#include "nsearch/status.h"

namespace nsearch::ingest {

// Makes |inputs| absolute and normalised (so an article keeps one id whatever
// directory the indexer runs from and however the bundle was spelled) and
// drops an input another one already covers (the same directory twice, a file
// or directory inside another input directory): each file is read once.
//
// Returns InvalidArgument, naming the path, for an input that does not exist
// (a dangling link included), and, when |index_path| is not empty, for an
// index inside an input directory (its files would be read as articles) or an
// input inside the index. Inputs that exist but cannot be read (permissions,
// a symlink loop) are not an error here: the walk reports them as skips.
Result<std::vector<std::string>> PrepareInputs(const std::vector<std::string>& inputs,
                                               const std::string& index_path);

}  // namespace nsearch::ingest

#endif  // NSEARCH_INGEST_INPUTS_H_
