#ifndef NSEARCH_SERVE_SERVE_CLI_H_
#define NSEARCH_SERVE_SERVE_CLI_H_

namespace nsearch::serve {
// The whole `nsearch serve` / `nsearch-serve` command; returns its exit code.
int RunServeCli(int argc, char** argv);
}  // namespace nsearch::serve

#endif  // NSEARCH_SERVE_SERVE_CLI_H_
