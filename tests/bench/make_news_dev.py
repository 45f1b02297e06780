#!/usr/bin/env python3
"""Writes the news development collection for ranking (issue 7) from
../shared/corpora/reuters21578 at run time, in the layout of the shared IR
tools' make_bundle.py, so their run scripts and tests/bench/run_nsearch.sh
work on it unchanged:

  OUTDIR/<docid>.txt              one story per file: title line, blank line,
                                  paragraphs (the dateline opens the first)
  OUTDIR/../news-dev.queries.tsv  qid <TAB> query text
  OUTDIR/../news-dev.qrels        qid 0 docid 1   (TREC qrels, binary)
  OUTDIR/../news-dev.bundle.json  counts and the construction parameters

Construction (fixed, the same for every engine and never tuned per query):
  * documents: the Reuters-21578 stories that were judged for topics
    (TOPICS="YES") and are long: at least MIN_PARAGRAPHS paragraphs and
    MIN_WORDS words of body. Stories judged with no topic stay in as
    non-relevant material;
  * queries: every TOPICS category with at least MIN_RELEVANT stories in the
    bundle; the query text is the category's name in readable words, written
    once from the category code list (TOPIC_NAMES below), not per query;
  * judgments: a story is relevant to each of its TOPICS labels (binary).

Usage: make_news_dev.py OUTDIR [--corpora DIR] [--force]
"""
import argparse
import collections
import glob
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import news_corpora as nc  # noqa: E402

NAME = "news-dev"
MIN_PARAGRAPHS, MIN_WORDS, MIN_RELEVANT = 4, 200, 5

# The 135 Reuters-21578 TOPICS codes (all-topics-strings.lc.txt) as a reader
# would name them, after cat-descriptions_120396.txt where it names them.
TOPIC_NAMES = {
    "acq": "mergers and acquisitions", "alum": "aluminium", "austdlr": "australian dollar",
    "austral": "argentine austral", "barley": "barley", "bfr": "belgian franc",
    "bop": "balance of payments", "can": "canadian dollar", "carcass": "meat carcasses",
    "castor-meal": "castor meal", "castor-oil": "castor oil", "castorseed": "castor seed",
    "citruspulp": "citrus pulp", "cocoa": "cocoa", "coconut": "coconut",
    "coconut-oil": "coconut oil", "coffee": "coffee", "copper": "copper",
    "copra-cake": "copra cake", "corn": "corn", "corn-oil": "corn oil",
    "cornglutenfeed": "corn gluten feed", "cotton": "cotton", "cotton-meal": "cotton meal",
    "cotton-oil": "cotton oil", "cottonseed": "cottonseed", "cpi": "consumer price index",
    "cpu": "capacity utilisation", "crude": "crude oil", "cruzado": "brazilian cruzado",
    "dfl": "dutch guilder", "dkr": "danish crown", "dlr": "us dollar", "dmk": "german mark",
    "drachma": "greek drachma", "earn": "earnings and earnings forecasts",
    "escudo": "portuguese escudo", "f-cattle": "feeder cattle", "ffr": "french franc",
    "fishmeal": "fishmeal", "flaxseed": "flaxseed", "fuel": "fuel oil", "gas": "gasoline",
    "gnp": "gross national product", "gold": "gold", "grain": "grain", "groundnut": "groundnuts",
    "groundnut-meal": "groundnut meal", "groundnut-oil": "groundnut oil",
    "heat": "heating oil", "hk": "hong kong dollar", "hog": "hogs", "housing": "housing starts",
    "income": "personal income", "instal-debt": "consumer credit",
    "interest": "interest rates", "inventories": "inventories",
    "ipi": "industrial production index", "iron-steel": "iron and steel",
    "jet": "jet fuel and kerosene", "jobs": "unemployment", "l-cattle": "live cattle",
    "lead": "lead", "lei": "leading economic indicators", "lin-meal": "linseed meal",
    "lin-oil": "linseed oil", "linseed": "linseed", "lit": "italian lira",
    "livestock": "livestock", "lumber": "lumber", "lupin": "lupins",
    "meal-feed": "animal feed meal", "mexpeso": "mexican peso",
    "money-fx": "foreign exchange", "money-supply": "money supply", "naphtha": "naphtha",
    "nat-gas": "natural gas", "nickel": "nickel", "nkr": "norwegian crown",
    "nzdlr": "new zealand dollar", "oat": "oats", "oilseed": "oilseeds", "orange": "oranges",
    "palladium": "palladium", "palm-meal": "palm meal", "palm-oil": "palm oil",
    "palmkernel": "palm kernels", "peseta": "spanish peseta", "pet-chem": "petrochemicals",
    "platinum": "platinum", "plywood": "plywood", "pork-belly": "pork bellies",
    "potato": "potatoes", "propane": "propane", "rand": "south african rand",
    "rape-meal": "rapeseed meal", "rape-oil": "rapeseed oil", "rapeseed": "rapeseed",
    "red-bean": "red beans", "reserves": "foreign reserves", "retail": "retail sales",
    "rice": "rice", "ringgit": "malaysian ringgit", "rubber": "rubber",
    "rupiah": "indonesian rupiah", "rye": "rye", "saudriyal": "saudi riyal",
    "sfr": "swiss franc", "ship": "shipping", "silk": "silk", "silver": "silver",
    "singdlr": "singapore dollar", "skr": "swedish crown", "sorghum": "sorghum",
    "soy-meal": "soybean meal", "soy-oil": "soybean oil", "soybean": "soybeans",
    "stg": "sterling", "strategic-metal": "strategic metals", "sugar": "sugar",
    "sun-meal": "sunflower meal", "sun-oil": "sunflower oil", "sunseed": "sunflower seed",
    "tapioca": "tapioca", "tea": "tea", "tin": "tin", "trade": "trade", "tung": "tung",
    "tung-oil": "tung oil", "veg-oil": "vegetable oil", "wheat": "wheat", "wool": "wool",
    "wpi": "wholesale price index", "yen": "japanese yen", "zinc": "zinc",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpora", default=os.environ.get("NSEARCH_SHARED", os.path.join(
        here, "..", "..", "..", "shared")) + "/corpora")
    ap.add_argument("--force", action="store_true", help="delete existing *.txt in OUTDIR first")
    a = ap.parse_args()
    outdir = os.path.abspath(a.outdir)
    os.makedirs(outdir, exist_ok=True)
    old = glob.glob(os.path.join(outdir, "*.txt"))
    if old and not a.force:
        sys.exit(f"{outdir} already holds {len(old)} .txt files; use --force to replace them")
    for p in old:
        os.remove(p)

    docs, seen = [], 0
    for art in nc.reuters(a.corpora):
        if art.meta["unproc"] or art.meta["topics_attr"] != "YES":
            continue
        seen += 1
        words = sum(len(p.split()) for p in art.paragraphs)
        if len(art.paragraphs) >= MIN_PARAGRAPHS and words >= MIN_WORDS:
            docs.append(art._replace(relpath="r" + art.meta["newid"]))
    relevant = collections.defaultdict(list)
    for art in docs:
        for t in art.meta["topics"]:
            relevant[t].append(art.relpath)
    topics = sorted(t for t, d in relevant.items() if len(d) >= MIN_RELEVANT)
    unnamed = [t for t in topics if t not in TOPIC_NAMES]
    if unnamed:
        sys.exit(f"topics without a name in TOPIC_NAMES: {unnamed}")

    for art in docs:
        nc.write_article(outdir, art)
    parent = os.path.dirname(outdir)
    with open(os.path.join(parent, NAME + ".queries.tsv"), "w", encoding="utf-8") as f:
        for t in topics:
            f.write(f"{t}\t{TOPIC_NAMES[t]}\n")
    with open(os.path.join(parent, NAME + ".qrels"), "w") as f:
        for t in topics:
            for d in sorted(relevant[t], key=lambda s: int(s[1:])):
                f.write(f"{t} 0 {d} 1\n")
    report = {
        "collection": NAME, "source": "Reuters-21578 (TOPICS labels as judgments)",
        "min_paragraphs": MIN_PARAGRAPHS, "min_words": MIN_WORDS, "min_relevant": MIN_RELEVANT,
        "stories_judged_for_topics_with_body": seen, "docs_written": len(docs),
        "docs_without_topic": sum(1 for d in docs if not d.meta["topics"]),
        "queries_written": len(topics), "relevant_pairs": sum(len(relevant[t]) for t in topics),
        "relevant_per_query": {t: len(relevant[t]) for t in topics},
        "mean_paragraphs": round(sum(len(d.paragraphs) for d in docs) / len(docs), 1),
        "mean_words": round(sum(sum(len(p.split()) for p in d.paragraphs) for d in docs) / len(docs)),
    }
    with open(os.path.join(parent, NAME + ".bundle.json"), "w") as f:
        json.dump(report, f, indent=1)
    short = {k: v for k, v in report.items() if k != "relevant_per_query"}
    print(json.dumps(short, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
