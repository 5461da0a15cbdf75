"""Free dyadic Green tensor of the vector Helmholtz equation, real and momentum space.

Seed 003_7c2b7fccf0028dca.txt (van Tiggelen & Skipetrov, PRB 103, 174204), Eqs. (2), (3) and
Appendix B Eq. (B2).  Convention of the paper: ``G0 = [k^2 - p^2 Δ_p]^{-1}`` in Fourier space,

    G0(k, p) = p̂p̂ / k^2 + Δ_p / (k^2 - p^2 + i0),          Δ_p = 1 - p̂p̂,

and in real space (r ≠ 0), Eq. (B2),

    G0(k, r) = -exp(ikr)/(4πr) [P(kr) Δ_r + Q(kr) r̂r̂],   P(x) = 1 - 1/(ix) - 1/x^2,
                                                             Q(x) = 2/(ix) + 2/x^2,

plus the Lorentz contact term δ(r)/(3k^2) at r = 0.  The longitudinal part is
G0L(r) = δ(r)/(3k^2) + (1 - 3r̂r̂)/(4πk^2 r^3); the transverse part G0T = G0 - G0L has no contact
term and behaves as 1/r near the origin.  Symbolic forms (SymPy) and vectorised NumPy kernels
generated from them by ``lambdify(cse=True)`` are provided; the kernels never re-type a formula.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import sympy as sp

from symlight.errors import InputError

x = sp.Symbol("x", positive=True)  # x = k r
k = sp.Symbol("k", positive=True)
r = sp.Symbol("r", positive=True)
p = sp.Symbol("p", positive=True)


def P_sym(arg: sp.Expr = x) -> sp.Expr:
    """P(x) = 1 - 1/(ix) - 1/x^2 of Eq. (B2) (coefficient of Δ_r, field ⊥ separation)."""
    return 1 - 1 / (sp.I * arg) - 1 / arg**2


def Q_sym(arg: sp.Expr = x) -> sp.Expr:
    """Q(x) = 2/(ix) + 2/x^2 of Eq. (B2) (coefficient of r̂r̂, field ∥ separation)."""
    return 2 / (sp.I * arg) + 2 / arg**2


def green_eigen_sym(kk: sp.Expr = k, rr: sp.Expr = r) -> tuple[sp.Expr, sp.Expr]:
    """Eigenvalues (g_P, g_Q) of G0(k, r ≠ 0) on Δ_r (twice) and r̂r̂ (once), Eq. (B2)."""
    pref = -sp.exp(sp.I * kk * rr) / (4 * sp.pi * rr)
    return pref * P_sym(kk * rr), pref * Q_sym(kk * rr)


def green_tensor_sym(rvec: tuple[sp.Expr, sp.Expr, sp.Expr], kk: sp.Expr = k) -> sp.Matrix:
    """Symbolic 3x3 G0(k, r) for r ≠ 0 in Cartesian components (Eq. (B2))."""
    xs = sp.Matrix(rvec)
    rr = sp.sqrt(sum(c**2 for c in rvec))
    rhat = xs / rr
    gp, gq = green_eigen_sym(kk, rr)
    rr_t = rhat * rhat.T
    return gp * (sp.eye(3) - rr_t) + gq * rr_t


def green_from_scalar_sym(rvec: tuple[sp.Expr, sp.Expr, sp.Expr], kk: sp.Expr = k) -> sp.Matrix:
    """G0 = -(1 + ∇∇/k^2) exp(ikr)/(4πr) for r ≠ 0: the textbook route, independent of (B2)."""
    rr = sp.sqrt(sum(c**2 for c in rvec))
    g = sp.exp(sp.I * kk * rr) / (4 * sp.pi * rr)
    return sp.Matrix(3, 3, lambda i, j: -(g * (1 if i == j else 0)
                                            + sp.diff(g, rvec[i], rvec[j]) / kk**2))


def green_momentum_sym(kk: sp.Expr = k, pp: sp.Expr = p) -> tuple[sp.Expr, sp.Expr]:
    """(longitudinal, transverse) eigenvalues of G0(k, p) in Eq. (2) with Σ = 0: (1/k^2, 1/(k^2-p^2))."""
    return 1 / kk**2, 1 / (kk**2 - pp**2)


def longitudinal_offorigin_sym(kk: sp.Expr = k, rr: sp.Expr = r) -> tuple[sp.Expr, sp.Expr]:
    """(Δ_r, r̂r̂) eigenvalues of G0L(r ≠ 0) = (1 - 3r̂r̂)/(4πk^2 r^3): (1, -2)/(4πk^2 r^3)."""
    base = 1 / (4 * sp.pi * kk**2 * rr**3)
    return base, -2 * base


def transverse_eigen_sym(kk: sp.Expr = k, rr: sp.Expr = r) -> tuple[sp.Expr, sp.Expr]:
    """Eigenvalues of G0T(r) = G0(r ≠ 0) - G0L(r ≠ 0) (no contact term, ~1/r at the origin)."""
    gp, gq = green_eigen_sym(kk, rr)
    lp, lq = longitudinal_offorigin_sym(kk, rr)
    return sp.simplify(gp - lp), sp.simplify(gq - lq)


@cache
def _pq_kernel():
    """Generated kernel x -> (g_P, g_Q) * 4π/k (dimensionless), from the symbolic (B2)."""
    gp, gq = green_eigen_sym(sp.Integer(1), x)
    return sp.lambdify(x, [gp, gq], modules="numpy", cse=True)


def green_eigen(kr: np.ndarray | float, kk: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Numeric eigenvalues (g_P, g_Q) of G0(k, r) for k r = ``kr`` > 0 (units of ``kk``)."""
    kr_arr = np.asarray(kr, dtype=float)
    if np.any(kr_arr <= 0):
        raise InputError(f"G0(k, r) at k r = {kr!r}: the real-space Green tensor is singular at "
                         "r = 0 (contact term δ(r)/3k^2); give separations r > 0")
    gp, gq = _pq_kernel()(kr_arr)
    return np.asarray(gp) * kk, np.asarray(gq) * kk


def green_tensor(rvec: np.ndarray, kk: float = 1.0) -> np.ndarray:
    """Numeric G0(k, r) for an array of separations ``rvec`` (..., 3) → (..., 3, 3), r ≠ 0."""
    rv = np.asarray(rvec, dtype=float)
    if rv.shape[-1] != 3:
        raise InputError(f"separation vectors must have a last axis of length 3, got {rv.shape}")
    rr = np.linalg.norm(rv, axis=-1)
    if np.any(rr == 0):
        raise InputError("G0(k, r) requested at zero separation: overlapping dipoles; "
                         "the 3x3 block is the singular self term -1/t, give distinct positions")
    gp, gq = green_eigen(kk * rr, kk)
    u = rv / rr[..., None]
    uu = u[..., :, None] * u[..., None, :]
    eye = np.eye(3)
    return gp[..., None, None] * eye + (gq - gp)[..., None, None] * uu


def self_term_regularised(k_val: complex, u: float, gamma_len: float) -> complex:
    """⟨r_d|G0(k)|r_d⟩ with the paper's regularisations Σ_p p̂p̂ = 1/(3u), Σ_p Δ_p/p^2 = 1/(6πΓ).

    Eq. (8)-(9): 1/(3u k^2) - 1/(6πΓ) - i k/(6π) (times the identity).
    """
    return 1 / (3 * u * k_val**2) - 1 / (6 * np.pi * gamma_len) - 1j * k_val / (6 * np.pi)
