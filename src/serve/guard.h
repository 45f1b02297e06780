// serve/guard: what a request must be before anything reads the index: GET
// or HEAD, a Host header naming this server (so that a page elsewhere cannot
// reach it through DNS rebinding), and a path without tricks.
#ifndef NSEARCH_SERVE_GUARD_H_
#define NSEARCH_SERVE_GUARD_H_

#include <string>
#include <string_view>

namespace nsearch::serve {

bool MethodAllowed(std::string_view method);  // GET and HEAD: the server is read-only

// True when |host| (the Host header) names this server: localhost,
// 127.0.0.1 or [::1], or the |listen| address, each with |port| (or without
// a port when it is 80); when |listen| is every address (0.0.0.0, ::), any
// IP literal with |port|. A domain name is refused: a rebinding attack
// needs one.
bool HostAllowed(std::string_view host, std::string_view listen, int port);

// Why |raw_target| (the request line's target) or |path| (its decoded path)
// is refused, or "" when it is fine: ".." or an encoded dot, a backslash or
// a control character anywhere in the path.
std::string PathProblem(std::string_view raw_target, std::string_view path);

// |address| as the host of a URL: IPv6 in brackets.
std::string UrlHost(std::string_view address);

}  // namespace nsearch::serve

#endif  // NSEARCH_SERVE_GUARD_H_
