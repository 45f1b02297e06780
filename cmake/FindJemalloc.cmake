# jemalloc (Debian's libjemalloc-dev), the indexer's allocator: an imported
# target, Jemalloc::jemalloc. Linking it is enough; its malloc and free
# replace glibc's for the whole process, Xapian's included.
find_library(JEMALLOC_LIBRARY NAMES jemalloc)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Jemalloc REQUIRED_VARS JEMALLOC_LIBRARY)
if(Jemalloc_FOUND AND NOT TARGET Jemalloc::jemalloc)
  add_library(Jemalloc::jemalloc UNKNOWN IMPORTED)
  set_target_properties(Jemalloc::jemalloc PROPERTIES IMPORTED_LOCATION "${JEMALLOC_LIBRARY}")
endif()
