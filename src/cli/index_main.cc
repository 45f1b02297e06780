#include "cli/index_cli.h"

int main(int argc, char** argv) { return nsearch::cli::RunIndexCli(argc, argv); }
