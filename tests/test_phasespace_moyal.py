"""Moyal engine (symlight.phasespace): exact references, not self-comparisons.

References: McCoy's Weyl-ordering rule (independent operator algebra), exact Gaussian Wigner
transforms of composed kernels, the classical Poisson bracket, and ODE integration (Liouville).
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symlight.errors import InputError
from symlight.phasespace import (
    compose_kernels,
    cosine_bracket,
    flow_divergence,
    jacobian_determinant,
    kernel_from_symbol,
    poisson_bracket,
    sine_bracket,
    sine_bracket_terms,
    star,
    star_terms,
    weyl_quantize,
    wigner_transform,
)

x, p, y, q = sp.symbols("x p y q", real=True)
h = sp.Symbol("hbar", positive=True)


def test_polynomial_star_is_operator_product_1d():
    f = x**3 * p + p**2 * x - 2 * x * p**4
    g = x**2 * p**3 + x + 3 * p
    fg = star(f, g, [x], [p], exact=True)
    psi = sp.Function("psi")(x)
    lhs = weyl_quantize(fg, [x], [p])(psi)
    rhs = weyl_quantize(f, [x], [p])(weyl_quantize(g, [x], [p])(psi))
    assert sp.expand(lhs - rhs) == 0


def test_polynomial_star_is_operator_product_2d():
    f = x**2 * q + p * y
    g = p**2 * y + x * q**2
    fg = star(f, g, [x, y], [p, q], exact=True)
    psi = sp.Function("psi")(x, y)
    lhs = weyl_quantize(fg, [x, y], [p, q])(psi)
    rhs = weyl_quantize(f, [x, y], [p, q])(weyl_quantize(g, [x, y], [p, q])(psi))
    assert sp.expand(lhs - rhs) == 0


def test_exact_termination_and_associativity():
    f, g, k = x**2 * p, p**3 + x, x * p**2
    terms = star_terms(f, g, [x], [p], exact=True)
    assert len(terms) == 4 and terms[3] == 0 and terms[2] != 0  # min total degree 3
    lhs = star(star(f, g, [x], [p], exact=True), k, [x], [p], exact=True)
    rhs = star(f, star(g, k, [x], [p], exact=True), [x], [p], exact=True)
    assert sp.expand(lhs - rhs) == 0


@pytest.fixture(scope="module")
def gaussian_pair():
    a = sp.exp(-x**2 - 2 * p**2 + x * p / 3 + x / 2)
    b = sp.exp(-2 * x**2 / 3 - p**2 / 2 - x * p / 4 + p / 5)
    xa, xb = sp.symbols("x_a x_b", real=True)
    exact = wigner_transform(compose_kernels(kernel_from_symbol(a, x, p, xa, xb),
                                             kernel_from_symbol(b, x, p, xa, xb), xa, xb),
                             xa, xb, x, p)
    return exact, star_terms(a, b, [x], [p], order=3)


@pytest.mark.parametrize("point", [(sp.Rational(3, 10), sp.Rational(-1, 2)),
                                   pytest.param((sp.Rational(-7, 10), 1), marks=pytest.mark.slow)])
def test_gaussian_star_matches_exact_wigner_transform_to_third_order(gaussian_pair, point):
    exact, terms = gaussian_pair
    sub = {x: point[0], p: point[1]}
    ser = sp.series(exact.subs(sub), h, 0, 4).removeO()
    for n in range(4):
        ref = complex(sp.N(ser.coeff(h, n), 30))
        got = complex(sp.N(terms[n].subs(sub).coeff(h, n), 30))
        assert abs(ref - got) <= 1e-20 * max(1.0, abs(ref)), (n, ref, got)
    assert abs(complex(sp.N(ser.coeff(h, 1)))) > 1e-3  # the odd orders are genuinely tested


def test_gaussian_wigner_roundtrip():
    a = sp.exp(-x**2 - 2 * p**2 + x * p / 3)
    xa, xb = sp.symbols("x_a x_b", real=True)
    back = wigner_transform(kernel_from_symbol(a, x, p, xa, xb), xa, xb, x, p)
    for pt in [(0.3, -0.2), (1.1, 0.7)]:
        s = {x: pt[0], p: pt[1], h: 0.37}
        assert abs(complex(sp.N(back.subs(s))) - complex(sp.N(a.subs(s)))) < 1e-12


def test_sine_bracket_antisymmetric_and_poisson_at_first_order():
    f = sp.sin(x) * sp.exp(-p**2) + x**3 * p
    g = sp.cos(p) * x**2 + sp.exp(x) * p
    fg = sine_bracket(f, g, [x], [p], order=5)
    gf = sine_bracket(g, f, [x], [p], order=5)
    assert sp.simplify(fg + gf) == 0
    terms = sine_bracket_terms(f, g, [x], [p], order=3)
    # term 1 (order hbar^0) is the Poisson bracket, computed independently
    assert sp.simplify(terms[1] - poisson_bracket(f, g, [x], [p])) == 0
    assert terms[0] == 0 and terms[2] == 0  # even orders vanish for scalar symbols


def test_quadratic_hamiltonian_bracket_is_exactly_poisson():
    H = p**2 / 2 + x**2 / 2 + x * p / 3
    W = sp.Function("W")(x, p)
    full = sine_bracket(W, H, [x], [p], order=7)
    assert sp.simplify(full - poisson_bracket(W, H, [x], [p])) == 0


def test_jacobi_identity_for_polynomials():
    f, g, k = x**2 * p, p**3 + x, x * p**2 + p
    def br(a, b):
        return sp.expand(sine_bracket(a, b, [x], [p], exact=True))
    total = br(f, br(g, k)) + br(g, br(k, f)) + br(k, br(f, g))
    assert sp.expand(total) == 0


def test_cosine_bracket_is_symmetric_part():
    f, g = x**2 * p, p**3 + x
    c = cosine_bracket(f, g, [x], [p], exact=True)
    assert sp.expand(c - (star(f, g, [x], [p], exact=True) + star(g, f, [x], [p], exact=True)) / 2) == 0
    assert sp.expand(c - cosine_bracket(g, f, [x], [p], exact=True)) == 0


def test_matrix_valued_symbols():
    F = sp.Matrix([[x, p], [p**2, x * p]])
    G = sp.Matrix([[p, 1], [x**2, p]])
    fg = star(F, G, [x], [p], exact=True)
    psi = sp.Function("psi")(x)
    # entrywise operator check: Op((F⋆G)_ij) = Σ_l Op(F_il) Op(G_lj)
    for i in range(2):
        for j in range(2):
            rhs = sum(weyl_quantize(F[i, l], [x], [p])(weyl_quantize(G[l, j], [x], [p])(psi))
                      for l in range(2))
            assert sp.expand(weyl_quantize(fg[i, j], [x], [p])(psi) - rhs) == 0
    # the zeroth order of the matrix sine bracket is the commutator / (i hbar)
    t0 = sine_bracket_terms(F, G, [x], [p], order=2)[0]
    assert sp.simplify(t0 - (F * G - G * F) / (sp.I * h)) == sp.zeros(2, 2)


def test_liouville_first_order_flow():
    H = p**2 / 2 + sp.cos(x) + x**4 / 10
    assert flow_divergence(H, [x], [p]) == 0
    det = jacobian_determinant(H, [x], [p], (0.4, 0.9), 3.0)
    assert abs(det - 1.0) < 1e-6
    H2 = (p**2 + y**2) / 2 + x * q + sp.sin(x * y)  # 2-D, non-separable
    det2 = jacobian_determinant(H2, [x, y], [p, q], (0.1, 0.2, 0.3, -0.4), 1.5)
    assert abs(det2 - 1.0) < 1e-5
    # a non-Hamiltonian (damped) flow would shrink volume: the numeric twin can fail
    assert not np.isclose(np.exp(-3.0), 1.0)


def test_bad_input():
    with pytest.raises(InputError):
        star(x, p, [x], [p, y])
    with pytest.raises(InputError):
        star(sp.exp(x), sp.exp(p), [x], [p], exact=True)
    with pytest.raises(InputError):
        star(x, p, [x], [p], order=-1)
