"""Stimulated-emission model (53) -> (54) of seed 000_afe20a70b32bac1d.txt, derived and tested.

Setting a = 0 in (16)-(18) leaves the rows (53): the psi2 row, the psi1 row with the photon
operator c(-Delta_x2)^{1/2} acting on the photon coordinate only, and the constraint
psi1(x2, x1) = psi1(x1, x2) from the a-row. This module

* splits the right side R of the psi1 row into its parts even and odd under x1 <-> x2 (in Fourier
  variables, with psi1, psi2 symmetric): the even part is the psi1 row of (54); the odd part is
  ``c(|k2| - |k1|) psi1_hat / 2``, which the constraint of (53) requires to vanish;
* builds a numeric twin on a periodic 1-D lattice (N sites per particle, c|k| by DFT, a random
  density rho(x)) to measure the same split on matrices.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from symlight.errors import InputError

k1, k2 = sp.symbols("k1 k2", positive=True)
c, Om, g = sp.symbols("c Omega g", positive=True)
p12, p21, s_ = sp.symbols("psi1_12 psi1_21 psi2_hat")


def psi1_row_53(swap: bool = False) -> sp.Expr:
    """Right side of the psi1 row of (53) in Fourier variables at (k1, k2) (or at (k2, k1)).

    psi1(x1, x2): atom at x1, photon at x2, so the kinetic term is c|k2| (c|k1| after the swap);
    psi2 is symmetric (one symbol)."""
    if swap:
        return 2 * g * s_ + (c * k1 + Om) * p21
    return 2 * g * s_ + (c * k2 + Om) * p12


def symmetric_split() -> dict[str, sp.Expr]:
    """Even and odd parts of the psi1 row of (53) under the exchange, on symmetric psi1."""
    r, rs = psi1_row_53(), psi1_row_53(swap=True)
    even = sp.expand(((r + rs) / 2).subs(p21, p12))
    odd = sp.expand(((r - rs) / 2).subs(p21, p12))
    return {"even": even, "odd": odd}


# ------------------------------------------------------------------ numeric lattice twin
def lattice_operators(n: int = 6, *, c_val: float = 1.0, Omega_val: float = 1.0, g_val: float = 0.7,
                      rho: np.ndarray | None = None, seed: int = 5) -> dict[str, np.ndarray]:
    """Matrices of (53) rows 1-2 and of (54) on a periodic lattice of ``n`` sites per particle.

    State vector (psi2, psi1), each an n x n array flattened (index x1 * n + x2). ``rho`` is the
    atomic density on the lattice (random positive by default)."""
    if n < 2:
        raise InputError(f"lattice size n={n!r} must be at least 2")
    if not (g_val >= 0 and c_val > 0 and np.isfinite(Omega_val)):
        raise InputError(f"(53)/(54) need coupling g >= 0 (Eq. (11)), speed c > 0 and a finite Omega; "
                         f"got g={g_val!r}, c={c_val!r}, Omega={Omega_val!r}")
    rng = np.random.default_rng(seed)
    rho = rng.uniform(0.5, 1.5, n) if rho is None else np.asarray(rho, float)
    if rho.shape != (n,) or not np.all(rho > 0):
        raise InputError(f"rho must be {n} positive numbers (Eq. (55)), got {rho!r}")
    kk = 2 * np.pi * np.fft.fftfreq(n)
    F = np.fft.fft(np.eye(n), axis=0)
    T = np.real(np.linalg.inv(F) @ np.diag(c_val * np.abs(kk)) @ F)  # c(-Delta)^{1/2}, symmetric
    one = np.eye(n)
    T1, T2 = np.kron(T, one), np.kron(one, T)
    R1, R2 = np.kron(np.diag(rho), one), np.kron(one, np.diag(rho))
    swap = np.zeros((n * n, n * n))
    for a in range(n):
        for b in range(n):
            swap[b * n + a, a * n + b] = 1.0
    N2 = n * n
    eye = np.eye(N2)
    L53 = np.block([[T1 + T2, g_val / 2 * (R1 + R2 @ swap)],
                    [2 * g_val * eye, T2 + Omega_val * eye]])
    L54 = np.block([[T1 + T2, g_val / 2 * (R1 + R2)],
                    [2 * g_val * eye, (T1 + T2) / 2 + Omega_val * eye]])
    P = (eye + swap) / 2
    Pfull = np.block([[P, 0 * P], [0 * P, P]])
    return {"L53": L53, "L54": L54, "P": Pfull, "T1": T1, "T2": T2, "swap": swap, "rho": rho}


def lattice_split(n: int = 6, seed: int = 5) -> dict[str, float]:
    """Numeric twin of :func:`symmetric_split`: on random symmetric data, the odd part of d/dt psi1
    from (53) against ``c (T2 - T1) psi1 / 2``, and (54) against the even projection of (53)."""
    ops = lattice_operators(n, seed=seed)
    rng = np.random.default_rng(seed + 1)
    u = ops["P"] @ (rng.normal(size=2 * n * n) + 1j * rng.normal(size=2 * n * n))
    N2 = n * n
    r53 = ops["L53"] @ u
    r54 = ops["L54"] @ u
    psi1 = u[N2:]
    odd = (r53[N2:] - ops["swap"] @ r53[N2:]) / 2
    odd_formula = (ops["T2"] - ops["T1"]) @ psi1 / 2
    even = ops["P"] @ r53
    sc = np.linalg.norm(r53)
    return {"odd_norm": float(np.linalg.norm(odd) / sc),
            "odd_vs_formula": float(np.linalg.norm(odd - odd_formula) / sc),
            "even_vs_54": float(np.linalg.norm(even - r54) / sc),
            "sym_kept_54": float(np.linalg.norm(ops["P"] @ r54 - r54) / sc)}


def invariant_dimension(n: int = 6, *, constant_rho: bool = True, seed: int = 5) -> dict[str, int]:
    """Dimension of the largest subspace of symmetric states (psi2, psi1) that the rows 1-2 of (53)
    keep symmetric for all t (i.e. the states obeying all three rows of (53)), against the full
    symmetric dimension and the count expected from the odd part c(|k2| - |k1|) psi1_hat / 2:
    2 x #{unordered lattice pairs (k1, k2) with |k1| = |k2|} (constant rho)."""
    from scipy.linalg import orth

    ops = lattice_operators(n, rho=np.ones(n) if constant_rho else None, seed=seed)
    L, P = ops["L53"], ops["P"]
    V = orth(P)
    full = V.shape[1]
    tol = 1e-10 * np.linalg.norm(L, 2)  # absolute: M may vanish identically at the fixed point
    while V.shape[1]:
        M = (np.eye(L.shape[0]) - V @ V.T) @ L @ V
        _, sv, vh = np.linalg.svd(M)
        keep = vh[np.concatenate([sv, np.zeros(vh.shape[0] - sv.size)]) < tol].T
        if keep.shape[1] == V.shape[1]:
            break
        V = orth(V @ keep) if keep.shape[1] else V[:, :0]
    kk = np.round(np.abs(np.fft.fftfreq(n) * n)).astype(int)
    pairs = {tuple(sorted((a, b))) for a in range(n) for b in range(n) if kk[a] == kk[b]}
    return {"invariant": int(V.shape[1]), "symmetric": int(full), "expected": 2 * len(pairs)}
