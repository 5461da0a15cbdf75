"""Ensemble g2: averaging rules, FWHM, Dask = local, the derived pair model, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from symlight.errors import InputError
from symlight.models import vapour_sampling as vs
from symlight.models.vapour_ensemble import (
    VapourPoint,
    combine,
    coupling_function,
    ensemble_g2,
    first_peak_fwhm,
    sample_chunk,
)
from symlight.models.vapour_pair_system import LinearPairSystem, g2_parts
from tests.test_vapour_pair_system import referee_g2, standin_linear_system, standin_system

SAMPLING = {"positions": "box", "dipoles": "isotropic", "doppler": "window", "window": 5.0,
            "r_min_lam": 0.01, "prefactor": "exact"}
POINTS = [VapourPoint(380.0, 8.0, 0.0), VapourPoint(450.0, 8.0, 3.0)]
TAUS = np.linspace(0.0, 3.0, 40)


def test_fwhm_on_known_shapes():
    t = np.linspace(0, 5, 2001)
    sigma = 0.4
    gauss = 1 + np.exp(-(t**2) / (2 * sigma**2))  # peak at 0, mirrored: FWHM = 2σ sqrt(2 ln 2)
    assert first_peak_fwhm(t, gauss) == pytest.approx(2.354820 * sigma, rel=1e-4)
    # first peak away from 0 (antibunched start), baseline 1
    shifted = 1 + np.exp(-((t - 2) ** 2) / (2 * sigma**2)) - 0.9 * np.exp(-(t**2) / (2 * 0.2**2))
    assert first_peak_fwhm(t, shifted) == pytest.approx(2.354820 * sigma, rel=1e-3)
    # baseline "min": half height between the peak and the following minimum
    damped = 1 + np.exp(-t) * np.cos(4 * t)
    w_one, w_min = first_peak_fwhm(t, damped), first_peak_fwhm(t, damped, baseline="min")
    t_half_one = t[np.argmax(damped <= 1.5)]
    assert w_one == pytest.approx(2 * t_half_one, abs=5e-3)
    assert w_min > w_one  # a lower baseline widens the measured peak
    assert np.isnan(first_peak_fwhm(t, 1 - np.exp(-t)))  # monotone rise: no peak
    with pytest.raises(InputError):
        first_peak_fwhm(t, gauss, baseline="zero")


def test_averaging_rules_against_direct_numpy():
    sysm = standin_system()
    fn = coupling_function("printed")
    params = [sample_chunk(7, 0, c, 40, POINTS[0], SAMPLING, fn) for c in range(3)]
    parts = [g2_parts(sysm, TAUS, p) for p in params]
    num = np.concatenate([p.numerator for p in parts])
    den = np.concatenate([p.denominator for p in parts])
    g = num / den[:, None]
    from symlight.models.vapour_ensemble import _statistics

    chunks = [_statistics(p.numerator, p.denominator) for p in parts]
    mean, se, n = combine(chunks, "mean_of_ratios")
    assert n == 120
    np.testing.assert_allclose(mean, g.mean(0), rtol=1e-12)
    np.testing.assert_allclose(se, g.std(0, ddof=1) / np.sqrt(120), rtol=1e-6, atol=1e-14)
    ratio, se_r, _ = combine(chunks, "ratio_of_means")
    np.testing.assert_allclose(ratio, num.sum(0) / den.sum(), rtol=1e-12)
    resid = num - ratio[None, :] * den[:, None]
    np.testing.assert_allclose(se_r, resid.std(0, ddof=1) / np.sqrt(120) / den.mean(),
                               rtol=1e-6, atol=1e-14)


def test_ensemble_runs_and_dask_equals_local():
    distributed = pytest.importorskip("distributed")
    kw = dict(n_pairs=60, seed=3, chunk=25, progress=False)
    local = ensemble_g2(POINTS, standin_system(), TAUS, executor="local", workers=2, **kw)
    serial = ensemble_g2(POINTS, standin_system(), TAUS, executor="serial", **kw)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  protocol="tcp", host="127.0.0.1", scheduler_port=0,
                                  dashboard_address=None) as cluster:
        remote = ensemble_g2(POINTS, standin_system(), TAUS, executor=cluster.scheduler_address,
                             **kw)
    for a, b, c in zip(local, serial, remote, strict=True):
        assert a.n_pairs == 60
        assert np.array_equal(a.g2, b.g2) and np.array_equal(a.g2, c.g2)
        assert np.array_equal(a.stderr, c.stderr) and a.fwhm == c.fwhm or np.isnan(a.fwhm)
        assert a.max_imag < 1e-8
        assert np.all(a.stderr > 0)
    # the ensemble mean equals the mean of per-pair referee values (density-matrix twin) on a few pairs
    params = sample_chunk(3, 0, 0, 25, POINTS[0], SAMPLING, coupling_function("printed"))
    ours = g2_parts(standin_system(), TAUS[:5], params).g2
    for q in range(3):
        ref = referee_g2({k: v[q] for k, v in params.items()}, TAUS[:5])
        np.testing.assert_allclose(ours[q], ref, rtol=1e-8)


def test_derived_model_agrees_with_standin_and_its_own_g2():
    from symlight.models.driven_pair_moments import driven_dipole_pair

    model = driven_dipole_pair()
    M, b = model.linear_system()
    Ms, bs = standin_linear_system()
    sym = {s.name: s for s in M.free_symbols | Ms.free_symbols}
    diff = (M.subs(sym) - Ms.subs(sym)).applyfunc(sympy.expand)
    assert diff == sympy.zeros(15, 15)
    assert (b - bs).applyfunc(sympy.expand) == sympy.zeros(15, 1)
    derived = LinearPairSystem.from_sympy(M, b, label="derived")
    params = sample_chunk(1, 0, 0, 8, POINTS[1], SAMPLING, coupling_function("printed"))
    ours = g2_parts(derived, TAUS, params).g2
    np.testing.assert_allclose(ours, model.g2(TAUS, params), rtol=1e-8, atol=1e-10)


def test_bad_input_is_refused_clearly():
    sysm = standin_system()
    with pytest.raises(InputError, match="n_pairs"):
        ensemble_g2(POINTS, sysm, TAUS, n_pairs=0)
    with pytest.raises(InputError, match="temperature"):
        ensemble_g2([VapourPoint(290.0, 5.0)], sysm, TAUS, n_pairs=5)
    with pytest.raises(InputError, match="temperature"):
        ensemble_g2([VapourPoint(700.0, 5.0)], sysm, TAUS, n_pairs=5)
    with pytest.raises(InputError, match="average"):
        ensemble_g2(POINTS, sysm, TAUS, n_pairs=5, average="median")
    with pytest.raises(InputError, match="no points"):
        ensemble_g2([], sysm, TAUS)
    with pytest.raises(InputError, match="couplings"):
        ensemble_g2(POINTS, sysm, TAUS, n_pairs=5, couplings="guessed")
    with pytest.raises(InputError, match="Rabi"):
        vs.pair_parameters(vs.sample_pairs(np.random.default_rng(0), 2, 380.0), -1.0, 0.0)


def test_checkpointed_ensemble_resumes_identically_and_options_run(tmp_path):
    sysm = standin_system()
    kw = dict(n_pairs=30, seed=5, chunk=10, executor="serial", progress=False)
    first = ensemble_g2(POINTS[:1], sysm, TAUS, checkpoint=tmp_path / "ck", **kw)
    files = sorted((tmp_path / "ck").glob("task-*.npz"))
    assert len(files) == 3
    files[1].unlink()  # as if the run had been interrupted before this chunk finished
    again = ensemble_g2(POINTS[:1], sysm, TAUS, checkpoint=tmp_path / "ck", **kw)
    assert np.array_equal(first[0].g2, again[0].g2)
    assert len(list((tmp_path / "ck").glob("task-*.npz"))) == 3
    other = ensemble_g2(POINTS[:1], sysm, TAUS, positions="w3d", dipoles="fixed", doppler="full",
                        average="ratio_of_means", baseline="min", **kw)
    assert other[0].average == "ratio_of_means" and np.all(np.isfinite(other[0].g2))
    assert not np.array_equal(other[0].g2, first[0].g2)
