// serve/assets: the page's files (src/serve/assets/), compiled into
// nsearch-serve by cmake/EmbedAssets.cmake: no file beside the binary, no
// network, nothing a request path can name but these.
#ifndef NSEARCH_SERVE_ASSETS_H_
#define NSEARCH_SERVE_ASSETS_H_

#include <cstddef>
#include <span>
#include <string_view>

namespace nsearch::serve {

struct Asset {
  std::string_view path;          // "/static/app.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view body;
  std::string_view etag;  // quoted, from the content's hash
};

// Defined by the generated table.
extern const Asset kAssets[];
extern const size_t kAssetCount;

// The asset served at |path|, or nullptr.
const Asset* FindAsset(std::string_view path);
std::span<const Asset> AllAssets();

// The page's HTML: what /, /article and /person/NAME serve (the script
// reads the URL).
const Asset& PageShell();

}  // namespace nsearch::serve

#endif  // NSEARCH_SERVE_ASSETS_H_
