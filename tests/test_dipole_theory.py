"""Self-consistent theory and transport formulas of seed 003 (independent numeric twins)."""

from __future__ import annotations

import mpmath as mp
import numpy as np
import pytest

from symlight.errors import InputError
from symlight.models import dipole_medium
from symlight.models import dipole_selfconsistent as sc


def test_cubic_root_solves_channel_equations_and_is_continuous():
    xs = np.linspace(0.6, 5, 60)
    vals = []
    for x in xs:
        part = sc.sigma_parts(x)
        assert part["sigma"] > part["c2"]
        assert abs(part["sigma0"] + part["sigma2"] - part["sigma"]) < 1e-10 * part["sigma"]
        vals.append(part["sigma"])
    vals = np.array(vals)
    assert np.all(np.abs(np.diff(vals)) / vals[1:] < 0.35)  # one continuous branch
    # numpy scalars and python floats give the same root (regression: poly1d * np.float64)
    assert sc.sigma_hat(np.float64(1.0)) == pytest.approx(sc.sigma_hat(1.0), rel=1e-14)


def test_q_zero_limit_is_eq99():
    for x in (0.7, 1.3, 3.0):
        assert sc.sigma_hat(x, q=0.0) == pytest.approx(float(sc.q_zero_sigma(x)), rel=1e-12)


def test_large_kl_recovers_drude_with_weak_localization():
    x = 200.0
    assert sc.sigma_hat(x) == pytest.approx(1 - sc.W_LOC / x, abs=5e-4)


def test_sum_gt2_quadrature_and_mfp():
    k, ell = 1.4, 2.3
    K = mp.mpc(k, 1 / (2 * ell))
    val = mp.quad(lambda p: p**2 / abs(K**2 - p**2) ** 2, [0, k, mp.inf]) / (2 * mp.pi**2)
    assert float(val) == pytest.approx(ell / (4 * np.pi), rel=1e-10)
    with np.errstate(all="ignore"):
        ell0 = dipole_medium.mean_free_path(0.0, 1e-6)
    assert ell0 == pytest.approx(1 / (1e-6 * 6 * np.pi), rel=1e-5)


def test_energy_velocity_limits():
    v = dipole_medium.energy_velocity(np.array([0.0, 50.0]), 1e-4, q0=1e8)
    assert v[0] < 1e-3  # stored longitudinal energy dominates on resonance (Q0/kℓ ≫ 1)
    assert 0 < v[1] < 1


def test_bad_input_selfconsistent():
    with pytest.raises(InputError):
        sc.sigma_hat(-1.0)
    with pytest.raises(InputError):
        sc.sigma_hat(1.0, q=-0.5)
    with pytest.warns(UserWarning, match="evanescent"):
        try:
            sc.sigma_hat(0.3)
        except InputError:
            pass


def test_wl_radial_integral_closed_form():
    from symlight.numerics.dipole_radial import wl_radial_integral

    for p in (1.0, 2.2):
        ref = (3 * np.pi / 20) * (2 / p**2 + 9 / 7 / p**4) / 4.5
        assert wl_radial_integral(p) == pytest.approx(ref, rel=1e-8)


@pytest.mark.slow
def test_wl_radial_integral_mpmath_referee():
    from symlight.numerics.dipole_radial import wl_radial_integral

    sj = lambda n, z: mp.sqrt(mp.pi / (2 * z)) * mp.besselj(n + 0.5, z)
    h = lambda z: 0.8 * sj(1, z) - 0.2 * sj(3, z)
    val = mp.quadosc(lambda r: h(r) * h(1.7 * r), [0, mp.inf], omega=1)
    assert wl_radial_integral(1.7) == pytest.approx(float(val), rel=1e-8)
