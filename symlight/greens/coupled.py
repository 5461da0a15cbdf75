"""Coupled-dipole (3M x 3M) Green matrix and collective T-matrix of M point dipoles.

Seed 003_7c2b7fccf0028dca.txt, Appendix A Eqs. (A2)–(A3) and Appendix B Eq. (B6):

    {T_mm'} = t ({1 δ_mm' - t G0(r_m - r_m' ≠ 0)})^{-1},

with G0 evaluated at k0 (frequency dependence neglected over the line, as in Appendix B).  The
matrix is assembled fully vectorised from the generated kernel of ``dyadic`` (lambdify of the
symbolic (B2)); the diagonal 3x3 blocks are zero (the self term -1/t is carried by t).
Overlapping dipoles (zero distance) raise InputError.

Resource bound: a dense 3M x 3M complex matrix takes 144 M^2 bytes and its LAPACK solve or
eigendecomposition a few more copies.  ``max_dipoles`` (default ``default_max_dipoles()``: from the
available memory but never below ``MIN_DEFAULT_CAP`` = 1000 dipoles (0.58 GB with workspace), so a
transient dip of MemAvailable on a shared machine cannot refuse the small ensembles of the claims; or
the environment variable ``SYMLIGHT_MAX_DIPOLES``) refuses larger M with an InputError naming M, the
cap and how to raise it, instead of exhausting memory.
"""

from __future__ import annotations

import os

import numpy as np

from symlight.errors import InputError
from symlight.greens.dyadic import _pq_kernel

#: environment variable overriding the default cap on the number of dipoles
MAX_DIPOLES_ENV = "SYMLIGHT_MAX_DIPOLES"
#: dense copies of the 3M x 3M complex matrix budgeted per run (matrix, LU/eig workspace, vectors)
_COPIES = 4
_BYTES_PER_M2 = 9 * 16  # one complex128 3M x 3M matrix: 144 M^2 bytes
#: floor of the memory-derived default cap (4 copies of the M = 1000 matrix: 0.58 GB)
MIN_DEFAULT_CAP = 1000


def _available_bytes() -> int:
    """MemAvailable from /proc/meminfo (Linux); 8 GiB when it cannot be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 8 * 1024**3


def matrix_bytes(m: int) -> int:
    """Bytes of one dense 3M x 3M complex128 matrix."""
    return _BYTES_PER_M2 * int(m) ** 2


def default_max_dipoles() -> int:
    """Largest M whose matrix and its solver workspace (about 4 dense copies) fit in the available
    memory, at least ``MIN_DEFAULT_CAP``; ``$SYMLIGHT_MAX_DIPOLES`` (a positive integer) overrides it."""
    env = os.environ.get(MAX_DIPOLES_ENV)
    if env:
        try:
            val = int(env)
        except ValueError:
            val = 0
        if val < 1:
            raise InputError(f"{MAX_DIPOLES_ENV}={env!r} must be a positive integer (a number of dipoles)")
        return val
    return max(MIN_DEFAULT_CAP, int(np.sqrt(_available_bytes() / (_COPIES * _BYTES_PER_M2))))


def check_dipole_count(m: int, max_dipoles: int | None = None) -> None:
    """Refuse M > max_dipoles with an InputError that names M, the memory it needs and the cap."""
    cap = default_max_dipoles() if max_dipoles is None else max_dipoles
    if not isinstance(cap, int | np.integer) or cap < 1:
        raise InputError(f"max_dipoles={cap!r} must be a positive integer")
    if m > cap:
        if max_dipoles is not None:
            source = "given"
        elif os.environ.get(MAX_DIPOLES_ENV):
            source = f"from ${MAX_DIPOLES_ENV}"
        else:
            source = f"from {_available_bytes() / 1e9:.1f} GB available memory"
        raise InputError(
            f"M = {m} dipoles requested: the 3M x 3M complex matrix alone needs "
            f"{matrix_bytes(m) / 1e9:.2f} GB (a solve or eigendecomposition about {_COPIES}x that), "
            f"above the cap max_dipoles = {cap} ({source}); pass max_dipoles={m} (or set "
            f"{MAX_DIPOLES_ENV}={m}) to raise it if the machine has the memory")


def _check_positions(positions: np.ndarray) -> np.ndarray:
    pos = np.asarray(positions, dtype=float)
    if pos.ndim != 2 or pos.shape[1] != 3:
        raise InputError(f"dipole positions must be an array of shape (M, 3), got {pos.shape}")
    if not np.all(np.isfinite(pos)):
        raise InputError("dipole positions contain non-finite values")
    return pos


def green_matrix(positions: np.ndarray, k0: float = 1.0, *, scale: float = 1.0,
                 dtype=np.complex128, max_dipoles: int | None = None) -> np.ndarray:
    """The 3M x 3M matrix scale * G0(k0, r_m - r_m') (zero 3x3 diagonal blocks), row index 3m+i.

    Raises InputError if two dipoles coincide (the off-diagonal block would be the singular
    contact term) or if M exceeds ``max_dipoles`` (see ``check_dipole_count``).
    """
    pos = _check_positions(positions)
    m = pos.shape[0]
    check_dipole_count(m, max_dipoles)
    d = pos[:, None, :] - pos[None, :, :]
    rr = np.sqrt(np.einsum("abi,abi->ab", d, d))
    np.fill_diagonal(rr, 1.0)
    if np.any(rr == 0.0):
        i, j = np.argwhere(rr == 0.0)[0]
        raise InputError(f"dipoles {i} and {j} overlap (zero distance at {pos[i].tolist()}); "
                         "point dipoles must sit at distinct positions")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        gp, gq = _pq_kernel()(k0 * rr)
        gp = np.asarray(gp) * (k0 * scale)
        gq = np.asarray(gq) * (k0 * scale)
    np.fill_diagonal(gp, 0.0)
    np.fill_diagonal(gq, 0.0)
    bad = ~(np.isfinite(gp) & np.isfinite(gq))
    if np.any(bad):
        i, j = np.argwhere(bad)[0]
        raise InputError(f"dipoles {i} and {j} nearly overlap (distance {rr[i, j]:.3g}/k0): the near field "
                         "1/r^3 overflows; point dipoles must sit at distinct, resolvable positions")
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


def collective_tmatrix(positions: np.ndarray, t: complex, k0: float = 1.0, *,
                       max_dipoles: int | None = None) -> np.ndarray:
    """{T_mm'} = t (1 - t G0')^{-1} of Eq. (A3) at one frequency (direct solve)."""
    g = green_matrix(positions, k0, max_dipoles=max_dipoles)
    n = g.shape[0]
    return t * np.linalg.solve(np.eye(n) - t * g, np.eye(n))


def pair_diagonal_exact(r: float, t: complex, k0: float = 1.0) -> np.ndarray:
    """Closed form T_11 = t (1 - t^2 G0(r)^2)^{-1} for two dipoles, on (Δ_r, Δ_r, r̂r̂) eigenvalues."""
    from symlight.greens.dyadic import green_eigen

    gp, gq = green_eigen(k0 * r, k0)
    return np.array([t / (1 - t**2 * gp**2), t / (1 - t**2 * gp**2), t / (1 - t**2 * gq**2)])
