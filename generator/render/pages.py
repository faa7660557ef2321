"""Render every page of the report from its Jinja template, one template per page kind."""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.i18n import N_, Interface
from generator.model import Claim, Report, Source, Verdict
from generator.names import tag_key
from generator.render import urls
from generator.render.annotate import annotate, highlights_for, text_html
from generator.render.chart import verdict_chart
from generator.render.fragments import passage_link, quote_link
from generator.render.icons import icon
from generator.render.kept import KeptPages, digest, key_of
from generator.render.reference import format_reference
from generator.render.rich_text import render_markdown
from generator.render.versions import language_home, language_name, ratings_page, translated, versions
from generator.settings import Site
from generator.standards.check import evaluate
from generator.standards.rules import BY_NAME

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
VERDICT_CSS = "assets/factcheck-verdicts.css"
# The report's styles, first the verdicts' and its own, then its search's, as every engine adds them.
REPORT_CSS = (VERDICT_CSS, "assets/stylesheets/factcheck.css")
SEARCH_CSS = "assets/stylesheets/factcheck-search.css"
HOME_PER_SOURCE = 10
# The kinds of text of the source schema, as readers see them.
KINDS = {
    "news-report": N_("news report"),
    "opinion": N_("opinion"),
    "editorial": N_("editorial"),
    "analysis": N_("analysis"),
    "letter": N_("letter"),
    "press-release": N_("press release"),
    "official-statement": N_("official statement"),
    "speech": N_("speech"),
    "interview": N_("interview"),
    "transcript": N_("transcript"),
    "video-transcript": N_("video transcript"),
    "social-media": N_("social media"),
    "reader-comments": N_("reader comments"),
    "report": N_("report"),
    "document": N_("document"),
}


def interface(report: Report) -> Interface:
    """Return the interface in the report's language (report.yml's ``language``)."""
    return Interface.for_language(report.settings["language"])


@cache
def environment(ui: Interface) -> Environment:
    """Return the template environment: autoescaped, strict, every plain value on one line, in ``ui``'s words."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_one_line,
        comment_start_string="{##",
        comment_end_string="##}",
        extensions=["jinja2.ext.i18n"],
    )  # "{#id}" is Markdown
    # A catalog is text: every message is escaped, and only its msgid's own tags come back (i18n.as_html).
    env.install_gettext_callables(ui.html_gettext, ui.html_ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        meta=_meta,
        source_text=lambda text: Markup(text_html(text, ui)),
        date=ui.format_date,
        number=ui.format_number,
        published_verdicts=lambda claims: Counter(c.verdict.id for c in claims if c.status == "published"),
    )
    env.filters["language_name"] = language_name
    env.globals["icon"] = icon
    env.globals["waiver_text"] = lambda waiver: waiver_text(waiver, ui)
    env.globals["rule_title"] = lambda spec: ui.gettext(spec.title)
    env.globals["rule_states"] = lambda spec, rule: spec.states(rule, ui)
    env.globals["ui"] = ui
    env.globals["kind_name"] = lambda kind: ui.gettext(KINDS[kind]) if kind in KINDS else kind.replace("-", " ")
    env.globals["language_name"] = ui.language_name
    env.globals.update(passage_link=passage_link, quote_link=quote_link)  # "Check it in the original"
    return env


def fill_in(report: Report, markdown: str, here: str) -> str:
    """Put the report's own data (the standards, the team) where a hand-written page at ``here`` asks for it."""
    if "<!-- factcheck:" in markdown:
        for marker, snippet in render_snippets(report, here).items():
            markdown = markdown.replace(marker, snippet)
    return markdown


def waiver_text(waiver: dict[str, str], ui: Interface) -> str:
    """Say to readers why a claim is excepted from a rule, in the rule's own sentence."""
    reason = " ".join(waiver["reason"].split())
    return ui.gettext(BY_NAME[waiver["rule"]].waived).format(reason=reason) + (
        "" if reason.endswith((".", "!", "?")) else "."
    )


def _one_line(value: Any) -> Any:
    # A line break in a value could end the HTML block around it and let Markdown read the rest;
    # HTML made here may keep its line breaks, but never a blank line (a title attribute could).
    if isinstance(value, Markup):
        return Markup(_BLANK_LINES.sub("\n", value))
    if isinstance(value, str):
        return " ".join(value.split())
    return value


_BLANK_LINES = re.compile(r"\n\s*\n")


def _meta(value: str) -> Markup:
    """Quote a front-matter value: HTML-escaped (themes print it raw) inside a JSON string, once."""
    text = value.unescape() if isinstance(value, Markup) else str(value)  # a message is escaped already
    return Markup(json.dumps(escape(" ".join(text.split())), ensure_ascii=False))


# Hand-written pages say where the report's own data goes: the plugin puts it there.
SNIPPETS = {"standards": "<!-- factcheck:standards -->", "team": "<!-- factcheck:team -->"}


def render_snippets(report: Report, here: str) -> dict[str, str]:
    """Return the Markdown of the standards and the team, by the marker a page of ``here`` replaces."""
    env = environment(interface(report))
    _, tallies = evaluate(report)
    by_rule = {t.rule: t for t in tallies}
    rules = [(r, BY_NAME[r.name], by_rule[r.name]) for r in report.standards.rules if r.level != "off"]
    off = [interface(report).gettext(BY_NAME[r.name].title) for r in report.standards.rules if r.level == "off"]

    def href(to: str, fragment: str = "") -> str:
        # A hand-written page links to the Markdown file, as MkDocs checks and resolves it.
        rel = posixpath.relpath(to, posixpath.dirname(here) or ".")
        return rel + (f"#{fragment}" if fragment else "")

    return {
        SNIPPETS["standards"]: env.get_template("standards.md.j2").render(rules=rules, off=off, href=href, urls=urls),
        SNIPPETS["team"]: env.get_template("team.md.j2").render(team=report.standards.team),
    }


def render_pages(
    report: Report, site: Site, ui: Interface | None = None, kept: KeptPages | None = None
) -> dict[str, str]:
    """Return every generated file of the report, as {path under docs/: content}, in ``ui``'s language.

    The interface is the report's language (report.yml) unless ``ui`` says another. With
    ``kept`` (a preview's), a page whose inputs are those of its last render is not rendered again.
    """
    ui = ui or interface(report)
    env = environment(ui)
    remember = kept is not None  # a listing's entries too, for the next render
    kept = kept or KeptPages()
    frame = kept.begin(report, site, ui.language)
    visible = sorted(report.visible, key=lambda c: c.id)
    pages: dict[str, str] = {VERDICT_CSS: verdict_css(report.scale.verdicts)}

    def page(
        path: str,
        template: str,
        in_language: str | None = None,
        key: Any = (),
        lazy: Callable[[], dict] = dict,
        **context: Any,
    ) -> None:
        """Render ``template`` at ``path`` with ``context`` and ``lazy()``, unless ``key`` is the kept page's."""

        def href(to: str, fragment: str = "") -> str:
            return urls.link(path, to, fragment)

        def listed(claim: Claim, show_source: bool, caller: Callable[[], str]) -> str:
            return kept.entry(claim, path, show_source, caller) if remember else caller()

        def make() -> str:
            words = environment(Interface.for_language(in_language)) if in_language else env
            return words.get_template(template).render(
                report=report, site=site, here=path, href=href, listed=listed, urls=urls, **context, **lazy()
            )

        if path in pages:  # a record's name taking a listing's address; the checker refuses it
            raise ValueError(f"two pages would be written at {path}")
        pages[path] = kept.page(path, key_of(frame, template, in_language, key), make)

    # Claim pages sit side by side, so a bare id in an analysis links to ../<id>/.
    claim_links = {c.id: f"../{c.id}/" for c in visible}
    linkable = digest(" ".join(claim_links))  # the ids an analysis may link to: the same for every page
    for claim in visible:
        every = versions(report, claim)
        page(
            urls.claim_page(claim.id),
            "claim.md.j2",
            key=(kept.fingerprint(claim), linkable, [(v.language, v.page, v.translation) for v in every]),
            lazy=partial(_analysis, claim.analysis, claim_links),
            claim=claim,
            edit_url=site.edit_url(claim.path),
            source=report.sources[claim.passage.source_id],
            versions=every,
            version=None,
            page_language=report.languages[0],
            ratings_page="ratings.md",
        )
    # A translation links a bare id to that claim's version in its language, or else to the record's.
    links_in = {
        language: {
            c.id: f"../{c.id}/" if report.translated_into(c.id, language) else f"../../../claims/{c.id}/"
            for c in visible
        }
        for language in report.languages[1:]
    }
    every_translation = translated(report, visible)
    for version in every_translation:
        analysis = render_markdown(version.claim.analysis, links_in[version.language])
        every = versions(report, version.claim)
        page(
            version.page,
            "claim.md.j2",
            version.language,
            key=(version, analysis, every),
            claim=version.claim,
            analysis=analysis,
            edit_url=site.edit_url(version.claim.path),
            source=report.sources[version.claim.passage.source_id],
            versions=every,
            version=version,
            page_language=version.language,
            ratings_page=ratings_page(report, version.language),
        )
    homes = [(language, language_home(report, language)) for language in report.languages]
    counts = Counter(c.verdict.id for c in visible if c.status == "published")
    everything = kept.prints(visible)  # the pages that show every claim, or counts of them all
    for language, home in homes[1:]:
        in_language = [v for v in every_translation if v.language == language]
        scale = ratings_page(report, language)
        page(
            home,
            "translations.md.j2",
            language,
            key=(in_language, homes),
            items=in_language,
            languages=homes,
            ratings_page=scale,
        )
        verdicts = [v.in_language(language) for v in report.scale.verdicts]
        page(scale, "ratings.md.j2", language, key=sorted(counts.items()), counts=counts, verdicts=verdicts)
    touching = _claims_touching(visible)
    for source in sorted(report.sources.values(), key=lambda s: s.id):
        about = touching.get(source.id, [])
        page(
            urls.source_page(source.id),
            "source.md.j2",
            key=(source.id, kept.prints(about)),
            lazy=partial(_annotated, source, about, ui),
            source=source,
            claims=[c for c in about if c.passage.source_id == source.id],
            cited=[c for c in about if c.passage.source_id != source.id],
        )
    page(
        "index.md",
        "home.md.j2",
        key=(everything, homes),
        lazy=lambda: {"chart": _chart(report, visible, "index.md", ui), "by_source": _by_source(report, visible)},
        claims=visible,
        # A small report lists every claim on its home page; a large one a few per source.
        per_source=len(visible) if len(visible) <= urls.PER_PAGE else HOME_PER_SOURCE,
        languages=homes,
    )
    page("sources/index.md", "sources.md.j2", key=everything, lazy=lambda: {"by_source": _by_source(report, visible)})
    page("ratings.md", "ratings.md.j2", key=sorted(counts.items()), counts=counts, verdicts=report.scale.verdicts)
    page("reference/format.md", "reference.md.j2", reference=format_reference(ui))
    for number, chunk, total in _paginate(visible):
        page(
            urls.claims_index(number),
            "listing.md.j2",
            key=(kept.prints(chunk), total),
            title=ui.gettext("All claims"),
            intro="",
            items=chunk,
            number=number,
            total=total,
            page_of=urls.claims_index,
            verdict=None,
        )
    by_verdict = _group(visible, lambda c: [c.verdict.id])
    for verdict in report.scale.verdicts:
        items = by_verdict.get(verdict.id, [])
        for number, chunk, total in _paginate(items):
            page(
                urls.verdict_page(verdict.id, number),
                "listing.md.j2",
                key=(verdict, kept.prints(chunk), total),
                title=ui.gettext("Claims rated {verdict}").format(verdict=verdict.label),
                intro=verdict.definition,
                items=chunk,
                number=number,
                total=total,
                verdict=verdict,
                page_of=lambda n, v=verdict.id: urls.verdict_page(v, n),
            )
    # A tag is shown as its first claim writes it, and compared regardless of case.
    by_tag = _group(visible, lambda c: [tag_key(tag) for tag in c.tags])
    shown = {tag_key(tag): tag for c in reversed(visible) for tag in c.tags}
    tags = sorted((shown[key], len(items)) for key, items in by_tag.items())
    page("tags/index.md", "tags.md.j2", key=tags, tags=tags)
    for tag, _count in tags:
        items = by_tag[tag_key(tag)]
        for number, chunk, total in _paginate(items):
            page(
                urls.tag_page(tag, number, report.settings["language"]),
                "listing.md.j2",
                key=(tag, kept.prints(chunk), total),
                title=ui.gettext("Claims tagged “{tag}”").format(tag=tag),
                intro="",
                items=chunk,
                number=number,
                total=total,
                verdict=None,
                page_of=lambda n, t=tag: urls.tag_page(t, n, report.settings["language"]),
            )
    kept.keep_only(pages)
    return pages


def _analysis(text: str, claim_links: dict[str, str]) -> dict[str, Any]:
    """Return a claim page's analysis as HTML, its bare claim ids linked."""
    return {"analysis": render_markdown(text, claim_links)}


def _annotated(source: Source, about: list[Claim], ui: Interface) -> dict[str, Any]:
    """Return the parts of a source page's text: its passages highlighted, as the claims ``about`` it quote them."""
    return {"parts": annotate(source, highlights_for(source, about), ui)}


def _group(claims: list[Claim], keys: Callable[[Claim], Iterable[str]]) -> dict[str, list[Claim]]:
    """Group ``claims`` under each of their keys, in one pass and in their order."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        for key in dict.fromkeys(keys(claim)):
            groups.setdefault(key, []).append(claim)
    return groups


def _claims_touching(claims: list[Claim]) -> dict[str, list[Claim]]:
    """Return, for each source id, the claims quoting it as the claim or as evidence."""
    return _group(claims, lambda c: [c.passage.source_id] + [e.passage.source_id for e in c.evidence if e.passage])


def _paginate(items: list[Claim]) -> Iterator[tuple[int, list[Claim], int]]:
    total = max(1, -(-len(items) // urls.PER_PAGE))
    for number in range(1, total + 1):
        yield number, items[(number - 1) * urls.PER_PAGE : number * urls.PER_PAGE], total


def _chart(report: Report, visible: list[Claim], here: str, ui: Interface) -> Markup:
    counts = Counter(c.verdict.id for c in visible if c.status == "published")
    rows = [(v, counts[v.id], urls.link(here, urls.verdict_page(v.id))) for v in report.scale.verdicts]
    return verdict_chart(rows, ui)


def _by_source(report: Report, visible: list[Claim]) -> list[tuple[Source, list[Claim]]]:
    quoting = _group(visible, lambda c: [c.passage.source_id])
    return [(s, quoting.get(s.id, [])) for s in sorted(report.sources.values(), key=lambda s: s.id)]


def verdict_css(verdicts: tuple[Verdict, ...]) -> str:
    """Return the stylesheet giving each verdict its colour, generated from the scale."""
    rules = [f".fc-v-{v.id} {{ --fc-colour: {v.colour}; }}" for v in verdicts]
    return "/* Generated from ratings.yml. */\n" + "\n".join(rules) + "\n"
