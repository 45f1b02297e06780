// serve/http: the HTTP side of nsearch-serve, on cpp-httplib (hidden here:
// nothing else includes it). Routes the page, its assets and the API,
// checks every request first (serve/guard.h) and sets the security headers
// (docs/serve.md: security model).
#ifndef NSEARCH_SERVE_HTTP_H_
#define NSEARCH_SERVE_HTTP_H_

#include <memory>
#include <string>

#include "nsearch/status.h"
#include "serve/pool.h"

namespace nsearch::serve {

struct ServerOptions {
  std::string listen = "127.0.0.1";
  int port = 8737;   // 0: any free port
  int threads = 16;  // worker threads (each holds a connection while it lasts)
};

class WebServer {
 public:
  WebServer(ServerOptions options, SearcherPool* pool);
  ~WebServer();

  // Binds the listening socket; returns the port (the one picked for 0).
  // IOError when the address cannot be bound (in use, not this machine's).
  Result<int> Bind();
  // Serves until Stop() (from any thread). IOError when listening fails.
  Status Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nsearch::serve

#endif  // NSEARCH_SERVE_HTTP_H_
