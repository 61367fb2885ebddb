"""Thai search without a browser: normalisation, page text, the index files, the Python reader.

The reader runs the browser's algorithm in Python, so these tests check on every document of the
real site that the index finds every page containing a query and no other (the browser test
then checks the same in chromium, against the page text chromium shows).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import shutil
from pathlib import Path

import pytest

from sarabun.search import (
    INDEX_DIR,
    IndexReader,
    build_index,
    canonical,
    matches,
    normalise,
    normalise_blocks,
    query_parts,
    site_pages,
)
from sarabun.search.extract import DOCUMENT, SITE_PAGE, Page, parse_page, parse_site_page
from sarabun.search.index import HEAD_CHARS, PIECE_CHARS, fnv1a, order_pages, split_text
from sarabun.search.postings import SegmentPostings, count_chunk, doc_grams
from sarabun.search.reader import read_shard
from sarabun.search.text import grams, lookup_grams
from sarabun.search_cmd import add_command
from searchkit import QUERIES

# --- normalisation --------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("๒๕๔๗", "2547"),
    ("ก.พ.ร.", "กพร"),
    ("อ.ก.พ.ร.", "อกพร"),
    ("พ.ศ. ๒๕๔๗", "พศ2547"),
    ("กลุ่ม จังหวัด", "กลุ่มจังหวัด"),
    ("PMQA", "pmqa"),
    ("ต่าง ๆ", "ต่างๆ"),
    ("นํ้า", "น้ำ"),                      # nikhahit + sara aa typed for sara am
    ("เเก้ไข", "แก้ไข"),                   # two sara e for sara ae
    ("กี้", "ก" + "\u0e49\u0e35"),          # tone mark typed before the upper vowel
    ("จัง\u200bหวัด", "จังหวัด"),           # zero-width space
    ("ข้อ ๓.๑", "ข้อ3.1"),                 # a dot after a digit stays
])
def test_same_after_normalising(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(("a", "b"), [
    ("เขา", "เข้า"),
    ("กิน", "กัน"),
    ("3.1", "31"),
    ("ป่า", "ปา"),
])
def test_different_after_normalising(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


def test_canonical_looks_the_same() -> None:
    assert canonical("นํ้า") == "น้ำ"
    assert canonical("ก.พ.ร. ๒๕๔๗") == "ก.พ.ร. ๒๕๔๗"


def test_query_parts_and_matches() -> None:
    assert query_parts("  ก.พ.ร.   จังหวัด ") == ["กพร", "จังหวัด"]
    assert query_parts("ต่าง ๆ นา ๆ") == ["ต่างๆ", "นาๆ"]
    assert query_parts(" \u200b ") == []
    blocks = normalise_blocks(["สำนักงาน ก.พ.ร. ปี ๒๕๔๗", "จังหวัดเชียงใหม่"])
    assert matches(blocks, query_parts("กพร 2547"))
    assert matches(blocks, query_parts("ก.พ.ร. จังหวัด"))
    assert not matches(blocks, query_parts("ปี2547จังหวัด"))  # not across two blocks
    assert not matches(blocks, [])
    assert grams("ก") == ["ก"]
    assert grams("กพร") == ["กพร"]
    assert grams("กลุ่ม") == ["กลุ", "ลุ่", "ุ่ม"]
    assert lookup_grams("กลุ่มจังหวัด") == ["กลุ", "่มจ", "ังห", "วัด"]
    assert lookup_grams("abcdefg") == ["abc", "def", "efg"]
    long = "x" * 30 + "abcdefghijklmnopqrstuvwxyz"
    assert len(lookup_grams(long)) <= 8 and lookup_grams(long)[-1] == "xyz"


# --- reading the built pages ------------------------------------------------------------------

@pytest.fixture(scope="module")
def pages(built_site: Path) -> list[Page]:
    return site_pages(built_site)


def documents(pages: list[Page]) -> list[Page]:
    return [p for p in pages if p.kind == DOCUMENT]


def test_every_document_page_is_read(pages: list[Page], built_site: Path) -> None:
    dirs = [p for d in ("regulations", "records") for p in (built_site / d).glob("*/index.html")]
    assert len(documents(pages)) == len(dirs) > 0
    for page in documents(pages):
        assert page.title and page.blocks[0] == page.title
        assert page.type_code and page.type and page.issuer and page.status_code
        assert page.doc_id and page.url.endswith(page.doc_id + "/")


def test_site_pages_are_read(pages: list[Page]) -> None:
    """The hand-written pages and the staff and data pages are searched too; the listings, the
    search page, the 404 page and the documents' history pages are not."""
    site = {p.url: p for p in pages if p.kind == SITE_PAGE}
    assert {"", "about/", "contribute/", "data/", "staff/errors/", "staff/schema/"} <= set(site)
    assert not [u for u in site if u.startswith(("browse/", "regulations/", "records/"))]
    assert "search.html" not in site and "404.html" not in site
    about = site["about/"]
    assert about.title == "เกี่ยวกับเว็บไซต์" == about.blocks[0] and about.body_start == 1
    assert "ความเป็นส่วนตัว" in about.blocks
    assert not (about.type_code or about.year or about.issuer or about.status or about.provinces)
    kinds = [p.kind for p in pages]
    assert kinds == sorted(kinds, key=[DOCUMENT, SITE_PAGE].index)  # documents, then site pages


def test_gazette_table_is_not_indexed_twice() -> None:
    """The Royal Gazette table repeats citations that the text has: only the text is indexed."""
    html = ("<article><h1>พระราชบัญญัติ</h1><p>[๑] ราชกิจจานุเบกษา เล่ม ๑๒๕ ตอนที่ ๒๗ ก หน้า ๑</p>"
            '<div class="sarabun-gazette-table"><table><tr><td>๑๒๕</td>'
            "<td>ราชกิจจานุเบกษา เล่ม ๑๒๕ ตอนที่ ๒๗ ก หน้า ๑</td></tr></table></div></article>")
    page = parse_site_page(html, "x/")
    assert page is not None
    assert sum("ราชกิจจานุเบกษา" in b for b in page.blocks) == 1 and "๑๒๕" not in page.blocks


def test_preformatted_lines_are_blocks() -> None:
    html = ("<article><h1>หน้า</h1><pre><code>sarabun new order\n"
            "sarabun check\tตรวจ</code></pre><p>ต่อ ไป</p></article>")
    page = parse_site_page(html, "x/")
    assert page is not None and page.kind == SITE_PAGE
    assert page.blocks == ["หน้า", "sarabun new order", "sarabun check", "ตรวจ", "ต่อ ไป"]
    assert parse_site_page("<article><p>ไม่มีหัวเรื่อง</p></article>", "x/") is None


def test_page_text_leaves_out_labels_and_notices(pages: list[Page]) -> None:
    for page in documents(pages):
        text = "\n".join(page.blocks)
        for furniture in ("ประเภท\n", "หน่วยงานที่ออก", "ยังไม่มีข้อความของเอกสารนี้ในคลัง", "¶",
                          "ดูไฟล์ต้นฉบับ"):
            assert furniture not in text, (page.url, furniture)


def test_page_metadata(pages: list[Page]) -> None:
    by_id = {p.doc_id: p for p in pages}
    order = by_id["opm-order-2545-301"]
    assert (order.type_code, order.type, order.number, order.date, order.year) == (
        "order", "คำสั่ง", "๓๐๑/๒๕๔๕", "๘ ตุลาคม ๒๕๔๕", "2545")
    assert order.issuer.startswith("สำนักนายกรัฐมนตรี")
    assert order.status_code == "metadata-only"
    report = by_id["moi-ps-report-provincial-supervision"]
    assert "เชียงใหม่" in report.provinces
    assert report.year == ""


def test_parse_page_of_a_non_document() -> None:
    assert parse_page("<html><body><article><h1>หน้าแรก</h1></article></body></html>", "x/") is None


def test_order_is_newest_first(pages: list[Page]) -> None:
    years = [int(p.year) for p in order_pages(pages) if p.year]
    assert years == sorted(years, reverse=True)
    assert not order_pages(pages)[-1].year  # unknown dates last
    kinds = [p.kind for p in order_pages(pages)]
    assert kinds == sorted(kinds, key=[SITE_PAGE, DOCUMENT].index)  # the few site pages first


# --- the index files ----------------------------------------------------------------------------

def test_index_files(searched_site: Path, pages: list[Page]) -> None:
    root = searched_site / INDEX_DIR
    manifest = json.loads((root / "index.json").read_text("utf-8"))
    assert manifest["documents"] == len(pages)
    assert sum(s["count"] for s in manifest["segments"]) == len(pages)
    assert {f["value"] for f in manifest["facets"]["type"]} == {p.type_code for p in
                                                                  documents(pages)}
    assert manifest["kinds"] == {"page": "หน้าเว็บ"}
    year_labels = {f["value"]: f["label"] for f in manifest["facets"]["year"]}
    assert year_labels["2545"] == "พ.ศ. ๒๕๔๕"
    shard = read_shard(gzip.decompress((root / "s0" / "g0.gz").read_bytes()))
    assert shard and all(fnv1a(g) % manifest["segments"][0]["shards"] == 0 for g in shard)
    for ids, weights in shard.values():
        assert ids == sorted(ids) and len(ids) == len(weights)


def test_long_text_is_cut_into_pieces() -> None:
    blocks = [f"{i:04d}" + "ก" * 996 for i in range(20)]  # 20 blocks of 1000 characters
    pieces = split_text(blocks)
    assert [b for p in pieces for b in p] == blocks  # nothing lost, order kept
    assert sum(map(len, pieces[0])) == HEAD_CHARS
    assert all(sum(map(len, p)) <= PIECE_CHARS for p in pieces[1:])
    assert split_text(["สั้น"]) == [["สั้น"]]


def test_site_pages_are_not_changed(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)

    def digest() -> dict[str, str]:
        return {f.relative_to(site).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest()
                for f in site.rglob("*") if f.is_file() and INDEX_DIR not in f.parts}

    before = digest()
    stats = build_index(site)
    assert digest() == before
    assert stats.documents > 0 and (site / INDEX_DIR / "index.json").exists()
    assert not list(site.glob(f".{INDEX_DIR}*"))  # the temporary folder is gone
    build_index(site)  # a second build replaces the first
    assert digest() == before


_NORMALISED: dict[int, list[str]] = {}


def normalised(page: Page) -> list[str]:
    if id(page) not in _NORMALISED:
        _NORMALISED[id(page)] = normalise_blocks(page.blocks)
    return _NORMALISED[id(page)]


def truth(pages: list[Page], query: str, filters: dict[str, str] | None = None) -> set[str]:
    parts = query_parts(query)
    out = set()
    for page in pages:
        if not matches(normalised(page), parts):
            continue
        f = filters or {}
        if f.get("type") and page.type_code != f["type"]:
            continue
        if f.get("year") and page.year != f["year"]:
            continue
        if f.get("province") and f["province"] not in page.provinces:
            continue
        out.add(page.url)
    return out


def random_substrings(pages: list[Page], n: int, seed: int = 3) -> list[str]:
    """Pieces of page text of 1 to 12 characters, cut anywhere (not only at word boundaries)."""
    rng = random.Random(seed)
    blocks = [b for p in pages for b in p.blocks if len(b) > 12]
    out = []
    for _ in range(n):
        b = rng.choice(blocks)
        length = rng.randint(1, 12)
        start = rng.randrange(0, len(b) - length)
        piece = b[start:start + length]
        if piece.strip():
            out.append(piece)
    return out


def test_reader_finds_exactly_the_pages(searched_site: Path, pages: list[Page]) -> None:
    reader = IndexReader(searched_site / INDEX_DIR)
    for _, query in QUERIES + [("random", q) for q in random_substrings(pages, 400)]:
        expected = truth(pages, query)
        result = reader.search(query)
        assert {c.url for c in result.candidates} >= expected, query  # never misses a page
        assert set(result.urls) == expected, query


def test_segments_give_the_same_results(built_site: Path, pages: list[Page],
                                        tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    stats = build_index(site, segment_size=7)
    assert stats.segments == -(-len(pages) // 7)
    reader = IndexReader(site / INDEX_DIR)
    for _, query in QUERIES:
        assert set(reader.search(query).urls) == truth(pages, query), query


def test_filters(searched_site: Path, pages: list[Page]) -> None:
    reader = IndexReader(searched_site / INDEX_DIR)
    for filters in ({"type": "cabinet-resolution"}, {"year": "2547"}, {"province": "เชียงใหม่"},
                    {"type": "order", "year": "2545"}):
        for query in ("ราชการ", "ก.พ.ร.", "๒๕๔๗", "จังหวัด"):
            assert set(reader.search(query, filters).urls) == truth(pages, query, filters)
    assert reader.search("ราชการ", {"type": "no-such-type"}).hits == []


def test_site_pages_are_found_and_filtered_out(searched_site: Path, pages: list[Page]) -> None:
    reader = IndexReader(searched_site / INDEX_DIR)
    assert reader.search("ความเป็นส่วนตัว").urls == ["about/"]
    hit = reader.search("ความเป็นส่วนตัว").hits[0]
    assert reader.record(hit.id)[2] == "page"  # shown as "หน้าเว็บ" (the manifest's kinds)
    for filters in ({"type": "order"}, {"year": "2545"}, {"status": "in-force"},
                    {"province": "เชียงใหม่"}):
        assert reader.search("ความเป็นส่วนตัว", filters).hits == []
    # a word on site pages and documents: a filter keeps only the documents
    both = reader.search("ราชกิจจานุเบกษา").urls
    assert "about/" in both and any(u.startswith("records/") for u in both)
    assert set(reader.search("ราชกิจจานุเบกษา", {"type": "plan"}).urls) == truth(
        pages, "ราชกิจจานุเบกษา", {"type": "plan"}) != set()


# --- counting grams, in parallel ----------------------------------------------------------------

def naive_grams(blocks: list[str], title: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for weight, texts in ((1, blocks), (4, title)):
        for s in texts:
            for n in (1, 2, 3):
                for i in range(len(s) - n + 1):
                    counts[s[i:i + n]] = counts.get(s[i:i + n], 0) + weight
    return counts


def test_doc_grams() -> None:
    blocks = normalise_blocks(["ก.พ.ร. จังหวัด", "กลุ่มจังหวัด", "ก", "ab", "กลุ่ม\nจัง"])
    title = normalise_blocks(["กลุ่มจังหวัด"])
    assert dict(doc_grams(blocks, title)) == naive_grams(blocks, title)
    assert dict(doc_grams([], [])) == {}


def test_chunks_join_to_one(pages: list[Page]) -> None:
    docs = [(normalise_blocks(p.blocks), normalise_blocks([p.title])) for p in pages]
    whole, joined = SegmentPostings(), SegmentPostings()
    whole.add(count_chunk(docs, 0))
    for a in range(0, len(docs), 4):
        joined.add(count_chunk(docs[a:a + 4], a))
    grams_ = sorted(whole.grams)
    assert sorted(joined.grams) == grams_ and joined.postings == whole.postings
    assert joined.shard_bytes(grams_) == whole.shard_bytes(grams_)
    shard = read_shard(whole.shard_bytes(grams_))
    for gram in ("ราช", "ก", "กพ"):
        want = [d for d, (blocks, title) in enumerate(docs) if gram in naive_grams(blocks, title)]
        assert shard[gram][0] == want


def test_parallel_build_is_the_same(built_site: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Two processes, many chunks: byte for byte the files of one process; and the same again
    from pages given already read (their text kept, not spilled to the scratch folder)."""
    import sarabun.search.index as index_module

    monkeypatch.setattr(index_module, "CHUNK_DOCS", 5)
    digests = []
    for jobs, given in ((1, None), (2, None), (2, site_pages(built_site))):
        site = tmp_path / f"site{len(digests)}"
        shutil.copytree(built_site, site)
        build_index(site, jobs=jobs, segment_size=12, pages=given)
        root = site / INDEX_DIR
        digests.append({f.relative_to(root).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest()
                        for f in sorted(root.rglob("*")) if f.is_file()})
        # nothing left beside the index (the scratch folder of the pages' text is removed)
        assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == []
    assert digests[0] == digests[1] == digests[2] and len(digests[0]) > 20


# --- the command --------------------------------------------------------------------------------

def run_cli(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="command", required=True)
    add_command(sub)
    args = ap.parse_args(argv)
    code: int = args.func(args)
    return code


def test_command(built_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    assert run_cli(["search-index", str(site), "--query", "ก.พ.ร. จังหวัด",
                    "--filter", "type=report"]) == 0
    out = capsys.readouterr().out
    assert "ดัชนีค้นหา:" in out and "records/opdc-report-2548-annual/" in out
    assert (site / INDEX_DIR / "index.json").exists()


def test_command_errors(tmp_path: Path) -> None:
    from sarabun.errors import SarabunError

    with pytest.raises(SarabunError, match=r"index\.html"):
        run_cli(["search-index", str(tmp_path)])
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    with pytest.raises(SarabunError, match="ตัวกรอง"):
        run_cli(["search-index", str(tmp_path), "--query", "x", "--filter", "colour=red"])
    with pytest.raises(SarabunError, match="--jobs"):
        run_cli(["search-index", str(tmp_path), "--jobs", "0"])


def test_preview_builds_the_index(built_site: Path, tmp_path: Path) -> None:
    """mkdocs serve (make preview): the plugin indexes the site it serves after each build; a
    plain mkdocs build leaves it to make site (sarabun search-index after the strict build)."""
    from types import SimpleNamespace

    from sarabun.mkdocs_plugin import SarabunPlugin

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    plugin = SarabunPlugin()
    config = SimpleNamespace(site_dir=str(site))
    plugin.on_startup(command="build", dirty=False)
    plugin.on_post_build(config=config)  # type: ignore[arg-type]
    assert not (site / INDEX_DIR).exists()
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_post_build(config=config)  # type: ignore[arg-type]
    assert IndexReader(site / INDEX_DIR).search("ความเป็นส่วนตัว").urls == ["about/"]


# --- the site uses this search, not Material's ---------------------------------------------

def test_site_has_the_search_ui(built_site: Path) -> None:
    home = (built_site / "index.html").read_text("utf-8")
    assert 'data-sarabun-search="header"' in home
    assert 'action="search.html"' in home
    assert 'src="assets/search/ui.js"' in home and 'type="module"' in home
    assert "assets/search/search.css" in home
    page = (built_site / "search.html").read_text("utf-8")
    assert 'data-sarabun-search="page"' in page and "<h1>ค้นหาเอกสาร</h1>" in page
    assert not (built_site / "search" / "search_index.json").exists()  # Material's search is off
    for name in ("core.js", "ui.js", "search.css"):
        assert (built_site / "assets" / "search" / name).stat().st_size > 1000
