"""Kubo-chain tensors of seed 003 (003_7c2b7fccf0028dca.txt), Secs. IV–VI, in NumPy (numeric twins).

The effective-medium Green tensor G(p) = g_L p̂p̂ + g_T Δ_p (Eq. (2), Σ independent of p), the bilinear
tensor L(p, q) = 2(p·q)1 - pq - qp (Eq. (40)), the Drude current tensor J^D = G·L·G* - Re(G·L·G)
(Eq. (50), Re A = (A + A*)/2), the four channel tensors χ^s of Eq. (46)/(87)

    χ⁰ = (p·q)Δ_p,  χ¹ = (p·q)p̂p̂,  χ² = pq + qp,  χ³ = i(pq - qp),

their least-squares decomposition, and a Gauss product rule on the unit sphere for angular averages.
"""

from __future__ import annotations

import numpy as np

from symlight.errors import InputError


def _vec(v: np.ndarray, name: str) -> np.ndarray:
    a = np.asarray(v, dtype=float)
    if a.shape != (3,) or not np.all(np.isfinite(a)):
        raise InputError(f"{name} must be a finite 3-vector, got {v!r}")
    return a


def green(p: np.ndarray, g_l: complex, g_t: complex) -> np.ndarray:
    """G(p) = g_L p̂p̂ + g_T Δ_p (Eq. (2)); p ≠ 0."""
    pv = _vec(p, "p")
    p2 = pv @ pv
    if p2 == 0:
        raise InputError("G(p) needs p ≠ 0 (the longitudinal projector p̂p̂ is undefined at p = 0)")
    proj = np.outer(pv, pv) / p2
    return g_l * proj + g_t * (np.eye(3) - proj)


def l_tensor(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """L(p, q) = 2(p·q)1 - pq - qp of Eq. (40) (= (q·∂_p)(p²1 - pp))."""
    pv, qv = _vec(p, "p"), _vec(q, "q")
    return 2 * (pv @ qv) * np.eye(3) - np.outer(pv, qv) - np.outer(qv, pv)


def drude_current(p: np.ndarray, q: np.ndarray, g_l: complex, g_t: complex) -> np.ndarray:
    """J^D = G·L·G* - Re(G·L·G) of Eq. (50) with Re A = (A + A*)/2 (A* Hermitian conjugate)."""
    g = green(p, g_l, g_t)
    lt = l_tensor(p, q)
    glg = g @ lt @ g
    return g @ lt @ g.conj().T - (glg + glg.conj().T) / 2


def chi(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """The four channel tensors χ^s (s = 0..3) of Eq. (46)/(87), shape (4, 3, 3)."""
    pv, qv = _vec(p, "p"), _vec(q, "q")
    p2 = pv @ pv
    proj = np.outer(pv, pv) / p2
    pq = pv @ qv
    return np.array([pq * (np.eye(3) - proj), pq * proj, np.outer(pv, qv) + np.outer(qv, pv),
                     1j * (np.outer(pv, qv) - np.outer(qv, pv))])


def decompose(j: np.ndarray, p: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, float]:
    """Least-squares coefficients J_s of j = Σ_s J_s χ^s and the residual norm (Eq. (46))."""
    basis = chi(p, q).reshape(4, 9).T
    coef, *_ = np.linalg.lstsq(basis, np.asarray(j, complex).reshape(9), rcond=None)
    resid = float(np.linalg.norm(basis @ coef - np.asarray(j).reshape(9)))
    return coef, resid


def sphere_rule(n_theta: int = 12, n_phi: int = 24) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors and weights (summing to 1) of a Gauss-Legendre × trapezoid rule on the sphere."""
    if n_theta < 1 or n_phi < 1:
        raise InputError(f"sphere_rule needs positive node counts, got {n_theta}, {n_phi}")
    x, w = np.polynomial.legendre.leggauss(n_theta)
    phi = np.linspace(0, 2 * np.pi, n_phi, endpoint=False)
    ct, ph = np.meshgrid(x, phi, indexing="ij")
    st = np.sqrt(1 - ct**2)
    u = np.stack([st * np.cos(ph), st * np.sin(ph), ct], -1).reshape(-1, 3)
    return u, np.repeat(w, n_phi) / (2 * n_phi)


def kubo_weight(coeffs: np.ndarray, p_mag: float, n_theta: int = 12) -> float:
    """(1/4)⟨Tr L(p, q̂)·J(p, q̂)⟩ over directions of p (|p| = p_mag) for J = Σ_s J_s χ^s (Eq. (81))."""
    u, w = sphere_rule(n_theta, 2 * n_theta)
    qh = np.array([0.0, 0.0, 1.0])
    tot = 0.0
    for ui, wi in zip(u, w, strict=True):
        pv = p_mag * ui
        jm = np.tensordot(np.asarray(coeffs), chi(pv, qh), axes=1)
        tot += wi * np.trace(l_tensor(pv, qh) @ jm).real / 4
    return float(tot)
