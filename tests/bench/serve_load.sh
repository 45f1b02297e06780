#!/usr/bin/env bash
# Load test of nsearch-serve (ctest label bench): 8 concurrent clients for 20 s
# against 127.0.0.1 while nsearch-index rebuilds the index under the server
# (commits to the current generation, then a compacted new generation and
# the stub switched). No errors allowed; p50/p99 latency reported.
#   serve_load.sh BIN_DIR     (gothamist from ../shared/corpora; exit 77 without it)
# CLIENTS, SECONDS and ARTICLES (initial index size) may be set in the environment.
set -euo pipefail
bin=${1:-$(dirname "$0")/../../build}
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/../../../shared/corpora/gothamist/gothamist.jsonl
clients=${CLIENTS:-8} seconds=${SECONDS_OF_LOAD:-20} articles=${ARTICLES:-4000}
[ -f "$corpus" ] || { echo "SKIPPED: no gothamist corpus at $corpus"; exit 77; }
python=/usr/bin/python3
[ -x "$python" ] || python=python3
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/bundle"
head -n "$articles" "$corpus" > "$work/bundle/gothamist.jsonl"
echo "indexing $articles gothamist articles..."
"$bin/nsearch-index" -q --index "$work/index" "$work/bundle"
cat "$work/index/XAPIANDB"

"$bin/nsearch-serve" -q --index "$work/index" --port 0 > "$work/url" 2> "$work/serve.err" &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
echo "serving at $url"
total() {
  curl -s "${url}api/search?q=subway&limit=1" |
    "$python" -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}
echo "subway before the rebuild: $(total) matching articles"

# The queries: frequent and rarer words, pairs and phrases of the corpus.
cat > "$work/queries" <<'QUERIES'
subway
city council
bike lane
"police officer"
restaurant
brooklyn bridge
mta fare
rent stabilized apartment
"central park"
snow storm
taxi
school lunch
fire department
hurricane sandy
museum
"times square"
parking ticket
landlord
pizza
cyclist
QUERIES

# The rebuilds: nightly runs one after another for as long as the load
# lasts, each adding articles, so each commits to the current generation and
# then switches the stub to a compacted new one under the server.
(
  n=$articles runs=0 t0=$(date +%s)
  while [ ! -e "$work/load.done" ]; do
    n=$((n + 300))
    head -n "$n" "$corpus" > "$work/bundle/gothamist.jsonl.next"
    mv "$work/bundle/gothamist.jsonl.next" "$work/bundle/gothamist.jsonl"
    "$bin/nsearch-index" -q --index "$work/index" "$work/bundle" || { echo "rebuild failed"; exit 1; }
    runs=$((runs + 1))
    echo "rebuild $runs: $n articles, $(cut -d' ' -f2 "$work/index/XAPIANDB") at $(($(date +%s) - t0)) s"
  done
) > "$work/rebuild.log" 2>&1 &
rebuild_pid=$!
status=0
"$python" "$here/serve_load.py" "$url" "$clients" "$seconds" "$work/queries" || status=$?
touch "$work/load.done"
wait "$rebuild_pid" || status=1
cat "$work/rebuild.log"
# The server follows the rebuild: it now finds the new articles.
echo "subway after the rebuild: $(total) matching articles"
kill -INT "$server_pid"
wait "$server_pid" || { echo "nsearch-serve did not stop cleanly"; status=1; }
server_pid=""
grep -v '^$' "$work/serve.err" || true
exit $status
