#include "serve/http.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "serve/api.h"
#include "serve/assets.h"
#include "serve/guard.h"

namespace nsearch::serve {
namespace {

constexpr char kJson[] = "application/json; charset=utf-8";
constexpr char kText[] = "text/plain; charset=utf-8";

// No inline script or style, nothing from elsewhere, no framing, forms and
// fetches only to this server.
constexpr char kCsp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

httplib::Headers SecurityHeaders() {
  return {{"Content-Security-Policy", kCsp},
          {"X-Content-Type-Options", "nosniff"},
          {"X-Frame-Options", "DENY"},
          {"Referrer-Policy", "no-referrer"},
          {"Cross-Origin-Opener-Policy", "same-origin"},
          {"Cross-Origin-Resource-Policy", "same-origin"}};
}

// What the library's own refusals mean, for their bodies.
const char* ErrorText(int status) {
  switch (status) {
    case 404:
      return "not found";
    case 413:
      return "request body too large (this server takes none)";
    case 414:
      return "URL too long (at most 8 KB)";
    case 431:
      return "request headers too large";
    default:
      return "bad request";
  }
}

bool IsApi(const httplib::Request& req) { return req.path.rfind("/api/", 0) == 0; }

void SendError(const httplib::Request& req, httplib::Response& res, int status,
               const std::string& message) {
  res.status = status;
  if (IsApi(req))
    res.set_content(ErrorReply(status, message).body, kJson);
  else
    res.set_content(std::to_string(status) + " " + message + "\n", kText);
  res.set_header("Cache-Control", "no-store");
}

void SendAsset(const httplib::Request& req, httplib::Response& res, const Asset& asset) {
  res.set_header("ETag", std::string(asset.etag));
  res.set_header("Cache-Control", "no-cache");
  if (req.get_header_value("If-None-Match") == asset.etag) {
    res.status = 304;
    return;
  }
  res.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type));
}

}  // namespace

struct WebServer::Impl {
  ServerOptions options;
  SearcherPool* pool;
  int port = 0;
  httplib::Server http;

  // Every request passes here before routing: refused early, or on to a route.
  httplib::Server::HandlerResponse Screen(const httplib::Request& req, httplib::Response& res) {
    if (!MethodAllowed(req.method)) {
      SendError(req, res, 405, "method not allowed: this server is read-only (GET, HEAD)");
      res.set_header("Allow", "GET, HEAD");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!HostAllowed(req.get_header_value("Host"), options.listen, port)) {
      SendError(req, res, 403, "this server answers to localhost on port " + std::to_string(port));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (std::string problem = PathProblem(req.target, req.path); !problem.empty()) {
      SendError(req, res, 400, "bad path: " + problem);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }

  void ServeApi(const httplib::Request& req, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    Reply reply;
    if (auto lease = pool->Acquire(); !lease.ok()) {
      reply = ErrorReply(503, lease.status().message());
    } else {
      reply = Api(req.matches[1].str(), req.params, **lease);
    }
    res.status = reply.status;
    res.set_content(reply.body, kJson);
    res.set_header("Cache-Control", "no-store");
    if (reply.status == 503) res.set_header("Retry-After", "1");
    spdlog::debug(
        "{} {} {:.1f} ms", reply.status, req.target.substr(0, 200),
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }

  void Route() {
    http.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) { return Screen(req, res); });
    auto shell = [](const httplib::Request& req, httplib::Response& res) {
      SendAsset(req, res, PageShell());
    };
    http.Get("/", shell);
    http.Get("/article", shell);
    http.Get(R"(/person/.+)", shell);  // a name may hold a slash (encoded)
    http.Get(R"(/static/[A-Za-z0-9._-]+)", [](const httplib::Request& req, httplib::Response& res) {
      const Asset* asset = FindAsset(req.path);
      if (asset)
        SendAsset(req, res, *asset);
      else
        SendError(req, res, 404, "no such file");
    });
    http.Get("/favicon.ico", [](const httplib::Request& req, httplib::Response& res) {
      if (const Asset* icon = FindAsset("/static/icon.svg")) SendAsset(req, res, *icon);
    });
    http.Get(R"(/api/([a-z]+))",
             [this](const httplib::Request& req, httplib::Response& res) { ServeApi(req, res); });
    // Whatever no route answered (and the library's own 4xx) gets a body.
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      SendError(req, res, res.status, ErrorText(res.status));
    });
    http.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
          SendError(req, res, 500, "internal error");
        });
  }
};

WebServer::WebServer(ServerOptions options, SearcherPool* pool) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->pool = pool;
  const size_t threads = static_cast<size_t>(std::max(1, impl_->options.threads));
  impl_->http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  impl_->http.set_default_headers(SecurityHeaders());
  impl_->http.set_payload_max_length(1024);  // GET and HEAD carry no body
  impl_->http.set_keep_alive_max_count(100);
  // Headers and body go out in two writes: without this, Nagle's algorithm
  // holds the body until the client's delayed ACK (40 ms on Linux) on every
  // kept-alive connection.
  impl_->http.set_tcp_nodelay(true);
  impl_->Route();
}

WebServer::~WebServer() = default;

Result<int> WebServer::Bind() {
  const std::string& host = impl_->options.listen;
  if (impl_->options.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(host);
    if (impl_->port > 0) return impl_->port;
  } else if (impl_->http.bind_to_port(host, impl_->options.port)) {
    impl_->port = impl_->options.port;
    return impl_->port;
  }
  return Status::IOError("cannot listen on " + UrlHost(host) + ":" +
                         std::to_string(impl_->options.port) +
                         " (in use, or not an address of this machine)");
}

Status WebServer::Run() {
  if (!impl_->http.listen_after_bind()) return Status::IOError("the server stopped listening");
  return Status::Ok();
}

void WebServer::Stop() { impl_->http.stop(); }

}  // namespace nsearch::serve
