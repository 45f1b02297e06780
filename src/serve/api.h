// serve/api: the JSON API beside the page (docs/serve.md), independent of
// the HTTP library: an endpoint and its parameters in, a status and a body
// out. Each endpoint answers with the library's JSON (search/json.h), so
// /api/search returns what `nsearch --json` prints.
#ifndef NSEARCH_SERVE_API_H_
#define NSEARCH_SERVE_API_H_

#include <string>
#include <string_view>

#include "nsearch/searcher.h"
#include "serve/params.h"

namespace nsearch::serve {

struct Reply {
  int status = 200;
  std::string body;  // JSON
};

// Answers /api/|endpoint| (search, article, facets, timeline, person,
// entities) from |searcher|. Errors carry {"error": message}: 400 for bad
// parameters or options, 404 for an unknown endpoint, article id or name,
// 503 when the index could not be read (being replaced: try again).
Reply Api(std::string_view endpoint, const Params& params, Searcher& searcher);

// {"error": |message|} with |status|.
Reply ErrorReply(int status, const std::string& message);

}  // namespace nsearch::serve

#endif  // NSEARCH_SERVE_API_H_
