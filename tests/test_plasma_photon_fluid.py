"""Photon fluid equations (61)-(66) of seed 001 as k-moments of the photon kinetic equation.

Expected verdicts are hand derivations (comments), not copies of a run. With Λ^(2) of (36),
first order: Λ^(2) = ½[∂_k(Ω²/ω)∂_xN − ∂_x(Ω²/ω)∂_kN], so ∫dk Λ^(2) = ½∂_x∫∂_k(Ω²/ω)N dk
= −∂_x(Ω²G/2) with G = ∫c²kN/ω³: the continuity equation gets J_ph + ΣJ^(2) (printed: minus).
The v_ph moment gives −½Ω²∂_xM + ½∂_xΩ²∫(c² − 2v²)N/ω² with M = ∫v²N/ω², which is exactly
−∂_x(Σp)/m_ph + ΣT of (64)-(65): (62) holds. With the opposite sign of Λ^(2) both flip.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from scipy.special import kv

from derivations.plasma_photons import photon_fluid_claims as pf
from symlight.checks import ClaimBook
from symlight.errors import InputError


def test_quadrature_of_known_moment():
    # ∫ (1 + x²/4) exp(−(k − a)²/2) dk = (1 + x²/4)√(2π)
    for x0 in (-0.7, 1.1):
        assert pf.k_integral(pf.N_test, x0) == pytest.approx((1 + x0**2 / 4) * math.sqrt(2 * math.pi),
                                                             rel=1e-12)


def test_moment_verdicts():
    book = ClaimBook("plasma-photons", "001_acf7c75771656388.txt")
    pf._moment_claims(book)
    got = [(c.equation, c.verdict) for c in book.claims]
    assert got == [("61", "discrepancy"), ("62", "confirmed"), ("61", "confirmed"), ("62", "discrepancy")]


def test_continuity_by_finite_differences():
    # independent of differentiation under the integral: ∂_t n_ph = −∂_x(J_ph + ΣΩ²G/2), the
    # x-derivative by a central difference of k-integrated moments
    x0, h = 0.3, 1e-3
    flux = pf.v_ph * pf.N_test + sum(pf.OMEGA2) * pf.c**2 * pf.k * pf.N_test / (2 * pf.omega**3)
    fd = -(pf.k_integral(flux, x0 + h) - pf.k_integral(flux, x0 - h)) / (2 * h)
    assert pf.k_integral(pf.dN_dt(pf.N_test), x0) == pytest.approx(fd, rel=1e-5)


def test_u_kernel_against_bessel_and_limit():
    # hand transform: ∫d³k/(2π)³ e^{ik·r}/√(k²+κ²) = κK₁(κr)/(2π²r); κ → 0: 1/(2π²r²)
    for r, kap in ((0.6, 1.2), (1.7, 0.5)):
        assert pf.u_kernel(r, kap) == pytest.approx(kap * kv(1, kap * r) / (2 * np.pi**2 * r), rel=1e-8)
    assert pf.u_kernel(0.9, 0.0) == pytest.approx(1 / (2 * np.pi**2 * 0.81), rel=1e-10)
    with pytest.raises(InputError, match="r > 0"):
        pf.u_kernel(-1.0, 1.0)


def test_u_claims_verdicts():
    book = ClaimBook("plasma-photons", "001_acf7c75771656388.txt")
    pf._u_claims(book)
    # printed u has 4π² where the transform gives 2π²; its own ω_p → 0 limit 1/(2π²ħcr²) agrees with
    # the transform and not with the printed u
    assert [c.verdict for c in book.claims] == ["discrepancy", "discrepancy"]
    assert sp.simplify(book.claims[1].derived * 2 - book.claims[1].printed) == 0
