"""Seed 000_afe20a70b32bac1d.txt: (53)->(54), Liouville equation (68)/App. B, long-time constants."""

import mpmath
import numpy as np
import pytest
import sympy as sp

from symlight.errors import InputError
from symlight.models import two_photon_longtime as lt
from symlight.models import two_photon_reduced as red
from symlight.models import two_photon_wigner as wig


def test_odd_part_of_53_is_nonzero_and_even_part_is_54():
    sp_ = red.symmetric_split()
    # hand derivation: (c|k2| - c|k1|) psi1 / 2 ; (c|k1| + c|k2|)/2 + Omega
    assert sp.expand(sp_["odd"] - red.c * (red.k2 - red.k1) * red.p12 / 2) == 0
    assert sp.expand(sp_["even"] - 2 * red.g * red.s_
                     - (red.c * (red.k1 + red.k2) / 2 + red.Om) * red.p12) == 0
    num = red.lattice_split(5, seed=2)
    assert num["odd_vs_formula"] < 1e-12 and num["even_vs_54"] < 1e-12 and num["sym_kept_54"] < 1e-12
    assert num["odd_norm"] > 0.01  # (53) leaves the symmetric subspace


def test_lattice_bad_input():
    with pytest.raises(InputError, match="lattice size"):
        red.lattice_operators(1)
    with pytest.raises(InputError, match="positive"):
        red.lattice_operators(3, rho=np.array([1.0, -1.0, 1.0]))
    with pytest.raises(InputError, match="coupling g >= 0"):
        red.lattice_operators(3, g_val=-0.2)


def test_symbol_arguments_and_shifts():
    a = wig.symbol_arguments()
    assert sp.expand(a["left"] - (-wig.k + wig.eps * wig.kp / 2)) == 0
    assert sp.expand(a["right"] - (-wig.k - wig.eps * wig.kp / 2)) == 0
    assert sp.expand(a["eta_shift_left"] - (wig.k + wig.qq / 2)) == 0
    assert sp.expand(a["eta_phase"] - sp.I * wig.qq * wig.x / wig.eps) == 0


def test_liouville_twin_distinguishes_conventions_for_odd_symbol():
    r = wig.liouville_twin(lambda v: v + v ** 2 / 2)
    assert r["derived"] < 1e-6
    assert r["printed"] > 0.1
    r = wig.liouville_twin(lambda v: np.sqrt(v ** 2 + 0.5))
    assert r["derived"] < 1e-6 and r["printed"] < 1e-6
    assert r["printed73"] > 0.5  # (73) as printed has no streaming term


def test_streaming_sign_of_68_and_its_numeric_twin():
    # hand: a(k - e k'/2) - a(k + e k'/2) = -e k' a'(k); k' -> -i d_x: i e a'(k) d_x = (i/2) e {a' d_x, W}
    assert sp.simplify(wig.streaming_coefficient() - sp.I / 2) == 0
    r = wig.streaming_twin(lambda v: np.sqrt(v ** 2 + 0.5), lambda v: v / np.sqrt(v ** 2 + 0.5))
    assert r["k_peak"] < 0 < r["velocity"]  # W of (B2) peaks at minus the momentum
    assert abs(r["velocity"] - r["minus"]) < 0.02 * r["minus"]
    r = wig.streaming_twin(lambda v: v, lambda v: np.ones_like(v), p0=-0.6)  # a' = 1: velocity 1 either way
    assert abs(r["velocity"] - 1) < 1e-6 and r["k_peak"] > 0


def test_random_term_twin():
    r = wig.random_term_twin(q0=1.3, x_eval=-0.4)
    assert r["derived"] < 1e-10 and r["wrong_point"] > 0.05


def test_packet_bad_input():
    with pytest.raises(InputError, match="eps"):
        wig.Packet1D(lambda v: v, eps=-1.0)
    pk = wig.Packet1D(lambda v: v, m=64)
    with pytest.raises(InputError, match="convention"):
        pk.liouville_rhs(np.zeros((1, 64)), np.array([0.0]), "other")


def test_kernel_series_against_mpmath():
    c3, c4 = lt.kernel_series()
    vals = {"A": 0.7, "B": 1.9, "sD1": 0.8, "sD2": 1.3, "l_s": 0.9}
    sub = {s: vals[s.name] for s in (c3.free_symbols | c4.free_symbols)}
    a3, a4 = float(c3.subs(sub)), float(c4.subs(sub))
    D1, D2, ls, A, B = 0.64, 1.69, 0.9, 0.7, 1.9
    with mpmath.workdps(30):
        for tv in (1e5, 1e6):
            t = mpmath.mpf(tv)
            s1, s2 = ls ** 2 + 4 * t * D1, ls ** 2 + 4 * t * D2
            K = (ls ** 2 / s1) ** 1.5 * (ls ** 2 / s2) ** 1.5 * mpmath.exp(-A / s1 - B / s2)
            assert abs(K - (a3 / t ** 3 - a4 / t ** 4)) * t ** 5 < 10 * abs(a3)


def test_fitted_constants_equal_integrated_series():
    m = lt.mode_symbols(["p", "m"])
    ca, cb = lt.density_constants(16 / sp.pi, m)
    data = lt.grid_data("reduced", n=16)
    fa, fb = lt.fitted_constants(data, "psi2")
    qa = lt.integrate_form(ca, data, "psi2", m, pref=16 / np.pi)
    qb = lt.integrate_form(cb, data, "psi2", m, pref=16 / np.pi)
    assert qa == pytest.approx(fa, rel=1e-8)
    assert qb == pytest.approx(fb, rel=1e-4)


def test_printed_constants_diagnosis():
    from derivations import two_photon_longtime as d

    pm = d.PM
    eq = {pm["m"][1].base: pm["p"][1].base, pm["m"][2].base: pm["p"][2].base}
    ca, cb = lt.density_constants(16 / sp.pi, pm)
    assert sp.cancel((d.printed_C(1, tilde=False) / ca).subs(eq)) == 2  # (93) is 2x (88)'s t^-3 term
    c3, c4 = lt.density_constants(32 / sp.pi, pm)
    assert sp.cancel(d.printed_C(3, tilde=False) - c3) == 0
    # (94)/(96) miss exactly the -3 l^2/(8D) terms
    extra = sum(16 / sp.pi * w * lt.kernel_series()[0].subs({lt._D1: d1, lt._D2: d2})
                * (2 + 2 * lt.S) * (3 * lt.l ** 2 / (8 * d1) + 3 * lt.l ** 2 / (8 * d2))
                for w, d1, d2 in pm.values())
    assert sp.cancel(d.printed_C(2, tilde=False) + extra - cb) == 0
    # (95) as printed is the t^-3 coefficient of (87) as printed (both with D_{j,i~} in the lead factor)
    assert "(95) equals the t^-3 coefficient" in d._diagnose(3, c3)
    assert "printed/derived = 2, so the factor is independent" in d._diagnose(1, ca)


def test_amplitudes_3d_match_print_and_can_fail():
    from symlight.models import two_photon_amplitudes3d as a3

    cmp = a3.compare_with_print("fermi")
    assert {k: v[0] for k, v in cmp.items()} == {"16": 2, "17": 1, "18": 2}
    for _, pr, dr in cmp.values():
        assert sp.expand(pr - dr) == 0
    k, pr, dr = cmp["16"]
    # genuinely 3-D: the kernel takes two vectors, the photon integral is d^3u
    ints = [i for i in dr.atoms(sp.Integral)]
    assert ints and all(len(i.limits) == 3 for i in ints)
    assert all(len(t.args) == 6 for t in dr.atoms(a3.T))
    # a wrong coupling in (16) (g instead of g/2) is detected
    assert pr.has(a3.g) and sp.expand(pr.subs(a3.g, 2 * a3.g) - dr) != 0
    assert sp.expand(a3.printed_normalisation("bose") - a3.normalisation("bose")) == 0
    # the bosonic equations (F6) as printed do not satisfy the fermionic derivation of (17)
    assert sp.expand(cmp["17"][0] * a3.printed_equations("bose")["17"][1] - cmp["17"][2]) != 0
    with pytest.raises(InputError, match="statistics"):
        a3.derive_amplitude_equations("anyon")


def test_printed_densities_agree_when_both_modes_share_rates():
    from derivations import two_photon_longtime as d

    pm = d.PM
    same = {pm["p"][1].base: pm["m"][1].base, pm["p"][2].base: pm["m"][2].base}
    rng = np.random.default_rng(4)
    for which, pref in (("88", 16 / sp.pi), ("87", 32 / sp.pi)):
        diff = (d.printed_density(which) - lt.density(pref, pm)).subs(same)
        syms = sorted(diff.free_symbols, key=lambda z: z.name)
        assert diff != 0 and syms
        vals = sp.lambdify(syms, diff, "numpy")(*[rng.uniform(0.3, 2, 5) for _ in syms])
        assert np.max(np.abs(vals)) < 1e-12


def test_53_admits_only_on_shell_states():
    r = red.invariant_dimension(4)
    assert r["invariant"] == r["expected"] == 10 and r["symmetric"] == 20
    assert red.invariant_dimension(4, constant_rho=False)["invariant"] == 0


def test_series_check_detects_a_wrong_t4_constant():
    m = lt.mode_symbols(["p", "m"])
    ca, cb = lt.density_constants(16 / sp.pi, m)
    syms = sorted(ca.free_symbols | cb.free_symbols, key=lambda z: z.name)
    rng = np.random.default_rng(8)
    pt = {s: float(rng.uniform(0.3, 2.0)) for s in syms}
    assert lt.series_check(16 / sp.pi, m, pt, tv=1e7) < 1e-10
    assert lt.series_check(16 / sp.pi, m, pt, constants=(ca, 1.05 * cb), tv=1e7) > 1e-9
    with pytest.raises(InputError, match="mode_symbols"):
        lt.density_constants(1, {"x": (sp.Symbol("w"), sp.Symbol("D1"), sp.Symbol("D2"))})
