#include "cli/index_cli.h"

// The indexer links jemalloc (CMakeLists.txt), whose arenas and thread
// caches suit threads that hand articles to one another.
int main(int argc, char** argv) { return nsearch::cli::RunIndexCli(argc, argv); }
