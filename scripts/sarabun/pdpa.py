"""Personal-data guard (PDPA): national ID numbers, mobile phone numbers and house addresses.

Official documents are published to everyone, so a document must not carry a citizen's Thai
national ID number (P001), a personal mobile number (P002) or a house address (P003). ``scan``
finds them in a whole file (front matter and body), in Thai or Arabic digits, with or without the
usual ``1-2345-67890-12-3`` grouping and even when a line break splits the number. An ID number
counts only when its check digit is right, so other long numbers (budgets, book numbers) pass.
Office numbers (``0-2283-4000``, ``02 356 9999``) are organisational, not personal: only mobile
numbers (06, 08, 09 + 8 digits, or +66) are reported.

The only way past is a reviewed entry in ``records/registries/pdpa-allow.yaml``::

    - file: records/report/2548/opdc-report-2548-annual.md
      text: "081-234-5678"        # the matched text (digits compared), or line: 42
      reason: เบอร์โทรศัพท์ราชการของศูนย์บริการ เผยแพร่ต่อสาธารณะแล้ว
      reviewer: somchai.j

A malformed entry is reported as P004.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .frontmatter import FrontMatterError, load_strings
from .problems import Problem, problem
from .registry import REGISTRY_DIR

ALLOW_PATH = REGISTRY_DIR / "pdpa-allow.yaml"

_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ALLOW_KEYS = ("file", "text", "line", "reason", "reviewer")


def id_check_digit(first12: str) -> int:
    """The 13th digit of a Thai national ID number from its first 12 (Arabic) digits."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12[:12]))
    return (11 - total % 11) % 10


def valid_id(number: str) -> bool:
    """True when ``number`` (Thai or Arabic digits, any separators) is a valid 13-digit ID."""
    digits = re.sub(r"\D", "", number.translate(_TO_ARABIC))
    return len(digits) == 13 and digits[0] != "0" and id_check_digit(digits) == int(digits[12])


@dataclass(frozen=True)
class Finding:
    code: str  # P001, P002 or P003
    start: int  # code-point offsets into the scanned text
    end: int
    text: str  # as written

    @property
    def key(self) -> str:
        """What an allow-list ``text`` is compared with: digits only, or collapsed spaces."""
        return _key(self.text, self.code)


def _key(text: str, code: str) -> str:
    t = text.translate(_TO_ARABIC)
    if code in ("P001", "P002"):
        digits = re.sub(r"\D", "", t)
        return "0" + digits[2:] if digits.startswith("66") and len(digits) == 11 else digits
    return " ".join(t.split())


def _flatten(text: str) -> tuple[str, list[int]]:
    """Thai digits made Arabic and line breaks between digits or dashes dropped, with the
    original offset of every kept character (digits and line breaks keep their length)."""
    t = text.translate(_TO_ARABIC)
    out: list[str] = []
    where: list[int] = []
    i = 0
    for m in re.finditer(r"(?<=[0-9\-])[ \t]*\n[ \t>]*(?=[0-9\-])", t):
        out.append(t[i:m.start()])
        where.extend(range(i, m.start()))
        i = m.end()
    out.append(t[i:])
    where.extend(range(i, len(t)))
    return "".join(out), where


_SEP = r"(?:[ \t]*[-–][ \t]*|[ \t])?"
# 1-2345-67890-12-3, separators optional and may differ; never part of a longer number.
_ID_RE = re.compile(rf"(?<![0-9])(?<![0-9][-–])[1-8]{_SEP}[0-9]{{4}}{_SEP}[0-9]{{5}}{_SEP}"
                    rf"[0-9]{{2}}{_SEP}[0-9](?![0-9])(?![-–]?[0-9])")
_MOBILE_RE = re.compile(r"(?<![0-9])(?<![0-9][-–. ])(?:0|\+66[ \t-]?)[689](?:[ \t.\-]?[0-9]){8}"
                        r"(?![0-9])(?![-–. ]?[0-9])")
_ADDRESS_RE = re.compile(r"บ้านเลขที่[ \t]*[0-9]+(?:[ \t]*/[ \t]*[0-9]+)?")


def scan(text: str) -> list[Finding]:
    """Every ID number, mobile number and house address in ``text``, in order."""
    flat, where = _flatten(text)
    found: list[Finding] = []

    def add(code: str, m: re.Match[str]) -> None:
        start, end = where[m.start()], where[m.end() - 1] + 1
        found.append(Finding(code, start, end, text[start:end]))

    for m in _ID_RE.finditer(flat):
        if valid_id(m.group(0)):
            add("P001", m)
    ids = [(f.start, f.end) for f in found]
    for m in _MOBILE_RE.finditer(flat):
        s = where[m.start()]
        if not any(a <= s < b for a, b in ids):
            add("P002", m)
    for m in _ADDRESS_RE.finditer(flat):
        add("P003", m)
    return sorted(found, key=lambda f: f.start)


def _mask(text: str, code: str) -> str:
    """Hide the middle digits so the message (CI logs are often public) does not leak them."""
    keep = {"P001": (1, 1), "P002": (3, 2)}.get(code)
    if keep is None:
        return text
    n = sum(ch.translate(_TO_ARABIC).isdigit() for ch in text)
    out, i = [], 0
    for ch in text:
        if ch.translate(_TO_ARABIC).isdigit():
            out.append(ch if i < keep[0] or i >= n - keep[1] else "x")
            i += 1
        else:
            out.append(ch)
    return "".join(out)


_MESSAGES = {
    "P001": "พบเลขประจำตัวประชาชน '{}' (เลขตรวจสอบถูกต้อง) ซึ่งเป็นข้อมูลส่วนบุคคล ห้ามเผยแพร่",
    "P002": "พบหมายเลขโทรศัพท์มือถือ '{}' ซึ่งอาจเป็นข้อมูลส่วนบุคคล",
    "P003": "พบที่อยู่บ้าน '{}' ซึ่งเป็นข้อมูลส่วนบุคคล",
}


@dataclass(frozen=True)
class Allowed:
    file: str
    text: str | None
    line: int | None
    entry_line: int = 1  # where the entry starts in pdpa-allow.yaml

    def covers(self, rel: str, code: str, finding_key: str, lines: range) -> bool:
        if self.file != rel:
            return False
        if self.line is not None and self.line not in lines:
            return False
        return self.text is None or _key(self.text, code) == finding_key


def load_allow(root: Path) -> tuple[list[Allowed], list[Problem]]:
    """Entries of ``records/registries/pdpa-allow.yaml`` (optional) and its problems (P004)."""
    path = root / ALLOW_PATH
    if not path.is_file():
        return [], []
    rel = ALLOW_PATH
    try:
        text = path.read_text(encoding="utf-8")
        data = load_strings(text)
    except UnicodeDecodeError:
        return [], [problem(rel, 1, 1, "P004", "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8")]
    except FrontMatterError as exc:
        return [], [problem(rel, exc.line, exc.col, "P004", str(exc))]
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [problem(rel, 1, 1, "P004", "รายการยกเว้นต้องเป็นรายการของ - file: ...")]
    starts = [i + 1 for i, ln in enumerate(text.split("\n")) if ln.startswith("-")]
    out: list[Allowed] = []
    probs: list[Problem] = []
    for n, item in enumerate(data):
        line = starts[n] if n < len(starts) else 1

        def bad(msg: str, line: int = line, n: int = n) -> None:
            probs.append(problem(rel, line, 1, "P004", f"รายการที่ {n + 1}: {msg}"))

        if not isinstance(item, dict):
            bad("ต้องเป็น file: text: (หรือ line:) reason: reviewer:")
            continue
        unknown = [k for k in item if k not in _ALLOW_KEYS]
        if unknown:
            bad(f"ไม่รู้จักช่อง {', '.join(unknown)} (ใช้ได้: {', '.join(_ALLOW_KEYS)})")
            continue
        vals = {k: v.strip() for k, v in item.items() if isinstance(v, str)}
        if len(vals) != len(item):
            bad("ทุกช่องต้องเป็นข้อความเดียว")
            continue
        missing = [k for k in ("file", "reason", "reviewer") if not vals.get(k)]
        if missing:
            bad(f"ขาดช่อง {', '.join(missing)} (ต้องระบุไฟล์ เหตุผล และผู้ตรวจทาน)")
            continue
        if not vals.get("text") and not vals.get("line"):
            bad("ต้องระบุ text (ข้อความที่พบ) หรือ line (บรรทัด)")
            continue
        line_no: int | None = None
        if vals.get("line"):
            if not vals["line"].translate(_TO_ARABIC).isdigit():
                bad(f"line '{vals['line']}' ต้องเป็นเลขบรรทัด")
                continue
            line_no = int(vals["line"].translate(_TO_ARABIC))
        out.append(Allowed(vals["file"], vals.get("text") or None, line_no, line))
    return out, probs


def check_text(rel: Path, text: str, allow: list[Allowed] | None = None,
               first_line: int = 1, used: set[Allowed] | None = None) -> list[Problem]:
    """PDPA problems (P001-P003) in one file's text, less those the allow-list covers.

    Entries that cover something are added to ``used``.
    """
    probs: list[Problem] = []
    path = rel.as_posix()
    for f in scan(text):
        line = first_line + text.count("\n", 0, f.start)
        last = first_line + text.count("\n", 0, f.end)
        col = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
        covering = [a for a in allow or [] if a.covers(path, f.code, f.key, range(line, last + 1))]
        if covering:
            if used is not None:
                used.update(covering)
            continue
        shown = _mask(" ".join(f.text.split()), f.code)
        probs.append(problem(rel, line, col, f.code, _MESSAGES[f.code].format(shown)))
    return probs


def check_file(rel: Path, raw: bytes, allow: list[Allowed] | None = None,
               used: set[Allowed] | None = None) -> list[Problem]:
    """``check_text`` on a file's bytes (bad UTF-8, BOM and CRLF are other checks' business)."""
    text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return check_text(rel, text.replace("\r\n", "\n").replace("\r", "\n"), allow, used=used)


def unused(allow: list[Allowed], used: set[Allowed]) -> list[Problem]:
    """Entries that no longer cover anything (P004): the text was removed or the file moved,
    so the exception must be reviewed again rather than silently cover something new."""
    return [problem(ALLOW_PATH, a.entry_line, 1, "P004",
                    f"รายการสำหรับ {a.file} ไม่ตรงกับข้อมูลใดในไฟล์แล้ว ให้ลบรายการนี้ออก")
            for a in allow if a not in used]
