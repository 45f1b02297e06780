#include "serve/guard.h"

#include <arpa/inet.h>

#include <algorithm>

namespace nsearch::serve {
namespace {

bool IsIpv4(std::string_view s) {
  in_addr a;
  return inet_pton(AF_INET, std::string(s).c_str(), &a) == 1;
}

bool IsIpv6(std::string_view s) {
  in6_addr a;
  return inet_pton(AF_INET6, std::string(s).c_str(), &a) == 1;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Splits "name:port" or "[v6]:port" into the host as written in a URL and
// its port (-1 when none is given; 0 when it is not a number).
std::pair<std::string, int> SplitHost(std::string_view host) {
  size_t colon = host.rfind(':');
  if (colon == std::string_view::npos || (!host.empty() && host[0] == '[' && host.back() == ']'))
    return {Lower(host), -1};
  int port = 0;
  const std::string_view digits = host.substr(colon + 1);
  if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != digits.npos)
    return {Lower(host.substr(0, colon)), 0};
  for (char c : digits) port = port * 10 + (c - '0');
  return {Lower(host.substr(0, colon)), port};
}

}  // namespace

bool MethodAllowed(std::string_view method) { return method == "GET" || method == "HEAD"; }

std::string UrlHost(std::string_view address) {
  return IsIpv6(address) ? "[" + std::string(address) + "]" : std::string(address);
}

bool HostAllowed(std::string_view host, std::string_view listen, int port) {
  auto [name, given] = SplitHost(host);
  if (given != port && !(given == -1 && port == 80)) return false;
  if (name == "localhost" || name == "127.0.0.1" || name == "[::1]") return true;
  if (name == Lower(UrlHost(listen))) return true;
  const bool everywhere = listen == "0.0.0.0" || listen == "::" || listen == "[::]";
  if (!everywhere) return false;
  if (name.size() > 2 && name.front() == '[' && name.back() == ']')
    return IsIpv6(name.substr(1, name.size() - 2));
  return IsIpv4(name);
}

std::string PathProblem(std::string_view raw_target, std::string_view path) {
  const std::string_view raw_path = raw_target.substr(0, raw_target.find('?'));
  const std::string lower = Lower(raw_path);
  if (lower.find("%2e") != std::string::npos) return "an encoded dot in the path";
  if (path.find("..") != std::string_view::npos) return "'..' in the path";
  if (path.find('\\') != std::string_view::npos || lower.find("%5c") != std::string::npos)
    return "a backslash in the path";
  for (unsigned char c : path)
    if (c < 0x20 || c == 0x7f) return "a control character in the path";
  if (path.empty() || path[0] != '/') return "a path that does not start with '/'";
  return "";
}

}  // namespace nsearch::serve
