#include "serve/serve_cli.h"

#include <signal.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/program_options.hpp>
#include <iostream>
#include <thread>

#include "cli/common.h"
#include "cli/index_options.h"
#include "serve/guard.h"
#include "serve/http.h"
#include "serve/pool.h"

namespace po = boost::program_options;

namespace nsearch::serve {
namespace {

constexpr char kUsage[] = R"(Usage: nsearch serve [OPTIONS]
       nsearch-serve [OPTIONS]

Serves a search page over an nsearch index, for a browser on this machine:
results as passages with the matched words marked, facets, a timeline, the
article view and person pages, and a JSON API beside them (docs/serve.md).
Prints the page's URL on stdout and serves until Ctrl-C. Read-only: the
nightly nsearch-index run may rebuild the index meanwhile.

Exit status: 0 stopped by Ctrl-C (or SIGTERM), 2 usage or index error.

Options)";

struct Args {
  std::vector<std::string> index;
  std::string config;
  int port = 8737;
  std::string listen = "127.0.0.1";
  int threads = 16;
  bool verbose = false;
  bool quiet = false;
  std::vector<std::string> extra;
};

po::options_description Describe(Args* a) {
  po::options_description d(kUsage);
  auto add = d.add_options();
  add("help,h", "show this help");
  add("version", "print the version");
  add("index,i", po::value(&a->index)->composing(), cli::kReadIndexHelp);
  add("config", po::value(&a->config)->value_name("FILE"), cli::kReadConfigHelp);
  add("port,p", po::value(&a->port)->default_value(8737), "port to listen on; 0: any free port");
  add("listen", po::value(&a->listen)->default_value("127.0.0.1"),
      "address to listen on; anything but this machine's loopback lets others on the network "
      "read the index (there is no login), and says so on stderr");
  add("threads", po::value(&a->threads)->default_value(16),
      "worker threads: requests answered at once");
  add("verbose,v", po::bool_switch(&a->verbose), "log every API request on stderr");
  add("quiet,q", po::bool_switch(&a->quiet), "only errors on stderr");
  return d;
}

bool IsLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address == "localhost" ||
         address.rfind("127.", 0) == 0;
}

// Signals are taken by one thread that stops the server, so that Ctrl-C
// ends the listening loop instead of the process mid-answer.
sigset_t StopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

int RunServeCli(int argc, char** argv) {
  Args a;
  auto desc = Describe(&a);
  if (int stop = cli::ParseCommandLine(argc, argv, "nsearch-serve", desc, "extra", &a.extra);
      stop >= 0)
    return stop;
  cli::SetUpLogging("nsearch-serve", a.quiet ? -1 : a.verbose ? 1 : 0);
  if (!a.extra.empty()) {
    std::cerr << "nsearch-serve: unexpected argument '" << cli::OneLine(a.extra[0], 80)
              << "' (a query goes in the page; see --help)\n";
    return cli::kExitError;
  }
  if (a.port < 0 || a.port > 65535 || a.threads < 1 || a.threads > 256) {
    std::cerr << "nsearch-serve: --port takes 0 to 65535, --threads 1 to 256\n";
    return cli::kExitError;
  }
  if (a.index.empty()) {
    auto path = cli::DefaultReadIndex(a.config);
    if (!path.ok()) {
      std::cerr << "nsearch-serve: " << path.status().message() << "\n";
      return cli::kExitError;
    }
    a.index.push_back(*path);
  }
  SearcherPool pool(a.index);
  if (auto first = pool.Acquire(); !first.ok()) {
    std::cerr << "nsearch-serve: " << cli::OneLine(first.status().message()) << "\n";
    return cli::kExitError;
  }
  // Blocked before any thread starts, so that every thread inherits it.
  const sigset_t stop_signals = StopSignals();
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up is not our death

  WebServer server({a.listen, a.port, a.threads}, &pool);
  auto port = server.Bind();
  if (!port.ok()) {
    std::cerr << "nsearch-serve: " << port.status().message() << "\n";
    return cli::kExitError;
  }
  if (!IsLoopback(a.listen))
    spdlog::warn(
        "listening on {}: anyone who can reach this machine on port {} can read the "
        "index (there is no login)",
        a.listen, *port);
  std::cout << "http://" << UrlHost(a.listen) << ":" << *port << "/" << std::endl;
  std::atomic<bool> stopping = false;
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (!stopping.exchange(true))
      spdlog::info("stopping ({})", sig == SIGINT ? "Ctrl-C" : "SIGTERM");
    server.Stop();
  });
  Status served = server.Run();
  // Run() can also end on its own (the socket failed): wake the stopper.
  if (!stopping.exchange(true)) pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  if (!served.ok()) {
    std::cerr << "nsearch-serve: " << served.message() << "\n";
    return cli::kExitError;
  }
  return cli::kExitOk;
}

}  // namespace nsearch::serve
