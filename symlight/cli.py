"""The ``symlight`` command: ``check``, ``reproduce``, ``codegen``.

Bad input gets a one-line message and a non-zero exit, never a traceback; output files are
written atomically (never half-written).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from symlight._version import __version__
from symlight.errors import SymlightError
from symlight.io import atomic_write_text, check_output_dir, check_output_file, printable

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with its error on one printable line (user text can hold newlines, escapes)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {_one_line(message)}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="symlight",
        description="Symbolic-numeric derivation toolkit for light-matter theory.",
    )
    parser.add_argument("--version", action="version", version=f"symlight {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="run the derivation checks and print verdicts")
    check.add_argument("topics", nargs="*", metavar="TOPIC", help="topic ids (default: all)")
    check.add_argument("--json", metavar="PATH", help="write the claims as JSON to PATH")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="run sweeps and ensembles on this Dask scheduler (tcp://host:port)")

    rep = sub.add_parser("reproduce", help="reproduce figures and write DIR/index.html")
    rep.add_argument("topics", nargs="*", metavar="TOPIC", help="topic ids (default: all)")
    rep.add_argument("--out", metavar="DIR", required=True, help="output directory")
    rep.add_argument("--no-progress", action="store_true", help="no progress bar")
    rep.add_argument("--topic-timeout", metavar="SECONDS",
                     help="fail a topic (alone) that runs longer than this; default "
                          "$SYMLIGHT_TOPIC_TIMEOUT, else no limit")
    rep.add_argument("--scheduler", metavar="ADDRESS",
                     help="run sweeps and ensembles on this Dask scheduler (tcp://host:port)")

    gen = sub.add_parser("codegen", help="regenerate the standalone kernels in codegen/")
    which = gen.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every registered model")
    which.add_argument("model", nargs="?", help="one model name")
    gen.add_argument("--backend", choices=("numpy", "c", "numba"), default="numpy")
    gen.add_argument("--out", metavar="DIR",
                     help="output package directory (default: codegen/; modules go to its generated/)")
    gen.add_argument("--list", action="store_true", help="list the registered models")
    return parser


def _topics(requested: Sequence[str]) -> list[str]:
    from derivations import TOPICS

    unknown = [t for t in requested if t not in TOPICS]
    if unknown:
        shown = ", ".join(printable(repr(t), 60) for t in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        raise SymlightError(
            f"unknown topic(s) {shown}{more}; valid topics: {', '.join(TOPICS)}"
        )
    return list(dict.fromkeys(requested)) or list(TOPICS)  # a topic named twice runs once


def _run_claims(topic: str):
    """Load a topic and run its claims. Returns (claims, seconds, status message or None)."""
    import derivations

    try:
        module = derivations.load(topic)
    except derivations.TopicUnavailable as exc:
        return [], 0.0, f"not available yet: {exc}"
    start = time.perf_counter()
    claims = list(module.claims())
    return claims, time.perf_counter() - start, None


def _print_table(claims, out=sys.stdout) -> None:
    width = 12
    for c in claims:
        text = c.statement if len(c.statement) <= 60 else c.statement[:57] + "..."
        print(f"  ({c.equation:>{5}}) {str(c.verdict):<{width}} {text}", file=out)


def _check_scheduler(address: str | None) -> None:
    """A Dask scheduler address must look like ``tcp://host:port`` (checked before any work)."""
    if address is None:
        return
    scheme, sep, rest = address.partition("://")
    if not sep or not scheme.isalnum() or not rest or not address.isprintable() or len(address) > 300:
        raise SymlightError(f"--scheduler {printable(repr(address), 80)} is not a scheduler address; "
                            "give one like tcp://127.0.0.1:8786")


def cmd_check(args: argparse.Namespace) -> int:
    topics = _topics(args.topics)
    if args.json is not None:
        check_output_file(args.json, "--json")
    rows: list[dict[str, str]] = []
    failed: list[str] = []
    for topic in topics:
        try:
            claims, seconds, status = _run_claims(topic)
        except SymlightError:
            raise
        except Exception as exc:  # noqa: BLE001 - a topic failing must not hide the others
            failed.append(topic)
            print(f"{topic}: FAILED inside symlight: {type(exc).__name__}: {exc}", file=sys.stderr)
            if args.debug:
                traceback.print_exc()
            continue
        if status:
            print(f"{topic}: {status}")
            continue
        counts = {v: sum(1 for c in claims if str(c.verdict) == v)
                  for v in ("confirmed", "discrepancy", "inconclusive")}
        print(f"{topic}: {len(claims)} claims in {seconds:.1f} s — "
              + ", ".join(f"{n} {v}" for v, n in counts.items()))
        _print_table(claims)
        rows.extend(c.to_json() for c in claims)
    if failed:
        if args.json:
            print(f"not writing {printable(args.json)}: topic(s) {', '.join(failed)} failed, and a claims "
                  "file without them would be partial", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        atomic_write_text(args.json, json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} claims to {printable(args.json)}")
    return EXIT_OK


def cmd_reproduce(args: argparse.Namespace) -> int:
    from symlight.report.build import build_report
    from symlight.report.deadline import TIMEOUT_ENV, parse_timeout

    topics = _topics(args.topics)
    budget = parse_timeout(args.topic_timeout, "--topic-timeout")
    # read by the topic workers (forked after this)
    with _environment(TIMEOUT_ENV, None if budget is None else repr(budget)):
        ok = build_report(topics, Path(args.out), progress=not args.no_progress, debug=args.debug)
    return EXIT_OK if ok else EXIT_FAILED


@contextlib.contextmanager
def _environment(name: str, value: str | None) -> Iterator[None]:
    """Set ``$name`` to ``value`` for the duration (nothing when ``value`` is falsy), then restore it."""
    if not value:
        yield
        return
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def cmd_codegen(args: argparse.Namespace) -> int:
    from codegen import GENERATORS

    if args.list or (not args.all and args.model is None):
        if not GENERATORS:
            print("no code generators are registered yet")
        for name in GENERATORS:
            print(name)
        if args.list or not GENERATORS:
            return EXIT_OK
        print("symlight codegen: error: give a model name (listed above) or --all", file=sys.stderr)
        return EXIT_USAGE
    names = list(GENERATORS) if args.all else [args.model]
    for name in names:
        if name not in GENERATORS:
            valid = ", ".join(GENERATORS) or "(none registered yet)"
            raise SymlightError(f"unknown model {printable(repr(name), 80)} for codegen; valid: {valid}")
    out = Path(args.out) if args.out else Path(__file__).resolve().parent.parent / "codegen"
    if args.out is not None:
        check_output_dir(args.out, "--out")
    for name in names:
        module_name, func_name = GENERATORS[name].split(":")
        func = getattr(importlib.import_module(module_name), func_name)
        for path in func(out, args.backend):
            print(f"{name}: wrote {printable(path)}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its usage message
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    handler = {"check": cmd_check, "reproduce": cmd_reproduce, "codegen": cmd_codegen}
    scheduler = getattr(args, "scheduler", None)
    try:
        _check_scheduler(scheduler)
        # symlight.sweeps.run_sweep reads this; every sweep of the run goes to that cluster
        with _environment("SYMLIGHT_SCHEDULER", scheduler):
            return handler[args.command](args)
    except SymlightError as exc:
        print(f"symlight {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # a file the user named could not be read or written
        if args.debug:
            traceback.print_exc()
        where = f" {printable(exc.filename)}" if exc.filename is not None else ""
        print(f"symlight {args.command}: error: cannot access{where}: "
              f"{_one_line(exc.strerror or exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"symlight {args.command}: interrupted; no partial output was kept", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001
        if args.debug:
            traceback.print_exc()
        print(f"symlight {args.command}: internal error: {type(exc).__name__}: {_one_line(exc)} "
              "(rerun with --debug for the traceback)", file=sys.stderr)
        return EXIT_FAILED


def _one_line(exc: object) -> str:
    """An error message on one printable line (newlines and control characters escaped)."""
    text = str(exc).replace("\r\n", " ").replace("\n", " ")
    return printable(text, 1000) if not text.isprintable() else text


if __name__ == "__main__":
    raise SystemExit(main())
