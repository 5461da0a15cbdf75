"""Fermi–Dirac numerics and the degenerate exchange physics of seed 001 (Eqs. (69)-(84))."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import sympy as sp
from scipy import constants as C
from scipy.integrate import quad
from scipy.special import expit

from symlight.errors import InputError
from symlight.models import plasma_exchange as pe
from symlight.models import plasma_photons as pp
from symlight.numerics import fermi_dirac as fd


@pytest.mark.parametrize("s", [0.5, 1.5, 2.5])
@pytest.mark.parametrize("eta", [-3.0, 0.0, 4.0])
def test_polylog_matches_fermi_dirac_quadrature(s, eta):
    # −Li_s(−e^η) = (1/Γ(s)) ∫_0^∞ t^{s−1}/(e^{t−η}+1) dt  (complete Fermi–Dirac integral)
    val, _ = quad(lambda tt: tt ** (s - 1) * expit(eta - tt), 0, np.inf, limit=200)
    assert fd.fd_integral(s, eta) == pytest.approx(val / math.gamma(s), rel=1e-8)


def test_inversion_and_limits():
    for X in (1e-8, 0.1, 2.0, 50.0, 1e5):
        assert fd.fd_integral(1.5, fd.eta_from_degeneracy(X)) == pytest.approx(X, rel=1e-10)
    assert math.exp(fd.eta_from_degeneracy(1e-9)) == pytest.approx(1e-9, rel=1e-6)
    # degenerate: μ → E_F (independent: E_F from k_F = (3π²n)^{1/3})
    n, T = 1e29, 100.0
    EF = C.hbar**2 * (3 * math.pi**2 * n) ** (2 / 3) / (2 * C.m_e)
    assert fd.chemical_potential(n, T) == pytest.approx(EF, rel=1e-6)


def test_bad_inputs():
    for bad in (-1.0, 0.0, float("nan")):
        with pytest.raises(InputError):
            fd.degeneracy(bad, 1e4)
        with pytest.raises(InputError):
            fd.degeneracy(1e20, bad)
        with pytest.raises(InputError):
            pp.plasma_scales(bad)
    with pytest.raises(InputError):
        fd.fermi_wavevector(-1.0)


def test_fock_potential_matches_3d_quadrature():
    # Φ^F(k) = −(Q² g_s/ε₀)∫d³p/(2π)³ Θ(k_F − p)/|p − k|², done here as a 2-D numeric integral
    y = sp.Symbol("y", positive=True)
    f_in = sp.lambdify(y, pe.fock_potential("inside").subs(pe.k, y * pe.kF).subs(
        {pe.kF: 1, pe.Q: 1, pe.eps0: 1}))
    f_out = sp.lambdify(y, pe.fock_potential("outside").subs(pe.k, y * pe.kF).subs(
        {pe.kF: 1, pe.Q: 1, pe.eps0: 1}))
    for kk, f in ((0.3, f_in), (0.8, f_in), (1.7, f_out)):
        def inner(pv, kk=kk):
            val, _ = quad(lambda mu: 1 / (pv**2 + kk**2 - 2 * pv * kk * mu), -1, 1, limit=200)
            return 2 * math.pi * pv**2 * val
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            val, _ = quad(inner, 0, 1, points=[kk] if kk < 1 else None, limit=200)
        assert f(kk) == pytest.approx(-2 * val / (2 * math.pi) ** 3, rel=1e-7)


def test_equations_of_state_and_veff():
    # independent twins: P = (2/5) n E_F, and v_eff² = v_F²/3 − ṽ²/2 numerically in SI
    n = pe.n
    EF = pe.hbar**2 * (3 * sp.pi**2 * n) ** sp.Rational(2, 3) / (2 * pe.m)
    assert sp.simplify(pe.pressure() - sp.Rational(2, 5) * n * EF) == 0
    subs = {pe.hbar: C.hbar, pe.m: C.m_e, pe.Q: C.e, pe.eps0: C.epsilon_0, n: 1e28}
    s = pp.plasma_scales(1e28)
    assert float(pe.effective_velocity_squared().subs(subs)) == pytest.approx(s.v_eff2, rel=1e-12)


def test_critical_density_closed_form():
    # v_eff = 0 ⇔ n^{1/3} = 3 m Q²/(2 ε₀ ħ² (3π²)^{4/3}) = (3/2)(4π/a₀)/(3π²)^{4/3}
    nc_closed = (1.5 * 4 * math.pi / C.physical_constants["Bohr radius"][0]
                 / (3 * math.pi**2) ** (4 / 3)) ** 3
    assert pp.critical_density() == pytest.approx(nc_closed, rel=1e-6)


def test_plasmon_validity_warning_and_imaginary_branch():
    s = pp.plasma_scales(1e27)
    with pytest.warns(pp.ValidityWarning):
        pp.plasmon_omega(np.array([0.5 * s.k_F]), 1e27)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        w = pp.plasmon_omega(np.array([0.01 * s.k_F]), 1e27)
    assert w.imag[0] == 0
    with pytest.raises(InputError):
        pp.plasmon_omega(np.array([-1.0]), 1e27)
