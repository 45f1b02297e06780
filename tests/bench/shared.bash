# Sourced by the evaluation scripts (not a test itself: not *.sh).
# find_shared SUBDIR: sets $shared to the shared directory holding
# corpora/SUBDIR ($NSEARCH_SHARED, else ../shared beside the checkout), or
# to "" when none does.
find_shared() {
  shared=${NSEARCH_SHARED:-}
  [ -n "$shared" ] && return 0
  local c="$here/../../../shared"
  [ -d "$c/corpora/$1" ] && shared=$c
  return 0
}
