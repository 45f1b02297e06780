#ifndef NSEARCH_CLI_INDEX_CLI_H_
#define NSEARCH_CLI_INDEX_CLI_H_

namespace nsearch::cli {
// The whole `nsearch-index` command; returns its exit code.
int RunIndexCli(int argc, char** argv);
}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_INDEX_CLI_H_
