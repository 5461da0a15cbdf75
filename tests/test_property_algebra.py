"""Property-based tests (hypothesis) of the operator algebra against matrix representations.

Strategy: operator polynomials over a pool of ladder / Pauli atoms (bosons, fermions, two-level
sites, mixed), Gaussian-integer coefficients, up to 3 terms of up to 3 atoms. The reference is
``tests.algebra_reference.Space``, an embedding written from the definitions that never uses the
algebra's ordering code. Laws checked: normal ordering preserves the operator, the commutator and
anticommutator are the matrix ones, antisymmetry, Jacobi, Leibniz, the adjoint is the conjugate
transpose and an involution, canonical forms are unique. Bounded example counts (~2 s each).
Truncated bosons are compared only on Fock states well inside the cut-off.
"""

from __future__ import annotations

import numpy as np
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symlight.algebra import (
    Boson,
    Fermion,
    anticommutator,
    commutator,
    dagger,
    normal_order,
)
from tests.algebra_reference import Space, mode_keys, sigma_pool

a1, a2 = Boson("a", 1), Boson("a", 2)
c1, c2 = Fermion("c", 1), Fermion("c", 2)
POOLS = {
    "bosons": ([a1, a1.dag, a2, a2.dag], 11),
    "fermions": ([c1, c1.dag, c2, c2.dag], 2),
    "sites": (sigma_pool([1, 2, 3]), 2),
    "mixed": ([a1, a1.dag, c1, c1.dag, *sigma_pool([1])], 9),
}
SPACES = {name: Space(mode_keys(pool), boson_dim=dim) for name, (pool, dim) in POOLS.items()}
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])

coeff_st = st.builds(lambda re, im: sympy.Integer(re) + sympy.I * im,
                     st.integers(-3, 3), st.integers(-2, 2))


def polynomial(pool, max_terms: int = 3, max_len: int = 3):
    word = st.lists(st.sampled_from(pool), max_size=max_len)
    term = st.builds(lambda c, w: c * sympy.Mul(*w), coeff_st, word)
    return st.lists(term, min_size=1, max_size=max_terms).map(lambda ts: sympy.Add(*ts))


@st.composite
def pool_and_polys(draw, n: int = 2):
    name = draw(st.sampled_from(sorted(POOLS)))
    pool, _ = POOLS[name]
    return (name, *[draw(polynomial(pool)) for _ in range(n)])


def _cols(name: str, margin: int):
    space = SPACES[name]
    return space.safe_columns(margin) if name in ("bosons", "mixed") else slice(None)


def _eq(name: str, x: np.ndarray, y: np.ndarray, margin: int) -> bool:
    cols = _cols(name, margin)
    return np.allclose(x[:, cols], y[:, cols], atol=1e-8)


@SETTINGS
@given(pool_and_polys(2))
def test_brackets_and_normal_order_match_matrices(data):
    name, p, q = data
    S = SPACES[name]
    mp, mq = S.evaluate(p), S.evaluate(q)
    assert _eq(name, S.evaluate(normal_order(p)), mp, 3)
    assert _eq(name, S.evaluate(commutator(p, q)), mp @ mq - mq @ mp, 6)
    assert _eq(name, S.evaluate(anticommutator(p, q)), mp @ mq + mq @ mp, 6)
    assert sympy.expand(commutator(p, q) + commutator(q, p)) == 0


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pool_and_polys(3))
def test_jacobi_and_leibniz(data):
    name, p, q, r = data
    S = SPACES[name]
    jac = commutator(p, commutator(q, r)) + commutator(q, commutator(r, p)) + \
        commutator(r, commutator(p, q))
    assert normal_order(jac) == 0
    leibniz = commutator(p, q * r) - (commutator(p, q) * r + q * commutator(p, r))
    assert normal_order(leibniz) == 0
    assert _eq(name, S.evaluate(commutator(p, q * r)),
               S.evaluate(p) @ S.evaluate(q) @ S.evaluate(r) - S.evaluate(q) @ S.evaluate(r)
               @ S.evaluate(p), 9)


@SETTINGS
@given(pool_and_polys(2), coeff_st)
def test_adjoint_is_antilinear_involution_and_conjugate_transpose(data, z):
    name, p, q = data
    S = SPACES[name]
    assert normal_order(dagger(dagger(p)) - p) == 0
    assert normal_order(dagger(z * p + q) - (sympy.conjugate(z) * dagger(p) + dagger(q))) == 0
    assert normal_order(dagger(p * q) - dagger(q) * dagger(p)) == 0
    if name in ("fermions", "sites"):  # no truncation: exact on the whole space
        assert np.allclose(S.evaluate(dagger(p)), S.evaluate(p).conj().T)


@SETTINGS
@given(pool_and_polys(2))
def test_canonical_form_is_unique(data):
    """Two routes to the same operator give the identical normal-ordered expression."""
    name, p, q = data
    lhs = normal_order(p * q + q * p)
    rhs = normal_order(anticommutator(p, q))
    assert lhs == rhs
    assert normal_order(p * q) == normal_order(q * p + commutator(p, q))
