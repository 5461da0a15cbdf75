"""Algebra identities against independent matrix representations, on >= 1000 random polynomials."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from symlight.algebra import (
    Avg,
    Boson,
    Fermion,
    SigmaOp,
    TwoLevel,
    anticommutator,
    commutator,
    dagger,
    expectation,
    normal_order,
    to_matrix,
)
from tests.algebra_reference import Space, mode_keys, random_polynomial, sigma_pool

a1, a2 = Boson("a", 1), Boson("a", 2)
b = Boson("b")
c1, c2, c3 = Fermion("c", 1), Fermion("c", 2), Fermion("d")
POOLS = {
    "bosons": [a1, a1.dag, a2, a2.dag],
    "fermions": [c1, c1.dag, c2, c2.dag, c3, c3.dag],
    "sites4": sigma_pool([1, 2, 3, 4]),
    "mixed": [a1, a1.dag, c1, c1.dag, c2.dag, c2, *sigma_pool([1, 2])],
}
BOSON_DIM = {"bosons": 12, "fermions": 2, "sites4": 2, "mixed": 8}
N_PER_POOL = 130  # 4 pools x 130 pairs = 1040 random polynomials in the identity test


def _space(pool, dim):
    return Space(mode_keys(pool), boson_dim=dim)


def _close(x, y, cols):
    return np.allclose(x[:, cols], y[:, cols], atol=1e-9)


@pytest.mark.parametrize("pool_name", sorted(POOLS))
def test_normal_order_commutators_dagger_against_matrices(pool_name):
    pool = POOLS[pool_name]
    space = _space(pool, BOSON_DIM[pool_name])
    rng = np.random.default_rng(hash(pool_name) % 2**32)
    max_len = 3
    # products of two polynomials have at most 2*max_len ladder operators per word
    cols = space.safe_columns(2 * max_len) if pool_name in ("bosons", "mixed") else slice(None)
    for _ in range(N_PER_POOL):
        p = random_polynomial(rng, pool, max_len=max_len)
        q = random_polynomial(rng, pool, max_len=max_len)
        mp, mq = space.evaluate(p), space.evaluate(q)
        assert _close(space.evaluate(normal_order(p)), mp, cols), p
        assert _close(space.evaluate(commutator(p, q)), mp @ mq - mq @ mp, cols), (p, q)
        assert _close(space.evaluate(anticommutator(p, q)), mp @ mq + mq @ mp, cols), (p, q)
        # adjoint: exact on the whole space when no truncated boson is involved
        if pool_name in ("fermions", "sites4"):
            assert np.allclose(space.evaluate(dagger(p)), mp.conj().T)
            assert np.allclose(space.evaluate(normal_order(dagger(p))), mp.conj().T)


@pytest.mark.parametrize("pool_name", ["fermions", "sites4", "mixed"])
def test_canonical_form_is_unique(pool_name):
    """Equal operators compare equal: reordering a product symbolically gives the same form."""
    pool = POOLS[pool_name]
    rng = np.random.default_rng(7)
    for _ in range(60):
        p = random_polynomial(rng, pool)
        q = random_polynomial(rng, pool)
        r = random_polynomial(rng, pool)
        lhs = normal_order(p * q * r)
        assert lhs == normal_order(normal_order(p * q) * r)
        assert lhs == normal_order(p * normal_order(q * r))
        # Jacobi identity, symbolically
        jac = commutator(p, commutator(q, r)) + commutator(q, commutator(r, p)) \
            + commutator(r, commutator(p, q))
        assert normal_order(jac) == 0


def test_expectation_values_against_density_matrices():
    pool = POOLS["mixed"]
    space = _space(pool, 5)
    rng = np.random.default_rng(3)
    # a random density matrix supported on states well inside the Fock cut-off
    cols = space.safe_columns(3)
    psi = np.zeros((space.size, 4), complex)
    psi[cols] = rng.normal(size=(len(cols), 4)) + 1j * rng.normal(size=(len(cols), 4))
    rho = psi @ psi.conj().T
    rho /= np.trace(rho)
    for _ in range(100):
        p = random_polynomial(rng, pool, max_len=3)
        value = expectation(p)
        avgs = {avg: np.trace(rho @ space.evaluate(avg.word)) for avg in value.atoms(Avg)}
        numeric = complex(value.xreplace({k: sympy.sympify(complex(v)) for k, v in avgs.items()}))
        assert np.isclose(numeric, np.trace(rho @ space.evaluate(p)), atol=1e-9)
        # <A>* = <A†>
        conj = sympy.conjugate(value)
        avgs = {avg: np.trace(rho @ space.evaluate(avg.word)) for avg in conj.atoms(Avg)}
        numeric_c = complex(conj.xreplace({k: sympy.sympify(complex(v)) for k, v in avgs.items()}))
        assert np.isclose(numeric_c, np.conj(numeric), atol=1e-9)


def test_reference_representation_satisfies_defining_relations():
    space = _space(POOLS["mixed"], 6)
    cols = space.safe_columns(2)
    a, ad = space.evaluate(a1), space.evaluate(a1.dag)
    eye = np.eye(space.size)
    assert _close(a @ ad - ad @ a, eye, cols)
    f1, f1d, f2 = space.evaluate(c1), space.evaluate(c1.dag), space.evaluate(c2)
    assert np.allclose(f1 @ f1d + f1d @ f1, eye)
    assert np.allclose(f1 @ f2 + f2 @ f1, 0)
    s = TwoLevel(1)
    sm, sp_ = space.evaluate(s.lower), space.evaluate(s.raise_)
    assert np.allclose(sm @ sp_, eye - sp_ @ sm) and np.allclose(sm @ sm, 0)


def test_library_to_matrix_agrees_with_reference():
    pool = POOLS["mixed"]
    space = _space(pool, 5)
    rng = np.random.default_rng(11)
    for _ in range(40):
        p = random_polynomial(rng, pool, max_len=2)
        mine = to_matrix(p, modes=space.modes, boson_dim=5)
        cols = space.safe_columns(2)
        assert _close(mine, space.evaluate(p), cols)


def test_two_level_rules_and_sz_normalisation():
    s = TwoLevel("A")
    assert normal_order(s.raise_**2) == 0 and normal_order(s.lower**2) == 0
    assert normal_order(s.lower * s.raise_) == 1 - s.ee
    assert normal_order(s.z) == 2 * s.ee - 1
    h = TwoLevel("A", sz="half")
    assert normal_order(h.z) == h.ee - sympy.Rational(1, 2)
    assert normal_order(commutator(s.raise_, s.lower) - s.z) == 0  # [σ+, σ-] = σz (Pauli)
    assert normal_order(commutator(h.raise_, h.lower) - 2 * h.z) == 0
    assert commutator(TwoLevel(1).raise_, TwoLevel(2).lower) == 0


def test_continuous_and_weighted_fields():
    x, y = sympy.symbols("x y", real=True)
    k, q = sympy.symbols("k q", real=True)
    rho = sympy.Function("rho")
    ak, aq = Boson("a", k, continuous=True), Boson("a", q, continuous=True)
    assert commutator(ak, aq.dag) == sympy.DiracDelta(k - q)
    w = sympy.Lambda(x, 1 / rho(x))
    sx, sy = Fermion("sigma", x, continuous=True, weight=w), Fermion("sigma", y, continuous=True, weight=w)
    assert anticommutator(sx, sy.dag) == sympy.DiracDelta(x - y) / rho(x)
    assert anticommutator(sx, sy) == 0
    n = sympy.Symbol("n", integer=True)
    m = sympy.Symbol("m", integer=True)
    assert commutator(Boson("a", n), Boson("a", m).dag) == sympy.KroneckerDelta(n, m)


def test_sigma_pool_covers_all_kinds():
    assert {op.which for op in sigma_pool([1])} == {"eg", "ge", "ee", "gg", "z"}
    assert isinstance(sigma_pool([1])[0], SigmaOp)


def test_projectors_do_not_depend_on_sz_normalisation():
    pauli, half = TwoLevel(1, sz="pauli"), TwoLevel(1, sz="half")
    assert pauli.ee == half.ee and pauli.lower == half.lower
    assert pauli.z != half.z
    assert normal_order(pauli.z - 2 * half.z) == 0
