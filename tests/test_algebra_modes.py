"""Mode expansions: real-space fields from momentum modes and back (brackets are deltas)."""

from __future__ import annotations

import sympy

from symlight.algebra import Boson, Fermion, dagger
from symlight.algebra.modes import integral_bracket, mode_expansion

x, y, k, q = sympy.symbols("x y k q", real=True)


def _phi(pos, name="a", fermion=False):
    mode = (Fermion if fermion else Boson)(name, k, continuous=True)
    return mode_expansion(mode, k, sympy.exp(sympy.I * k * pos) / sympy.sqrt(2 * sympy.pi))


def test_real_space_field_from_modes_has_delta_commutator():
    assert integral_bracket(_phi(x), dagger(_phi(y))) == sympy.DiracDelta(x - y)
    assert integral_bracket(_phi(x), _phi(y)) == 0
    fx, fy = _phi(x, "c", True), _phi(y, "c", True)
    assert integral_bracket(fx, dagger(fy), anti=True) == sympy.DiracDelta(x - y)


def test_momentum_modes_from_a_real_space_field():
    phi = Boson("phi", x, continuous=True)
    a_k = mode_expansion(phi, x, sympy.exp(-sympy.I * k * x) / sympy.sqrt(2 * sympy.pi))
    a_q = a_k.xreplace({k: q})
    value = integral_bracket(a_k, dagger(a_q))
    # the plane-wave rule gives δ(q - k) or δ(k - q): the same distribution
    assert value in (sympy.DiracDelta(k - q), sympy.DiracDelta(q - k))


def test_a_wrong_normalisation_is_visible():
    mode = Boson("a", k, continuous=True)
    field = mode_expansion(mode, k, sympy.exp(sympy.I * k * x))  # missing 1/sqrt(2π)
    value = integral_bracket(field, dagger(field.xreplace({x: y})))
    assert sympy.simplify(value - 2 * sympy.pi * sympy.DiracDelta(x - y)) == 0
