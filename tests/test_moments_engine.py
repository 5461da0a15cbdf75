"""Moment engine: equations against full Liouvillians, closure sizes, errors, cumulants, numerics."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest
import scipy.linalg
import sympy
from scipy.integrate import solve_ivp

from symlight.algebra import Avg, Boson, TwoLevel, to_matrix
from symlight.errors import InputError, ModelError
from symlight.moments import (
    complete,
    cumulant_expansion,
    linear_system,
    meanfield,
    regression_vectors,
    word_expr,
)
from symlight.moments import liouvillian as lv
from symlight.moments import numeric as nm
from symlight.moments.cumulants import numeric_rhs


def _n_atoms(n: int, couple: bool = True):
    sites = [TwoLevel(i + 1) for i in range(n)]
    om = [sympy.Symbol(f"Omega{i + 1}") for i in range(n)]
    de = [sympy.Symbol(f"Delta{i + 1}", real=True) for i in range(n)]
    H = sum(-de[i] * s.ee - (om[i] * s.raise_ + sympy.conjugate(om[i]) * s.lower) / 2
            for i, s in enumerate(sites))
    rates = sympy.eye(n)
    gs = {}
    for i, j in itertools.combinations(range(n), 2):
        if couple:
            g = sympy.Symbol(f"g{i + 1}{j + 1}", real=True)
            gam = sympy.Symbol(f"gamma{i + 1}{j + 1}", real=True)
            H += g * (sites[i].raise_ * sites[j].lower + sites[j].raise_ * sites[i].lower)
            rates[i, j] = rates[j, i] = gam
            gs[(i, j)] = (g, gam)
    return sites, om, de, gs, H, 2 * rates


def _numeric_point(rng, om, de, gs):
    vals = {}
    for o in om:
        vals[o] = complex(rng.uniform(0.3, 2) * np.exp(1j * rng.uniform(0, 6.3)))
    for d in de:
        vals[d] = rng.uniform(-2, 2)
    n = len(om)
    # a PSD collective rate matrix: gamma_ij = Re(u_i . u_j) with |u_i| = 1
    u = rng.normal(size=(n, 3))
    u /= np.linalg.norm(u, axis=1)[:, None]
    for (i, j), (g, gam) in gs.items():
        vals[g] = rng.uniform(-2, 2)
        vals[gam] = 0.9 * float(u[i] @ u[j])
    return vals


@pytest.mark.parametrize("n", [1, 2, 3])
def test_equations_match_full_liouvillian(n):
    """d<w>/dt from the engine equals Tr[w L(rho)] of the full Liouvillian at random rho."""
    sites, om, de, gs, H, R = _n_atoms(n)
    sysm = complete(meanfield([sites[0].raise_], H, [s.lower for s in sites], R))
    assert sysm.n == 4**n - 1 and sysm.closed
    rng = np.random.default_rng(n)
    vals = _numeric_point(rng, om, de, gs)
    modes = [("twolevel", "sigma", sympy.Tuple(i + 1)) for i in range(n)]
    Hm = to_matrix(H, modes=modes, subs=vals)
    jumps = [to_matrix(s.lower, modes=modes) for s in sites]
    Rn = np.array(R.subs(vals), dtype=complex)
    L = lv.liouvillian(Hm, jumps, Rn)
    d = 2**n
    a = rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))
    rho = a @ a.conj().T
    rho /= np.trace(rho)
    drho = (L @ rho.reshape(-1)).reshape(d, d)
    mats = {w: to_matrix(word_expr(w), modes=modes) for w in sysm.words}
    avg = {w: np.trace(rho @ m) for w, m in mats.items()}
    avg[()] = 1.0
    for w in sysm.words:
        lhs = np.trace(mats[w] @ drho)
        rhs = sum(complex(sympy.sympify(c).subs(vals)) * avg[v] for v, c in sysm.rhs[w].items())
        assert abs(lhs - rhs) < 1e-12, (word_expr(w), lhs, rhs)


def test_n4_hierarchy_255_equations_under_20s():
    sites, *_, H, R = _n_atoms(4)
    start = time.perf_counter()
    sysm = complete(meanfield([sites[0].raise_], H, [s.lower for s in sites], R))
    lin = linear_system(sysm)
    elapsed = time.perf_counter() - start
    assert sysm.n == 255 and lin.M.shape == (255, 255)
    assert elapsed < 20.0, elapsed


def test_independent_atoms_do_not_couple():
    sites, *_, H, R = _n_atoms(3, couple=False)
    sysm = complete(meanfield([sites[0].raise_], H, [s.lower for s in sites], R))
    assert sysm.n == 3  # sigma+, sigma-, ee of atom 1 only


def test_single_atom_optical_bloch_equations():
    """Hand-written OBE (independent of the engine): population decay 2, coherence decay 1."""
    s = TwoLevel(1)
    O, D = sympy.Symbol("Omega"), sympy.Symbol("Delta", real=True)
    H = -D * s.ee - (O * s.raise_ + sympy.conjugate(O) * s.lower) / 2
    sysm = complete(meanfield([s.raise_], H, [s.lower], [2]))
    sp, sm, ee = (s.raise_,), (s.lower,), (s.ee,)
    sym = {sp: sympy.Symbol("sp"), sm: sympy.Symbol("sm"), ee: sympy.Symbol("ee")}
    Oc = sympy.conjugate(O)
    expected = {sp: -(1 + sympy.I * D) * sym[sp] - sympy.I * Oc / 2 + sympy.I * Oc * sym[ee],
                ee: sympy.I * O * sym[sp] / 2 - sympy.I * Oc * sym[sm] / 2 - 2 * sym[ee]}
    for w, e in expected.items():
        assert sympy.expand(sysm.rhs_expr(w, sym) - e) == 0


def test_bad_inputs():
    s1, s2 = TwoLevel(1), TwoLevel(2)
    with pytest.raises(ModelError, match="not Hermitian"):
        meanfield([s1.raise_], s1.raise_, [s1.lower], [1])
    with pytest.raises(ModelError, match="positive"):
        meanfield([s1.raise_], s1.ee, [s1.lower, s2.lower], [[1, 2], [2, 1]])
    with pytest.raises(ModelError, match="Hermitian"):
        meanfield([s1.raise_], s1.ee, [s1.lower, s2.lower], [[1, sympy.I], [sympy.I, 1]])
    with pytest.raises(InputError, match="does not match"):
        meanfield([s1.raise_], s1.ee, [s1.lower], [[1, 0], [0, 1]])
    with pytest.raises(InputError):
        meanfield([s1.raise_ + s2.raise_], s1.ee, [s1.lower], [1])
    with pytest.raises(InputError):
        meanfield(["sigma"], s1.ee, [s1.lower], [1])
    O = sympy.Symbol("Omega", positive=True)
    open_sys = meanfield([s1.raise_], O * (s1.raise_ + s1.lower), [s1.lower], [1])
    assert not open_sys.closed
    with pytest.raises(ModelError, match="not closed"):
        linear_system(open_sys)
    with pytest.raises(ModelError, match="outside the moment set"):
        regression_vectors(complete(open_sys), s2.raise_, s1.lower)


def test_regression_vectors_and_numeric_qrt_single_atom():
    """<sigma+(0) ee(tau) sigma-(0)> against the matrix quantum regression theorem."""
    s = TwoLevel(1)
    H = -0.4 * s.ee - (1.7 * s.raise_ + 1.7 * s.lower) / 2
    sysm = complete(meanfield([s.raise_], H, [s.lower], [2]))
    lin = linear_system(sysm)
    reg = regression_vectors(sysm, s.raise_, s.lower)
    M = np.array(lin.M, dtype=complex)[None]
    b = np.array(lin.b, dtype=complex).reshape(1, -1)
    sss = nm.steady_state(M, b)
    x0 = sss @ np.array(reg.T, dtype=complex).T + np.array(reg.t0, dtype=complex).reshape(-1)
    c = sss @ np.array(reg.c, dtype=complex).reshape(-1) + complex(reg.c0)
    taus = np.linspace(0, 5, 11)
    X = nm.regression(M, sss, x0, c, taus)[0]
    modes = [("twolevel", "sigma", sympy.Tuple(1))]
    L = lv.liouvillian(to_matrix(H, modes=modes), [to_matrix(s.lower, modes=modes)], np.array([[2.0]]))
    rho = lv.stationary_state(L)
    for k, w in enumerate(sysm.words):
        ref = lv.correlation(L, rho, lv.raising(1, 1), to_matrix(word_expr(w), modes=modes),
                             lv.lowering(1, 1), taus)
        assert np.max(np.abs(ref - X[:, k])) < 1e-12


def test_subs_and_limit():
    sites, om, de, gs, H, R = _n_atoms(2)
    sysm = complete(meanfield([sites[0].raise_], H, [s.lower for s in sites], R))
    (g, gam), = gs.values()
    free = sysm.subs({gam: 0, g: 0})
    assert all(gam not in sympy.sympify(c).free_symbols for t in free.rhs.values() for c in t.values())
    lim = sysm.limit(gam, 0).subs({g: 0})
    assert linear_system(lim).M == linear_system(free).M


def test_cumulant_expansion_formulas():
    a = Boson("a")
    w = (a.dag, a.dag, a)
    avg = lambda *x: Avg(sympy.Mul(*x))  # noqa: E731
    second = cumulant_expansion(w, 2)
    p, q = a.dag, a
    expected = (avg(p, p) * avg(q) + 2 * avg(p, q) * avg(p) - 2 * avg(p) ** 2 * avg(q))
    assert sympy.expand(second - expected) == 0
    first = cumulant_expansion(w, 1)
    assert sympy.expand(first - avg(p) ** 2 * avg(q)) == 0
    with pytest.raises(InputError):
        cumulant_expansion(w, 0)


def test_mean_field_exact_for_independent_driven_atoms():
    """Order-1 truncation of two uncoupled atoms reproduces the exact (product) steady state."""
    s1, s2 = TwoLevel(1), TwoLevel(2)
    H = sum(-d * s.ee - (o * s.raise_ + np.conj(o) * s.lower) / 2
            for s, o, d in ((s1, 1.2, 0.3), (s2, 0.8j, -0.5)))
    full = complete(meanfield([s1.raise_, s2.raise_, s1.raise_ * s2.lower], H, [s1.lower, s2.lower], [2, 2]))
    trunc = complete(meanfield([s1.raise_, s2.raise_], H, [s1.lower, s2.lower], [2, 2]), order=1)
    assert all(len(w) <= 1 for w in trunc.words) and trunc.n == 6
    lin = linear_system(full)
    exact = nm.steady_state(np.array(lin.M, dtype=complex)[None], np.array(lin.b, dtype=complex).T)[0]
    f = numeric_rhs(trunc, {})
    sol = solve_ivp(f, (0, 40), np.zeros(trunc.n, dtype=complex), rtol=1e-10, atol=1e-12)
    y = dict(zip(trunc.words, sol.y[:, -1], strict=True))
    idx = {w: k for k, w in enumerate(full.words)}
    for w in trunc.words:
        assert abs(y[w] - exact[idx[w]]) < 1e-8
    k12 = idx[(s1.raise_, s2.lower)]
    assert abs(exact[k12] - y[(s1.raise_,)] * y[(s2.lower,)]) < 1e-8


def test_numeric_batches_and_singular_detection():
    with pytest.raises(InputError, match="unequal lengths"):
        nm.batch_params({"a": [1, 2], "b": [1, 2, 3]}, ["a", "b"])
    with pytest.raises(InputError, match="missing"):
        nm.batch_params({"a": 1}, ["a", "b"])
    arrays, P, batched = nm.batch_params({"a": 1.0, "b": [1, 2, 3]}, ["a", "b"])
    assert P == 3 and batched and arrays["a"].shape == (3,)
    M = np.array([[[-1.0, 0], [0, 0]], [[-1.0, 0.2], [0, -2]]])
    with pytest.raises(nm.SingularSystemError) as err:
        nm.steady_state(M, np.ones((2, 2)))
    assert list(err.value.indices) == [0]


def test_propagate_defective_matrix_uses_expm():
    M = np.array([[[-1.0, 1.0], [0.0, -1.0]], [[-0.5, 0.0], [0.3, -2.0]]], dtype=complex)
    x0 = np.array([[1.0, 2.0], [0.5, -1.0]], dtype=complex)
    taus = np.array([0.0, 0.7, 3.0])
    out = nm.propagate(M, x0, taus)
    for p in range(2):
        for t, tau in enumerate(taus):
            assert np.allclose(out[p, t], scipy.linalg.expm(M[p] * tau) @ x0[p], atol=1e-13)


def test_symbolic_steady_state_and_singular_symbolic_system():
    s = TwoLevel(1)
    O, D = sympy.Symbol("Omega", positive=True), sympy.Symbol("Delta", real=True)
    sysm = complete(meanfield([s.raise_], -D * s.ee - O * (s.raise_ + s.lower) / 2, [s.lower], [2]))
    sss = linear_system(sysm).steady_state()
    ee = sss[sysm.words.index((s.ee,))]
    assert sympy.simplify(ee - (O**2 / 4) / (D**2 + 1 + O**2 / 2)) == 0
    undamped = complete(meanfield([s.raise_], -D * s.ee - O * (s.raise_ + s.lower) / 2))
    with pytest.raises(ModelError, match="singular"):
        linear_system(undamped).steady_state()


def test_order2_truncation_exact_for_gaussian_cavity():
    """Driven, squeezed, damped cavity: the steady state is Gaussian, so the order-2 cumulant
    truncation of d<a†a†aa>/dt must reproduce the exact (closed, untruncated) value."""
    a = Boson("a")
    H = (sympy.Rational(7, 10) * a.dag * a + sympy.Rational(1, 10) * (a.dag**2 + a**2)
         + sympy.Rational(1, 2) * (a + a.dag))
    start = [a.dag * a.dag * a * a]
    exact_sys = complete(meanfield(start, H, [a], [1]))
    assert exact_sys.closed and max(len(w) for w in exact_sys.words) == 4
    lin = linear_system(exact_sys)
    exact = nm.steady_state(np.array(lin.M, dtype=complex)[None], np.array(lin.b, dtype=complex).T)[0]
    trunc = complete(meanfield(start, H, [a], [1]), order=2)
    assert max(len(w) for w in trunc.words[1:]) <= 2
    f = numeric_rhs(trunc, {})
    sol = solve_ivp(f, (0, 60), np.zeros(trunc.n, dtype=complex), rtol=1e-11, atol=1e-13)
    w4 = exact_sys.words[0]
    assert abs(sol.y[trunc.words.index(w4), -1] - exact[0]) < 1e-8
    # the check can fail: mean field (order 1) misses the squeezing and is visibly off
    mf = complete(meanfield(start, H, [a], [1]), order=1)
    sol1 = solve_ivp(numeric_rhs(mf, {}), (0, 60), np.zeros(mf.n, dtype=complex), rtol=1e-11, atol=1e-13)
    assert abs(sol1.y[mf.words.index(w4), -1] - exact[0]) > 1e-3


def test_hierarchy_size_cap_refuses_with_size_cap_and_remedy():
    """Resource bound: an unbounded bosonic hierarchy (driven Kerr mode) is refused at the cap."""
    a = Boson("a")
    chi, F = sympy.Symbol("chi", positive=True), sympy.Symbol("F", positive=True)
    H = chi * a.dag * a.dag * a * a + F * (a + a.dag)
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        complete(meanfield([a], H, [a], [1]), max_equations=40)
    msg = str(info.value)
    assert "reached 40 equations" in msg and "max_equations=40" in msg
    assert "complete(..., max_equations=N)" in msg and "order=n" in msg
    assert time.perf_counter() - start < 10
    # the default cap refuses too (the hierarchy is infinite), well before exhausting memory
    from symlight.moments.equations import MAX_EQUATIONS

    assert 1000 <= MAX_EQUATIONS <= 20000
    # a finite algebra closes exactly at its size and is refused one below it
    s1, s2 = TwoLevel(1), TwoLevel(2)
    H2 = s1.ee + s2.ee + (s1.raise_ * s2.lower + s2.raise_ * s1.lower) + (s1.raise_ + s1.lower)
    assert complete(meanfield([s1.raise_], H2, [s1.lower, s2.lower], [1, 1]), max_equations=15).n == 15
    with pytest.raises(InputError, match="reached 14 equations"):
        complete(meanfield([s1.raise_], H2, [s1.lower, s2.lower], [1, 1]), max_equations=14)
    # nonsense caps are refused
    for bad in (0, -3, 2.5, True, "100"):
        with pytest.raises(InputError, match="max_equations"):
            complete(meanfield([s1.raise_], H2, [s1.lower, s2.lower], [1, 1]), max_equations=bad)
    with pytest.raises(InputError, match="order"):
        complete(meanfield([a], H, [a], [1]), order=0)
