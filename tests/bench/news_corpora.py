"""Readers for the shared corpora (../shared/corpora) used by the benchmark
generators, and the writer of one bundle article.

Every reader yields Article(relpath, title, paragraphs, meta): relpath is the
file the article becomes inside a bundle (no .txt), title one line, paragraphs
a list of one-paragraph strings. Nothing here is copied into the repository:
the generators call these at run time and write into a temporary directory.
"""
import html
import json
import os
import re
from typing import Iterator, List, NamedTuple

_WS = re.compile(r"\s+")


class Article(NamedTuple):
    relpath: str
    title: str
    paragraphs: List[str]
    meta: dict


def collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def article_text(article: Article) -> str:
    """The bundle format: title line, blank line, paragraphs separated by one blank line."""
    parts = [collapse(article.title)] + [p for p in (collapse(q) for q in article.paragraphs) if p]
    return "\n\n".join(parts) + "\n"


def write_article(bundle_dir: str, article: Article) -> int:
    """Writes bundle_dir/relpath.txt; returns the bytes written."""
    data = article_text(article).encode("utf-8")
    path = os.path.join(bundle_dir, article.relpath + ".txt")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-")[:120] or "x"


# ------------------------------------------------------------------ gothamist

def gothamist(corpora: str, prefix: str = "gothamist") -> Iterator[Article]:
    """22,573 articles from gothamist/gothamist.jsonl, as prefix/<author>/<slug>."""
    with open(os.path.join(corpora, "gothamist", "gothamist.jsonl"), encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            author, _, slug = d["id"].partition("/")
            paras = [p for p in re.split(r"\n\s*\n", d.get("text", "")) if p.strip()]
            rel = "/".join(x for x in (prefix, _safe(author), _safe(slug)) if x)
            yield Article(rel, d.get("title", ""), paras,
                          {"author": d.get("author", ""), "date": d.get("date", "")})


# ------------------------------------------------------------------ Reuters-21578

_REUTERS = re.compile(r"<REUTERS([^>]*)>(.*?)</REUTERS>", re.S)
_ENTITY = re.compile(r"&#\d+;")


def _tag(doc: str, tag: str) -> str:
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), doc, re.S)
    return m.group(1) if m else ""


def _codes(doc: str, tag: str) -> List[str]:
    return re.findall(r"<D>(.*?)</D>", _tag(doc, tag))


def _unescape(text: str) -> str:
    return html.unescape(_ENTITY.sub(" ", text))


def reuters_paragraphs(body: str) -> List[str]:
    """A story body: lines wrapped at ~70 columns, a paragraph starts at an
    indented line; the closing 'Reuter' signature is dropped."""
    lines = _unescape(body).split("\n")
    while lines and (not lines[-1].strip() or lines[-1].strip().lower() in ("reuter", "reuters")):
        lines.pop()
    paras, cur = [], []
    for line in lines:
        if (not line.strip() or line[:1] in (" ", "\t")) and cur:
            paras.append(" ".join(cur))
            cur = []
        if line.strip():
            cur.append(line.strip())
    if cur:
        paras.append(" ".join(cur))
    return paras


def reuters(corpora: str, prefix: str = "reuters") -> Iterator[Article]:
    """The 19,043 Reuters-21578 stories with a <BODY> and the 737 unprocessed
    ones (TEXT TYPE="UNPROC": first line = title), as prefix/<NEWID>; the
    headline-only briefs are left out. meta: newid, topics (codes),
    topics_attr (YES/NO/BYPASS), unproc."""
    src = os.path.join(corpora, "reuters21578")
    for name in sorted(n for n in os.listdir(src) if re.fullmatch(r"reut2-\d+\.sgm", n)):
        with open(os.path.join(src, name), encoding="latin-1") as f:
            raw = f.read()
        for m in _REUTERS.finditer(raw):
            attrs, doc = m.group(1), m.group(2)
            newid = re.search(r'NEWID="(\d+)"', attrs).group(1)
            meta = {"newid": newid, "topics": _codes(doc, "TOPICS"),
                    "topics_attr": re.search(r'TOPICS="(\w+)"', attrs).group(1), "unproc": False}
            body = _tag(doc, "BODY")
            if body.strip():
                title = _unescape(_tag(doc, "TITLE"))
                paras = reuters_paragraphs(body)
                dateline = collapse(_unescape(_tag(doc, "DATELINE")))
                if dateline and paras:
                    paras[0] = f"{dateline} {paras[0]}"
            else:
                raw_text = re.search(r'<TEXT TYPE="UNPROC">(.*?)</TEXT>', doc, re.S)
                if not raw_text:
                    continue  # a headline-only brief
                title, _, rest = _unescape(raw_text.group(1)).strip().partition("\n")
                paras = reuters_paragraphs(rest)
                meta["unproc"] = True
            yield Article(f"{prefix}/{newid}", collapse(title), paras, meta)


# ------------------------------------------------------------------ 20 Newsgroups

def newsgroups(corpora: str, prefix: str = "20newsgroups") -> Iterator[Article]:
    """18,846 posts: the Subject header as title, the body (after the headers)
    as paragraphs; as prefix/<split>/<group>/<id>."""
    root = os.path.join(corpora, "20newsgroups")
    for split in ("20news-bydate-train", "20news-bydate-test"):
        for group in sorted(os.listdir(os.path.join(root, split))):
            gdir = os.path.join(root, split, group)
            for name in sorted(os.listdir(gdir)):
                with open(os.path.join(gdir, name), "rb") as f:
                    raw = f.read()
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    text = raw.decode("latin-1")
                head, _, body = text.replace("\r\n", "\n").partition("\n\n")
                subject = next((l[8:].strip() for l in head.split("\n")
                                if l.lower().startswith("subject:")), "")
                paras = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
                yield Article(f"{prefix}/{split[14:]}/{group}/{_safe(name)}", subject or group,
                              paras, {})


# ------------------------------------------------------------------ BBC News

def bbc(corpora: str, prefix: str = "bbc") -> Iterator[Article]:
    """2,225 BBC News articles (already title line + paragraphs), as prefix/<category>/<nnn>."""
    root = os.path.join(corpora, "bbc_news", "bbc")
    for cat in sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d))):
        for name in sorted(n for n in os.listdir(os.path.join(root, cat)) if n.endswith(".txt")):
            with open(os.path.join(root, cat, name), encoding="utf-8", errors="replace") as f:
                title, _, rest = f.read().partition("\n")
            paras = [p for p in re.split(r"\n\s*\n|\n", rest) if p.strip()]
            yield Article(f"{prefix}/{cat}/{name[:-4]}", title, paras, {})
