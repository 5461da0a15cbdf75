"""γ₁₂ and g₁₂ of seed 002 Eqs. (38)–(39): derived forms against independent numerics."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy
from scipy import integrate

from symlight.errors import InputError
from symlight.models import dipole_coupling as dc


def _solid_angle_F(xv: float, cv: float) -> float:
    """Eq. (30) by direct 2-D quadrature over the directions of k (r along z, d in the xz plane)."""
    s = np.sqrt(1 - cv**2)

    def f(phi, theta):
        kx, kz = np.sin(theta) * np.cos(phi), np.cos(theta)
        dk = s * kx + cv * kz
        return 1.5 / (4 * np.pi) * (1 - dk**2) * np.cos(xv * kz) * np.sin(theta)

    val, _ = integrate.dblquad(f, 0, np.pi, 0, 2 * np.pi, epsabs=1e-13, epsrel=1e-12)
    return val


@pytest.mark.parametrize(("xv", "cv"), [(0.3, 0.0), (5.0, -0.6)])
def test_gamma12_equals_solid_angle_quadrature(xv, cv):
    assert abs(float(dc.gamma12(xv, cv)) - _solid_angle_F(xv, cv)) < 1e-10


def test_couplings_match_dyadic_green_tensor():
    xs = np.array([0.01, 0.05, 0.2, 1.0, 3.3, 12.0])
    cs = np.array([0.0, 0.3, -0.7, 1.0, 0.5, -0.2])
    P = 1 + 1j / xs - 1 / xs**2
    Q = -2j / xs + 2 / xs**2
    kern = -1j * 1.5 * np.exp(1j * xs) / xs * ((1 - cs**2) * P + cs**2 * Q)  # γ + i g, units Γ_B
    mine = dc.gamma12(xs, cs) + 1j * dc.g12(xs, cs)
    assert np.max(np.abs(mine - kern) / np.abs(kern)) < 1e-9


def test_series_branch_is_accurate_and_continuous():
    closed_g = sympy.lambdify((dc.x, dc.c), dc.g12_sym("B") / dc.Gamma, "mpmath")
    closed_gam = sympy.lambdify((dc.x, dc.c), dc.gamma12_sym("B") / dc.Gamma, "mpmath")
    with mpmath.workdps(60):
        for xv in (1e-4, 1e-2, 0.05, 0.0799):
            for cv in (0.0, 0.4, 1.0):
                ref_gam = float(closed_gam(mpmath.mpf(xv), mpmath.mpf(cv)))
                ref_g = float(closed_g(mpmath.mpf(xv), mpmath.mpf(cv)))
                assert abs(float(dc.gamma12(xv, cv)) - ref_gam) < 1e-14
                assert abs(float(dc.g12(xv, cv)) - ref_g) <= 1e-13 * abs(ref_g) + 1e-13
    lo, hi = dc.SERIES_BELOW * (1 - 1e-12), dc.SERIES_BELOW * (1 + 1e-12)
    assert abs(dc.gamma12(lo, 0.3) - dc.gamma12(hi, 0.3)) < 1e-12
    assert float(dc.gamma12(1e-9, 0.7)) == pytest.approx(1.0, abs=1e-15)


def test_orientation_average():
    gam_avg, g_avg = dc.orientation_averaged()
    assert sympy.simplify(gam_avg - sympy.sin(dc.x) / dc.x) == 0
    assert sympy.simplify(g_avg + sympy.cos(dc.x) / dc.x) == 0
    for xv in (0.4, 2.2):
        num = integrate.quad(lambda cv, xv=xv: float(dc.gamma12(xv, cv)), -1, 1, epsabs=1e-13)[0] / 2
        assert abs(num - np.sin(xv) / xv) < 1e-11
        num_g = integrate.quad(lambda cv, xv=xv: float(dc.g12(xv, cv)), -1, 1, epsabs=1e-12)[0] / 2
        assert abs(num_g + np.cos(xv) / xv) < 1e-10


def test_units_and_printed_forms():
    assert sympy.simplify(dc.g12_sym("A") * 2 - dc.g12_sym("B")) == 0
    assert sympy.simplify(dc.g12_sym("B") - dc.printed_38()) == 0
    assert sympy.simplify(dc.gamma12_sym("B") - dc.printed_39()) == 0


def test_bad_input():
    with pytest.raises(InputError):
        dc.gamma12(0.0)
    with pytest.raises(InputError):
        dc.g12(-1.0)
    with pytest.raises(InputError):
        dc.g12(1.0, cos_theta=1.5)
    with pytest.raises(InputError):
        dc.g12_sym("C")
