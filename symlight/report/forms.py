"""Printed and derived forms of a claim, as LaTeX, and what the discrepancy changes.

A Claim's ``printed``/``derived`` are SymPy objects (expressions, equations, matrices,
sequences), numbers, arrays or LaTeX strings. Here they become LaTeX for the renderer, and for a
discrepancy the difference ``printed - derived`` is simplified cheaply (bounded effort: the
report never stalls on one claim). For matrices only the entries that differ are listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sympy

#: Differences larger than this (``count_ops``) are not simplified, only reported as too large.
DIFF_OPS_LIMIT = 250
#: At most this many differing matrix/sequence entries are listed.
MAX_LISTED_ENTRIES = 12


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


def _simplify_difference(diff: Any) -> Any:
    """A cheaply simplified form of ``diff`` (or None when too large to try)."""
    try:
        if sympy.count_ops(diff) > DIFF_OPS_LIMIT:
            return None
    except Exception:  # noqa: BLE001
        return None
    best = diff
    for step in (sympy.expand, sympy.cancel, sympy.factor):
        try:
            candidate = step(best) if step is not sympy.factor else step(best, deep=False)
        except Exception:  # noqa: BLE001 - keep the last good form
            continue
        if sympy.count_ops(candidate) <= sympy.count_ops(best):
            best = candidate
    return best


@dataclass
class Difference:
    """``printed - derived``: (label, LaTeX) entries, 0-based labels as in the evidence, or a note."""

    entries: list[tuple[str, str]]
    note: str = ""


def difference(printed: Any, derived: Any) -> Difference | None:
    """What the printed form changes relative to the derived one, or None when not symbolic."""
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
        simple = _simplify_difference(diff)
        if simple is not None and simple == 0:
            continue
        if len(entries) >= MAX_LISTED_ENTRIES:
            skipped += 1
            continue
        entries.append((label, to_latex(simple) if simple is not None else ""))
    note = f"{skipped} more differing entries not listed" if skipped else ""
    if entries and all(not tex for _, tex in entries):
        note = (note + "; " if note else "") + "difference too large to simplify here"
    return Difference(entries, note)
