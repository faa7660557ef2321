"""A preview that never stalls: a failed rebuild leaves the last good pages served, with its problems over them.

MkDocs' server waits for a rebuild to succeed before it answers again, so one broken save left
every request hanging. Here its builder is wrapped: a rebuild that fails (a record's problems,
a broken mkdocs.yml, a template's error) is remembered instead of raised, the server goes on
serving the site as the last good build left it, and every HTML page it serves carries a panel
listing the problems (``file:line:col``, message, hint) in the report's language, until a save
fixes them and the next rebuild succeeds. The server is only given another WSGI application and
another builder: both are plain callables, so nothing here imports an engine.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from jinja2 import TemplateSyntaxError
from markupsafe import escape

from generator.i18n import Interface
from generator.problems import InputError, Problem, printable

log = logging.getLogger("mkdocs.plugins.factcheck")
PANEL_ID = "fc-problems"
_CONFIG_VALUE = re.compile(r"Config value '([^']+)'")
STYLE = (
    "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;"
    "padding:1rem 1.25rem;background:#fff8f7;color:#1d1b1b;border-top:.25rem solid #b3261e;"
    "box-shadow:0 -.25rem 1rem rgba(0,0,0,.25);font:0.95rem/1.5 system-ui,sans-serif;text-align:start"
)

HEADING = ' style="margin:0 0 .25rem;font-size:1.1rem;color:#b3261e"'
PARAGRAPH = ' style="margin:0"'
LIST = ' style="margin:.5rem 0 0;padding-inline-start:1.5rem"'
LI, WHERE, HINT = ' style="margin:.5rem 0"', ' style="font-weight:600"', ' style="color:#4a4545"'


class PreviewProblems:
    """What the last rebuild of a preview got wrong: shown over every page until a rebuild succeeds."""

    def __init__(self) -> None:
        self.shown: list[Problem] = []
        self.found: list[Problem] = []  # the records' problems of the build under way, before it is abandoned
        self.ui = Interface.for_language("en")
        self.config_file: Path | None = None

    @contextmanager
    def kept(self, serving: bool) -> Iterator[None]:
        """Remember the records' problems that stop this build, when previewing; let them stop it all the same."""
        try:
            yield
        except InputError as err:
            if serving:
                self.found = [p for p in err.problems if p.code == "error"]
            raise

    def clear(self) -> None:
        self.shown, self.found = [], []

    def guard(self, server: Any, ui: Interface | None, config_file: Path) -> Any:
        """Give ``server`` (MkDocs' LiveReloadServer) a builder that never fails and an application that shows it."""
        self.ui, self.config_file = ui or self.ui, config_file
        build = server.builder

        def builder(*args: Any, **kwargs: Any) -> None:
            self.found = []
            errors = _ErrorLog()
            logging.getLogger("mkdocs").addHandler(errors)
            try:
                build(*args, **kwargs)
            except Exception as error:  # any failure of a rebuild is shown, the site stays as it was
                self.shown = self.found or self.described(error, errors.said)
                log.error(f"The preview shows the last good build, with {len(self.shown)} problem(s) over it.")
            else:
                self.shown = []
            finally:
                logging.getLogger("mkdocs").removeHandler(errors)

        server.builder = builder
        server.set_app(self.application(server.serve_request))
        return server

    def application(self, serve: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
        """Return the WSGI application ``serve``, with the problems' panel in each HTML page while there are any."""

        def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            shown = self.shown
            if not shown:
                return serve(environ, start_response)
            answer: dict[str, Any] = {}

            def started(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
                answer.update(status=status, headers=headers)
                return lambda data: None

            body = serve(environ, started)
            headers = answer.get("headers", [])
            kind = next((value for name, value in headers if name.lower() == "content-type"), "")
            if not kind.startswith("text/html"):
                start_response(answer["status"], headers)
                return body
            page = b"".join(body)
            panel = self.panel(shown).encode("utf-8")
            at = page.rfind(b"</body>")
            page = page[:at] + panel + page[at:] if at >= 0 else page + panel
            headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
            start_response(answer["status"], [*headers, ("Content-Length", str(len(page)))])
            return [page]

        return application

    def panel(self, problems: list[Problem]) -> str:
        """Return the HTML of the panel listing ``problems``, in the report's language; every word of them escaped."""
        ui = self.ui
        title = ui.ngettext(
            "The preview could not be rebuilt: {count} problem to fix",
            "The preview could not be rebuilt: {count} problems to fix",
            len(problems),
        ).format(count=ui.format_number(len(problems)))
        said = ui.gettext("This is the page as the last good build made it. Save a fix and the preview rebuilds.")
        items = "".join(
            f"<li{LI}><code{WHERE}>{escape(printable(_where(p)))}</code>: {escape(printable(p.message))}"
            + "".join(f"<br><span{HINT}>{escape(printable(line))}</span>" for line in p.hint.split("\n") if line)
            + "</li>"
            for p in problems
        )
        return (
            f'<aside id="{PANEL_ID}" role="alert" lang="{escape(ui.language)}" dir="{ui.direction}" style="{STYLE}">'
            f"<h2{HEADING}>{escape(title)}</h2><p{PARAGRAPH}>{escape(said)}</p><ol{LIST}>{items}</ol></aside>"
        )

    def described(self, error: BaseException, said: list[str]) -> list[Problem]:
        """Turn what stopped a rebuild into located problems: a template's line, mkdocs.yml's, or the engine's words."""
        if isinstance(error, TemplateSyntaxError):
            where = error.filename or error.name or "template"
            return [
                Problem(where, error.lineno or 1, 1, error.message or str(error), "Fix the template, then save it.")
            ]
        config = self.config_file
        if config is not None:
            try:
                yaml.compose(config.read_text(encoding="utf-8", errors="replace"))
            except yaml.MarkedYAMLError as bad:
                mark = bad.problem_mark or bad.context_mark
                line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                what = " ".join(str(bad.problem or bad).split())
                return [Problem(config.name, line, col, f"mkdocs.yml cannot be read: {what}", "Fix it, then save it.")]
            except OSError:
                pass
        lines = said or [" ".join(str(error).split()) or type(error).__name__]
        return [self._said(line, config) for line in lines]

    def _said(self, line: str, config: Path | None) -> Problem:
        key = _CONFIG_VALUE.search(line)
        if key and config is not None:
            at = _key_line(config, key.group(1))
            return Problem(config.name, at, 1, line, "Fix the setting in mkdocs.yml, then save it.")
        return Problem("build", 1, 1, line, "The engine's log says more; save a fix and the preview rebuilds.")


class _ErrorLog(logging.Handler):
    """The errors the engine logs during one rebuild (MkDocs logs a configuration's before it aborts)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.said: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.getMessage().startswith("The preview shows the last good build"):
            self.said.append(" ".join(record.getMessage().split()))


def _where(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}:{problem.col}"


def _key_line(config: Path, key: str) -> int:
    """The line of mkdocs.yml where top-level ``key`` is set, or 1."""
    found = re.search(rf"(?m)^{re.escape(key)}\s*:", config.read_text(encoding="utf-8", errors="replace"))
    return config.read_text(encoding="utf-8", errors="replace")[: found.start()].count("\n") + 1 if found else 1
