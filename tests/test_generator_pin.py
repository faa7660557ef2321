"""A report installs its generator by its hash: from a wheel kept in vendor/, a wheel's address, a
git commit built into vendor/, or a release on the package index; the release builds what it pins."""

from __future__ import annotations

import hashlib
import http.server
import json
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ENV, REPO, serve, serving

from generator.cli import main


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel as the release workflow builds them, the wheel from the sdist."""
    out = tmp_path_factory.mktemp("dist")
    source = tmp_path_factory.mktemp("source") / "generator"
    # A clean copy: the build writes into its source folder, which other tests read.
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and not name.startswith(("tests/", "claims/", "seeds/", "docs/", "bench/")):
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name, follow_symlinks=False)
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def wheel_of(dist: Path) -> Path:
    (wheel,) = dist.glob("*.whl")
    return wheel


def test_the_release_carries_the_locks_it_was_tested_with(dist: Path) -> None:
    with zipfile.ZipFile(wheel_of(dist)) as wheel:
        for lock in ("requirements.txt", "requirements-bootstrap.txt"):
            assert wheel.read(f"generator/locks/{lock}") == (REPO / lock).read_bytes()
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        member = archive.getmember(f"{sdist.name.removesuffix('.tar.gz')}/generator/locks/requirements.txt")
        assert member.isfile()  # the file itself, not the repository's link to it


@pytest.mark.slow
def test_a_new_report_installs_its_generator_by_hash_then_checks_and_builds(
    dist: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    report = tmp_path / "desk"
    assert main(["init", str(report), "--generator", str(wheel_of(dist))]) == 0
    out = capsys.readouterr().out
    assert f"It installs the generator 0.1.0 by its hash, from {wheel_of(dist)}.\n" in out
    kept = report / "vendor" / wheel_of(dist).name
    assert kept.read_bytes() == wheel_of(dist).read_bytes()
    requirements = (report / "requirements.txt").read_text(encoding="utf-8")
    digest = hashlib.sha256(kept.read_bytes()).hexdigest()
    assert f"\n./vendor/{kept.name} \\\n    --hash=sha256:{digest}\n" in requirements
    assert (report / "requirements-bootstrap.txt").read_bytes() == (REPO / "requirements-bootstrap.txt").read_bytes()

    # The scaffold's own commands, as its README and workflows give them, with this machine's python3.
    clean = {k: v for k, v in ENV.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    site = subprocess.run(["make", "site"], cwd=report, env=clean, capture_output=True, text=True)
    assert site.returncode == 0, site.stdout + site.stderr
    assert "Built site/: 19 HTML pages from 0 claims and 0 sources." in site.stdout
    check = subprocess.run(["make", "check"], cwd=report, env=clean, capture_output=True, text=True)
    assert "OK: 0 claims, 0 sources, 8 verdicts." in check.stdout
    where = subprocess.run(
        [report / ".venv" / "bin" / "python", "-c", "import generator; print(generator.__file__)"],
        cwd=tmp_path,
        env=clean,
        capture_output=True,
        text=True,
    )
    assert str(report / ".venv") in where.stdout and str(REPO) not in where.stdout

    # A wheel changed after it was pinned is refused: nothing of it is installed.
    data = bytearray(kept.read_bytes())
    data[-30] ^= 1
    kept.write_bytes(bytes(data))
    shutil.rmtree(report / ".venv")
    tampered = subprocess.run(["make", "check"], cwd=report, env=clean, capture_output=True, text=True)
    assert tampered.returncode != 0
    assert "THESE PACKAGES DO NOT MATCH THE HASHES" in tampered.stderr
    assert f"vendor/{kept.name}" in tampered.stderr


def test_a_wheel_at_an_address_is_pinned_by_its_hash(dist: Path, tmp_path: Path) -> None:
    report = tmp_path / "desk"
    with serve(dist) as base:
        url = f"{base}{wheel_of(dist).name}"
        assert main(["init", str(report), "--generator", url]) == 0
    digest = hashlib.sha256(wheel_of(dist).read_bytes()).hexdigest()
    assert (
        f"\nfactcheck-generator @ {url} \\\n    --hash=sha256:{digest}\n" in (report / "requirements.txt").read_text()
    )
    assert not (report / "vendor").exists()


def simple_index(dist: Path, sha256: str | None = None) -> type[http.server.BaseHTTPRequestHandler]:
    """A package index speaking PEP 691's JSON, holding the files of ``dist`` (with ``sha256`` instead, if given)."""

    class Index(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(dist), **kwargs)  # type: ignore[arg-type]

        def do_GET(self) -> None:  # noqa: N802
            if self.path != "/simple/factcheck-generator/":
                return super().do_GET()
            files = [
                {"filename": f.name, "url": f"/{f.name}", "hashes": {"sha256": sha256 or _digest(f)}}
                for f in sorted(dist.iterdir())
            ]
            body = json.dumps({"meta": {"api-version": "1.1"}, "name": "factcheck-generator", "files": files})
            self.send_response(200)
            self.send_header("Content-Type", "application/vnd.pypi.simple.v1+json")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Index


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_release_on_the_index_is_pinned_by_every_hash_the_index_gives(dist: Path, tmp_path: Path) -> None:
    report = tmp_path / "desk"
    with serving(simple_index(dist)) as base:
        index = f"{base}/simple/"
        assert main(["init", str(report), "--generator", "factcheck-generator==0.1.0", "--index-url", index]) == 0
    hashes = "".join(f" \\\n    --hash=sha256:{_digest(f)}" for f in sorted(dist.iterdir()))
    requirements = (report / "requirements.txt").read_text(encoding="utf-8")
    assert f"\nfactcheck-generator==0.1.0{hashes}\n" in requirements
    assert f"# The generator 0.1.0, from the package index ({index}),\n" in requirements


def test_a_release_the_index_lacks_or_serves_altered_writes_nothing(
    dist: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    report = tmp_path / "desk"
    with serving(simple_index(dist)) as base:
        index = f"{base}/simple/"
        assert main(["init", str(report), "--generator", "factcheck-generator==9.0.0", "--index-url", index]) == 1
    assert capsys.readouterr().err == (
        f"error: factcheck-generator 9.0.0 is not on the package index ({index})\n"
        "    Until it is released there, give a wheel, a source folder or a git commit with --generator.\n"
    )
    with serving(simple_index(dist, sha256="0" * 64)) as base:
        assert (
            main(["init", str(report), "--generator", "factcheck-generator==0.1.0", "--index-url", f"{base}/simple/"])
            == 1
        )
    assert capsys.readouterr().err == (
        f"error: {wheel_of(dist).name}: its SHA-256 is not the one the index gives; nothing was written\n"
        "    The file was altered on its way, or the index lists another: tell the generator's maintainers.\n"
    )
    assert not report.exists()


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def generator_repo(tmp_path_factory: pytest.TempPathFactory, dist: Path) -> tuple[Path, str]:
    """A git repository of the generator's source (from the sdist), and its commit."""
    (sdist,) = dist.glob("*.tar.gz")
    folder = tmp_path_factory.mktemp("repo")
    with tarfile.open(sdist) as archive:
        archive.extractall(folder, filter="data")
    (repo,) = folder.iterdir()
    git("init", "--quiet", cwd=repo)
    git("add", ".", cwd=repo)
    git("-c", "user.name=Maintainer", "-c", "user.email=m@example.org", "commit", "--quiet", "-m", "Release", cwd=repo)
    return repo, git("rev-parse", "HEAD", cwd=repo)


def test_a_git_commit_is_built_into_vendor_and_pinned(
    generator_repo: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    repo, commit = generator_repo
    report = tmp_path / "desk"
    spec = f"git+file://{repo}@{commit}"
    assert main(["init", str(report), "--generator", spec]) == 0
    assert f"It installs the generator 0.1.0 by its hash, from {spec}.\n" in capsys.readouterr().out
    (kept,) = (report / "vendor").iterdir()
    assert kept.name == "factcheck_generator-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(kept) as wheel:
        assert "generator/cli.py" in wheel.namelist()
    assert (
        f"\n./vendor/{kept.name} \\\n    --hash=sha256:{_digest(kept)}\n" in (report / "requirements.txt").read_text()
    )


def test_pin_generator_replaces_the_pin_and_the_kept_wheel(
    dist: Path, generator_repo: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    repo, commit = generator_repo
    report = tmp_path / "desk"
    assert main(["init", str(report), "--generator", f"git+file://{repo}@{commit}"]) == 0
    with serve(dist) as base:
        url = f"{base}{wheel_of(dist).name}"
        capsys.readouterr()
        assert main(["--root", str(report), "pin-generator", url]) == 0
    assert capsys.readouterr().out == (
        f"The report now installs the generator 0.1.0 by its hash, from {url}.\n"
        "Commit schemas/, requirements-bootstrap.txt, requirements.txt, and open a pull request: "
        "its checks build the site with it.\n"
    )
    assert not (report / "vendor").exists()
    assert f"factcheck-generator @ {url}" in (report / "requirements.txt").read_text()


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (
            "git+https://github.com/example/generator@main",
            "error: --generator git+https://github.com/example/generator@main: 'main' is not a commit's full hash\n"
            "    A branch or a tag can be moved to other code: give the commit's full hash (git rev-parse TAG prints"
            " it).\n",
        ),
        (
            "http://example.org/factcheck_generator-0.1.0-py3-none-any.whl",
            "error: --generator http://example.org/factcheck_generator-0.1.0-py3-none-any.whl: only https addresses"
            " are taken\n    An http download can be altered.\n",
        ),
        (
            "factcheck-generator>=0.1",
            "error: --generator factcheck-generator>=0.1: not a wheel, a source folder, a git commit or a release\n"
            "    Give a wheel (a path or an https address ending in .whl), a folder holding the generator's source,\n"
            "    a git address at a commit (git+https://github.com/ORG/REPO@<40-hex commit>), or a release on the\n"
            "    package index (factcheck-generator==X.Y.Z).\n",
        ),
    ],
)
def test_a_source_that_cannot_be_pinned_is_refused_before_anything_is_written(
    spec: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["init", str(tmp_path / "desk"), "--generator", spec]) == 1
    assert capsys.readouterr().err == message
    assert not (tmp_path / "desk").exists()


def test_a_wheel_of_another_package_or_without_locks_is_refused(
    dist: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    other = tmp_path / "other-1.0-py3-none-any.whl"
    with zipfile.ZipFile(other, "w") as wheel:
        wheel.writestr("other-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: other\nVersion: 1.0\n")
    assert main(["init", str(tmp_path / "a"), "--generator", str(other)]) == 1
    assert capsys.readouterr().err == (
        f"error: {other}: not a wheel of factcheck-generator\n"
        "    Give a wheel built from this generator's source (python -m build), or its release.\n"
    )
    older = tmp_path / wheel_of(dist).name
    with zipfile.ZipFile(wheel_of(dist)) as source, zipfile.ZipFile(older, "w") as wheel:
        for item in source.infolist():
            if not item.filename.startswith("generator/locks/"):
                wheel.writestr(item, source.read(item))
    assert main(["init", str(tmp_path / "b"), "--generator", str(older)]) == 1
    assert capsys.readouterr().err == (
        f"error: {older}: the wheel of factcheck-generator 0.1.0 carries no lock (requirements.txt, "
        "requirements-bootstrap.txt)\n"
        "    Its dependencies cannot be pinned by hash: take a release that ships generator/locks/.\n"
    )
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
