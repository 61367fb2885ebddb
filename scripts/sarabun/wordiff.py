"""Word-level differences between two versions of a Thai text, and an accessible HTML rendering.

Thai is written without spaces between words, so a line diff marks a whole paragraph changed for
one corrected word. We split text into words with ICU's dictionary-based word boundaries (PyICU,
locale ``th``), falling back to pythainlp's ``newmm`` tokenizer when PyICU is not installed; the
tokens always join back to the exact text (spaces, newlines and punctuation are tokens too).

``diff`` first pairs up lines, then compares words inside the changed blocks only, which keeps it
fast on long documents. The result is a list of ``(op, text)`` with ``op`` one of ``equal``,
``insert`` and ``delete``. ``render_html`` marks insertions with ``<ins>`` and deletions with
``<del>``, each opened and closed by a visually hidden Thai label ("เพิ่ม", "ลบ") that screen
readers speak, and styled (``DIFF_CSS``) with underline and strike-through as well as colour, so
the change never depends on colour alone. All text is HTML-escaped.
"""

from __future__ import annotations

import difflib
import html
import importlib
import itertools
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, Literal

Op = Literal["equal", "insert", "delete"]
Chunk = tuple[Op, str]

INSERT_LABEL = "เพิ่ม"
DELETE_LABEL = "ลบ"

#: Styles for ``render_html``; the site includes them once. Not colour only: ins is underlined,
#: del is struck through, and each carries a hidden spoken label.
DIFF_CSS = """\
.sarabun-diff { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9; }
.sarabun-diff ins { text-decoration: underline; text-decoration-thickness: 2px;
  background: #e6ffec; color: inherit; }
.sarabun-diff del { text-decoration: line-through; text-decoration-thickness: 2px;
  background: #ffebe9; color: inherit; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0;
  margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
"""


# --- tokenising --------------------------------------------------------------------------------


@cache
def _icu() -> Any | None:
    try:
        return importlib.import_module("icu")
    except ImportError:
        return None


def tokenizer_name() -> str:
    """Which word splitter is in use: ``icu`` or ``pythainlp-newmm``."""
    return "icu" if _icu() is not None else "pythainlp-newmm"


def _icu_words(text: str) -> list[str]:
    icu = _icu()
    assert icu is not None
    breaker = icu.BreakIterator.createWordInstance(icu.Locale("th"))
    breaker.setText(text)
    bounds = [0, *breaker]  # offsets in UTF-16 code units
    if any(ord(c) > 0xFFFF for c in text):
        # map UTF-16 offsets to Python string indices (characters outside the BMP count twice)
        to_py: dict[int, int] = {}
        u16 = 0
        for i, c in enumerate(text):
            to_py[u16] = i
            u16 += 2 if ord(c) > 0xFFFF else 1
        to_py[u16] = len(text)
        bounds = [to_py[b] for b in bounds]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def _newmm_words(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    words: list[str] = word_tokenize(text, engine="newmm", keep_whitespace=True)
    if "".join(words) != text:  # never lose a character: fall back to one token per character
        return list(text)
    return words


def words(text: str) -> list[str]:
    """Split ``text`` into words, spaces and punctuation; ``"".join(words(t)) == t``."""
    if not text:
        return []
    return _icu_words(text) if _icu() is not None else _newmm_words(text)


# --- diffing -----------------------------------------------------------------------------------


def _merge(chunks: Iterable[Chunk]) -> list[Chunk]:
    """Join neighbours with the same op and drop empty chunks."""
    out: list[Chunk] = []
    for op, text in chunks:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return out


def _run(deleted: str, inserted: str) -> list[Chunk]:
    """One run of changes: drop words that only the tokenisation made differ.

    A misspelt word can make the word splitter cut its neighbours differently (``ดู|แล`` next to
    ``ปฎิบัติ`` but ``ดูแล`` next to ``ปฏิบัติ``); words both sides share at the start or end
    of the run are given back to the unchanged text.
    """
    if deleted == inserted:
        return [("equal", deleted)]
    old, new = words(deleted), words(inserted)
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while (tail < min(len(old), len(new)) - head
           and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]):
        tail += 1
    return [("equal", "".join(old[:head])),
            ("delete", "".join(old[head:len(old) - tail])),
            ("insert", "".join(new[head:len(new) - tail])),
            ("equal", "".join(old[len(old) - tail:]))]


def _tidy(chunks: list[Chunk]) -> list[Chunk]:
    """Within a run of changes, put all deletions before the insertions (easier to read)."""
    out: list[Chunk] = []
    i = 0
    while i < len(chunks):
        if chunks[i][0] == "equal":
            out.append(chunks[i])
            i += 1
            continue
        j = i
        while j < len(chunks) and chunks[j][0] != "equal":
            j += 1
        run = chunks[i:j]
        out += _run("".join(t for op, t in run if op == "delete"),
                    "".join(t for op, t in run if op == "insert"))
        i = j
    return _merge(out)


def _seq_diff(a: Sequence[str], b: Sequence[str],
              inner: Callable[[str, str], list[Chunk]] | None) -> list[Chunk]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Chunk] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            out.append(("equal", old))
        elif tag == "replace" and inner is not None:
            out += inner(old, new)
        else:
            out += [("delete", old), ("insert", new)]
    return out


def _word_diff(old: str, new: str) -> list[Chunk]:
    return _seq_diff(words(old), words(new), None)


def diff(old: str, new: str) -> list[Chunk]:
    """Word-level differences from ``old`` to ``new`` as ``(op, text)`` chunks.

    Joining the ``equal`` and ``delete`` texts gives ``old``; ``equal`` and ``insert`` give
    ``new``.
    """
    if old == new:
        return [("equal", old)] if old else []
    return _tidy(_merge(_seq_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                  _word_diff)))


def old_text(chunks: Iterable[Chunk]) -> str:
    return "".join(t for op, t in chunks if op != "insert")


def new_text(chunks: Iterable[Chunk]) -> str:
    return "".join(t for op, t in chunks if op != "delete")


def stats(chunks: Iterable[Chunk]) -> dict[str, int]:
    """How many words (not spaces or punctuation) were inserted and deleted."""
    counts = {"insert": 0, "delete": 0}
    for op, text in chunks:
        if op != "equal":
            counts[op] += sum(1 for w in words(text) if any(c.isalnum() for c in w))
    return counts


# --- HTML --------------------------------------------------------------------------------------


def _hidden(text: str) -> str:
    return f'<span class="visually-hidden">{html.escape(text)}</span>'


def render_html(chunks: Iterable[Chunk], wrap: bool = True) -> str:
    """HTML of a diff: ``<ins>``/``<del>`` with hidden Thai labels; all text escaped.

    Read aloud, an insertion is "[เพิ่ม: …]" and a deletion "[ลบ: …]". With ``wrap`` the result
    is inside ``<div class="sarabun-diff">`` (newlines kept by ``DIFF_CSS``).
    """
    parts: list[str] = []
    for op, text in chunks:
        body = html.escape(text, quote=False)
        if op == "equal":
            parts.append(body)
        elif op == "insert":
            parts.append(f"<ins>{_hidden(f'[{INSERT_LABEL}: ')}{body}{_hidden(']')}</ins>")
        else:
            parts.append(f"<del>{_hidden(f'[{DELETE_LABEL}: ')}{body}{_hidden(']')}</del>")
    inner = "".join(parts)
    return f'<div class="sarabun-diff">{inner}</div>' if wrap else inner
