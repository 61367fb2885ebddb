"""Thai search in a real browser (Debian chromium), on the built site with its search index.

The ground truth of every query comes from the page text chromium shows: each document page is
opened, the page furniture that is not searched is removed (labels, notices, file links; the
same list as ``sarabun.search.extract.SKIP_SELECTOR``), and ``innerText`` of the article is
normalised in Python. A page is expected when every part of the query occurs in one block of
it. The search must return exactly those pages: the table of found/expected/wrong per query is
printed, and written to ``$SARABUN_SEARCH_REPORT`` (Markdown) when that is set. Screenshots of
the search box and page go to ``$SARABUN_SCREENSHOTS`` (default: a tmp folder).
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browserkit import NEEDS_CHROMIUM, VIEWPORTS, serve
from sarabun.search import matches, normalise, normalise_blocks, query_parts, site_pages
from sarabun.search.extract import BLOCK_CLASSES, SKIP_SELECTOR
from sarabun.search.index import fnv1a
from sarabun.search.text import canonical, grams, lookup_grams
from searchkit import QUERIES

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def base_url(searched_site: Path) -> Iterator[str]:
    with serve(searched_site) as url:
        yield url




PAGE_TEXT = """([skip, blockClasses]) => {
  const article = document.querySelector("article");
  for (const el of article.querySelectorAll(skip)) el.remove();
  for (const cls of blockClasses) {
    for (const el of article.querySelectorAll("." + cls)) { el.before("\\n"); el.after("\\n"); }
  }
  return article.innerText;
}"""


@pytest.fixture(scope="module")
def dom_truth(browser: Any, base_url: str, searched_site: Path) -> dict[str, list[str]]:
    """Every document page's text as chromium shows it, as normalised blocks, by address."""
    urls = [p.url for p in site_pages(searched_site)]
    page = browser.new_page()
    out = {}
    try:
        for url in urls:
            page.goto(base_url + url, wait_until="domcontentloaded")
            # the extractor also skips the tags in SKIP_TAGS; of those, only inline SVG charts
            # (plan pages) put text in an article's innerText
            text = page.evaluate(PAGE_TEXT, [SKIP_SELECTOR + ", svg", sorted(BLOCK_CLASSES)])
            out[url] = normalise_blocks([text])
    finally:
        page.close()
    assert len(out) > 10
    return out


def expected(truth: dict[str, list[str]], query: str) -> set[str]:
    parts = query_parts(query)
    return {url for url, blocks in truth.items() if matches(blocks, parts)}


@pytest.fixture(scope="module")
def search_page(browser: Any, base_url: str) -> Iterator[Any]:
    """The search page with the engine loaded; every request is recorded."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(base_url + "search.html", wait_until="networkidle")
    page.wait_for_function("window.sarabunSearch !== undefined")
    page.requests = requests
    try:
        yield page
    finally:
        context.close()


SEARCH_ALL = """async ([q, filters]) => {
  const t0 = performance.now();
  const r = await window.sarabunSearch.getIndex().searchAll(q, filters || {});
  return {urls: r.results.map(x => x.url), ms: performance.now() - t0,
          candidates: r.candidates, phrase: r.results.map(x => x.phrase),
          excerpts: r.results.map(x => x.excerpt.filter(p => p.hit).map(p => p.text))};
}"""


def run(page: Any, query: str, filters: dict[str, str] | None = None) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(SEARCH_ALL, [query, filters or {}])
    return result


def test_query_set(search_page: Any, dom_truth: dict[str, list[str]], base_url: str) -> None:
    rows = []
    failures = []
    for kind, query in QUERIES:
        want = expected(dom_truth, query)
        got = run(search_page, query)
        found = set(got["urls"])
        rows.append((kind, query, len(found & want), len(want), len(found - want), got["ms"]))
        if found != want:
            failures.append((query, sorted(want - found), sorted(found - want)))
        # every highlighted piece of an excerpt is one of the query's parts
        parts = query_parts(query)
        for hits in got["excerpts"]:
            assert hits, query
            assert all(any(p in normalise(h) for p in parts) for h in hits), (query, hits)
    table = ["| kind | query | found/expected | wrong | ms |", "|---|---|---|---|---|"]
    table += [f"| {k} | {q} | {f}/{e} | {w} | {ms:.0f} |" for k, q, f, e, w, ms in rows]
    print("\n" + "\n".join(table))
    report = os.environ.get("SARABUN_SEARCH_REPORT")
    if report:
        Path(report).write_text("\n".join(table) + "\n", encoding="utf-8")
    assert failures == []
    assert sum(e for *_, e, _, _ in rows) > 100  # the set is not trivially empty
    assert [u for u in search_page.requests if not u.startswith(base_url)] == []


def test_any_piece_of_text(search_page: Any, dom_truth: dict[str, list[str]]) -> None:
    """Pieces of the shown page text cut anywhere, 1-12 characters: still exact."""
    rng = random.Random(11)
    texts = [b for blocks in dom_truth.values() for b in blocks if len(b) > 12]
    checked = 0
    for _ in range(150):
        block = rng.choice(texts)
        n = rng.randint(1, 12)
        start = rng.randrange(0, len(block) - n)
        query = block[start:start + n]
        got = set(run(search_page, query)["urls"])
        assert got == expected(dom_truth, query), query
        checked += 1
    assert checked == 150


def has(page: Any, facet: str, value: str) -> bool:
    if facet == "province":
        return value in page.provinces
    attr = {"type": "type_code", "status": "status_code"}.get(facet, facet)
    return bool(getattr(page, attr) == value)


def test_filters(search_page: Any, dom_truth: dict[str, list[str]],
                 searched_site: Path) -> None:
    by_url = {p.url: p for p in site_pages(searched_site)}
    for query, filters in (("ราชการ", {"type": "cabinet-resolution"}),
                           ("จังหวัด", {"year": "2548"}),
                           ("๒๕๔๕", {"type": "order", "status": "metadata-only"}),
                           ("ราชการ", {"province": "เชียงใหม่"})):
        got = set(run(search_page, query, filters)["urls"])
        want = {u for u in expected(dom_truth, query)
                if all(has(by_url[u], f, v) for f, v in filters.items())}
        assert got == want, (query, filters)
        assert want, (query, filters)


TWINS = """(strings) => {
  const m = window.sarabunSearchCore;
  return strings.map(s => [m.canonical(s), m.normalise(s), m.queryParts(s), m.grams(m.normalise(s)),
                           m.lookupGrams(m.normalise(s)), m.fnv1a(s)]);
}"""


def test_browser_and_python_agree(search_page: Any, dom_truth: dict[str, list[str]]) -> None:
    """core.js and sarabun.search.text are twins: same normal form, parts, grams and hash."""
    search_page.evaluate("""async () => {
        window.sarabunSearchCore = await import("./assets/search/core.js"); }""")
    strings = [q for _, q in QUERIES] + [
        "นํ้า", "น ํ ้ า", "เเก้", "กี้", "ก\u200bข", "ข้อ ๓.๑", "Σίσυφος ΟΔΟΣ", "İstanbul",
        "a\u00a0b\u3000c", "😀กข", "ﬁ", "ก..ข", "ก. ข", "๏ ฯลฯ", "",
    ] + [b for blocks in list(dom_truth.values())[:6] for b in blocks[:20]]
    long = "ประเด็นยุทธศาสตร์การพัฒนาระบบราชการไทยของสำนักงานคณะกรรมการพัฒนาระบบราชการ"
    strings += [long, long[:25], long[:26], long[:27]]
    js = search_page.evaluate(TWINS, strings)
    for s, (can, norm, parts, gs, lg, h) in zip(strings, js, strict=True):
        assert can == canonical(s), s
        assert norm == normalise(s), s
        assert parts == query_parts(s), s
        assert gs == grams(normalise(s)), s
        assert lg == lookup_grams(normalise(s)), s
        assert h == fnv1a(s), s


def test_ranking_puts_the_whole_phrase_first(search_page: Any) -> None:
    got = run(search_page, "ระบบ ราชการ")
    assert any(got["phrase"]) and not all(got["phrase"])
    first_false = got["phrase"].index(False)
    assert all(got["phrase"][:first_false]) and not any(got["phrase"][first_false:])


def test_documents_rank_before_site_pages(search_page: Any) -> None:
    """A word on documents and on the site's own pages (home, about): documents first."""
    urls = run(search_page, "ราชกิจจานุเบกษา")["urls"]
    is_doc = [u.startswith(("regulations/", "records/")) for u in urls]
    assert "about/" in urls and any(is_doc)
    assert is_doc == sorted(is_doc, reverse=True), urls


# --- the user interface -----------------------------------------------------------------------

def no_horizontal_scroll(page: Any) -> None:
    state = page.evaluate("({s: document.documentElement.scrollWidth, w: window.innerWidth})")
    assert state["s"] <= state["w"] + 1, state


def new_context(browser: Any, viewport: str) -> Any:
    return browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone",
                               device_scale_factor=2 if viewport == "phone" else 1)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_search_page(browser: Any, base_url: str, dom_truth: dict[str, list[str]], shots: Path,
                     viewport: str) -> None:
    context = new_context(browser, viewport)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        page = context.new_page()
        query = "กลุ่มจังหวัด"
        page.goto(base_url + "search.html?q=" + query, wait_until="networkidle")
        page.wait_for_selector("[data-sarabun-search=page][data-state=done]")
        items = page.locator(".sarabun-results .sarabun-result")
        want = expected(dom_truth, query)
        assert items.count() == len(want) > 1
        status = page.locator(".sarabun-searchpage__status").inner_text()
        assert re.search(r"พบ [๐-๙]+ รายการ", status), status
        first = items.first
        assert first.locator(".sarabun-result__title").is_visible()
        hrefs = {h.removeprefix(base_url) for h in
                 items.locator(".sarabun-result__title").evaluate_all("a => a.map(x => x.href)")}
        assert hrefs == want
        meta = first.locator(".sarabun-result__meta").inner_text()
        assert re.search(r"[ก-๙]", meta)
        marks = first.locator(".sarabun-result__excerpt mark")
        assert marks.count() >= 1 and normalise(marks.first.inner_text()) == normalise(query)
        excerpt = first.locator(".sarabun-result__excerpt").inner_text()
        assert "  " not in excerpt
        no_horizontal_scroll(page)
        assert page.locator(".sarabun-searchpage__more").is_hidden()  # all shown already
        page.screenshot(path=str(shots / f"search-page-{viewport}.png"), full_page=False)
        page.locator(".sarabun-results").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / f"search-results-{viewport}.png"), full_page=False)
        # a filter narrows the list and goes into the address
        page.select_option("select[name=type]", "report")
        page.wait_for_function("""() => location.search.includes('type=report') &&
            document.querySelector('[data-sarabun-search=page]').dataset.state === 'done'""")
        types = page.locator(".sarabun-result__type").all_inner_texts()
        assert types and set(types) == {"รายงาน"}
        assert page.locator(".sarabun-result").count() < len(want)
        # the filter choices show how many results each value has
        options = page.locator("select[name=type] option").all_inner_texts()
        assert any(re.search(r"รายงาน \([๐-๙]+\)", o) for o in options), options
        no_horizontal_scroll(page)
        if viewport == "desktop":
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(500)  # let the header tabs come back after scrolling
            page.screenshot(path=str(shots / "search-page-filtered-desktop.png"), full_page=True)
    finally:
        context.close()
    assert [u for u in requests if not u.startswith(base_url)] == []
    assert any("/search-index/t/" in u for u in requests)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_header_box(browser: Any, base_url: str, shots: Path, viewport: str) -> None:
    context = new_context(browser, viewport)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        page = context.new_page()
        page.goto(base_url + "browse/types/", wait_until="networkidle")
        box = page.locator("#sarabun-search-q")
        if viewport == "phone":
            assert not box.is_visible()
            page.locator(".sarabun-search__open").click()
        assert box.is_visible()
        box.fill("ก.พ.ร.")
        panel = page.locator("#sarabun-search-panel")
        panel.locator(".sarabun-result").first.wait_for()
        assert panel.is_visible()
        assert 1 <= panel.locator(".sarabun-result").count() <= 5
        assert "พบ" in panel.locator(".sarabun-search__note").inner_text()
        link = panel.locator(".sarabun-search__all")
        assert "search.html?q=" in (link.get_attribute("href") or "")
        box_rect = panel.bounding_box()
        assert box_rect is not None and box_rect["x"] >= 0
        assert box_rect["x"] + box_rect["width"] <= VIEWPORTS[viewport]["width"] + 1
        no_horizontal_scroll(page)
        time.sleep(0.2)
        page.screenshot(path=str(shots / f"search-header-{viewport}.png"))
        page.keyboard.press("Escape")
        assert not panel.is_visible()
        # Enter opens the search page with the query
        box = page.locator("#sarabun-search-q")
        if viewport == "phone":
            page.locator(".sarabun-search__open").click()
        box.fill("๒๕๔๗")
        box.press("Enter")
        page.wait_for_url(re.compile(r"search\.html\?q="))
        page.wait_for_selector("[data-sarabun-search=page][data-state=done]")
        assert page.locator(".sarabun-result").count() > 0
    finally:
        context.close()
    assert [u for u in requests if not u.startswith(base_url)] == []


def test_index_downloads_stay_small(browser: Any, base_url: str) -> None:
    """A query reads the manifest, a few gram shards and the texts of its results only."""
    context = browser.new_context()  # an empty cache
    sizes: dict[str, int] = {}
    try:
        page = context.new_page()
        page.goto(base_url + "search.html", wait_until="networkidle")
        page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.ok else None)
        page.evaluate("""async () => {
            const core = await import("./assets/search/core.js");
            const index = new core.SearchIndex(new URL("search-index/", location.href).href);
            await index.query("ประเด็นยุทธศาสตร์").next(10); }""")
    finally:
        context.close()
    shard_files = [u for u in sizes if re.search(r"/s\d+/g\d+\.gz", u)]
    texts = [u for u in sizes if "/search-index/t/" in u]
    assert 1 <= len(shard_files) <= len(lookup_grams(normalise("ประเด็นยุทธศาสตร์")))
    assert len(texts) <= 3
    assert sum(sizes.values()) < 200_000, json.dumps(sizes, indent=1)
