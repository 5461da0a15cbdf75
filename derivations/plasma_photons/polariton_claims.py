"""Plasmon–intensiton polaritons (85)-(90) and the laser-driven cubic (104)-(106), seed 001.

Units in this module: ω_p = c = 1 (q in ω_p/c) unless stated; SI constants from CODATA (scipy).
"""

from __future__ import annotations

import math

import numpy as np
import sympy as sp
from scipy import constants as C
from scipy.optimize import brentq

from symlight.checks import Claim, ClaimBook
from symlight.dispersion import coupled_modes, track_roots
from symlight.models import plasma_photons as pp
from symlight.numerics.units import dimension_of, length, mass, time

TOPIC, SOURCE = "plasma-photons", "001_acf7c75771656388.txt"

w, q, c, wp, cp, ve = sp.symbols("omega q c omega_p c_p v_eff", positive=True)
W = sp.Symbol("W", positive=True)          # ω²
we, wph = sp.symbols("omega_e omega_ph", positive=True)
vp = sp.Symbol("v_p", positive=True)

# ---- printed forms (data) ----------------------------------------------------------------
PRINTED_85_EPS = 1 - wp**2 / (w**2 - ve**2 * q**2) - cp**4 * q**4 / ((w**2 - ve**2 * q**2)
                                                                    * (w**2 - vp**2 * q**2))
PRINTED_87 = [(we**2 + wph**2 + s * sp.sqrt((we**2 - wph**2)**2 + 4 * cp**4 * q**4)) / 2 for s in (1, -1)]


def _printed_uv(wplus, wminus, we_, wph_, cp_, q_):
    den = (we_ + wph_) * np.sqrt((we_ - wph_) ** 2 + 4 * cp_**2 * q_**2)
    return (wplus * we_ - wminus * wph_) / den, (wplus * wph_ - wminus * we_) / den   # (88), (89)


def _printed_delta(cstar, veff2):
    return 0.5 * math.sqrt(1 + 64 * cstar**4 + 32 * cstar**4 * veff2)                  # (90), c = 1


def _claims_85_90(book: ClaimBook) -> None:
    eps = PRINTED_85_EPS.subs({wp: sp.sqrt(we**2 - ve**2 * q**2), vp: wph / q})
    numer = sp.numer(sp.together(eps.subs(w, sp.sqrt(W))))
    roots = sp.solve(numer, W)
    roots = sorted(roots, key=lambda r: -float(r.subs({we: 1.3, wph: 0.7, cp: 0.4, q: 1.1})))
    book.equal("87", "ω±² from ε(q, ω) = 0 of Eq. (85) with ω_e² = ω_p² + v_eff²q², ω_ph = v_p q",
               PRINTED_87, roots)
    # Hopfield weights: printed (88)-(89) vs the eigenvectors of [[ω_e², c_p²q²], [c_p²q², ω_ph²]]
    rng = np.random.default_rng(7)
    qs = rng.uniform(0.3, 2.5, 12)
    cps = rng.uniform(0.1, 0.6, 12)
    v2 = -0.1
    we_n, wph_n = pp.polariton_bare_modes(qs, v2)
    we_n = we_n.real
    wpl2, wmi2, u2, v2w = coupled_modes(we_n, wph_n, cps**2 * qs**2)
    keep = wmi2 > 0                      # a real lower branch (ω₋² > 0) is needed for (88)-(89)
    qs, cps, we_n, wph_n, wpl2, wmi2, u2 = (a[keep] for a in (qs, cps, we_n, wph_n, wpl2, wmi2, u2))
    wplus, wminus = np.sqrt(wpl2), np.sqrt(wmi2)
    up, vpw = _printed_uv(wplus, wminus, we_n, wph_n, cps, qs)
    norm = up**2 + vpw**2
    book.close("88", "Hopfield coefficients (88)-(89) satisfy |u_q|² + |v_q|² = 1", np.ones_like(norm),
               norm, rtol=1e-6, how=f"printed u_q, v_q at {keep.sum()} random (q, c_p) with ω₋² > 0, "
               "v_eff² = −0.1c², with ω± from (87)")
    book.close("88", "|u_q|² of (88) equals the plasmon weight of the upper polariton (eigenvector "
               "of the 2×2 coupled-mode matrix)", up**2, u2, rtol=1e-6,
               how="numpy.linalg.eigh of [[ω_e², c_p²q²], [c_p²q², ω_ph²]] (|u|²+|v|² = 1 there)")
    book.close("87", "coupled-mode matrix eigenvalues equal ω±² of (87) (numeric twin)",
               [float(np.sqrt((we_n**2 + wph_n**2 + s * np.sqrt((we_n**2 - wph_n**2)**2
                                                                  + 4 * cps**4 * qs**4)) / 2).sum())
                for s in (1, -1)], [wplus.sum(), wminus.sum()], rtol=1e-10)
    # crossing wavevector q* ≃ ω_p/√(c² − v_eff²): exact crossing ω_e(q) = ω_ph(q)
    rows, pr_list, ex_list = [], [], []
    for v2c in (0.0, 0.05, -0.1):
        f = lambda qq, v2c=v2c: (pp.polariton_bare_modes(np.array([qq]), v2c)[0].real
                                 - pp.polariton_bare_modes(np.array([qq]), v2c)[1])[0]  # noqa: E731
        q_exact = brentq(f, 0.2, 10.0)
        pr_list.append(1 / math.sqrt(1 - v2c))
        ex_list.append(q_exact)
        rows.append(f"v_eff²={v2c}: q*={q_exact:.4f} vs {1 / math.sqrt(1 - v2c):.4f}")
    book.close("87", "crossing of ω_e and ω_ph at q* ≃ ω_p/√(c² − v_eff²)", pr_list, ex_list, rtol=0.1,
               how="; ".join(rows) + " (units ω_p = c = 1); printed q* is the crossing with the "
               "light line cq")
    # Rabi splitting (90) vs exact ω₊ − ω₋ at q = q* (constant c_p = c_*)
    printed, exact = [], []
    for cstar, v2c in ((0.05, 0.0), (0.1, 0.02), (0.2, -0.05)):
        qq = np.array([1 / math.sqrt(1 - v2c)])
        wpl, wmi = pp.polariton_branches(qq, v2c, cstar)
        exact.append(float((wpl - wmi).real[0]))
        printed.append(_printed_delta(cstar, v2c))
    book.close("90", "Rabi splitting Δ = ω₊ − ω₋ at q = q* to leading order in v_eff and c_*",
               printed, exact, rtol=0.05,
               how=f"exact branches of (87) at q*: Δ = {np.round(exact, 4).tolist()} vs (90) "
               f"{np.round(printed, 4).tolist()} for (c_*, v_eff²) = (0.05, 0), (0.1, 0.02), "
               "(0.2, −0.05); note (90) → ω_p/2 as c_* → 0 while the bare modes at q* differ by "
               f"{exact[0]:.3f}ω_p")
    # ℳ_{ℓ+1} ≤ ℳ_ℓ and dimensions of c_p(q), v_p(q)
    xs = [0.1, 1.0, 5.0]
    m1 = [pp.bose_moment(1, xv) for xv in xs]
    m2 = [pp.bose_moment(2, xv) for xv in xs]
    book.holds("86", "ℳ_{ℓ+1}(x) ≤ ℳ_ℓ(x) (ℓ = 1, x = ħω_p/k_BT_p = 0.1, 1, 5)",
               all(b <= a for a, b in zip(m1, m2, strict=True)),
               f"ℳ₁ = {np.round(m1, 5).tolist()}, ℳ₂ = {np.round(m2, 5).tolist()} (quadrature)")
    hb, me, n0 = sp.symbols("hbar m_e n_0", positive=True)
    cp4 = hb * wp**5 / (6 * sp.pi**2 * me * n0 * c) / sp.sqrt(wp**2 + c**2 * q**2)
    vp_expr = c**2 * q / sp.sqrt(wp**2 + c**2 * q**2) * sp.sqrt(1 + wp**2 / (wp**2 + c**2 * q**2))
    dims = {hb: mass * length**2 / time, wp: 1 / time, me: mass, n0: 1 / length**3, c: length / time,
            q: 1 / length}
    d_cp4, d_vp = dimension_of(cp4, dims), dimension_of(vp_expr, dims)
    book.holds("85", "c_p(q) and v_p(q) of (85) have the dimension of a velocity",
               d_cp4 == (length / time) ** 4 and d_vp == length / time,
               f"dim[c_p⁴] = {d_cp4}, dim[v_p] = {d_vp}")


def _unstable_band(gamma: float, cos_theta: float, v2: float, a_hbar: float,
                   qs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    roots = track_roots(lambda qq: pp.cubic_coefficients(qq, v2, gamma, cos_theta, a_hbar), qs)
    return roots, roots.imag.max(axis=1)


def _claims_104_106(book: ClaimBook) -> None:
    n_si = 1e27 * 1e6
    s = pp.plasma_scales(n_si)
    v2 = s.v_eff2 / C.c**2
    a_hbar = C.hbar * s.omega_p / (C.m_e * C.c**2)
    qs = np.linspace(0.02, 4.0, 200)
    # γ → 0: the modes reduce to ±ω_e and ω̃_ph
    r0 = track_roots(lambda qq: pp.cubic_coefficients(qq, v2, 0.0, -1.0, a_hbar), qs)
    expect = np.sort(np.stack([np.sqrt(1 + v2 * qs**2), -np.sqrt(1 + v2 * qs**2),
                               pp.omega_ph_laser(qs)], axis=1), axis=1)
    book.close("104", "γ → 0: roots of the cubic are ±ω_e and ω̃_ph", expect,
               np.sort(r0.real, axis=1), rtol=1e-9, atol=1e-12, how="numpy.roots along 200 q values")
    qq = sp.Symbol("q", positive=True)
    wt = qq**2 * (1 - 1 / (2 * (1 + qq**2))) / sp.sqrt(1 + qq**2)
    book.equal("104", "ω̃_ph ≈ c²q²/(2ω_p) near q = 0 and ≈ cq for large q",
               [sp.Rational(1, 2), 1], [sp.limit(wt / qq**2, qq, 0), sp.limit(wt / qq, qq, sp.oo)])
    # instability for counter-propagation (θ = π) and none for co-propagation (θ = 0)
    summary = []
    for gamma in (0.1, 10.0):
        _, im_pi = _unstable_band(gamma, -1.0, v2, a_hbar, qs)
        _, im_0 = _unstable_band(gamma, 1.0, v2, a_hbar, qs)
        band = qs[im_pi > 1e-9]
        summary.append((gamma, float(im_pi.max()), float(band.min()) if band.size else float("nan"),
                        float(band.max()) if band.size else float("nan"), float(im_0.max())))
    unstable_pi = all(row[1] > 1e-6 for row in summary)
    stable_0 = all(row[4] < 1e-9 for row in summary)
    text = "; ".join(f"γ={g}: max Im ω = {m:.3g}ω_p on q ∈ [{lo:.3g}, {hi:.3g}] ω_p/c (θ=π), "
                     f"max Im ω = {m0:.2g} (θ=0)" for g, m, lo, hi, m0 in summary)
    book.holds("104", "internal consistency of the print: the cubic (104)-(105) AS PRINTED gives Fig. 6 "
               "and its text (counter-propagating modes, θ = π, coalesce and become unstable; "
               "co-propagating ones, cos θ > 0, only show an avoided crossing)", unstable_pi and stable_0,
               text + f" (printed cubic, n₀ = 1e27 cm⁻³, v_eff²/c² = {v2:.3g}, ħω_p/m_ec² = {a_hbar:.3g}). "
               "This tests the print against itself only; whether the physics gives this cubic is "
               "decided by the (104)-(105) claims on det D_∥ derived from the fluid equations "
               "(laser_claims), which disagree with the printed Γ")
    # Γ has the dimension of frequency³ (so (104) is homogeneous)
    g_, ct, hb, me = sp.symbols("gamma cos_theta hbar m_e", positive=True)
    wq = sp.sqrt(wp**2 + c**2 * q**2)
    Gam = g_ * ct * (hb * wp**2 / (2 * me * c**2) * c * q / w - wp**3 / wq**2) * c**2 * q**2 * w / wq
    dims = {hb: mass * length**2 / time, wp: 1 / time, me: mass, c: length / time, q: 1 / length,
            w: 1 / time, g_: 1, ct: 1}
    book.holds("105", "Γ(q, ω) of (105) has the dimension of ω³, like (ω² − ω_e²)(ω − ω̃_ph)",
               dimension_of(Gam, dims) == time**-3, f"dim[Γ] = {dimension_of(Gam, dims)}")
    book.close("106", "Schwinger intensity I_c = ε₀m_e⁴c⁷/(2ħ²e²) ≃ 2.3×10²⁹ W/cm²", 2.3e29,
               pp.schwinger_intensity() / 1e4, rtol=0.03, how="CODATA constants")
    book.close("106", "electron Compton wavelength λ_c = 2πħ/(m_ec) ≃ 2.4×10⁻¹² m", 2.4e-12,
               pp.compton_wavelength(), rtol=0.03, how="CODATA constants")
    kf = s.k_F
    TF = C.hbar**2 * kf**2 / (2 * C.m_e * C.k)
    book.close("Fig. 6", "at n₀ = 10²⁷ cm⁻³ degeneracy requires T < 5×10⁷ K (Fermi temperature)",
               5e7, TF, rtol=0.25, how=f"T_F = ħ²k_F²/(2m_e k_B) = {TF:.3g} K")


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    _claims_85_90(book)
    _claims_104_106(book)
    return book.claims
