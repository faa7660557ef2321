"""The command line: python -m generator COMMAND."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.load import Layout, check_report
from generator.problems import GeneratorError, InputError
from generator.report_problems import FORMATS, format_problems


def _layout(args: argparse.Namespace) -> Layout:
    return Layout(Path(args.root).resolve())


def cmd_check(args: argparse.Namespace) -> int:
    """Check every claim record, source and the rating scale; print all problems at once."""
    report, problems = check_report(_layout(args))
    if problems:
        print(format_problems(problems, args.format))
        return 1
    assert report is not None
    if args.format == "json":
        print(format_problems([], "json"))
    elif args.format == "text":
        print(f"OK: {len(report.claims)} claims, {len(report.sources)} sources, {len(report.scale.verdicts)} verdicts.")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    """Write the generated Markdown pages to a folder, for any static-site engine."""
    from generator.pipeline import render_report, write_pages

    layout = _layout(args)
    pages = render_report(layout, site_url=args.site_url, repo_url=args.repo_url)
    changed = write_pages(pages, Path(args.out))
    print(f"Wrote {changed} of {len(pages)} pages to {args.out}.")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Check the records and build the site with MkDocs; the old site stays if anything fails."""
    from generator.site_build import build_site

    layout = _layout(args)
    report, problems = check_report(layout)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        print("The site was not built; the previous one, if any, is unchanged.", file=sys.stderr)
        return 1
    assert report is not None
    site_dir = layout.root / args.site_dir
    status = build_site(layout.root, site_dir, strict=not args.no_strict)
    if status == 0:
        pages = sum(1 for _ in site_dir.rglob("*.html"))
        print(
            f"Built {site_dir.name}/: {pages} HTML pages from {len(report.claims)} claims "
            f"and {len(report.sources)} sources."
        )
    else:
        print("The build failed; the previous site, if any, is unchanged.", file=sys.stderr)
    return status


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
    check.set_defaults(run=cmd_check)

    build = commands.add_parser("build", help=cmd_build.__doc__, description=cmd_build.__doc__)
    build.add_argument("--site-dir", default="site", help="output folder (default: site)")
    build.add_argument("--no-strict", action="store_true", help="do not stop on MkDocs warnings")
    build.set_defaults(run=cmd_build)

    render = commands.add_parser("render", help=cmd_render.__doc__, description=cmd_render.__doc__)
    render.add_argument("--out", default="build/markdown", help="folder to write to (default: build/markdown)")
    render.add_argument("--site-url", default="", help="the site's public address, for absolute links")
    render.add_argument("--repo-url", default="", help="the repository's address, for 'edit this claim' links")
    render.set_defaults(run=cmd_render)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except InputError as err:
        print(format_problems(err.problems, getattr(args, "format", "text")), file=sys.stderr)
        return 1
    except GeneratorError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
