"""Lindblad dissipators with a matrix of rates, and their adjoint acting on operators.

The master equation ρ̇ = −i[H, ρ] + Σ_kl R_kl (J_l ρ J_k† − ½{J_k† J_l, ρ}) with a Hermitian,
positive-semidefinite rate matrix R (collective decay: seed 002_796c9b23bedf2618.txt, Eq. (40),
has J = (σ₁⁻, σ₂⁻) and R = 2γ, γ = [[Γ, γ₁₂], [γ₁₂, Γ]]). For expectation values the adjoint
acts on operators: d⟨O⟩/dt = ⟨i[H, O] + Σ_kl R_kl (J_k† O J_l − ½{J_k† J_l, O})⟩.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import sympy

from symlight.errors import InputError, ModelError, describe


def rate_matrix(jumps: Sequence[Any], rates: Any) -> sympy.Matrix:
    """The rate matrix R as a SymPy matrix: ``rates`` is None (all 1), a list (diagonal) or a matrix."""
    n = len(jumps)
    if rates is None:
        return sympy.eye(n)
    if isinstance(rates, (sympy.MatrixBase, np.ndarray)) or (
            isinstance(rates, Sequence) and rates and isinstance(rates[0], Sequence)):
        mat = sympy.Matrix(rates)
    elif isinstance(rates, Sequence):
        mat = sympy.diag(*[sympy.sympify(r) for r in rates]) if rates else sympy.zeros(0, 0)
    else:
        raise InputError(f"rates {describe(rates)}: give a list of rates (one per jump operator) "
                         "or a square matrix of rates")
    if mat.shape != (n, n):
        raise InputError(f"rate matrix of shape {mat.shape} does not match {n} jump operators; "
                         f"it must be {n}x{n}")
    return mat


def check_rate_matrix(rates: sympy.Matrix, subs: Mapping[Any, Any] | None = None,
                      tol: float = 1e-12) -> None:
    """Raise ModelError unless R is Hermitian and positive semidefinite.

    Symbolic entries are checked structurally for Hermiticity (R − R† = 0 with the symbols'
    assumptions); positivity is decided numerically when every entry is a number (after ``subs``),
    otherwise it is deferred to numeric evaluation (``check_rates_numeric``).
    """
    if rates.rows == 0:
        return
    mat = rates.subs(subs) if subs else rates
    herm = (mat - mat.H).applyfunc(sympy.expand)
    if any(sympy.simplify(x) != 0 for x in herm):
        raise ModelError(f"the rate matrix {mat.tolist()} is not Hermitian (R - R^dagger = "
                         f"{herm.tolist()}); a Lindblad rate matrix must be Hermitian and positive "
                         "semidefinite")
    if not mat.free_symbols:
        check_rates_numeric(np.array(mat.evalf(), dtype=complex)[None], tol=tol)


def check_rates_numeric(rates: np.ndarray, tol: float = 1e-12, what: str = "rate matrix") -> None:
    """Batched check that every R[p] (shape (P, n, n)) is Hermitian PSD (ModelError names the bad one)."""
    rates = np.asarray(rates, dtype=complex)
    if rates.ndim == 2:
        rates = rates[None]
    herm = 0.5 * (rates + np.conj(np.swapaxes(rates, -1, -2)))
    scale = np.maximum(np.abs(rates).max(axis=(-1, -2)), 1.0)
    if np.any(np.abs(rates - herm).max(axis=(-1, -2)) > tol * scale):
        p = int(np.argmax(np.abs(rates - herm).max(axis=(-1, -2))))
        raise ModelError(f"{what} #{p} = {rates[p].tolist()} is not Hermitian; it must be Hermitian "
                         "and positive semidefinite")
    eig = np.linalg.eigvalsh(herm)
    low = eig.min(axis=-1)
    bad = np.nonzero(low < -tol * scale)[0]
    if bad.size:
        p = int(bad[0])
        raise ModelError(f"{what} #{p} = {np.round(rates[p], 12).tolist()} is not positive "
                         f"semidefinite (smallest eigenvalue {low[p]:.6g}); for a pair with "
                         "R = 2[[Γ, γ12], [γ12, Γ]] this means |γ12| > Γ, which no physical "
                         "environment produces")
