"""Peak-aware composite Gauss–Legendre quadrature for integrands with narrow Lorentzian peaks.

Used for seed 004_051fe7d7dc805f6f.txt, where the two-photon distribution P(k1, k2) has peaks of
width O(λ²) (Eqs. (36)–(39)). Panels are graded geometrically around each peak centre: the
innermost panels have the size of the peak width times ``inner``, and each further panel is
``ratio`` times larger, until a maximal panel size ``hmax`` is reached. Panels are symmetric about
every centre, so a simple real pole placed at a centre is integrated as a principal value (the odd
part cancels between mirrored Gauss nodes).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from symlight.errors import InputError


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
    if ratio <= 1.0:
        raise InputError(f"ratio must be > 1, got {ratio}")
    span = b - a
    hmax = span / 4.0 if hmax is None else float(hmax)
    pts = [a, b]
    for c, w in zip(centers, widths, strict=True):
        if not (np.isfinite(c) and np.isfinite(w)) or w <= 0:
            continue
        if c < a - span or c > b + span:
            continue
        if a < c < b:
            pts.append(c)
        step = inner * w
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
