#!/usr/bin/env bash
# Retrieval quality: article-level nDCG@10 / MAP@100 / P@10 / R@100 on Cranfield
# and CISI with the shared IR tools (../shared/tools/ir), next to the peers'
# reference numbers (SQLite FTS5, Xapian omindex+quest) from their README.
# Usage: bash tests/bench/ir_eval.sh BIN_DIR   (BIN_DIR holds nsearch and nsearch-index)
# A measurement, not a gate: exits 0 whatever the numbers (77 = tools/corpora absent).
# The peers are also run live when they can be: FTS5 when Python's sqlite3 has FTS5,
# omega when omindex and quest are installed (IR_EVAL_PEERS=0 skips them).
# IR_EVAL_COLLECTIONS (default "cran cisi"), IR_EVAL_KEEP=DIR keeps the runs there.
set -euo pipefail
bin=$(cd "${1:-build}" 2>/dev/null && pwd) || { echo "error: no directory ${1:-build}"; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
shared=${NSEARCH_SHARED:-}
if [ -z "$shared" ]; then
  for c in "$here/../../../shared" /work/shared; do
    [ -f "$c/tools/ir/score.py" ] && { shared=$(cd "$c" && pwd); break; }
  done
fi
tools=${shared:-/nonexistent}/tools/ir
[ -f "$tools/make_bundle.py" ] && [ -f "$tools/score.py" ] || { echo "skip: shared IR tools not found ($tools)"; exit 77; }
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
[ -x "$bin/nsearch" ] && [ -x "$bin/nsearch-index" ] || { echo "error: $bin/nsearch or nsearch-index not built"; exit 1; }
work=${IR_EVAL_KEEP:-}
if [ -n "$work" ]; then mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
export IR_INDEX_DIR=$work/peer-index  # where the peer scripts build their indexes

peers=()
if [ "${IR_EVAL_PEERS:-1}" != 0 ]; then
  python3 -c "import sqlite3; sqlite3.connect(':memory:').execute('create virtual table t using fts5(x)')" \
    2>/dev/null && peers+=(fts5)
  command -v omindex >/dev/null && command -v quest >/dev/null && peers+=(omega)
fi

for c in ${IR_EVAL_COLLECTIONS:-cran cisi}; do
  if ! python3 "$tools/make_bundle.py" "$c" "$work/$c" --force >/dev/null 2>"$work/$c.bundle.log"; then
    echo "skip $c: make_bundle.py failed: $(tail -1 "$work/$c.bundle.log")"
    continue
  fi
  start=$(date +%s)
  NSEARCH_BIN=$bin bash "$here/run_nsearch.sh" "$work/$c" "$work/$c.queries.tsv" "$work/$c.nsearch"
  echo "$c: nsearch indexed and ran all queries in $(( $(date +%s) - start )) s"
  python3 "$tools/score.py" --json "$work/$c.qrels" "$work/$c.nsearch" >"$work/$c.nsearch.json"
  for p in ${peers[@]+"${peers[@]}"}; do
    if "$tools/run_$p.sh" "$work/$c" "$work/$c.queries.tsv" "$work/$c.$p" >/dev/null 2>"$work/$c.$p.log"; then
      python3 "$tools/score.py" --json "$work/$c.qrels" "$work/$c.$p" >"$work/$c.$p.json"
    else
      echo "$c: peer $p failed: $(tail -1 "$work/$c.$p.log")"
    fi
  done
  python3 - "$work" "$c" <<'PY'
import json, os, sys
work, c = sys.argv[1:3]
M = ["nDCG@10", "MAP@100", "P@10", "R@100"]
# Reference points from tools/ir/README.md (article level; only nDCG@10 and MAP@100 given).
REF = {"cran": {"FTS5 (README)": (.353, .286), "omega (README)": (.339, .271)},
       "cisi": {"FTS5 (README)": (.314, .127), "omega (README)": (.363, .155)}}
def load(name):
    p = os.path.join(work, f"{c}.{name}.json")
    return json.load(open(p)) if os.path.exists(p) else None
ours = load("nsearch")
rows = [(f"{name}", dict(zip(M[:2], v))) for name, v in REF.get(c, {}).items()]
for peer in ("fts5", "omega"):
    r = load(peer)
    if r:
        rows.append((f"{peer} (run now)", r))
print(f"\n{c}: {ours['queries']} queries")
print(f"  {'engine':<16}" + "".join(f"{m:>9}" for m in M))
print(f"  {'nsearch':<16}" + "".join(f"{ours[m]:9.4f}" for m in M))
for name, r in rows:
    print(f"  {name:<16}" + "".join(f"{r[m]:9.4f}" if m in r else f"{'-':>9}" for m in M))
for name, r in rows:
    verdict = []
    for m in M:
        if m in r:
            d = ours[m] - r[m]
            verdict.append(f"{m} {'BEATS' if d > 0.0005 else 'LOSES' if d < -0.0005 else 'TIES'} ({d:+.3f})")
    print(f"  nsearch vs {name}: " + ", ".join(verdict))
PY
done
echo "runs and scores in $work${IR_EVAL_KEEP:+ (kept)}"
exit 0
