"""Tests for the waveguide-pair model (seed 004_051fe7d7dc805f6f.txt). Independent twins only."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symlight.errors import InputError
from symlight.models.waveguide_pair import PairParams, emission_ratio, quadrant_probabilities
from symlight.models.waveguide_pair.params import PairParams as PP
from symlight.models.waveguide_pair.propagators import Propagators
from symlight.models.waveguide_pair.ratio import Accuracy
from symlight.models.waveguide_pair.self_energy import (
    massive_mode,
    sigma,
    sigma_quadrature,
    sigma_real_fast,
    xi,
)
from symlight.models.waveguide_pair.weak_limit import weak_limit_ratio
from symlight.numerics.contour_residues import real_line_integral
from symlight.numerics.peak_quadrature import peak_rule


@pytest.mark.parametrize("bad", [dict(omega0=1.0), dict(omega0=0.5), dict(lam=0.0), dict(lam=-1e-3),
                                 dict(k0d=-0.1)])
def test_bad_input_names_the_value(bad):
    args = dict(k0d=1.0, lam=1e-2, omega0=1.1)
    args.update(bad)
    with pytest.raises(InputError) as err:
        emission_ratio(**args)
    name = next(iter(bad))
    assert name.replace("k0d", "k0d") in str(err.value)


def test_negative_distance_rejected():
    with pytest.raises(InputError, match="d"):
        PP(M=1.0, lam=0.01, omega0=1.1, d=-1.0)


@pytest.mark.parametrize("z", [1.3 + 0.2j, 0.5 + 0.1j, -0.7 + 0.3j, 1.5, 0.6, -0.4, -2.0])
@pytest.mark.parametrize("s", [1, -1])
def test_sigma_closed_form_matches_quadrature(z, s):
    lam, M, d = 0.1, 1.0, 2.3
    om, g, dw = massive_mode(lam, M)
    ref = sigma_quadrature(z, s, d, om, g, domega=dw)
    got = complex(sigma(np.array(z), s, lam, M, d))
    assert abs(got - ref) <= 1e-7 * abs(ref)


def test_sigma_general_dispersion_limit_d0():
    # d = 0: Σ₋ = 0 and Σ₊ = 2Σ_single for any ω, g (here a lattice-like dispersion)
    om = lambda k: 1.0 + 0.5 * (1 - np.cos(k)) + 0.1 * k * k
    g = lambda k: 0.1 / (1 + k * k) ** 0.5
    sp_ = sigma_quadrature(2.0 + 0.1j, 1, 0.0, om, g)
    sm = sigma_quadrature(2.0 + 0.1j, -1, 0.0, om, g)
    assert abs(sm) < 1e-12
    assert abs(sp_) > 1e-4


def test_xi_small_and_real_and_d0_limit():
    assert abs(complex(xi(np.array(1.05), 1.0, 0.0)) - 1.0) < 1e-8   # ξ(d = 0) = 1 (Σ₊ = 2Σ₀)
    for dv in (2.0, 6.0, 12.0):
        v = complex(xi(np.array(1.4), 1.0, dv))
        assert abs(v.imag) < 1e-12
        assert abs(v.real) < 3 * np.exp(-dv)


def test_fast_real_axis_matches_complex_path():
    E = np.linspace(-4, 4, 800)
    for s in (1, -1):
        a = sigma_real_fast(E, s, 0.05, 1.0, 1.7)
        b = sigma(E, s, 0.05, 1.0, 1.7)
        assert np.max(np.abs(a - b) / np.abs(b)) < 1e-7


def test_peak_rule_lorentzian():
    w = 1e-5
    x, wt = peak_rule(-1.0, 1.0, [0.3], [w], n=8, ratio=2.0)
    f = w / np.pi / ((x - 0.3) ** 2 + w * w)
    exact = (np.arctan((1 - 0.3) / w) + np.arctan((1 + 0.3) / w)) / np.pi
    assert abs(np.sum(wt * f) - exact) < 1e-8


def test_residue_integral_against_numeric():
    x = sp.Symbol("x", real=True)
    a, w = sp.Rational(3, 10), sp.Rational(1, 7)
    f = 1 / (((x - a) ** 2 + w ** 2) * (x ** 2 + 1))
    got = float(real_line_integral(f, x))
    from scipy.integrate import quad

    ref = quad(lambda t: float(f.subs(x, t)), -np.inf, np.inf)[0]
    assert abs(got - ref) < 1e-9


def test_below_threshold_pole_small_lambda():
    for lam in (3e-3, 1e-2):
        pr = Propagators(PairParams.from_k0d(np.pi / 2, lam, 1.1))
        gap = pr.threshold_gap(1)
        printed = 8 * np.pi ** 2 * lam ** 4 / (0.1 ** 2)
        assert abs(gap / printed - 1) < 0.1
        Ep = pr.below_threshold_pole(1)[0]
        # pole condition checked with the independent quadrature of Eq. (20)
        om, g, dw = massive_mode(lam, 1.0)
        s_ep = sigma_quadrature(Ep, 1, pr.par.d, om, g).real
        assert abs(Ep - 1.1 - s_ep) < 1e-6 * abs(s_ep) + 1e-12
        assert pr.below_threshold_pole(-1) is None


def test_weak_limit_formula_without_xi_is_printed_R():
    for kd in (0.4, 1.0, np.pi / 2, 2.5):
        par = PairParams.from_k0d(kd, 1e-3, 1.1)
        assert abs(weak_limit_ratio(par, include_xi=False) - (1 + 2 * np.sin(kd) ** 2)) < 1e-12


def test_ratio_small_lambda_tends_to_limit():
    # finite-λ code vs the weak-coupling limit (with ξ) and, where e^{-Md} is negligible, 1 + 2 sin²
    par = PairParams.from_k0d(5 * np.pi / 2, 3e-4, 1.1)
    r = quadrant_probabilities(par)
    assert abs(r.R - 3.0) < 1e-3 * 3
    assert abs(r.total - 1.0) < 1e-3
    par = PairParams.from_k0d(1.0, 3e-4, 1.1)
    assert abs(quadrant_probabilities(par).R / weak_limit_ratio(par) - 1) < 1e-3


def test_ratio_quadrature_converges():
    par = PairParams.from_k0d(np.pi / 2, 1e-2, 1.1)
    a = quadrant_probabilities(par, Accuracy())
    b = quadrant_probabilities(par, Accuracy().refined())
    assert abs(a.R / b.R - 1) < 1e-4
    assert 2.7 < a.R < 3.0   # "close to 3" at λ = 10⁻²M (Fig. 6 caption)


@pytest.mark.slow
def test_fig7_full_convergence():
    for kd, lam, w0 in ((np.pi / 2, 3e-2, 1.1), (5 * np.pi / 2, 3e-2, 1.1), (5 * np.pi / 2, 3e-2, 1.4),
                        (np.pi, 2e-2, 1.1)):
        par = PairParams.from_k0d(kd, lam, w0)
        a = quadrant_probabilities(par, Accuracy())
        b = quadrant_probabilities(par, Accuracy().refined())
        assert abs(a.R / b.R - 1) < 1e-3
