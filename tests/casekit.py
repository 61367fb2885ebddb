"""Run a check case: the base mini-repository with a case folder's files laid over it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from sarabun.corpus import load_corpus

CASES = Path(__file__).parent / "cases"
BASE = CASES / "base"


def run_case(case: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(BASE, root, dirs_exist_ok=True)
        for f in case.rglob("*"):
            if f.is_file() and f.name not in ("expected.txt", "args.txt"):
                dest = root / f.relative_to(case)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f, dest)
        args = case / "args.txt"
        paths = [Path(p) for p in args.read_text(encoding="utf-8").split()] \
            if args.exists() else None
        return [p.text() for p in load_corpus(root, paths).problems]
