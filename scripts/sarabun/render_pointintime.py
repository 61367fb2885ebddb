"""Point in time on a regulation's page: "which version was in force on the date I type?".

The answers come from ``sarabun.history.PointInTime`` at build time. The answer can change only on
a date where some version starts, an amending document takes effect or a repealing document
does, so ``in_force`` is asked once per such date and once before all of them; the page gets the
resulting intervals twice: as a visible list (``ช่วงเวลาที่มีผลใช้บังคับ``, which is all a reader
without JavaScript needs) and as JSON on a small form, hidden until ``assets/sarabun-pit.js``
runs. The script only parses the typed BE date (Thai or Arabic digits; ``๑ มกราคม ๒๕๖๕``,
``2565-01-01``, ``1/1/2565``) and picks the last interval starting on or before it; no rule of
the point-in-time logic is written twice. Shown for legal instruments with more than one period
or with amending or repealing documents.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

from .model import Category, Document
from .render import Site, doc_src, esc
from .thai import THAI_MONTHS, THAI_MONTHS_ABBR, BEDate, to_thai_digits

if TYPE_CHECKING:
    from .history import InForce, Version
    from .render_history import SiteHistory

SCRIPT = "assets/sarabun-pit.js"
#: A date before every document: the answer "before the first start".
_DAWN = BEDate(1, 1, 1)

EXTRA_CSS = """\
.md-typeset form.sarabun-pit { margin: .6em 0 1em; }
.md-typeset form.sarabun-pit label { display: block; font-weight: 700; margin-bottom: .3em; }
.md-typeset form.sarabun-pit input { font: inherit; padding: .3em .5em; min-width: 14em;
  border: 1px solid var(--md-default-fg-color--light); border-radius: .2em; }
.md-typeset form.sarabun-pit button { font: inherit; padding: .3em .9em; margin-inline-start: .3em;
  border: 1px solid var(--md-primary-fg-color); border-radius: .2em; cursor: pointer;
  background: var(--md-primary-fg-color); color: var(--md-primary-bg-color); }
.md-typeset form.sarabun-pit :focus-visible { outline: 3px solid var(--md-accent-fg-color);
  outline-offset: 2px; }
.md-typeset .sarabun-pit__hint { color: var(--md-default-fg-color--light); margin: .3em 0; }
.md-typeset .sarabun-pit__answer:not(:empty) { border-left: 4px solid var(--md-primary-fg-color);
  padding: .4em .8em; background: var(--md-code-bg-color); }
.md-typeset .sarabun-pit__answer--error:not(:empty) { border-left-color: #b71c1c; }
"""


def _key(date: BEDate) -> list[int]:
    return [date.year, date.month or 1, date.day or 1]


def _href(site: Site, src: str, target: str) -> str:
    return html.unescape(site.link(src, target))


def wanted(doc: Document, sh: SiteHistory | None) -> bool:
    """Does this page get the point-in-time section?"""
    if sh is None or sh.today is None or doc.type.category is not Category.REGULATIONS:
        return False
    doc_id = str(doc.id)
    if not sh.versions.get(doc_id):
        return False
    pit = sh.point_in_time
    return (len(pit.periods(doc_id)) > 1 or bool(pit.amended_by.get(doc_id))
            or bool(pit.repealed_by.get(doc_id)))


def intervals(site: Site, sh: SiteHistory, doc: Document) -> list[dict[str, object]]:
    """The answers as plain data: ``from`` (``[y, m, d]`` BE, None for the first), the version
    (its Thai name, link from the document page) or None, a Thai note and the amending documents
    in effect whose change is not yet in that version's text."""
    from .history import date_key
    from .render_history import version_src

    doc_id, src = str(doc.id), doc_src(doc)
    pit = sh.point_in_time
    plist = pit.periods(doc_id)
    amending = [(a, a.effective_date or a.date) for a in pit.amended_by.get(doc_id, [])]
    starts = [p.start for p in plist] + [s for _, s in amending]
    repeal = pit.repealed_on(doc_id)
    if repeal is not None:
        starts.append(repeal[0])
    # a start known only to the year or month is shown so ("พ.ศ. ๒๕๔๗"), unless a full date
    # starts on the same day
    shown: dict[tuple[int, int, int], BEDate] = {}
    for start in starts:
        if start is not None:
            k = date_key(start)
            if k not in shown or start.day is not None:
                shown[k] = start
    keys = sorted(shown)
    latest = sh.versions[doc_id][-1].commit.sha

    out: list[dict[str, object]] = []
    for key in [None, *keys]:
        on = _DAWN if key is None else BEDate(*key)
        answer: InForce = pit.in_force(doc_id, on, plist)
        v: Version | None = answer.version
        url = None
        if v is not None:
            if v.commit.sha == latest:
                url = _href(site, src, src)
            elif sh.has_page(v):
                url = _href(site, src, version_src(doc, v))
        # amendments the text shown already takes in (as PointInTime.periods decided)
        taken: set[str] = set()
        for period in plist:
            if v is None or period.version.commit.index > v.commit.index:
                break
            taken.update(period.amended_by)
        pending = []
        for a, start in amending:
            if (start is not None and date_key(start) <= date_key(on)
                    and str(a.id) not in taken):
                pending.append({"title": a.title, "url": _href(site, src, doc_src(a)),
                                "from_thai": start.thai()})
        item: dict[str, object] = {
            "from": list(key) if key else None,
            "from_thai": shown[key].thai() if key else None,
            "version": (f"ฉบับที่ {to_thai_digits(str(v.number))} (บันทึกเมื่อ "
                        f"{v.commit.thai_date()})") if v else None,
            "url": url,
            "note": answer.reason,
            "amendments": pending,
        }
        if out and {k: out[-1][k] for k in ("version", "note", "amendments")} == \
                {k: item[k] for k in ("version", "note", "amendments")}:
            continue  # nothing changes on this date
        out.append(item)
    return out


def _answer_html(item: dict[str, object]) -> str:
    version, url = item["version"], item["url"]
    if version is None:
        text = "ไม่มีฉบับที่มีผลใช้บังคับ"
    elif url:
        text = f'<a href="{esc(str(url))}">{esc(str(version))}</a>'
    else:
        text = esc(str(version)) + " (ไม่มีหน้าของฉบับนี้ในเว็บไซต์)"
    out = f"{text} — {esc(str(item['note']))}"
    amendments = item["amendments"]
    assert isinstance(amendments, list)
    for a in amendments:
        out += (f'<br>แก้ไขเพิ่มเติมโดย <a href="{esc(a["url"])}">{esc(a["title"])}</a> '
                f"(มีผลตั้งแต่ {esc(a['from_thai'])}) ซึ่งยังไม่ได้รวมไว้ในข้อความของฉบับนี้")
    return out


def pit_section(site: Site, doc: Document, sh: SiteHistory | None) -> str:
    """The section "ฉบับที่มีผล ณ วันที่" (empty when ``wanted`` says no)."""
    if sh is None or not wanted(doc, sh):
        return ""
    data = intervals(site, sh, doc)
    rows = []
    for i, item in enumerate(data):
        if item["from"] is None:
            nxt = data[i + 1]["from_thai"] if i + 1 < len(data) else None
            when = f"ก่อน {nxt}" if nxt else "ทุกวันที่"
        else:
            when = f"ตั้งแต่ {item['from_thai']}"
        rows.append(f"<li><strong>{esc(when)}</strong>: {_answer_html(item)}</li>")
    months = json.dumps([list(THAI_MONTHS), list(THAI_MONTHS_ABBR)], ensure_ascii=False)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        "\n\n## ฉบับที่มีผล ณ วันที่ {#in-force}\n\n"
        f'<form class="sarabun-pit" hidden data-pit="{esc(payload)}" data-months="{esc(months)}">'
        '<label for="sarabun-pit-date">อ่านฉบับที่มีผล ณ วันที่</label>'
        '<input id="sarabun-pit-date" name="date" type="text" autocomplete="off" '
        'aria-describedby="sarabun-pit-hint" required>'
        '<button type="submit">ดูฉบับ</button>'
        '<p id="sarabun-pit-hint" class="sarabun-pit__hint">พิมพ์วันที่ พ.ศ. เช่น ๑ มกราคม ๒๕๖๕ '
        "หรือ 2565-01-01 หรือ 1/1/2565 (ใช้เลขไทยหรือเลขอารบิกก็ได้)</p>"
        '<p class="sarabun-pit__answer" role="status" aria-live="polite"></p></form>\n\n'
        "<p>ช่วงเวลาที่แต่ละฉบับมีผลใช้บังคับ (คิดจากวันที่มีผลของแต่ละฉบับ "
        "และของเอกสารที่แก้ไขหรือยกเลิก):</p>\n\n"
        '<ul class="sarabun-pit-periods">\n' + "\n".join(rows) + "\n</ul>\n"
    )
