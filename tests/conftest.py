"""Shared fixtures. The package lives under scripts/; tests import helpers from tests/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))


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
