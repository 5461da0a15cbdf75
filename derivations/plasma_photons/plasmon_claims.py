"""Plasmon at high degeneracy, seed 001 Eqs. (82)-(84), n_c, q_max, and external oracles."""

from __future__ import annotations

import math
import warnings

import numpy as np
import sympy as sp
from scipy import constants as C

from symlight.checks import Claim, ClaimBook
from symlight.dispersion import dispersion_relation, row_scale, solve_frequency
from symlight.models import plasma_exchange as pe
from symlight.models import plasma_photons as pp
from symlight.numerics import plasma_response as pr
from symlight.numerics.units import dimension_of, length, mass, time

TOPIC, SOURCE = "plasma-photons", "001_acf7c75771656388.txt"

hbar, m, Q, eps0 = pe.hbar, pe.m, pe.Q, pe.eps0
q, omega, n0 = pp.q, pp.omega, pp.n0
v_eff, vF, vt, wp = sp.symbols("v_eff v_F vtilde omega_p", positive=True)

# ---- printed forms (data) -------------------------------------------------------------------
PRINTED_82 = sp.Matrix([[-omega, q, 0], [v_eff**2 * q, -omega, n0 * Q / m * q],
                        [Q / eps0, 0, -1 / q**2]])
PRINTED_83 = sp.sqrt(vF**2 / 3 - vt**2 / 2)
PRINTED_84 = sp.sqrt(wp**2 + v_eff**2 * q**2)
PRINTED_QMAX = wp / sp.sqrt(vt**2 / 2 - vF**2 / 3)
PRINTED_NC_CM3 = 5e22


def _scales_symbolic() -> dict[sp.Symbol, sp.Expr]:
    """v_F, ṽ, ω_p of the derivation at density n₀ (symbolic)."""
    return {vF: pe.fermi_velocity(n0), vt: pe.exchange_velocity(n0),
            wp: sp.sqrt(pe.plasma_frequency_sq(n0))}


def _claims_82_84(book: ClaimBook) -> dict:
    system = pp.plasmon_system()
    M = system["matrix"]
    sc = _scales_symbolic()
    veff2_derived = sp.simplify(M[1, 0] / q)
    book.equal("83", "v_eff² = v_F²/3 − ṽ²/2 from the linearised momentum equation (53) with the "
               "derived P, P^F and f^F", (PRINTED_83**2).subs(sc), veff2_derived)
    printed = PRINTED_82.subs(v_eff, PRINTED_83).subs(sc)
    for i, name in enumerate(("continuity (52)", "momentum (53)", "Poisson")):
        s = row_scale(printed.row(i), M.row(i))
        book.equal("82", f"row {i + 1} of the dispersion matrix ({name}), up to a row factor",
                   printed.row(i) * s, M.row(i))
    # dimensions of the terms of the printed Poisson row, multiplied by Q so that only mass,
    # length and time occur: e2 = Q²/ε₀ (energy·length), U = QδΦ (energy)
    e2, U, dn = sp.symbols("e2 U deltan", positive=True)
    dims = {e2: mass * length**3 / time**2, U: mass * length**2 / time**2, q: 1 / length,
            dn: 1 / length**3}
    d1, d2, d3 = (dimension_of(e, dims) for e in (e2 * dn, U / q**2, U * q**2))
    ok_printed, ok_fixed = d1 == d2, d1 == d3
    book.holds("82", "the Poisson row (Q/ε₀)δn − δΦ/q² = 0 as printed is dimensionally consistent",
               ok_printed, f"(×Q) dim[(Q²/ε₀)δn] = {d1}, dim[QδΦ/q²] = {d2}, dim[q²QδΦ] = {d3}: the "
               f"printed entry −1/q² {'matches' if ok_printed else 'does not match'}; −q² "
               f"{'matches' if ok_fixed else 'does not match'} (Poisson: q²δΦ = Qδn/ε₀)")
    roots = [r for r in solve_frequency(M, omega) if r.is_positive is not False]
    derived_84 = roots[0]
    book.equal("84", "ω = √(ω_p² + v_eff²q²) from det M = 0 (derived matrix)",
               PRINTED_84.subs(v_eff, PRINTED_83).subs(sc), derived_84,
               domains={"q": (0.05, 0.5)})
    det_printed = sp.factor(dispersion_relation(PRINTED_82))
    sol_printed = sp.solve(sp.numer(sp.together(det_printed)), omega)
    bad = [r for r in sol_printed if r.is_positive is not False]
    book.equal("84", "ω = √(ω_p² + v_eff²q²) also follows from the printed matrix (82)",
               PRINTED_84.subs(wp, sp.sqrt(n0 * Q**2 / (eps0 * m))), bad[0] if bad else sp.nan,
               domains={"q": (0.05, 0.5)})
    return {"M": M, "veff2": veff2_derived}


def _claims_numeric(book: ClaimBook, M: sp.Matrix) -> None:
    # numeric roots of det M(ω) = 0 (companion matrix) vs the closed form, SI units
    subs_const = {hbar: C.hbar, m: C.m_e, Q: C.e, eps0: C.epsilon_0}
    det = sp.Poly(sp.numer(sp.together(dispersion_relation(M))), omega)
    coeff_fn = sp.lambdify((n0, q), [c.subs(subs_const) for c in det.all_coeffs()], "numpy")
    nc = pp.critical_density()
    printed, derived = [], []
    for n_cm3 in (1e21, 1e22, 1e23, 1e25, 1e28):
        s = pp.plasma_scales(n_cm3 * 1e6)
        for frac in (0.02, 0.1, 0.25):
            qv = frac * s.k_F
            if s.v_eff2 < 0 and s.omega_p**2 + s.v_eff2 * qv**2 <= 0:
                continue
            r = np.roots(np.asarray(coeff_fn(n_cm3 * 1e6, qv), dtype=complex))
            derived.append(np.max(np.abs(r)))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", pp.ValidityWarning)
                printed.append(abs(pp.plasmon_omega(np.array([qv]), n_cm3 * 1e6)[0]))
    book.close("84", "numeric roots of det M(q, ω) = 0 agree with √(ω_p² + v_eff²q²) (five densities, "
               "q/k_F = 0.02, 0.1, 0.25)", printed, derived, rtol=1e-9,
               how="numpy.roots of the derived determinant, SI constants (CODATA via scipy)")
    # unstable (imaginary) branch below n_c
    s = pp.plasma_scales(1e21 * 1e6)
    qmax = s.omega_p / math.sqrt(-s.v_eff2)
    r = np.roots(np.asarray(coeff_fn(1e27, 1.5 * qmax), dtype=complex))
    book.holds("84", "below n_c the root is purely imaginary beyond q_max (static instability)",
               bool(np.all(np.abs(r.real) < 1e-6 * np.abs(r).max())),
               f"roots at q = 1.5 q_max, n = 1e21 cm^-3: {np.array2string(r, precision=4)} (q_max/k_F "
               f"= {qmax / s.k_F:.3g}: beyond the fluid validity q ≪ k_F, stated as a warning)")
    # n_c where v_eff = 0
    book.close("n_c", "critical density n_c ≃ 5×10²² cm⁻³ where the dispersion is flat (v_eff = 0)",
               PRINTED_NC_CM3, nc / 1e6, rtol=0.2,
               how=f"root of v_eff²(n) = 0 with CODATA constants: n_c = {nc / 1e6:.4g} cm^-3")
    sc = _scales_symbolic()
    # q_max: zero of ω² = ω_p² + v_eff² q², solved for q² (no square-root branch ambiguity)
    q2 = sp.Symbol("q2", positive=True)
    q2_derived = sp.solve(sp.Eq(wp**2 + PRINTED_83**2 * q2, 0), q2)
    book.equal("84", "q_max = ω_p/√(ṽ²/2 − v_F²/3): zero of ω(q) below n_c (compared as q_max²)",
               PRINTED_QMAX**2, q2_derived[0] if q2_derived else sp.nan)
    # density scalings ω_p ~ n^{1/2}, v_F ~ n^{1/3}, ṽ ~ n^{1/6}
    expo = [sp.simplify(n0 * sp.diff(sp.log(e), n0)) for e in (sc[wp], sc[vF], sc[vt])]
    book.equal("84", "density scalings ω_p ~ n^{1/2}, v_F ~ n^{1/3}, ṽ ~ n^{1/6}",
               [sp.Rational(1, 2), sp.Rational(1, 3), sp.Rational(1, 6)], expo)
    ratio_1e28 = pp.plasma_scales(1e34).v_tilde**2 / 2 / (pp.plasma_scales(1e34).v_F**2 / 3)
    book.holds("Fig. 3", "for n ≳ 10²⁸ cm⁻³ exchange is negligible: (ṽ²/2)/(v_F²/3) < 5%",
               ratio_1e28 < 0.05, f"(ṽ²/2)/(v_F²/3) = {ratio_1e28:.4f} at 1e28 cm^-3")


def _claims_oracles(book: ClaimBook) -> None:
    qs = np.array([0.02, 0.04, 0.06, 0.08])
    ws = [pr.rpa_plasmon(qq, 1.0) for qq in qs]
    c_rpa = pr.small_q_coefficient(qs, ws, 1.0, 2.0)        # units: E_F = k², v_F = 2
    c_fluid = float(sp.Rational(1, 3))                      # v_eff² = v_F²/3 without exchange
    book.close("84", "oracle: T = 0 Lindhard (RPA) small-q plasmon ω² = ω_p² + (3/5)v_F²q² "
               "(numeric RPA root, extrapolated)", 0.6, c_rpa, rtol=1e-4,
               how="quadrature of the Lindhard χ₀, ε = 0 by brentq at q/k_F = 0.02..0.08, "
               "linear fit in q²")
    book.close("84", "fluid (84) without exchange has the same small-q coefficient as Lindhard",
               c_rpa, c_fluid, rtol=1e-3,
               how="fluid 1/3 vs RPA 3/5: the fluid closes the hierarchy with the static "
               "isotropic equation of state P(n) (dP/dn = m v_F²/3), while at ω ≫ q v_F the "
               "collisionless gas is compressed only along q (1-D adiabatic response: 9/5·(1/3) "
               "= 3/5)")
    wsv = [pr.vlasov_plasmon(qq) for qq in qs]
    c_bg = pr.small_q_coefficient(qs, wsv, 1.0, 1.0)
    book.close("84", "oracle: Bohm–Gross ω² = ω_p² + 3 v_th² q² from the Vlasov (Maxwellian) "
               "dielectric", 3.0, c_bg, rtol=1e-3, how="Faddeeva Z, Re ε = 0 by brentq, fit in q²")
    # the paper's fluid in the classical limit: P from (57) with the Maxwell-Boltzmann W₀ of (75)
    k, lam, X, kB, T = sp.symbols("k lambda_B X k_B T", positive=True)
    W = 2 * X * sp.exp(-lam**2 * k**2)
    n_cl = sp.integrate(4 * sp.pi * k**2 * W / (2 * sp.pi) ** 3, (k, 0, sp.oo))
    P_cl = sp.integrate(4 * sp.pi * k**2 * W * hbar**2 * k**2 / (3 * m) / (2 * sp.pi) ** 3, (k, 0, sp.oo))
    c_cl = sp.simplify((P_cl / n_cl).subs(lam, hbar / sp.sqrt(2 * m * kB * T)) / (kB * T))
    book.close("84", "classical limit of the fluid: v² = (dP/dn)/m = k_BT/m (P = nk_BT from (57), "
               "(75)) vs Bohm–Gross 3k_BT/m", c_bg, float(c_cl), rtol=1e-3,
               how="isothermal static closure (γ = 1) vs 1-D adiabatic kinetic response (γ = 3)")


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    out = _claims_82_84(book)
    _claims_numeric(book, out["M"])
    _claims_oracles(book)
    return book.claims
