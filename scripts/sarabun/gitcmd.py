"""Plain ``git`` through subprocess, for the few facts the validator and the build need.

Only what is read from the repository: the branch the site is published from (``main``), the
files it holds, and the time of the last commit. Nothing here writes to the repository, and
every function answers ``None`` (or an empty result) when ``root`` is not the top of a git work
tree or git is missing, so a tarball of the repository still checks and builds.
(GitPython is kept to ``sarabun.history``; this module needs three plumbing commands.)
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: Tried in this order when SARABUN_BASE_REF is not set: the local branch, then the remote one
#: (a pull request's CI checkout has only ``origin/main``).
BASE_REFS = ("main", "origin/main")
#: SARABUN_BASE_REF=none turns the comparison with the published branch off.
NO_BASE = ("none", "off", "")


def git(root: Path, *args: str) -> str | None:
    """stdout of ``git -C root ARGS``, or None when git fails or is not installed."""
    env = {**os.environ, "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                              env=env, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", errors="surrogateescape")


def is_repo_top(root: Path) -> bool:
    """True when ``root`` is the top folder of a git work tree (not a folder inside one)."""
    top = git(root, "rev-parse", "--show-toplevel")
    return top is not None and Path(top.strip()).resolve() == root.resolve()


def has_ref(root: Path, ref: str) -> bool:
    return git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is not None


def base_ref(root: Path, wanted: str | None = None) -> str | None:
    """The ref whose tree is what is published: ``wanted``, $SARABUN_BASE_REF, main, origin/main.

    None when ``root`` is not a git repository's top, the comparison is turned off, or no such
    ref exists (a fresh repository before its first commit on main).
    """
    if not is_repo_top(root):
        return None
    choice = wanted if wanted is not None else os.environ.get("SARABUN_BASE_REF")
    if choice is not None:
        if choice.strip().lower() in NO_BASE:
            return None
        return choice if has_ref(root, choice) else None
    return next((r for r in BASE_REFS if has_ref(root, r)), None)


def ls_tree(root: Path, ref: str, *paths: str) -> list[str]:
    """Files (POSIX paths relative to ``root``) that ``ref`` holds under ``paths``."""
    out = git(root, "ls-tree", "-r", "-z", "--name-only", ref, "--", *paths)
    return sorted(p for p in (out or "").split("\0") if p)


def show(root: Path, ref: str, path: str) -> str | None:
    """The text of ``path`` at ``ref``, or None when it is not there."""
    return git(root, "show", f"{ref}:{path}")


def last_commit_time(root: Path) -> int | None:
    """Unix time of HEAD's commit, for SOURCE_DATE_EPOCH (reproducible builds)."""
    if not is_repo_top(root):
        return None
    out = git(root, "log", "-1", "--format=%ct", "HEAD")
    return int(out.strip()) if out and out.strip().isdigit() else None


def changed_files(root: Path, ref: str) -> tuple[list[str], list[str]]:
    """(changed or added, deleted) files between the merge base of ``ref`` and HEAD and the
    work tree, untracked files included; POSIX paths relative to ``root``, sorted."""
    base = git(root, "merge-base", ref, "HEAD")
    since = base.strip() if base else ref
    present: set[str] = set()
    deleted: set[str] = set()
    out = git(root, "diff", "--name-status", "-z", "--no-renames", since, "--") or ""
    fields = [f for f in out.split("\0") if f]
    for status, path in zip(fields[::2], fields[1::2], strict=False):
        (deleted if status.startswith("D") else present).add(path)
    untracked = git(root, "ls-files", "-z", "--others", "--exclude-standard") or ""
    present |= {p for p in untracked.split("\0") if p}
    return sorted(present), sorted(deleted - present)
