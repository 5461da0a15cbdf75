"""Printed and derived forms of a claim, as LaTeX, and what the discrepancy changes.

A Claim's ``printed``/``derived`` are SymPy objects (expressions, equations, matrices,
sequences), numbers, arrays or LaTeX strings. Here they become LaTeX for the renderer, and for a
discrepancy the difference ``printed - derived`` is simplified cheaply (bounded effort: the
report never stalls on one claim). For matrices only the entries that differ are listed.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sympy

#: Differences larger than this (``count_ops``) are not simplified, only reported as too large.
DIFF_OPS_LIMIT = 250
#: At most this many differing matrix/sequence entries are listed.
MAX_LISTED_ENTRIES = 12
#: Wall-time budget (seconds) for simplifying one claim's difference.
DIFF_SECONDS = 2.0
#: LaTeX of an unsimplified difference longer than this is not shown.
MAX_DIFF_CHARS = 1200


def to_latex(obj: Any) -> str | None:
    """LaTeX for a printed/derived form; None when there is nothing to show."""
    if obj is None:
        return None
    if isinstance(obj, str):
        return obj or None
    try:
        import numpy as np

        if isinstance(obj, np.ndarray):
            obj = sympy.Matrix(obj) if obj.ndim == 2 else (
                sympy.Matrix(obj.tolist()).T if obj.ndim == 1 else obj.tolist())
        elif isinstance(obj, np.generic):
            obj = obj.item()
    except Exception:  # noqa: BLE001 - fall through to sympy's printer
        pass
    try:
        return sympy.latex(obj)
    except Exception:  # noqa: BLE001
        return str(obj)


def _sympify(obj: Any) -> Any:
    if obj is None or isinstance(obj, str):
        return None
    try:
        return sympy.sympify(obj, strict=True)
    except Exception:  # noqa: BLE001
        return None


class _OutOfTime(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[bool]:
    """Raise _OutOfTime inside the block after ``seconds`` (SIGALRM; main thread only).

    Yields False where no limit can be set (another thread, no SIGALRM): callers then skip
    work whose time they cannot bound.
    """
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield False
        return

    def handler(signum: int, frame: Any) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _simplify_difference(diff: Any, seconds: float) -> Any:
    """A cheaply simplified form of ``diff``: expand, then cancel, within ``seconds``.

    Returns ``diff`` itself when it is too large or simplification runs out of time (sympy's
    factor/cancel over Gaussian rationals can take minutes on a modest rational function).
    """
    try:
        if sympy.count_ops(diff) > DIFF_OPS_LIMIT:
            return diff
    except Exception:  # noqa: BLE001
        return diff
    best = diff
    try:
        with _time_limit(seconds) as limited:
            if not limited:
                return diff
            for step in (sympy.expand, sympy.cancel):
                try:
                    candidate = step(best)
                except _OutOfTime:
                    raise
                except Exception:  # noqa: BLE001 - keep the last good form
                    continue
                if sympy.count_ops(candidate) <= sympy.count_ops(best):
                    best = candidate
    except _OutOfTime:
        pass
    return best


@dataclass
class Difference:
    """``printed - derived``: (label, LaTeX) entries, 0-based labels as in the evidence, or a note."""

    entries: list[tuple[str, str]]
    note: str = ""


def difference(printed: Any, derived: Any, *, seconds: float = DIFF_SECONDS) -> Difference | None:
    """What the printed form changes relative to the derived one, or None when not symbolic.

    ``seconds`` bounds the simplification of all entries together (best effort, see
    ``_simplify_difference``); what was not simplified in time is shown as it stands.
    """
    import time

    deadline = time.perf_counter() + seconds
    p, d = _sympify(printed), _sympify(derived)
    if p is None or d is None:
        return None
    pairs: list[tuple[str, Any, Any]]
    if isinstance(p, sympy.Equality) and isinstance(d, sympy.Equality):
        p = p.lhs - p.rhs
        d = d.lhs - d.rhs
    if isinstance(p, sympy.MatrixBase) or isinstance(d, sympy.MatrixBase):
        try:
            pm, dm = sympy.Matrix(p), sympy.Matrix(d)
        except Exception:  # noqa: BLE001
            return None
        if pm.shape != dm.shape:
            return Difference([], f"shapes differ: printed {pm.shape}, derived {dm.shape}")
        pairs = [(f"[{i},{j}]", pm[i, j], dm[i, j])
                 for i in range(pm.rows) for j in range(pm.cols)]
    elif isinstance(p, Sequence) and isinstance(d, Sequence):
        if len(p) != len(d):
            return Difference([], f"printed has {len(p)} entries, derived {len(d)}")
        pairs = [(f"[{i}]", a, b) for i, (a, b) in enumerate(zip(p, d, strict=True))]
    else:
        pairs = [("", p, d)]
    entries: list[tuple[str, str]] = []
    skipped = 0
    for label, a, b in pairs:
        try:
            diff = a - b
        except Exception:  # noqa: BLE001 - objects without subtraction: nothing to show
            return None
        if diff == 0:
            continue
        if len(entries) >= MAX_LISTED_ENTRIES:
            skipped += 1
            continue
        simple = _simplify_difference(diff, max(0.0, deadline - time.perf_counter()))
        if simple == 0:
            continue
        tex = to_latex(simple) or ""
        entries.append((label, tex if len(tex) <= MAX_DIFF_CHARS else ""))
    note = f"{skipped} more differing entries not listed" if skipped else ""
    if any(not tex for _, tex in entries):
        note = (note + "; " if note else "") + "some differences are too long to show here"
    return Difference(entries, note)
