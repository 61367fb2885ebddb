"""The built site in a real browser (Debian chromium): Thai text in the Sarabun font, no request
to any other host, usable at phone width. Screenshots go to $SARABUN_SCREENSHOTS (default: tmp).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from browserkit import NEEDS_CHROMIUM, VIEWPORTS
from conftest import ROOT, site_root
from sarabun.corpus import load_corpus
from sarabun.model import Document

THAI = re.compile(r"[\u0e01-\u0e5b]")

pytestmark = NEEDS_CHROMIUM




def pick_documents(docs: list[Document]) -> dict[str, Document]:
    """A document with text (the longest dated one) and, if any, a metadata-only one."""
    with_text = sorted((d for d in docs if d.body.strip()),
                       key=lambda d: (d.date is not None, len(d.body)), reverse=True)
    out = {"document": with_text[0] if with_text else docs[0]}
    meta_only = [d for d in docs if d.status.code == "metadata-only"]
    if meta_only:
        out["metadata-only"] = meta_only[0]
    return out


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    docs = load_corpus(site_root()).documents
    chosen = {name: d.url for name, d in pick_documents(docs).items()}
    return {"home": "", "index": "browse/types/", **chosen}



#: Full-page screenshots are cut at this height (CSS px); a long report is otherwise 100k px.
MAX_SHOT_HEIGHT = 3000


def fonts_used(cdp: Any, selector: str) -> set[str]:
    """The fonts chromium actually drew the text of ``selector`` with (DevTools protocol)."""
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {f["familyName"] + (" (custom)" if f["isCustomFont"] else "") for f in fonts}


def screenshot(page: Any, path: Path, width: int) -> None:
    # A tall viewport instead of full_page: Chromium would otherwise lay out and rasterise the
    # whole 100k-px page of a long report before clipping, which can take more than 30 s.
    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_SHOT_HEIGHT)
    before = page.viewport_size
    page.set_viewport_size({"width": width, "height": height})
    try:
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(before)


FONT_STATE = """async () => {
  await document.fonts.ready;
  const faces = [...document.fonts].filter(
      f => f.family.replace(/["']/g, "") === "Sarabun" && f.status === "loaded");
  const body = getComputedStyle(document.querySelector(".md-typeset")).fontFamily;
  return {loaded: faces.length, family: body,
          thai: document.fonts.check("16px Sarabun", "ก"),
          scroll: document.documentElement.scrollWidth, width: window.innerWidth};
}"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_pages_render_locally(browser: Any, base_url: str, pages: dict[str, str],
                              shots: Path, viewport: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport],
                                  is_mobile=viewport == "phone",
                                  device_scale_factor=2 if viewport == "phone" else 1)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        for name, path in pages.items():
            page.goto(base_url + path, wait_until="networkidle")
            h1 = page.locator("article h1").first
            assert h1.is_visible(), name
            assert THAI.search(h1.inner_text()), name
            state = page.evaluate(FONT_STATE)
            assert state["loaded"] >= 1, (name, state)
            assert state["thai"], (name, state)
            assert state["family"].strip("\"'").startswith("Sarabun"), (name, state)
            assert state["scroll"] <= state["width"] + 1, (name, "horizontal scroll", state)
            # Thai glyphs are drawn with the self-hosted Sarabun, not a system fallback.
            assert fonts_used(cdp, "article h1") == {"Sarabun (custom)"}, name
            if name in ("document", "metadata-only"):
                panel = page.locator(".sarabun-meta")
                assert panel.is_visible()
                box = panel.bounding_box()
                assert box is not None and box["x"] >= 0
                assert box["x"] + box["width"] <= VIEWPORTS[viewport]["width"] + 1
                assert THAI.search(panel.inner_text())
                assert fonts_used(cdp, ".sarabun-meta dt") == {"Sarabun (custom)"}
            if name == "metadata-only":
                assert page.locator(".sarabun-notice").is_visible()
            screenshot(page, shots / f"{name}-{viewport}.png", VIEWPORTS[viewport]["width"])
    finally:
        context.close()
    local = [u for u in requests if not u.startswith(base_url)
             and not u.startswith(("data:", "blob:"))]
    assert local == [], "requests left the site"
    assert any(u.endswith("sarabun-thai-400-normal.woff2") for u in requests)


def test_print_hides_chrome(browser: Any, base_url: str, pages: dict[str, str],
                            shots: Path) -> None:
    page = browser.new_page()
    try:
        page.goto(base_url + pages["document"], wait_until="networkidle")
        page.emulate_media(media="print")
        assert not page.locator(".md-header").is_visible()
        assert not page.locator(".md-sidebar--primary").is_visible()
        assert page.locator(".sarabun-meta").is_visible()
        page.pdf(path=str(shots / "document-print.pdf"))
    finally:
        page.close()


# --- accessibility: axe-core and the keyboard ------------------------------------------------

#: axe-core from npm (``make`` installs it); SARABUN_AXE_JS names another copy.
AXE_JS = Path(os.environ.get("SARABUN_AXE_JS", ROOT / "node_modules" / "axe-core" / "axe.min.js"))
AXE_RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ["violations"]});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
}"""


@pytest.fixture(scope="module")
def page_kinds(pages: dict[str, str]) -> dict[str, str]:
    """One page of each kind the site has: home, indexes, lists, documents, staff pages."""
    corpus = load_corpus(site_root())
    docs = corpus.documents
    doc = pick_documents(docs)["document"]
    out = {**pages, "type": f"browse/types/{doc.type.code}/",
           "issuer": f"browse/issuers/{doc.issuer}/", "errors": "staff/errors/",
           "open-data": "data/"}
    if corpus.checklists:  # the disclosure checklist (ITA/OIT) page
        out["disclosure"] = f"browse/disclosure/{corpus.checklists[0].year}/"
    with_province = [d for d in docs if d.provinces]
    if with_province:
        out["province"] = f"browse/provinces/{with_province[0].provinces[0]}/"
    return out


def test_axe_no_serious_or_critical_violations(browser: Any, base_url: str,
                                               page_kinds: dict[str, str]) -> None:
    if not AXE_JS.exists():
        message = f"axe-core is not installed ({AXE_JS}): npm install axe-core"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    page = browser.new_page()
    found = {}
    try:
        for name, path in page_kinds.items():
            page.goto(base_url + path, wait_until="load")
            assert page.evaluate("document.documentElement.lang") == "th", name
            page.add_script_tag(path=str(AXE_JS))
            bad = [v for v in page.evaluate(AXE_RUN) if v["impact"] in ("serious", "critical")]
            if bad:
                found[f"{name} ({path})"] = bad
    finally:
        page.close()
    assert found == {}


def test_keyboard_skip_link_and_focus(browser: Any, base_url: str,
                                      page_kinds: dict[str, str]) -> None:
    """From the top of any page: Tab shows "skip to content", Enter goes to the article, and
    the next Tab reaches a link in it, drawn with a focus ring."""
    page = browser.new_page()
    active = """() => { const e = document.activeElement; const s = getComputedStyle(e);
      return {tag: e.tagName, cls: e.className, text: e.innerText,
              inArticle: !!e.closest("article"),
              outline: s.outlineStyle, href: e.getAttribute("href")}; }"""
    try:
        for name in ("home", "document", "metadata-only", "index", "open-data"):
            if name not in page_kinds:
                continue
            page.goto(base_url + page_kinds[name], wait_until="load")
            page.keyboard.press("Tab")
            skip = page.evaluate(active)
            assert "md-skip" in skip["cls"] and THAI.search(skip["text"]), (name, skip)
            page.keyboard.press("Enter")
            assert page.evaluate(active)["tag"] == "ARTICLE", name
            page.keyboard.press("Tab")
            first = page.evaluate(active)
            assert first["tag"] == "A" and first["inArticle"], (name, first)
            assert first["outline"] != "none", (name, "no focus ring", first)
        # Past the skip link, a document's metadata links are reached in reading order.
        page.goto(base_url + page_kinds["document"], wait_until="load")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        reached = []
        for _ in range(30):
            page.keyboard.press("Tab")
            reached.append(page.evaluate(active)["href"] or "")
        assert any(h.endswith(".json") for h in reached), reached
    finally:
        page.close()
