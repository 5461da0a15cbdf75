"""The driven dipole pair of seed 002_796c9b23bedf2618.txt on its 4×4 representation.

Independent twin of the moment model (used by the kernels' tests, the benchmark and the g2
estimator): the 15 operators S₁…S₁₅ of Appendix B, in the paper's order, as 4×4 matrices
(two-level atoms, |e⟩ = (1, 0)), together with the identity, form a basis of all 4×4 matrices.
Hence

* the adjoint master equation of Eq. (40) (units Γ = γ₁₁ = γ₂₂ = 1, rotating frame,
  H = −Δ₁σ₁⁺σ₁⁻ − Δ₂σ₂⁺σ₂⁻ + g₁₂(σ₁⁺σ₂⁻ + σ₂⁺σ₁⁻) − ½Σᵢ(Ωᵢσᵢ⁺ + Ωᵢ*σᵢ⁻), the sign
  conventions of the printed Eqs. (48)–(62)) maps each S_k to b_k·1 + Σ_l M_kl S_l exactly:
  :func:`linear_system` derives M and b symbolically by decomposing L†(S_k) in that basis;
* the initial regression vectors ⟨σᵢ⁺ S_k σⱼ⁻⟩_ss of Appendix C are decompositions of the
  operator products σᵢ⁺ S_k σⱼ⁻ in the same basis (:func:`g2_spec`), not typed in from the
  tables;
* Eq. (12) numerator: X^{12}_8 + X^{21}_7 + X^{22}_5 + X^{11}_6; Eq. (15) denominator:
  S₅S₆ + S₆S₅ + S₇S₈ + S₈S₇, all in steady state (single-time averages do not depend on t).
"""

from __future__ import annotations

import functools

import numpy as np
import sympy as sp

from symlight.kernels.batched import RegressionSpec

PARAMETER_NAMES = ("Omega1", "Omega2", "Delta1", "Delta2", "g12", "gamma12")


def parameters() -> tuple[sp.Symbol, ...]:
    """Ω₁, Ω₂ (complex), Δ₁, Δ₂, g₁₂, γ₁₂ (real), named as in docs/design.md."""
    O1, O2 = sp.symbols("Omega1 Omega2")
    D1, D2, g, gam = sp.symbols("Delta1 Delta2 g12 gamma12", real=True)
    return O1, O2, D1, D2, g, gam


def _site_ops() -> dict[str, sp.Matrix]:
    sp_ = sp.Matrix([[0, 1], [0, 0]])   # σ⁺ = |e><g| with |e> = (1, 0)
    sm = sp_.T
    eye = sp.eye(2)
    kron = sp.kronecker_product
    return {"s1p": kron(sp_, eye), "s1m": kron(sm, eye), "s2p": kron(eye, sp_), "s2m": kron(eye, sm)}


@functools.lru_cache(maxsize=1)
def operators() -> tuple[sp.Matrix, ...]:
    """S₁…S₁₅ of Appendix B (paper order) as 4×4 SymPy matrices."""
    o = _site_ops()
    s1p, s1m, s2p, s2m = o["s1p"], o["s1m"], o["s2p"], o["s2m"]
    return (s1p, s1m, s2p, s2m, s1p * s1m, s2p * s2m, s1p * s2m, s2p * s1m, s1p * s2p, s1m * s2m,
            s1p * s1m * s2m, s1p * s2p * s1m, s2p * s1m * s2m, s1p * s2p * s2m,
            s1p * s2p * s1m * s2m)


@functools.lru_cache(maxsize=1)
def _dual() -> sp.Matrix:
    basis = (sp.eye(4),) + operators()
    B = sp.Matrix.hstack(*[m.reshape(16, 1) for m in basis])
    return B.inv()


def decompose(op: sp.Matrix) -> tuple[sp.Expr, list[sp.Expr]]:
    """op = c₀·1 + Σ_k c_k S_k; returns (c₀, [c₁, …, c₁₅])."""
    coeffs = _dual() * op.reshape(16, 1)
    return coeffs[0], list(coeffs[1:])


@functools.lru_cache(maxsize=1)
def linear_system() -> tuple[sp.Matrix, sp.Matrix]:
    """(M, b) with dS/dt = M S + b, derived from Eq. (40) on the 4×4 representation."""
    O1, O2, D1, D2, g, gam = parameters()
    o = _site_ops()
    s1p, s1m, s2p, s2m = o["s1p"], o["s1m"], o["s2p"], o["s2m"]
    H = (-D1 * s1p * s1m - D2 * s2p * s2m + g * (s1p * s2m + s2p * s1m)
         - sp.Rational(1, 2) * (O1 * s1p + sp.conjugate(O1) * s1m + O2 * s2p + sp.conjugate(O2) * s2m))
    lowers, raises = (s1m, s2m), (s1p, s2p)
    rates = ((1, gam), (gam, 1))
    M = sp.zeros(15, 15)
    b = sp.zeros(15, 1)
    for k, S in enumerate(operators()):
        dS = sp.I * (H * S - S * H)
        for i in range(2):
            for j in range(2):
                pm = raises[i] * lowers[j]
                dS -= rates[i][j] * (S * pm + pm * S - 2 * raises[i] * S * lowers[j])
        c0, cs = decompose(dS.applyfunc(sp.expand))
        b[k] = sp.expand(c0)
        for l_, c in enumerate(cs):
            M[k, l_] = sp.expand(c)
    return M, b


def _index(op: sp.Matrix) -> np.ndarray:
    c0, cs = decompose(op)
    if c0 != 0:
        raise ValueError("expected an operator without identity component")
    return np.array([complex(c) for c in cs]).real


@functools.lru_cache(maxsize=1)
def g2_spec() -> RegressionSpec:
    """Eq. (12) numerator terms and Eq. (15) denominator as a :class:`RegressionSpec`."""
    o = _site_ops()
    raises, lowers = (o["s1p"], o["s2p"]), (o["s1m"], o["s2m"])
    ops = operators()
    # (i, j, k): <σ_i^+(0) S_k(τ) σ_j^-(0)>, paper indices (S_k 1-based) -- Eq. (12)
    terms = ((1, 2, 8), (2, 1, 7), (2, 2, 5), (1, 1, 6))
    A = np.zeros((len(terms), 15, 15))
    a0 = np.zeros((len(terms), 15))
    cvec = np.zeros((len(terms), 15))
    w = np.zeros((len(terms), 15))
    for r, (i, j, k) in enumerate(terms):
        for kk, S in enumerate(ops):
            c0, cs = decompose(raises[i - 1] * S * lowers[j - 1])
            a0[r, kk] = float(c0)
            A[r, kk] = [float(c) for c in cs]
        cvec[r] = _index(raises[i - 1] * lowers[j - 1])
        w[r, k - 1] = 1.0
    Q = np.zeros((15, 15))
    for p, q in ((5, 6), (6, 5), (7, 8), (8, 7)):   # Eq. (15)
        Q[p - 1, q - 1] += 1.0
    labels = tuple(f"<s{i}+(0) S{k}(t) s{j}-(0)>" for i, j, k in terms)
    return RegressionSpec(A, a0, cvec, w, Q, labels, conjugation_permutation())


@functools.lru_cache(maxsize=1)
def conjugation_permutation() -> np.ndarray:
    """π with S_k† = S_π(k) (so ⟨S_k⟩* = ⟨S_π(k)⟩), derived from the 4×4 matrices."""
    perm = []
    for S in operators():
        perm.append(int(np.argmax(_index(S.H))))
        if not np.array_equal(_index(S.H), np.eye(15)[perm[-1]]):
            raise ValueError("the moment basis is not closed under the adjoint")
    return np.array(perm)
