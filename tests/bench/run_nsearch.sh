#!/usr/bin/env bash
# Run script for the shared IR evaluation tools (../shared/tools/ir):
#   run_nsearch.sh BUNDLE_DIR QUERIES_TSV OUT_RUN   -> OUT_RUN (TREC run) + OUT_RUN.stats (JSON)
# Indexes BUNDLE_DIR into a temporary index with nsearch-index, runs every query of
# QUERIES_TSV (qid<TAB>text) with `nsearch --json --limit 100` and writes at most 100
# lines per query: "qid Q0 docid rank score nsearch", docid = file name without .txt.
#
# NSEARCH_BIN   directory holding nsearch and nsearch-index
#               (default: the build next to this script, $(dirname $0)/../../build)
# NSEARCH_ARGS  extra options for nsearch (e.g. --include-boilerplate)
# DEPTH         results per query (default 100)
#
# Queries are natural-language questions, so they are passed as plain words: the
# text is lower-cased (upper-case AND/OR/NOT/XOR/NEAR/ADJ are no longer operators)
# and reduced to its words, a word being a run of letters/digits that may contain
# an apostrophe or a dot between letters/digits ("don't", "u.s.", "3.5") or a comma
# between digits ("1,000"). Everything else - quotes, parentheses, leading +/-,
# hyphens, slashes, ':' (field prefixes such as title: or person:) - becomes a space,
# so "boundary-layer" is the two words boundary layer (not a phrase) and nothing is
# a phrase, a required/excluded word or a field. Words are given after `--`.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 BUNDLE_DIR QUERIES_TSV OUT_RUN" >&2; exit 2; }
bundle=$1 queries=$2 out=$3
bin=${NSEARCH_BIN:-$(dirname "$0")/../../build}
for exe in nsearch nsearch-index; do
  [ -x "$bin/$exe" ] || { echo "error: $bin/$exe not found (set NSEARCH_BIN)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

start=$(date +%s%N)
rc=0
"$bin/nsearch-index" --quiet --index "$work/index" "$bundle" 2>"$work/index.log" || rc=$?
end=$(date +%s%N)
# 1 = some inputs skipped (named in the log); anything else is a failure.
if [ "$rc" -gt 1 ]; then cat "$work/index.log" >&2; exit "$rc"; fi

python3 - "$bin/nsearch" "$work/index" "$queries" "$out" "$(( (end - start) / 1000000 ))" \
  "${DEPTH:-100}" "${NSEARCH_ARGS:-}" <<'PY'
import json, os, re, shlex, subprocess, sys, time
exe, index, queries, out, index_ms, depth, extra = sys.argv[1:8]
WORD = re.compile(r"[^\W_]+(?:(?:['\u2019.]|(?<=\d),(?=\d))[^\W_]+)*")
t0, n, empty = time.perf_counter(), 0, 0
with open(queries, encoding="utf-8") as qf, open(out, "w") as of:
    for line in qf:
        qid, _, text = line.rstrip("\n").partition("\t")
        words = " ".join(WORD.findall(text.lower()))
        n += 1
        if not words:
            empty += 1
            continue
        p = subprocess.run([exe, "--index", index, "--json", "--limit", depth, "--quiet",
                            *shlex.split(extra), "--", words], capture_output=True, text=True)
        if p.returncode not in (0, 1):  # 1 = no results
            sys.exit(f"nsearch failed on query {qid} (rc={p.returncode}): {p.stderr[-500:]}")
        seen = set()
        for h in json.loads(p.stdout).get("results", []):
            base = os.path.basename(h["path"])
            docid = base[:-4] if base.endswith(".txt") else base
            if docid in seen:
                continue
            seen.add(docid)
            of.write(f"{qid.strip()} Q0 {docid} {len(seen)} {h['score']:.6f} nsearch\n")
t_query = time.perf_counter() - t0
size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(index) for f in fs)
stats = {"engine": "nsearch", "index_seconds": int(index_ms) / 1000, "index_bytes": size,
         "query_seconds": round(t_query, 3), "queries": n, "queries_without_words": empty}
with open(out + ".stats", "w") as f:
    json.dump(stats, f, indent=1)
PY
