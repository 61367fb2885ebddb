"""Document ids: an ASCII value object that parses and prints round-trip.

``<issuer>-<type>[-<year>[-<number>]][-<slug>]``, e.g. ``opm-order-2545-301`` or
``opm-regulation-2547-regional-supervision``. The id is derived from metadata (issuer, type, BE
year, number) so that it, and the URL built from it, stays stable; a slug tells apart documents
that have no number. Issuer ids may contain hyphens, so parsing anchors on the fixed list of type
codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Kept here (not imported from model) so ids has no dependencies; model checks they agree.
TYPE_CODES = (
    "royal-decree", "cabinet-resolution", "regulation", "order", "act", "announcement",
    "policy", "plan", "report", "minutes", "profile",
)
_WORD = r"[a-z0-9]+"
_ID_RE = re.compile(
    rf"^(?P<issuer>[a-z][a-z0-9]*(?:-{_WORD})*?)"
    rf"-(?P<type>{'|'.join(re.escape(t) for t in TYPE_CODES)})"
    r"(?:-(?P<year>\d{4})(?:-(?P<number>\d+[a-z]?))?)?"
    r"(?:-(?P<slug>[a-z][a-z0-9]*(?:-[a-z0-9]+)*))?$"
)
_SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class IdError(ValueError):
    pass


@dataclass(frozen=True)
class DocumentId:
    issuer: str
    type: str
    year: int | None = None
    number: str | None = None
    slug: str | None = None

    def __post_init__(self) -> None:
        if self.number is not None and self.year is None:
            raise IdError("a number needs a year")
        if self.slug is not None and not _SLUG_RE.match(self.slug):
            raise IdError(f"bad slug {self.slug!r}")

    @classmethod
    def parse(cls, text: str) -> DocumentId:
        m = _ID_RE.match(text)
        if not m:
            raise IdError(text)
        year = m.group("year")
        return cls(
            issuer=m.group("issuer"),
            type=m.group("type"),
            year=int(year) if year else None,
            number=m.group("number"),
            slug=m.group("slug"),
        )

    def __str__(self) -> str:
        parts = [self.issuer, self.type]
        if self.year is not None:
            parts.append(str(self.year))
            if self.number is not None:
                parts.append(self.number)
        if self.slug:
            parts.append(self.slug)
        return "-".join(parts)


def number_part(number: str) -> str:
    """``301/2545`` -> ``301``: the part of a document number that goes into its id."""
    return number.split("/")[0].lower()


def slugify(text: str) -> str:
    """Lowercase ASCII slug of ``text`` (non-ASCII dropped); empty if nothing is left."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out if out and out[0].isalpha() else ""
