// ShellQuoted: a path as a user can paste it into a shell command, for the
// commands that error messages suggest.
#ifndef NSEARCH_SEARCH_SHELL_QUOTE_H_
#define NSEARCH_SEARCH_SHELL_QUOTE_H_

#include <string>
#include <string_view>

namespace nsearch::search {

// |word| unchanged when the shell would read it as one word as it stands
// ("/home/ann/index"); else in single quotes, a quote in it as '\''
// ("'/home/ann/my index'").
inline std::string ShellQuoted(std::string_view word) {
  constexpr std::string_view kPlain =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+=:,@%";
  if (!word.empty() && word.find_first_not_of(kPlain) == std::string_view::npos)
    return std::string(word);
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace nsearch::search

#endif  // NSEARCH_SEARCH_SHELL_QUOTE_H_
