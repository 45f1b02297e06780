#!/usr/bin/env bash
# Evaluation: person/place/organisation facets against CoNLL-2003 dev
# (eng.testa), document level, with the shared scorer (../shared/tools/ner).
# Reads ../shared at run time and exits 77 (skipped) when the corpus or the
# tools are absent; the Reuters text stays in a temporary directory.
# Usage: bash tests/bench/ner_eval.sh BIN_DIR   (BIN_DIR holds nsearch-index)
# Fails when an F1 drops under the issue's targets (PER 85, LOC 80, ORG 60).
set -euo pipefail
bin=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/shared.bash"
find_shared conll2003
split=${NSEARCH_NER_SPLIT:-eng.testa}
conll=${shared:-/nonexistent}/corpora/conll2003/$split
tools=${shared:-/nonexistent}/tools/ner
[ -f "$conll" ] && [ -f "$tools/score.py" ] || { echo "skip: CoNLL-2003 ($conll) or scorer not found"; exit 77; }
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
[ -x "$bin/nsearch-index" ] || { echo "error: $bin/nsearch-index not built"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$tools/conll_to_bundle.py" "$conll" "$work/bundle" >/dev/null 2>"$work/convert.log"
mv "$work/bundle/gold.jsonl" "$work/gold.jsonl"  # not an article
start=$(date +%s%N)
"$bin/nsearch-index" --dry-run --json "$work/bundle" >"$work/dry.jsonl" 2>"$work/index.log"
end=$(date +%s%N)
python3 "$tools/dryrun2pred.py" <"$work/dry.jsonl" >"$work/pred.jsonl"
python3 "$tools/score.py" "$work/gold.jsonl" "$work/pred.jsonl" --errors "${NSEARCH_NER_ERRORS:-0}" \
  --json "$work/score.json" | tee "$work/score.txt"
echo "ner: $split dry run $(( (end - start) / 1000000 )) ms for $(grep -c . "$work/dry.jsonl") articles"
python3 - "$work/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
# score.py --json layout: per-type dicts with an f1 (0..1 or 0..100).
def f1(t):
    d = s.get(t) or s.get("types", {}).get(t) or {}
    v = d.get("f1", d.get("F1", 0))
    return v * 100 if v <= 1 else v
targets = {"PER": 85, "LOC": 80, "ORG": 60}
bad = [f"{t} {f1(t):.1f} < {m}" for t, m in targets.items() if f1(t) < m]
print("ner: targets " + ("met" if not bad else "MISSED: " + ", ".join(bad)))
sys.exit(1 if bad else 0)
PY
