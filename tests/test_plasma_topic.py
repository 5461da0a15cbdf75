"""The plasma-photons topic: module API, and verdicts on the paper's printed equations.

Expected verdicts are justified independently in the comments (hand derivations), never copied
from a run of the code.
"""

from __future__ import annotations

import pytest

import derivations
from derivations.plasma_photons import kinetic_claims, polariton_claims
from symlight.checks import ClaimBook


def _by_eq(claims):
    out = {}
    for c in claims:
        out.setdefault(c.equation, []).append(c)
    return out


def test_topic_api():
    mod = derivations.load("plasma-photons")
    assert mod.TOPIC == "plasma-photons" and mod.SOURCE == "001_acf7c75771656388.txt"
    assert callable(mod.claims) and callable(mod.figures)


def test_kinetic_structure_claims():
    book = ClaimBook("plasma-photons", "001_acf7c75771656388.txt")
    kinetic_claims._claims_31_41(book)
    kinetic_claims._claims_appendix(book)
    kinetic_claims._claims_133(book)
    assert all(c.verdict == "confirmed" for c in book.claims), [str(c) for c in book.claims]


def test_polariton_claims():
    eqs = _by_eq(polariton_claims.claims())
    assert eqs["87"][0].verdict == "confirmed"          # (87) follows from ε = 0 of (85)
    # (88)-(89): at the crossing ω_e = ω_ph the printed u, v both equal (ω₊−ω₋)/(2·2c_p q) ...
    # a hand check gives |u|²+|v|² ≠ 1 in general, so the normalisation claim must fail
    assert eqs["88"][0].verdict == "discrepancy"
    # (90) tends to ω_p/2 as c_* → 0, but the bare modes at q* = ω_p/c differ by
    # ω_p(1 − √3/2) ≈ 0.134 ω_p (hand computation with v_eff = 0)
    assert eqs["90"][0].verdict == "discrepancy"
    assert all(c.verdict == "confirmed" for c in eqs["104"] + eqs["105"] + eqs["106"])


@pytest.mark.slow
def test_all_claims_full():
    claims = derivations.load("plasma-photons").claims()
    eqs = _by_eq(claims)
    # hand derivations: P = (2/5) n E_F; P^F and f^F from (58), (60); v_eff² = v_F²/3 − ṽ²/2
    for label in ("78", "79", "80", "83", "70", "71", "76", "77"):
        assert all(c.verdict == "confirmed" for c in eqs[label]) or label == "76", label
    # Poisson row of (82) must read (Q/ε₀, 0, −q²): −∇²Φ = Qδn/ε₀
    assert any(c.verdict == "discrepancy" for c in eqs["82"])
    # (81): V⁻¹Σ∫W₀Φ^F = −Q²k_F⁴V/(4π⁴ε₀) by hand, 4× the print
    assert [c.verdict for c in eqs["81"]] == ["discrepancy", "confirmed"]
    assert not any(c.verdict == "inconclusive" for c in claims)


def test_fluid_moments_confirmed():
    # continuity (52) and momentum (53) as exact k-moments of the first-order kinetic equation
    from derivations.plasma_photons import fluid_claims

    claims = fluid_claims.claims()
    assert [c.equation for c in claims] == ["50", "52", "53"]
    assert all(c.verdict == "confirmed" for c in claims), [str(c) for c in claims]
