"""Meeting, committee, supervision-report and province pages in a real browser (chromium).

At desktop width the agenda, resolutions and supervision tables are tables; at phone width
(375 px) each row is a card with every cell under its column name, and nothing overflows the
page sideways. axe-core finds no serious problem on these pages, and the committee's
resolution filter still hides rows in the card layout.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from browserkit import NEEDS_CHROMIUM
from test_browser import AXE_JS, AXE_RUN

pytestmark = NEEDS_CHROMIUM

PAGES = {
    "meeting": ("records/pdc-regional-minutes-2564-1/", ".sarabun-agenda tbody tr"),
    "committee": ("browse/issuers/pdc-regional/", "#sarabun-resolutions tbody tr"),
    "report": ("records/moi-ps-report-provincial-supervision/", ".sarabun-supervision tbody tr"),
    "province": ("browse/provinces/lampang/", ".sarabun-province-details"),
}
WIDTHS = {"desktop": 1280, "phone": 375}

LAYOUT = """(selector) => {
  const el = document.querySelector(selector);
  const cell = el.closest("tr") ? el.querySelector("td[data-label]") : null;
  return {display: getComputedStyle(el).display,
          label: cell ? getComputedStyle(cell, "::before").content : "",
          overflow: document.documentElement.scrollWidth - window.innerWidth};
}"""




@pytest.mark.parametrize("width", list(WIDTHS))
def test_tables_fit_the_screen(browser: Any, base_url: str, width: str,
                               tmp_path_factory: pytest.TempPathFactory) -> None:
    env = os.environ.get("SARABUN_SCREENSHOTS")
    shots = Path(env) if env else tmp_path_factory.mktemp("records-shots")
    page = browser.new_page(viewport={"width": WIDTHS[width], "height": 900})
    try:
        for name, (path, selector) in PAGES.items():
            page.goto(base_url + path, wait_until="load")
            got = page.evaluate(LAYOUT, selector)
            assert got["overflow"] <= 0, (name, width, got)
            if selector.endswith(" tr"):
                want = "block" if width == "phone" else "table-row"
                assert got["display"] == want, (name, width, got)
                # the card layout names each cell's column; the table has a header row instead
                assert (got["label"] not in ("none", "normal", "")) == (width == "phone"), got
            page.screenshot(path=str(shots / f"records-{name}-{width}.png"))
    finally:
        page.close()


def test_resolution_filter_in_card_layout(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 900})
    try:
        page.goto(base_url + PAGES["committee"][0], wait_until="load")
        rows = page.locator("#sarabun-resolutions tbody tr")
        assert rows.count() == 5
        page.fill("input[data-sarabun-filter]", "อื่น ๆ")
        visible = [i for i in range(rows.count()) if rows.nth(i).is_visible()]
        assert visible == [4]
    finally:
        page.close()


def test_axe_on_record_pages(browser: Any, base_url: str) -> None:
    if not AXE_JS.exists():
        message = f"axe-core is not installed ({AXE_JS}): npm install axe-core"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    page = browser.new_page(viewport={"width": 375, "height": 900})
    found = {}
    try:
        for name, (path, _) in PAGES.items():
            page.goto(base_url + path, wait_until="load")
            page.add_script_tag(path=str(AXE_JS))
            bad = [v for v in page.evaluate(AXE_RUN) if v["impact"] in ("serious", "critical")]
            if bad:
                found[name] = bad
    finally:
        page.close()
    assert found == {}
