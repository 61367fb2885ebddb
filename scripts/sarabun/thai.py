"""Thai text helpers: digits, Buddhist-era dates, month names and collation.

Everything a user types may use Thai (๐-๙) or Arabic digits; we normalise to Arabic for storage and
comparison and print Thai digits where the page is read by people. Dates in documents are Buddhist
era (พ.ศ. = CE + 543) and may be known only to the year or month, as is common for cited documents.
Sorting uses pythainlp's Thai collation because code-point order puts leading vowels (เ แ โ ใ ไ)
in the wrong place.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

BE_OFFSET = 543
#: A year below this cannot be a BE year of a modern document; it is almost surely CE.
MIN_BE_YEAR = 2400

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
THAI_MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits with Arabic ones (``๒๕๔๕`` -> ``2545``)."""
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits with Thai ones, for text people read."""
    return text.translate(_TO_THAI)


class DateError(ValueError):
    """A BE date that cannot exist; ``code`` tells which rule it broke."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, order=True)
class BEDate:
    """A Buddhist-era date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> BEDate:
        """Parse ``2545-10-08``, ``2545-10`` or ``2545`` (Thai digits allowed).

        Raises DateError with code ``M004`` for a malformed or impossible date and ``M005`` for
        a year that is plainly CE (``2004-02-10``).
        """
        raw = to_arabic_digits(text.strip())
        m = _DATE_RE.match(raw)
        if not m:
            raise DateError("M004", f"วันที่ '{text}' ไม่อยู่ในรูปแบบ ปปปป-ดด-วว (พ.ศ.)")
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if year < MIN_BE_YEAR:
            raise DateError(
                "M005",
                f"ปี {year} ดูเป็นปี ค.ศ. ให้ใช้ปี พ.ศ. (ค.ศ. + 543 = {year + BE_OFFSET})",
            )
        if month is not None and not 1 <= month <= 12:
            raise DateError("M004", f"วันที่ '{text}' มีเดือน {month} ซึ่งไม่มีอยู่จริง")
        if day is not None and month is not None:
            last = calendar.monthrange(year - BE_OFFSET, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    "M004",
                    f"วันที่ '{text}' ไม่มีอยู่จริง: {THAI_MONTHS[month - 1]} "
                    f"พ.ศ. {year} มี {last} วัน",
                )
        return cls(year, month, day)

    def iso(self) -> str:
        """The canonical text form used in front matter and exports."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out

    def ce_iso(self) -> str:
        """The same date with a CE year, for machines (sitemaps, JSON-LD)."""
        return f"{self.year - BE_OFFSET:04d}" + self.iso()[4:]

    def thai(self, thai_digits: bool = True) -> str:
        """The date as Thai people write it: ``๘ ตุลาคม ๒๕๔๕``, ``ตุลาคม ๒๕๔๕``, ``พ.ศ. ๒๕๔๕``."""
        if self.month is None:
            text = f"พ.ศ. {self.year}"
        elif self.day is None:
            text = f"{THAI_MONTHS[self.month - 1]} {self.year}"
        else:
            text = f"{self.day} {THAI_MONTHS[self.month - 1]} {self.year}"
        return to_thai_digits(text) if thai_digits else text


T = TypeVar("T")


def thai_sort_key_factory(words: Iterable[str]) -> dict[str, int]:
    """Rank each distinct word in Thai dictionary order (ก before ข; leading vowels ignored)."""
    from pythainlp.util import collate

    distinct = list(dict.fromkeys(words))
    return {w: i for i, w in enumerate(collate(distinct))}


def thai_sorted(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """Sort ``items`` by the Thai collation of ``key(item)`` (stable for equal keys)."""
    seq = list(items)
    rank = thai_sort_key_factory(key(i) for i in seq)
    return sorted(seq, key=lambda i: rank[key(i)])
