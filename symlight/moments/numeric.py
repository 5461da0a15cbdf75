"""Batched numerics for linear moment systems Ṡ = M S + b: P parameter sets at once.

Arrays: M (P, n, n), b (P, n), vectors (P, n), time grids (T,). Steady state S_ss = −M⁻¹ b
(seed 002_796c9b23bedf2618.txt, Eq. (16)); transients and regression vectors through e^{Mτ}
(Eq. (18)), by a batched eigendecomposition where the eigenvectors are well conditioned and by
scipy's matrix exponential elsewhere (defective or nearly defective M, e.g. identical atoms).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import scipy.linalg

from symlight.errors import InputError, ModelError, describe

#: smallest singular value / largest below which M counts as singular.
SINGULAR_RCOND = 1e-11
#: eigenvector condition number above which e^{Mτ} falls back to scipy.linalg.expm.
EIG_COND_LIMIT = 1e4


class SingularSystemError(ModelError):
    """M is singular for some parameter sets: the steady state is not unique (``indices`` tells which)."""

    def __init__(self, message: str, indices: np.ndarray, null_vectors: np.ndarray) -> None:
        super().__init__(message)
        self.indices = indices
        self.null_vectors = null_vectors


def batch_params(params: Mapping[str, Any], names: Sequence[str]) -> tuple[dict[str, np.ndarray], int, bool]:
    """Broadcast ``params`` (numbers or 1-D arrays of one length P) to arrays of shape (P,).

    Returns (arrays, P, batched). InputError for a missing name, a non-numeric value, a 2-D
    array or arrays of unequal lengths.
    """
    missing = [n for n in names if n not in params]
    if missing:
        raise InputError(f"parameters {missing} are missing; this model needs {list(names)}")
    unknown = [k for k in params if k not in names]
    if unknown:
        raise InputError(f"unknown parameters {unknown}; this model takes {list(names)}")
    lengths = {}
    arrays = {}
    for name in names:
        value = params[name]
        try:
            arr = np.asarray(value, dtype=complex)
        except (TypeError, ValueError) as exc:
            raise InputError(f"parameter {name} = {describe(value)} is not a number or 1-D array "
                             "of numbers") from exc
        if arr.ndim > 1:
            raise InputError(f"parameter {name} has shape {arr.shape}; give a number or a 1-D "
                             "array (one value per parameter set)")
        if not np.all(np.isfinite(arr)):
            raise InputError(f"parameter {name} contains non-finite values")
        if arr.ndim == 1:
            lengths[name] = arr.shape[0]
        arrays[name] = arr
    if len(set(lengths.values())) > 1:
        raise InputError(f"parameter batches have unequal lengths {lengths}; every 1-D array must "
                         "have the same length P (one entry per parameter set)")
    batched = bool(lengths)
    P = next(iter(lengths.values())) if lengths else 1
    if batched and P == 0:
        raise InputError("parameter batches are empty (length 0)")
    return {k: np.broadcast_to(v, (P,)).copy() for k, v in arrays.items()}, P, batched


def singular_sets(M: np.ndarray, rcond: float = SINGULAR_RCOND) -> tuple[np.ndarray, np.ndarray]:
    """Indices p where M[p] is numerically singular, and one null vector for each."""
    s = np.linalg.svd(M, compute_uv=False)
    ratio = s[:, -1] / np.maximum(s[:, 0], 1e-300)
    bad = np.nonzero(ratio < rcond)[0]
    nulls = np.zeros((bad.size, M.shape[-1]), dtype=complex)
    for k, p in enumerate(bad):
        _, _, vh = np.linalg.svd(M[p])
        nulls[k] = np.conj(vh[-1])
    return bad, nulls


def steady_state(M: np.ndarray, b: np.ndarray, *, check: bool = True) -> np.ndarray:
    """S_ss = −M⁻¹ b for each parameter set; SingularSystemError where M is singular."""
    M = np.asarray(M, dtype=complex)
    b = np.asarray(b, dtype=complex)
    if check:
        bad, nulls = singular_sets(M)
        if bad.size:
            raise SingularSystemError(
                f"M is singular for parameter set(s) {bad.tolist()[:10]}: the stationary state is not "
                "unique (a conserved or decoupled part of the dynamics; the null vector of M shows "
                "which moments it involves)", bad, nulls)
    return -np.linalg.solve(M, b[..., None])[..., 0]


def steady_state_limit(build: Callable[[float], tuple[np.ndarray, np.ndarray]],
                       eps: float = 1e-4) -> tuple[np.ndarray, float]:
    """lim_{ε→0} S_ss(ε) by Richardson extrapolation of S_ss at ε, ε/2 (error O(ε²)).

    ``build(ε)`` returns (M, b) at distance ε from the singular point. Also returns an error
    estimate (difference between the first- and second-order extrapolants).
    """
    s1 = steady_state(*build(eps))
    s2 = steady_state(*build(eps / 2))
    s4 = steady_state(*build(eps / 4))
    r1 = 2 * s2 - s1
    r2 = 2 * s4 - s2
    r = (4 * r2 - r1) / 3
    return r, float(np.max(np.abs(r - r2)))


def propagate(M: np.ndarray, x0: np.ndarray, taus: Any) -> np.ndarray:
    """e^{M τ} x0 for each set p and each τ: result (P, T, n)."""
    return propagate_many(M, np.asarray(x0)[:, None, :], taus)[:, 0]


def propagate_many(M: np.ndarray, x0: np.ndarray, taus: Any) -> np.ndarray:
    """e^{M τ} x0[p, k] for K initial vectors per set (x0: (P, K, n)): result (P, K, T, n).

    One batched eigendecomposition serves all K vectors and all τ; sets whose eigenvector matrix
    has condition number above ``EIG_COND_LIMIT`` use scipy.linalg.expm instead.
    """
    M = np.asarray(M, dtype=complex)
    x0 = np.asarray(x0, dtype=complex)
    taus = np.asarray(taus, dtype=float).reshape(-1)
    P, n, _ = M.shape
    K = x0.shape[1]
    out = np.empty((P, K, taus.size, n), dtype=complex)
    w, V = np.linalg.eig(M)
    cond = np.linalg.cond(V)
    good = np.isfinite(cond) & (cond < EIG_COND_LIMIT)
    if np.any(good):
        Vg = V[good]
        coef = np.linalg.solve(Vg[:, None], x0[good][..., None])[..., 0]  # (Pg, K, n)
        phases = np.exp(w[good][:, None, :] * taus[None, :, None])  # (Pg, T, n)
        tmp = coef[:, :, None, :] * phases[:, None, :, :]  # (Pg, K, T, n)
        out[good] = np.matmul(tmp, np.swapaxes(Vg, -1, -2)[:, None])
    for p in np.nonzero(~good)[0]:
        mats = scipy.linalg.expm(M[p][None] * taus[:, None, None])  # (T, n, n)
        out[p] = np.einsum("tij,kj->kti", mats, x0[p])
    return out


def regression_many(M: np.ndarray, sss: np.ndarray, x0: np.ndarray, c: np.ndarray,
                    taus: Any) -> np.ndarray:
    """K regression vectors at once: x0 (P, K, n), c (P, K) -> (P, K, T, n)."""
    cs = np.asarray(c, dtype=complex)[..., None] * sss[:, None, :]  # (P, K, n)
    return propagate_many(M, x0 - cs, taus) + cs[:, :, None, :]


def transient(M: np.ndarray, b: np.ndarray, s0: np.ndarray, times: Any) -> np.ndarray:
    """S(t) = e^{Mt}(S0 − S_ss) + S_ss, shape (P, T, n)."""
    sss = steady_state(M, b)
    return propagate(M, np.asarray(s0) - sss, times) + sss[:, None, :]


def regression(M: np.ndarray, sss: np.ndarray, x0: np.ndarray, c: np.ndarray, taus: Any) -> np.ndarray:
    """X(τ) = e^{Mτ}[X(0) − c S_ss] + c S_ss (seed 002 Eq. (18)), shape (P, T, n); c = ⟨AC⟩_ss (P,)."""
    c = np.asarray(c, dtype=complex)[:, None]
    return propagate(M, x0 - c * sss, taus) + (c * sss)[:, None, :]
