#include "cli/serve_exec.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/common.h"

namespace nsearch::cli {

bool IsServeCommand(int argc, char** argv) { return argc >= 2 && std::string(argv[1]) == "serve"; }

int ExecServe(int argc, char** argv) {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string server =
      ((ec ? std::filesystem::path(argv[0]) : self).parent_path() / "nsearch-serve").string();
  std::vector<char*> args{const_cast<char*>(server.c_str())};
  for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
  args.push_back(nullptr);
  execv(server.c_str(), args.data());
  std::cerr << "nsearch: cannot run " << server << ": " << std::strerror(errno)
            << " (nsearch-serve is installed beside nsearch)\n";
  return kExitError;
}

}  // namespace nsearch::cli
