// cli/serve_exec: `nsearch serve ...` runs nsearch-serve, installed beside
// nsearch, so that nsearch itself never links (nor starts up) the HTTP
// server and its TLS and compression libraries.
#ifndef NSEARCH_CLI_SERVE_EXEC_H_
#define NSEARCH_CLI_SERVE_EXEC_H_

namespace nsearch::cli {

// True when argv names the serve subcommand: its first argument is "serve"
// (`nsearch -- serve` searches for the word).
bool IsServeCommand(int argc, char** argv);

// Replaces this process with nsearch-serve from this executable's own
// directory, given argv[2...]. Returns only on failure, with the exit code
// after saying why on stderr.
int ExecServe(int argc, char** argv);

}  // namespace nsearch::cli

#endif  // NSEARCH_CLI_SERVE_EXEC_H_
