"""The contribution machinery: GitHub workflows (valid by GitHub's JSON schema, calling make
targets that exist, with full history), the pre-commit hooks, and the staff guide's error table."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from sarabun.contributing import with_table

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def load(path: Path) -> dict[str, object]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # "on" stays "on"
    assert isinstance(data, dict)
    return data


def validate(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    if not CHECK_JSONSCHEMA.exists():
        message = 'check-jsonschema is not installed: pip install "check-jsonschema>=0.28,<1"'
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def test_workflows_exist() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"pull-request.yml", "publish.yml"} <= names


@pytest.mark.parametrize("schema", ["vendor.github-workflows",
                                    "custom.github-workflows-require-timeout"])
def test_workflows_are_valid(schema: str) -> None:
    proc = validate(schema, *WORKFLOWS)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_validator_rejects_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    stepz: []\n",
                   encoding="utf-8")
    assert validate("vendor.github-workflows", bad).returncode != 0


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", text, re.M)}


def run_lines(workflow: dict[str, object]) -> list[str]:
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    return [str(step["run"]) for job in jobs.values() for step in job["steps"] if "run" in step]


def test_workflows_call_existing_make_targets_with_full_history() -> None:
    targets = make_targets()
    called = set()
    for path in WORKFLOWS:
        workflow = load(path)
        for run in run_lines(workflow):
            called |= set(re.findall(r"\bmake\s+([a-z][\w-]*)", run))
        jobs = workflow["jobs"]
        assert isinstance(jobs, dict)
        for name, job in jobs.items():
            for step in job["steps"]:
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step.get("with", {}).get("fetch-depth") == "0", (path.name, name)
    assert called, "the workflows call no make target"
    assert called <= targets, f"not in the Makefile: {sorted(called - targets)}"
    assert {"check-changed", "site", "test"} <= called


def test_pull_request_and_publish_triggers() -> None:
    pr = load(ROOT / ".github" / "workflows" / "pull-request.yml")
    assert "pull_request" in pr["on"]  # type: ignore[operator]
    publish = load(ROOT / ".github" / "workflows" / "publish.yml")
    assert publish["on"]["push"]["branches"] == ["main"]  # type: ignore[index]
    uses = [step.get("uses", "") for job in publish["jobs"].values()  # type: ignore[attr-defined]
            for step in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_pre_commit_hooks_run_the_validator(tmp_path: Path) -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    docs, registries = hooks["sarabun-check"], hooks["sarabun-check-registries"]
    assert re.search(docs["files"], "regulations/order/opm-order-2545-301.md")
    assert re.search(docs["files"], "regulations/order/2545/opm-order-2545-301.md")
    assert re.search(docs["files"], "records/minutes/pdc-regional-minutes-2564-1.md")
    assert not re.search(docs["files"], "records/registries/provinces.yaml")
    assert re.search(registries["files"], "records/registries/redirects.yaml")
    assert registries["pass_filenames"] is False
    sarabun = shutil.which("sarabun", path=str(Path(sys.executable).parent))
    assert sarabun is not None
    # The hook's command on a staged document, as pre-commit runs it from the repository root.
    doc = next((ROOT / "regulations").rglob("*.md")).relative_to(ROOT)
    entry = docs["entry"].split()
    assert entry[0] == ".venv/bin/sarabun"
    proc = subprocess.run([sarabun, *entry[1:], str(doc)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_contributing_error_table_is_current() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert with_table(text) == text, "run: .venv/bin/python -m sarabun.contributing"
    for topic in ("เพิ่มคำสั่ง", "แก้คำผิด", "รายงานการประชุม", "redirects.yaml"):
        assert topic in text
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "ต้นฉบับ" in template and "sarabun check" in template
