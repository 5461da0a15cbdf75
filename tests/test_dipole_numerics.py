"""Coupled-dipole spectra, sum rule, radial loop integrals, boomerang limits (seed 003)."""

from __future__ import annotations

import time
import warnings

import numpy as np
import pytest

from symlight.errors import InputError
from symlight.greens.coupled import collective_tmatrix, pair_diagonal_exact
from symlight.models import dipole_medium
from symlight.numerics import dipole_radial as rad
from symlight.numerics import dipole_spectra as ds
from symlight.numerics.dipole_boomerang import boomerang


@pytest.fixture(scope="module")
def spec():
    rng = np.random.default_rng(11)
    pos = ds.sphere_positions(80, 0.1, rng)
    return pos, ds.spectrum(pos, vectors=True)


def test_eigen_route_equals_direct_inversion(spec):
    pos, s = spec
    for d in (-1.3, 0.0, 0.7):
        direct = collective_tmatrix(pos, 6 * np.pi / (2 * d + 1j)) / (6 * np.pi)
        assert np.allclose(s.diagonal(np.array([d]))[0], np.diag(direct), rtol=1e-8, atol=1e-10)
        assert np.isclose(s.mean_diagonal(np.array([d]))[0], np.mean(np.diag(direct)), rtol=1e-9)


def test_sum_rule_per_configuration(spec):
    _, s = spec
    assert np.all(s.eigvals.imag < 0)
    assert np.allclose(s.area_total(), -np.pi / 2, rtol=1e-9)
    d = np.linspace(-30, 30, 30001)
    trap = np.trapezoid(s.mean_diagonal(d).imag, d)
    assert np.isclose(trap, s.area_in_window(-30, 30), rtol=1e-4)
    assert s.area_in_window(-1e7, 1e7) == pytest.approx(-np.pi / 2, rel=1e-5)


def test_many_detunings_fast(spec):
    _, s = spec
    lam = np.tile(s.eigvals, 25)  # 6000 eigenvalues: the M = 2000 size
    big = ds.Spectrum(lam)
    t0 = time.perf_counter()
    big.mean_diagonal(np.linspace(-5, 5, 200))
    assert time.perf_counter() - t0 < 1.0


def test_pair_matches_closed_form():
    pos = np.array([[0, 0, 0], [0.2, 0.1, -0.4]])
    t = 6 * np.pi / (2 * -0.3 + 1j)
    ev = np.sort_complex(np.linalg.eigvals(collective_tmatrix(pos, t)[:3, :3]))
    assert np.allclose(ev, np.sort_complex(pair_diagonal_exact(np.linalg.norm(pos[1]), t)))


def test_low_density_sphere_theory_versus_bulk():
    # the finite-sphere pair weight tends to the bulk integral for a large sphere
    bulk = rad.loop_integral(0.5)
    big = rad.loop_integral_sphere(0.5, 400.0)
    assert abs(big - bulk) / abs(bulk) < 0.02


def test_loop_integral_referee():
    a = rad.loop_integral(-0.6)
    b = complex(rad.loop_integral_mp(-0.6, dps=20))
    assert abs(a - b) < 1e-8 * abs(b)


def test_boomerang_large_p_limits():
    b = boomerang(np.array([30.0]), 0.0, r_max=120.0)
    unit = -b["t"] ** 2 / (16 * np.pi**2)
    assert abs(b["T"][0]) < 0.02 * abs(unit)
    assert abs(b["L"][0] - unit) < 0.02 * abs(unit)


def test_bad_input():
    with pytest.raises(InputError):
        ds.sphere_positions(0, 0.1, np.random.default_rng(0))
    with pytest.raises(InputError):
        ds.sphere_positions(10, -1.0, np.random.default_rng(0))
    with pytest.raises(InputError):
        boomerang(np.array([0.0]), 0.0)
    with pytest.warns(dipole_medium.RegimeWarning, match="ISA"):
        dipole_medium.mean_free_path(0.0, 1.0)
    with pytest.warns(dipole_medium.RegimeWarning, match="Q0"):
        dipole_medium.mean_free_path(50.0, 1e-3, q0=100.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dipole_medium.mean_free_path(0.0, 1e-3, q0=1e6)


def test_coherent_field_small_sample_matches_isa():
    from symlight.numerics.dipole_coherent import coherent_profile, fit_b8

    prof = coherent_profile(0.05, -2.0, range(3), radius=12.0, length=8.0, bins=16)
    fit = fit_b8(prof["z"], prof["E"], 8.0)
    kk = dipole_medium.isa_wavenumber(-2.0, 0.05)
    assert abs(fit["k_e"] - kk.real) < 3 * fit["k_e_err"] + 0.03
    with pytest.raises(InputError):
        coherent_profile(0.05, 0.0, [0], radius=5.0, length=10.0)
