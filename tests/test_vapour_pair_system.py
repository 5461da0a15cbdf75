"""Batched pair-system numerics (symlight.models.vapour_pair_system) against independent referees.

The stand-in model: the moment matrix (M, b) of Eq. (2) is built here by projecting the adjoint
Lindbladian of the master equation (40)-(44) (4×4 matrices) onto the operators S_1..S_15, in the
paper's Appendix B conventions (γ_ii = 1, H_L = -½ Σ Ω_i σ_i⁺ + h.c., H_int = g12 (σ1⁺σ2⁻ + h.c.),
rotating frame -Δ_i σ_i⁺σ_i⁻). The referee for g2 is a direct density-matrix computation
(Liouvillian null space and exp(L τ)), which shares nothing with the 15-moment pipeline.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest
import scipy.linalg
import sympy

from symlight.errors import InputError, ModelError
from symlight.models.vapour_pair_system import (
    LinearPairSystem,
    g2_parts,
    regression_maps,
    s_matrices,
    sigma_matrix,
)

O1, O2 = sympy.symbols("Omega1 Omega2")
D1, D2, G12, GAM12 = sympy.symbols("Delta1 Delta2 g12 gamma12", real=True)


def _sp(m: np.ndarray) -> sympy.Matrix:
    return sympy.Matrix(m.astype(int))


@functools.cache
def standin_linear_system() -> tuple[sympy.Matrix, sympy.Matrix]:
    """(M, b) of the pair master equation, by projection of L†(S_k) on {S_1..S_15, 1}."""
    sp_, sm = {}, {}
    for a in (1, 2):
        sp_[a], sm[a] = _sp(sigma_matrix("+", a)), _sp(sigma_matrix("-", a))
    n = {a: sp_[a] * sm[a] for a in (1, 2)}
    H = (-D1 * n[1] - D2 * n[2] + G12 * (sp_[1] * sm[2] + sp_[2] * sm[1])
         - sympy.Rational(1, 2) * (O1 * sp_[1] + sympy.conjugate(O1) * sm[1]
                                   + O2 * sp_[2] + sympy.conjugate(O2) * sm[2]))
    gam = {(1, 1): 1, (2, 2): 1, (1, 2): GAM12, (2, 1): GAM12}
    basis = [_sp(m) for m in s_matrices()] + [sympy.eye(4)]
    B = sympy.Matrix.hstack(*[m.reshape(16, 1) for m in basis])
    Binv = B.inv()
    M = sympy.zeros(15, 15)
    b = sympy.zeros(15, 1)
    for k, S in enumerate(basis[:15]):
        L = sympy.I * (H * S - S * H)
        for (i, j), g in gam.items():
            L += g * (2 * sp_[i] * S * sm[j] - sp_[i] * sm[j] * S - S * sp_[i] * sm[j])
        coeffs = Binv * sympy.expand(L).reshape(16, 1)
        M[k, :] = coeffs[:15, 0].T
        b[k, 0] = coeffs[15, 0]
    return M.applyfunc(sympy.expand), b.applyfunc(sympy.expand)


@functools.cache
def standin_system() -> LinearPairSystem:
    M, b = standin_linear_system()
    return LinearPairSystem.from_sympy(M, b, label="stand-in (projected Lindbladian)")


def _liouvillian(p: dict[str, complex]) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
    sp_ = [sigma_matrix("+", a) for a in (1, 2)]
    sm = [sigma_matrix("-", a) for a in (1, 2)]
    n = [sp_[a] @ sm[a] for a in (0, 1)]
    H = (-p["Delta1"] * n[0] - p["Delta2"] * n[1] + p["g12"] * (sp_[0] @ sm[1] + sp_[1] @ sm[0])
         - 0.5 * (p["Omega1"] * sp_[0] + np.conj(p["Omega1"]) * sm[0]
                  + p["Omega2"] * sp_[1] + np.conj(p["Omega2"]) * sm[1]))
    eye = np.eye(4)
    # column-stacking vec: vec(A X B) = (B^T ⊗ A) vec(X)
    L = -1j * (np.kron(eye, H) - np.kron(H.T, eye))
    gam = np.array([[1.0, p["gamma12"]], [p["gamma12"], 1.0]])
    for i in range(2):
        for j in range(2):
            pm = sp_[i] @ sm[j]
            L += -gam[i, j] * (np.kron(eye, pm) + np.kron(pm.T, eye)
                               - 2 * np.kron(sp_[i].T, sm[j]))
    return L, sp_, sm


def referee_g2(p: dict[str, complex], taus: np.ndarray) -> np.ndarray:
    """g2 of Eqs. (12)/(15) by density matrices: ρ_ss = null(L), ⟨A(0)B(τ)C(0)⟩ via exp(Lτ)."""
    L, sp_, sm = _liouvillian(p)
    w, v = np.linalg.eig(L)
    rho = v[:, np.argmin(np.abs(w))].reshape(4, 4, order="F")
    rho = rho / np.trace(rho)
    ev = lambda op: np.trace(op @ rho)  # noqa: E731
    n1, n2 = ev(sp_[0] @ sm[0]), ev(sp_[1] @ sm[1])
    c12 = ev(sp_[0] @ sm[1])
    den = 2 * (n1 * n2 + c12 * np.conj(c12))
    out = []
    for tau in taus:
        E = scipy.linalg.expm(L * tau)
        total = 0
        for i, j, k, l in ((0, 1, 1, 0), (1, 0, 0, 1), (1, 1, 0, 0), (0, 0, 1, 1)):
            # ⟨σi⁺(0) σk⁺σl⁻(τ) σj⁻(0)⟩ = Tr[σk⁺σl⁻ e^{Lτ}(σj⁻ ρ σi⁺)]
            x = (E @ (sm[j] @ rho @ sp_[i]).reshape(16, order="F")).reshape(4, 4, order="F")
            total += np.trace(sp_[k] @ sm[l] @ x)
        out.append(total / den)
    return np.real(np.array(out))


def _random_params(rng: np.random.Generator, p: int, *, coupled: bool = True) -> dict[str, np.ndarray]:
    om = rng.uniform(0.5, 12, p)
    r = rng.uniform(0.05, 0.5, p)
    return {
        "Omega1": om * np.exp(1j * rng.uniform(0, 2 * np.pi, p)),
        "Omega2": om * np.exp(1j * rng.uniform(0, 2 * np.pi, p)),
        "Delta1": rng.uniform(-4, 4, p), "Delta2": rng.uniform(-4, 4, p),
        "g12": (rng.uniform(-3, 3, p) / r) if coupled else np.zeros(p),
        "gamma12": rng.uniform(-0.9, 0.9, p) if coupled else np.zeros(p),
    }


def test_regression_maps_match_appendix_c_tables():
    # Appendix C (printed): nonzero ⟨σi⁺ S_k σj⁻⟩ entries, transcribed as data (k -> l, 1-based)
    printed = {(1, 2): {2: 11, 3: 14, 8: 15}, (2, 1): {1: 12, 4: 13, 7: 15},
               (1, 1): {3: 12, 4: 11, 6: 15}, (2, 2): {1: 14, 2: 13, 5: 15}}
    for ij, table in printed.items():
        derived = {k + 1: int(np.argmax(row)) + 1 for k, row in enumerate(regression_maps()[ij])
                   if row.any()}
        assert derived == table, ij


def test_pipeline_matches_density_matrix_referee():
    rng = np.random.default_rng(7)
    params = _random_params(rng, 6)
    taus = np.linspace(0, 3, 25)
    parts = g2_parts(standin_system(), taus, params)
    assert parts.max_imag < 1e-9
    for q in range(6):
        p = {k: v[q] for k, v in params.items()}
        np.testing.assert_allclose(parts.g2[q], referee_g2(p, taus), rtol=1e-8, atol=1e-10)


def test_independent_atoms_limit_and_long_time_limit():
    rng = np.random.default_rng(3)
    params = _random_params(rng, 4, coupled=False)
    taus = np.array([0.0, 0.3, 40.0])
    g2 = g2_parts(standin_system(), taus, params).g2
    np.testing.assert_allclose(g2[:, -1], 1.0, atol=1e-12)  # g2(∞) = 1
    for q in range(4):
        # independent atoms, closed form at τ = 0 from single-atom Bloch steady states:
        # n = (|Ω|²/4)/(1 + Δ² + |Ω|²/2), ⟨σ⁻⟩ = (iΩ/2)(1 - 2n)/(1 - iΔ)  ->  g2(0) = 2 n1 n2 /
        # (n1 n2 + |s1|²|s2|²) (the single-atom terms are dropped in Eq. (12))
        ns, ss = [], []
        for a in ("1", "2"):
            om, de = params["Omega" + a][q], params["Delta" + a][q]
            n = abs(om) ** 2 / 4 / (1 + de**2 + abs(om) ** 2 / 2)
            ns.append(n)
            ss.append(abs(0.5j * om * (1 - 2 * n) / (1 - 1j * de)) ** 2)
        want = 2 * ns[0] * ns[1] / (ns[0] * ns[1] + ss[0] * ss[1])
        assert g2[q, 0] == pytest.approx(want, rel=1e-10)


def test_near_degenerate_pairs_use_expm_fallback():
    params = {"Omega1": np.array([0.0 + 0j]), "Omega2": np.array([0.0 + 0j]),
              "Delta1": np.array([0.0]), "Delta2": np.array([0.0]),
              "g12": np.array([0.0]), "gamma12": np.array([0.0])}
    params["Omega1"][:] = params["Omega2"][:] = 1e-3  # weak drive: nearly defective M
    taus = np.linspace(0, 2, 5)
    parts = g2_parts(standin_system(), taus, params)
    ref = referee_g2({k: v[0] for k, v in params.items()}, taus)
    np.testing.assert_allclose(parts.g2[0], ref, rtol=1e-6)


def test_bad_input():
    sysm = standin_system()
    with pytest.raises(InputError, match="missing"):
        g2_parts(sysm, [0.0], {"Omega1": [1.0]})
    params = _random_params(np.random.default_rng(0), 2)
    with pytest.raises(InputError, match="taus"):
        g2_parts(sysm, [-1.0], params)
    with pytest.raises(InputError, match="empty"):
        g2_parts(sysm, [0.0], {k: v[:0] for k, v in params.items()})
    with pytest.raises(ModelError):
        LinearPairSystem.from_sympy(sympy.eye(3), sympy.zeros(3, 1))


def test_payload_roundtrip():
    sysm = standin_system()
    back = LinearPairSystem.from_payload(sysm.as_payload())
    params = _random_params(np.random.default_rng(1), 3)
    a, b = sysm.matrices(params), back.matrices(params)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
