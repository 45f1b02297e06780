#!/usr/bin/env python3
"""Writes the speed benchmark's bundles from ../shared/corpora, one .txt per
article (title line, blank line, paragraphs):

  OUT/gothamist/   22,573 Gothamist articles (~42.5 MB)
  OUT/mix/         Gothamist, Reuters-21578 stories with a body, 20 Newsgroups,
                   BBC News and a second copy of Gothamist (~140 MB)
  OUT/mix25/, OUT/mix50/   25% and 50% samples of the mix (mix25 is inside
                   mix50), chosen by a hash of each article's path
  OUT/manifest.json   articles and text bytes per bundle, and the stamp

The mix's Gothamist copies and the samples are hard links to one file each
(copies when linking fails). Nothing is rewritten when OUT/manifest.json
already carries the same stamp (this script's content and the sources' sizes),
unless --force.

Usage: make_speed_bundles.py CORPORA_DIR OUT_DIR [--force]
"""
import argparse
import hashlib
import json
import os
import shutil
import sys
import zlib

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import news_corpora as nc  # noqa: E402

SOURCES = ["gothamist/gothamist.jsonl", "reuters21578", "20newsgroups", "bbc_news/bbc"]


def stamp(corpora):
    h = hashlib.sha256()
    for f in (__file__, nc.__file__):
        with open(f, "rb") as fh:
            h.update(fh.read())
    for s in SOURCES:
        p = os.path.join(corpora, s)
        for root, _, files in sorted(os.walk(p)) if os.path.isdir(p) else [("", [], [p])]:
            for n in sorted(files):
                h.update(f"{n}:{os.path.getsize(os.path.join(root, n))}\n".encode())
    return h.hexdigest()[:16]


def link(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora")
    ap.add_argument("out")
    ap.add_argument("--force", action="store_true", help="rewrite even when the stamp matches")
    a = ap.parse_args()
    st = stamp(a.corpora)
    manifest_path = os.path.join(a.out, "manifest.json")
    if not a.force and os.path.exists(manifest_path):
        with open(manifest_path) as f:
            old = json.load(f)
        if old.get("stamp") == st:
            print(f"bundles up to date in {a.out}", file=sys.stderr)
            return
    for b in ("gothamist", "mix", "mix25", "mix50"):
        shutil.rmtree(os.path.join(a.out, b), ignore_errors=True)
    if os.path.exists(manifest_path):
        os.remove(manifest_path)

    counts = {b: {"articles": 0, "bytes": 0} for b in ("gothamist", "mix", "mix25", "mix50")}
    parts = {}

    def add(bundle, rel, size):
        counts[bundle]["articles"] += 1
        counts[bundle]["bytes"] += size
        key = zlib.crc32(rel.encode()) % 4
        for sample, keep in (("mix25", key == 0), ("mix50", key in (0, 2))):
            if keep:
                link(os.path.join(a.out, "mix", rel), os.path.join(a.out, sample, rel))
                counts[sample]["articles"] += 1
                counts[sample]["bytes"] += size

    gdir = os.path.join(a.out, "gothamist")
    for art in nc.gothamist(a.corpora, prefix=""):
        rel = art.relpath + ".txt"
        size = nc.write_article(gdir, art)
        counts["gothamist"]["articles"] += 1
        counts["gothamist"]["bytes"] += size
        for copy in ("gothamist", "gothamist-copy"):
            mrel = os.path.join(copy, rel)
            link(os.path.join(gdir, rel), os.path.join(a.out, "mix", mrel))
            add("mix", mrel, size)
            parts[copy] = parts.get(copy, 0) + 1
    mix = os.path.join(a.out, "mix")
    for name, reader in (("reuters", nc.reuters), ("20newsgroups", nc.newsgroups), ("bbc", nc.bbc)):
        for art in reader(a.corpora):
            if not art.paragraphs:
                continue
            size = nc.write_article(mix, art)
            add("mix", art.relpath + ".txt", size)
            parts[name] = parts.get(name, 0) + 1

    manifest = {"stamp": st, "bundles": counts, "mix_parts": parts}
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=1)
    print(json.dumps(manifest), file=sys.stderr)


if __name__ == "__main__":
    main()
