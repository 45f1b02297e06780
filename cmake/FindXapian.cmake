# Wraps Xapian's config-mode variables (xapian-config.cmake) into an imported
# target, Xapian::xapian, so callers link it like any modern CMake package.
find_package(xapian CONFIG QUIET)
if(NOT XAPIAN_FOUND)
  find_path(XAPIAN_INCLUDE_DIR xapian.h)
  find_library(XAPIAN_LIBRARIES xapian)
endif()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Xapian REQUIRED_VARS XAPIAN_LIBRARIES XAPIAN_INCLUDE_DIR)
if(Xapian_FOUND AND NOT TARGET Xapian::xapian)
  add_library(Xapian::xapian UNKNOWN IMPORTED)
  set_target_properties(Xapian::xapian PROPERTIES
    IMPORTED_LOCATION "${XAPIAN_LIBRARIES}"
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}")
endif()
