"""Every check a page tells a desk to require is a job of its workflows, by its exact name.

Branch protection names a required check by its job's name: a page that names another one
leaves a desk unable to protect its main branch.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli

from generator.i18n import shipped_tags

BOLD = re.compile(r"\*\*([^*]+)\*\*")
# In the project's own contributing page, a bold name next to the word check, job or workflow.
NAMED = re.compile(r"(?:check|job|workflow)s?\s+\*\*([^*]+)\*\*|\*\*([^*]+)\*\*\s+(?:check|job|workflow)")


def workflow_names(folder: Path) -> set[str]:
    """The names of the workflows in ``folder`` and of their jobs, as GitHub lists them."""
    names: set[str] = set()
    for file in folder.glob("*.yml"):
        workflow = yaml.safe_load(file.read_text(encoding="utf-8"))
        names.add(workflow["name"])
        names |= {job.get("name", key) for key, job in workflow["jobs"].items()}
    return names


@pytest.mark.parametrize("language", shipped_tags())
def test_the_scaffolds_pages_name_the_checks_of_its_workflows(tmp_path: Path, language: str) -> None:
    desk = tmp_path / "desk"
    run_cli("init", str(desk), "--language", language, check=True)
    names = workflow_names(desk / ".github" / "workflows")
    for page in ("README.md", "docs/contributing.md"):
        cited = set(BOLD.findall((desk / page).read_text(encoding="utf-8")))
        assert "Check, summarise and build" in cited, page
        assert cited <= names, f"{page} names checks that no workflow has: {sorted(cited - names)}"


def test_the_projects_contributing_page_names_the_checks_of_its_workflows() -> None:
    names = workflow_names(REPO / ".github" / "workflows")
    text = (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")
    cited = {a or b for a, b in NAMED.findall(text)}
    assert "Check, summarise, test and build" in cited
    scaffold = workflow_names(REPO / "generator" / "scaffold" / "github" / "workflows")
    assert cited <= names | scaffold, sorted(cited - names - scaffold)
