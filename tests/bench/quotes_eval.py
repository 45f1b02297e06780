#!/usr/bin/env python3
"""Quote attribution: speaker precision and recall against hand labels.

The labels (tests/fixtures/labels/quotes/*.tsv) name, for every quotation in
the body paragraphs of an article, its article id, paragraph number, its
ordinal among the paragraph's quotations (as find_spans below numbers them)
and its speaker ("-" when the text names no person who said it: an unnamed
spokesman, a phrase, a title). They hold no article text.

  quotes_eval.py score --shared DIR BIN_DIR   run the indexer's dry run, score
  quotes_eval.py list DRYRUN.jsonl            print the quotations to label

A predicted quote is matched to the quotation whose span overlaps it in
that paragraph. Precision: attributed quotes whose speaker is right, over
attributed quotes. Recall: labelled quotes with a speaker that got it right.
Two names are one speaker when their last words agree (case and accents
aside): the labels write a name as a reader would, the index canonically.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}
CLOSE = {"\u201d", "\u00bb"}


def marks(text):
    """(position, length, mark) of each double quotation mark; '' and ’’ count."""
    i = 0
    while i < len(text):
        two = text[i:i + 2]
        if two in ("''", "\u2019\u2019", "\u2018\u2018"):
            yield i, 2, {"''": '"', "\u2019\u2019": "\u201d", "\u2018\u2018": "\u201c"}[two]
            i += 2
            continue
        if text[i] in OPEN or text[i] in CLOSE or text[i] == '"':
            yield i, 1, text[i]
        i += 1


def find_spans(text):
    """(start, end) character ranges of the quotations of one paragraph."""
    spans, start, closer = [], None, None
    for i, n, c in marks(text):
        if start is None:
            inch = c == '"' and i > 0 and text[i - 1].isdigit()
            # A straight mark after a word and before a space closes nothing.
            stray = c == '"' and i > 0 and text[i - 1] != " " and (
                i + n >= len(text) or text[i + n] == " ")
            if (c in OPEN or c == '"') and not inch and not stray:
                start, closer = i, OPEN.get(c, '"')
        elif c == closer or c in CLOSE or c == '"':
            spans.append((start, i + n))
            start = None
        elif c in OPEN:
            spans.append((start, i))
            start, closer = i, OPEN[c]
    if start is not None:
        spans.append((start, len(text)))
    return spans


def article_key(path):
    """The label key of a dry-run path: a JSONL record's own id, or the file name."""
    if ".jsonl:" in path:
        return path.split(".jsonl:", 1)[1]
    return os.path.basename(path)


def last_word(name):
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in folded.replace(".", " ").split() if w not in ("jr", "sr", "ii", "iii")]
    return words[-1] if words else ""


def read_labels(paths):
    labels = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                art, para, ordinal, speaker = line.split("\t")
                labels[(art, int(para), int(ordinal))] = "" if speaker == "-" else speaker
    return labels


def predictions(dry_run_lines):
    """(article, paragraph, ordinal) -> predicted speaker, and the articles seen."""
    pred, seen = {}, set()
    for line in dry_run_lines:
        a = json.loads(line)
        key = article_key(a["path"])
        seen.add(key)
        texts = {p["n"]: p["text"] for p in a["paragraphs"]}
        for q in a.get("quotes", []):
            text = texts[q["paragraph"]]
            at = text.find(q["text"])
            if at < 0:
                continue
            for ordinal, (b, e) in enumerate(find_spans(text), 1):
                if b <= at < e:
                    pred[(key, q["paragraph"], ordinal)] = q["speaker"] or ""
                    break
    return pred, seen


def score(labels, pred, seen, errors):
    attributed = correct = gold = found = 0
    for key, speaker in sorted(labels.items()):
        if key[0] not in seen:
            continue
        guess = pred.get(key, "")
        if speaker:
            gold += 1
        if guess:
            attributed += 1
            ok = bool(speaker) and last_word(guess) == last_word(speaker)
            correct += ok
            found += ok
            if not ok and errors:
                print(f"  wrong: {key} predicted {guess!r}, label {speaker or '-'}")
        elif speaker and errors:
            print(f"  missed: {key} label {speaker}")
    unlabelled = [k for k in pred if k not in labels and k[0] in seen]
    for k in unlabelled:
        print(f"  warning: predicted quote {k} has no label", file=sys.stderr)
    p = correct / attributed if attributed else 1.0
    r = found / gold if gold else 1.0
    return p, r, attributed, gold, correct


def dry_run(bin_dir, inputs):
    out = subprocess.run([os.path.join(bin_dir, "nsearch-index"), "--dry-run", "--json", *inputs],
                         capture_output=True, text=True, check=False)
    return [line for line in out.stdout.splitlines() if line.strip()]


def gothamist_bundle(shared, ids, work):
    """The labelled gothamist records, copied to a temporary JSONL bundle."""
    path = os.path.join(work, "gothamist.jsonl")
    with open(os.path.join(shared, "corpora/gothamist/gothamist.jsonl"), encoding="utf-8") as f, \
            open(path, "w", encoding="utf-8") as out:
        for line in f:
            if json.loads(line).get("id") in ids:
                out.write(line)
    return path


def cmd_score(args):
    here = os.path.dirname(os.path.abspath(__file__))
    label_dir = os.path.join(here, "..", "fixtures", "labels", "quotes")
    seeds = os.path.join(args.shared, "seeds")
    corpus = os.path.join(args.shared, "corpora/gothamist/gothamist.jsonl")
    if not os.path.isdir(seeds) or not os.path.isfile(corpus):
        print(f"skip: {seeds} or {corpus} not found")
        return 77
    failed = False
    with tempfile.TemporaryDirectory() as work:
        gothamist = lambda labels: [gothamist_bundle(args.shared, {k[0] for k in labels}, work)]
        for name, inputs in (("seeds", lambda labels: [seeds]), ("gothamist", gothamist),
                             ("gothamist-heldout", gothamist)):
            labels = read_labels([os.path.join(label_dir, name + ".tsv")])
            print(f"quotes: {name}")
            pred, seen = predictions(dry_run(args.bin_dir, inputs(labels)))
            p, r, attributed, gold, correct = score(labels, pred, seen, args.errors)
            articles = len({k[0] for k in labels})
            print(f"quotes: {name}: {articles} articles, {len(labels)} quotations labelled, "
                  f"{gold} with a speaker; attributed {attributed}, right {correct}: "
                  f"precision {p:.3f} recall {r:.3f}")
            failed = failed or p < args.min_precision
        failed = not acceptance(args.bin_dir, seeds, work) or failed
    print("quotes: precision target " + ("MISSED" if failed else "met") +
          f" (>= {args.min_precision})")
    return 1 if failed else 0


def acceptance(bin_dir, seeds, work):
    """The issue's checks on an index of the seeds: her quotes and only hers;
    one speaker whatever the spelling."""
    index = os.path.join(work, "seeds-index")
    subprocess.run([os.path.join(bin_dir, "nsearch-index"), "-q", "--index", index, seeds],
                   check=False)

    def quotes(name):
        out = subprocess.run([os.path.join(bin_dir, "nsearch"), "--index", index, "--json", "-n",
                              "0", "--quotes", name], capture_output=True, text=True, check=False)
        return json.loads(out.stdout or "{}")

    labels = read_labels([os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                       "fixtures", "labels", "quotes", "seeds.tsv")])
    hers = {(k[0], k[1]) for k, v in labels.items() if last_word(v) == "snegovaya"}
    r = quotes("Snegovaya")
    got = {(os.path.basename(q["path"]), q["paragraph"]) for q in r.get("quotes", [])}
    only_hers = {q["speaker"] for q in r.get("quotes", [])} == {"Maria Snegovaya"}
    ok = got == hers and only_hers
    print(f"quotes: acceptance: --quotes Snegovaya lists {len(r.get('quotes', []))} quotes in "
          f"{len(got)} paragraphs, labelled hers: {len(hers)}: " + ("ok" if ok else "FAILED"))
    a, b = quotes("Zelensky"), quotes("Zelenskyy")
    same = a.get("quotes") == b.get("quotes") and a.get("speaker") == b.get("speaker")
    found = bool(a.get("quotes"))
    print(f"quotes: acceptance: --quotes Zelensky and --quotes Zelenskyy: {a.get('speaker')}, "
          f"{len(a.get('quotes', []))} quotes, the same: " + ("ok" if same and found else "FAILED"))
    return ok and same and found


def cmd_list(args):
    with open(args.dry_run, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            print(f"=== {article_key(a['path'])}")
            prev = ""
            for p in a["paragraphs"]:
                if p["kind"] != "body":
                    continue
                spans = find_spans(p["text"])
                if spans:
                    print(f"  (before) {prev[-200:]}")
                    text = p["text"]
                    for ordinal, (b, e) in reversed(list(enumerate(spans, 1))):
                        text = text[:b] + f"[{ordinal}]" + text[b:]
                    print(f"  {p['n']}: {text}")
                prev = p["text"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("score")
    s.add_argument("--shared", required=True)
    s.add_argument("--errors", action="store_true", help="print each wrong or missed quote")
    s.add_argument("--min-precision", type=float, default=0.9)
    s.add_argument("bin_dir")
    s.set_defaults(func=cmd_score)
    li = sub.add_parser("list")
    li.add_argument("dry_run")
    li.set_defaults(func=cmd_list)
    args = ap.parse_args()
    sys.exit(args.func(args))


if __name__ == "__main__":
    main()
