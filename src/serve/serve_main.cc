#include "serve/serve_cli.h"

int main(int argc, char** argv) { return nsearch::serve::RunServeCli(argc, argv); }
