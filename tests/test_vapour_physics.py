"""Vapour physics (Eqs. (19)-(21)) and pair sampling, against independent numbers and Monte Carlo."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from scipy import integrate, stats

from symlight.errors import InputError
from symlight.models import vapour
from symlight.models import vapour_sampling as vs


def test_vapour_pressure_density_and_spacing_at_380K():
    # independent arithmetic from the printed Eq. (19) and N = 133.323 p / (k_B T)
    p = 10 ** (2.881 + 4.312 - 4040 / 380)
    n = 133.323 * p / (1.380649e-23 * 380)
    assert vapour.vapour_pressure_torr(380.0) == pytest.approx(p, rel=1e-12)
    assert vapour.number_density(380.0) == pytest.approx(n, rel=1e-5)
    assert vapour.mean_spacing_lam(380.0) == pytest.approx(
        math.gamma(4 / 3) * (4 * math.pi * n / 3) ** (-1 / 3) / 780e-9, rel=1e-5)
    assert vapour.mean_spacing_lam(380.0, prefactor="paper") == pytest.approx(
        5 / 9 * n ** (-1 / 3) / 780e-9, rel=1e-5)


def test_nn_prefactor_exact_quadrature_and_limit():
    expr, value = vapour.nn_prefactor()
    # independent quadrature of ∫ r W3D(r) dr at N = 1 (mpmath, 30 digits)
    with mpmath.workdps(30):
        quad = mpmath.quad(lambda r: r * 4 * mpmath.pi * r**2 * mpmath.exp(-4 * mpmath.pi / 3 * r**3),
                           [0, 1, mpmath.inf])
        assert abs(quad - mpmath.mpf(str(expr.evalf(40)))) < mpmath.mpf(10) ** -25
    assert value == pytest.approx(0.5539602, abs=1e-7)
    assert abs(value - 5 / 9) / value == pytest.approx(2.9e-3, abs=1e-4)  # the printed 5/9 is 0.29 % high
    # W3D is normalised (Eq. (20)), at two densities
    for n in (1.0, 7.5):
        total, _ = integrate.quad(lambda r, n=n: vapour.w3d(r, n), 0, np.inf)
        assert total == pytest.approx(1.0, abs=1e-10)


def test_nearest_neighbour_monte_carlo_twin():
    # Poisson gas in a periodic unit box: mean nearest-neighbour distance -> 0.554 N^(-1/3)
    rng = np.random.default_rng(11)
    n_pts = 4000
    pts = rng.random((n_pts, 3))
    from scipy.spatial import cKDTree

    d, _ = cKDTree(pts, boxsize=1.0).query(pts, k=2)
    mc = d[:, 1].mean() * n_pts ** (1 / 3)
    assert mc == pytest.approx(vapour.nn_prefactor()[1], rel=0.02)


def test_bad_temperatures_and_densities():
    for bad in (300.0, 600.0, float("nan"), [350.0, 20.0], []):
        with pytest.raises(InputError, match="temperature"):
            vapour.number_density(bad)
    for bad in (0.0, -1e18, float("inf")):
        with pytest.raises(InputError, match="density"):
            vapour.mean_spacing(bad)
    with pytest.raises(InputError, match="prefactor"):
        vapour.mean_spacing(1e18, prefactor="5/9")


def test_doppler_width():
    # independent: k sqrt(kT/m) / Γ for 85Rb at 380 K, Γ = 2π·6 MHz
    sigma = (2 * math.pi / 780e-9) * math.sqrt(1.380649e-23 * 380 / (84.911789738 * 1.66053906660e-27))
    assert vapour.doppler_sigma(380.0) == pytest.approx(sigma / (2 * math.pi * 6e6), rel=1e-10)
    assert 40 < vapour.doppler_sigma(380.0) < 42


def test_robbins_constant_monte_carlo():
    rng = np.random.default_rng(5)
    a, b = rng.random((400000, 3)), rng.random((400000, 3))
    d = np.linalg.norm(a - b, axis=1)
    assert vs.cube_mean_distance()[1] == pytest.approx(d.mean(), abs=4 * d.std() / np.sqrt(d.size))


@pytest.mark.parametrize("method", ["box", "w3d"])
def test_positions_have_the_requested_mean_and_minimum(method):
    rng = np.random.default_rng(2)
    r_av = 0.12
    r1, r2 = vs.sample_positions(rng, 40000, r_av, method=method, r_min_lam=0.01)
    d = np.linalg.norm(r1 - r2, axis=1)
    assert d.min() >= 0.01
    assert d.mean() == pytest.approx(r_av, abs=4 * d.std() / np.sqrt(d.size))
    if method == "w3d":
        lam3 = (math.gamma(4 / 3) / r_av) ** 3
        cdf = lambda x: 1 - np.exp(-lam3 * (np.asarray(x) ** 3 - 0.01**3))  # noqa: E731
        assert stats.kstest(d, cdf).pvalue > 1e-3
    else:
        side = vs.box_side(r_av, 0.01)
        assert np.all((r1[:, 0] >= 0) & (r1[:, 0] <= side)) and np.all(np.abs(r1[:, 1:]) <= side / 2)


def test_dipoles_doppler_and_drive_phases():
    rng = np.random.default_rng(4)
    dip = vs.sample_dipoles(rng, 20000, method="isotropic")
    assert np.allclose(np.linalg.norm(dip, axis=1), 1)
    assert abs(np.mean(dip[:, 2] ** 2) - 1 / 3) < 0.01
    assert np.allclose(vs.sample_dipoles(rng, 3, method="fixed", axis=(0, 0, 2)), [0, 0, 1])
    win = vs.sample_doppler(rng, 50000, 41.0, method="window", window=5.0)
    assert np.all(np.abs(win) <= 5.0)
    # inside ±5Γ a normal of width 41Γ is almost flat: variance -> 25/3 (uniform) within 1 %
    assert win.var() == pytest.approx(25 / 3 * (1 - 0.0060), rel=0.03)
    full = vs.sample_doppler(rng, 50000, 41.0, method="full")
    assert full.std() == pytest.approx(41.0, rel=0.02)
    sample = vs.sample_pairs(np.random.default_rng(9), 50, 380.0)
    params = vs.pair_parameters(sample, 20.0, 5.0)
    assert np.allclose(np.abs(params["Omega1"]), 20.0)
    assert np.allclose(np.angle(params["Omega1"] * np.exp(2j * np.pi * sample.r1[:, 0])), 0, atol=1e-9)
    assert np.allclose(params["Delta1"] - sample.delta1, 5.0)
    again = vs.sample_pairs(np.random.default_rng(9), 50, 380.0)
    assert np.array_equal(again.r2, sample.r2) and np.array_equal(again.delta2, sample.delta2)


def test_sampling_bad_input():
    rng = np.random.default_rng(0)
    with pytest.raises(InputError, match="n_pairs"):
        vs.sample_pairs(rng, 0, 380.0)
    with pytest.raises(InputError, match="temperature"):
        vs.sample_pairs(rng, 10, 250.0)
    with pytest.raises(InputError, match="positions"):
        vs.sample_positions(rng, 10, 0.3, method="lattice")
    with pytest.raises(InputError, match="Doppler"):
        vs.sample_doppler(rng, 10, 41.0, method="lorentz")
    with pytest.raises(InputError, match="minimum"):
        vs.box_side(0.005, 0.01)
