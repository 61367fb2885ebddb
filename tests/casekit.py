"""Run a check case: the base mini-repository with a case folder's files laid over it.

A case with ``removed.txt`` is run in a git repository whose ``main`` holds the base: the files
it lists are deleted and the case's files laid over in the work tree, as in a pull request
(for the published-URL rule, U001). A case with ``copies.txt`` (a number N) lays each of its files
whose name has ``{n}`` down N times, with ``{n}`` in the name and the text replaced by 1..N (for
the crowded-folder warning, F008, which needs hundreds of documents).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sarabun.corpus import load_corpus

CASES = Path(__file__).parent / "cases"
BASE = CASES / "base"


def run_case(case: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(BASE, root, dirs_exist_ok=True)
        removed = case / "removed.txt"
        if removed.exists():
            commit_as_main(root)
            for name in removed.read_text(encoding="utf-8").split():
                (root / name).unlink()
        copies = case / "copies.txt"
        count = int(copies.read_text(encoding="utf-8")) if copies.exists() else 0
        for f in case.rglob("*"):
            if f.is_file() and f.name not in ("expected.txt", "args.txt", "removed.txt",
                                              "copies.txt"):
                dest = root / f.relative_to(case)
                dest.parent.mkdir(parents=True, exist_ok=True)
                if "{n}" not in f.name:
                    shutil.copyfile(f, dest)
                    continue
                text = f.read_text(encoding="utf-8")
                for n in range(1, count + 1):
                    dest.with_name(f.name.replace("{n}", str(n))).write_text(
                        text.replace("{n}", str(n)), encoding="utf-8")
        args = case / "args.txt"
        words = args.read_text(encoding="utf-8").split() if args.exists() else []
        # ``--disclosure`` in args.txt runs the check as ``sarabun check --disclosure`` (T001)
        disclosure = "--disclosure" in words
        names = [w for w in words if w != "--disclosure"]
        paths = [Path(p) for p in names] if names else None
        saved = os.environ.pop("SARABUN_BASE_REF", None)  # compare with this main, not CI's
        try:
            return [p.text() for p in load_corpus(root, paths, disclosure).problems]
        finally:
            if saved is not None:
                os.environ["SARABUN_BASE_REF"] = saved


def commit_as_main(root: Path) -> None:
    """Make ``root`` a git repository with everything in it committed on ``main``."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "base"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env,
                       capture_output=True)
