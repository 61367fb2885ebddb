"""Web pages (.html) to Markdown: drop site chrome, then pandoc.

Government web pages wrap the document in menus, headers, footers, share buttons and scripts.
We keep ``<main>`` or ``<article>`` when the page has one, drop ``nav``, ``header``, ``footer``,
``aside``, ``form``, ``script``, ``style`` and elements with a navigation/banner/contentinfo
role, and hand the rest to pandoc, which turns headings, lists and tables into Markdown. The
charset is read from the page's ``<meta>`` (windows-874/TIS-620 is still common) else UTF-8.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .base import Extracted, ImportFailure
from .word import convert

DROP = {"head", "title", "nav", "header", "footer", "aside", "form", "script", "style",
        "noscript", "iframe", "button", "menu", "template", "svg", "object", "embed"}
DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


class _Filter(HTMLParser):
    """Re-serialise HTML without the dropped elements; collect <main>/<article> separately."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.main: list[str] = []
        self.skip = 0  # depth inside a dropped element
        self.in_main = 0

    def _emit(self, text: str) -> None:
        if self.skip:
            return
        self.out.append(text)
        if self.in_main:
            self.main.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        role = dict(attrs).get("role") or ""
        if self.skip or tag in DROP or role in DROP_ROLES:
            if tag not in VOID:
                self.skip += 1
            return
        if tag in ("main", "article"):
            self.in_main += 1
        attr = "".join(f' {k}="{html.escape(v or "", quote=True)}"' for k, v in attrs
                       if k in ("colspan", "rowspan", "href", "alt"))
        self._emit(f"<{tag}{attr}>")

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag not in VOID:
                self.skip -= 1
            return
        self._emit(f"</{tag}>")
        if tag in ("main", "article") and self.in_main:
            self.in_main -= 1

    def handle_data(self, data: str) -> None:
        self._emit(html.escape(data, quote=False))


def decode(data: bytes) -> str:
    m = _CHARSET.search(data[:4096])
    names = [m.group(1).decode("ascii").lower()] if m else []
    aliases = {"tis-620": "cp874", "windows-874": "cp874", "x-windows-874": "cp874"}
    for name in [*names, "utf-8-sig", "cp874"]:
        name = aliases.get(name, name)
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ImportFailure("corrupt", "อ่านไฟล์ HTML ไม่ได้ (รหัสอักขระไม่รู้จัก)")


def strip_chrome(page: str) -> str:
    """The page without menus, headers, footers and scripts (see module doc)."""
    f = _Filter()
    f.feed(page)
    f.close()
    kept = "".join(f.main) if "".join(f.main).strip() else "".join(f.out)
    return f"<html><body>{kept}</body></html>"


def extract(data: bytes) -> Extracted:
    if not data.strip():
        raise ImportFailure("empty", "ไฟล์ HTML ว่าง")
    cleaned = strip_chrome(decode(data)).encode("utf-8")
    return convert(cleaned, ".html", "html")
