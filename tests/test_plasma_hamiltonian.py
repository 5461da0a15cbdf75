"""Heisenberg equations (12)-(13) of seed 001 on a truncated mode set, and a mutation check."""

from __future__ import annotations

import itertools

from derivations.plasma_photons import hamiltonian_claims as hc
from symlight.algebra import commutator, dagger
from symlight.checks import compare_expressions


def test_heisenberg_claims_confirmed():
    claims = hc.claims()
    assert {c.equation for c in claims} == {"12", "13"}
    assert all(c.verdict == "confirmed" for c in claims), [str(c) for c in claims]


def test_mutated_equation_is_caught():
    H = hc.hamiltonian()
    k = 0
    a = hc._a
    cd = lambda p: dagger(hc._c(p)) if p in hc.KS else None  # noqa: E731
    wrong = (hc.hbar * hc.om(k) * a(k)
             + sum(hc.M(kp, k) * hc._prod(cd(kp), hc._c(k + kp)) for kp in hc.KS)   # M indices swapped
             + sum(hc.D(k, kp) * hc._prod(a(kp), cd(kp + q), hc._c(k + q))
                   for kp, q in itertools.product(hc.KS, range(-2, 3))))
    derived = commutator(a(k), H["rad"] + H["lin"] + H["compton"])
    assert compare_expressions(wrong, derived).verdict != "confirmed"
