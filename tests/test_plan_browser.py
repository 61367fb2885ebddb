"""The plan section of seed 003 in a real browser (Debian chromium): the SVG charts are drawn
in the site's Thai font, have an accessible name and their data table, fit a 375 px phone and
print. Screenshots go to $SARABUN_SCREENSHOTS (default: a temporary folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browserkit import NEEDS_CHROMIUM, VIEWPORTS
from test_browser import AXE_JS, AXE_RUN, fonts_used

pytestmark = NEEDS_CHROMIUM

REPORT = "records/opdc-report-2548-annual/"
CHART = "svg[aria-labelledby^='chart-scorecard-1-title']"
BLOCK = f".sarabun-chart:has({CHART})"





@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_scorecard_chart_and_table(browser: Any, base_url: str, shots: Path,
                                   viewport: str) -> None:
    size = VIEWPORTS[viewport]
    context = browser.new_context(viewport=size, is_mobile=viewport == "phone",
                                  device_scale_factor=2 if viewport == "phone" else 1)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        page.goto(base_url + REPORT + "#scorecard-1", wait_until="networkidle")
        chart = page.get_by_role("img", name="แผนภูมิเป้าหมายเทียบกับผล: "
                                             "รายงานการประเมินผลตนเองของ..... SAR")
        assert chart.count() == 1
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 1
        assert box["height"] > 300
        # the labels are Thai text drawn with the site's own font, not an image of text
        assert fonts_used(cdp, f"{CHART} text") == {"Sarabun (custom)"}
        # the data table beside the chart has the ten rows of the seed's SAR table
        rows = page.locator(f"{BLOCK} table tbody tr")
        assert rows.count() == 10
        assert rows.first.inner_text().split("\t")[:5] == ["1", "ประสิทธิภาพการให้บริการ",
                                                          "ความพึงพอใจ", "100%", "95%"]
        # wide tables scroll inside their box; the page itself never scrolls sideways
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1] + 1, width
        # viewport shots after a plain scroll: an element shot waits for the long page to be
        # "stable", which Material's scroll-spy never lets it be on a phone
        for anchor, name in (("scorecard-1", "scorecard"), ("project-gcs", "project"),
                             ("plan-budget", "budget")):
            page.evaluate(f"document.getElementById('{anchor}').scrollIntoView()")
            page.screenshot(path=str(shots / f"plan-{name}-{viewport}.png"))
    finally:
        context.close()


def test_plan_prints(browser: Any, base_url: str, shots: Path) -> None:
    page = browser.new_page()
    try:
        page.goto(base_url + REPORT, wait_until="networkidle")
        page.emulate_media(media="print")
        chart = page.locator(CHART)
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box is not None and box["width"] > 200
        assert page.locator("#plan").is_visible()
        page.pdf(path=str(shots / "plan-print.pdf"))
    finally:
        page.close()


def test_plans_page_axe(browser: Any, base_url: str) -> None:
    if not AXE_JS.exists():
        pytest.skip(f"axe-core is not installed ({AXE_JS})")
    page = browser.new_page()
    try:
        page.goto(base_url + "browse/plans/", wait_until="load")
        assert page.locator("article h1").inner_text() == "แผนและตัวชี้วัด"
        page.add_script_tag(path=str(AXE_JS))
        bad = [v for v in page.evaluate(AXE_RUN) if v["impact"] in ("serious", "critical")]
        assert bad == []
    finally:
        page.close()
