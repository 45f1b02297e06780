# Gumbo (HTML5 parser) ships only a pkg-config file; expose it as Gumbo::gumbo.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
if(NOT TARGET Gumbo::gumbo)
  add_library(Gumbo::gumbo ALIAS PkgConfig::GUMBO)
endif()
set(Gumbo_FOUND TRUE)
