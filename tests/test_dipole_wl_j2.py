"""Seed 003, (68)–(71): J₂ weak-localization terms and F(δ) (independent numeric twins)."""

from __future__ import annotations

import mpmath as mp
import numpy as np
import pytest

from symlight.errors import InputError
from symlight.numerics import dipole_weaklocalization as wl
from symlight.numerics import dipole_weaklocalization_sym as ws


def test_angular_projection_matches_3d_quadrature() -> None:
    proj = ws.channel_projection()
    uv = {"TT": -0.4, "LL": 1.1, "R": -0.6, "I": 0.25}
    tw = ws.angular_twin(2.3, 0.7, 1.0, uv, -0.5 + 0.2j, 1.0)
    for key in ("J0", "J2", "J3"):
        ex = ws.evaluate_projection(proj[key], 2.3, 0.7, 1.0, uv, -0.5 + 0.2j, 1.0)
        assert tw[key] == pytest.approx(ex, rel=1e-10, abs=1e-14)


def test_kernel_T_against_direction_quadrature() -> None:
    # ∫dk̂/4π e^{ik·r}Δ_k(k̂·q) by quadrature over k̂ vs the closed form (j₁, j₂, j₃ of kr)
    from scipy.special import spherical_jn

    rv, qv, kr = np.array([0.3, -0.5, 0.81]), np.array([0.2, 0.9, -0.4]), 1.9
    rh = rv / np.linalg.norm(rv)
    x, w = np.polynomial.legendre.leggauss(40)
    acc = np.zeros((3, 3), complex)
    for uu, wu in zip(x, w, strict=True):
        for ph in 2 * np.pi * np.arange(40) / 40:
            s = np.sqrt(1 - uu * uu)
            kh = np.array([s * np.cos(ph), s * np.sin(ph), uu])
            acc += wu * np.exp(1j * kr * kh @ rh) * (np.eye(3) - np.outer(kh, kh)) * (kh @ qv)
    acc /= 80
    j1, j2, j3 = (spherical_jn(n, kr) for n in (1, 2, 3))
    rq = rh @ qv
    ref = 1j * ((j1 - j2 / kr) * rq * np.eye(3) + j3 * np.outer(rh, rh) * rq
                - (j2 / kr) * (np.outer(rh, qv) + np.outer(qv, rh)))
    assert np.allclose(acc, ref, atol=1e-12)


def test_psum_identity_by_quadrature() -> None:
    ids = ws.psum_identities()
    num = ws.psum_quadrature(1.2 + 0.2j, 0.8, which=("j2",))  # j1 (Abel part) runs in the claims
    val = complex(ids["j2"].subs({ids["K"]: 1.2 + 0.2j, ids["r"]: 0.8}))
    assert num["j2"] == pytest.approx(val, rel=1e-9)


def test_u_components_near_pole_cancellation_and_limits() -> None:
    # Ũ^TT = |a|² − |b|² + 1 stays bounded through the subradiant near-pole; → 1 as r → 0
    d = -2.0
    z = wl.complex_near_poles(d)[0]
    r = z.real + np.linspace(-3, 3, 61) * abs(z.imag)
    u = wl.u_components(r, d)
    mc, fc = u["MC"]["TT"], u["FC"]["TT"]
    assert np.allclose(u["TT"], mc - fc, rtol=1e-6, atol=1e-6)
    assert np.max(np.abs(fc)) > 10 * np.max(np.abs(u["TT"]))  # the poles cancel in MC − FC
    assert wl.u_components(np.array([1e-4]), d)["TT"][0] == pytest.approx(1.0, abs=1e-6)


def test_f_terms_against_mpmath_referee() -> None:
    d = 1.0
    t = 6 * mp.pi / (2 * d + 1j)
    poles = [mp.mpf(z.real) for z in wl.complex_near_poles(d)]

    def g(r):
        e = mp.exp(1j * r) / (4 * mp.pi * r)
        return -e * (1 - 1 / (1j * r) - 1 / r**2), -e * (2 / (1j * r) + 2 / r**2)

    def f(r):  # LL term: r² Ũ^LL K_LL
        _, gq = g(r)
        b = 1 / (1 - t**2 * gq**2)
        ull = (abs(t * gq) ** 2 - 1) * abs(b) ** 2 + 1
        sj = lambda n, z: mp.sqrt(mp.pi / (2 * z)) * mp.besselj(n + 0.5, z)
        sy = lambda n, z: mp.sqrt(mp.pi / (2 * z)) * mp.bessely(n + 0.5, z)
        s2 = (sy(2, r) + 3 / r**3) / r
        return r * r * ull * (-2 * sj(2, r) / r * s2)

    with mp.workdps(20):
        val = mp.quad(f, [mp.mpf("1e-6")] + poles + [4, 8, 20, 60])
    # LL integrand decays as r⁻⁶: the range to 60 suffices at 1e-7
    assert wl.f_terms(d)["LL"] == pytest.approx(float(-(4 * d * d + 1) * val), rel=1e-6)


def test_f_delta_text_statements_and_signs() -> None:
    assert wl.f_terms(0.0)["F"] > 1  # weak localization adds to the Drude value on resonance
    neg = wl.f_terms(-2.0)
    assert neg["LL"] < 0 < neg["TL2"]
    assert wl.f_terms(-2.0, tl2_sign=-1)["F"] == pytest.approx(neg["F"] - 2 * neg["TL2"], rel=1e-12)


def test_f_terms_bad_input() -> None:
    with pytest.raises(InputError, match="detuning"):
        wl.f_terms(float("nan"))
    with pytest.raises(InputError, match="r_max"):
        wl.f_terms(0.0, r_max=10.0)
    with pytest.raises(InputError, match="tl2_sign"):
        wl.f_terms(0.0, tl2_sign=0)


def test_regime_warnings() -> None:
    from symlight.models import dipole_selfconsistent as sc
    from symlight.models.dipole_medium import RegimeWarning

    with pytest.warns(RegimeWarning) as caught:
        out = wl.j2_diffusion_ratio(0.0, 3.77 / (4 * np.pi))  # dense, on resonance: kℓ ≈ 0.06
    messages = " | ".join(str(w.message) for w in caught)
    assert "kℓ" in messages and "ISA" in messages  # both regimes are left: kℓ < 1 and 4πn/k0³ > 1
    assert out["D2_over_D0"] == pytest.approx(out["F"] / out["k_ell"] ** 2)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dilute = wl.j2_diffusion_ratio(-3.0, 1e-3)  # kℓ ≫ 1: no warning
    assert dilute["k_ell"] > 1
    with pytest.warns(UserWarning, match="F\\(δ\\)"):
        try:
            sc.sigma_hat(1.0, q=1.0, f=-0.5)
        except InputError:
            pass
