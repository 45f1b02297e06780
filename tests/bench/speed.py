#!/usr/bin/env python3
"""Speed and size benchmark (issue 8): nsearch against omindex + quest and
SQLite FTS5 (a row per paragraph), every index built from empty, in one run.
Called by speed.sh, which builds the bundles and installs the peers.

Usage: speed.py --bin DIR --bundles DIR --work DIR --queries FILE
                [--runs 3] [--passes 3] [--bundle gothamist --bundle mix] [--docs FILE]
       speed.py fts5-load DB BUNDLE      (the FTS5 loader, timed as a process)
"""
import argparse
import datetime
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

ENTITY_LOOKUPS = [
    ("--person \"Bill de Blasio\"", ["--person", "Bill de Blasio"]),
    ("--with \"Bill de Blasio\"", ["--with", "Bill de Blasio"]),
    ("--list person --limit 50", ["--list", "person", "--limit", "50"]),
    ("--facets \"city council\"", ["--facets", "city council"]),
]
MB = 1e6
DOC_BEGIN, DOC_END = "<!-- speed.sh table: begin -->", "<!-- speed.sh table: end -->"


# ------------------------------------------------------------------ FTS5 loader

def fts5_load(db, bundle):
    """fts5(path UNINDEXED, pno UNINDEXED, text, porter unicode61): one row per
    paragraph (the title is paragraph 0), one transaction, then optimize."""
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE p USING fts5(path UNINDEXED, pno UNINDEXED, text, "
                "tokenize='porter unicode61')")
    with con:
        for root, dirs, files in os.walk(bundle):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(".txt"):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    paras = [p for p in re.split(r"\n\s*\n", f.read()) if p.strip()]
                con.executemany("INSERT INTO p(path, pno, text) VALUES (?, ?, ?)",
                                ((path, i, t) for i, t in enumerate(paras)))
        con.execute("INSERT INTO p(p) VALUES ('optimize')")
    con.close()


# ------------------------------------------------------------------ measuring

def timed(cmd, rss_file=None):
    """(wall seconds, exit code, peak RSS in bytes or None, stderr) of one process."""
    if rss_file:
        cmd = ["/usr/bin/time", "-v", "-o", rss_file] + cmd
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    rss = None
    if rss_file:
        with open(rss_file) as f:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
        rss = int(m.group(1)) * 1024 if m else None
    return wall, p.returncode, rss, p.stderr.decode("utf-8", "replace")


def du(path):
    out = subprocess.run(["du", "-sk", path], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) * 1024


def percentile(values, p):
    """Nearest rank."""
    v = sorted(values)
    k = max(1, min(len(v), int(p / 100.0 * len(v) + 0.999999)))
    return v[k - 1]


class Bench:
    def __init__(self, a):
        self.a = a
        self.bin = a.bin
        self.idx = os.path.join(a.work, "indexes")
        os.makedirs(self.idx, exist_ok=True)
        self.peers = [p for p in ("omega", "fts5") if self.peer_available(p)]
        with open(os.path.join(a.bundles, "manifest.json")) as f:
            self.manifest = json.load(f)["bundles"]
        self.queries = [l.rstrip("\n") for l in open(a.queries, encoding="utf-8")
                        if l.strip() and not l.startswith("#")]
        self.r = {}  # results, keyed "bundle.engine.figure"
        self.failures = []

    @staticmethod
    def peer_available(p):
        if p == "omega":
            return bool(shutil.which("omindex") and shutil.which("quest"))
        try:
            sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
            return True
        except sqlite3.Error:
            return False

    def index_path(self, bundle, engine):
        return os.path.join(self.idx, f"{bundle}.{engine}")

    def build_cmd(self, bundle, engine):
        src = os.path.join(self.a.bundles, bundle)
        db = self.index_path(bundle, engine)
        if engine == "nsearch":
            return [os.path.join(self.bin, "nsearch-index"), "--index", db, src]
        if engine == "omega":
            return ["omindex", "--db", db, "--url", "/", "--overwrite", "--empty-docs=index",
                    "-Mtxt:text/plain", src]
        return [sys.executable, os.path.abspath(__file__), "fts5-load", db, src]

    def build(self, bundle, engine, rerun=False):
        db = self.index_path(bundle, engine)
        if not rerun:
            shutil.rmtree(db, ignore_errors=True)
            if os.path.isfile(db):
                os.remove(db)
        wall, rc, rss, err = timed(self.build_cmd(bundle, engine), os.path.join(self.a.work, "time.txt"))
        ok = rc == 0 or (engine == "nsearch" and rc == 1)  # 1 = some inputs skipped
        if not ok:
            self.failures.append(f"{engine} on {bundle} exited {rc}: {err.strip()[-300:]}")
        what = "re-run" if rerun else "full"
        print(f"  {bundle:10s} {engine:8s} {what:6s} {wall:7.1f} s  peak {rss / MB if rss else 0:5.0f} MB"
              + ("" if ok else f"  FAILED rc={rc}"), file=sys.stderr, flush=True)
        if engine == "nsearch" and not rerun:
            last = [l for l in err.strip().split("\n") if l.strip()]
            self.r[f"{bundle}.nsearch.summary"] = last[-1] if last else ""
        key = f"{bundle}.{engine}.{'rerun' if rerun else 'build'}"
        self.r.setdefault(key, []).append(wall)
        if not rerun:
            self.r.setdefault(f"{bundle}.{engine}.rss", []).append(rss or 0)

    def index_phase(self, bundle, with_samples):
        engines = ["nsearch"] + self.peers
        for run in range(self.a.runs):
            for e in engines:
                self.build(bundle, e)
            if with_samples:
                for s in ("mix25", "mix50"):
                    self.build(s, "nsearch")
        for e in engines:
            self.r[f"{bundle}.{e}.size"] = du(self.index_path(bundle, e))
        for run in range(self.a.runs):
            self.build(bundle, "nsearch", rerun=True)
        if with_samples:
            for s in ("mix25", "mix50"):
                shutil.rmtree(self.index_path(s, "nsearch"), ignore_errors=True)

    def query_phase(self, bundle):
        ns = [os.path.join(self.bin, "nsearch"), "--index", self.index_path(bundle, "nsearch")]
        kinds = {"plain": lambda q: ns + ["--limit", "10", q],
                 "facets": lambda q: ns + ["--limit", "10", "--facets", q]}
        if "omega" in self.peers:
            db = self.index_path(bundle, "omega")
            kinds["quest"] = lambda q: ["quest", "-d", db, "-m", "10", "-o", "and", q]
        times = {k: [[] for _ in self.queries] for k in kinds}
        for p in range(self.a.passes + 1):  # pass 0 warms the page cache
            for i, q in enumerate(self.queries):
                for k, make in kinds.items():
                    wall, rc, _, err = timed(make(q))
                    if rc not in (0, 1):
                        self.failures.append(f"{k} on {bundle}: {q!r} exited {rc}: {err.strip()[-200:]}")
                    if p:
                        times[k][i].append(wall)
        for k, per_query in times.items():
            med = [statistics.median(t) for t in per_query]
            self.r[f"{bundle}.{k}.p50"] = percentile(med, 50)
            self.r[f"{bundle}.{k}.p99"] = percentile(med, 99)
        reps = 5 * self.a.passes
        # The mix's lookups are held against gothamist's: both indexes are
        # timed here, run by run, so that the ratio does not take the
        # machine's drift between the two phases.
        against = {bundle: ns}
        gothamist = self.index_path("gothamist", "nsearch")
        if bundle == "mix" and os.path.isdir(gothamist):
            against["gothamist"] = ns[:2] + [gothamist]
        for label, args in ENTITY_LOOKUPS:
            walls = {k: [] for k in against}
            for _ in range(reps + 1):
                for k, cmd in against.items():
                    wall, rc, _, err = timed(cmd + args)
                    if rc not in (0, 1):
                        self.failures.append(f"nsearch {label} on {k} exited {rc}: {err.strip()[-200:]}")
                    walls[k].append(wall)
            self.r[f"{bundle}.lookup.{label}"] = statistics.median(walls[bundle][1:])
            if "gothamist" in walls and bundle != "gothamist":
                self.r[f"{bundle}.lookup_gothamist.{label}"] = statistics.median(walls["gothamist"][1:])
        floor = [timed(["true"])[0] for _ in range(reps + 1)][1:]
        start = [timed([ns[0], "--version"])[0] for _ in range(reps + 1)][1:]
        self.r[f"{bundle}.true.p50"] = statistics.median(floor)
        self.r[f"{bundle}.version.p50"] = statistics.median(start)
        qb = os.path.join(self.bin, "nsearch-query-bench")
        if os.access(qb, os.X_OK):
            for facets in (False, True):
                cmd = [qb, "--index", ns[2], "--queries", self.a.queries, "--passes", "5"]
                p = subprocess.run(cmd + (["--facets"] if facets else []), capture_output=True, text=True)
                m = dict(re.findall(r"(\w+)=(\d+)", p.stdout))
                if p.returncode != 0 or "p50_us" not in m:
                    self.failures.append(f"nsearch-query-bench on {bundle}: rc {p.returncode} {p.stderr[-200:]}")
                    continue
                tag = "inproc_facets" if facets else "inproc"
                self.r[f"{bundle}.{tag}.p50"] = int(m["p50_us"]) / 1e6
                self.r[f"{bundle}.{tag}.p99"] = int(m["p99_us"]) / 1e6
        else:
            self.failures.append(f"{qb} not built: no in-process figures")
        print(f"  {bundle:10s} queries done", file=sys.stderr, flush=True)

    # -------------------------------------------------------------- the table

    def med(self, key):
        v = self.r.get(key)
        return statistics.median(v) if isinstance(v, list) and v else v

    def table(self):
        rows = []

        def row(figure, ours, peers="", target="", ratio=None, limit=None, value=None, shown=None):
            """value (default: ratio) is checked against limit; shown replaces the ratio text."""
            v = ratio if value is None else value
            verdict = "" if limit is None or v is None else ("met" if v <= limit else "missed")
            text = shown or ("-" if ratio is None else f"{ratio:.2f}x")
            rows.append((figure, ours, peers, text, target, verdict))

        s = lambda v: "-" if v is None else f"{v:.1f} s"  # noqa: E731
        mb = lambda v: "-" if v is None else f"{v / MB:.0f} MB"  # noqa: E731
        ms = lambda v: "-" if v is None else f"{v * 1e3:.1f} ms"  # noqa: E731
        us = lambda v: "-" if v is None else f"{v * 1e6:.0f} µs"  # noqa: E731
        div = lambda a, b: a / b if a is not None and b else None  # noqa: E731
        peer_name = {"omega": "omindex", "fts5": "FTS5"}
        for b in self.a.bundle:
            text = self.manifest[b]["bytes"]
            n = {"mix": "140 MB mix"}.get(b, b)
            engines = ["nsearch"] + self.peers
            build = {e: self.med(f"{b}.{e}.build") for e in engines}
            rss = {e: self.med(f"{b}.{e}.rss") for e in engines}
            size = {e: self.r.get(f"{b}.{e}.size") for e in engines}
            peers = lambda fmt: "; ".join(f"{peer_name[e]} {fmt(e)}" for e in self.peers)  # noqa: E731
            ns = build["nsearch"]
            row(f"{n}: full index, wall", s(ns), peers(lambda e: s(build[e])), "≤ 0.5x omindex",
                div(ns, build.get("omega")), 0.5)
            row(f"{n}: full index vs FTS5 (stretch)", s(ns), f"FTS5 {s(build.get('fts5'))}",
                "≤ 3x FTS5", div(ns, build.get("fts5")), 3.0)
            row(f"{n}: peak RSS while indexing", mb(rss["nsearch"]), peers(lambda e: mb(rss[e])),
                "≤ 300 MB", limit=300, value=div(rss["nsearch"], MB))
            if b == "mix" and self.med("mix25.nsearch.rss"):
                r25 = self.med("mix25.nsearch.rss")
                row(f"{n}: peak RSS vs its 25% sample", mb(rss["nsearch"]), f"25% sample {mb(r25)}",
                    "≤ 1.25x", div(rss["nsearch"], r25), 1.25)
            row(f"{n}: index size ({text / MB:.1f} MB of text)",
                f"{mb(size['nsearch'])} ({size['nsearch'] / text:.1f}x)",
                peers(lambda e: f"{mb(size[e])} ({size[e] / text:.1f}x)"), "≤ 3x the text",
                size["nsearch"] / text, 3.0)
            got = lambda k: self.r.get(f"{b}.{k}")  # noqa: E731
            qp50, qp99 = got("quest.p50"), got("quest.p99")
            row(f"{n}: query p50, whole process ({len(self.queries)} queries)", ms(got("plain.p50")),
                f"quest {ms(qp50)}", "≤ 1.25x quest", div(got("plain.p50"), qp50), 1.25)
            row(f"{n}: query p99, whole process", ms(got("plain.p99")), f"quest {ms(qp99)}",
                "≤ 1.5x quest", div(got("plain.p99"), qp99), 1.5)
            row(f"{n}: query with --facets p99", ms(got("facets.p99")), f"quest {ms(qp99)}",
                "≤ 3x quest", div(got("facets.p99"), qp99), 3.0)
            row(f"{n}: query in process (Searcher) p50 / p99",
                f"{us(got('inproc.p50'))} / {us(got('inproc.p99'))}", "", "p50 < 1 ms",
                limit=1.0, value=div(got("inproc.p50"), 1e-3))
            row(f"{n}: in process with facets p50 / p99",
                f"{us(got('inproc_facets.p50'))} / {us(got('inproc_facets.p99'))}")
            for label, _ in ENTITY_LOOKUPS:
                v = got(f"lookup.{label}")
                g = got(f"lookup_gothamist.{label}")
                how = "run by run"
                if g is None:  # gothamist's index was gone by the mix's phase
                    g, how = self.r.get(f"gothamist.lookup.{label}"), "in its own phase"
                if b == "gothamist" or g is None:
                    row(f"{n}: `{label}` p50", ms(v), f"quest p50 {ms(qp50)}", "≤ 3x quest",
                        div(v, qp50), 3.0)
                else:
                    row(f"{n}: `{label}` p50", ms(v), f"gothamist {ms(g)}, {how}; quest p50 {ms(qp50)}",
                        "≤ 1.5x gothamist", div(v, g), 1.5)
            rerun = self.med(f"{b}.nsearch.rerun")
            pct = div(rerun, ns)
            row(f"{n}: re-run with nothing changed", s(rerun), f"full build {s(ns)}",
                "≤ 3% of a full build", limit=0.03, value=pct,
                shown=None if pct is None else f"{100 * pct:.1f}%")
            row(f"{n}: process start-up, `nsearch --version` p50", ms(got("version.p50")),
                f"`true` {ms(got('true.p50'))}")
            if b == "mix" and self.med("mix25.nsearch.build"):
                per = [self.med(f"{k}.nsearch.build") / (self.manifest[k]["bytes"] / MB)
                       for k in ("mix25", "mix50", "mix")]
                row("mix: index time per MB at 25% / 50% / 100%",
                    " / ".join(f"{v:.3f}" for v in per) + " s/MB", "", "within 1.2x",
                    max(per) / min(per), 1.2)
        out = ["| figure | nsearch | peers | ratio | target | |", "|---|---|---|---|---|---|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)

    def notes(self):
        def ver(cmd):
            try:
                return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().split("\n")[0]
            except OSError:
                return "-"
        here = os.path.dirname(os.path.abspath(__file__))
        commit = ver(["git", "-C", here, "describe", "--always", "--dirty"])
        lines = [f"Measured {datetime.date.today()} on {os.cpu_count()} cores, commit {commit}, "
                 f"{ver([os.path.join(self.bin, 'nsearch'), '--version'])}, "
                 f"{ver(['omindex', '--version']) if 'omega' in self.peers else 'omindex absent'}, "
                 f"SQLite {sqlite3.sqlite_version}. Indexing figures: median of {self.a.runs} run(s), "
                 f"each from empty; queries: median per query of {self.a.passes} pass(es) after a warm-up, "
                 "then p50/p99 over the queries; lookups: median of "
                 f"{5 * self.a.passes} runs; in process: median of 5 passes."]
        for b in self.a.bundle:
            lines.append(f"{b}: {self.manifest[b]['articles']:,} articles, "
                         f"{self.manifest[b]['bytes'] / MB:.1f} MB of text; nsearch-index said: "
                         f"`{self.r.get(f'{b}.nsearch.summary', '')}`")
        return "\n".join(lines)


def rewrite_docs(path, block):
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    if DOC_BEGIN in doc and DOC_END in doc:
        head, rest = doc.split(DOC_BEGIN, 1)
        _, tail = rest.split(DOC_END, 1)
        doc = head + DOC_BEGIN + "\n" + block + "\n" + DOC_END + tail
    else:
        doc = doc.rstrip("\n") + "\n\n" + DOC_BEGIN + "\n" + block + "\n" + DOC_END + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "fts5-load":
        fts5_load(sys.argv[2], sys.argv[3])
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--bundles", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--bundle", action="append", choices=["gothamist", "mix"])
    ap.add_argument("--docs", help="rewrite the table between the markers in this file")
    ap.add_argument("--keep", action="store_true", help="keep the indexes in WORK/indexes")
    a = ap.parse_args()
    a.bundle = a.bundle or ["gothamist", "mix"]
    b = Bench(a)
    print(f"speed: peers {', '.join(b.peers) or 'none'}; {len(b.queries)} queries; "
          f"{a.runs} run(s)", file=sys.stderr)
    for bundle in a.bundle:
        b.index_phase(bundle, with_samples=(bundle == "mix"))
        b.query_phase(bundle)
    block = b.table() + "\n\n" + b.notes()
    print("\n" + block)
    with open(os.path.join(a.work, "speed-results.json"), "w") as f:
        json.dump(b.r, f, indent=1)
    with open(os.path.join(a.work, "speed-table.md"), "w") as f:
        f.write(block + "\n")
    if a.docs:
        rewrite_docs(a.docs, block)
        print(f"\ntable written to {a.docs}", file=sys.stderr)
    if not a.keep:
        shutil.rmtree(b.idx, ignore_errors=True)
    for f in b.failures[:20]:
        print("FAILED: " + f, file=sys.stderr)
    return 1 if b.failures else 0


if __name__ == "__main__":
    sys.exit(main())
