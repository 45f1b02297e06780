#!/usr/bin/env python3
"""Wire copies: precision and recall of the near-duplicate signature.

Builds labelled pairs at run time from ../shared/corpora (nothing of them is
written into the repository), writes both articles of every pair into one
temporary bundle, runs `nsearch-index --dry-run --json` over it and reads
each article's "copy_signature" (the MinHash the index stores). A pair is
predicted a copy when the signatures' estimated Jaccard similarity reaches
the threshold nsearch uses (--threshold, default 0.5 as in
src/index/copies.h kCopyJaccard).

Positive classes (a base article and its copy, headline always changed):
  exact       same body
  edit5/10/20 5, 10 or 20% of the body's words replaced by other words
  dropped     a third of the sentences of the last paragraphs dropped
  boiler      outlet boilerplate (cookie notice, newsletter, copyright)
              added before and after the body
  mixed       5% edited, sentences dropped and boilerplate added
Negative classes (two different articles):
  topic       the pair of the same BBC category (Reuters TOPICS code) with
              the largest word overlap: different reports on one subject
  random      two articles of the same corpus

Every base article is used once, so no sentence is in more than two articles
of the bundle (the boilerplate classifier counts lines repeated across a
run; the added boilerplate repeats on purpose, as an outlet's would).

  copies_eval.py --shared DIR [--threshold T] [--sweep] BIN_DIR
Exits 1 when precision is under 0.95 or recall over exact, edit5 and boiler
under 0.95 (the heavier edits are reported, not required).
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import news_corpora  # noqa: E402

POSITIVE = ["exact", "edit5", "edit10", "edit20", "dropped", "boiler", "mixed"]
NEGATIVE = ["topic", "random"]
HARD_RECALL = ["exact", "edit5", "boiler"]

# Boilerplate an outlet wraps around agency copy; written for this test.
HEADER = ["We use cookies to improve your experience on our site. By continuing to browse you "
          "agree to our use of cookies. Manage your preferences in Cookie Settings.",
          "Advertisement"]
FOOTER = ["Sign up for our morning newsletter to get the day's top stories delivered to your inbox.",
          "Copyright 2024 The Evening Courier. All rights reserved. This material may not be "
          "published, broadcast, rewritten or redistributed.",
          "Share this article: Facebook Twitter Email"]

WORD = re.compile(r"[A-Za-z']+")


def words(art):
    return set(w.lower() for p in art.paragraphs for w in WORD.findall(p))


def edit(paras, fraction, vocab, rng):
    out = []
    for p in paras:
        toks = p.split(" ")
        for i in range(len(toks)):
            if rng.random() < fraction:
                toks[i] = rng.choice(vocab)
        out.append(" ".join(toks))
    return out


def drop_sentences(paras, rng):
    sentences = [(i, s) for i, p in enumerate(paras) for s in re.split(r"(?<=[.!?]) ", p)]
    keep = len(sentences) - max(1, len(sentences) // 3)
    # A sub-editor cuts from the end (wire copy is written to be cut) and
    # the odd sentence in the middle.
    cut = set(range(keep, len(sentences)))
    if keep > 4:
        cut.add(rng.randrange(1, keep))
    out = {}
    for k, (i, s) in enumerate(sentences):
        if k not in cut:
            out.setdefault(i, []).append(s)
    return [" ".join(out[i]) for i in sorted(out)]


def variant(kind, art, vocab, rng):
    paras = list(art.paragraphs)
    if kind.startswith("edit"):
        paras = edit(paras, int(kind[4:]) / 100, vocab, rng)
    elif kind == "dropped":
        paras = drop_sentences(paras, rng)
    elif kind == "boiler":
        paras = HEADER + paras + FOOTER
    elif kind == "mixed":
        paras = HEADER + drop_sentences(edit(paras, 0.05, vocab, rng), rng) + FOOTER
    title = "Update: " + art.title if kind != "exact" else art.title + " (wire)"
    return news_corpora.Article(art.relpath + "-copy", title, paras, {})


def lead(art, n=12):
    return " ".join(" ".join(art.paragraphs).lower().split()[:n])


def same_story(a, b):
    """The corpora hold copies of their own (BBC's repeated and updated
    stories, Reuters' repeated and corrected ones): two articles with one
    headline or one opening are one story, not a negative."""
    return (news_corpora.collapse(a.title).lower() == news_corpora.collapse(b.title).lower()
            or lead(a) == lead(b))


def long_enough(art):
    return sum(len(p.split()) for p in art.paragraphs) >= 120


def build_pairs(shared, per_class, rng):
    corpora = os.path.join(shared, "corpora")
    bbc = [a for a in news_corpora.bbc(corpora) if long_enough(a)]
    goth = [a for a in news_corpora.gothamist(corpora) if long_enough(a)]
    reut = [a for a in news_corpora.reuters(corpora) if long_enough(a) and a.meta["topics"]]
    rng.shuffle(bbc)
    rng.shuffle(goth)
    rng.shuffle(reut)
    vocab = sorted({w for a in goth[:300] for p in a.paragraphs for w in p.split(" ") if w.isalpha()})
    used = set()
    skipped = []  # the corpora's own copies, left out of the negatives
    pairs = []  # (class, a, b)

    # Hard negatives first: for each article of a pool, the most similar other
    # article of its category or topic.
    def topic_pairs(pool, key, n):
        sets = [words(a) for a in pool]
        cand = []
        for i in range(len(pool)):
            best, bj = -1, 0.0
            for j in range(len(pool)):
                if i == j or key(pool[i]) != key(pool[j]):
                    continue
                inter = len(sets[i] & sets[j])
                jac = inter / (len(sets[i] | sets[j]) or 1)
                if jac > bj:
                    best, bj = j, jac
            if best >= 0:
                cand.append((bj, i, best))
        cand.sort(reverse=True)
        out = []
        for bj, i, j in cand:
            a, b = pool[i], pool[j]
            if a.relpath in used or b.relpath in used:
                continue
            if same_story(a, b):
                skipped.append((a, b))
                continue
            used.update((a.relpath, b.relpath))
            out.append(("topic", a, b))
            if len(out) == n:
                break
        return out

    pairs += topic_pairs(bbc[:1200], lambda a: a.relpath.split("/")[1], per_class // 2)
    pairs += topic_pairs(reut[:1500], lambda a: a.meta["topics"][0], per_class - per_class // 2)
    free = [a for a in bbc + goth if a.relpath not in used]
    rng.shuffle(free)
    it = iter(free)
    for _ in range(per_class):
        a, b = next(it), next(it)
        pairs.append(("random", a, b))
    for kind in POSITIVE:
        for _ in range(per_class):
            a = next(it)
            pairs.append((kind, a, variant(kind, a, vocab, rng)))
    return pairs, skipped


def signatures(bin_dir, pairs):
    with tempfile.TemporaryDirectory() as tmp:
        bundle = os.path.join(tmp, "bundle")
        for _, a, b in pairs:
            news_corpora.write_article(bundle, a)
            news_corpora.write_article(bundle, b)
        out = subprocess.run([os.path.join(bin_dir, "nsearch-index"), "--dry-run", "--json", "-q",
                              bundle], capture_output=True, text=True, check=True).stdout
    sigs = {}
    for line in out.splitlines():
        d = json.loads(line)
        rel = os.path.relpath(d["path"], bundle)[:-4] if d["path"].startswith(bundle) else d["path"]
        sigs[rel] = d.get("copy_signature", "")
    return sigs


# The signature as src/index/copies.h makes it: HASHES entries of BITS bits
# (BITS // 4 hex digits each in the dry run's JSON).
HASHES = 128
BITS = 8
CHANCE = 2.0 ** -BITS


def jaccard(x, y):
    """EstimatedJaccard: the fraction of equal entries, corrected for the
    chance agreement of two different minima's low bits."""
    digits = BITS // 4
    if len(x) != HASHES * digits or len(y) != len(x):
        return 0.0
    a = [x[i:i + digits] for i in range(0, len(x), digits)]
    b = [y[i:i + digits] for i in range(0, len(y), digits)]
    fraction = sum(p == q for p, q in zip(a, b)) / HASHES
    return max(0.0, (fraction - CHANCE) / (1 - CHANCE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--per-class", type=int, default=200)
    ap.add_argument("--sweep", action="store_true", help="precision/recall at other thresholds")
    ap.add_argument("--errors", action="store_true", help="print the misjudged pairs")
    ap.add_argument("bin_dir")
    args = ap.parse_args()
    rng = random.Random(13)
    pairs, skipped = build_pairs(args.shared, args.per_class, rng)
    print(f"left out of the topic negatives: {len(skipped)} pairs of one headline or opening "
          "(the corpora's own copies)")
    sigs = signatures(args.bin_dir, pairs)
    scored = []
    for kind, a, b in pairs:
        scored.append((kind, jaccard(sigs.get(a.relpath, ""), sigs.get(b.relpath, "")), a, b))

    def table(t):
        tp = sum(1 for k, j, _, _ in scored if k in POSITIVE and j >= t)
        fp = sum(1 for k, j, _, _ in scored if k in NEGATIVE and j >= t)
        pos = sum(1 for k, *_ in scored if k in POSITIVE)
        per = {}
        for kind in POSITIVE + NEGATIVE:
            js = [j for k, j, _, _ in scored if k == kind]
            per[kind] = (sum(j >= t for j in js), len(js), sorted(js))
        return tp, fp, pos, per

    t = args.threshold
    tp, fp, pos, per = table(t)
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(f"threshold {t}: precision {precision:.3f} ({tp}/{tp + fp}), recall {tp / pos:.3f} "
          f"({tp}/{pos})")
    print(f"{'class':8} {'grouped':>9} {'rate':>6} {'min J':>6} {'p5 J':>6} {'median':>6} {'max J':>6}")
    for kind in POSITIVE + NEGATIVE:
        n, total, js = per[kind]
        print(f"{kind:8} {n:4}/{total:<4} {n / total:6.3f} {js[0]:6.3f} {js[len(js) // 20]:6.3f} "
              f"{js[len(js) // 2]:6.3f} {js[-1]:6.3f}")
    if args.sweep:
        print("threshold precision recall(all) recall(hard classes)")
        for s in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8]:
            tp2, fp2, pos2, per2 = table(s)
            hard = sum(per2[k][0] for k in HARD_RECALL) / sum(per2[k][1] for k in HARD_RECALL)
            print(f"{s:9.2f} {tp2 / max(1, tp2 + fp2):9.3f} {tp2 / pos2:11.3f} {hard:20.3f}")
    if args.errors:
        for kind, j, a, b in scored:
            if (kind in POSITIVE) != (j >= t):
                print(f"{kind}\t{j:.3f}\t{a.relpath}\t{b.relpath}")
    hard = sum(per[k][0] for k in HARD_RECALL) / sum(per[k][1] for k in HARD_RECALL)
    ok = precision >= 0.95 and hard >= 0.95
    print(f"recall over {', '.join(HARD_RECALL)}: {hard:.3f}; {'ok' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
