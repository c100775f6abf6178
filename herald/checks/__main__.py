"""Command line: ``python -m herald.checks "text" --platform x --official --pre-election``
or ``python -m herald.checks --jsonl < in.jsonl > out.jsonl`` (one JSON object per line, streamed)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from .config import RulesError, load_rules
from .engine import check, default_rules
from .model import PLATFORMS, Context, Draft, Media, PersonShown, Report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m herald.checks", description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", help="the text to check (omit with --jsonl)")
    parser.add_argument("--platform", default="facebook", choices=PLATFORMS)
    account = parser.add_mutually_exclusive_group()
    account.add_argument("--official", dest="account", action="store_const", const="official", default="official")
    account.add_argument("--personal", dest="account", action="store_const", const="personal")
    parser.add_argument("--role", default="editor", choices=("employee", "councillor", "editor"))
    parser.add_argument("--restricted", action="store_true", help="author holds a politically restricted post")
    parser.add_argument("--pre-election", action="store_true", help="a pre-election period is in force")
    parser.add_argument("--comment", action="store_true", help="the text is an incoming comment (moderation)")
    parser.add_argument("--councillor", action="append", default=[], metavar="NAME[,PARTY[,WARD]]")
    parser.add_argument("--rules", help="a rules file (default: $HERALD_CHECK_RULES or Herald's own)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--jsonl", action="store_true", help="read JSON lines on stdin, write JSON lines")
    return parser


def _print_report(report: Report, text: str, out: TextIO) -> None:
    if not report.findings:
        out.write("No problems found.\n")
        return
    counts = report.counts
    out.write(f"{counts['block']} must change, {counts['warn']} warnings, {counts['advice']} advice\n\n")
    for f in report.findings:
        where = f' "{text[f.start : f.end]}" at {f.start}-{f.end}' if f.start is not None else ""
        out.write(f"{f.severity.upper():6} {f.rule}{where}\n")
        out.write(f"       {f.message}\n       Fix: {f.suggestion}\n")
        out.write(f"       Policy: {f.clause}" + (f" ({f.law})" if f.law else "") + "\n\n")


def _media(data: dict[str, Any]) -> Media:
    people = [PersonShown(**p) for p in data.get("people", [])]
    return Media(**{**data, "people": people})


def _run_jsonl(source: TextIO, out: TextIO, rules: Any) -> int:
    errors = 0
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        ident: Any = number
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("each line must be a JSON object")
            ident = item.get("id", number)
            text = item.get("text")
            if not isinstance(text, str):
                raise ValueError("'text' must be a string")
            draft = Draft(
                text=text,
                platform=item.get("platform", "facebook"),
                media=[_media(m) for m in item.get("media", [])],
                kind=item.get("kind", "post"),
            )
            context = Context.from_dict(item.get("context") or {})
            result: dict[str, Any] = {
                "id": ident,
                "findings": [f.to_dict() for f in check(draft, context, rules=rules).findings],
            }
        except (ValueError, TypeError, KeyError) as exc:
            errors += 1
            result = {"id": ident, "error": str(exc) or type(exc).__name__}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return errors


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        rules = load_rules(args.rules) if args.rules else default_rules()
    except RulesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.jsonl:
        errors = _run_jsonl(sys.stdin, sys.stdout, rules)
        if errors:
            print(f"{errors} line(s) could not be checked; see their error objects", file=sys.stderr)
        return 0
    if args.text is None:
        _parser().error("give the text to check, or --jsonl")
    context = Context(
        account=args.account,
        role=args.role,
        politically_restricted=args.restricted,
        pre_election=args.pre_election,
        councillors=[tuple(c.split(",")) for c in args.councillor],
    )
    draft = Draft(text=args.text, platform=args.platform, kind="comment" if args.comment else "post")
    report = check(draft, context, rules=rules)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(report, args.text, sys.stdout)
    return 1 if report.blocking else 0


if __name__ == "__main__":
    sys.exit(main())
