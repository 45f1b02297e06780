#!/usr/bin/env python3
"""Generates the speed benchmark's 200 fixed queries from the Gothamist
vocabulary (document frequencies over ../shared/corpora/gothamist), with a
fixed seed, so the list in tests/bench/queries/gothamist.txt can be rebuilt
byte for byte:

   40 frequent words      df in the top 1,500 content words
   40 rare words          df 3..12, letters only, 5+ letters
   40 two words (AND)     two content words of one random article, df >= 20
   40 phrases             "w1 w2", adjacent content words seen in 30+ articles
   40 three words         three content words of one random article, df >= 20

Content word: lower-case letters only, 3+ letters, not in the stop list
below. One query per line; phrases carry their double quotes.

Usage: make_queries.py CORPORA_DIR > tests/bench/queries/gothamist.txt
"""
import collections
import random
import re
import sys

sys.dont_write_bytecode = True
import os  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import news_corpora as nc  # noqa: E402

SEED = 8  # issue 8
STOP = set("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each even few for from further get got had
has have having he her here hers herself him himself his how however i if in into is it its itself just
like made make many may me might more most much must my myself new no nor not now of off on once one only
or other our ours ourselves out over own said same says she should since so some still such than that the
their theirs them themselves then there these they this those through to too two under until up upon us
very via was way we well were what when where which while who whom why will with would yet you your yours
yourself yourselves http https www com html jpg
""".split())
WORD = re.compile(r"[a-z]+")


def words(text):
    return [w for w in WORD.findall(text.lower()) if len(w) >= 3 and w not in STOP]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_queries.py CORPORA_DIR > queries.txt")
    df, bigram_df, docs = collections.Counter(), collections.Counter(), []
    for art in nc.gothamist(sys.argv[1]):
        text = art.title + "\n\n" + "\n\n".join(art.paragraphs)
        toks = WORD.findall(text.lower())
        vocab = set(w for w in toks if len(w) >= 3 and w not in STOP)
        df.update(vocab)
        pairs = set()
        for a, b in zip(toks, toks[1:]):
            if len(a) >= 3 and len(b) >= 3 and a not in STOP and b not in STOP and a != b:
                pairs.add((a, b))
        bigram_df.update(pairs)
        docs.append(sorted(vocab))
    rng = random.Random(SEED)
    by_df = sorted(df, key=lambda w: (-df[w], w))
    chosen, out = set(), []

    def take(query):
        if query in chosen:
            return False
        chosen.add(query)
        out.append(query)
        return True

    frequent = by_df[:1500]
    rare = sorted(w for w in df if 3 <= df[w] <= 12 and len(w) >= 5)
    phrases = sorted(p for p, n in bigram_df.items() if n >= 30)
    for pool, n in ((frequent, 40), (rare, 40)):
        while n:
            n -= take(rng.choice(pool))
    def from_article(k):
        vocab = [w for w in rng.choice(docs) if df[w] >= 20]
        return len(vocab) >= k and take(" ".join(rng.sample(vocab, k)))

    for make in (lambda: from_article(2), lambda: take('"%s %s"' % rng.choice(phrases)),
                 lambda: from_article(3)):
        n = 40
        while n:
            n -= make()
    assert len(out) == 200
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
