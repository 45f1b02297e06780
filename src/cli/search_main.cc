#include "cli/search_cli.h"

int main(int argc, char** argv) { return nsearch::cli::RunSearchCli(argc, argv); }
