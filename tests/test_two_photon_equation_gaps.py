"""Tests for derivations/two_photon_equation_gaps.py and symlight/models/two_photon_gap_twins.py
(seed 000_afe20a70b32bac1d.txt). Expected values are closed forms typed from physics (not from
the code): Gamma/2 = g^2 Omega^2/(2 pi c^3), Lamb shift logs, Gaussian norms, Green-Kubo."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from derivations.two_photon_equation_gaps import add_claims
from symlight.checks import ClaimBook
from symlight.errors import InputError
from symlight.models import two_photon_gap_twins as tw


@pytest.fixture(scope="module")
def claims():
    book = ClaimBook("two-photon-medium", "000_afe20a70b32bac1d.txt")
    add_claims(book)
    return book.claims


def _verdicts(claims, eq):
    return [c.verdict.value if hasattr(c.verdict, "value") else str(c.verdict)
            for c in claims if c.equation == eq]


def test_expected_verdicts(claims):
    for eq in ("23", "26", "27", "28", "34", "58", "61", "65", "66", "67", "70", "72", "76", "115", "119",
               "117", "122"):
        v = _verdicts(claims, eq)
        assert v and all("confirm" in x for x in v), (eq, v)
    for eq in ("74", "75"):
        assert all("discrep" in x for x in _verdicts(claims, eq))
    v33 = _verdicts(claims, "33")
    assert sum("discrep" in x for x in v33) == 2 and sum("confirm" in x for x in v33) == 1
    for eq in ("2-11", "6-7", "19-20", "21", "62-63", "69", "86", "123-124", "120-122",
               "98-99", "101-102", "103", "32", "13", "36-38", "38", "39",
               "77", "110", "83-84", "97", "127", "128", "106"):
        v = _verdicts(claims, eq)
        assert v and all("confirm" in x for x in v), (eq, v)
    assert sorted(_verdicts(claims, "22")) == ["confirmed", "discrepancy"]
    assert sorted(_verdicts(claims, "74-75")) == ["confirmed", "discrepancy"]
    assert all("discrep" in x for x in _verdicts(claims, "85"))
    assert sorted(_verdicts(claims, "89")) == ["confirmed", "discrepancy", "discrepancy"]
    v79 = _verdicts(claims, "79")
    assert sum("discrep" in x for x in v79) == 2 and sum("confirm" in x for x in v79) == 3
    assert all(c.topic == "two-photon-medium" for c in claims)


def test_sigma_pole_limit_against_closed_forms():
    g, Om, c, K = 0.3, 1.2, 0.8, 4.0
    s = tw.sigma_pole_limit(g, Om, c, K)
    a = Om / c
    re = g ** 2 / (2 * math.pi ** 2 * c) * (K ** 2 / 2 + a * K + a ** 2 * math.log((K - a) / a))
    assert s.imag == pytest.approx(g ** 2 * Om ** 2 / (2 * math.pi * c ** 3), rel=1e-12)
    assert s.real == pytest.approx(re, rel=1e-12)
    # finite eps converges to the limit linearly
    e1 = abs(tw.sigma_finite_eps_quadrature(g, Om, c, K, 1e-3) - s)
    e2 = abs(tw.sigma_finite_eps_quadrature(g, Om, c, K, 1e-4) - s)
    assert e2 < e1 / 5


def test_order_g2_iterate_limit_and_twin():
    d = tw.order_g2_iterate()
    # g -> 0: vanishes as g^2
    assert sp.limit(d / tw.g ** 2, tw.g, 0) != 0
    assert sp.simplify(d.subs(tw.g, 0)) == 0
    sol = tw.discrete_32(0.0)
    assert np.allclose(sol["psi"], sol["psi0"])


def test_wigner_marginal_twin_converges():
    coarse = tw.wigner_marginals(n=48)
    fine = tw.wigner_marginals(n=96)
    ec = np.abs(coarse["marginal"] - coarse["PsiPsi"]).max()
    ef = np.abs(fine["marginal"] - fine["PsiPsi"]).max()
    assert ef < 1e-3 and ef <= ec


def test_lattice_generator_and_norm():
    lat = tw.lattice_generator_58(n=4, g_val=0.3, rho0_val=2.0)
    assert lat["herm_A"] < 1e-12 and lat["random_part"] < 1e-12
    ls, R = 0.8, 1.3
    assert tw.initial_norm_quadrature(ls, R) == pytest.approx(
        2 * (math.pi * ls ** 2) ** 3 * (1 + math.exp(-R ** 2 / (2 * ls ** 2))), rel=1e-9)


def test_green_kubo_and_kernel():
    cc, f2, mu2 = sp.symbols("c f2 mu2", positive=True)
    assert sp.simplify(tw.green_kubo_diffusion() - cc * f2 ** 2 / (3 * mu2)) == 0
    assert tw.fourier_roundtrip_grid() < 1e-10


def test_rule_b_and_half_laplacian_twins():
    assert tw.rule_b_quadrature() == pytest.approx(1 / (2 * math.pi), rel=1e-10)
    assert tw.half_laplacian_twin(n=128) < 1e-8


def test_four_by_four_lattice():
    lat = tw.lattice_generator_36(n=3, g_val=1.1, rho0_val=0.4)
    assert lat["herm_36"] < 1e-12 < lat["herm_amplitudes"]
    with pytest.raises(InputError, match="coupling"):
        tw.lattice_generator_36(g_val=-1.0)


def test_collision_conservation_fails_without_normalisation():
    cons = tw.collision_conservation(n_theta=12, n_phi=24)
    assert abs(cons["net"]) < 1e-10 * cons["total"]
    assert cons["norm_first_arg"] < 1e-10
    bad = tw.collision_conservation(n_theta=12, n_phi=24, normalise=False)  # (80) without its denominator
    assert abs(bad["net"]) > 1e-2 * bad["total"]


def test_random_term_twin_detects_wrong_forms():
    ok = tw.random_term_matrix_twin(ks=(0.3,), n=401)
    bad = tw.random_term_matrix_twin(ks=(0.3,), n=401, second=0.0)
    assert ok["deviation"] < 1e-12 < 1e-3 < bad["deviation"]
    with pytest.raises(InputError, match="square"):
        tw.random_term_matrix_twin(K=np.ones((2, 3)))


def test_bad_input():
    with pytest.raises(InputError, match="coupling"):
        tw.sigma_pole_limit(-1.0, 1.0, 1.0, 5.0)
    with pytest.raises(InputError, match="cut-off"):
        tw.sigma_pole_limit(0.5, 1.0, 1.0, 0.5)
    with pytest.raises(InputError, match="rho0"):
        tw.lattice_generator_58(rho0_val=0.0)
    with pytest.raises(InputError, match="coupling"):
        tw.discrete_32(-0.1)
    with pytest.raises(InputError, match="l_s"):
        tw.initial_norm_quadrature(-1.0, 1.0)
    with pytest.raises(InputError, match="eps"):
        tw.plemelj_twin(0.0)
