"""Lattice twin of the amplitude equations (16)-(18) / (F5)-(F7) and the norm (14) of seed
000_afe20a70b32bac1d.txt.

The symbolic derivation (H (2)-(11) applied to the state (12), projected as in App. A, with 3-D
positions) is :mod:`two_photon_amplitudes3d`. Here the derived equations are discretised on N sites
of any dimension (random rho > 0, random symmetric kernel T standing for c(-Delta)^{1/2}) to check
numerically that their generator is symmetric in the weighted variables of (14), so that the norm
(14) is conserved, and that the printed coefficient g/2 of (16) is the only one that does so.
"""

from __future__ import annotations

import numpy as np

from symlight.errors import InputError


# ----------------------------------------------------------------------------- lattice twin
def lattice_generator(rho_vals, Tmat, *, c_val=1.0, Omega_val=1.0, g_val=1.0,
                      statistics: str = "fermi", factor16: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Discretised (16)-(18) (or (F5)-(F7)) on N sites (unit cell volume): the generator L acting on
    (psi2 symmetric, psi1, a antisymmetric/symmetric) packed as a vector, and the Gram matrix Wt of
    the norm (14). Returns (L, Wt). The generator is symmetric in the weighted variables when
    Wt L is Hermitian; then the norm (14) is conserved. ``factor16`` is the coefficient g*factor16
    of (16) (printed 1/2); any other value breaks the symmetry (used by the tests)."""
    rho_vals = np.asarray(rho_vals, float)
    if np.any(rho_vals <= 0):
        raise InputError(f"densities {rho_vals!r} must be positive (Eq. (8))")
    if g_val < 0:
        raise InputError(f"coupling g={g_val!r} must be non-negative")
    N = rho_vals.size
    sa = -1 if statistics == "fermi" else 1
    idx = lambda blk, i, j: blk * N * N + i * N + j
    L = np.zeros((3 * N * N, 3 * N * N))
    # basis: full N x N arrays for each amplitude; the symmetric subspace is projected at the end
    for i in range(N):
        for j in range(N):
            r = idx(0, i, j)  # (16)
            for k in range(N):
                L[r, idx(0, k, j)] += c_val * Tmat[i, k]
                L[r, idx(0, i, k)] += c_val * Tmat[j, k]
            L[r, idx(1, i, j)] += g_val * factor16 * rho_vals[i]
            L[r, idx(1, j, i)] += g_val * factor16 * rho_vals[j]
            r = idx(1, i, j)  # (17) / rho(x1)
            L[r, idx(0, i, j)] += 2 * g_val
            for k in range(N):
                L[r, idx(1, i, k)] += c_val * Tmat[j, k]
            L[r, idx(1, i, j)] += Omega_val
            L[r, idx(2, i, j)] += sa * 2 * g_val * rho_vals[j]
            r = idx(2, i, j)  # (18) / (rho rho)
            L[r, idx(1, j, i)] += g_val / 2
            L[r, idx(1, i, j)] += sa * g_val / 2
            L[r, idx(2, i, j)] += 2 * Omega_val
    Wt = np.zeros(3 * N * N)
    for i in range(N):
        for j in range(N):
            Wt[idx(0, i, j)] = 2
            Wt[idx(1, i, j)] = rho_vals[i]
            Wt[idx(2, i, j)] = 2 * rho_vals[i] * rho_vals[j]
    # restrict to the (anti)symmetric subspace (13)/(F4) with an isometric basis
    B = []
    for blk, sgn in ((0, 1), (2, sa)):
        for i in range(N):
            for j in range(i, N):
                if sgn == -1 and i == j:
                    continue
                v = np.zeros(3 * N * N)
                v[idx(blk, i, j)] += 1
                v[idx(blk, j, i)] += sgn
                B.append(v / np.linalg.norm(v))
    for i in range(N):
        for j in range(N):
            v = np.zeros(3 * N * N)
            v[idx(1, i, j)] = 1
            B.append(v)
    B = np.array(B).T
    Lr = np.linalg.lstsq(B, L @ B, rcond=None)[0]
    Wr = B.T @ np.diag(Wt) @ B
    return Lr, Wr


def lattice_checks(N: int = 3, seed: int = 5, statistics: str = "fermi",
                   factor16: float = 0.5) -> dict[str, float]:
    """Numeric twin on N sites with random rho > 0 and a random symmetric kernel: asymmetry of the
    generator in the weighted variables, ||W^{1/2} L W^{-1/2} - (..)^T||, and the drift of the norm
    (14) under exp(-i L t)."""
    from scipy.linalg import expm, sqrtm

    rng = np.random.default_rng(seed)
    rho_vals = rng.uniform(0.5, 2.0, N)
    Tm = rng.normal(size=(N, N))
    Tm = Tm + Tm.T
    L, Wr = lattice_generator(rho_vals, Tm, c_val=0.7, Omega_val=1.3, g_val=0.9, statistics=statistics,
                              factor16=factor16)
    Wh = np.real(sqrtm(Wr))
    Ls = Wh @ L @ np.linalg.inv(Wh)
    asym = float(np.max(np.abs(Ls - Ls.T)) / np.max(np.abs(Ls)))
    v = rng.normal(size=L.shape[0]) + 1j * rng.normal(size=L.shape[0])
    n0 = float(np.real(v.conj() @ Wr @ v))
    vt = expm(-1j * L * 2.3) @ v
    n1 = float(np.real(vt.conj() @ Wr @ vt))
    return {"asymmetry": asym, "norm_drift": abs(n1 - n0) / n0}


def add_claims(book) -> None:
    """Lattice-twin claims for (14) and (F5)-(F7) (the symbolic claims come from
    :mod:`two_photon_amplitudes3d`)."""
    for st in ("fermi", "bose"):
        chk = lattice_checks(statistics=st)
        book.holds("14" if st == "fermi" else "F5-F7",
                   f"generator of the derived equations is symmetric in the weighted variables and "
                   f"conserves (14) ({st}; 3-site lattice, random rho and kernel: sites of any "
                   "dimension, so this also twins the 3-D derivation)",
                   chk["asymmetry"] < 1e-10 and chk["norm_drift"] < 1e-10,
                   f"relative asymmetry {chk['asymmetry']:.1e}, norm drift {chk['norm_drift']:.1e}")
