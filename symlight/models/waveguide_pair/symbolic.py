"""Symbolic derivations for seed 004_051fe7d7dc805f6f.txt (SymPy): Eqs. (29)–(32), (34), (36)–(43).

Everything here is derived by the tool from the model (Eqs. (1), (20), (26), (27)); the printed
forms are transcribed separately (``printed.py``) and only compared in the derivation topic.
Paper units (c = 1); σ_s = Σ_s(ω₀ + i0), σ₂ = Σ₂⁽²⁾(2ω₀ + i0) as in the paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy as sp

from symlight.numerics.contour_residues import real_line_integral

# common symbols (paper notation)
k, kappa, u, t = sp.symbols("k kappa u t", real=True)
M, lam, d, p, q = sp.symbols("M lambda d p q", positive=True)
z = sp.Symbol("z")
s = sp.Symbol("s")  # ±1
omega0, k0 = sp.symbols("omega_0 k_0", positive=True)
xi_sym = sp.Symbol("xi")


@dataclass
class SigmaDerivation:
    """Contour derivation of Σ_s(z), Eq. (29), for Re z > 0 (p := √(z² − M²), Im p ≥ 0)."""

    arc_vanishes: bool          # k·f(k) → 0 on the large arc
    pole_term: sp.Expr          # 2πi × residue at k = p (Jordan's lemma, d ≥ 0)
    cut_density: sp.Expr        # i[f(0⁺ + iκ) − f(0⁻ + iκ)], κ > M: the branch-cut discontinuity
    cut_d0: sp.Expr             # its κ-integral without e^{−κd}: 2L/p (closed form by SymPy)
    xi_L: sp.Expr               # ξ L = p z ∫_M^∞ dκ e^{−κd}/(√(κ²−M²)(κ² + p²)), unevaluated
    sigma: sp.Expr              # the derived Σ_s(z) with ξ as a symbol (to compare with (29))
    xi_large_d: sp.Expr         # leading behaviour of ξ for Md → ∞ (K₀ form)


@lru_cache(maxsize=1)
def derive_sigma_closed_form() -> SigmaDerivation:
    """Derive Eq. (29) by contour integration of Eq. (20) with the massive mode (27).

    Σ_s(z) = λ² ∫dk (1 + s e^{ikd})/(ω(z − ω)) (cos → e^{ikd} by evenness). With
    1/(z − ω) = (z + ω)/(p² − k²) the integrand has simple poles at k = ±p and the branch cut of
    ω(k) = √(k² + M²) on [iM, i∞). Close the contour in the upper half plane around the cut.
    """
    zz = sp.sqrt(p ** 2 + M ** 2)          # z expressed through p (Re z > 0 sheet: ω(p) = z)
    w = sp.Symbol("w")                     # stands for ω(k) on the relevant side
    f_w = lam ** 2 * (1 + s * sp.exp(sp.I * k * d)) / (w * (zz - w))
    # large arc: |k f(k)| → 0 for |k| → ∞ in the upper half plane (e^{ikd} bounded, d ≥ 0)
    arc = sp.limit(k * lam ** 2 / (sp.sqrt(k ** 2 + M ** 2) * (zz - sp.sqrt(k ** 2 + M ** 2))), k, sp.oo)
    # pole at k = p: rationalised form λ²(1 + s e^{ikd})(z + ω)/(ω (p² − k²)), ω(p) = z
    rational = lam ** 2 * (1 + s * sp.exp(sp.I * k * d)) * (zz + sp.sqrt(k ** 2 + M ** 2)) / (
        sp.sqrt(k ** 2 + M ** 2) * (p ** 2 - k ** 2))
    res = sp.residue(rational, k, p)
    pole_term = sp.simplify(2 * sp.pi * sp.I * res)
    # sides of the cut, k = ±0 + iκ: ω = √(M² − κ² ± i0) (one-sided limits, SymPy)
    eps = sp.Symbol("epsilon", positive=True)
    qk = sp.Symbol("q_kappa", positive=True)  # √(κ² − M²)
    w_right = sp.limit(sp.sqrt(-qk ** 2 + sp.I * eps), eps, 0, "+")
    w_left = sp.limit(sp.sqrt(-qk ** 2 - sp.I * eps), eps, 0, "+")
    f_side = f_w.subs(k, sp.I * kappa)
    density = sp.simplify(sp.I * (f_side.subs(w, w_right) - f_side.subs(w, w_left)))
    density = sp.simplify(density.subs(qk, sp.sqrt(kappa ** 2 - M ** 2)))
    # split density into the d-independent piece and the e^{−κd} piece
    dens0 = sp.simplify(density.subs(s, 0))
    dens_d = sp.simplify((density - dens0) / s)
    cut_d0 = sp.simplify(sp.integrate(sp.simplify(dens0 / lam ** 2), (kappa, M, sp.oo)))
    cut_d0 = sp.simplify(cut_d0.rewrite(sp.log))
    Lsym = sp.log((zz + p) / M)
    # ξ is defined by: cut(e^{−κd} part) = 2λ² s ξ L/p
    xi_L = sp.simplify(p / (2 * lam ** 2) * sp.Integral(dens_d, (kappa, M, sp.oo)))
    derived = pole_term + cut_d0 * lam ** 2 + 2 * lam ** 2 * s * xi_sym * Lsym / p
    # leading large-d behaviour: e^{−κd} concentrates at κ = M, √(κ²−M²) ~ √(2M(κ−M)):
    # ∫_M^∞ e^{−κd}/√(κ²−M²) dκ = K₀(Md), and 1/(κ² + p²) → 1/z² there
    lead = p * zz * sp.besselk(0, M * d) / zz ** 2 / Lsym
    return SigmaDerivation(arc_vanishes=bool(arc == 0), pole_term=pole_term, cut_density=density,
                           cut_d0=cut_d0, xi_L=xi_L, sigma=sp.expand(derived), xi_large_d=lead)


@dataclass
class OnShell:
    """On-shell values at z = ω₀ + i0 (p = k₀) from the derived Σ_s, neglecting ξ."""

    delta0: sp.Expr
    delta: dict[int, sp.Expr]
    gamma: dict[int, sp.Expr]
    sigma2: sp.Expr
    g0sq_over_c0: sp.Expr


@lru_cache(maxsize=1)
def derive_on_shell() -> OnShell:
    """δ_s = Re Σ_s(ω₀+i0), γ_s = −2 Im Σ_s(ω₀+i0) (Eqs. (30), (31)); σ₂ = Σ_s σ_s (Eq. (32))."""
    der = derive_sigma_closed_form()
    phi = sp.Symbol("phi", real=True)   # k₀d
    out_d, out_g = {}, {}
    sig = {}
    for sv in (1, -1):
        ex = der.sigma.subs({s: sv, xi_sym: 0, p: k0, d: phi / k0})
        ex = sp.expand(ex.rewrite(sp.cos), complex=True)
        re, im = sp.re(ex), sp.im(ex)
        out_d[sv] = sp.simplify(re)
        out_g[sv] = sp.simplify(-2 * im)
        sig[sv] = ex
    delta0 = sp.simplify((out_d[1] + out_d[-1]) / 2)
    # σ₂ = Σ₂⁽²⁾(2ω₀ + i0) = Σ_s Σ_s(ω₀ + i0) (Eq. (22) evaluated on shell)
    sigma2 = sp.simplify(sig[1] + sig[-1])
    return OnShell(delta0=delta0, delta=out_d, gamma=out_g, sigma2=sigma2,
                   g0sq_over_c0=lam ** 2 / k0)


# ---------------------------------------------------------------------------------------------
# Weak coupling: Eqs. (36)–(42)
# ---------------------------------------------------------------------------------------------

kap1, kap2 = sp.symbols("kappa_1 kappa_2", real=True)
c0, g0 = sp.symbols("c_0 g_0", positive=True)
phi = sp.Symbol("phi", real=True)                     # k₀d
sig_p, sig_m, sig_2 = sp.symbols("sigma_+ sigma_- sigma_2")
SIG = {1: sig_p, -1: sig_m}


@dataclass
class WeakAmplitude:
    """Near-on-shell amplitude from Eq. (26): X → 0, Σ_s(z − ω(k_j)) → σ_s, Σ₂ → σ₂."""

    A_parallel: sp.Expr       # near (k₀ + κ₁, k₀ + κ₂)
    A_antiparallel: sp.Expr   # near (k₀ + κ₁, −k₀ − κ₂)
    F: dict[int, sp.Expr]     # F_s(κ₁, κ₂) as it appears in both


@lru_cache(maxsize=1)
def derive_weak_amplitude() -> WeakAmplitude:
    """Expand Eq. (26) at z = ω(k₁) + ω(k₂) around the on-shell points to leading order."""
    kk = sp.Symbol("kk", real=True)
    om = sp.sqrt(kk ** 2 + M ** 2)
    # ω(k₀ + κ) = ω₀ + c₀κ + O(κ²), with c₀ = dω/dk at k₀ (computed, then named)
    lin = sp.series(om.subs(kk, k0 + kappa), kappa, 0, 2).removeO()
    c0_val = sp.simplify(lin.coeff(kappa, 1))
    assert sp.simplify(c0_val - k0 / sp.sqrt(k0 ** 2 + M ** 2)) == 0
    # with ω₀ := ω(k₀): ω(±k₀ ± κ) ≈ ω₀ ± c₀ κ for the four on-shell points
    gk = lam / (kk ** 2 + M ** 2) ** sp.Rational(1, 4)
    g0_val = sp.simplify(gk.subs(kk, k0) - lam / sp.sqrt(omega0)).subs(k0, sp.sqrt(omega0 ** 2 - M ** 2))
    assert sp.simplify(g0_val) == 0  # g(k₀) = λ/√ω₀ = g₀ (Eq. (28))

    def v(sv: int, sign: int) -> sp.Expr:   # v_s(±k₀) at leading order (Eq. (16))
        return g0 * (1 + sv * sp.exp(sign * sp.I * phi)) / sp.sqrt(2)

    def amp(sign2: int) -> sp.Expr:
        w1 = omega0 + c0 * kap1
        w2 = omega0 + c0 * kap2                 # ω(k₂) for k₂ = sign2·(k₀ + κ₂)
        zz = w1 + w2
        total = 0
        for sv in (1, -1):
            g2 = 1 / (zz - 2 * omega0 - sig_2)
            prop = 1 / (zz - omega0 - w1 - SIG[sv]) + 1 / (zz - omega0 - w2 - SIG[sv])
            total += sv * v(sv, 1) * v(sv, sign2) * g2 * prop
        return total.subs(g0, lam / sp.sqrt(omega0))

    F = {sv: lam ** 2 / (2 * omega0) / (c0 * (kap1 + kap2) - sig_2)
         * (1 / (c0 * kap1 - SIG[sv]) + 1 / (c0 * kap2 - SIG[sv])) for sv in (1, -1)}
    return WeakAmplitude(A_parallel=amp(1), A_antiparallel=amp(-1), F=F)


@dataclass
class QuadrantResult:
    """Quadrant probabilities (40)–(41) and R (42) from residue integration of |A|²."""

    integrals: dict[tuple[int, int], sp.Expr]  # J_{ss'} = ∫∫dx dy f_s f̄_s' (x = c₀κ₁, y = c₀κ₂)
    P_parallel: sp.Expr
    P_antiparallel: sp.Expr
    R: sp.Expr
    normalisation: sp.Expr                      # P⇔ + P⇄


u_p, u_m = sp.symbols("u_+ u_-", real=True)
w_p, w_m = sp.symbols("w_+ w_-", positive=True)
xx, yy = sp.symbols("x y", real=True)


@lru_cache(maxsize=4)
def quadrant_integral(a: int, b: int) -> sp.Expr:
    """J_{ab} = ∫∫ f_a f̄_b dx dy by two residue integrations.

    f_s = (x + y − 2σ_s)/((x + y − σ₂)(x − σ_s)(y − σ_s)) with σ_s = u_s − i w_s (w_s > 0) and
    σ₂ = σ₊ + σ₋ (the on-shell relation derived from (30)–(32)). Variables (x, S = x + y), unit
    Jacobian: first ∫dx at fixed real S, then ∫dS, each by the residues in the upper half plane.
    """
    sig = {1: u_p - sp.I * w_p, -1: u_m - sp.I * w_m}
    s2 = sig[1] + sig[-1]
    S = sp.Symbol("S", real=True)

    def f(sv: int) -> sp.Expr:
        yv = S - xx
        return (xx + yv - 2 * sig[sv]) / ((xx + yv - s2) * (xx - sig[sv]) * (yv - sig[sv]))

    # partial fractions in x (checked: equal to f_s): f_s = [1/(x − σ_s) + 1/(S − x − σ_s)]/(S − σ₂)
    def f_pf(sv: int) -> sp.Expr:
        return (1 / (xx - sig[sv]) + 1 / (S - xx - sig[sv])) / (S - s2)

    for sv in {a, b}:
        assert sp.cancel(f(sv) - f_pf(sv)) == 0
    integrand = sp.expand(f_pf(a) * sp.conjugate(f_pf(b)))
    inner = sum(real_line_integral(term, xx) for term in sp.Add.make_args(integrand))
    inner = sp.expand(inner)
    return sp.factor(sum(real_line_integral(term, S) for term in sp.Add.make_args(inner)))


def quadrant_integrals() -> dict[tuple[int, int], sp.Expr]:
    """All J_{ss'} (see ``quadrant_integral``); J_{−+} is the conjugate of J_{+−}."""
    out = {(a, b): quadrant_integral(a, b) for a, b in ((1, 1), (-1, -1), (1, -1))}
    out[(-1, 1)] = sp.conjugate(out[(1, -1)])
    return out



@lru_cache(maxsize=1)
def derive_quadrants() -> QuadrantResult:
    """P⇔, P⇄ and R = P⇔/P⇄ at λ → 0 as OUTPUT of the residue integration.

    σ_s = Σ_s(ω₀ + i0) = δ_s − iγ_s/2 with δ_s, γ_s from ``derive_on_shell`` (not typed in).
    Near each on-shell point P = |Σ_s s a_s F_s|² (a_s = (1 + s e^{iφ})² parallel,
    |1 + s e^{iφ}|² antiparallel, φ = k₀d); the two peaks of one quadrant pair are mirror
    images, P(−k₁, −k₂) = P(k₁, k₂), so ½∫_D P is the integral around one point.
    """
    J = quadrant_integrals()
    tt = sp.Symbol("t", positive=True)  # t = tan(φ/2) (Weierstrass), generic φ ∈ (0, π)
    trig = {sp.cos(phi): (1 - tt ** 2) / (1 + tt ** 2), sp.sin(phi): 2 * tt / (1 + tt ** 2)}
    eiphi = (1 + sp.I * tt) / (1 - sp.I * tt)
    on = derive_on_shell()
    G = sp.Symbol("G", positive=True)    # 2πλ²/k₀ = 2π g₀²/c₀
    lam_sub = {lam: sp.sqrt(G * k0 / (2 * sp.pi))}
    subs_phys = {
        u_p: sp.expand(on.delta[1].subs(lam_sub).xreplace(trig)),
        u_m: sp.expand(on.delta[-1].subs(lam_sub).xreplace(trig)),
        w_p: sp.cancel(on.gamma[1].subs(lam_sub).xreplace(trig) / 2),
        w_m: sp.cancel(on.gamma[-1].subs(lam_sub).xreplace(trig) / 2),
    }
    # |λ²/(2ω₀)|² and dκ₁dκ₂ = dx dy/c₀², with λ² = G ω₀ c₀/(2π) (g₀²/c₀ = λ²/k₀, c₀ = k₀/ω₀)
    pref = (G * omega0 * c0 / (2 * sp.pi) / (2 * omega0)) ** 2 / c0 ** 2
    amps_par = {sv: (1 + sv * eiphi) ** 2 for sv in (1, -1)}
    amps_anti = {sv: (1 + sv * eiphi) * (1 + sv / eiphi) for sv in (1, -1)}
    Jphys = {key: sp.cancel(val.subs(subs_phys)) for key, val in J.items()}

    def quad(amps: dict[int, sp.Expr]) -> sp.Expr:
        tot = 0
        for (a, b), Jab in Jphys.items():
            tot += a * b * amps[a] * amps[b].subs(sp.I, -sp.I) * Jab
        return sp.factor(sp.cancel(sp.together(pref * tot)))

    Ppar, Pan = quad(amps_par), quad(amps_anti)
    back = {tt: sp.tan(phi / 2)}
    R = sp.factor(sp.cancel(Ppar / Pan))
    return QuadrantResult(integrals=J, P_parallel=Ppar.subs(back), P_antiparallel=Pan.subs(back),
                          R=R.subs(back), normalisation=sp.cancel(Ppar + Pan).subs(back))
