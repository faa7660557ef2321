"""Where a report takes its generator from, pinned by hash: ``init --generator SPEC`` and ``pin-generator SPEC``.

A report's workflows install with ``pip install --require-hashes -r requirements.txt``, so the
generator is pinned as every other package is: a wheel kept in the report's ``vendor/``
folder, a wheel's address, or a release on the package index, each with its SHA-256. The
packages it needs come from the lock its wheel carries (``generator/locks/``), the one it was
tested with; the installer comes from that wheel's ``requirements-bootstrap.txt``.

    >>> parse_spec("git+https://example.org/generator.git@" + "a" * 40).kind
    'git'
    >>> parse_spec("factcheck-generator==0.2.0").version
    '0.2.0'
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from email.parser import HeaderParser
from importlib import metadata
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from generator import __version__
from generator.files import replace_file
from generator.problems import UsageError, clip
from generator.settings import PACKAGE_SCHEMAS, SCHEMAS

DISTRIBUTION = "factcheck-generator"
VENDOR = "vendor"
DEFAULT_INDEX = "https://pypi.org/simple/"
MAX_WHEEL_BYTES = 50 * 1024 * 1024
LOCKS = ("requirements.txt", "requirements-bootstrap.txt")
SPEC_FORMS = (
    "Give a wheel (a path or an https address ending in .whl), a folder holding the generator's source,\n"
    "a git address at a commit (git+https://github.com/ORG/REPO@<40-hex commit>), or a release on the\n"
    f"package index ({DISTRIBUTION}==X.Y.Z)."
)
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_RELEASE = re.compile(re.escape(DISTRIBUTION) + r"==(\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?(?:\.post\d+)?)")
# A checkout's folders that no wheel is built from (its own output, its tools, other reports' data).
_NOT_SOURCE = {".git", ".venv", "site", ".cache", "build", "dist", "node_modules", "tests", "claims", "seeds"}


@dataclass(frozen=True)
class Spec:
    """Where the generator comes from: a wheel file, a source folder, a wheel's URL, a git commit or the index."""

    kind: str  # wheel, folder, url, git or index
    location: str  # the path, the address (for git, without the commit) or the index's address
    commit: str = ""
    version: str = ""


@dataclass(frozen=True)
class Pin:
    """What a report's requirements say of its generator, and the wheel to keep beside them, if any."""

    requirement: str  # the line of requirements.txt, with its hashes
    locks: dict[str, str]  # requirements.txt and requirements-bootstrap.txt, as the wheel carries them
    version: str
    origin: str  # where it came from, as messages and the file's comment say
    vendored: tuple[str, bytes] | None = None  # (the wheel's path in the report, its bytes)
    schemas: dict[str, bytes] = field(default_factory=dict)  # the JSON Schemas the wheel carries, by file name


def parse_spec(text: str, index: str = DEFAULT_INDEX) -> Spec:
    """Tell which kind of source ``text`` names; UsageError for anything that cannot be pinned."""
    if text.startswith("git+"):
        address, _, commit = text[4:].rpartition("@")
        if not address or "://" not in address:
            raise UsageError(
                f"--generator {clip(text, 80)}: a git address needs the commit after '@'",
                "For example git+https://github.com/ORG/REPO@<the commit's full 40-hex hash>.",
            )
        if not _COMMIT.fullmatch(commit):
            raise UsageError(
                f"--generator {clip(text, 80)}: '{clip(commit, 40)}' is not a commit's full hash",
                "A branch or a tag can be moved to other code: give the commit's full hash "
                "(git rev-parse TAG prints it).",
            )
        return Spec("git", address, commit=commit)
    if release := _RELEASE.fullmatch(text):
        return Spec("index", index, version=release[1])
    if "://" in text:
        parts = urlsplit(text)
        if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost")):
            raise UsageError(
                f"--generator {clip(text, 80)}: only https addresses are taken", "An http download can be altered."
            )
        if not parts.path.endswith(".whl"):
            raise UsageError(f"--generator {clip(text, 80)}: the address is not a wheel's (.whl)", SPEC_FORMS)
        return Spec("url", text)
    path = Path(text)
    if path.is_file() and path.suffix == ".whl":
        return Spec("wheel", str(path.resolve()))
    if path.is_dir() and (path / "pyproject.toml").is_file():
        return Spec("folder", str(path.resolve()))
    raise UsageError(
        f"--generator {clip(text, 80)}: not a wheel, a source folder, a git commit or a release", SPEC_FORMS
    )


def running_spec(index: str = DEFAULT_INDEX) -> Spec:
    """Where the generator that is running was installed from (its direct_url.json, PEP 610)."""
    # An installer's record, not a build's leftover: a checkout's *.egg-info has none.
    installed = list(metadata.distributions(name=DISTRIBUTION))
    recorded = next((r for d in installed if (r := d.read_text("direct_url.json"))), None)
    here = Path(__file__).resolve().parents[1]
    if not installed and (here.parent / "pyproject.toml").is_file():  # a checkout that was never installed
        return Spec("folder", str(here.parent))
    if recorded is None:
        return Spec("index", index, version=__version__)
    direct = json.loads(recorded)
    url = direct.get("url", "")
    if "vcs_info" in direct and direct["vcs_info"].get("vcs") == "git":
        return Spec("git", url, commit=direct["vcs_info"]["commit_id"])
    if url.startswith("file://"):
        path = Path(urlsplit(url).path)
        return Spec("wheel" if path.suffix == ".whl" else "folder", str(path))
    return parse_spec(url, index)


def resolve(spec: Spec, report: Path) -> Pin:
    """Find the wheel that ``spec`` names, check it is the generator's, and say how the report installs it."""
    if spec.kind == "index":
        return _from_index(spec)
    if spec.kind == "url":
        data = _download(spec.location)
        digest = hashlib.sha256(data).hexdigest()
        version, locks, schemas = _read_wheel(data, spec.location)
        requirement = f"{DISTRIBUTION} @ {spec.location} \\\n    --hash=sha256:{digest}"
        return Pin(requirement, locks, version, spec.location, schemas=schemas)
    if spec.kind == "wheel":
        name, data = Path(spec.location).name, Path(spec.location).read_bytes()
        origin = shown = spec.location
    else:
        name, data = _build_wheel(spec)
        origin = f"git+{spec.location}@{spec.commit}" if spec.kind == "git" else spec.location
        shown = f"the wheel built from {origin}"
    version, locks, schemas = _read_wheel(data, shown)
    kept = f"{VENDOR}/{name}"
    digest = hashlib.sha256(data).hexdigest()
    return Pin(f"./{kept} \\\n    --hash=sha256:{digest}", locks, version, origin, (kept, data), schemas)


def write_pin(pin: Pin, report: Path) -> list[str]:
    """Write the report's requirements and its vendored wheel (dropping the ones it replaces); return them."""
    written = []
    vendor = report / VENDOR
    for old in sorted(vendor.glob("factcheck_generator-*.whl")) if vendor.is_dir() else []:
        if pin.vendored is None or old.name != Path(pin.vendored[0]).name:
            old.unlink()
    if pin.vendored:
        vendor.mkdir(exist_ok=True)
        replace_file(report / pin.vendored[0], pin.vendored[1])
        written.append(pin.vendored[0])
    elif vendor.is_dir() and not any(vendor.iterdir()):
        vendor.rmdir()
    for name, schema in pin.schemas.items():  # what editors' YAML tools read, as the pinned generator checks
        (report / SCHEMAS).mkdir(exist_ok=True)
        replace_file(report / SCHEMAS / name, schema)
        written.append(f"{SCHEMAS}/{name}")
    replace_file(report / "requirements.txt", requirements_text(pin).encode("utf-8"))
    replace_file(report / "requirements-bootstrap.txt", pin.locks["requirements-bootstrap.txt"].encode("utf-8"))
    return [*written, "requirements-bootstrap.txt", "requirements.txt"]


def requirements_text(pin: Pin) -> str:
    """The report's requirements.txt: the generator, then the packages of its own lock."""
    body = "\n".join(line for line in pin.locks["requirements.txt"].splitlines() if not _lock_header(line))
    return (
        "# What this report's workflows install, every package by its hash (pip install --require-hashes).\n"
        f"# The generator {pin.version}, from {pin.origin},\n"
        "# then the packages it was tested with, from the lock its wheel carries.\n"
        "# Written by `python -m generator pin-generator SPEC`, which the README says how to run: not by hand.\n"
        f"{pin.requirement}\n\n{body.strip()}\n"
    )


def _lock_header(line: str) -> bool:
    return line.startswith(("# This file was autogenerated", "#    make lock"))


def _read_wheel(data: bytes, shown: str) -> tuple[str, dict[str, str], dict[str, bytes]]:
    """The version of the generator's wheel ``data`` (``shown`` in messages, unclipped: the user named it),
    the locks and the JSON Schemas it carries; UsageError if it is not one."""
    try:
        wheel = zipfile.ZipFile(io.BytesIO(data))
        names = set(wheel.namelist())
        meta = next((n for n in names if n.endswith(".dist-info/METADATA")), None)
        fields = HeaderParser().parsestr(wheel.read(meta).decode("utf-8")) if meta else None
        if fields is None or (fields["Name"] or "").lower().replace("_", "-") != DISTRIBUTION:
            raise UsageError(
                f"{shown}: not a wheel of {DISTRIBUTION}",
                "Give a wheel built from this generator's source (python -m build), or its release.",
            )
        missing = [lock for lock in LOCKS if f"generator/locks/{lock}" not in names]
        if missing:
            raise UsageError(
                f"{shown}: the wheel of {DISTRIBUTION} {fields['Version']} carries no lock ({', '.join(missing)})",
                "Its dependencies cannot be pinned by hash: take a release that ships generator/locks/.",
            )
        locks = {lock: wheel.read(f"generator/locks/{lock}").decode("utf-8") for lock in LOCKS}
        schemas = {
            PurePosixPath(name).name: wheel.read(name)
            for name in sorted(names)
            if PurePosixPath(name).parent.as_posix() == PACKAGE_SCHEMAS and name.endswith(".schema.json")
        }
        return fields["Version"], locks, schemas
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as error:
        raise UsageError(f"{shown}: not a readable wheel ({error})", SPEC_FORMS) from None


def _build_wheel(spec: Spec) -> tuple[str, bytes]:
    """Build the generator's wheel from a git commit or a source folder, with this environment's setuptools."""
    with tempfile.TemporaryDirectory(prefix="factcheck-wheel-") as scratch:
        source = Path(scratch) / "source"
        if spec.kind == "git":
            for command in (
                ["git", "clone", "--quiet", "--no-checkout", spec.location, str(source)],
                ["git", "-C", str(source), "-c", "advice.detachedHead=false", "checkout", "--quiet", spec.commit],
            ):
                _run(command, f"git+{spec.location}@{spec.commit}")
        else:
            top = Path(spec.location)
            shutil.copytree(top, source, ignore=lambda folder, names: _left_out(Path(folder) == top, names))
        out = Path(scratch) / "dist"
        _run(
            [
                sys.executable,
                "-P",
                "-m",
                "pip",
                "wheel",
                "-q",
                "--no-deps",
                "--no-build-isolation",
                "-w",
                str(out),
                ".",
            ],
            spec.location,
            cwd=source,
        )
        (wheel,) = out.glob("*.whl")
        return wheel.name, wheel.read_bytes()


def _left_out(top: bool, names: list[str]) -> set[str]:
    """What copying a source folder leaves out: caches everywhere, and the checkout's own output at its top."""
    dropped = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
    return dropped | (_NOT_SOURCE & set(names) if top else set())


def _run(command: list[str], shown: str, cwd: Path | None = None) -> None:
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageError(f"{clip(shown, 100)}: {command[0]} could not run ({error})", SPEC_FORMS) from None
    if done.returncode != 0:
        said = [line for line in (done.stderr or done.stdout).strip().splitlines() if line.strip()][-3:]
        raise UsageError(
            f"{clip(shown, 100)}: {' '.join(command[:2])} failed",
            "\n".join([*said, "Check the address and the commit, or build the wheel yourself and give its path."]),
        )


def _download(url: str) -> bytes:
    import httpx

    try:
        with httpx.Client(timeout=60, follow_redirects=True, max_redirects=5) as client, client.stream("GET", url) as r:
            if r.status_code >= 400:
                raise UsageError(f"{clip(url, 100)}: the server answered {r.status_code}", SPEC_FORMS)
            data = bytearray()
            for chunk in r.iter_bytes():
                data += chunk
                if len(data) > MAX_WHEEL_BYTES:
                    raise UsageError(f"{clip(url, 100)}: larger than {MAX_WHEEL_BYTES >> 20} MB", SPEC_FORMS)
            return bytes(data)
    except httpx.HTTPError as error:
        raise UsageError(f"{clip(url, 100)}: could not be fetched ({type(error).__name__})", SPEC_FORMS) from None


def _from_index(spec: Spec) -> Pin:
    """The release ``spec.version`` on the index, pinned by the hashes the index gives (PEP 691)."""
    import httpx

    project = spec.location.rstrip("/") + f"/{DISTRIBUTION}/"
    try:
        answer = httpx.get(project, headers={"Accept": "application/vnd.pypi.simple.v1+json"}, timeout=60)
    except httpx.HTTPError as error:
        raise UsageError(f"{project}: could not be fetched ({type(error).__name__})", SPEC_FORMS) from None
    files = answer.json().get("files", []) if answer.status_code == 200 else []
    stem = f"factcheck_generator-{spec.version}"
    chosen = [f for f in files if f["filename"].startswith((stem + "-", stem + ".tar.gz")) and "sha256" in f["hashes"]]
    wheel = next((f for f in chosen if f["filename"].endswith(".whl")), None)
    if wheel is None:
        raise UsageError(
            f"{DISTRIBUTION} {spec.version} is not on the package index ({spec.location})",
            "Until it is released there, give a wheel, a source folder or a git commit with --generator.",
        )
    data = _download(str(httpx.URL(project).join(wheel["url"])))
    if hashlib.sha256(data).hexdigest() != wheel["hashes"]["sha256"]:
        raise UsageError(
            f"{wheel['filename']}: its SHA-256 is not the one the index gives; nothing was written",
            "The file was altered on its way, or the index lists another: tell the generator's maintainers.",
        )
    version, locks, schemas = _read_wheel(data, wheel["filename"])
    hashes = "".join(f" \\\n    --hash=sha256:{f['hashes']['sha256']}" for f in chosen)
    origin = f"the package index ({spec.location})"
    return Pin(f"{DISTRIBUTION}=={spec.version}{hashes}", locks, version, origin, schemas=schemas)
