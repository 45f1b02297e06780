#!/usr/bin/env bash
# Boilerplate precision/recall and body recall on the labelled seeds and
# 20newsgroups sample. Usage: bash boilerplate_eval.sh BIN_DIR [-v]
# Exit 77 (skipped) when ../shared or python3 is absent.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
shared="${NSEARCH_SHARED:-$here/../../../shared}"
if [ ! -d "$shared" ]; then
  echo "skipped: $shared not found"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 not found"
  exit 77
fi
bin_dir="${1:?usage: boilerplate_eval.sh BIN_DIR [-v]}"
shift
exec python3 "$here/boilerplate_eval.py" --shared "$shared" "$bin_dir" "$@"
