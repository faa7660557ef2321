"""Start a new, empty report in a folder of its own: `python -m generator init DIR`.

The files come from the package (generator/scaffold), so an installed generator needs nothing
of this repository. What only the desk can say is marked TODO; `check` lists every one as a
warning, so the new report checks and builds at once and says what is left to write.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from generator.edit.generator_pin import Pin, write_pin
from generator.i18n import Interface
from generator.problems import UsageError

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
# Files whose names start with a dot are kept under other names in the package, where tools skip them.
RENAMED = {"gitignore": ".gitignore", "github": ".github"}
FILLED_IN = ("README.md",)
# Files written in the report's language: templates whose messages come from the interface's catalog.
TEMPLATE = ".j2"
EMPTY = ("claims", "seeds")


def start_report(target: Path, shown: str, pin: Pin, language: str = "en") -> list[str]:
    """Write a new report into ``target`` (``shown`` in messages) in ``language``, installing the generator
    ``pin`` says; return the files written, sorted.

    Raises UsageError, listing the shipped languages, when ``language`` has no catalog.
    """
    ui = Interface.for_language(language)
    refuse_files(target, shown)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(SCAFFOLD.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        rel = source.relative_to(SCAFFOLD)
        rel = Path(RENAMED.get(rel.parts[0], rel.parts[0]), *rel.parts[1:])
        if rel.name.endswith(TEMPLATE):
            rel = rel.with_name(rel.name.removesuffix(TEMPLATE))
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        if source.name.endswith(TEMPLATE):
            env = _environment(ui, html=rel.suffix == ".md")
            text = env.from_string(source.read_text(encoding="utf-8")).render(language=language)
            out.write_text(text, encoding="utf-8", newline="\n")
        elif rel.as_posix() in FILLED_IN:
            text = source.read_text(encoding="utf-8")
            text = text.replace("{version}", pin.version).replace("{title}", "A new fact-check report")
            out.write_text(text, encoding="utf-8", newline="\n")
        else:
            shutil.copyfile(source, out)
        written.append(rel.as_posix())
    for name in EMPTY:
        (target / name).mkdir()
        (target / name / ".gitkeep").write_bytes(b"")  # git keeps no empty folder
        written.append(f"{name}/.gitkeep")
    written += write_pin(pin, target)
    return sorted(written)


def refuse_files(target: Path, shown: str) -> None:
    """Raise UsageError unless ``target`` is a new or an empty folder: init never writes over files."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(
            f"{shown} already exists and is not an empty folder; nothing was written",
            "Give the name of a new folder, or of an empty one: init never writes over files.",
        )


def _environment(ui: Interface, html: bool) -> Environment:
    """Return the environment of the scaffold's templates: YAML, or Markdown (``html``, where a catalog's
    message is escaped but for its msgid's own tags, as on the site's pages), in ``ui``'s language."""
    env = Environment(
        undefined=StrictUndefined,
        autoescape=False,  # YAML and Markdown: values are quoted by the yaml filter
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    if html:
        env.install_gettext_callables(ui.html_gettext, ui.html_ngettext, newstyle=True)  # type: ignore[attr-defined]
    else:
        env.install_gettext_translations(ui.translations, newstyle=True)  # type: ignore[attr-defined]
    # A JSON string is a valid YAML double-quoted scalar.
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env
