"""Seed 000_afe20a70b32bac1d.txt: homogeneous spectrum, single atom, kinetic coefficients, units."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symlight.errors import InputError
from symlight.models import two_photon_medium as hm
from symlight.models import two_photon_single_atom as sa
from symlight.numerics.units import (
    DimensionMismatch,
    check_dimension,
    describe_dimension,
    dimension_of,
    length,
    time,
)

k1, k2, c, Om, G, lam = hm.k1, hm.k2, hm.c, hm.Omega, hm.G, hm.lam

# transcribed from the print, Eqs. (42)-(43), (45) (independent of the derivation code)
B2 = 2 * Om ** 2 + 8 * G ** 2 + c ** 2 * k1 ** 2 + c ** 2 * k2 ** 2 - 2 * Om * c * k1 - 2 * Om * c * k2
B3 = (Om ** 4 - 2 * Om ** 3 * c * k1 - 2 * Om ** 3 * c * k2 + Om ** 2 * c ** 2 * k1 ** 2
      + 4 * Om ** 2 * c ** 2 * k1 * k2 + Om ** 2 * c ** 2 * k2 ** 2 + 8 * Om ** 2 * G ** 2
      - 2 * Om * c ** 3 * k1 ** 2 * k2 - 2 * Om * c ** 3 * k1 * k2 ** 2 - 8 * Om * c * G ** 2 * k1
      - 8 * Om * c * G ** 2 * k2 + c ** 4 * k1 ** 2 * k2 ** 2 + 4 * c ** 2 * G ** 2 * k1 ** 2
      + 4 * c ** 2 * G ** 2 * k2 ** 2)


# ----------------------------------------------------------------------------- units
def test_units_find_rate_and_mismatch():
    g_, O_, c_ = sp.symbols("g Omega c", positive=True)
    dims = {"g": length ** sp.Rational(3, 2) / time, "Omega": 1 / time, "c": length / time}
    ok, _ = check_dimension(g_ ** 2 * O_ ** 2 / (sp.pi * c_ ** 3), dims, 1 / time)
    assert ok
    ok, ev = check_dimension(g_ ** 2 * O_ ** 2 / (sp.pi * c_ ** 2), dims, 1 / time)
    assert not ok and "length" in ev
    with pytest.raises(DimensionMismatch):
        dimension_of(O_ + c_, dims)
    with pytest.raises(DimensionMismatch):
        dimension_of(sp.exp(O_), dims)
    with pytest.raises(InputError):
        dimension_of(sp.Symbol("unknown"), dims)
    assert describe_dimension(dimension_of(sp.DiracDelta(c_ * sp.Symbol("k")), dims | {"k": 1 / length})) \
        == "time"


def test_units_flag_printed_jacobian_and_rate():
    d = c * (k1 + k2) / 2
    printed = c / 4 * sp.Abs(d - Om + sp.Rational(3, 2) * sp.sqrt((d - Om) ** 2 + 8 * G ** 2))
    ok, ev = check_dimension(printed, hm.DIMENSIONS, length / time)
    assert not ok and "time^-2" in ev
    derived = sp.Abs(hm.reduced_eigen()["dlam_dk1+"])
    assert check_dimension(derived, hm.DIMENSIONS, length / time)[0]
    assert check_dimension(hm.reduced_rates()["mu1+"], hm.DIMENSIONS, 1 / length)[0]


# ----------------------------------------------------------------------------- spectrum
def test_biquadratic_and_printed_b():
    d = hm.characteristic_data()
    assert d["odd_mu3"] == 0 and d["odd_mu1"] == 0
    assert sp.expand(d["b2"] - B2) == 0
    assert sp.expand(d["b3"] - B3) == 0
    # independent twin: the char. polynomial vanishes at the closed forms (numeric, high precision)
    vals = {k1: sp.Rational(7, 10), k2: sp.Rational(19, 10), c: 1, Om: sp.Rational(13, 10),
            G: sp.Rational(3, 5)}
    for ev in hm.eigenvalue_closed_forms():
        assert abs(sp.N(d["char"].subs(vals).subs(lam, ev.subs(vals)), 40)) < 1e-30


def test_closed_eigenvalues_match_eigh_to_1e12():
    rng = np.random.default_rng(0)
    for _ in range(200):
        a, b = rng.uniform(0.01, 5, 2)
        cc, om, gg = rng.uniform(0.3, 3, 3)
        cl = hm.eigenvalues_closed(a, b, c_val=cc, Omega_val=om, G_val=gg)
        nu = hm.eigenpairs(a, b, c_val=cc, Omega_val=om, G_val=gg).lam
        assert np.max(np.abs(cl - nu)) <= 1e-12 * max(1.0, np.max(np.abs(nu)))


def test_limits_g0_and_equal_moduli():
    a, b = 0.8, 2.1
    lim = np.sort(hm.eigenvalues_closed(a, b, G_val=0.0))
    assert np.allclose(lim, np.sort([a + b, b + 1, a + 1, 2.0]), atol=1e-7)
    # |k1| = |k2|: closed forms stay finite and match eigh
    assert np.allclose(hm.eigenvalues_closed(1.3, 1.3), hm.eigenpairs(1.3, 1.3).lam, atol=1e-12)


def test_derived_eigenvectors_are_eigenvectors_and_match_print():
    vp = hm.eigenvector_polynomials()
    f = sp.lambdify((lam, k1, k2, c, Om, G), vp, "numpy")
    a, b, cc, om, gg = 0.6, 1.7, 0.9, 1.2, 0.8
    lv = hm.eigenvalues_closed(a, b, c_val=cc, Omega_val=om, G_val=gg)
    V = np.array([np.broadcast_to(x, lv.shape) for x in f(lv, a, b, cc, om, gg)])
    A = hm.symbol_matrix_numeric(a, b, c_val=cc, Omega_val=om, G_val=gg)
    assert np.allclose(A @ V, V * lv, atol=1e-10 * np.abs(V).max())
    printed_v2 = ((lam ** 2 + 2 * (Om ** 2 + c * k1 * Om - G ** 2) - (3 * Om + c * k1) * lam)
                  / (G * (c * k1 - c * k2)))
    assert sp.simplify(printed_v2 - vp[1]) == 0


def test_speed_factors_hellmann_feynman():
    rng = np.random.default_rng(1)
    a, b = rng.uniform(0.05, 4, 50), rng.uniform(0.05, 4, 50)
    ep = hm.eigenpairs(a, b)
    assert np.allclose(ep.f1.sum(-1), 2, atol=1e-12) and np.allclose(ep.f2.sum(-1), 2, atol=1e-12)
    assert np.all(ep.f1 >= -1e-14) and np.all(ep.f1 <= 1 + 1e-14)
    h = 1e-6
    fd = (hm.eigenvalues_closed(a + h, b) - hm.eigenvalues_closed(a - h, b)) / (2 * h)
    assert np.allclose(ep.f1, fd, atol=1e-6)


def test_reduced_model_speed_factor_matches_print():
    e = hm.reduced_eigen()
    d = c * (k1 + k2) / 2
    X = (3 * d + Om + sp.sqrt((d - Om) ** 2 + 8 * G ** 2)) / 2 - d - Om
    printed = (X ** 2 + G ** 2) / (X ** 2 + 2 * G ** 2)
    vals = {k1: 0.7, k2: 1.3, c: 1.1, Om: 0.9, G: 0.6}
    assert abs(float((printed - e["f+"]).subs(vals))) < 1e-12
    assert abs(float((e["f+"] + e["f-"]).subs(vals)) - 1.5) < 1e-12


def test_kinetic_coefficients_consistent():
    kc = hm.kinetic_coefficients(np.array([0.9, 1.5]), np.array([1.4, 0.5]), Chat=2.0)
    assert np.all(kc["mu1"] > 0) and np.all(kc["D1"] > 0)
    assert np.allclose(kc["D1"], kc["f1"] ** 2 / (3 * kc["mu1"]))
    kc1 = hm.kinetic_coefficients(np.array([0.9]), np.array([1.4]), Chat=1.0)
    assert np.allclose(kc["mu1"][0], 2 * kc1["mu1"][0])  # rate linear in the spectrum


@pytest.mark.parametrize("kwargs", [{"G_val": -1.0}, {"c_val": 0.0}, {"Omega_val": -2.0},
                                    {"rho0_val": 0.0}, {"g_val": -0.1}])
def test_bad_parameters(kwargs):
    with pytest.raises(InputError):
        hm.check_parameters(**kwargs)
    with pytest.raises(InputError):
        hm.kinetic_coefficients(1.0, 1.0, Chat=-1.0)


# ----------------------------------------------------------------------------- single atom
def test_single_atom_gamma_and_lamb_shift():
    assert sp.simplify(sa.gamma_from_delta_integral() - sa.g ** 2 * sa.Omega ** 2 / (sp.pi * sa.c ** 3)) == 0
    closed = sa.lamb_shift_closed_form()
    for p in [(1.0, 1.0, 1.0, 1.0), (0.4, 2.0, 1.3, 0.3)]:
        cf = float(closed.subs({sa.g: p[0], sa.Omega: p[1], sa.c: p[2], sa.Lam: p[3]}))
        assert abs(cf - float(sa.lamb_shift_quadrature(*p, dps=15))) < 1e-9 * abs(cf)
    assert sp.simplify(sp.limit(closed * sa.Lam ** 2, sa.Lam, 0) - sa.g ** 2 / sa.c) == 0
    with pytest.raises(InputError):
        sa.decay_rate(-1.0, 1.0, 1.0)
    with pytest.raises(InputError):
        sa.lamb_shift_quadrature(1.0, 1.0, 1.0, 100.0)  # cut-off below resonance


def test_single_atom_laplace_and_order_g2():
    L = sa.laplace_solution()
    assert sp.simplify(L["psi1"] - L["form24"]) == 0
    o = sa.order_g2_time_domain()
    assert sp.simplify(o["derived"] / o["printed"] + sp.I) == 0  # printed (35) carries an extra i
    # independent numeric twin: inverse Laplace by numerical Bromwich-free check at t: d/dt of
    # the derived time function reproduces the ODE (z + i alpha)(z + i beta) structure
    t = sa.t
    env = sp.exp(-sp.I * (sa.Omega - sa.dw) * t - sa.Gam * t / 2)
    f = o["derived"] * env
    alpha = sa.c * sa.k + sa.Omega - sa.dw - sp.I * sa.Gam / 2
    beta = sa.c * sa.k0 + sa.Omega - sa.dw - sp.I * sa.Gam / 2
    ode = sp.diff(f, t, 2) + sp.I * (alpha + beta) * sp.diff(f, t) - alpha * beta * f
    vals = {sa.g: 0.7, sa.c: 1.1, sa.Omega: 0.9, sa.k: 0.4, sa.k0: 2.0, sa.dw: 0.1, sa.Gam: 0.2, t: 1.3}
    assert abs(complex(ode.subs(vals).evalf())) < 1e-12
    at0 = {k_: v_ for k_, v_ in vals.items() if k_ != t} | {t: 0}
    f0 = complex(f.subs(at0).evalf())
    df0 = complex(sp.diff(f, t).subs(at0).evalf())
    assert abs(f0) < 1e-12  # L^{-1}[1/((z+ia)(z+ib))]: f(0) = 0, f'(0) = coefficient
    assert abs(df0 - complex((sp.I * sa.g ** 2 / (sa.c * sa.k0 - sa.Omega)).subs(vals))) < 1e-12


def test_rule_123_reproduces_the_initial_state_and_projection_does_not():
    """At t → 0 only the two-photon density may be non-zero (initial data (85)-(86)); the paper's
    rule (123) achieves it, the modal projection does not, and only the latter stays positive."""
    import numpy as np

    from symlight.models import two_photon_densities as dens

    s = dens.Setup()
    d123 = dens.densities(np.array([1e-9, 1.0]), s, n=32, rule="paper")
    dproj = dens.densities(np.array([1e-9, 1.0]), s, n=32, rule="projection")
    assert abs(d123["psi1"][0]) < 1e-2 * d123["psi2"][0] and abs(d123["a"][0]) < 1e-2 * d123["psi2"][0]
    assert abs(dproj["psi1"][0]) > 0.5 * dproj["psi2"][0]
    assert min(float(np.min(dproj[k])) for k in ("psi2", "psi1", "a")) >= 0
