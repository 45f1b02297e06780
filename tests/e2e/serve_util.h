// Helpers for the server's end-to-end tests: nsearch-serve started on a
// free port (the URL it prints on stdout), raw HTTP requests to it over
// loopback, and a clean stop.
#ifndef NSEARCH_TESTS_E2E_SERVE_UTIL_H_
#define NSEARCH_TESTS_E2E_SERVE_UTIL_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <map>

#include "e2e_util.h"

namespace nsearch::e2e {

inline std::string ServeBin() { return NSEARCH_BIN_DIR "/nsearch-serve"; }

// nsearch-serve ARGS... --port 0, running until Stop() or destruction.
class ServerProcess {
 public:
  explicit ServerProcess(std::vector<std::string> args) {
    args.insert(args.begin(), {ServeBin(), "--port", "0"});
    int out[2], err[2];
    if (pipe(out) != 0 || pipe(err) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      dup2(err[1], STDERR_FILENO);
      close(out[0]);
      close(err[0]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    close(err[1]);
    out_ = out[0];
    err_ = err[0];
    fcntl(err_, F_SETFL, O_NONBLOCK);
    url_ = ReadLine(out_, 10);
    if (url_.rfind("http://127.0.0.1:", 0) == 0) port_ = std::stoi(url_.substr(17));
  }
  ~ServerProcess() {
    if (pid_ > 0 && exit_code_ < 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
    if (err_ >= 0) close(err_);
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  const std::string& url() const { return url_; }

  // Sends |sig| and waits up to |seconds| for the exit; its code, or -1.
  int Stop(int sig = SIGINT, int seconds = 10) {
    if (pid_ <= 0) return -1;
    kill(pid_, sig);
    for (int i = 0; i < seconds * 20; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
      }
      usleep(50000);
    }
    return -1;
  }

  // What the server has written on stderr so far.
  std::string Stderr() {
    char buf[4096];
    ssize_t n;
    while ((n = read(err_, buf, sizeof buf)) > 0) err_text_.append(buf, static_cast<size_t>(n));
    return err_text_;
  }

 private:
  static std::string ReadLine(int fd, int seconds) {
    std::string line;
    pollfd p{fd, POLLIN, 0};
    char c;
    while (poll(&p, 1, seconds * 1000) > 0 && read(fd, &c, 1) == 1) {
      if (c == '\n') break;
      line.push_back(c);
    }
    return line;
  }

  pid_t pid_ = -1;
  int out_ = -1, err_ = -1;
  int port_ = 0;
  int exit_code_ = -1;
  std::string url_, err_text_;
};

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// Sends |request| as it stands (a whole HTTP/1.1 request) to 127.0.0.1:|port|
// and reads the reply until the server closes.
inline HttpReply RawRequest(int port, const std::string& request) {
  HttpReply reply;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return reply;
  }
  (void)!write(fd, request.data(), request.size());
  // Until the server closes, or the body its Content-Length announces is in
  // (a refused request may leave the connection open until a timeout).
  std::string raw;
  char buf[16384];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    raw.append(buf, static_cast<size_t>(n));
    const size_t head_end = raw.find("\r\n\r\n");
    const size_t length_at = Lower(raw.substr(0, head_end)).find("\r\ncontent-length: ");
    if (head_end == std::string::npos || length_at == std::string::npos) continue;
    const size_t length = std::stoul(raw.substr(length_at + 18));
    if (raw.size() >= head_end + 4 + length) break;
  }
  close(fd);
  const size_t end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos) return reply;
  reply.status = std::stoi(raw.substr(9, 3));
  std::stringstream head(raw.substr(0, end));
  std::string line;
  std::getline(head, line);
  while (std::getline(head, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = Lower(line.substr(0, colon));
    reply.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
  }
  reply.body = raw.substr(end + 4);
  return reply;
}

// GET |target| with a Host header naming the server (or |host|).
inline HttpReply Get(int port, const std::string& target, const std::string& method = "GET",
                     std::string host = "") {
  if (host.empty()) host = "127.0.0.1:" + std::to_string(port);
  return RawRequest(
      port, method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
}

// The JSON body of |r| (discarded, not thrown, when it is none).
inline json Body(const HttpReply& r) {
  return json::parse(r.body, nullptr, /*allow_exceptions=*/false);
}

// %-encodes everything but unreserved characters.
inline std::string UrlEncode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

}  // namespace nsearch::e2e

#endif  // NSEARCH_TESTS_E2E_SERVE_UTIL_H_
