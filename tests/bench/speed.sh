#!/usr/bin/env bash
# Speed and size benchmark (issue 8): nsearch against omindex + quest and SQLite
# FTS5 (a row per paragraph), every index built from empty, all in one run, on
# Gothamist (42.5 MB) and a 140 MB mix (+ its 25% and 50% samples) built from
# ../shared/corpora. Prints one table (figure, nsearch, peers, ratio, target,
# met/missed) and rewrites it between the markers in docs/benchmarks.md.
#
# Usage: bash tests/bench/speed.sh [BIN_DIR] [--fresh]
#   BIN_DIR   holds nsearch, nsearch-index, nsearch-query-bench (default: build)
#   --fresh   rebuild the cached bundles
# Environment:
#   NSEARCH_SHARED      the shared folder (default: ../shared next to the repo)
#   NSEARCH_BENCH_WORK  work folder; bundles are cached there between runs
#                       (default: ${TMPDIR:-/tmp}/nsearch-bench)
#   SPEED_RUNS=3        indexing runs per engine (figures are medians)
#   SPEED_PASSES=3      timed passes over the 200 queries
#   SPEED_BUNDLES       "gothamist mix" (default) or one of them, for quick checks
#   SPEED_DOCS=0        do not rewrite docs/benchmarks.md
#   SPEED_KEEP=1        keep the indexes in the work folder
# Exit: 0 measured (targets missed are in the table, not failures), 1 an engine
# failed, 77 skipped (../shared absent).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
usage() { echo "usage: bash tests/bench/speed.sh [BIN_DIR] [--fresh]"; }
bin=$repo/build fresh=0
for arg in "$@"; do
  case $arg in
    --fresh) fresh=1 ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) bin=$arg ;;
  esac
done
shared=${NSEARCH_SHARED:-$repo/../shared}
corpora=$shared/corpora
[ -f "$corpora/gothamist/gothamist.jsonl" ] || { echo "skip: $corpora not found"; exit 77; }
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
bin=$(cd "$bin" 2>/dev/null && pwd) || { echo "error: no directory $bin" >&2; exit 1; }
for exe in nsearch nsearch-index; do
  [ -x "$bin/$exe" ] || { echo "error: $bin/$exe not built" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time (package time) is needed for peak RSS" >&2; exit 1; }

# shellcheck source=lib/peers.sh
source "$here/lib/peers.sh"
install_peers

work=${NSEARCH_BENCH_WORK:-${TMPDIR:-/tmp}/nsearch-bench}
mkdir -p "$work"
force=()
[ "$fresh" = 1 ] && force=(--force)
python3 "$here/make_speed_bundles.py" "$corpora" "$work/bundles" ${force[@]+"${force[@]}"}

args=(--bin "$bin" --bundles "$work/bundles" --work "$work" --queries "$here/queries/gothamist.txt"
      --runs "${SPEED_RUNS:-3}" --passes "${SPEED_PASSES:-3}")
for b in ${SPEED_BUNDLES:-gothamist mix}; do args+=(--bundle "$b"); done
[ "${SPEED_DOCS:-1}" = 0 ] || args+=(--docs "$repo/docs/benchmarks.md")
[ "${SPEED_KEEP:-0}" = 0 ] || args+=(--keep)
exec python3 "$here/speed.py" "${args[@]}"
