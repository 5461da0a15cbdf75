"""Numerical edge cases (issue 11, item 3): overflow, underflow, poles and branch decisions.

Each case is detected and either computed by a stable formula (checked against mpmath at high
precision or a closed form written here) or refused with an InputError, never returned as
inf/nan/garbage:

* Fermi–Dirac integrals −Li_s(−e^η) (seed 001_acf7c75771656388.txt, Eqs. (70)–(74)) from η = −1e4
  (e^η underflows) to η = 1e150 (η^s overflows); the inversion X ↦ η for subnormal and huge X;
  K, |Φ^F|, R in the degenerate limit where the intermediate integrals overflow;
* occupation factors 1/(e^x ± 1), ln(1 + e^x) for |x| up to 1e308, the Bose pole at x = 0;
* principal values near and at poles (singularity subtraction vs Ci/Si closed forms), panel and
  node caps of the graded quadrature;
* residues: a float pole within rounding of the real axis is refused, an exact one is decided.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
import sympy
from scipy import constants as C

from symlight.errors import InputError
from symlight.numerics import contour_residues as cr
from symlight.numerics import fermi_dirac as fd
from symlight.numerics import peak_quadrature as pq


def _mp_fd(s, eta, dps=50):
    with mpmath.workdps(dps):
        return -mpmath.re(mpmath.polylog(s, -mpmath.exp(mpmath.mpf(eta))))


# ---------------------------------------------------------------- Fermi–Dirac integrals

@pytest.mark.parametrize("s", [0.5, 1.5, 2.5])
@pytest.mark.parametrize("eta", [-1e4, -800.0, -745.5, -40.0, 0.0, 3.0, 800.0, 1e8, 1e150])
def test_log_fd_integral_matches_mpmath_everywhere(s, eta):
    ref = float(mpmath.log(_mp_fd(s, eta)))
    got = fd.log_fd_integral(s, eta)
    assert math.isfinite(got)
    assert abs(got - ref) <= 1e-13 * max(1.0, abs(ref)), (got, ref)
    # limits: e^η (non-degenerate), η^s/Γ(s+1) (degenerate, Sommerfeld leading term)
    if eta <= -40:
        assert abs(got - eta) < 1e-15 * abs(eta) + 2 ** (-s) * math.exp(eta) * 2
    if eta >= 1e8:
        assert abs(got - (s * math.log(eta) - math.lgamma(s + 1))) < 1e-12 * abs(got)


def test_fd_integral_underflows_to_zero_and_refuses_overflow():
    assert fd.fd_integral(1.5, -800.0) == 0.0  # e^-800: correctly rounded to 0
    assert fd.fd_integral(1.5, -745.0) == pytest.approx(float(_mp_fd(1.5, -745.0)), rel=1e-12, abs=1e-323)
    assert fd.fd_integral(2.5, 1e80) == pytest.approx(float(_mp_fd(2.5, 1e80)), rel=1e-12)
    with pytest.raises(InputError, match="log_fd_integral"):
        fd.fd_integral(2.5, 1e150)  # ~1e374: beyond the double range
    for bad in (math.nan, math.inf):
        with pytest.raises(InputError):
            fd.log_fd_integral(1.5, bad)


@pytest.mark.parametrize("X", [5e-324, 1e-320, 1e-300, 1e-5, 1.0, 1e5, 1e100, 1e300])
def test_inversion_for_subnormal_and_huge_degeneracy(X):
    eta = fd.eta_from_degeneracy(X)
    assert math.isfinite(eta)
    with mpmath.workdps(40):
        back = _mp_fd(1.5, eta, dps=40)
        assert abs(float(mpmath.log(back)) - math.log(X)) < 1e-11 * max(1.0, abs(math.log(X)))
    if X < 1e-250:
        assert eta == pytest.approx(math.log(X), rel=1e-12)  # −Li(−ξ) = ξ − ξ²/2^{3/2} + ...
    if X > 1e90:  # Sommerfeld: X = η^{3/2}/Γ(5/2) (1 + π²/(8η²) + ...)
        assert eta == pytest.approx((X * math.gamma(2.5)) ** (2 / 3), rel=1e-12)


def test_degenerate_limit_quantities_finite_where_integrals_overflow():
    """Up to η ~ 1e50 (n = 1e45 m^-3, T = 1e-60 K), where F_{5/2} ~ 1e125 and nλ³ ~ 1e75.

    K of Eq. (73) as printed, k_B T F_{5/2}/(n λ_B³), is 8π^{3/2}/3 times the true mean kinetic
    energy (the plasma-photons topic finds this factor in its claim (73)); in the degenerate
    limit the true one is (3/5) E_F, so K → (8π^{3/2}/3)(3/5) E_F, computed here in logs."""
    factor = 8 * math.pi**1.5 / 3
    for n, T in [(1e30, 1.0), (1e40, 1e-30), (1e45, 1e-60)]:
        X = fd.degeneracy(n, T)
        kF = fd.fermi_wavevector(n)
        EF = (C.hbar * kF) ** 2 / (2 * C.m_e)
        K = fd.kinetic_energy(n, T)
        assert math.isfinite(K)
        assert K == pytest.approx(factor * 0.6 * EF, rel=1e-6), (n, T, X)
        R = fd.exchange_ratio(n, T)
        assert math.isfinite(R) and R > 0
        # R computed independently with mpmath: (λ_B/λ_D)² F_{1/2}/F_{5/2}
        eta = fd.eta_from_degeneracy(X)
        ratio = (fd.de_broglie_length(T) / fd.debye_length(n, T)) ** 2
        with mpmath.workdps(40):
            ref = ratio * _mp_fd(0.5, eta, 40) / _mp_fd(2.5, eta, 40)
        assert R == pytest.approx(float(ref), rel=1e-10)


# ---------------------------------------------------------------- occupation factors

def test_fermi_bose_softplus_are_overflow_free():
    x = np.array([-1e308, -800.0, -40.0, -1e-12, 1e-12, 40.0, 800.0, 1e308])
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is correct
        f = fd.fermi_factor(x)
        sp_ = fd.log1p_exp(x)
    with mpmath.workdps(40):
        for xi, fi, si in zip(x, f, sp_, strict=True):
            ref_f = 1 / (mpmath.exp(mpmath.mpf(xi)) + 1) if abs(xi) < 1e6 else (0.0 if xi > 0 else 1.0)
            assert fi == pytest.approx(float(ref_f), rel=1e-14, abs=1e-320)
            ref_s = mpmath.log1p(mpmath.exp(mpmath.mpf(xi))) if abs(xi) < 1e6 else max(xi, 0.0)
            assert si == pytest.approx(float(ref_s), rel=1e-14, abs=1e-320)
    b = fd.bose_factor(np.array([-800.0, -1e-12, 1e-12, 800.0, 1e308]))
    assert np.all(np.isfinite(b))
    assert b[1] == pytest.approx(-1e12 - 0.5, rel=1e-12) and b[2] == pytest.approx(1e12 - 0.5, rel=1e-12)
    assert b[0] == -1.0 and b[3] == 0.0 and b[4] == 0.0
    with pytest.raises(InputError, match="pole at x = 0"):
        fd.bose_factor(np.array([1.0, 0.0]))


# ---------------------------------------------------------------- principal values, quadrature caps

def _pv_cos_closed(a, b, c):
    """PV∫_a^b cos x/(x − c) dx = cos c [Ci|B| − Ci|A|] − sin c [Si B − Si A], A = a − c, B = b − c
    (for A < 0 < B; Ci is even in the PV sense)."""
    A, B = a - c, b - c
    return float(mpmath.cos(c) * (mpmath.ci(abs(B)) - mpmath.ci(abs(A)))
                 - mpmath.sin(c) * (mpmath.si(B) - mpmath.si(A)))


@pytest.mark.parametrize("c", [0.3, -0.999999, 1.7, 1.999999999])
def test_pv_integral_against_ci_si_closed_form(c):
    a, b = -1.0, 2.0
    value, evidence = pq.pv_integral(np.cos, a, b, c, n=16, width=0.05)
    assert value == pytest.approx(_pv_cos_closed(a, b, c), rel=1e-11, abs=1e-12)
    assert evidence["pole"].startswith("inside")
    assert evidence["near_endpoint"] == (min(c - a, b - c) < 3e-6)


def test_pv_integral_pole_outside_and_at_endpoints():
    # pole outside: an ordinary integral, = log((b-c)/(a-c)) for g = 1
    c = 1.0 + 1e-9
    value, evidence = pq.pv_integral(np.ones_like, 0.0, 1.0, c)
    assert value == pytest.approx(math.log((c - 1.0) / c), rel=1e-12)
    assert evidence["pole"].startswith("outside") and evidence["near_endpoint"]
    for c in (0.0, 1.0, 1.0 + 1e-14):
        with pytest.raises(InputError, match="diverges logarithmically"):
            pq.pv_integral(np.ones_like, 0.0, 1.0, c)
    # the naive rule (pole not at a breakpoint) is what pv_integral exists to avoid: far off
    x, w = pq.peak_rule(-1.0, 2.0, [], [], n=16)
    naive = np.sum(w * np.cos(x) / (x - 0.3001))
    assert abs(naive - _pv_cos_closed(-1.0, 2.0, 0.3001)) > 1e-3


def test_quadrature_resource_caps():
    with pytest.raises(InputError, match="MAX_PANELS"):
        pq.graded_breakpoints(0.0, 1.0, [0.5], [1e-300], ratio=1.000001)
    with pytest.raises(InputError, match="MAX_PANELS"):
        pq.graded_breakpoints(0.0, 1.0, [], [], hmax=1e-9)
    for bad in (0, -1, 10**6, 2.5, True):
        with pytest.raises(InputError, match="Gauss nodes per panel"):
            pq.panel_rule(np.array([0.0, 1.0]), bad)
    for kw in ({"ratio": math.nan}, {"inner": 0.0}, {"hmax": -1.0}):
        with pytest.raises(InputError):
            pq.graded_breakpoints(0.0, 1.0, [0.5], [0.1], **kw)
    # a vanishing (subnormal) width is fine with a normal ratio: ~2000 panels, not a hang
    brk = pq.graded_breakpoints(0.0, 1.0, [0.5], [5e-324])
    assert len(brk) < 5000 and np.all(np.diff(brk) > 0)


# ---------------------------------------------------------------- residues near the real axis

def test_float_pole_within_rounding_of_real_axis_is_refused():
    x = sympy.Symbol("x", real=True)
    eps = sympy.Float("1e-20")
    expr = 1 / ((x - 1 - sympy.I * eps) * (x**2 + 1))
    with pytest.raises(InputError, match="within rounding"):
        cr.real_line_integral(expr, x)
    # the same pole with an exact (symbolic, positive) width is decided and integrated
    g = sympy.Symbol("g", positive=True)
    exact = cr.real_line_integral(1 / ((x - 1 - sympy.I * g) * (x**2 + 1)), x)
    num = complex(exact.subs(g, sympy.Rational(1, 10)).evalf())
    ref = complex(mpmath.quad(lambda t: 1 / ((t - 1 - 0.1j) * (t**2 + 1)), [-mpmath.inf, 1, mpmath.inf]))
    assert abs(num - ref) < 1e-12
    # a float pole clearly off the axis is still fine
    ok = cr.real_line_integral(1 / ((x - 1 - sympy.I * sympy.Float("0.5")) * (x**2 + 1)), x)
    ref2 = complex(mpmath.quad(lambda t: 1 / ((t - 1 - 0.5j) * (t**2 + 1)), [-mpmath.inf, 1, mpmath.inf]))
    assert abs(complex(ok.evalf()) - ref2) < 1e-12
