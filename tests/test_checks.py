"""Each invalid case folder yields exactly the error lines in its expected.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from casekit import BASE, CASES, run_case
from sarabun.corpus import load_corpus
from sarabun.problems import CODES

INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())


def test_base_is_valid() -> None:
    corpus = load_corpus(BASE)
    assert corpus.problems == []
    assert len(corpus.documents) == 3


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case(case: Path) -> None:
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, "a case must expect at least one error"
    assert run_case(case) == expected


def test_every_code_has_a_failing_case() -> None:
    seen = {line.split()[1] for case in INVALID
            for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines()}
    assert seen == set(CODES)
