"""Seed 000_afe20a70b32bac1d.txt: Wigner data, diffusion densities, Monte Carlo transport, amplitude
equations from the operator algebra, and the topic module."""

from __future__ import annotations

import numpy as np
import pytest

from symlight.errors import InputError
from symlight.models import two_photon_densities as dens
from symlight.models import two_photon_medium as hm
from symlight.models import two_photon_transport_mc as mc


def test_gaussian_wigner_closed_form_vs_quadrature():
    r1, r2, ls = np.array([0.2, -0.1, 0.9]), np.array([-0.3, 0.5, -1.1]), 0.7
    x, k = np.array([0.4, -0.2, 0.1]), np.array([0.9, 0.3, -0.8])
    num = np.prod([dens.wigner_quadrature_1d(x[i], k[i], r1[i], r2[i], ls) for i in range(3)])
    assert abs(dens.gaussian_cross_wigner(x, k, r1, r2, ls) - num) < 1e-10 * abs(num)
    same = np.prod([dens.wigner_quadrature_1d(x[i], k[i], r1[i], r1[i], ls) for i in range(3)])
    assert abs(dens.gaussian_wigner(x, k, r1, ls) - same) < 1e-10 * abs(same)


def test_norm_constant_by_quadrature():
    s = dens.Setup(ls=0.8, r1=(0.0, 0.0, 0.5), r2=(0.0, 0.0, -0.5))
    z = np.linspace(-8, 8, 801)
    dz = z[1] - z[0]
    # factorised 3D integrals of |phi_r1 phi_r2 + phi_r2 phi_r1|^2
    one = lambda r: np.exp(-(z - r) ** 2 / (2 * s.ls ** 2))
    A = np.sum(one(0) ** 2) * dz
    B = np.sum(one(0.5) * one(-0.5)) * dz
    num = 2 * A ** 6 + 2 * (A ** 2 * B) ** 2
    assert abs(dens.norm_constant_sq(s) - num) < 1e-8 * num


def test_mode_weights_and_total_probability():
    kc = hm.kinetic_coefficients(np.array([0.7, 2.2]), np.array([1.1, 0.4]))
    proj = dens.initial_mode_weights(kc["v"])
    paper = dens.initial_mode_weights(kc["v"], "paper")
    assert np.allclose(proj.sum(-1), 1) and np.all(proj >= 0)
    assert np.allclose(paper.sum(-1), 1)  # V doubly stochastic
    assert not np.allclose(proj, paper)
    assert abs(dens.total_probability_t0(n=24) - 1) < 1e-6
    with pytest.raises(InputError):
        dens.initial_mode_weights(kc["v"], "other")


def test_densities_positive_and_asymptote():
    s = dens.Setup()
    d = dens.densities([0.5, 5.0], s, n=24)
    assert all(np.all(d[k] > 0) for k in ("psi2", "psi1", "a"))
    tl = [1e5]
    ex, asy = dens.densities(tl, s, n=24), dens.densities(tl, s, n=24, asymptotic=True)
    assert abs(asy["psi2"][0] / ex["psi2"][0] - 1) < 0.02


@pytest.mark.parametrize("kw", [{"ls": 0.0}, {"ls": np.inf}, {"rho0": -1.0}, {"G": -0.5},
                                {"r1": (0.0, np.nan, 0.0)}])
def test_non_normalisable_or_bad_setup(kw):
    with pytest.raises(InputError):
        dens.densities([1.0], dens.Setup(**kw), n=8)


def test_walkers_exact_msd():
    rng = np.random.default_rng(3)
    v, s, t = 0.8, 2.0, 3.0
    x = mc.walk(v, s, t, 20000, rng)
    msd = np.mean(np.sum(x ** 2, 1))
    exact = 2 * v ** 2 / s ** 2 * (s * t - 1 + np.exp(-s * t))  # persistent walk, isotropic
    err = np.std(np.sum(x ** 2, 1)) / np.sqrt(x.shape[0])
    assert abs(msd - exact) < 4 * err
    assert np.all(np.linalg.norm(x, axis=1) <= v * t + 1e-9)
    with pytest.raises(InputError):
        mc.walk(-1.0, 1.0, 1.0, 10, rng)


def test_monte_carlo_vs_diffusion_small():
    kc = hm.kinetic_coefficients(1.5, 1.6)
    f1, f2, m1, m2 = (float(kc[k][3]) for k in ("f1", "f2", "mu1", "mu2"))
    r = mc.compare_with_diffusion(f1, f2, m1, m2, t_end=100 / min(m1, m2), n=5000, seed=4)
    assert r["chi2"] < 45  # 15 dof; p ~ 1e-4
    assert np.all(np.abs(r["observed"] - r["expected"]) < 4 * r["stderr"] + 0.004)


def test_lattice_symmetry_and_norm_can_fail():
    from symlight.models import two_photon_amplitudes as am

    ok = am.lattice_checks()
    assert ok["asymmetry"] < 1e-10 and ok["norm_drift"] < 1e-10
    bad = am.lattice_checks(factor16=1.0)
    assert bad["asymmetry"] > 1e-3
    with pytest.raises(InputError):
        am.lattice_generator([1.0, -1.0], np.eye(2))
    with pytest.raises(InputError, match="coupling"):
        am.lattice_generator([1.0, 1.0], np.eye(2), g_val=-0.5)


def test_topic_module_api():
    import derivations.two_photon_medium as topic

    assert topic.TOPIC == "two-photon-medium" and topic.SOURCE == "000_afe20a70b32bac1d.txt"
    vals = topic.fig1_amplitudes([1.0], points="paper", n=16)
    assert max(np.max(np.abs(v)) for v in vals.values()) < 1e-14
    diag = topic.fig1_amplitudes([1.0], points="diagonal", n=16)
    assert np.abs(diag["a"]).max() > 1e-6
    # inversion + exchange symmetry: zero up to the quadrature error of the n x (n+1) grid
    assert np.abs(diag["psi2"]).max() < 1e-4 * np.abs(diag["a"]).max()
    a0 = topic.fig1_amplitudes([0.0], points="offaxis", n=32)["a"][0]
    assert abs(a0 - np.pi ** -1.5 * np.exp(-1.0) * (1 - np.exp(-2.0))) < 1e-8


@pytest.mark.slow
def test_full_claims_and_figures(tmp_path):
    import derivations.two_photon_medium as topic

    claims = topic.claims()
    assert len(claims) > 60
    figs = topic.figures(tmp_path, full=True)
    assert all(f.path.exists() for f in figs)
