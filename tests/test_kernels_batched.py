"""Batched steady states, regression (Eq. (18) of seed 002) and g2, against independent references.

References: dense per-system solves, scipy.linalg.expm, the textbook resonance-fluorescence g2
of one driven two-level atom (optical Bloch equations written by hand here), and QuTiP's
``steadystate`` + ``correlation_3op_1t`` for the driven dipole pair (Eqs. (12), (15)).
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.linalg as sla
import sympy as sp

from symlight.kernels import batched, generate
from symlight.kernels import dipole_pair as dp

RNG = np.random.default_rng(11)


def _stable(P: int, n: int) -> np.ndarray:
    A = RNG.normal(size=(P, n, n)) + 1j * RNG.normal(size=(P, n, n))
    return A - (np.abs(np.linalg.eigvals(A)).max() + 0.5) * np.eye(n)


def test_steady_state_matches_dense_solves():
    M = _stable(20, 6)
    b = RNG.normal(size=(20, 6)) + 0j
    s = batched.steady_state(M, b)
    for p in range(20):
        np.testing.assert_allclose(M[p] @ s[p] + b[p], 0, atol=1e-12)
    with pytest.raises(batched.BatchedSolveError, match="singular"):
        batched.steady_state(np.zeros((2, 3, 3)), np.ones((2, 3)))


def test_propagate_matches_scipy_expm_on_uniform_and_random_grids():
    M = _stable(3, 7)
    D = RNG.normal(size=(3, 2, 7)) + 1j * RNG.normal(size=(3, 2, 7))
    for taus in (np.linspace(0.0, 3.0, 31), np.sort(RNG.uniform(0, 3, 9))):
        res = batched.propagate(M, D, taus)
        assert res.fallbacks == 0 and res.notes == []
        for p in range(3):
            for t, tau in enumerate(taus):
                ref = sla.expm(M[p] * tau) @ D[p].T
                np.testing.assert_allclose(res.values[p, t], ref.T, rtol=1e-10, atol=1e-12)
        C = RNG.normal(size=(2, 7))
        proj = batched.propagate(M, D, taus, C=C)
        np.testing.assert_allclose(proj.values, np.einsum("rn,ptrn->pt", C, res.values), atol=1e-11)


def test_numpy_expm_matches_scipy():
    for scale in (1e-3, 1.0, 40.0):
        A = RNG.normal(size=(9, 9)) * scale + 1j * RNG.normal(size=(9, 9)) * scale
        np.testing.assert_allclose(batched.expm(A), sla.expm(A), rtol=1e-11, atol=1e-13 * np.abs(
            sla.expm(A)).max())


def test_defective_matrix_falls_back_and_says_so():
    """A Jordan block has no eigenbasis: exp(Jt) = e^{-t} [[1, t], [0, 1]] exactly."""
    J = np.array([[[-1.0, 1.0], [0.0, -1.0]], [[-1.0, 0.0], [0.0, -2.0]]]) + 0j
    D = np.array([[[0.0, 1.0]], [[1.0, 1.0]]]) + 0j
    taus = np.linspace(0, 4, 41)
    res = batched.propagate(J, D, taus)
    assert list(res.method) == ["expm", "eig"]
    assert res.fallbacks == 1 and "defective" in res.notes[0]
    np.testing.assert_allclose(res.values[0, :, 0, 0], taus * np.exp(-taus), atol=1e-14)
    np.testing.assert_allclose(res.values[0, :, 0, 1], np.exp(-taus), atol=1e-14)
    np.testing.assert_allclose(res.values[1, :, 0, 1], np.exp(-2 * taus), atol=1e-14)
    # nearly defective: eig would lose ~1/sqrt(eps) accuracy; the fallback keeps 1e-12
    Jn = J[:1].copy()
    Jn[0, 1, 1] += 1e-13
    near = batched.propagate(Jn, D[:1], taus)
    assert near.method[0] == "expm"
    np.testing.assert_allclose(near.values[0, :, 0, 0], taus * np.exp(-taus), atol=1e-12)


def _bloch():
    """Optical Bloch equations of one driven two-level atom, typed in by hand.

    S = (<σ+>, <σ->, <σ+σ->), H = -Δ σ+σ- - (Ω σ+ + Ω* σ-)/2, population decay rate Γ.
    """
    Om, G = sp.symbols("Omega Gamma", positive=True)
    D = sp.Symbol("Delta", real=True)
    M = sp.Matrix([[-G / 2 - sp.I * D, 0, sp.I * Om],
                   [0, -G / 2 + sp.I * D, -sp.I * Om],
                   [sp.I * Om / 2, -sp.I * Om / 2, -G]])
    b = sp.Matrix([-sp.I * Om / 2, sp.I * Om / 2, 0])
    return (Om, G, D), M, b


@pytest.mark.parametrize("backend", ["numpy", "c"])
def test_resonance_fluorescence_g2_textbook(backend, tmp_path, monkeypatch):
    """g2(τ) = 1 − e^{−3Γτ/4}[cos μτ + (3Γ/4μ) sin μτ], μ = √(Ω² − Γ²/16) (Δ = 0)."""
    import shutil

    if backend == "c" and shutil.which("gcc") is None:
        pytest.skip("no C compiler")
    monkeypatch.setenv("SYMLIGHT_CACHE", str(tmp_path))
    args, M, b = _bloch()
    kM, kb = generate(M, args, backend=backend), generate(b, args, backend=backend)
    Om = np.array([0.7, 2.0, 5.0])
    G = np.array([1.0, 1.0, 0.5])
    Mn, bn = kM(Om, G, 0.0), kb(Om, G, 0.0)[..., 0]
    s = batched.steady_state(Mn, bn)
    np.testing.assert_allclose(s[:, 2].real, (Om**2 / 4) / (G**2 / 4 + Om**2 / 2), rtol=1e-13)
    spec = batched.RegressionSpec(A=np.zeros((1, 3, 3)), a0=np.zeros((1, 3)),
                                  cvec=np.array([[0.0, 0.0, 1.0]]), w=np.array([[0.0, 0.0, 1.0]]),
                                  Q=np.diag([0.0, 0.0, 1.0]))
    taus = np.linspace(0, 12, 200)
    res = batched.g2(Mn, bn, spec, taus)
    mu = np.sqrt(Om**2 - G**2 / 16 + 0j)[:, None]
    g = G[:, None]
    ref = 1 - np.exp(-3 * g * taus / 4) * (np.cos(mu * taus) + 3 * g / (4 * mu) * np.sin(mu * taus))
    np.testing.assert_allclose(res.values, ref.real, atol=1e-12)
    assert res.imag_residual < 1e-12
    assert np.all(res.values[:, 0] < 1e-12)   # antibunching g2(0) = 0


def test_pair_system_is_closed_under_conjugation_and_matches_printed_structure():
    M, b = dp.linear_system()
    perm = dp.conjugation_permutation()
    assert sorted(perm) == list(range(15)) and np.all(perm[perm] == np.arange(15))
    conj = M.applyfunc(sp.conjugate)
    for k in range(15):
        for l_ in range(15):
            assert sp.expand(M[perm[k], perm[l_]] - conj[k, l_]) == 0
    assert sp.expand(b[perm[0]] - sp.conjugate(b[0])) == 0
    O1 = dp.parameters()[0]
    assert sp.expand(b[0] + sp.I * sp.conjugate(O1) / 2) == 0          # Eq. (48), constant term
    assert [sp.expand(x) for x in b[4:]] == [0] * 11


def _pair_params(P, seed=4):
    rng = np.random.default_rng(seed)
    O1 = rng.uniform(0.5, 8, P) * np.exp(2j * np.pi * rng.uniform(size=P))
    O2 = rng.uniform(0.5, 8, P) * np.exp(2j * np.pi * rng.uniform(size=P))
    return O1, O2, rng.normal(0, 4, P), rng.normal(0, 4, P), rng.normal(0, 2, P), rng.uniform(-.9, .9, P)


def qutip_pair_g2(params, taus, opts=None):
    """Eq. (40) in QuTiP (Lindblad form with the rate matrix 2γ_ij), Eqs. (12)/(15)."""
    qt = pytest.importorskip("qutip")
    O1, O2, D1, D2, g, gam = params
    opts = opts or {"atol": 1e-13, "rtol": 1e-11}
    sp_ = qt.Qobj([[0, 1], [0, 0]])
    I2 = qt.qeye(2)
    s1p, s2p = qt.tensor(sp_, I2), qt.tensor(I2, sp_)
    s1m, s2m = s1p.dag(), s2p.dag()
    H = (-D1 * s1p * s1m - D2 * s2p * s2m + g * (s1p * s2m + s2p * s1m)
         - 0.5 * (O1 * s1p + np.conj(O1) * s1m + O2 * s2p + np.conj(O2) * s2m))
    L = qt.liouvillian(H, [])
    low, rates = (s1m, s2m), ((1.0, gam), (gam, 1.0))
    for i in range(2):
        for j in range(2):
            L = L + 2 * rates[i][j] * qt.lindblad_dissipator(low[j], low[i])
    rho = qt.steadystate(L)

    def c3(a, bop, c):
        return qt.correlation_3op_1t(L, None, taus, [], a, bop, c, options=opts)

    num = (c3(s1p, s2p * s1m, s2m) + c3(s2p, s1p * s2m, s1m) + c3(s2p, s1p * s1m, s2m)
           + c3(s1p, s2p * s2m, s1m))
    e = lambda op: qt.expect(op, rho)  # noqa: E731
    den = 2 * e(s1p * s1m) * e(s2p * s2m) + 2 * e(s1p * s2m) * e(s2p * s1m)
    return num / den


def _pair_vs_qutip(npairs: int, ntaus: int) -> None:
    pytest.importorskip("qutip")
    M, b = dp.linear_system()
    syms = dp.parameters()
    kM, kb = generate(M, syms), generate(b, syms)
    params = _pair_params(npairs)
    taus = np.linspace(0, 6, ntaus)
    res = batched.g2(kM(*params), kb(*params)[..., 0], dp.g2_spec(), taus)
    assert res.imag_residual < 1e-10 and res.fallbacks == 0
    for p in range(npairs):
        q = qutip_pair_g2(tuple(x[p] for x in params), taus)
        np.testing.assert_allclose(res.values[p], q.real, atol=1e-8, rtol=0)


def test_pair_g2_matches_qutip_to_1e_8():
    _pair_vs_qutip(1, 30)


@pytest.mark.slow
def test_pair_g2_matches_qutip_to_1e_8_many_pairs():
    _pair_vs_qutip(12, 400)


def test_pair_real_eigensolver_equals_complex_path():
    import dataclasses

    M, b = dp.linear_system()
    syms = dp.parameters()
    params = _pair_params(40, seed=9)
    Mn, bn = generate(M, syms)(*params), generate(b, syms)(*params)[..., 0]
    taus = np.linspace(0, 8, 101)
    spec = dp.g2_spec()
    real = batched.g2(Mn, bn, spec, taus)
    cplx = batched.g2(Mn, bn, dataclasses.replace(spec, conj_perm=None), taus)
    expm = batched.g2(Mn, bn, spec, taus, cond_max=0.0)
    assert real.notes == [] and expm.fallbacks == 40
    np.testing.assert_allclose(real.values, cplx.values, atol=1e-11)
    np.testing.assert_allclose(real.values, expm.values, atol=1e-10)
    # g2 -> 1 at long delays; Eq. (18) at τ = 0 reproduces the steady-state correlators
    long = batched.g2(Mn, bn, spec, np.array([0.0, 60.0, 80.0]))
    np.testing.assert_allclose(long.values[:, 1:], 1.0, atol=1e-9)


def test_g2_given_state_equals_g2():
    M, b = dp.linear_system()
    syms = dp.parameters()
    params = _pair_params(6, seed=2)
    Mn, bn = generate(M, syms)(*params), generate(b, syms)(*params)[..., 0]
    taus = np.linspace(0, 5, 50)
    full = batched.g2(Mn, bn, dp.g2_spec(), taus)
    given = batched.g2_given_state(Mn, full.steady_state, dp.g2_spec(), taus)
    np.testing.assert_array_equal(given.values, full.values)


def test_model_is_wired_to_the_kernels():
    """driven_dipole_pair's numerics use generated kernels and the batched g2 (same values as the
    independent 4x4 derivation)."""
    from symlight.models.driven_pair_moments import driven_dipole_pair

    model = driven_dipole_pair()
    O1, O2, D1, D2, g, gam = _pair_params(5, seed=13)
    params = {"Omega1": O1, "Omega2": O2, "Delta1": D1, "Delta2": D2, "g12": g, "gamma12": gam}
    Mm, bm = model.numeric_system(params)
    syms = dp.parameters()
    M, b = dp.linear_system()
    Mr, br = generate(M, syms)(O1, O2, D1, D2, g, gam), generate(b, syms)(O1, O2, D1, D2, g, gam)[..., 0]
    np.testing.assert_allclose(Mm, Mr, rtol=1e-14, atol=1e-14)
    np.testing.assert_allclose(bm, br, rtol=1e-14, atol=1e-14)
    taus = np.linspace(0, 6, 80)
    np.testing.assert_allclose(model.g2(taus, params), batched.g2(Mr, br, dp.g2_spec(), taus).values,
                               atol=1e-12)
