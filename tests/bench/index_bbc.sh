#!/usr/bin/env bash
# Benchmark: index the BBC News bundle (2,225 articles), report indexing time,
# peak memory, index size, entity-extraction share, and query latency of whole
# `nsearch` processes. Reads ../shared at run time; exits 77 (skipped) when it
# is absent. Usage: bash tests/bench/index_bbc.sh BIN_DIR
set -euo pipefail
bin=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
corpus=${NSEARCH_SHARED:-$here/../../../shared}/corpora/bbc_news/bbc
[ -d "$corpus" ] || { echo "skip: $corpus not found"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/time -f "%e %M" -o "$work/time" "$bin/nsearch-index" --index "$work/idx" "$corpus" 2>"$work/log" || true
read -r secs rss_kb <"$work/time"
summary=$(grep -o "[0-9]* articles.*" "$work/log" | tail -1)
/usr/bin/time -f "%e" -o "$work/time2" "$bin/nsearch-index" --no-entities --index "$work/idx2" "$corpus" 2>/dev/null || true
secs_noent=$(cat "$work/time2")
/usr/bin/time -f "%e" -o "$work/time3" "$bin/nsearch-index" --index "$work/idx" "$corpus" 2>/dev/null || true
secs_again=$(cat "$work/time3")
size=$(du -sm "$work/idx" | cut -f1)

queries=("mobile phone" "interest rates" "world cup" "tony blair election" "\"prime minister\""
         "oil prices" "music award" "broadband internet" "chelsea" "film festival")
start=$(date +%s%N)
for q in "${queries[@]}"; do "$bin/nsearch" --index "$work/idx" --json -n 10 "$q" >/dev/null || true; done
end=$(date +%s%N)
per_query_ms=$(( (end - start) / 1000000 / ${#queries[@]} ))
worst=0
for q in "${queries[@]}"; do
  s=$(date +%s%N); "$bin/nsearch" --index "$work/idx" -n 10 --facets "$q" >/dev/null || true; e=$(date +%s%N)
  ms=$(( (e - s) / 1000000 )); [ $ms -gt $worst ] && worst=$ms
done

echo "bbc: $summary"
echo "bbc: index ${secs}s (peak RSS $((rss_kb / 1024)) MB), without entities ${secs_noent}s, re-run (unchanged) ${secs_again}s, index size ${size} MB"
echo "bbc: query (whole nsearch process, --json -n 10) mean ${per_query_ms} ms; worst with --facets ${worst} ms"
awk -v a="$secs" -v b="$secs_noent" 'BEGIN { if (a > 0) printf "bbc: entity extraction share of indexing time ~%.0f%%\n", 100 * (a - b) / a }'
[ "$per_query_ms" -lt 1000 ]
