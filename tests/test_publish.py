"""Feeds, per-document JSON, JSON-LD and the open-data page (sarabun.publish) on the fixture
corpus: valid, deterministic, dated by the documents (BE converted to CE), escaped."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sarabun.corpus import Corpus, load_corpus
from sarabun.export import COLUMNS
from sarabun.publish import (
    ALL_FEED,
    DATA_CSV,
    DATA_JSON,
    Heads,
    json_ld_script,
    legislation,
    open_data_page,
    publish_files,
)
from sarabun.render import Site

FIXTURE = Path(__file__).parent / "fixtures" / "site_corpus"
ATOM = "{http://www.w3.org/2005/Atom}"
REGULATION = "opm-regulation-2547-regional-supervision"
TRICKY = "opm-ps-order-2545-164"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    c = load_corpus(FIXTURE)
    assert c.problems == []
    return c


@pytest.fixture(scope="module")
def files(corpus: Corpus) -> dict[str, str]:
    return publish_files(Site(corpus))


def entries(feed: str) -> list[ET.Element]:
    root = ET.fromstring(feed.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    return root.findall(f"{ATOM}entry")


def test_all_feed_newest_first_ce_dates_undated_left_out(files: dict[str, str]) -> None:
    items = entries(files[ALL_FEED])
    ids = [e.findtext(f"{ATOM}id") for e in items]
    assert ids == [f"urn:sarabun:document:{i}" for i in (
        "pdc-regional-minutes-2564-1", REGULATION, TRICKY, "opm-order-2545-301")]
    updated = [e.findtext(f"{ATOM}updated") for e in items]
    # 18 February 2564 BE is 2021 CE; the document's own date, never the build's.
    assert updated[0] == "2021-02-18T00:00:00+07:00"
    assert updated == sorted(updated, reverse=True)
    first = items[0]
    assert first.find(f"{ATOM}link[@type='text/html']").get("href") == (  # type: ignore[union-attr]
        "../records/pdc-regional-minutes-2564-1/")
    for e in items:
        for tag in ("title", "published", "author", "summary", "category"):
            assert e.find(f"{ATOM}{tag}") is not None, tag


def test_feed_per_type_and_escaping(files: dict[str, str]) -> None:
    assert {p for p in files if p.startswith("feeds/")} == {
        ALL_FEED, "feeds/order.xml", "feeds/regulation.xml", "feeds/minutes.xml"}
    orders = entries(files["feeds/order.xml"])
    assert orders[0].findtext(f"{ATOM}title") == (
        'คำสั่ง <สปน.> ที่ 164/2545 & "ทดสอบ" *อักขระ* [พิเศษ]')


def test_absolute_links_when_the_site_address_is_known(corpus: Corpus) -> None:
    feed = publish_files(Site(corpus), "https://example.org/sarabun/")[ALL_FEED]
    assert 'rel="self" type="application/atom+xml" ' \
           'href="https://example.org/sarabun/feeds/all.xml"' in feed
    assert 'href="https://example.org/sarabun/regulations/opm-order-2545-301/"' in feed


def test_document_json_beside_the_page(files: dict[str, str], corpus: Corpus) -> None:
    for doc in corpus.documents:
        data = json.loads(files[f"{doc.type.category.value}/{doc.id}.json"])
        assert data["schema"] == "sarabun/document@1"
        assert data["document"]["id"] == str(doc.id)
        assert data["document"]["url"] == doc.url
    order = json.loads(files["regulations/opm-order-2545-301.json"])["document"]
    assert order["amended_by"] == [REGULATION]
    regulation = json.loads(files[f"regulations/{REGULATION}.json"])["document"]
    assert regulation["body"].startswith(("#", "ข้อ"))
    assert regulation["issuer_name"] == "สำนักนายกรัฐมนตรี"


def test_open_data_export_and_page(files: dict[str, str], corpus: Corpus) -> None:
    assert json.loads(files[DATA_JSON])["count"] == len(corpus.documents)
    assert files[DATA_CSV].startswith("\ufeff" + ",".join(COLUMNS))
    page = open_data_page(Site(corpus))
    for href in ('href="documents.json"', 'href="documents.csv"', 'href="../feeds/all.xml"',
                 'href="../feeds/order.xml"', 'href="../sitemap.xml"'):
        assert href in page
    for name in COLUMNS:
        assert f"`{name}`" in page


def test_legislation_json_ld(corpus: Corpus) -> None:
    site = Site(corpus)
    reg = legislation(site, site.by_id[REGULATION], "https://example.org/")
    assert reg is not None
    assert reg["@type"] == "Legislation"
    assert reg["legislationDate"] == "2004-03-15"
    assert reg["legislationLegalForce"] == "https://schema.org/InForce"
    assert reg["legislationAmends"] == [{
        "@type": "Legislation", "identifier": "opm-order-2545-301",
        "name": "คำสั่งสำนักนายกรัฐมนตรี ที่ ๓๐๑/๒๕๔๕",
        "url": "https://example.org/regulations/opm-order-2545-301/"}]
    assert reg["url"] == f"https://example.org/regulations/{REGULATION}/"
    repealed = legislation(site, site.by_id[TRICKY], None)
    assert repealed is not None and repealed["legislationLegalForce"].endswith("NotInForce")
    assert legislation(site, site.by_id["skkp-profile"], None) is None  # not a legal document
    script = json_ld_script(repealed)
    assert "<สปน." not in script and "\\u003cสปน." in script
    body = script.split("\n", 1)[1].rsplit("\n", 1)[0]
    assert json.loads(body)["name"].startswith("คำสั่ง <สปน.>")


def test_head_links(corpus: Corpus) -> None:
    heads = Heads(Site(corpus))
    doc = heads.html(f"regulations/{REGULATION}.md")
    assert 'type="application/atom+xml"' in doc and 'href="../../feeds/all.xml"' in doc
    assert f'type="application/json" href="../{REGULATION}.json"' in doc
    assert '<script type="application/ld+json">' in doc
    record = heads.html("records/skkp-profile.md")
    assert "ld+json" not in record and "skkp-profile.json" in record
    assert 'href="../../../feeds/order.xml"' in heads.html("browse/types/order.md")
    assert "ld+json" not in heads.html("index.md")


def test_deterministic(corpus: Corpus, files: dict[str, str]) -> None:
    again = publish_files(Site(load_corpus(FIXTURE)))
    assert again == files
    assert not re.search(r"20[2-9]\d-\d\d-\d\dT(?!00:00:00\+07:00)", "".join(files.values()))
