// cli/quotes_cli: `nsearch --quotes NAME [WORDS]`, what a person said.
#ifndef NSEARCH_CLI_QUOTES_CLI_H_
#define NSEARCH_CLI_QUOTES_CLI_H_

#include <string>

#include "cli/render.h"
#include "nsearch/searcher.h"

namespace nsearch::cli {

// Prints the quotes of |speaker| (terminal or, with |json|, one object:
// {"speaker", "names", "total", "quotes": [{"text", "path", "paragraph",
// "date", "title", "speaker", "highlights"}]}); returns the exit code: 0
// quotes found, 1 none (or nobody quoted by that name), 2 a bad option or
// an ambiguous name.
int RunQuotes(Searcher& searcher, const std::string& speaker, const SearchOptions& options,
              bool json, bool quiet, const Style& style);

// The JSON object of RunQuotes.
std::string RenderQuotesJson(const std::string& typed, const QuoteResponse& response);

}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_QUOTES_CLI_H_
