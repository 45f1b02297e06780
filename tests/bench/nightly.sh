#!/usr/bin/env bash
# Nightly-run benchmark (issue 11): on the Gothamist bundle (one .txt per
# article, built from ../shared/corpora as speed.sh builds it), times and
# peak memory of
#   1. a full build from empty,
#   2. a re-run with nothing changed,
#   3. a night with 1% of the articles changed (a sentence appended to every
#      100th file of a private copy of the bundle), and
#   4. a clean rebuild of the changed bundle,
# then checks that the incremental index and the rebuild hold the same
# content (nsearch-index --dump-state). Prints one table and the verdict.
#
# Usage: bash tests/bench/nightly.sh [BIN_DIR]
# Environment: NSEARCH_SHARED, NSEARCH_BENCH_WORK as for speed.sh.
# Exit: 0 measured and equal, 1 a run failed or the two indexes differ,
# 77 skipped (../shared absent).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=$(cd "${1:-$repo/build}" 2>/dev/null && pwd) || { echo "error: no directory ${1:-build}" >&2; exit 1; }
shared=${NSEARCH_SHARED:-$repo/../shared}
corpora=$shared/corpora
[ -f "$corpora/gothamist/gothamist.jsonl" ] || { echo "skip: $corpora not found"; exit 77; }
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
[ -x /usr/bin/time ] || { echo "skip: /usr/bin/time not found (Debian package time)"; exit 77; }
work=${NSEARCH_BENCH_WORK:-${TMPDIR:-/tmp}/nsearch-bench}
mkdir -p "$work/bundles"
python3 "$here/make_speed_bundles.py" "$corpora" "$work/bundles" >/dev/null
night=$work/nightly
rm -rf "$night"
mkdir -p "$night"
trap 'rm -rf "$night"' EXIT
# A private copy: the changed night edits files, never the cached bundle.
cp -r "$work/bundles/gothamist" "$night/bundle"
bundle=$night/bundle

# run NAME ARGS...: times one nsearch-index run; appends "NAME seconds KB".
run() {
  local name=$1
  shift
  if ! /usr/bin/time -f "%e %M" -o "$night/$name.time" "$bin/nsearch-index" -q "$@" \
    2>"$night/$name.err"; then
    echo "error: $name failed:" >&2
    cat "$night/$name.err" >&2
    exit 1
  fi
  echo "$name $(tail -1 "$night/$name.time")" >>"$night/times"
}

files=$(find "$bundle" -type f | wc -l)
run full -i "$night/idx" "$bundle"
run unchanged -i "$night/idx" "$bundle"
# 1%: every 100th file (in sorted order) gains a paragraph of its own.
changed=$(find "$bundle" -type f | sort | awk 'NR % 100 == 0' | while read -r f; do
  printf '\nUpdate: this article was revised overnight with a correction notice %s.\n' \
    "$(basename "$f")" >>"$f"
  echo "$f"
done | wc -l)
sleep 3 # older than the racy-file margin, as a night's edits are
run night -i "$night/idx" "$bundle"
run rebuild -i "$night/fresh" "$bundle"
"$bin/nsearch-index" -i "$night/idx" --dump-state >"$night/inc.dump"
"$bin/nsearch-index" -i "$night/fresh" --dump-state >"$night/fresh.dump"
same=no
cmp -s "$night/inc.dump" "$night/fresh.dump" && same=yes

echo "Gothamist: $files articles, $changed changed (1%)"
awk -v full="$(awk '$1 == "full" {print $2}' "$night/times")" '
  BEGIN { printf "%-28s %9s %8s %13s\n", "run", "wall s", "x full", "peak RSS MB" }
  { printf "%-28s %9.2f %8.3f %13.0f\n", $1, $2, $2 / full, $3 / 1024 }' "$night/times"
echo "incremental index equals the rebuild ($(wc -l <"$night/inc.dump") dump lines): $same"
[ "$same" = yes ]
