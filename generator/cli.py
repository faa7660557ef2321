"""The command line: python -m generator COMMAND."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.i18n import shipped_tags
from generator.pipeline import examine
from generator.problems import ConfigError, GeneratorError, InputError, display_path, printable
from generator.report_problems import FORMATS, format_problems
from generator.settings import Layout


def _layout(args: argparse.Namespace) -> Layout:
    return Layout(Path(args.root).resolve())


def cmd_check(args: argparse.Namespace) -> int:
    """Check every claim record, source, the rating scale and the editorial standards; print all problems at once."""
    report, problems = examine(_layout(args))
    if problems:
        print(format_problems(problems, args.format))
    if args.standards and args.format == "text" and report is not None:
        from generator.standards.summary import standards_summary

        print(standards_summary(report))
    if report is None or any(p.code == "error" for p in problems):
        return 1
    if args.format == "json" and not problems:
        print(format_problems([], "json"))
    elif args.format == "text":
        translated = f", {_count(len(report.translations), 'translation')}" if report.translations else ""
        claims, sources = _count(len(report.claims), "claim"), _count(len(report.sources), "source")
        print(f"OK: {claims}{translated}, {sources}, {_count(len(report.scale.verdicts), 'verdict')}.")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    """Write the generated Markdown pages to a folder, for any static-site engine."""
    from generator.pipeline import render_report, write_pages

    layout = _layout(args)
    pages = render_report(layout, site_url=args.site_url, repo_url=args.repo_url)
    changed = write_pages(pages, Path(args.out))
    print(f"Wrote {changed} of {len(pages)} pages to {args.out}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the data files (claims.json and .csv, ClaimReview, Web Annotations, Atom feed) to a folder."""
    from generator.export.files import export_files, write_files
    from generator.pipeline import load_report
    from generator.settings import Site

    report = load_report(_layout(args))
    files = export_files(report, Site(site_url=args.site_url))
    write_files(files, Path(args.out))
    print(f"Wrote {len(files)} data files to {args.out}.")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Check the records and build the site with MkDocs (or --engine); the old site stays if anything fails."""
    import importlib

    from generator.pipeline import build

    module, function = ENGINES[args.engine]
    engine = getattr(importlib.import_module(module), function)
    layout = _layout(args)
    strict = not args.no_strict
    try:
        getattr(importlib.import_module(module), "check_installed", lambda: None)()  # before any work
        built = build(
            layout,
            layout.root / args.site_dir,
            lambda root, folder, report: engine(root, folder, report, strict),
            args.site_dir,
        )
    except InputError as err:
        print(format_problems(err.problems), file=sys.stderr)
        print("The site was not built; the previous one, if any, is unchanged.", file=sys.stderr)
        return 1
    except ConfigError:
        raise  # nothing was started: the folder or the settings cannot be used
    except GeneratorError as err:
        _say_error(err)
        print("The build failed; the previous site, if any, is unchanged.", file=sys.stderr)
        return 1
    if built.warnings:
        print(format_problems(built.warnings), file=sys.stderr)
    site_dir = layout.root / args.site_dir
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    counts = f"{len(built.report.claims)} claims and {len(built.report.sources)} sources"
    print(f"Built {printable(site_dir.name)}/: {pages} HTML pages from {counts}.")
    return 0


# Each engine's adapter, imported only when chosen: ProperDocs and Zensical are optional extras.
ENGINES = {
    "mkdocs": ("generator.mkdocs_build", "build_with_mkdocs"),
    "properdocs": ("generator.properdocs_build", "build_with_properdocs"),
    "zensical": ("generator.zensical_build", "build_with_zensical"),
}


def cmd_init(args: argparse.Namespace) -> int:
    """Start a new, empty report in a folder: settings, rating scale, standards, team, pages and workflows."""
    from generator.edit.generator_pin import parse_spec, resolve, running_spec
    from generator.edit.start_report import refuse_files, start_report
    from generator.i18n import Interface

    target = Path(args.dir).resolve()
    Interface.for_language(args.language)  # an unknown language, before anything is fetched or built
    refuse_files(target, args.dir)
    spec = parse_spec(args.generator, args.index_url) if args.generator else running_spec(args.index_url)
    pin = resolve(spec, target)
    written = start_report(target, args.dir, pin, args.language)
    shown = printable(args.dir)
    print(f"Started a report in {shown}/: {len(written)} files.")
    print(f"It installs the generator {pin.version} by its hash, from {printable(pin.origin)}.")
    print(f"Next: cd {shown}, then make check lists what is left to write (every TODO),")
    print("and make site builds the site.")
    return 0


def cmd_pin_generator(args: argparse.Namespace) -> int:
    """Pin the generator the report installs, by its hash: requirements.txt, its installer and vendor/."""
    from generator.edit.generator_pin import parse_spec, resolve, write_pin

    root = _layout(args).root
    pin = resolve(parse_spec(args.spec, args.index_url), root)
    written = write_pin(pin, root)
    shown = list(dict.fromkeys(f"{path.split('/')[0]}/" if path.startswith("schemas/") else path for path in written))
    print(f"The report now installs the generator {pin.version} by its hash, from {printable(pin.origin)}.")
    print(f"Commit {', '.join(shown)}, and open a pull request: its checks build the site with it.")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Start a claim record from a quote of a source; print the new file's path."""
    import datetime as dt

    from generator.edit.scaffold import scaffold_claim, write_scaffold

    layout = _layout(args)
    today = args.date or dt.date.today().isoformat()
    scaffold = scaffold_claim(layout, args.source, args.quote, args.prefix, args.suffix, today)
    shown = write_scaffold(scaffold, layout.root)
    if scaffold.note:
        print(scaffold.note, file=sys.stderr)
    print(f"Replace every TODO in {shown}, then run: python -m generator check", file=sys.stderr)
    print(shown)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Compare the claims, sources, rating scale and settings of two git revisions, as Markdown for a pull request."""
    from generator.edit.changes import compare
    from generator.edit.changes_markdown import format_changes
    from generator.edit.other_paths import other_paths
    from generator.edit.revisions import describe, read_revision, read_worktree, resolve

    root = _layout(args).root
    base = read_revision(root, args.base)
    if args.head:
        head, head_name = read_revision(root, args.head), describe(root, args.head)
    else:
        head, head_name = read_worktree(root), "the working tree"
    changes = compare(base, head)
    head_commit = resolve(root, args.head) if args.head else ""
    changes.paths = other_paths(root, resolve(root, args.base), head_commit, head)
    print(format_changes(changes, describe(root, args.base), head_name), end="")
    lost = [r.path for r in changes.deleted_published] + [c.after.path for c in changes.unpublished]
    for path in lost:
        print(f"error: {path}: a published claim was taken off the site; withdraw it instead", file=sys.stderr)
    # A scale or settings change may be meant: it is flagged for the reviewer, not failed.
    for file in changes.flagged:
        print(f"warning: {file.path}: this change alters how claims already on the site are shown", file=sys.stderr)
    for other in changes.reaching:
        print(f"warning: {printable(other.path)}: {other.why}", file=sys.stderr)
    return 1 if lost else 0


def cmd_reanchor(args: argparse.Namespace) -> int:
    """Propose new words for the quotes of changed source texts; --write accepts them."""
    from generator.edit.reanchor import accept, describe, propose

    layout = _layout(args)
    result = propose(layout)
    if not args.write or not result.changed:
        print(describe(result))
        return 1 if result.changed else 0
    written, recorded = accept(result, layout, set(args.claims) or None)
    for path in written:
        print(f"Wrote {path}.")
    for path in recorded:
        print(f"Recorded the new sha256 in {path}.")
    after = propose(layout)
    if after.changed:
        print(f"Still to do:\n{describe(after)}", file=sys.stderr)
        return 1
    print("Every quote anchors in the changed texts; run: python -m generator check")
    return 0


def cmd_add_source(args: argparse.Namespace) -> int:
    """Capture a source into seeds/: a web page (a file or an address), a PDF or a plain text, with its metadata."""
    import datetime as dt

    from generator.capture.add import Request, add_source

    layout = _layout(args)
    request = Request(
        args.target,
        source_id=args.id,
        kind=args.kind,
        title=args.title,
        language=args.language,
        timeout=args.timeout,
        archive=args.archive,
        today=dt.date.today().isoformat(),
    )
    captured = add_source(layout.path(layout.seeds), layout.root, request)
    for warning in captured.warnings:
        print(f"warning: {printable(warning)}", file=sys.stderr)
    shown = [display_path(path, layout.root) for path in captured.paths]
    if captured.chosen:
        print(f"Chose the id {captured.source_id} from the publisher and the title; give --id to choose another.")
    print(f"Wrote {', '.join(shown)}.")
    then = f'python -m generator new --source {captured.source_id} --quote "…"'
    print(f"Check the metadata in {shown[-1]}, then run: {then}")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    """Withdraw a published claim: its page stays at its address with a notice and the reason."""
    import datetime as dt

    from generator.edit.withdraw import withdraw_claim

    layout = _layout(args)
    date = args.date or dt.date.today().isoformat()
    shown = withdraw_claim(layout, args.claim, args.reason, date)
    print(f"Withdrew {args.claim} on {date} in {shown}; its page stays at its address with a notice.")
    return 0


def cmd_translate(args: argparse.Namespace) -> int:
    """Start a claim's version in another language the report publishes, or mark it up to date."""
    from generator.edit.translate import claim_to_translate, translate_claim

    layout = _layout(args)
    report, claim = claim_to_translate(layout, args.claim, *examine(layout))
    shown, new = translate_claim(layout, claim, args.language, report.languages[1:])
    if new:
        print(f"Wrote {shown}: translate its texts, replacing each TODO, then check.")
    else:
        print(f"Marked {shown} as translating {claim.path} as it is now.")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _source_kinds() -> list[str]:
    from generator.load.schema_check import load_schema

    return list(load_schema("source")["properties"]["kind"]["enum"])


DEFAULT_INDEX = "https://pypi.org/simple/"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", default=".", help="the report's folder (default: the current one)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help=cmd_check.__doc__, description=cmd_check.__doc__)
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text for people (default), github for workflow annotations, json for tools",
    )
    check.add_argument(
        "--standards",
        action="store_true",
        help="also print, per rule of the editorial standards, how many claims meet it, waive it and fail it",
    )
    check.set_defaults(run=cmd_check)

    build = commands.add_parser("build", help=cmd_build.__doc__, description=cmd_build.__doc__)
    build.add_argument("--site-dir", default="site", help="output folder (default: site)")
    build.add_argument("--no-strict", action="store_true", help="do not stop on MkDocs warnings")
    build.add_argument("--engine", choices=sorted(ENGINES), default="mkdocs", help="the site builder (default: mkdocs)")
    build.set_defaults(run=cmd_build)

    render = commands.add_parser("render", help=cmd_render.__doc__, description=cmd_render.__doc__)
    render.add_argument("--out", default="build/markdown", help="folder to write to (default: build/markdown)")
    render.add_argument("--site-url", default="", help="the site's public address, for absolute links")
    render.add_argument("--repo-url", default="", help="the repository's address, for 'edit this claim' links")
    render.set_defaults(run=cmd_render)

    export = commands.add_parser("export", help=cmd_export.__doc__, description=cmd_export.__doc__)
    export.add_argument("--out", default="build/data", help="folder to write to (default: build/data)")
    export.add_argument("--site-url", required=True, help="the site's public address: every export links to it")
    export.set_defaults(run=cmd_export)

    init = commands.add_parser("init", help=cmd_init.__doc__, description=cmd_init.__doc__)
    init.add_argument("dir", metavar="DIR", help="the new report's folder; it must not exist, or be empty")
    init.add_argument(
        "--language",
        default="en",
        metavar="LANG",
        help="the report's language (BCP 47): its interface, rating scale and pages; one of "
        + ", ".join(shipped_tags()),
    )
    init.add_argument(
        "--generator",
        default="",
        metavar="SPEC",
        help="where the report installs the generator from, pinned by its hash: a wheel (a path or an https "
        "address), a source folder, git+URL@COMMIT, or factcheck-generator==X.Y.Z from the package index "
        "(default: where this generator was installed from)",
    )
    init.add_argument("--index-url", default=DEFAULT_INDEX, help=f"the package index (default: {DEFAULT_INDEX})")
    init.set_defaults(run=cmd_init)

    pin = commands.add_parser("pin-generator", help=cmd_pin_generator.__doc__, description=cmd_pin_generator.__doc__)
    pin.add_argument(
        "spec",
        metavar="SPEC",
        help="a wheel (a path or an https address), a source folder, git+URL@COMMIT, or factcheck-generator==X.Y.Z",
    )
    pin.add_argument("--index-url", default=DEFAULT_INDEX, help=f"the package index (default: {DEFAULT_INDEX})")
    pin.set_defaults(run=cmd_pin_generator)

    new = commands.add_parser("new", help=cmd_new.__doc__, description=cmd_new.__doc__)
    new.add_argument("--source", required=True, help="the source's id: its file name in seeds/ without .txt")
    new.add_argument("--quote", required=True, help="the claim's words, copied from the source; mark cuts with …")
    new.add_argument("--prefix", default="", help="words just before the quote, to choose one of several places")
    new.add_argument("--suffix", default="", help="words just after the quote, to choose one of several places")
    new.add_argument("--date", default="", help="published and updated date, YYYY-MM-DD (default: today)")
    new.set_defaults(run=cmd_new)

    diff = commands.add_parser(
        "diff",
        help=cmd_diff.__doc__,
        description=cmd_diff.__doc__,
        epilog="Exit status: 1 when a published claim was deleted or sent back to draft, 0 otherwise. A change "
        "to ratings.yml, report.yml or mkdocs.yml that alters how claims already on the site are shown is "
        "flagged at the top of the summary and on stderr, but exits 0: the scale and the settings may be "
        "changed on purpose, and the reviewer decides.",
    )
    diff.add_argument("base", metavar="BASE", help="the git revision to compare from, for example origin/main")
    diff.add_argument(
        "head", metavar="HEAD", nargs="?", default="", help="the revision to compare to (default: the working tree)"
    )
    diff.set_defaults(run=cmd_diff)

    reanchor = commands.add_parser("reanchor", help=cmd_reanchor.__doc__, description=cmd_reanchor.__doc__)
    reanchor.add_argument("claims", metavar="CLAIM_ID", nargs="*", help="with --write, accept only these claims")
    reanchor.add_argument(
        "--write", action="store_true", help="write the proposals into the records and record the new sha256"
    )
    reanchor.set_defaults(run=cmd_reanchor)

    add = commands.add_parser("add-source", help=cmd_add_source.__doc__, description=cmd_add_source.__doc__)
    add.add_argument(
        "target", metavar="FILE_OR_URL", help="a saved HTML page, a PDF, a .txt file, or an http(s) address"
    )
    add.add_argument("--id", default="", help="the source's id (default: from the publisher and the title)")
    add.add_argument(
        "--kind",
        default="",
        choices=_source_kinds(),
        metavar="KIND",
        help="what kind of text it is: "
        + ", ".join(_source_kinds())
        + " (default: what the page's markup says, if it says)",
    )
    add.add_argument("--title", default="", help="the title as published, when the original does not state it")
    add.add_argument(
        "--language", default="", help="the language (BCP 47, for example en), when the original does not state it"
    )
    add.add_argument(
        "--archive", action="store_true", help="ask the Wayback Machine to save the page and record the copy's address"
    )
    add.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a server (default: 30)")
    add.set_defaults(run=cmd_add_source)

    withdraw = commands.add_parser("withdraw", help=cmd_withdraw.__doc__, description=cmd_withdraw.__doc__)
    withdraw.add_argument("claim", metavar="CLAIM_ID", help="the claim's id, for example fc-0007")
    withdraw.add_argument("--reason", required=True, help="why it is withdrawn, shown on its page")
    withdraw.add_argument("--date", default="", help="date of the withdrawal, YYYY-MM-DD (default: today)")
    withdraw.set_defaults(run=cmd_withdraw)

    translate = commands.add_parser("translate", help=cmd_translate.__doc__, description=cmd_translate.__doc__)
    translate.add_argument("claim", metavar="CLAIM_ID", help="the claim's id, for example fc-0007")
    translate.add_argument("--language", required=True, help="one of report.yml's languages, for example sr")
    translate.set_defaults(run=cmd_translate)
    return parser


def _say_error(err: Exception) -> None:
    """Print ``err`` as an error line and its hint, with what it quotes made printable."""
    print("\n".join(printable(line) for line in f"error: {err}".split("\n")), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except InputError as err:
        print(format_problems(err.problems, getattr(args, "format", "text")), file=sys.stderr)
        return 1
    except GeneratorError as err:
        _say_error(err)
        return 1
    except KeyboardInterrupt:
        return 130
