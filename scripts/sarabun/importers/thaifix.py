"""Repair Thai text damaged by PDF extraction and word processors, without changing its words.

PDF text layers made with legacy Thai fonts store glyph variants in the Private Use Area
(U+F700-U+F71A: tone marks shifted down or left), split sara am into nikhahit + sara aa and put
tone marks before the vowel they sit on. Word processors add zero-width spaces, soft hyphens and
no-break spaces. ``repair`` maps these back to standard Unicode order (consonant, upper or lower
vowel, tone mark, sara am); digits, spelling and wording are never touched, so Thai and Arabic
digits stay as printed. ``join_lines`` glues a paragraph wrapped across lines, without a space
inside a Thai word or a citation (``ที่ ๓๐๑/`` + ``๒๕๔๕``).
"""

from __future__ import annotations

import re
import unicodedata

#: Private Use Area glyph variants of Thai characters (Microsoft/Adobe Thai font convention).
PUA_MAP: dict[int, str] = {
    0xF700: "ฐ", 0xF701: "ิ", 0xF702: "ี", 0xF703: "ึ", 0xF704: "ื",
    0xF705: "่", 0xF706: "้", 0xF707: "๊", 0xF708: "๋", 0xF709: "์",
    0xF70A: "่", 0xF70B: "้", 0xF70C: "๊", 0xF70D: "๋", 0xF70E: "์",
    0xF70F: "ญ", 0xF710: "ั", 0xF711: "ํ", 0xF712: "็",
    0xF713: "่", 0xF714: "้", 0xF715: "๊", 0xF716: "๋", 0xF717: "์",
    0xF718: "ุ", 0xF719: "ู", 0xF71A: "ฺ",
}
#: Invisible characters removed outright (zero-width space/joiners, word joiner, soft hyphen,
#: BOM) and space variants turned into a plain space (no-break, narrow and ideographic spaces).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u00ad\ufeff"))
_SPACES = {ord(c): " " for c in "\u00a0\u2007\u202f\u3000\u2002\u2003\u2009"}

UPPER_LOWER_VOWELS = "ัิีึืฺุู็"
TONES = "่้๊๋์"  # mai ek, tho, tri, chattawa and thanthakhat
NIKHAHIT, SARA_AA, SARA_AM = "ํ", "า", "ำ"
THAI_MARKS = UPPER_LOWER_VOWELS + TONES + NIKHAHIT + "๎"

_TONE_BEFORE_VOWEL = re.compile(f"([{TONES}]+)([{UPPER_LOWER_VOWELS}])")
_NIKHAHIT_TONE_AA = re.compile(f"{NIKHAHIT}([{TONES}]?){SARA_AA}")
_TONE_NIKHAHIT_AA = re.compile(f"([{TONES}]){NIKHAHIT}{SARA_AA}")
# No Thai word starts with a mark or a following vowel (ะ า ำ ๅ): a space before one is an
# extraction artifact (a kerning offset read as a gap), never the source's.
_SPACE_BEFORE_MARK = re.compile(f"(?<=[ก-ฮ{THAI_MARKS}]) +(?=[{THAI_MARKS}ะาำๅ])")
_SARA_E_E = re.compile("เเ")
# Mai han-akat, sara ue and sara uee always take a final consonant, so a space after one (and
# its tone mark) is an extraction artifact: ปั ญญา, ต่อเนื่ อง.
_SPACE_AFTER_OPEN_VOWEL = re.compile("([ัึื][่้๊๋]?) +(?=[ก-ฮ])")


def repair(text: str) -> str:
    """Standard Unicode Thai for ``text``: PUA glyphs, sara am, mark order, invisible spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(PUA_MAP).translate(_INVISIBLE).translate(_SPACES)
    text = _SPACE_BEFORE_MARK.sub("", text)
    # ํ + (tone) + า and (tone) + ํ + า are a decomposed sara am: the tone goes before ำ.
    text = _NIKHAHIT_TONE_AA.sub(lambda m: m.group(1) + SARA_AM, text)
    text = _TONE_NIKHAHIT_AA.sub(lambda m: m.group(1) + SARA_AM, text)
    text = _TONE_BEFORE_VOWEL.sub(lambda m: m.group(2) + m.group(1), text)
    # Two sara e typed for sara ae is the same glyph sequence on paper: one character.
    text = _SPACE_AFTER_OPEN_VOWEL.sub(r"\1", text)
    return _SARA_E_E.sub("แ", text)


THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_THAI_LETTER = re.compile(f"[ก-ฮะาำเ-ๅ{THAI_MARKS}]")


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def glue(left: str, right: str) -> str:
    """What goes between two pieces of one paragraph split by a line break: ``""`` or ``" "``.

    A line that kept its trailing space gets one space. Otherwise no space inside Thai text
    (Thai has no spaces between words, so a wrap there is not a space), inside a number or a
    document number (``๓๐๑/`` + ``๒๕๔๕``) or next to brackets; a space next to Latin letters
    and Arabic digits (English words wrap at spaces), between a Thai word and a Thai number
    (``ที่`` + ``๓๐๑/๒๕๔๕``) or before an opening bracket, as Thai typesetting sets numbers and
    brackets off (the seed texts do so 131 times to once), and after ``พ.ศ.`` before its year.
    """
    if not left or not right:
        return ""
    a, b = left[-1], right[0]
    if a.isspace() or b.isspace():
        return " "
    if a in "/([" or b in "/)],;:" or (a.isdigit() and b.isdigit()):
        return ""
    if (a.isascii() and a.isalnum()) or (b.isascii() and b.isalnum()):
        return " "
    if b == "(" and _THAI_LETTER.match(a):
        return " "  # Thai text sets a bracket off with a space: สถานสงเคราะห์ (กรณีเร่งด่วน)
    if (_THAI_LETTER.match(a) and b in THAI_DIGITS) or (a in THAI_DIGITS and _THAI_LETTER.match(b)):
        return " "  # ที่ + ๓๐๑/๒๕๔๕, ข้อ + ๑: a number is set off by a space, as Arabic ones are
    if a == "." and b.isdigit():
        return " "
    return ""


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, collapsing runs of spaces."""
    out = ""
    for line in lines:
        out = out + glue(out, line) + line if out else line
    return collapse_spaces(out)


def collapse_spaces(text: str) -> str:
    """Runs of spaces and tabs become one space; lines are trimmed."""
    return "\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n"))


_SPLIT_NUMBER = re.compile(r"([0-9๐-๙]+/)[ \t]+([0-9๐-๙]{4})(?![0-9๐-๙])")


def repair_citations(text: str) -> str:
    """Close the gap a wrapped line left inside a document number: ``๓๐๑/ ๒๕๔๕`` -> ``๓๐๑/๒๕๔๕``."""
    return _SPLIT_NUMBER.sub(r"\1\2", text)
