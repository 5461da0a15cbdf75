"""Independent reference: the full Liouvillian on density matrices (NumPy only, no moment algebra).

Used as evidence for the moment equations: L ρ = −i[H, ρ] + Σ_kl R_kl (J_l ρ J_k† − ½{J_k† J_l, ρ})
on d×d matrices (d = 2^N for N two-level atoms, basis |g⟩, |e⟩ per site, site 1 leftmost);
stationary states from the null space of L; two-time correlations
⟨A(0) B(τ) C(0)⟩ = Tr[B e^{Lτ}(C ρ_ss A)] (quantum regression in its density-matrix form).
"""

from __future__ import annotations

from functools import reduce

import numpy as np
import scipy.linalg

SIGMA_PLUS = np.array([[0.0, 0.0], [1.0, 0.0]])  # |e><g| in the basis (|g>, |e>)


def site_operator(local: np.ndarray, site: int, n_sites: int) -> np.ndarray:
    """``local`` (2×2) acting on ``site`` (1-based) of ``n_sites`` two-level atoms."""
    factors = [np.eye(2)] * n_sites
    factors[site - 1] = local
    return reduce(np.kron, factors)


def lowering(site: int, n_sites: int) -> np.ndarray:
    return site_operator(SIGMA_PLUS.T, site, n_sites)


def raising(site: int, n_sites: int) -> np.ndarray:
    return site_operator(SIGMA_PLUS, site, n_sites)


def liouvillian(H: np.ndarray, jumps: list[np.ndarray], rates: np.ndarray) -> np.ndarray:
    """Superoperator L (d²×d²) acting on row-major vec(ρ): vec(AρB) = (A ⊗ Bᵀ) vec(ρ)."""
    d = H.shape[0]
    eye = np.eye(d)
    L = -1j * (np.kron(H, eye) - np.kron(eye, H.T))
    for k, jk in enumerate(jumps):
        for l, jl in enumerate(jumps):
            r = rates[k, l]
            if r == 0:
                continue
            jkd = jk.conj().T
            L += r * (np.kron(jl, jkd.T) - 0.5 * np.kron(jkd @ jl, eye) - 0.5 * np.kron(eye, (jkd @ jl).T))
    return L


def stationary_state(L: np.ndarray) -> np.ndarray:
    """ρ_ss from the null space of L (unique when the smallest singular value is isolated)."""
    d = int(round(np.sqrt(L.shape[0])))
    _, s, vh = np.linalg.svd(L)
    rho = np.conj(vh[-1]).reshape(d, d)
    rho = rho / np.trace(rho)
    return 0.5 * (rho + rho.conj().T)


def expect(rho: np.ndarray, op: np.ndarray) -> complex:
    return complex(np.trace(rho @ op))


def correlation(L: np.ndarray, rho: np.ndarray, A: np.ndarray, B: np.ndarray, C: np.ndarray,
                taus: np.ndarray) -> np.ndarray:
    """⟨A(0) B(τ) C(0)⟩ = Tr[B e^{Lτ}(C ρ A)] for each τ."""
    d = rho.shape[0]
    x = (C @ rho @ A).reshape(-1)
    out = np.empty(len(taus), dtype=complex)
    for k, tau in enumerate(taus):
        y = (scipy.linalg.expm(L * tau) @ x).reshape(d, d)
        out[k] = np.trace(B @ y)
    return out
