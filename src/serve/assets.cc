#include "serve/assets.h"

#include <cstdlib>

namespace nsearch::serve {

std::span<const Asset> AllAssets() { return {kAssets, kAssetCount}; }

const Asset* FindAsset(std::string_view path) {
  for (const Asset& a : AllAssets())
    if (a.path == path) return &a;
  return nullptr;
}

const Asset& PageShell() {
  static const Asset* shell = FindAsset("/static/index.html");
  if (!shell) std::abort();  // the build embeds it; without it there is no page
  return *shell;
}

}  // namespace nsearch::serve
