"""Benchmark the Thai search on synthetic corpora made of real Thai text (the seed documents).

For each size N (default 1000, 5000 and 20000 documents) it:

1. copies the repository into a temporary folder and adds N documents of varied type, year,
   issuer, status and provinces, whose bodies are paragraphs of the seed texts (docs/originals);
   one document also gets a phrase no other has, so that "one page only" is measured too;
2. builds the site (``mkdocs build``), then the search index (``sarabun search-index``) in a
   separate process, recording its time and peak memory (``ru_maxrss``) and the index size;
3. serves the site and, in headless chromium, runs each benchmark query in a fresh browser
   context (cold cache) and then again (warm): latency until the first 10 results are shown,
   bytes downloaded from ``search-index/`` for the query, results and candidates.

With ``--synthetic`` step 1 and ``mkdocs build`` are replaced: one small site is built with a
template page of each type, and the N document pages are written straight into it, each a copy of
a template's HTML with its own title, number, date, address and body paragraphs (the same text as
step 1 would give), so that 50,000 or 100,000 documents take minutes. ``--no-browser`` skips
step 3 (to measure only the index build).

Optionally (``--pagefind``) it also times the stock Pagefind binary (``pip install
"pagefind[bin]"``) on the same site's document pages, for comparison. Not a test: the table is
printed (Markdown) and written to ``--out`` if given.

Usage: python scripts/bench_search.py [N ...] [--out FILE] [--pagefind] [--keep DIR]
       [--synthetic] [--no-browser]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
UNIQUE = "สารบรรณทดสอบเฉพาะฉบับ"
QUERIES = [
    ("common word", "ราชการ"),
    ("compound", "กลุ่มจังหวัด"),
    ("compound", "ประเด็นยุทธศาสตร์"),
    ("abbreviation", "ก.พ.ร."),
    ("Thai digits", "๒๕๔๘"),
    ("tone mark", "เข้า"),
    ("several words", "ก.พ.ร. จังหวัด"),
    ("one page only", UNIQUE),
    ("nothing", "ฟุตบอลโลก"),
]
TYPES = [  # (type, folder, status choices)
    ("order", "regulations", ["in-force", "repealed", "amended"]),
    ("regulation", "regulations", ["in-force", "amended", "superseded"]),
    ("announcement", "regulations", ["in-force", "repealed"]),
    ("cabinet-resolution", "regulations", ["in-force", "metadata-only"]),
    ("report", "records", ["published"]),
    ("plan", "records", ["published", "draft"]),
    ("minutes", "records", ["published"]),
]
ISSUERS = ["opm", "opm-ps", "cabinet", "pdc", "opdc", "moi", "moi-ps", "kbj", "knj"]


def paragraphs() -> list[str]:
    out = []
    for f in sorted((ROOT / "docs" / "originals").glob("*.txt")):
        for line in f.read_text(encoding="utf-8").split("\n"):
            line = line.strip()
            if len(line) > 80 and not line.startswith(("#", "-", "*", "|", "<", ">", "`")):
                out.append(" ".join(line.replace("*", "").replace("_", " ").split()))
    return out


def make_corpus(repo: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    paras = paragraphs()
    provinces = [p["id"] for p in yaml.safe_load(
        (repo / "records" / "registries" / "provinces.yaml").read_text(encoding="utf-8"))]
    numbers: dict[tuple[str, str, int], int] = {}
    for i in range(n):
        doc_type, folder, statuses = TYPES[i % len(TYPES)]
        issuer = ISSUERS[(i // len(TYPES)) % len(ISSUERS)]
        year = 2530 + rng.randrange(35)
        key = (issuer, doc_type, year)
        numbers[key] = numbers.get(key, 0) + 1
        num = numbers[key]
        body_paras = rng.sample(paras, 6)
        if i == n // 2:
            body_paras[2] += f" {UNIQUE}"
        body = "\n\n".join(f"## ข้อ {k + 1}\n\n{p}" for k, p in enumerate(body_paras))
        provs = rng.sample(provinces, rng.choice([0, 0, 1, 2]))
        lines = [
            "---", f"id: {issuer}-{doc_type}-{year}-{num}", f"type: {doc_type}",
            "title: " + json.dumps(f"เอกสารทดสอบ {rng.choice(paras)[:60].strip()} ที่ {num}/{year}",
                                   ensure_ascii=False),
            f"number: {num}/{year}", f"issuer: {issuer}",
            f"date: {year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            f"status: {rng.choice(statuses)}",
        ]
        if provs:
            lines += ["provinces:", *[f"  - {p}" for p in provs]]
        lines += ["---", "", body, ""]
        out = repo / folder / doc_type / str(year) / f"{issuer}-{doc_type}-{year}-{num}.md"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(lines), encoding="utf-8")


TEMPLATE_YEAR, TEMPLATE_NUM = 2530, 9999
TEMPLATE_TITLE, TEMPLATE_PARA = "XTITLEX", "XPARA{}X"
THAI_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]


def thai_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def make_templates(repo: Path) -> list[tuple[str, str, str]]:
    """One document per type, with markers where ``synthesise`` puts each page's own text;
    (folder, issuer, type) of each."""
    out = []
    for k, (doc_type, folder, statuses) in enumerate(TYPES):
        issuer = ISSUERS[k % len(ISSUERS)]
        doc_id = f"{issuer}-{doc_type}-{TEMPLATE_YEAR}-{TEMPLATE_NUM}"
        body = "\n\n".join(f"## ข้อ {j + 1}\n\n{TEMPLATE_PARA.format(j)}" for j in range(6))
        lines = ["---", f"id: {doc_id}", f"type: {doc_type}", f"title: {TEMPLATE_TITLE}",
                 f"number: {TEMPLATE_NUM}/{TEMPLATE_YEAR}", f"issuer: {issuer}",
                 f"date: {TEMPLATE_YEAR}-01-01", f"status: {statuses[0]}", "---", "", body, ""]
        f = repo / folder / doc_type / str(TEMPLATE_YEAR) / f"{doc_id}.md"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("\n".join(lines), encoding="utf-8")
        out.append((folder, issuer, doc_type))
    return out


def synthesise(site: Path, templates: list[tuple[str, str, str]], n: int, seed: int = 7) -> None:
    """N document pages written into the built ``site``, from the template pages: each with the
    title, number, date and body paragraphs ``make_corpus`` would give it."""
    import html

    rng = random.Random(seed)
    paras = paragraphs()
    sources = []
    for folder, issuer, doc_type in templates:
        doc_id = f"{issuer}-{doc_type}-{TEMPLATE_YEAR}-{TEMPLATE_NUM}"
        page = site / folder / doc_id / "index.html"
        sources.append((folder, issuer, doc_type, doc_id, page.read_text(encoding="utf-8")))
        shutil.rmtree(page.parent)
    numbers: dict[tuple[str, str, int], int] = {}
    for i in range(n):
        folder, issuer, doc_type, template_id, text = sources[i % len(sources)]
        year = 2530 + rng.randrange(35)
        key = (issuer, doc_type, year)
        numbers[key] = numbers.get(key, 0) + 1
        num = numbers[key]
        body_paras = rng.sample(paras, 6)
        if i == n // 2:
            body_paras[2] += f" {UNIQUE}"
        title = f"เอกสารทดสอบ {rng.choice(paras)[:60].strip()} ที่ {num}/{year}"
        doc_id = f"{issuer}-{doc_type}-{year}-{i}"
        month, day = rng.randrange(1, 13), rng.randrange(1, 29)
        template_number, number = f"{TEMPLATE_NUM}/{TEMPLATE_YEAR}", f"{num}/{year}"
        page = (text.replace(template_id, doc_id)
                .replace(TEMPLATE_TITLE, html.escape(title))
                .replace(thai_digits(template_number), thai_digits(number))
                .replace(template_number, number)
                .replace(thai_digits(f"1 มกราคม {TEMPLATE_YEAR}"),
                         thai_digits(f"{day} {THAI_MONTHS[month - 1]} {year}"))
                .replace(f"{TEMPLATE_YEAR}-01-01", f"{year}-{month:02d}-{day:02d}"))
        for j, para in enumerate(body_paras):
            page = page.replace(TEMPLATE_PARA.format(j), html.escape(para))
        out = site / folder / doc_id / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")


def run(cmd: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return time.perf_counter() - start


INDEX_SCRIPT = """
import json, os, resource, sys, time
from sarabun.search import build_index
from sarabun.search.index import default_jobs
t = time.perf_counter()
s = build_index(sys.argv[1])
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
jobs = default_jobs(s.documents)
print(json.dumps({"seconds": time.perf_counter() - t, "peak_mb": me.ru_maxrss / 1024,
    "cpu_s": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime, "jobs": jobs,
    "worker_peak_mb": kids.ru_maxrss / 1024 if jobs > 1 else 0, "load": os.getloadavg()[0],
    "documents": s.documents, "segments": s.segments, "files": s.files, "bytes": s.bytes,
    "postings": s.postings}))
"""


def build_index_measured(site: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-c", INDEX_SCRIPT, str(site)], capture_output=True,
                          text=True, check=True)
    stats: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    index = site / "search-index"
    stats["grams_bytes"] = sum(f.stat().st_size for f in index.glob("s*/g*.gz"))
    stats["texts_bytes"] = sum(f.stat().st_size for f in index.glob("t/*/*.gz"))
    return stats


def pagefind_measured(site: Path, tmp: Path) -> dict[str, Any] | None:
    try:
        import pagefind_bin  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return None
    binary = str(pagefind_bin.get_executable())
    out = tmp / "pagefind"
    script = ("import resource, subprocess, sys, time, json; t = time.perf_counter(); "
              "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
              "print(json.dumps({'seconds': time.perf_counter() - t, 'peak_mb': "
              "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))")
    proc = subprocess.run([sys.executable, "-c", script, binary, "--site", str(site), "--glob",
                           "{regulations,records}/*/index.html", "--output-path", str(out)],
                          capture_output=True, text=True, check=True)
    stats: dict[str, Any] = json.loads(proc.stdout.strip())
    stats["bytes"] = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    return stats


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


QUERY_JS = """async (q) => {
  const core = await import("./assets/search/core.js");
  const index = window.__bench || (window.__bench =
      new core.SearchIndex(new URL("search-index/", location.href).href));
  const t0 = performance.now();
  const r = await index.query(q).next(10);
  const ms = performance.now() - t0;
  return {ms, shown: Math.min(r.results.length, 10), done: r.done, results: r.results.length,
          candidates: r.candidates, upper: r.upperBound,
          heap: performance.memory ? performance.memory.usedJSHeapSize : null};
}"""


def browser_measure(site: Path) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            for kind, query in QUERIES:
                context = browser.new_context()
                page = context.new_page()
                page.goto(base + "search.html", wait_until="networkidle")
                sizes: dict[str, int] = {}

                def record(response: Any, sizes: dict[str, int] = sizes) -> None:
                    if response.ok and "/search-index/" in response.url:
                        sizes[response.url] = len(response.body())

                page.on("response", record)
                cold = page.evaluate(QUERY_JS, query)
                page.wait_for_timeout(50)
                warm = page.evaluate(QUERY_JS, query)
                manifest = sum(v for k, v in sizes.items() if "index.json" in k)
                rows.append({"kind": kind, "query": query, "cold_ms": cold["ms"],
                             "warm_ms": warm["ms"], "bytes": sum(sizes.values()) - manifest,
                             "manifest": manifest, "files": len(sizes),
                             "results": cold["results"], "done": cold["done"],
                             "upper": cold["upper"], "candidates": cold["candidates"],
                             "heap_mb": (warm["heap"] or 0) / 2**20})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def markdown(n: int, build_s: float, idx: dict[str, Any], pf: dict[str, Any] | None,
             rows: list[dict[str, Any]]) -> str:
    mb = 1024 * 1024
    out = [f"### {n} documents", "",
           f"- site build (mkdocs, or with --synthetic the template site and the copies): "
           f"{build_s:.1f} s",
           f"- search index: {idx['seconds']:.1f} s wall, {idx['cpu_s']:.1f} s CPU (user+sys, "
           f"{idx['jobs']} process(es); load average {idx['load']:.1f} at the end), peak memory "
           f"{idx['peak_mb']:.0f} MB (+ at most {idx['worker_peak_mb']:.0f} MB per worker), "
           f"{idx['segments']} segment(s), {idx['files']} files, {idx['bytes'] / mb:.1f} MB "
           f"(gram shards {idx['grams_bytes'] / mb:.1f} MB, page texts "
           f"{idx['texts_bytes'] / mb:.1f} MB), {idx['postings']:,} postings"]
    if pf:
        out.append(f"- stock Pagefind on the same pages (for comparison): {pf['seconds']:.1f} s, "
                   f"peak memory {pf['peak_mb']:.0f} MB, {pf['bytes'] / mb:.1f} MB")
    if not rows:
        return "\n".join([*out, ""])
    out += ["", "| query | kind | results (first page) | candidates | KB downloaded | "
            "cold ms | warm ms |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        total = f"{r['results']}" if r["done"] else f"{r['results']} of ≤{r['upper']}"
        out.append(f"| {r['query']} | {r['kind']} | {total} | {r['candidates']} | "
                   f"{r['bytes'] / 1024:.0f} | {r['cold_ms']:.0f} | {r['warm_ms']:.0f} |")
    out += ["", f"Manifest (index.json, once per visit): {rows[0]['manifest'] / 1024:.1f} KB; "
            f"JS heap after a query: {max(r['heap_mb'] for r in rows):.1f} MB.", ""]
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 5000, 20000])
    ap.add_argument("--out", type=Path)
    ap.add_argument("--pagefind", action="store_true", help="also time stock Pagefind")
    ap.add_argument("--keep", type=Path, help="keep the built sites under this folder")
    ap.add_argument("--synthetic", action="store_true",
                    help="write the document pages from templates instead of building them")
    ap.add_argument("--no-browser", action="store_true", help="measure the index build only")
    ap.add_argument("--compare", action="store_true",
                    help="instead: compare with the issue's Pagefind configuration on this "
                    "repository's site (needs pyicu and pagefind[bin])")
    args = ap.parse_args()
    if args.compare:
        text = run_compare()
        print(text)
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        return
    bin_dir = Path(sys.executable).parent
    report = ["# Search benchmark", "", f"`python scripts/bench_search.py "
              f"{' '.join(map(str, args.sizes))}` on {os.cpu_count()} CPUs, chromium headless, "
              "site served from localhost.", ""]
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            repo = tmp / "repo"
            shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(
                ".git", ".venv", "site", ".site-new", "site.old", "node_modules", "tests",
                "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"))
            templates = make_templates(repo) if args.synthetic else []
            if not args.synthetic:
                make_corpus(repo, n)
            site = tmp / "site"
            build_s = run([str(bin_dir / "python"), "-m", "mkdocs", "build", "--strict", "-q",
                           "-d", str(site)], repo)
            if args.synthetic:
                start = time.perf_counter()
                synthesise(site, templates, n)
                build_s += time.perf_counter() - start
            idx = build_index_measured(site)
            pf = pagefind_measured(site, tmp) if args.pagefind else None
            rows = [] if args.no_browser else browser_measure(site)
            section = markdown(n, build_s, idx, pf, rows)
            print(section, flush=True)
            report.append(section)
            if args.keep:
                shutil.copytree(site, args.keep / f"site-{n}", dirs_exist_ok=True)
    if args.out:
        args.out.write_text("\n".join(report), encoding="utf-8")


# --- comparison: the issue's Pagefind configuration on the real site --------------------------

COMPARE_JS = """async ([queries, verify]) => {
  const pf = await import("/pagefind-cmp/pagefind.js");
  await pf.options({exactDiacritics: true});
  const fold = (s) => s.replace(/[\\u0e50-\\u0e59]/g,
                                d => String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 48));
  // the check compares letters and digits only: the index copy has no punctuation left
  const norm = (s) => fold(s.normalize("NFC").toLowerCase()).replace(/[^\\p{L}\\p{M}\\p{N}]/gu, "");
  const out = {};
  for (const q of queries) {
    const r = await pf.search(fold(q).replace(/(?<=[\\u0e01-\\u0e4e])\\./g, ""));
    const urls = [];
    for (const hit of r.results) {
      const d = await hit.data();
      if (verify) {
        const parts = q.split(/\\s+/).map(norm).filter(Boolean);
        const text = norm(d.content);
        if (!parts.every(p => text.includes(p))) continue;
      }
      urls.push(d.url.replace(/^\\//, ""));
    }
    out[q] = urls;
  }
  return out;
}"""


def pagefind_words_copy(site: Path, out: Path) -> None:
    """The issue's index-only copy: ICU words (PyICU), Thai digits folded, abbreviations whole
    without dots, punctuation dropped, tone marks kept (``--include-characters``)."""
    import html
    import re

    import icu  # type: ignore[import-untyped,unused-ignore]

    from sarabun.search import site_pages
    from sarabun.search.text import canonical, fold_digits

    breaker = icu.BreakIterator.createWordInstance(icu.Locale("th"))

    def words(text: str) -> list[str]:
        breaker.setText(text)
        out, start = [], breaker.first()
        for end in breaker:
            out.append(text[start:end])
            start = end
        return out

    for page in site_pages(site):
        body = []
        for block in page.blocks:
            text = fold_digits(canonical(block))
            # ก.พ.ร. -> กพร: an abbreviation is kept whole, without its dots
            text = re.sub(r"((?:[\u0e01-\u0e4e]{1,4}\.){2,})",
                          lambda m: m.group(1).replace(".", ""), text)
            toks = [w for w in words(text) if re.search(r"\w", w)]
            body.append(f"<p>{html.escape(' '.join(toks))}</p>")
        f = out / page.url / "index.html"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(f'<html lang="th"><head><title>{html.escape(page.title)}</title></head><body>'
                     f'<main data-pagefind-body>{"".join(body)}</main></body></html>',
                     encoding="utf-8")


def run_compare() -> str:
    """Build this repository's site and index, and compare found/expected/wrong per engine on the
    test query set plus 300 pieces of page text cut anywhere."""
    sys.path.insert(0, str(ROOT / "tests"))
    from sarabun.search import build_index, matches, normalise_blocks, query_parts, site_pages
    from searchkit import QUERIES as TEST_QUERIES  # type: ignore[import-not-found,unused-ignore]

    with tempfile.TemporaryDirectory() as tmp_name:
        site = Path(tmp_name) / "site"
        run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], ROOT)
        build_index(site)
        pages = site_pages(site)
        rng = random.Random(5)
        blocks = [b for p in pages for b in p.blocks if len(b) > 12]
        pieces: list[str] = []
        while len(pieces) < 300:
            b = rng.choice(blocks)
            n = rng.randint(2, 12)
            start = rng.randrange(0, len(b) - n)
            if b[start:start + n].strip():
                pieces.append(b[start:start + n])
        kinds = [(k, q) for k, q in TEST_QUERIES] + [("piece of text", q) for q in pieces]
        found = compare(site, [q for _, q in kinds])
        truth = {q: {p.url for p in pages if matches(normalise_blocks(p.blocks), query_parts(q))}
                 for _, q in kinds}
    engines = list(found)
    head = " | ".join(f"{e} found | {e} wrong" for e in engines)
    lines = [f"| kind | queries | expected | {head} |", "|---|---|---|" + "---|---|" * len(engines)]
    by_kind: dict[str, list[str]] = {}
    for k, q in kinds:
        by_kind.setdefault(k, []).append(q)
    by_kind["all"] = [q for _, q in kinds]
    for k, qs in by_kind.items():
        expected = sum(len(truth[q]) for q in qs)
        cells = []
        for e in engines:
            got = [set(found[e][q]) for q in qs]
            hit = sum(len(g & truth[q]) for g, q in zip(got, qs, strict=True))
            wrong = sum(len(g - truth[q]) for g, q in zip(got, qs, strict=True))
            cells.append(f"{hit} ({100 * hit / max(expected, 1):.1f} %) | {wrong}")
        lines.append(f"| {k} | {len(qs)} | {expected} | " + " | ".join(cells) + " |")
    misses = [q for _, q in TEST_QUERIES if set(found["pagefind+check"][q]) != truth[q]]
    lines += ["", "Test-set queries the Pagefind configuration gets wrong (with the check): "
              + ", ".join(misses)]
    return "\n".join(lines)


def compare(site: Path, queries: list[str]) -> dict[str, dict[str, list[str]]]:
    """Found pages per query: this search, and the issue's Pagefind configuration with and
    without checking each result for the whole query."""
    import pagefind_bin  # type: ignore[import-untyped,unused-ignore]
    from playwright.sync_api import sync_playwright

    copy = site.parent / "pagefind-copy"
    shutil.rmtree(copy, ignore_errors=True)
    pagefind_words_copy(site, copy)
    marks = "".join(chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)))
    subprocess.run([str(pagefind_bin.get_executable()), "--site", str(copy), "--output-path",
                    str(site / "pagefind-cmp"), "--include-characters", marks, "--quiet"],
                   check=True, capture_output=True)
    handler = functools.partial(Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            page = browser.new_page()
            page.goto(base + "search.html", wait_until="networkidle")
            raw = page.evaluate(COMPARE_JS, [queries, False])
            checked = page.evaluate(COMPARE_JS, [queries, True])
            ours = page.evaluate("""async (qs) => { const out = {};
                for (const q of qs) out[q] = (await window.sarabunSearch.getIndex().searchAll(q))
                    .results.map(r => r.url); return out; }""", queries)
            browser.close()
    finally:
        server.shutdown()
    return {"pagefind": raw, "pagefind+check": checked, "sarabun": ours}


if __name__ == "__main__":
    main()
