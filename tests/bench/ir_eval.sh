#!/usr/bin/env bash
# Retrieval quality: article-level nDCG@10 / MAP@100 / P@10 / R@100 of nsearch
# and, in the same run, its peers SQLite FTS5 and Xapian omindex + quest (the
# shared IR tools' run_fts5.sh and run_omega.sh), on Cranfield, CISI and the
# news development collection (make_news_dev.py: long Reuters-21578 stories,
# TOPICS as judgments), with ../shared/tools/ir/score.py. Prints a table per
# collection, the verdict against each peer (BEATS / LOSES / TIES) and the
# per-query nDCG@10 wins and losses.
#
# Usage: bash tests/bench/ir_eval.sh [BIN_DIR]   (BIN_DIR holds nsearch and nsearch-index; default build)
# A measurement, not a gate: exits 0 whatever the numbers (77 = tools/corpora absent).
# xapian-omega is installed when missing (apt-get, as for speed.sh).
# IR_EVAL_COLLECTIONS (default "cran cisi news-dev"), IR_EVAL_PEERS=0 skips the
# peers, IR_EVAL_KEEP=DIR keeps bundles, runs and scores there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../../build}" 2>/dev/null && pwd) || { echo "error: no directory ${1:-build}"; exit 1; }
shared=${NSEARCH_SHARED:-$here/../../../shared}
tools=$shared/tools/ir
[ -f "$tools/make_bundle.py" ] && [ -f "$tools/score.py" ] || { echo "skip: shared IR tools not found ($tools)"; exit 77; }
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
[ -x "$bin/nsearch" ] && [ -x "$bin/nsearch-index" ] || { echo "error: $bin/nsearch or nsearch-index not built"; exit 1; }
work=${IR_EVAL_KEEP:-}
if [ -n "$work" ]; then mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
export IR_INDEX_DIR=$work/peer-index  # where the peer scripts build their indexes

peers=()
if [ "${IR_EVAL_PEERS:-1}" != 0 ]; then
  # shellcheck source=lib/peers.sh
  source "$here/lib/peers.sh"
  install_peers
  python3 -c "import sqlite3; sqlite3.connect(':memory:').execute('create virtual table t using fts5(x)')" \
    2>/dev/null && peers+=(fts5)
  command -v omindex >/dev/null && command -v quest >/dev/null && peers+=(omega)
fi

for c in ${IR_EVAL_COLLECTIONS:-cran cisi news-dev}; do
  if [ "$c" = news-dev ]; then
    make=(python3 "$here/make_news_dev.py" "$work/$c" --corpora "$shared/corpora" --force)
  else
    make=(python3 "$tools/make_bundle.py" "$c" "$work/$c" --force)
  fi
  if ! "${make[@]}" >/dev/null 2>"$work/$c.bundle.log"; then
    echo "skip $c: building the bundle failed: $(tail -1 "$work/$c.bundle.log")"
    continue
  fi
  start=$(date +%s)
  NSEARCH_BIN=$bin bash "$here/run_nsearch.sh" "$work/$c" "$work/$c.queries.tsv" "$work/$c.nsearch"
  echo "$c: nsearch indexed and ran all queries in $(( $(date +%s) - start )) s"
  python3 "$tools/score.py" --json --per-query "$work/$c.qrels" "$work/$c.nsearch" >"$work/$c.nsearch.json"
  for p in ${peers[@]+"${peers[@]}"}; do
    if "$tools/run_$p.sh" "$work/$c" "$work/$c.queries.tsv" "$work/$c.$p" >/dev/null 2>"$work/$c.$p.log"; then
      python3 "$tools/score.py" --json --per-query "$work/$c.qrels" "$work/$c.$p" >"$work/$c.$p.json"
    else
      echo "$c: peer $p failed: $(tail -1 "$work/$c.$p.log")"
    fi
  done
  python3 - "$work" "$c" <<'PY'
import json, os, sys
work, c = sys.argv[1:3]
M = ["nDCG@10", "MAP@100", "P@10", "R@100"]
# Reference points from tools/ir/README.md, shown only when that peer did not run here.
REF = {"cran": {"fts5": (.353, .286), "omega": (.339, .271)},
       "cisi": {"fts5": (.314, .127), "omega": (.363, .155)}}
def load(name):
    p = os.path.join(work, f"{c}.{name}.json")
    return json.load(open(p)) if os.path.exists(p) else None
ours = load("nsearch")
rows = []
for peer in ("fts5", "omega"):
    r = load(peer)
    if r:
        rows.append((peer, r))
    elif peer in REF.get(c, {}):
        rows.append((f"{peer} (README)", dict(zip(M[:2], REF[c][peer]))))
print(f"\n{c}: {ours['queries']} queries")
print(f"  {'engine':<16}" + "".join(f"{m:>9}" for m in M))
for name, r in [("nsearch", ours)] + rows:
    print(f"  {name:<16}" + "".join(f"{r[m]:9.4f}" if m in r else f"{'-':>9}" for m in M))
def verdict(d):
    return "BEATS" if d > 0.0005 else "LOSES" if d < -0.0005 else "TIES"
for name, r in rows:
    parts = [f"{m} {verdict(ours[m] - r[m])} ({ours[m] - r[m]:+.3f})" for m in M if m in r]
    print(f"  nsearch vs {name}: " + ", ".join(parts))
    if "per_query" in r:
        d = [ours["per_query"][q]["nDCG@10"] - r["per_query"][q]["nDCG@10"] for q in ours["per_query"]]
        print(f"    per query nDCG@10: wins {sum(x > 0.0005 for x in d)}, losses "
              f"{sum(x < -0.0005 for x in d)}, ties {sum(abs(x) <= 0.0005 for x in d)}")
PY
done
echo "runs and scores in $work${IR_EVAL_KEEP:+ (kept)}"
exit 0
