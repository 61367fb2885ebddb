"""Thai search text: what "a page contains the query" means, in one place.

Every function here has a twin in ``docs/assets/search/core.js`` that must give the same answer
(``tests/test_search_browser.py`` runs both on the same strings and compares them):

``canonical``
    The form a text is stored and shown in: NFC, ``ํา`` written as ``ำ``, two ``เ`` as ``แ``, a
    tone mark typed before an upper vowel moved after it, and the invisible line-break hints
    (zero-width space, soft hyphen, joiners) removed. It looks exactly like the input.

``normalise``
    What is compared. ``canonical``, then lower case, Thai digits as Arabic digits (๒๕๔๗ =
    2547), the dot after a Thai letter removed (ก.พ.ร. = กพร, พ.ศ. = พศ) and all white space
    removed, because Thai is written without spaces between words and people type it both ways.
    Tone marks and vowels stay, so เขา and เข้า remain different words.

A page's text is a list of blocks (the title, each value of the metadata panel, each paragraph,
list item, heading and table cell). A query is split at its spaces into parts; a page matches
when every normalised part occurs in one of its normalised blocks. That is the ground truth the
tests compute and the exact rule the browser applies.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"

#: White space, as JavaScript's ``\s`` defines it (the browser twin uses ``\s``).
SPACE_CHARS = ("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
               "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
_SPACE = re.compile(f"[{SPACE_CHARS}]+")
#: The same without the block breaks (below).
_SPACE_IN_BLOCK = re.compile("[{}]+".format(SPACE_CHARS.replace("\t", "").replace("\n", "")
                                             .replace("\r", "")))
#: Invisible characters that only hint where a line may break.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060]")
#: Sara am typed as nikhahit + sara aa, perhaps with the tone mark between them (น ํ ้ า).
_NIKHAHIT_AA = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_TONE_BEFORE_UPPER = re.compile("([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37\u0e47])")
#: A dot right after a Thai letter, vowel or mark (not after a Thai digit): an abbreviation dot.
_THAI_DOT = re.compile("(?<=[\u0e01-\u0e4e])\\.")
#: Blocks are separated by line breaks (and tabs, which is how innerText separates table cells).
_BLOCK_BREAK = re.compile("[\n\r\t]+")


def canonical(text: str) -> str:
    """NFC plus the usual Thai typing variants, with invisible break hints removed."""
    text = unicodedata.normalize("NFC", text)
    text = _NIKHAHIT_AA.sub("\\1\u0e33", text).replace("\u0e40\u0e40", "\u0e41")
    text = _TONE_BEFORE_UPPER.sub(r"\2\1", text)
    return _INVISIBLE.sub("", text)


def canonical_blocks(blocks: list[str]) -> list[str]:
    """``canonical`` of each block (on the joined text at once when no block has a line break:
    quicker, and no step of ``canonical`` reaches across one)."""
    if not blocks or any("\n" in b for b in blocks):
        return [canonical(b) for b in blocks]
    return canonical("\n".join(blocks)).split("\n")


def fold_digits(text: str) -> str:
    """๒๕๔๗ -> 2547."""
    # ten str.replace are many times quicker than str.translate on long text
    for digit, arabic in zip(THAI_DIGITS, "0123456789", strict=True):
        if digit in text:
            text = text.replace(digit, arabic)
    return text


def normalise(text: str) -> str:
    """The form in which text is compared (see the module docstring)."""
    text = fold_digits(canonical(text).lower())
    text = _THAI_DOT.sub("", text)
    return _SPACE.sub("", text)


def normalise_blocks(blocks: Iterable[str]) -> list[str]:
    """Each block normalised; a block may itself hold line breaks, which also separate.

    The same as ``normalise`` of each piece, done on the joined text at once (quicker for an
    index of many pages): no step of ``normalise`` reaches across a line break.
    """
    text = _THAI_DOT.sub("", fold_digits(canonical("\n".join(blocks)).lower()))
    return [n for n in _BLOCK_BREAK.split(_SPACE_IN_BLOCK.sub("", text)) if n]


def query_parts(query: str) -> list[str]:
    """The parts a page must contain: the query split at its spaces, each normalised.

    A part that starts with ``ๆ`` belongs to the word before it (``ต่าง ๆ`` is ``ต่างๆ``).
    """
    parts: list[str] = []
    for word in _SPACE.split(canonical(query)):
        part = normalise(word)
        if part.startswith("ๆ") and parts:
            parts[-1] += part
        elif part:
            parts.append(part)
    return parts


def matches(blocks: Sequence[str], parts: Sequence[str]) -> bool:
    """Ground truth: every part occurs in some normalised block (``normalise_blocks``)."""
    return bool(parts) and all(any(p in b for b in blocks) for p in parts)


def grams(text: str, n: int = 3) -> list[str]:
    """All character n-grams of a normalised text (the text itself when it is that short)."""
    if len(text) <= n:
        return [text]
    return [text[i:i + n] for i in range(len(text) - n + 1)]


#: A query part is looked up by at most this many grams.
MAX_LOOKUP_GRAMS = 8


def lookup_grams(part: str, n: int = 3) -> list[str]:
    """The grams a query part is looked up by: trigrams that cover it end to end without
    overlapping (the last one ends at the part's end), at most ``MAX_LOOKUP_GRAMS`` of them.

    Any page containing the part contains every one of its trigrams, so this never loses a
    page; fewer grams only mean more candidates for the browser to confirm against the text.
    """
    if len(part) <= n:
        return [part]
    starts = list(range(0, len(part) - n + 1, n))
    if starts[-1] != len(part) - n:
        starts.append(len(part) - n)
    if len(starts) > MAX_LOOKUP_GRAMS:
        k = MAX_LOOKUP_GRAMS - 1
        starts = [starts[round(i * (len(starts) - 1) / k)] for i in range(k + 1)]
    return list(dict.fromkeys(part[s:s + n] for s in starts))
