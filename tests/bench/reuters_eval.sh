#!/usr/bin/env bash
# Evaluation: person/place/organisation facets against Reuters-21578's
# per-story PEOPLE/PLACES/ORGS codes, document level (reuters_eval.py says how
# names map to codes). Reads ../shared at run time and exits 77 (skipped)
# when the corpus is absent; the stories are written to a temporary
# directory only. Reports figures; fails only when the run itself fails.
# Usage: bash tests/bench/reuters_eval.sh BIN_DIR   (BIN_DIR holds nsearch-index)
set -euo pipefail
bin=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/shared.bash"
find_shared reuters21578
corpus=${shared:-/nonexistent}/corpora/reuters21578
[ -f "$corpus/reut2-000.sgm" ] || { echo "skip: Reuters-21578 ($corpus) not found"; exit 77; }
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
[ -x "$bin/nsearch-index" ] || { echo "error: $bin/nsearch-index not built"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/reuters_eval.py" bundle "$corpus" "$work/bundle"
start=$(date +%s%N)
"$bin/nsearch-index" --dry-run --json "$work/bundle" >"$work/dry.jsonl" 2>"$work/index.log"
end=$(date +%s%N)
python3 "$here/reuters_eval.py" score "$work/gold.jsonl" "$work/dry.jsonl" "$corpus"
echo "reuters: dry run $(( (end - start) / 1000000 )) ms"
