#!/usr/bin/env bash
# Quote attribution: speaker precision and recall on the five seeds and 30
# gothamist articles, against the hand labels in
# tests/fixtures/labels/quotes/. Reads ../shared at run time and exits 77
# (skipped) when it or python3 is absent; fails when a precision is under 0.9.
# Usage: bash tests/bench/quotes_eval.sh BIN_DIR [--errors]
set -u
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/shared.bash"
find_shared gothamist
if [ -z "$shared" ] || [ ! -d "$shared/seeds" ]; then
  echo "skip: ../shared (seeds and corpora/gothamist) not found"
  exit 77
fi
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
bin_dir="${1:?usage: quotes_eval.sh BIN_DIR [--errors]}"
shift
exec python3 "$here/quotes_eval.py" score --shared "$shared" "$@" "$bin_dir"
