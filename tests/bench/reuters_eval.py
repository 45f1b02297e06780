#!/usr/bin/env python3
"""Reuters-21578 as a second entity development set, scored at document level.

    reuters_eval.py bundle CORPUS_DIR OUT_DIR   # one .txt per story + OUT_DIR/gold.jsonl
    reuters_eval.py score GOLD.jsonl DRY.jsonl  # DRY: nsearch-index --dry-run --json output

Gold: each story's PEOPLE / ORGS / PLACES codes ("james-baker", "ec", "west-germany"). A
predicted entity counts when it maps to a code of the corpus vocabulary (all-*-strings.lc.txt):
a person by surname (and given name, when both the code and the name have one), a place or an
organisation by its name folded to the code's spelling, or an alias below. Names outside the
vocabulary are not scored (the codes cover few of the names a story holds), so precision is
"of the predictions the vocabulary can judge". PLACES codes also list places a story is about
without naming them, which caps place recall.

The stories are Reuters text: write them under /tmp only, never into the project.
"""
import html
import json
import os
import re
import sys
import unicodedata

PLACE_ALIASES = {
    "united states": "usa", "u.s": "usa", "us": "usa", "america": "usa",
    "united kingdom": "uk", "britain": "uk", "great britain": "uk", "u.k": "uk",
    "soviet union": "ussr", "russia": "ussr", "germany": "west-germany",
    "united arab emirates": "uae", "holland": "netherlands", "cote d'ivoire": "ivory-coast",
    "myanmar": "burma", "cambodia": "kampuchea", "trinidad and tobago": "trinidad-tobago",
    "czech republic": "czechoslovakia", "czechia": "czechoslovakia",
    "democratic republic of the congo": "zaire", "congo - kinshasa": "zaire",
}
ORG_ALIASES = {
    "european community": "ec", "european economic community": "ec", "common market": "ec",
    "eec": "ec", "european union": "ec", "eu": "ec",
    "international monetary fund": "imf", "world bank": "worldbank",
    "general agreement on tariffs and trade": "gatt", "united nations": "un", "u.n": "un",
    "organization of petroleum exporting countries": "opec",
    "organisation for economic cooperation and development": "oecd",
    "organization for economic cooperation and development": "oecd",
    "international energy agency": "iea", "food and agriculture organization": "fao",
    "asian development bank": "adb-asia", "african development bank": "adb-africa",
    "bank for international settlements": "bis", "european investment bank": "eib",
    "international coffee organization": "ico-coffee", "ico": "ico-coffee",
    "international cocoa organization": "icco", "gulf cooperation council": "gcc",
    "international atomic energy agency": "iaea", "international labour organization": "ilo",
    "world health organization": "who", "european free trade association": "efta",
    "international air transport association": "iata",
}


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"'s$", "", " ".join(s.split()))
    return s.strip(" .,;:'\"()")


def codes(block, tag):
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return re.findall(r"<D>(.*?)</D>", m.group(1)) if m else []


def text_of(block, tag):
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return html.unescape(re.sub(r"&#\d+;", "", m.group(1))) if m else ""


def bundle(corpus, out):
    os.makedirs(out, exist_ok=True)
    gold = open(os.path.join(out, "..", "gold.jsonl"), "w")
    n = 0
    for name in sorted(os.listdir(corpus)):
        if not re.match(r"reut2-\d+\.sgm$", name):
            continue
        raw = open(os.path.join(corpus, name), encoding="latin-1").read()
        for block in re.findall(r"<REUTERS(.*?)</REUTERS>", raw, re.S):
            body = text_of(block, "BODY")
            if not body.strip():
                continue
            newid = re.search(r'NEWID="(\d+)"', block).group(1)
            body = re.sub(r"\s*Reuter\s*$", "", body.rstrip())
            paras = [" ".join(p.split()) for p in re.split(r"\n(?=\s{2,})", body)]
            paras = [p for p in paras if p]
            dateline = " ".join(text_of(block, "DATELINE").split())
            if dateline and paras:
                paras[0] = dateline + " " + paras[0]
            title = " ".join(text_of(block, "TITLE").split())
            doc = f"{int(newid):05d}.txt"
            with open(os.path.join(out, doc), "w") as f:
                f.write(title + "\n\n" + "\n\n".join(paras) + "\n")
            gold.write(json.dumps({"doc": doc, "PER": codes(block, "PEOPLE"),
                                   "LOC": codes(block, "PLACES"), "ORG": codes(block, "ORGS")}) + "\n")
            n += 1
    print(f"reuters: {n} stories")


def vocab(corpus, kind):
    return {l.strip() for l in open(os.path.join(corpus, f"all-{kind}-strings.lc.txt")) if l.strip()}


def person_code(name, people):
    words = fold(name).replace(".", "").split()
    if not words:
        return None
    for code in people.get(words[-1].replace("'", ""), []):
        parts = code.split("-")
        if len(parts) == 1 or len(words) == 1 or parts[0] == words[0]:
            return code
    return None


def name_code(name, known, aliases):
    f = fold(name)
    for key in (f, f.replace(".", "")):
        if key in aliases:
            return aliases[key]
        code = key.replace(" and ", "-").replace(" ", "-")
        if code in known:
            return code
    return None


def score(gold_path, dry_path, corpus):
    people = {}
    for code in vocab(corpus, "people"):
        people.setdefault(code.split("-")[-1], []).append(code)
    places, orgs = vocab(corpus, "places"), vocab(corpus, "orgs")
    gold = {g["doc"]: g for g in map(json.loads, open(gold_path))}
    counts = {t: [0, 0, 0] for t in ("PER", "LOC", "ORG")}  # tp, pred, gold
    seen = set()
    for line in open(dry_path):
        if not line.startswith("{"):
            continue
        art = json.loads(line)
        doc = os.path.basename(art.get("path", ""))
        if doc not in gold:
            continue
        seen.add(doc)
        ents = art.get("entities") or {}
        pred = {
            "PER": {person_code(e["name"], people) for e in ents.get("person") or []},
            "LOC": {name_code(e["name"], places, PLACE_ALIASES) for e in ents.get("place") or []},
            "ORG": {name_code(e["name"], orgs, ORG_ALIASES) for e in ents.get("org") or []},
        }
        for t, p in pred.items():
            p.discard(None)
            g = set(gold[doc][t])
            counts[t][0] += len(p & g)
            counts[t][1] += len(p)
    for doc, g in gold.items():
        for t in counts:
            counts[t][2] += len(set(g[t]))
    print(f"# reuters-21578 codes, {len(seen)} of {len(gold)} stories predicted")
    print("type       P      R     F1      tp  pred  gold")
    for t, (tp, np_, ng) in counts.items():
        p = 100 * tp / np_ if np_ else 0
        r = 100 * tp / ng if ng else 0
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"{t:<6} {p:6.1f} {r:6.1f} {f:6.1f}  {tp:6d} {np_:5d} {ng:5d}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "bundle":
        bundle(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
