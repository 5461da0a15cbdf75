"""Coupled-dipole (3M x 3M) Green matrix and collective T-matrix of M point dipoles.

Seed 003_7c2b7fccf0028dca.txt, Appendix A Eqs. (A2)–(A3) and Appendix B Eq. (B6):

    {T_mm'} = t ({1 δ_mm' - t G0(r_m - r_m' ≠ 0)})^{-1},

with G0 evaluated at k0 (frequency dependence neglected over the line, as in Appendix B).  The
matrix is assembled fully vectorised from the generated kernel of ``dyadic`` (lambdify of the
symbolic (B2)); the diagonal 3x3 blocks are zero (the self term -1/t is carried by t).
Overlapping dipoles (zero distance) raise InputError.
"""

from __future__ import annotations

import numpy as np

from symlight.errors import InputError
from symlight.greens.dyadic import _pq_kernel


def _check_positions(positions: np.ndarray) -> np.ndarray:
    pos = np.asarray(positions, dtype=float)
    if pos.ndim != 2 or pos.shape[1] != 3:
        raise InputError(f"dipole positions must be an array of shape (M, 3), got {pos.shape}")
    if not np.all(np.isfinite(pos)):
        raise InputError("dipole positions contain non-finite values")
    return pos


def green_matrix(positions: np.ndarray, k0: float = 1.0, *, scale: float = 1.0,
                 dtype=np.complex128) -> np.ndarray:
    """The 3M x 3M matrix scale * G0(k0, r_m - r_m') (zero 3x3 diagonal blocks), row index 3m+i.

    Raises InputError if two dipoles coincide (the off-diagonal block would be the singular
    contact term).
    """
    pos = _check_positions(positions)
    m = pos.shape[0]
    d = pos[:, None, :] - pos[None, :, :]
    rr = np.sqrt(np.einsum("abi,abi->ab", d, d))
    np.fill_diagonal(rr, 1.0)
    if np.any(rr == 0.0):
        i, j = np.argwhere(rr == 0.0)[0]
        raise InputError(f"dipoles {i} and {j} overlap (zero distance at {pos[i].tolist()}); "
                         "point dipoles must sit at distinct positions")
    gp, gq = _pq_kernel()(k0 * rr)
    gp = np.asarray(gp) * (k0 * scale)
    gq = np.asarray(gq) * (k0 * scale)
    np.fill_diagonal(gp, 0.0)
    np.fill_diagonal(gq, 0.0)
    d /= rr[..., None]
    diff = gq - gp
    out = np.empty((m, 3, m, 3), dtype=dtype)
    for i in range(3):
        for j in range(i, 3):
            blk = diff * (d[..., i] * d[..., j])
            if i == j:
                blk += gp
            out[:, i, :, j] = blk
            if j != i:
                out[:, j, :, i] = blk
    return out.reshape(3 * m, 3 * m)


def green_matrix_loop(positions: np.ndarray, k0: float = 1.0) -> np.ndarray:
    """Reference assembly block by block with ``dyadic.green_tensor`` (slow; for tests only)."""
    from symlight.greens.dyadic import green_tensor

    pos = _check_positions(positions)
    m = pos.shape[0]
    out = np.zeros((3 * m, 3 * m), dtype=complex)
    for a in range(m):
        for b in range(m):
            if a != b:
                out[3 * a:3 * a + 3, 3 * b:3 * b + 3] = green_tensor(pos[a] - pos[b], k0)
    return out


def collective_tmatrix(positions: np.ndarray, t: complex, k0: float = 1.0) -> np.ndarray:
    """{T_mm'} = t (1 - t G0')^{-1} of Eq. (A3) at one frequency (direct solve)."""
    g = green_matrix(positions, k0)
    n = g.shape[0]
    return t * np.linalg.solve(np.eye(n) - t * g, np.eye(n))


def pair_diagonal_exact(r: float, t: complex, k0: float = 1.0) -> np.ndarray:
    """Closed form T_11 = t (1 - t^2 G0(r)^2)^{-1} for two dipoles, on (Δ_r, Δ_r, r̂r̂) eigenvalues."""
    from symlight.greens.dyadic import green_eigen

    gp, gq = green_eigen(k0 * r, k0)
    return np.array([t / (1 - t**2 * gp**2), t / (1 - t**2 * gp**2), t / (1 - t**2 * gq**2)])
