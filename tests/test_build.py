"""Safe, repeatable publishing: byte-identical builds of one commit, a failed ``make site`` that
leaves the previous site untouched, and no broken link in the feeds or the sitemap."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, site_root
from test_site import fixture_repo, resolve

SITE_URL = "https://example.org/sarabun/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def tree(path: Path) -> dict[str, str]:
    """Every file under ``path`` -> sha256 of its bytes."""
    return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


def build(root: Path, out: Path, **env: str) -> None:
    full = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    full.update({"NO_MKDOCS_2_WARNING": "1", **env})
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                           "--site-dir", str(out)], cwd=root, env=full, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr


def commit_time(root: Path) -> int | None:
    proc = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                          capture_output=True, text=True)
    return int(proc.stdout) if proc.returncode == 0 and proc.stdout.strip() else None


def test_two_builds_of_one_commit_are_byte_identical(tmp_path: Path) -> None:
    root = site_root()
    # The second build runs in another time zone: nothing may depend on the clock.
    build(root, tmp_path / "a", SARABUN_SITE_URL=SITE_URL)
    build(root, tmp_path / "b", SARABUN_SITE_URL=SITE_URL, TZ="Pacific/Kiritimati")
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []
    when = commit_time(root)
    if when is None:
        pytest.skip("not a git repository: the build date is today's")
    # The build date in the sitemap is the last commit's, not the day of the build.
    day = datetime.fromtimestamp(when, UTC).strftime("%Y-%m-%d")
    sitemap = (tmp_path / "a" / "sitemap.xml").read_text(encoding="utf-8")
    lastmods = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))
    assert lastmods <= {day}
    raw = (tmp_path / "a" / "sitemap.xml.gz").read_bytes()
    midnight = int(datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC).timestamp())
    assert int.from_bytes(raw[4:8], "little") in (midnight, when)  # gzip header MTIME
    assert gzip.decompress(raw).decode("utf-8") == sitemap


def make_site(root: Path) -> subprocess.CompletedProcess[str]:
    """The Makefile's own ``site`` target, run in ``root`` with this checkout's venv."""
    return subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "-o", ".venv/.installed",
         f"BIN={Path(sys.executable).parent}", "site"],
        cwd=root, capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    root = fixture_repo(tmp_path / "repo")
    first = make_site(root)
    assert first.returncode == 0, first.stderr
    before = tree(root / "site")
    assert "regulations/opm-order-2545-301/index.html" in before
    # A missing original is a strict-mode warning: mkdocs writes every page into .site-new
    # and fails only at the end, so the build fails midway through what make does.
    original = root / "docs" / "originals" / "fixture.txt"
    kept = original.read_bytes()
    original.unlink()
    minutes = root / "records" / "minutes" / "pdc-regional-minutes-2564-1.md"
    minutes.write_text(minutes.read_text(encoding="utf-8").replace("ที่ประชุม", "ผู้ประชุม"),
                       encoding="utf-8")
    failed = make_site(root)
    assert failed.returncode != 0, (
        "make site swapped in a build with a strict-mode warning: mkdocs 1.6 does not count "
        "warnings under --quiet, so the site target must not pass --quiet")
    assert "ไม่พบไฟล์ต้นฉบับ" in failed.stderr
    assert (root / ".site-new" / "regulations").is_dir(), "the build did not get midway"
    assert tree(root / "site") == before
    # Fixed, the next build is swapped in whole.
    original.write_bytes(kept)
    again = make_site(root)
    assert again.returncode == 0, again.stderr
    after = tree(root / "site")
    assert not (root / ".site-new").exists() and not (root / "site.old").exists()
    changed = {k for k in after if after[k] != before.get(k)}
    assert "records/pdc-regional-minutes-2564-1/index.html" in changed
    assert "records/pdc-regional-minutes-2564-1.json" in changed


def test_feed_links_resolve(built_site: Path) -> None:
    feeds = sorted((built_site / "feeds").glob("*.xml"))
    assert feeds, "no feeds built"
    broken = []
    for feed in feeds:
        root = ET.parse(feed).getroot()
        for link in root.iter(f"{ATOM}link"):
            href = link.get("href") or ""
            local = href[len(SITE_URL):] if href.startswith(SITE_URL) else href
            if urlsplit(local).scheme:
                continue  # another site address (mkdocs.yml site_url): checked by shape only
            if resolve(built_site, feed, local) is None:
                broken.append(f"{feed.name}: {href}")
    assert broken == []


def test_sitemap_lists_every_page_on_the_site_address(built_site: Path) -> None:
    root = ET.parse(built_site / "sitemap.xml").getroot()
    locs = [e.text or "" for e in root.iter(f"{SITEMAP}loc")]
    if not locs:
        pytest.skip("mkdocs.yml has no site_url: the sitemap needs the site's address")
    base = min(locs, key=len)  # the home page: the site's address
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")}
    listed = {(loc[len(base):] + "index.html") for loc in locs}
    redirects = {p for p in pages if "http-equiv=\"refresh\"" in
                 (built_site / p).read_text(encoding="utf-8")}
    assert listed == pages - redirects
