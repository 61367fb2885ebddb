"""Shared fixtures. The package lives under scripts/; tests import helpers from tests/."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))


class _MkdocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: its tags (``!ENV [VAR, default]``, ``!relative``) give their default."""


def _mkdocs_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        return items[-1] if len(items) > 1 else None
    return None if isinstance(node, yaml.MappingNode) else loader.construct_scalar(node)


_MkdocsLoader.add_multi_constructor("!", _mkdocs_tag)


def mkdocs_config(root: Path) -> dict[str, object]:
    """``root``'s mkdocs.yml as plain data (for tests that look at the nav or the site_url)."""
    data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkdocsLoader)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="session", autouse=True)
def _history_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """History caches (sarabun.history_cache) go to a throw-away folder, not ~/.cache."""
    patch = pytest.MonkeyPatch()
    patch.setenv("SARABUN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    yield
    patch.undo()


# --- the built public site (shared by test_site and test_browser) -------------------------

def site_root() -> Path:
    """The repository whose site is built: this one, or SARABUN_SITE_ROOT for trying another."""
    return Path(os.environ.get("SARABUN_SITE_ROOT", ROOT)).resolve()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``mkdocs build --strict`` of the real repository, once per test session."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=site_root(), env=env, capture_output=True, text=True, timeout=600,
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed ({proc.returncode}):\n{proc.stdout}\n"
                    f"{proc.stderr}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def searched_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of ``built_site`` with the search index built into it (``sarabun search-index``).

    A copy, so that the site tests keep checking exactly what ``mkdocs build`` wrote.
    """
    import shutil

    from sarabun.search import build_index

    out = tmp_path_factory.mktemp("searched") / "site"
    shutil.copytree(built_site, out)
    build_index(out)
    return out


# --- the real browser (one chromium per session, shared by every browser test module) ----------

@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    from browserkit import CHROMIUM, LAUNCH_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """``built_site`` served on loopback (a module may override it, e.g. with the search index)."""
    from browserkit import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $SARABUN_SCREENSHOTS, else a temporary folder."""
    env = os.environ.get("SARABUN_SCREENSHOTS")
    out = Path(env) if env else tmp_path_factory.mktemp("screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out
