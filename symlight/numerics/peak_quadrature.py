"""Peak-aware composite Gauss–Legendre quadrature for integrands with narrow Lorentzian peaks.

Used for seed 004_051fe7d7dc805f6f.txt, where the two-photon distribution P(k1, k2) has peaks of
width O(λ²) (Eqs. (36)–(39)). Panels are graded geometrically around each peak centre: the
innermost panels have the size of the peak width times ``inner``, and each further panel is
``ratio`` times larger, until a maximal panel size ``hmax`` is reached. Panels are symmetric about
every centre, so a simple real pole placed at a centre is integrated as a principal value (the odd
part cancels between mirrored Gauss nodes).

Edge cases (issue 11): a pole that is *not* placed at a centre is not resolved by the panels;
``pv_integral`` computes PV∫ g(x)/(x − c) dx by singularity subtraction, g(c)·ln|(b − c)/(a − c)|
plus a smooth remainder, and reports a pole at or within rounding of an endpoint (log-divergent)
as an InputError; its evidence says which case applied. Resource bounds: at most ``MAX_PANELS``
panels and ``MAX_NODES_PER_PANEL`` nodes per panel (a width ratio close to 1 or a vanishing width
would otherwise ask for millions of panels).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from symlight.errors import InputError

#: resource bounds: panels of one rule, Gauss nodes per panel
MAX_PANELS = 200_000
MAX_NODES_PER_PANEL = 200


@lru_cache(maxsize=64)
def _gauss(n: int) -> tuple[np.ndarray, np.ndarray]:
    x, w = np.polynomial.legendre.leggauss(n)
    return x, w


def graded_breakpoints(a: float, b: float, centers: Sequence[float], widths: Sequence[float], *,
                       ratio: float = 2.0, inner: float = 0.5, hmax: float | None = None) -> np.ndarray:
    """Sorted panel boundaries on [a, b], graded geometrically around each (centre, width).

    Around a centre c with width w the boundaries c ± inner·w·(1 + ratio + ratio² + ...) are
    added until they leave [a, b] or the step exceeds ``hmax``; then the remaining span is cut
    into panels of at most ``hmax``.
    """
    if not (np.isfinite(a) and np.isfinite(b)) or b <= a:
        raise InputError(f"graded_breakpoints needs a finite interval a < b, got [{a}, {b}]")
    if not np.isfinite(ratio) or ratio <= 1.0:
        raise InputError(f"ratio must be > 1, got {ratio}")
    if not np.isfinite(inner) or inner <= 0:
        raise InputError(f"inner must be a positive finite number, got {inner}")
    span = b - a
    hmax = span / 4.0 if hmax is None else float(hmax)
    if not np.isfinite(hmax) or hmax <= 0:
        raise InputError(f"hmax must be a positive finite panel size, got {hmax}")
    if span / hmax > MAX_PANELS:
        raise InputError(f"[{a}, {b}] cut into panels of at most hmax = {hmax:g} needs "
                         f"{span / hmax:.3g} panels, over the cap MAX_PANELS = {MAX_PANELS}")
    pts = [a, b]
    estimate = span / hmax
    for c, w in zip(centers, widths, strict=True):
        if not (np.isfinite(c) and np.isfinite(w)) or w <= 0:
            continue
        if c < a - span or c > b + span:
            continue
        levels = math.log(hmax) - math.log(inner) - math.log(w)  # no underflow for subnormal w
        if levels > 0:
            estimate += 2 * levels / math.log(ratio) + 2
        if estimate > MAX_PANELS:
            raise InputError(
                f"grading around {len(centers)} centre(s) with ratio = {ratio} and widths down to "
                f"{min(widths):.3g} needs about {estimate:.3g} panels, over the cap MAX_PANELS = "
                f"{MAX_PANELS}; use a larger ratio or inner, or fewer centres")
        if a < c < b:
            pts.append(c)
        # inner·w can underflow to 0 for a subnormal width: start from the smallest double then
        # (a zero step would never grow: an endless loop filling memory)
        step = max(inner * w, np.nextafter(0.0, 1.0))
        off = 0.0
        while step < hmax:
            off += step
            for x in (c - off, c + off):
                if a < x < b:
                    pts.append(x)
            if c - off < a and c + off > b:
                break
            step *= ratio
    pts = np.unique(np.asarray(pts, dtype=float))
    out = [pts[0]]
    for x in pts[1:]:
        gap = x - out[-1]
        if gap > hmax:
            n = int(np.ceil(gap / hmax))
            out.extend(out[-1] + gap * np.arange(1, n) / n)
        out.append(x)
    return np.asarray(out)


def panel_rule(breaks: np.ndarray, n: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """Gauss–Legendre nodes and weights (``n`` per panel) on the panels given by ``breaks``."""
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 1 <= n <= MAX_NODES_PER_PANEL:
        raise InputError(f"n = {n!r} Gauss nodes per panel: give an integer from 1 to "
                         f"{MAX_NODES_PER_PANEL} (refine with more panels instead)")
    x, w = _gauss(int(n))
    lo, hi = breaks[:-1, None], breaks[1:, None]
    half = 0.5 * (hi - lo)
    nodes = (lo + hi) * 0.5 + half * x[None, :]
    weights = half * w[None, :]
    return nodes.ravel(), weights.ravel()


def peak_rule(a: float, b: float, centers: Sequence[float], widths: Sequence[float], *, n: int = 8,
              ratio: float = 2.0, inner: float = 0.5, hmax: float | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights on [a, b] resolving peaks at ``centers`` of half-widths ``widths``."""
    brk = graded_breakpoints(a, b, centers, widths, ratio=ratio, inner=inner, hmax=hmax)
    return panel_rule(brk, n)


def pv_integral(g: Callable[[np.ndarray], Any], a: float, b: float, c: float, *, n: int = 16,
                width: float | None = None, rel_gap: float = 1e-12
                ) -> tuple[complex | float, dict[str, Any]]:
    """PV∫_a^b g(x)/(x − c) dx by singularity subtraction; returns (value, evidence).

    value = ∫_a^b [g(x) − g(c)]/(x − c) dx + g(c)·ln|(b − c)/(a − c)|. The remainder is smooth
    (no cancellation of large terms near c: its nodes never hit c, and its integrand tends to
    g'(c)), integrated with panels graded around c (``width``: scale of g's variation, default
    (b − a)/100). A pole within ``rel_gap``·(b − a) of an endpoint makes the integral
    log-divergent: InputError, not a large meaningless number. ``g`` must accept arrays.
    """
    if not (np.isfinite(a) and np.isfinite(b) and np.isfinite(c)) or b <= a:
        raise InputError(f"pv_integral needs finite a < b and a finite pole c, got a={a}, b={b}, c={c}")
    span = b - a
    gap = min(abs(c - a), abs(c - b))
    if gap <= rel_gap * span:
        raise InputError(f"the pole c = {c!r} lies within {gap:.3g} of an endpoint of [{a}, {b}]: "
                         "the principal value diverges logarithmically there")
    inside = a < c < b
    gc = np.asarray(g(np.asarray([c], dtype=float)))[0]
    w = span / 100.0 if width is None else float(width)
    nodes, weights = peak_rule(a, b, [c], [w], n=n)
    gx = np.asarray(g(nodes))
    remainder = np.sum(weights * (gx - gc) / (nodes - c))
    log_term = gc * math.log(abs((b - c) / (a - c)))
    evidence = {
        "method": "singularity subtraction",
        "pole": "inside (principal value)" if inside else "outside (ordinary integral)",
        "near_endpoint": gap < 1e-6 * span,
        "distance_to_endpoint": gap,
        "log_term": log_term,
        "nodes": int(nodes.size),
    }
    return remainder + log_term, evidence
