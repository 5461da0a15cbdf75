"""Root branches of a polynomial dispersion relation tracked continuously along q.

``track_roots(coeffs, qs)`` solves P_q(ω) = Σ c_j(q) ω^j = 0 at every q (companion-matrix
eigenvalues, numpy.roots) and orders the roots so that each branch is continuous: the roots at
q_{i+1} are assigned to the branches of q_i by a minimum-cost matching (scipy's
linear_sum_assignment on |ω_i − ω_{i+1}|), which keeps complex-conjugate pairs and crossings
apart. Seed 001_acf7c75771656388.txt, Eqs. (84), (87), (104) and Figs. 3, 4, 6.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from symlight.errors import InputError

__all__ = ["track_roots"]


def _coefficients(coeffs: Callable[[float], Sequence[complex]], q: float) -> np.ndarray:
    c = np.asarray(coeffs(q), dtype=complex)
    if c.ndim != 1 or c.size < 2 or not np.all(np.isfinite(c)):
        raise InputError(f"dispersion polynomial at q={q:g} must have >= 2 finite coefficients, got {c}")
    return c


def track_roots(coeffs: Callable[[float], Sequence[complex]], qs: Sequence[float]) -> np.ndarray:
    """Array (len(qs), degree) of roots, column j one continuous branch.

    ``coeffs(q)`` returns the polynomial coefficients in ω, highest power first (numpy.roots
    order); the degree must not change along ``qs``.
    """
    qs = np.asarray(qs, dtype=float)
    if qs.ndim != 1 or qs.size == 0:
        raise InputError("qs must be a non-empty 1-D sequence of wavevectors")
    if np.any(~np.isfinite(qs)):
        raise InputError("qs must be finite wavevectors")
    first = np.roots(_coefficients(coeffs, float(qs[0])))
    deg = first.size
    out = np.empty((qs.size, deg), dtype=complex)
    out[0] = np.sort_complex(first)
    for i in range(1, qs.size):
        r = np.roots(_coefficients(coeffs, float(qs[i])))
        if r.size != deg:
            raise InputError(f"polynomial degree changed from {deg} to {r.size} at q={qs[i]:g}")
        prev = out[i - 1]
        # predict by linear extrapolation when possible (smoother through near-crossings)
        guess = 2 * out[i - 1] - out[i - 2] if i >= 2 else prev
        cost = np.abs(guess[:, None] - r[None, :])
        rows, cols = linear_sum_assignment(cost)
        out[i, rows] = r[cols]
    return out
