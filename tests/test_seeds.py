"""The repository's own content: the five seeds are published faithfully and the corpus is valid.

Faithful means: every line of a document's body, with Markdown markup and whitespace removed,
occurs in its original (``source``) in the same order, and together the lines cover nearly all
of the original (only website chrome such as menus may be left out). Metadata-only records carry
no text at all, so nothing can have been invented for them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from sarabun.corpus import load_corpus
from sarabun.frontmatter import load_strings
from sarabun.model import Document

SEEDS = sorted((ROOT / "docs" / "originals").glob("00[0-4]_*.txt"))
_MARKUP = [
    (re.compile(r"^\s*#{1,6}\s+"), ""),  # headings
    (re.compile(r"^\s*(?:[-*+]|\d+\.)\s+"), ""),  # list items
    (re.compile(r"^\s*>\s?"), ""),  # block quotes
    (re.compile(r"\*\*|__"), ""),  # bold
    (re.compile(r"\{:?\s*#[\w-]+\s*\}\s*$"), ""),  # attr-list anchors
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])"), r"\1"),  # backslash escapes
]
_WS = re.compile(r"\s+")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}")


def pieces(body: str) -> list[str]:
    """The text pieces of a Markdown body in order: one per line, one per table cell."""
    out: list[str] = []
    for line in body.split("\n"):
        if _TABLE_SEP.match(line):
            continue
        if line.lstrip().startswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
        else:
            cells = [line]
        for cell in cells:
            for rx, repl in _MARKUP:
                cell = rx.sub(repl, cell)
            cell = _WS.sub("", cell)
            if cell:
                out.append(cell)
    return out


def without_chrome(original: str, chrome: list[str]) -> str:
    """The original without the listed website chrome lines (whole lines, whitespace ignored).

    Each chrome entry must be a whole line of the original, so the list cannot hide content.
    """
    lines = [_WS.sub("", line) for line in original.split("\n")]
    for entry in chrome:
        piece = _WS.sub("", entry)
        assert piece in lines, f"chrome line not in the original: {entry}"
        lines.remove(piece)
    return "".join(lines)


def coverage(body: str, original: str) -> tuple[float, list[str]]:
    """Share of the original's characters matched in order, and the pieces not found."""
    text = _WS.sub("", original)
    pos, matched, missing = 0, 0, []
    for piece in pieces(body):
        at = text.find(piece, pos)
        if at < 0:
            missing.append(piece)
            continue
        pos = at + len(piece)
        matched += len(piece)
    return matched / max(len(text), 1), missing


@pytest.fixture(scope="module")
def corpus_docs() -> list[Document]:
    corpus = load_corpus(ROOT)
    assert [p.text() for p in corpus.problems] == []
    return corpus.documents


def test_all_seeds_published(corpus_docs: list[Document]) -> None:
    assert len(SEEDS) == 5
    sources = {d.source for d in corpus_docs}
    for seed in SEEDS:
        assert f"originals/{seed.name}" in sources, seed.name


CHROME = load_strings((Path(__file__).parent / "seed_chrome.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_seed_is_faithful(seed: Path, corpus_docs: list[Document]) -> None:
    doc = next(d for d in corpus_docs if d.source == f"originals/{seed.name}")
    assert isinstance(CHROME, dict)
    chrome = CHROME.get(seed.name, [])
    assert isinstance(chrome, list) and all(isinstance(c, str) for c in chrome)
    original = without_chrome(seed.read_text(encoding="utf-8"), [str(c) for c in chrome])
    share, missing = coverage(doc.body, original)
    assert missing == [], f"{doc.path}: text not in the original, or out of order"
    # What is left out beyond the chrome is list numbering that became Markdown lists.
    assert share >= 0.98, f"{doc.path}: only {share:.1%} of the original is published"


def test_faithfulness_check_can_fail() -> None:
    original = "ข้อ ๑ ระเบียบนี้เรียกว่า ระเบียบทดสอบ\nข้อ ๒ ให้ใช้บังคับ"
    assert coverage("## ข้อ ๑\n\nระเบียบนี้เรียกว่า ระเบียบทดสอบ\n\nข้อ ๒ ให้ใช้บังคับ", original) \
        == (1.0, [])
    assert coverage("ข้อ ๒ ให้ใช้บังคับ\n\nข้อ ๑ ระเบียบนี้", original)[1]  # order swapped
    assert coverage("ข้อ ๑ ระเบียบนี้เรียกว่า ระเบียบตัวอย่าง", original)[1]  # paraphrased
    assert coverage("| ข้อ ๑ | ระเบียบนี้เรียกว่า |\n|---|---|", original)[0] < 0.9


def test_metadata_only_records_have_no_text(corpus_docs: list[Document]) -> None:
    meta = [d for d in corpus_docs if d.status.code == "metadata-only"]
    assert len(meta) >= 5
    for d in meta:
        assert d.body.strip() == "", f"{d.path}: a metadata-only record must not carry text"
        assert d.note, f"{d.path}: say where the document is cited"
