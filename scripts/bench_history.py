"""Benchmark of ``sarabun.history``: N documents x V commits each, then one history extraction.

    .venv/bin/python scripts/bench_history.py                  # 10 000 documents x 5 commits
    .venv/bin/python scripts/bench_history.py --docs 1000
    .venv/bin/python scripts/bench_history.py --layout flat    # all documents in one folder
    .venv/bin/python scripts/bench_history.py --years 70       # 70 year folders, not 20
    .venv/bin/python scripts/bench_history.py --layout types   # 11 type folders, no year folders
    .venv/bin/python scripts/bench_history.py --per-commit 10  # 10 documents per commit
    make bench-history LAYOUT=flat

The repository is synthesised with one ``git fast-import`` in a temporary folder (or ``--repo
DIR``, reused if it exists). Each document is added, then edited V-1 times; the second edit moves
it to another folder and the fourth changes its ``effective_date``. Layouts: ``years`` (default,
the repository's convention ``<category>/<type>/<BE year>/<id>.md``, ``sarabun.layout``, for one
office's N orders, the convention's worst case as they all share one type folder:
``regulations/order/<Y>/opm-order-<Y>-<n>.md`` over ``--years`` year folders (default 20, so
N/20 files each), the move correcting a document filed under the year before into its own
year's folder); ``flat`` (the worst case: ``regulations/order/<id>.md`` ->
``regulations/order/2545/<id>.md``, one folder of N files: an office that files flat); ``types``
(``<category>/<type>/<id>.md`` over the 11 type folders, N/11 files each, the move going to the
next type's folder). By default each commit touches one document, so 10 000 x 5 gives 50 000
commits. Printed: the time of ``load_history`` (commits,
versions and every version's front matter), of ``versions()`` for every document and of the
in-force labels for every document; ``--runs`` cold runs (``cache=False``: git diffs every
commit), then one run filling the history cache (``sarabun.history_cache``, in a temporary
folder) and one reading it. CPU time is split into this Python process and its git processes
(the machine may be shared: compare CPU). git's cost grows with the files of the folder each
commit touches: cold, 10k x 5 took about 4.9 s of CPU in ``years`` (500 files a folder) and
24 s in ``flat`` (10 000 files in one folder), git being 3.2 s and 22 s of it (2 cores, shared).
The issue's target: extraction for 10k x 5 in <= 10 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sarabun.history import PointInTime, load_history
from sarabun.model import DOC_TYPES
from sarabun.thai import BEDate

BODY = (
    "# คำสั่งสำนักนายกรัฐมนตรี ที่ {n}/2545\n\n"
    "เรื่อง การมอบหมายให้รองนายกรัฐมนตรีและรัฐมนตรีประจำสำนักนายกรัฐมนตรีปฏิบัติราชการแทน\n\n"
    "ข้อ ๑ ให้ยกเลิกคำสั่งสำนักนายกรัฐมนตรีที่ {n}/2544 ลงวันที่ ๑ ตุลาคม ๒๕๔๔\n\n"
    "ข้อ ๒ ให้ผู้ว่าราชการจังหวัดกำกับดูแลการปฏิบัติราชการของส่วนราชการในภูมิภาค "
    "ให้เป็นไปตามนโยบายของรัฐบาล ฉบับแก้ไขครั้งที่ {v}\n\n"
    "ข้อ ๓ คำสั่งนี้ให้ใช้บังคับตั้งแต่วันถัดจากวันประกาศเป็นต้นไป\n"
)


#: The first BE year of the ``years`` layout; document n belongs to year FIRST_YEAR + n % years.
FIRST_YEAR = 2545


def doc_year(n: int, layout: str, years: int) -> int:
    return FIRST_YEAR + n % years if layout == "years" else FIRST_YEAR


def doc_text(n: int, version: int, year: int) -> bytes:
    eff = f"{year}-10-08" if version < 3 else f"{year + 1}-01-01"
    head = (f"---\nid: opm-order-{year}-{n}\ntype: order\n"
            f"title: คำสั่งสำนักนายกรัฐมนตรี ที่ {n}/{year}\n"
            f"number: {n}/{year}\nissuer: opm\ndate: {year}-10-08\neffective_date: {eff}\n"
            f"status: in-force\n---\n")
    return (head + BODY.format(n=n, v=version)).encode("utf-8")


#: The repository's type folders (``<category>/<type>/``), for the ``types`` layout.
TYPE_FOLDERS = [f"{t.category.value}/{t.code}" for t in DOC_TYPES.values()]


def doc_path(n: int, version: int, layout: str, years: int) -> str:
    year = doc_year(n, layout, years)
    if layout == "flat":  # every document in one folder: the worst case for git's tree diffs
        folder = "regulations/order" if version < 2 else "regulations/order/2545"
    elif layout == "types":  # one folder per type, no year folders; the move corrects the type
        folder = TYPE_FOLDERS[(n + (1 if version >= 2 else 0)) % len(TYPE_FOLDERS)]
    else:  # the convention: the id's year folder; first filed under the year before, then moved
        folder = f"regulations/order/{year - 1 if version < 2 else year}"
    return f"{folder}/opm-order-{year}-{n}.md"


def stream(docs: int, versions: int, per_commit: int, layout: str,
           years: int) -> Iterator[bytes]:
    ts = 1_000_000_000
    mark = 0
    for version in range(versions):
        for start in range(1, docs + 1, per_commit):
            mark += 1
            batch = range(start, min(start + per_commit, docs + 1))
            msg = f"version {version} of documents {batch.start}-{batch.stop - 1}\n".encode()
            out = [f"commit refs/heads/main\nmark :{mark}\n".encode(),
                   f"author Bench <bench@example.org> {ts} +0700\n".encode(),
                   f"committer Bench <bench@example.org> {ts} +0700\n".encode(),
                   f"data {len(msg)}\n".encode(), msg]
            if mark > 1:
                out.append(f"from :{mark - 1}\n".encode())
            for n in batch:
                if version == 2:  # the move into another folder
                    out.append(f"D {doc_path(n, 1, layout, years)}\n".encode())
                data = doc_text(n, version, doc_year(n, layout, years))
                out.append(f"M 100644 inline {doc_path(n, version, layout, years)}\n".encode())
                out.append(f"data {len(data)}\n".encode() + data + b"\n")
            ts += 60
            yield b"".join(out)


def synthesise(repo: Path, docs: int, versions: int, per_commit: int, layout: str,
               years: int) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    proc = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=repo, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    for chunk in stream(docs, versions, per_commit, layout, years):
        proc.stdin.write(chunk)
    proc.stdin.close()
    if proc.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--versions", type=int, default=5)
    ap.add_argument("--per-commit", type=int, default=1, help="documents changed per commit")
    ap.add_argument("--layout", choices=["years", "flat", "types"], default="years",
                    help="years: the repository's convention regulations/order/<BE year>/ "
                    "(--years folders); flat: all in one folder; types: the 11 "
                    "<category>/<type>/ folders without year folders")
    ap.add_argument("--years", type=int, default=20,
                    help="year folders of the years layout (default 20)")
    ap.add_argument("--jobs", type=int, help="git processes side by side (default: all cores)")
    ap.add_argument("--repo", type=Path, help="where to build the repository (reused if present)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        repo = args.repo or Path(tmp) / "bench"
        if not (repo / ".git").exists():
            t0 = time.perf_counter()
            synthesise(repo, args.docs, args.versions, args.per_commit, args.layout, args.years)
            folders = f", {args.years} year folders" if args.layout == "years" else ""
            print(f"synthesised {args.docs} documents x {args.versions} commits "
                  f"({args.per_commit} document(s) per commit, {args.layout} layout{folders}) "
                  f"in {time.perf_counter() - t0:.1f} s")
        print(f"cores available: {len(os.sched_getaffinity(0))}; load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        os.environ["SARABUN_CACHE_DIR"] = str(Path(tmp) / "cache")
        # cold: every commit diffed by git; then the cache filled, then read from the cache
        modes = [("cold", False)] * args.runs + [("cache fill", True), ("cache warm", True)]
        for run, (mode, cache) in enumerate(modes, 1):
            c0, t0 = os.times(), time.perf_counter()
            history = load_history(repo, jobs=args.jobs, cache=cache)
            t1, c1 = time.perf_counter(), os.times()
            ids = history.ids()
            n_versions = sum(len(history.versions(i)) for i in ids)
            t2 = time.perf_counter()
            pit = PointInTime(history, [])
            current = sum(1 for i in ids for label in pit.labels(i, BEDate(2568, 1, 1)).values()
                          if label == "ฉบับปัจจุบัน")
            t3 = time.perf_counter()
            py = c1.user - c0.user + c1.system - c0.system
            gitcpu = (c1.children_user - c0.children_user
                      + c1.children_system - c0.children_system)
            print(f"run {run} ({mode}): load_history {t1 - t0:.2f} s wall, CPU python "
                  f"{py:.2f} s + git {gitcpu:.2f} s, for {len(history.commits)} commits, "
                  f"{len(ids)} documents, {n_versions} "
                  f"versions; versions() for every document {t2 - t1:.2f} s; "
                  f"in-force labels for every document {t3 - t2:.2f} s ({current} current)")
        sample = history.versions(ids[0])
        assert len(sample) == args.versions, sample
        assert sample[2].kind == "renamed" and sample[2].previous_path, sample[2]
        assert str(sample[-1].effective_date) != str(sample[0].effective_date)


if __name__ == "__main__":
    main()
