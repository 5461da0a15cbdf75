"""Plasmon oracles (Lindhard, Vlasov), polaritons and the laser-driven cubic of seed 001."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import constants as C

from symlight.dispersion import coupled_modes, track_roots
from symlight.errors import InputError
from symlight.models import plasma_photons as pp
from symlight.numerics import plasma_response as pr


def test_rpa_small_q_coefficient_is_three_fifths():
    qs = np.array([0.02, 0.04, 0.06])
    ws = [pr.rpa_plasmon(q, 1.0) for q in qs]
    assert pr.small_q_coefficient(qs, ws, 1.0, 2.0) == pytest.approx(0.6, rel=1e-4)


def test_lindhard_f_sum_limit():
    # χ₀ → (k_F³/(3π²))·2q²/ω² for ω ≫ q v_F (units of the module)
    q, w = 0.01, 5.0
    assert pr.lindhard_chi0(q, w) == pytest.approx(2 * q**2 / (3 * math.pi**2) / w**2, rel=1e-3)
    with pytest.raises(InputError):
        pr.lindhard_chi0(0.1, 0.1)


def test_bohm_gross_coefficient_is_three():
    qs = np.array([0.02, 0.04, 0.06])
    ws = [pr.vlasov_plasmon(q) for q in qs]
    assert pr.small_q_coefficient(qs, ws, 1.0, 1.0) == pytest.approx(3.0, rel=1e-3)
    with pytest.raises(InputError):
        pr.vlasov_plasmon(0.5)


def test_polariton_branches_solve_the_determinant():
    qs = np.linspace(0.1, 3, 50)
    wpl, wmi = pp.polariton_branches(qs, 0.05, 0.3)
    we, wph = pp.polariton_bare_modes(qs, 0.05)
    for W in (wpl**2, wmi**2):
        assert np.allclose((W - we**2) * (W - wph**2), 0.3**4 * qs**4)
    up2, lo2, u2, v2 = coupled_modes(we.real, wph, 0.09 * qs**2)
    assert np.allclose(np.sqrt(up2), wpl.real) and np.allclose(u2 + v2, 1)


def test_cubic_roots_and_decoupling():
    s = pp.plasma_scales(1e33)
    v2 = s.v_eff2 / C.c**2
    a = C.hbar * s.omega_p / (C.m_e * C.c**2)
    qs = np.linspace(0.05, 3, 120)
    roots = track_roots(lambda q: pp.cubic_coefficients(q, v2, 10.0, -1.0, a), qs)
    for q, r in zip(qs, roots, strict=True):
        we2 = 1 + v2 * q**2
        lhs = (r**2 - we2) * (r - pp.omega_ph_laser(q)) + np.array(
            [pp.coupling_Gamma(q, ri, 10.0, -1.0, a) for ri in r])
        assert np.allclose(lhs, 0, atol=1e-8)
    assert roots.imag.max() > 0.1                      # the unstable band of Fig. 6(b)
    r0 = track_roots(lambda q: pp.cubic_coefficients(q, v2, 10.0, 1.0, a), qs)
    assert np.abs(r0.imag).max() < 1e-8                # co-propagating: stable


def test_bose_moments_ordered():
    for x in (0.2, 2.0):
        assert pp.bose_moment(2, x) <= pp.bose_moment(1, x)
    with pytest.raises(InputError):
        pp.bose_moment(1, -1.0)
