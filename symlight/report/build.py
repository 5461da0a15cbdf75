"""``symlight reproduce``: run each topic's claims and figures, write ``DIR/index.html``.

The whole directory (page, ``claims.json``, typeset formulas under ``math/``, figures under
``figures/<topic>/``) is built in a staging sibling and swapped in at the end
(``symlight.io.replace_directory``), so an interrupted run leaves the previous report (or none),
never a half-written one. An existing directory that is neither empty nor a previous report is
refused before any work (it would be replaced as a whole). A topic that fails is reported as
failed on the page, on stderr and in the return value; the other topics are still run and reported.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import json
import multiprocessing
import os
import pickle
import platform
import shutil
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from symlight.errors import InputError
from symlight.io import atomic_write_text, check_output_dir, is_report_dir, printable, replace_directory
from symlight.report.deadline import Budget, TopicTimeout, topic_timeout
from symlight.report.html import ReportMeta, page_html, section_html
from symlight.report.mathrender import MathRenderer
from symlight.report.results import VERDICTS, TopicResult


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _place_figure(fig: Any, figdir: Path, staging: Path) -> str:
    """Page-relative path of a figure's file (copied into the report if written elsewhere)."""
    raw = getattr(fig, "path", None)
    if raw is None:
        return ""
    path = Path(raw)
    candidates = [path] if path.is_absolute() else [figdir / path, staging / path, Path.cwd() / path]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        return ""
    found = found.resolve()
    root = staging.resolve()
    if not found.is_relative_to(root):
        figdir.mkdir(parents=True, exist_ok=True)
        dest = figdir / found.name
        stem, n = found.stem, 1
        while dest.exists():
            dest = figdir / f"{stem}-{n}{found.suffix}"
            n += 1
        shutil.copy2(found, dest)
        found = dest.resolve()
    return found.relative_to(root).as_posix()


def run_topic(topic: str, staging: Path, *, debug: bool = False, tick: Any = None) -> TopicResult:
    """Run one topic's ``claims()`` and ``figures(staging/figures/<topic>)``; never raises Exception.

    KeyboardInterrupt (and other BaseExceptions) propagate: the caller abandons the staging dir.
    ``tick(stage)`` is called after each stage ("claims", "figures"), for a progress bar. A topic
    that runs past ``$SYMLIGHT_TOPIC_TIMEOUT`` seconds fails alone (its finished claims are lost,
    the other topics are not).
    """
    import derivations
    from symlight.checks import Claim

    tick = tick or (lambda stage: None)
    _, source = derivations.TOPICS[topic]
    res = TopicResult(topic=topic, source=source, title=topic)
    try:
        module = derivations.load(topic)
    except derivations.TopicUnavailable as exc:
        res.status, res.claims_error = "unavailable", str(exc)
        tick("claims")
        tick("figures")
        return res
    except Exception as exc:  # noqa: BLE001 - an import error fails this topic only
        res.status, res.claims_error, res.trace = "failed", _error_text(exc), traceback.format_exc()
        tick("claims")
        tick("figures")
        return res
    res.title = str(getattr(module, "TITLE", topic))
    res.source = str(getattr(module, "SOURCE", source))

    budget = Budget(topic_timeout())
    start = time.perf_counter()
    try:
        with budget.stage("claims()"):
            claims = list(module.claims())
        wrong = [type(c).__name__ for c in claims if not isinstance(c, Claim)]
        if wrong:
            raise TypeError(f"claims() of {topic!r} returned non-Claim objects: {', '.join(set(wrong))}")
        res.claims = claims
    except (Exception, TopicTimeout) as exc:  # noqa: BLE001 - report the failure, keep other topics
        res.status, res.claims_error, res.trace = "failed", _error_text(exc), traceback.format_exc()
    res.claims_seconds = time.perf_counter() - start
    tick("claims")

    if hasattr(module, "figures") and res.status == "failed" and res.claims_error.startswith("TopicTimeout"):
        res.figures_error = "not run: the topic's time budget was spent in claims()"
    elif hasattr(module, "figures"):
        figdir = staging / "figures" / topic
        figdir.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        try:
            with budget.stage("figures()"):
                res.figures = list(module.figures(figdir))
            res.figure_files = [_place_figure(f, figdir, staging) for f in res.figures]
            missing = [str(getattr(f, "name", "?")) for f, rel in zip(res.figures, res.figure_files,
                                                                        strict=True) if not rel]
            if missing:
                res.status = "failed"
                res.figures_error = f"figure file(s) not written: {', '.join(missing)}"
        except (Exception, TopicTimeout) as exc:  # noqa: BLE001
            res.status, res.figures_error = "failed", _error_text(exc)
            res.trace = (res.trace + "\n" if res.trace else "") + traceback.format_exc()
        res.figures_seconds = time.perf_counter() - start
    tick("figures")
    if debug and res.trace:
        print(res.trace, file=sys.stderr)
    return res


def typeset_topic(res: TopicResult, out_display: str, staging: Path) -> TopicResult:
    """Render the topic's section (formulas into ``staging/math``) and keep it on the result."""
    math = MathRenderer(root=staging)
    meta = ReportMeta(command="", out_display=out_display, generated="", seconds=0.0, versions="")
    try:
        res.section = section_html(res, meta, math)
    except Exception as exc:  # noqa: BLE001 - a rendering bug must not lose the topic's results
        res.status = "failed"
        res.claims_error = (res.claims_error + "; " if res.claims_error else "") + \
            f"the report could not render this topic: {_error_text(exc)}"
        res.trace = (res.trace + "\n" if res.trace else "") + traceback.format_exc()
        res.section = section_html(TopicResult(topic=res.topic, source=res.source, title=res.title,
                                               status="failed", claims_error=res.claims_error,
                                               trace=res.trace), meta, math)
    res.math_failures = math.failures
    return res


def _picklable(res: TopicResult) -> TopicResult | str:
    """``res`` made safe to send back from a worker (unpicklable forms replaced by their LaTeX).

    The section is already rendered; the parent needs the claims only for counts and claims.json,
    whose printed/derived fields are LaTeX anyway. Returns UNPICKLABLE if that is not enough.
    """
    try:
        pickle.dumps(res)
        return res
    except Exception:  # noqa: BLE001 - e.g. a claim holding a lambda or an open handle
        pass
    from symlight.report.forms import to_latex

    def safe(value: Any) -> bool:
        try:
            pickle.dumps(value)
            return True
        except Exception:  # noqa: BLE001
            return False

    claims = []
    for claim in res.claims:
        if not safe(claim):
            claim = dataclasses.replace(
                claim, printed=claim.printed if safe(claim.printed) else to_latex(claim.printed),
                derived=claim.derived if safe(claim.derived) else to_latex(claim.derived),
                details={k: v for k, v in claim.details.items() if safe(v)})
        claims.append(claim)
    res = dataclasses.replace(res, claims=claims)
    return res if safe(res) else UNPICKLABLE


def _run_in_worker(topic: str, staging: Path, debug: bool, out_display: str) -> TopicResult | str:
    """Worker side of a parallel run: run and typeset one topic; the result travels back pickled."""
    return _picklable(typeset_topic(run_topic(topic, staging, debug=debug), out_display, staging))


UNPICKLABLE = "unpicklable"


def default_jobs(n_topics: int) -> int:
    """Topics run at once: env ``SYMLIGHT_JOBS`` if set, else min(2, CPUs, topics); 1 without fork."""
    env = os.environ.get("SYMLIGHT_JOBS", "").strip()
    if env:
        try:
            jobs = int(env)
        except ValueError as exc:
            raise InputError(f"SYMLIGHT_JOBS={env!r} is not an integer; give e.g. 1 or 2") from exc
        if jobs < 1:
            raise InputError(f"SYMLIGHT_JOBS={env!r} must be at least 1")
    else:
        jobs = min(2, os.cpu_count() or 1)
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs, n_topics))


def _worker_init() -> None:
    # Workers die plainly on SIGTERM (the parent cleans up); they must not inherit its handler.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _pool(jobs: int) -> cf.ProcessPoolExecutor:
    return cf.ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                  initializer=_worker_init)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While building, SIGTERM raises KeyboardInterrupt, so the staging directory is removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _abandon(pool: cf.ProcessPoolExecutor) -> None:
    """Stop the workers of ``pool`` (only the processes this module started) without waiting."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _crashed(topic: str, source: str, exc: BaseException) -> TopicResult:
    return TopicResult(topic=topic, source=source, title=topic, status="failed",
                       claims_error=f"the worker process running this topic died ({_error_text(exc)}); "
                                    "rerun it alone with --debug to see why")


def _run_isolated(topic: str, staging: Path, debug: bool, out_display: str) -> TopicResult:
    """Run one topic alone in a fresh worker, so a hard crash (segfault, os._exit) blames it only."""
    import derivations

    pool = _pool(1)
    try:
        outcome = pool.submit(_run_in_worker, topic, staging, debug, out_display).result()
    except cf.process.BrokenProcessPool as exc:
        _abandon(pool)
        return _crashed(topic, derivations.TOPICS[topic][1], exc)
    except BaseException:
        _abandon(pool)
        raise
    pool.shutdown(wait=True)
    return _in_process(topic, staging, debug, out_display) if outcome == UNPICKLABLE else outcome


def _in_process(topic: str, staging: Path, debug: bool, out_display: str,
                tick: Any = None) -> TopicResult:
    return typeset_topic(run_topic(topic, staging, debug=debug, tick=tick), out_display, staging)


def _run_all(topics: list[str], staging: Path, *, jobs: int, debug: bool, bar: Any,
             out_display: str) -> list[TopicResult]:
    """Run and typeset every topic (``jobs`` at a time in forked workers); results in topic order."""
    from tqdm import tqdm

    results: dict[str, TopicResult] = {}

    def record(res: TopicResult, steps: int) -> None:
        results[res.topic] = res
        for what, err in (("claims()", res.claims_error), ("figures()", res.figures_error)):
            if err and res.failed:
                tqdm.write(f"{res.topic}: FAILED in {what}: {err}", file=sys.stderr)
        if res.status != "unavailable":
            counts = ", ".join(f"{n} {v}" for v, n in res.counts().items())
            tqdm.write(f"{res.topic}: {len(res.claims)} claims ({counts}), {len(res.figures)} figures, "
                       f"{res.seconds:.1f} s" + (" [FAILED]" if res.failed else ""))
        else:
            tqdm.write(f"{res.topic}: not available yet")
        bar.update(steps)
        left = [t for t in topics if t not in results]
        bar.set_postfix_str(", ".join(left[:jobs]) if left else "")

    if jobs <= 1:
        for topic in topics:
            bar.set_postfix_str(f"{topic}: claims")

            def tick(stage: str, topic: str = topic) -> None:
                bar.update(1)
                bar.set_postfix_str(f"{topic}: {'figures' if stage == 'claims' else 'typesetting'}")

            record(_in_process(topic, staging, debug, out_display, tick), 1)
        return [results[t] for t in topics]

    pool = _pool(jobs)
    broken = False
    try:
        futures = {pool.submit(_run_in_worker, topic, staging, debug, out_display): topic
                   for topic in topics}
        bar.set_postfix_str(", ".join(topics[:jobs]))
        for future in cf.as_completed(futures):
            topic = futures[future]
            try:
                outcome = future.result()  # a KeyboardInterrupt in a worker is re-raised here
            except cf.process.BrokenProcessPool:
                broken = True  # some worker died hard: find out which topic, one at a time
                break
            if outcome == UNPICKLABLE:
                outcome = _in_process(topic, staging, debug, out_display)
            record(outcome, 3)
    except BaseException:
        _abandon(pool)
        raise
    if broken:
        _abandon(pool)
        for topic in topics:
            if topic not in results:
                record(_run_isolated(topic, staging, debug, out_display), 3)
    else:
        pool.shutdown(wait=True)
    return [results[t] for t in topics]


def _versions() -> str:
    import matplotlib
    import numpy
    import sympy

    from symlight._version import __version__

    return (f"symlight {__version__}, Python {platform.python_version()}, SymPy {sympy.__version__}, "
            f"NumPy {numpy.__version__}, matplotlib {matplotlib.__version__}")


def _command(topics: Sequence[str], out_display: str) -> str:
    import derivations

    named = "" if list(topics) == list(derivations.TOPICS) else " " + " ".join(topics)
    return f"symlight reproduce{named} --out {out_display}"


def build_report(topics: Sequence[str], out: Path, *, progress: bool = True,
                 debug: bool = False, jobs: int | None = None) -> bool:
    """Write the report for ``topics`` into ``out``; return False if any topic failed.

    ``jobs`` topics run at once in forked processes (default: ``default_jobs``); the page,
    ``claims.json``, formulas and figures appear in ``out`` all at once at the end.
    """
    from tqdm import tqdm

    topics = list(topics)
    # before any work: the directory must be writable, and an existing one must be empty or a
    # previous report (it is replaced as a whole: never swap away a user's unrelated files)
    check_output_dir(str(out), "report directory", replaceable=is_report_dir)
    topic_timeout()  # a malformed $SYMLIGHT_TOPIC_TIMEOUT is refused before any work
    jobs = default_jobs(len(topics)) if jobs is None else max(1, int(jobs))
    out_display = printable(str(out), 400)
    target = Path(out).absolute()
    start = time.perf_counter()
    with _sigterm_as_interrupt(), replace_directory(target) as staging, tqdm(
            total=3 * len(topics) + 1, desc="reproduce", unit="step", disable=not progress,
            file=sys.stderr, dynamic_ncols=True) as bar:
        staging = Path(staging).absolute()
        results = _run_all(topics, staging, jobs=jobs, debug=debug, bar=bar, out_display=out_display)
        bar.set_postfix_str("writing the page")
        math = MathRenderer(root=staging)
        meta = ReportMeta(command=_command(topics, out_display), out_display=out_display,
                          generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                          seconds=time.perf_counter() - start, versions=_versions())
        page = page_html(results, meta, math)
        rows = [c.to_json() for r in results for c in r.claims]
        atomic_write_text(staging / "claims.json", json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        atomic_write_text(staging / "index.html", page)
        bar.update(1)
    totals = dict.fromkeys(VERDICTS, 0)
    for res in results:
        for verdict, n in res.counts().items():
            totals[verdict] = totals.get(verdict, 0) + n
    failed = [r.topic for r in results if r.failed]
    print(f"wrote {Path(out_display) / 'index.html'}: {sum(totals.values())} claims ("
          + ", ".join(f"{n} {v}" for v, n in totals.items()) + f"), "
          f"{sum(len(r.figures) for r in results)} figures in {time.perf_counter() - start:.1f} s"
          + (f"; FAILED topics: {', '.join(failed)}" if failed else ""))
    untypeset = math.failures + sum(r.math_failures for r in results)
    if untypeset:
        print(f"note: {untypeset} formula(s) could not be typeset; their LaTeX source is shown")
    return not failed
