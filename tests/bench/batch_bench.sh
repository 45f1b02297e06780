#!/usr/bin/env bash
# Benchmark: 500 queries in one `nsearch --batch` run against 500 separate
# `nsearch` runs, on an index of the gothamist dump (built here, about a
# minute, unless NSEARCH_BENCH_INDEX names one). The queries are the 500
# persons the index names most (`nsearch --list person -n 500`): a list of
# names checked in one run. Each side is timed three times and the fastest
# kept (the machine is shared). Fails when the batch takes more than a fifth
# of the separate runs. Reads ../shared at run time; exits 77 (skipped) when
# the corpus is absent. Usage: bash tests/bench/batch_bench.sh BIN_DIR
set -euo pipefail
bin=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/shared.bash"
find_shared gothamist
corpus=${shared:-/nonexistent}/corpora/gothamist/gothamist.jsonl
[ -f "$corpus" ] || [ -n "${NSEARCH_BENCH_INDEX:-}" ] || { echo "skip: $corpus not found"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
index=${NSEARCH_BENCH_INDEX:-$work/idx}
if [ -z "${NSEARCH_BENCH_INDEX:-}" ]; then
  "$bin/nsearch-index" -q --index "$index" "$corpus"
fi
"$bin/nsearch" --index "$index" --list person -n 500 | cut -f2 >"$work/queries.txt"
n=$(grep -c . "$work/queries.txt")

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
best_separate=0 best_batch=0
for round in 1 2 3; do
  start=$(now_ms)
  while IFS= read -r q; do
    "$bin/nsearch" --index "$index" -q -n 10 -- "$q" >/dev/null || true
  done <"$work/queries.txt"
  separate=$(( $(now_ms) - start ))
  start=$(now_ms)
  "$bin/nsearch" --index "$index" -q -n 10 --batch "$work/queries.txt" >"$work/rows.csv" || true
  batch=$(( $(now_ms) - start ))
  if [ "$best_separate" -eq 0 ] || [ "$separate" -lt "$best_separate" ]; then best_separate=$separate; fi
  if [ "$best_batch" -eq 0 ] || [ "$batch" -lt "$best_batch" ]; then best_batch=$batch; fi
  echo "batch: round $round: $n separate runs $separate ms, one --batch run $batch ms"
done
rows=$(( $(grep -c . "$work/rows.csv") - 1 ))
ratio=$(awk -v b="$best_batch" -v s="$best_separate" 'BEGIN { printf "%.3f", b / s }')
echo "batch: $n queries, $rows rows; best of 3: separate $best_separate ms, batch $best_batch ms; ratio $ratio ($(nproc) processors)"
awk -v r="$ratio" 'BEGIN { exit !(r <= 0.2) }' || { echo "batch: MISSED: ratio $ratio > 0.2"; exit 1; }
echo "batch: target met (ratio <= 0.2)"
