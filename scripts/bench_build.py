"""Benchmark: site build time and `sarabun check` time for a synthetic corpus of N documents.

Copies the repository into a temporary folder, adds N orders whose bodies are paragraphs of the
seed texts (real Thai), then times `sarabun check` and `mkdocs build --strict`. Not a test:
numbers go into notes. Usage: python scripts/bench_build.py 1000 5000
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(dest: Path, n: int) -> None:
    paras = [p.strip() for f in sorted((ROOT / "docs/originals").glob("00*.txt"))
             for p in f.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 80]
    for i in range(n):
        year = 2540 + i % 30
        num = i + 1
        out = dest / "regulations" / "order" / str(year)  # the year folders of the repository
        out.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(f"## ข้อ {k + 1}\n\n{paras[(i * 7 + k) % len(paras)]}" for k in range(5))
        (out / f"opm-order-{year}-{num}.md").write_text(
            f"---\nid: opm-order-{year}-{num}\ntype: order\n"
            f"title: คำสั่งสำนักนายกรัฐมนตรี ที่ {num}/{year}\nnumber: {num}/{year}\n"
            f"issuer: opm\ndate: {year}-01-15\nstatus: in-force\n---\n\n{body}\n",
            encoding="utf-8")


def timed(cmd: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(sizes: list[int]) -> None:
    bin_dir = Path(sys.executable).parent
    print(f"{'docs':>7} {'check s':>8} {'build s':>8}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            repo = Path(tmp) / "repo"
            shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(
                ".git", ".venv", "site", ".site-new", "node_modules", "tests", "__pycache__"))
            make_corpus(repo, n)
            check = timed([str(bin_dir / "sarabun"), "check"], repo)
            build = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                           "-d", str(Path(tmp) / "site")], repo)
            print(f"{n:>7} {check:>8.1f} {build:>8.1f}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
