"""Bad input to the algebra: clear errors naming the object, never a bare traceback from the CLI."""

from __future__ import annotations

import pytest
import sympy

from symlight.algebra import Boson, Fermion, TwoLevel, commutator, dagger, normal_order
from symlight.errors import AlgebraError, SymlightError


def test_negative_and_fractional_powers():
    a = Boson("a")
    with pytest.raises(AlgebraError, match="non-negative integers"):
        a ** -1
    with pytest.raises(AlgebraError, match="non-negative integers"):
        a ** sympy.Rational(1, 2)
    with pytest.raises(AlgebraError, match="non-negative integers"):
        normal_order((a + a.dag) ** -2)


def test_same_name_for_different_kinds():
    with pytest.raises(AlgebraError, match="'a' is used for a boson and for a fermion"):
        normal_order(Boson("a") * Fermion("a"))


@pytest.mark.parametrize("bad", ["__import__('os')", object(), [1, 2], None.__class__])
def test_commutator_with_non_operators(bad):
    with pytest.raises(AlgebraError) as info:
        commutator(Boson("a"), bad)
    assert "argument" in str(info.value)


@pytest.mark.parametrize("label", ["k q", "a;b", "__import__('os')", object(), {1: 2}])
def test_malformed_labels(label):
    with pytest.raises(AlgebraError, match="label"):
        Boson("a", label)


@pytest.mark.parametrize("name", ["", "1a", "a b", "a;import os", 3])
def test_malformed_names(name):
    with pytest.raises(AlgebraError, match="name"):
        Boson(name)


def test_bad_sz_option_and_site():
    with pytest.raises(AlgebraError, match="sz"):
        TwoLevel(1, sz="spin")
    with pytest.raises(AlgebraError, match="site"):
        TwoLevel((1, 2))


def test_scalars_commute_and_dagger_conjugates():
    a = Boson("a")
    assert commutator(a, 5) == 0
    z = sympy.Symbol("z")
    assert dagger(z * a) == sympy.conjugate(z) * a.dag


def test_errors_are_symlight_errors():
    assert issubclass(AlgebraError, SymlightError)
