#ifndef NSEARCH_CLI_SEARCH_CLI_H_
#define NSEARCH_CLI_SEARCH_CLI_H_

namespace nsearch::cli {
// The whole `nsearch` command; returns its exit code.
int RunSearchCli(int argc, char** argv);
}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_SEARCH_CLI_H_
