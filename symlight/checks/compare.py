"""Printed-versus-derived comparison: symbolic first, then numeric at random points (mpmath).

The verdict is always computed here; callers pass the printed form (transcribed from the paper)
and the derived form (computed by symlight) and get a verdict with its evidence.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import mpmath
import numpy as np
import sympy

from symlight.checks.claim import Claim, Verdict

#: Working precision (decimal digits) of the numeric referee.
REFEREE_DPS = 50
#: Expressions larger than this (in ``count_ops``) skip ``sympy.simplify``.
SIMPLIFY_OPS_LIMIT = 300


@dataclass
class Comparison:
    """Outcome of a comparison: verdict, human-readable evidence, largest relative error seen."""

    verdict: Verdict
    evidence: str
    max_error: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _as_pairs(printed: Any, derived: Any) -> list[tuple[str, Any, Any]]:
    """Flatten equations, matrices and sequences into labelled scalar pairs."""
    if isinstance(printed, sympy.Equality) and isinstance(derived, sympy.Equality):
        return _as_pairs(printed.lhs, derived.lhs) + _as_pairs(printed.rhs, derived.rhs)
    if isinstance(printed, sympy.MatrixBase) or isinstance(derived, sympy.MatrixBase):
        p, d = sympy.Matrix(printed), sympy.Matrix(derived)
        if p.shape != d.shape:
            raise ValueError(f"printed shape {p.shape} differs from derived shape {d.shape}")
        return [(f"[{i},{j}]", p[i, j], d[i, j]) for i in range(p.rows) for j in range(p.cols)]
    if isinstance(printed, Sequence) and not isinstance(printed, str):
        if len(printed) != len(derived):
            raise ValueError(f"printed has {len(printed)} entries, derived {len(derived)}")
        return [(f"[{i}]", _as_expr(a), _as_expr(b))
                for i, (a, b) in enumerate(zip(printed, derived, strict=True))]
    return [("", _as_expr(printed), _as_expr(derived))]


def _as_expr(value: Any) -> sympy.Basic:
    """SymPy object of a printed/derived form; text is refused, never parsed (no eval of strings)."""
    if isinstance(value, str | bytes):
        raise TypeError(f"a printed or derived form must be a SymPy expression or a number, not the "
                        f"text {value!r}; parse text with symlight.parsing.parse_expression first")
    try:
        return sympy.sympify(value, strict=True)
    except sympy.SympifyError as exc:
        raise TypeError(f"cannot compare {type(value).__name__} {value!r}: not a SymPy expression "
                        "or number") from exc


def _rewrites_to_zero(diff: sympy.Expr) -> bool:
    """True when ``diff`` is zero after cheap rewriting (expand, cancel, powsimp; normal order for
    operator expressions)."""
    if diff == 0:
        return True
    if hasattr(diff, "is_commutative") and not diff.is_commutative:
        from symlight.algebra import normal_order

        return normal_order(diff) == 0
    for step in (sympy.expand, sympy.cancel, lambda e: sympy.expand(sympy.powsimp(e))):
        try:
            if step(diff) == 0:
                return True
        except Exception:  # noqa: BLE001 - a rewriting failure only means "not shown zero"
            return False
    return False


def _simplifies_to_zero(p: Any, d: Any) -> bool:
    """True when ``sympy.simplify`` (below ``SIMPLIFY_OPS_LIMIT`` operations) shows p − d = 0; run only
    after the cheap rewriting failed, so those steps are not repeated here."""
    diff = p - d
    if hasattr(diff, "is_commutative") and not diff.is_commutative:
        return False  # operator expressions are decided by their normal order alone
    if sympy.count_ops(diff) > SIMPLIFY_OPS_LIMIT:
        return False
    try:
        return sympy.simplify(diff) == 0
    except Exception:  # noqa: BLE001
        return False


def _sample_value(sym: sympy.Symbol, rng: random.Random, domains: Mapping[Any, Any]) -> Any:
    if sym in domains or sym.name in domains:
        dom = domains.get(sym, domains.get(sym.name))
        if callable(dom):
            return dom(rng)
        lo, hi = dom
        return mpmath.mpf(rng.uniform(float(lo), float(hi)))
    if sym.is_integer:
        return rng.randint(1, 5)
    if sym.is_positive:
        return mpmath.mpf(rng.uniform(0.2, 2.5))
    if sym.is_nonnegative:
        return mpmath.mpf(rng.uniform(0.0, 2.5))
    if sym.is_real:
        return mpmath.mpf(rng.uniform(-2.5, 2.5))
    return mpmath.mpc(rng.uniform(-2.0, 2.0), rng.uniform(-2.0, 2.0))


def _evaluate(expr: sympy.Expr, subs: Mapping[sympy.Symbol, Any]) -> mpmath.mpc:
    values = {k: sympy.sympify(v) for k, v in subs.items()}
    out = sympy.N(expr.xreplace(values), REFEREE_DPS)
    if out.free_symbols:
        raise ValueError(f"symbols left after substitution: {sorted(map(str, out.free_symbols))}")
    return mpmath.mpmathify(out._to_mpmath(int(REFEREE_DPS * 3.33) + 8))


def compare_expressions(
    printed: Any,
    derived: Any,
    *,
    domains: Mapping[Any, Any] | None = None,
    samples: int = 8,
    seed: int = 20261120,
    rtol: float = 1e-30,
    discrepancy_rtol: float = 1e-8,
) -> Comparison:
    """Compare a printed expression (or Eq, Matrix, sequence) with the derived one.

    Symbolic difference first; if that does not reduce to zero, both sides are evaluated at
    ``samples`` random points (``domains`` maps symbols to ``(lo, hi)`` or a sampler) at
    ``REFEREE_DPS`` digits. Relative differences below ``rtol`` confirm; above
    ``discrepancy_rtol`` show a discrepancy (with the point); in between is inconclusive.
    """
    domains = dict(domains or {})
    try:
        pairs = _as_pairs(printed, derived)
    except ValueError as exc:
        return Comparison(Verdict.DISCREPANCY, f"structure differs: {exc}")
    rng = random.Random(seed)
    pending: list[tuple[str, sympy.Expr, sympy.Expr]] = []
    for label, p, d in pairs:
        if not _rewrites_to_zero(p - d):
            pending.append((label, p, d))
    if not pending:
        return Comparison(Verdict.CONFIRMED, _SYMBOLIC_ZERO, 0.0)
    # Numbers before ``simplify``: a clear numeric discrepancy ends the comparison without paying
    # for ``simplify`` (seconds per claim); otherwise ``simplify`` may still upgrade the
    # numeric agreement to a symbolic proof.
    results: list[tuple[str, sympy.Expr, sympy.Expr, float, dict[str, Any]]] = []
    for label, p, d in pending:
        outcome = _numeric_difference(label, p, d, rng, domains, samples)
        if isinstance(outcome, Comparison):  # cannot be sampled: only a symbolic proof can decide
            if _simplifies_to_zero(p, d):
                continue
            return outcome
        worst, at = outcome
        if worst >= discrepancy_rtol:
            return _discrepancy(label, worst, at)
        results.append((label, p, d, worst, at))
    results = [r for r in results if not _simplifies_to_zero(r[1], r[2])]
    if not results:
        return Comparison(Verdict.CONFIRMED, _SYMBOLIC_ZERO, 0.0)
    worst_label, _, _, worst, worst_at = max(results, key=lambda r: r[3])
    n_pts = samples * len(results)
    where = f" entry{worst_label}" if worst_label else ""
    if worst <= rtol:
        return Comparison(Verdict.CONFIRMED,
                          f"not reduced to 0 symbolically; equal at {n_pts} random points at "
                          f"{REFEREE_DPS} digits (max relative difference {worst:.1e})", worst)
    point_text = ", ".join(f"{k}={_fmt(v)}" for k, v in worst_at.items())
    return Comparison(Verdict.INCONCLUSIVE,
                      f"relative difference {worst:.2e}{where} at {point_text}: between the "
                      f"confirmation ({rtol:g}) and discrepancy ({discrepancy_rtol:g}) "
                      "thresholds", worst)


_SYMBOLIC_ZERO = "symbolic difference printed - derived simplifies to 0"


def _numeric_difference(label: str, p: sympy.Expr, d: sympy.Expr, rng: random.Random,
                        domains: Mapping[Any, Any], samples: int
                        ) -> tuple[float, dict[str, Any]] | Comparison:
    """Largest relative difference of one entry over ``samples`` random points, and where."""
    if p.atoms(sympy.core.function.AppliedUndef) or d.atoms(sympy.core.function.AppliedUndef):
        return Comparison(Verdict.INCONCLUSIVE,
                          f"entry{label}: not shown zero symbolically, and it contains "
                          "undefined functions, so it cannot be sampled numerically")
    syms = sorted((p.free_symbols | d.free_symbols), key=lambda s: s.name)
    worst, worst_at = 0.0, {}
    for _ in range(samples):
        point = {s: _sample_value(s, rng, domains) for s in syms}
        try:
            with mpmath.workdps(REFEREE_DPS):
                vp, vd = _evaluate(p, point), _evaluate(d, point)
                scale = max(abs(vp), abs(vd), mpmath.mpf(10) ** (-REFEREE_DPS // 2))
                err = float(abs(vp - vd) / scale)
        except (TypeError, ValueError, ZeroDivisionError) as exc:
            return Comparison(Verdict.INCONCLUSIVE, f"entry{label}: numeric evaluation failed ({exc})")
        if np.isfinite(err) and err > worst:
            worst = err
            worst_at = {s.name: complex(v) if isinstance(v, mpmath.mpc) else float(v)
                        for s, v in point.items()}
    return worst, worst_at


def _discrepancy(label: str, worst: float, worst_at: Mapping[str, Any]) -> Comparison:
    where = f" entry{label}" if label else ""
    point_text = ", ".join(f"{k}={_fmt(v)}" for k, v in worst_at.items())
    return Comparison(Verdict.DISCREPANCY,
                      f"printed and derived differ{where}: relative difference {worst:.3g} "
                      f"at {point_text} ({REFEREE_DPS}-digit evaluation)", worst,
                      {"point": dict(worst_at)})


def _fmt(value: Any) -> str:
    if isinstance(value, complex):
        return f"{value.real:.4g}{value.imag:+.4g}i" if value.imag else f"{value.real:.4g}"
    return f"{value:.4g}"


def compare_values(printed: Any, derived: Any, *, rtol: float = 1e-6, atol: float = 0.0,
                   how: str = "") -> Comparison:
    """Compare numbers or arrays: ``|printed - derived| <= atol + rtol * |derived|`` elementwise."""
    p = np.asarray(printed, dtype=complex)
    d = np.asarray(derived, dtype=complex)
    if p.shape != d.shape:
        return Comparison(Verdict.DISCREPANCY, f"shapes differ: printed {p.shape}, derived {d.shape}")
    if not (np.all(np.isfinite(p)) and np.all(np.isfinite(d))):
        return Comparison(Verdict.INCONCLUSIVE, "non-finite values in the comparison")
    err = np.abs(p - d)
    bound = atol + rtol * np.abs(d)
    rel = float(np.max(err / np.maximum(np.abs(d), 1e-300))) if err.size else 0.0
    abs_err = float(np.max(err)) if err.size else 0.0
    suffix = f" ({how})" if how else ""
    if np.all(err <= bound):
        return Comparison(Verdict.CONFIRMED,
                          f"agree within rtol={rtol:g}, atol={atol:g}: max abs diff {abs_err:.3g}, "
                          f"max rel diff {rel:.3g}{suffix}", rel)
    idx = int(np.argmax(err - bound)) if err.size > 1 else 0
    return Comparison(Verdict.DISCREPANCY,
                      f"differ beyond rtol={rtol:g}, atol={atol:g}: max abs diff {abs_err:.3g}, "
                      f"max rel diff {rel:.3g} (worst at flat index {idx}: printed "
                      f"{_fmt(complex(p.flat[idx]))}, derived {_fmt(complex(d.flat[idx]))}){suffix}",
                      rel)


def _claim(topic: str, source: str, equation: str, statement: str, cmp: Comparison,
           printed: Any, derived: Any, seconds: float) -> Claim:
    return Claim(topic=topic, source=source, equation=str(equation), statement=statement,
                 verdict=cmp.verdict, evidence=cmp.evidence, printed=printed, derived=derived,
                 seconds=seconds, details=dict(cmp.extra))


def claim_equal(topic: str, source: str, equation: str, statement: str, printed: Any,
                derived: Any, **options: Any) -> Claim:
    """A symbolic claim: the printed form against the derived one (see compare_expressions)."""
    start = time.perf_counter()
    cmp = compare_expressions(printed, derived, **options)
    return _claim(topic, source, equation, statement, cmp, printed, derived,
                  time.perf_counter() - start)


def claim_close(topic: str, source: str, equation: str, statement: str, printed: Any,
                derived: Any, *, rtol: float = 1e-6, atol: float = 0.0, how: str = "",
                printed_form: Any = None, derived_form: Any = None) -> Claim:
    """A numeric claim: printed (or closed-form) values against independently computed ones."""
    start = time.perf_counter()
    cmp = compare_values(printed, derived, rtol=rtol, atol=atol, how=how)
    return _claim(topic, source, equation, statement, cmp, printed_form, derived_form,
                  time.perf_counter() - start)


def claim_holds(topic: str, source: str, equation: str, statement: str, holds: bool,
                evidence: str, *, printed: Any = None, derived: Any = None) -> Claim:
    """A property claim whose truth value ``holds`` was computed by the caller's derivation."""
    verdict = Verdict.CONFIRMED if bool(holds) else Verdict.DISCREPANCY
    return Claim(topic=topic, source=source, equation=str(equation), statement=statement,
                 verdict=verdict, evidence=evidence, printed=printed, derived=derived)


class ClaimBook:
    """Collects the claims of one topic: ``book.equal(...)``, ``book.close(...)``, ``book.holds(...)``."""

    def __init__(self, topic: str, source: str) -> None:
        self.topic = topic
        self.source = source
        self.claims: list[Claim] = []

    def equal(self, equation: str, statement: str, printed: Any, derived: Any,
              **options: Any) -> Claim:
        claim = claim_equal(self.topic, self.source, equation, statement, printed, derived,
                            **options)
        self.claims.append(claim)
        return claim

    def close(self, equation: str, statement: str, printed: Any, derived: Any,
              **options: Any) -> Claim:
        claim = claim_close(self.topic, self.source, equation, statement, printed, derived,
                            **options)
        self.claims.append(claim)
        return claim

    def holds(self, equation: str, statement: str, holds: bool, evidence: str,
              **options: Any) -> Claim:
        claim = claim_holds(self.topic, self.source, equation, statement, holds, evidence,
                            **options)
        self.claims.append(claim)
        return claim

    def extend(self, claims: Iterable[Claim]) -> None:
        self.claims.extend(claims)

    def timed(self, fn: Callable[[], Claim]) -> Claim:
        """Run ``fn`` (which returns a Claim) and record its wall time on the claim."""
        start = time.perf_counter()
        claim = fn()
        claim.seconds = time.perf_counter() - start
        if claim not in self.claims:
            self.claims.append(claim)
        return claim
