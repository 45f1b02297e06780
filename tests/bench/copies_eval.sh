#!/usr/bin/env bash
# Wire copies: precision and recall of near-duplicate detection on pairs
# built at run time from ../shared/corpora (bbc_news, gothamist,
# reuters21578): exact copies, edited copies, dropped sentences, added
# boilerplate, and different articles on one topic. Exits 77 (skipped) when
# ../shared or python3 is absent; fails when precision or the recall of the
# light edits is under 0.95 (docs/copies.md).
# Usage: bash tests/bench/copies_eval.sh BIN_DIR [--sweep] [--errors]
set -u
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/shared.bash"
find_shared bbc_news
if [ -z "$shared" ] || [ ! -d "$shared/corpora/gothamist" ] || [ ! -d "$shared/corpora/reuters21578" ]; then
  echo "skip: ../shared (corpora/bbc_news, gothamist, reuters21578) not found"
  exit 77
fi
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
bin_dir="${1:?usage: copies_eval.sh BIN_DIR [--sweep] [--errors]}"
shift
exec python3 "$here/copies_eval.py" --shared "$shared" "$@" "$bin_dir"
