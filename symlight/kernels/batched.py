"""Batched linear solvers for moment systems dS/dt = M S + b (P systems at once, NumPy only).

* :func:`steady_state` — S_ss = -M⁻¹ b by one batched LU solve (seed 002_796c9b23bedf2618.txt,
  Eq. (16)).
* :func:`propagate` — W·exp(Mτ)·d on a τ grid for many initial vectors d, by ONE
  eigendecomposition per system; when the eigenvector matrix is ill-conditioned (M defective or
  nearly so) that system falls back to a scaling-and-squaring Padé exponential (stepping
  exp(M h) on uniform grids), and the result says which systems did (``method``, ``notes``).
* :func:`regression` — the quantum-regression vectors X^{ij}(τ) of Eq. (18), written as
  X(τ) = c·S_ss + exp(Mτ)(X(0) − c·S_ss) with c = ⟨σᵢ⁺σⱼ⁻⟩_ss (because M⁻¹b = −S_ss).
* :func:`g2` — a normalised second-order correlation Σ_r w_r·X_r(τ) / (S_ssᵀ Q S_ss), the form
  of Eqs. (12) and (15); :class:`RegressionSpec` holds the constant maps that define it.

This module imports only NumPy so that standalone generated modules can carry it verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: eigenvector matrices with a larger 2-norm condition number trigger the expm fallback
COND_MAX = 1e7
_CHUNK = 128


class BatchedSolveError(ValueError):
    """A batch contains a system that cannot be solved (singular M, bad shapes)."""


def _as_batch(M: np.ndarray, b: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray | None]:
    M = np.asarray(M)
    if M.ndim < 2 or M.shape[-1] != M.shape[-2]:
        raise BatchedSolveError(f"M must have shape (..., n, n), got {M.shape}")
    if b is not None:
        b = np.asarray(b)
        if b.shape[-1] != M.shape[-1]:
            raise BatchedSolveError(f"b must have shape (..., {M.shape[-1]}), got {b.shape}")
    return M, b


def steady_state(M: np.ndarray, b: np.ndarray) -> np.ndarray:
    """S_ss = −M⁻¹ b for every system of the batch (Eq. (16)); shape (..., n)."""
    M, b = _as_batch(M, b)
    try:
        s = -np.linalg.solve(M, b[..., None])[..., 0]
    except np.linalg.LinAlgError as exc:
        raise BatchedSolveError(f"a moment matrix of the batch is singular: {exc}") from exc
    bad = ~np.isfinite(s).all(axis=-1)
    if np.any(bad):
        idx = np.argwhere(bad)[:5].tolist()
        raise BatchedSolveError(f"steady state not finite for batch entries {idx} (singular M?)")
    return s


_PADE13 = (64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0,
           129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0,
           40840800.0, 960960.0, 16380.0, 182.0, 1.0)


def expm(A: np.ndarray) -> np.ndarray:
    """Matrix exponential of one (n, n) matrix: Padé(13) with scaling and squaring (Higham 2005)."""
    A = np.asarray(A)
    n = A.shape[-1]
    norm = np.abs(A).sum(axis=0).max() if A.size else 0.0
    s = max(0, int(np.ceil(np.log2(norm / 5.371920351148152)))) if norm > 0 else 0
    A = A / 2.0 ** s
    b = _PADE13
    ident = np.eye(n, dtype=A.dtype)
    A2 = A @ A
    A4 = A2 @ A2
    A6 = A4 @ A2
    U = A @ (A6 @ (b[13] * A6 + b[11] * A4 + b[9] * A2) + b[7] * A6 + b[5] * A4 + b[3] * A2
             + b[1] * ident)
    V = A6 @ (b[12] * A6 + b[10] * A4 + b[8] * A2) + b[6] * A6 + b[4] * A4 + b[2] * A2 + b[0] * ident
    R = np.linalg.solve(V - U, V + U)
    for _ in range(s):
        R = R @ R
    return R


def _uniform(taus: np.ndarray) -> bool:
    if taus.size < 3:
        return False
    d = np.diff(taus)
    return bool(np.all(np.abs(d - d[0]) <= 1e-12 * max(abs(d[0]), 1e-300) + 1e-14 * np.abs(taus[1:])))


def _expm_path(M: np.ndarray, D: np.ndarray, taus: np.ndarray) -> np.ndarray:
    """exp(M τ_t) D for one system: D (n, R) -> (T, n, R)."""
    out = np.empty((taus.size,) + D.shape, dtype=np.result_type(M, D, complex))
    if _uniform(taus):
        step = expm(M * (taus[1] - taus[0]))
        cur = expm(M * taus[0]) @ D
        for t in range(taus.size):
            out[t] = cur
            cur = step @ cur
    else:
        for t, tau in enumerate(taus):
            out[t] = expm(M * tau) @ D
    return out


@dataclass
class Propagated:
    """Result of :func:`propagate`: ``values`` and, per system, the method used.

    ``method[p]`` is ``"eig"`` (one eigendecomposition) or ``"expm"`` (fallback for a defective
    or ill-conditioned M); ``condition[p]`` is the 2-norm condition number of the eigenvector
    matrix; ``notes`` says in words which systems fell back and why.
    """

    values: np.ndarray
    method: np.ndarray
    condition: np.ndarray
    notes: list[str] = field(default_factory=list)

    @property
    def fallbacks(self) -> int:
        return int(np.sum(self.method != "eig"))


def _grid_factors(lam: np.ndarray, taus: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """On a uniform grid τ_t = τ₀ + t h (t = jK + k, K ≈ √T): exp(λτ_t) = big[j]·small[k] with
    big = exp(λ(τ₀ + jKh)), small = exp(λkh) — ~2√T exponentials instead of T, each product
    within a few ulp of the direct exponential. None when the grid is not uniform."""
    T = taus.size
    if not _uniform(taus):
        return None
    h = (taus[-1] - taus[0]) / (T - 1)
    K = int(np.ceil(np.sqrt(T)))
    J = -(-T // K)
    small = np.exp(lam[:, None, :] * (h * np.arange(K))[None, :, None])              # (P, K, n)
    big = np.exp(lam[:, None, :] * (taus[0] + h * K * np.arange(J))[None, :, None])  # (P, J, n)
    return big, small


def _exp_grid(lam: np.ndarray, taus: np.ndarray) -> np.ndarray:
    """exp(λ_m τ_t) as (P, T, n)."""
    f = _grid_factors(lam, taus)
    if f is None:
        return np.exp(lam[:, None, :] * taus[None, :, None])
    big, small = f
    E = (big[:, :, None, :] * small[:, None, :, :]).reshape(lam.shape[0], -1, lam.shape[1])
    return E[:, :taus.size]


def _project_grid(lam: np.ndarray, alpha: np.ndarray, taus: np.ndarray) -> np.ndarray:
    """Σ_m α_m exp(λ_m τ_t) as (P, T) without materialising the (P, T, n) exponentials."""
    f = _grid_factors(lam, taus)
    if f is None:
        return np.einsum("ptm,pm->pt", np.exp(lam[:, None, :] * taus[None, :, None]), alpha)
    big, small = f
    out = np.einsum("pjm,pkm->pjk", big * alpha[:, None, :], small)
    return out.reshape(lam.shape[0], -1)[:, :taus.size]


def _real_transform(perm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """U with U S real when S[perm] = conj(S), and U⁻¹ (pairs -> (Re, Im) coordinates)."""
    n = perm.size
    U = np.zeros((n, n), dtype=complex)
    done = np.zeros(n, dtype=bool)
    for k in range(n):
        if done[k]:
            continue
        q = int(perm[k])
        if q == k:
            U[k, k] = 1.0
        else:
            U[k, k], U[k, q] = 0.5, 0.5
            U[q, k], U[q, q] = -0.5j, 0.5j
            done[q] = True
        done[k] = True
    return U, np.linalg.inv(U)


def _propagate_core(M, D, taus, C=None, cond_max=COND_MAX, conj_perm=None):
    """Core of :func:`propagate`; returns (values, method, condition, notes)."""
    M, _ = _as_batch(M)
    D = np.asarray(D)
    taus = np.asarray(taus, dtype=float)
    if taus.ndim != 1:
        raise BatchedSolveError(f"taus must be one-dimensional, got shape {taus.shape}")
    P, n = M.shape[0], M.shape[-1]
    if D.shape[0] != P or D.shape[-1] != n or D.ndim != 3:
        raise BatchedSolveError(f"D must have shape ({P}, R, {n}), got {D.shape}")
    R, T = D.shape[1], taus.size
    if C is not None:
        C = np.broadcast_to(np.asarray(C), (P, R, n))
        values = np.empty((P, T), dtype=complex)
    else:
        values = np.empty((P, T, R, n), dtype=complex)
    method = np.full(P, "eig", dtype="<U4")
    condition = np.full(P, np.inf)
    transform = None
    if conj_perm is not None and np.iscomplexobj(M):
        perm = np.asarray(conj_perm)
        scale = np.abs(M).max(axis=(1, 2)) + 1e-300
        mismatch = np.abs(M[:, perm][:, :, perm] - M.conj()).max(axis=(1, 2)) / scale
        if np.all(mismatch <= 1e-12):
            transform = _real_transform(perm)
    for lo in range(0, P, _CHUNK):
        hi = min(P, lo + _CHUNK)
        Mc, Dc = M[lo:hi], D[lo:hi]
        Cc = C[lo:hi] if C is not None else None
        if transform is not None:
            U, Ui = transform
            Mc = np.real(U @ Mc @ Ui)
            Dc = np.einsum("prn,kn->prk", Dc, U)   # d -> U d
            if Cc is not None:
                Cc = np.einsum("prn,nk->prk", Cc, Ui)  # c·d = (c U⁻¹)(U d)
        try:
            lam, V = np.linalg.eig(Mc)
            Vi = np.linalg.inv(V)
            cond = np.abs(V).sum(axis=1).max(axis=1) * np.abs(Vi).sum(axis=1).max(axis=1)
            cond = np.where(np.isfinite(cond), cond, np.inf)
        except np.linalg.LinAlgError:
            lam = V = Vi = None
            cond = np.full(hi - lo, np.inf)
        condition[lo:hi] = cond
        good = cond <= cond_max
        if np.any(good):
            g = np.nonzero(good)[0]
            Vg = V[g]
            # einsum, not batched matmul: BLAS threading on tiny batched products is slow
            Y = np.einsum("gnm,grm->gnr", Vi[g], Dc[g])                    # (g, n, R)
            if Cc is not None:
                CV = np.einsum("grn,gnm->grm", Cc[g], Vg)                 # (g, R, n)
                alpha = np.einsum("grm,gmr->gm", CV, Y)                   # (g, n)
                values[lo + g] = _project_grid(lam[g], alpha, taus)
            else:
                E = _exp_grid(lam[g], taus)                               # (g, T, n)
                vals = np.einsum("gnm,gtm,gmr->gtrn", Vg, E, Y, optimize=True)
                if transform is not None:
                    vals = np.einsum("gtrk,nk->gtrn", vals, transform[1])  # S = U⁻¹ x
                values[lo + g] = vals
        for k in np.nonzero(~good)[0]:
            p = lo + k
            method[p] = "expm"
            X = _expm_path(M[p], D[p].T, taus)                            # (T, n, R)
            if C is not None:
                values[p] = np.einsum("rn,tnr->t", C[p], X)
            else:
                values[p] = np.swapaxes(X, 1, 2)
    notes = []
    nf = int(np.sum(method != "eig"))
    if nf:
        worst = np.argsort(-condition)[: min(nf, 5)].tolist()
        notes.append(f"{nf} of {P} systems have an ill-conditioned or defective M (eigenvector "
                     f"condition > {cond_max:.0e}, e.g. systems {worst}); they were propagated "
                     "with the scaling-and-squaring matrix exponential instead of eig")
    if conj_perm is not None and transform is None and np.iscomplexobj(M):
        notes.append("M lacks the conjugation symmetry given by conj_perm; complex eig was used")
    return values, method, condition, notes


def propagate(M: np.ndarray, D: np.ndarray, taus: np.ndarray, C: np.ndarray | None = None,
              cond_max: float = COND_MAX, conj_perm: np.ndarray | None = None) -> Propagated:
    """Evaluate exp(M τ) d_r on the grid ``taus`` for a batch of systems.

    ``M``: (P, n, n); ``D``: (P, R, n) initial vectors d_r. With ``C`` (R, n) (or (P, R, n))
    the result is the scalar Σ_r C_r·exp(Mτ)d_r, shape (P, T); without, the full vectors,
    shape (P, T, R, n). One eigendecomposition M = V Λ V⁻¹ per system; systems whose
    eigenvector condition number ‖V‖₁‖V⁻¹‖₁ exceeds ``cond_max`` (M defective or nearly so)
    or whose eig fails use :func:`expm` instead.

    ``conj_perm`` (optional): a permutation π with M[π][:, π] = conj(M) (moment vectors closed
    under S_k* = S_π(k)); then M is similar to a real matrix and the cheaper real eigensolver is
    used. Systems that do not have this symmetry (to 1e-12) are solved in complex arithmetic.
    """
    values, method, condition, notes = _propagate_core(M, D, taus, C, cond_max, conj_perm)
    return Propagated(values, method, condition, notes)


def regression(M: np.ndarray, s: np.ndarray, x0: np.ndarray, c: np.ndarray, taus: np.ndarray,
               cond_max: float = COND_MAX, conj_perm: np.ndarray | None = None) -> Propagated:
    """Quantum-regression vectors of Eq. (18): X(τ) = c·S_ss + exp(Mτ)(X(0) − c·S_ss).

    ``M`` (P, n, n), ``s`` = S_ss (P, n), ``x0`` = X(0) (P, n), ``c`` = ⟨σᵢ⁺σⱼ⁻⟩_ss (P,).
    Returns ``values`` of shape (P, T, n).
    """
    s, x0 = np.asarray(s), np.asarray(x0)
    c = np.asarray(c)[..., None]
    res = propagate(M, (x0 - c * s)[:, None, :], taus, cond_max=cond_max, conj_perm=conj_perm)
    res.values = res.values[:, :, 0, :] + (c * s)[:, None, :]
    return res


@dataclass(frozen=True)
class RegressionSpec:
    """Constant maps that define a g2 estimator Σ_r w_r·X_r(τ) / (S_ssᵀ Q S_ss).

    For each term r: the initial vector X_r(0) = a0[r] + A[r] @ S_ss (⟨σᵢ⁺ S σⱼ⁻⟩_ss in terms of
    the steady state), the scalar c_r = cvec[r] @ S_ss (⟨σᵢ⁺σⱼ⁻⟩_ss) and the projection w[r]
    (which component of X_r enters the numerator). ``Q`` is the denominator's quadratic form.
    """

    A: np.ndarray       # (R, n, n)
    a0: np.ndarray      # (R, n)
    cvec: np.ndarray    # (R, n)
    w: np.ndarray       # (R, n)
    Q: np.ndarray       # (n, n)
    labels: tuple[str, ...] = ()
    conj_perm: np.ndarray | None = None   # S_k* = S_perm[k] (enables the real eigensolver)


@dataclass
class G2Result:
    """g2(τ) per system: ``values`` (P, T) real, plus numerator/denominator and diagnostics."""

    values: np.ndarray
    numerator: np.ndarray
    denominator: np.ndarray
    steady_state: np.ndarray
    method: np.ndarray
    condition: np.ndarray
    notes: list[str]
    imag_residual: float

    @property
    def fallbacks(self) -> int:
        """How many systems needed the expm fallback (see ``notes``)."""
        return int(np.sum(self.method != "eig"))


def _g2_core(M, b, A, a0, cvec, w, Q, conj_perm, taus, cond_max=COND_MAX):
    """Core of :func:`g2`: (values, numerator, denominator, S_ss, method, condition, notes)."""
    M, b = _as_batch(M, b)
    s = steady_state(M, b)                                             # (P, n)
    return _g2_from_state(M, s, A, a0, cvec, w, Q, conj_perm, taus, cond_max)


def _g2_from_state(M, s, A, a0, cvec, w, Q, conj_perm, taus, cond_max=COND_MAX):
    """:func:`_g2_core` for a given steady state ``s`` (P, n)."""
    x0 = a0[None] + np.einsum("rkl,pl->prk", A, s)                     # (P, R, n)
    c = np.einsum("rn,pn->pr", cvec, s)                                # (P, R)
    D = x0 - c[:, :, None] * s[:, None, :]
    const = np.einsum("pr,rn,pn->p", c, w, s)
    vals, method, condition, notes = _propagate_core(M, D, taus, w, cond_max, conj_perm)
    num = vals + const[:, None]
    den = np.einsum("pk,kl,pl->p", s, Q, s)
    return num / den[:, None], num, den, s, method, condition, notes


def g2(M: np.ndarray, b: np.ndarray, spec: RegressionSpec, taus: np.ndarray,
       cond_max: float = COND_MAX) -> G2Result:
    """Normalised correlation of the form of Eqs. (12)/(15) for a batch of systems.

    Numerator Σ_r w_r·X_r(τ), X_r from Eq. (18); denominator S_ssᵀ Q S_ss. One steady-state
    solve and one eigendecomposition per system.
    """
    vals, num, den, s, method, condition, notes = _g2_core(
        M, b, spec.A, spec.a0, spec.cvec, spec.w, spec.Q, spec.conj_perm, taus, cond_max)
    return _g2_result(vals, num, den, s, method, condition, notes)


def g2_given_state(M: np.ndarray, s: np.ndarray, spec: RegressionSpec, taus: np.ndarray,
                   cond_max: float = COND_MAX) -> G2Result:
    """:func:`g2` when the steady state S_ss (P, n) is already known (e.g. a regularised limit)."""
    M, _ = _as_batch(M)
    vals, num, den, s, method, condition, notes = _g2_from_state(
        M, np.asarray(s), spec.A, spec.a0, spec.cvec, spec.w, spec.Q, spec.conj_perm, taus, cond_max)
    return _g2_result(vals, num, den, s, method, condition, notes)


def _g2_result(vals, num, den, s, method, condition, notes) -> G2Result:
    imag = float(np.max(np.abs(vals.imag))) if vals.size else 0.0
    return G2Result(vals.real.copy(), num, den, s, method, condition, notes, imag)
