"""Point electric dipole t-matrix from regularised momentum sums, seed 003 Eqs. (8)–(10).

t(k) = -1/⟨r_d|G0(k)|r_d⟩ (impenetrable dipole, Eq. (8)).  The longitudinal sum is regularised as
Σ_p p̂p̂ = 1/(3u) (u: dipole volume) and the transverse one as Σ_p Δ_p/p^2 = 1/(6πΓ) (Γ: a length);
the finite remainder Σ_p Δ_p k^2/(p^2 (k^2 - p^2 + i0)) is computed here (radial integral with the
Sokhotski–Plemelj formula), giving Eq. (9)

    t(k) = -6πΓk^2 / (k0^2 - k^2 - i k^3 Γ),   k0^2 = 2πΓ/u,

and near resonance Eq. (10): t = -(6π/k0) (γ/2)/(ω0 - ω - iγ/2), γ = k0^2 c0 Γ, Q0 = ω0/γ.
In the dimensionless detuning δ = (ω - ω0)/γ used by the simulations: k0 t/(6π) = 1/(2δ + i).
"""

from __future__ import annotations

import numpy as np
import sympy as sp

k, k0, Gam, u, c0 = sp.symbols("k k_0 Gamma u c_0", positive=True)
omega, omega0, gamma = sp.symbols("omega omega_0 gamma", positive=True)
pp = sp.Symbol("p", positive=True)
eps = sp.Symbol("epsilon", positive=True)


def finite_transverse_sum() -> sp.Expr:
    """Σ_p Δ_p [1/(k^2 - p^2 + i0) + 1/p^2] (per tensor component) = (2/3)(1/2π^2) k^2 ∫dp/(k^2-p^2+i0).

    The principal value of ∫_0^∞ dp/(k^2-p^2) is computed by SymPy (it vanishes) and the δ-part is
    -iπ δ(k^2 - p^2) → -iπ/(2k).
    """
    a = sp.Symbol("a", positive=True)
    big = sp.Symbol("Lambda", positive=True)
    inner = (sp.integrate(1 / (k**2 - pp**2), (pp, 0, k - a))
             + sp.integrate(1 / (k**2 - pp**2), (pp, k + a, big)))
    inner = sp.limit(sp.expand_log(sp.simplify(inner), force=True), big, sp.oo)
    pv = sp.limit(sp.simplify(inner), a, 0, "+")
    delta_part = -sp.I * sp.pi / (2 * k)
    return sp.Rational(2, 3) / (2 * sp.pi**2) * k**2 * (pv + delta_part)


def self_term_sym() -> sp.Expr:
    """⟨r_d|G0(k)|r_d⟩ / 1 = (1/3u)/k^2 - 1/(6πΓ) + finite transverse remainder."""
    return 1 / (3 * u) / k**2 - 1 / (6 * sp.pi * Gam) + finite_transverse_sum()


def t_derived() -> sp.Expr:
    """t(k) = -1/⟨r_d|G0|r_d⟩ with k0^2 = 2πΓ/u substituted (u = 2πΓ/k0^2)."""
    return sp.simplify((-1 / self_term_sym()).subs(u, 2 * sp.pi * Gam / k0**2))


def t_printed_eq9() -> sp.Expr:
    """Eq. (9) as printed."""
    return -6 * sp.pi * Gam * k**2 / (k0**2 - k**2 - sp.I * k**3 * Gam)


def t_printed_eq10() -> sp.Expr:
    """Eq. (10) as printed (k = ω/c0)."""
    return -(6 * sp.pi / k0) * (gamma / 2) / (omega0 - omega - sp.I * gamma / 2)


def t_eq9_near_resonance() -> sp.Expr:
    """Leading resonant form of Eq. (9): numerator and denominator expanded to first order in
    k - k0 and in Γ (width), with γ = k0^2 c0 Γ, ω = k c0 (derived, for comparison with (10))."""
    dk = sp.Symbol("dk", real=True)
    lam = sp.Symbol("lambda", positive=True)
    expr = t_printed_eq9().subs(k, k0 + lam * dk).subs(Gam, lam * Gam)
    num, den = sp.fraction(sp.together(expr))
    num1 = sp.series(num, lam, 0, 2).removeO()
    den1 = sp.series(den, lam, 0, 3).removeO()
    # leading order: numerator O(λ), denominator O(λ)
    lead = sp.simplify((num1.coeff(lam, 1)) / (den1.coeff(lam, 1)))
    return sp.simplify(lead.subs({dk: (omega - omega0) / c0, Gam: gamma / (k0**2 * c0)}))


def optical_theorem_residual() -> sp.Expr:
    """-Im t - |t|^2 k/(6π) for Eq. (9) with real k: should vanish identically."""
    t = t_printed_eq9()
    tc = t.subs(sp.I, -sp.I)
    im_t = (t - tc) / (2 * sp.I)
    return sp.simplify(-im_t - t * tc * k / (6 * sp.pi))


def static_polarizability() -> sp.Expr:
    """α(0) = -lim_{k→0} t/k^2 (text below Eq. (9)); the print says α(0) = 3u."""
    return sp.limit(-t_printed_eq9() / k**2, k, 0).subs(k0, sp.sqrt(2 * sp.pi * Gam / u))


def t_dimensionless(delta: np.ndarray | float) -> np.ndarray:
    """k0 t/(6π) = 1/(2δ + i) at detuning δ = (ω - ω0)/γ (Eq. (10) in simulation units)."""
    return 1.0 / (2.0 * np.asarray(delta, dtype=float) + 1j)


def t_value(delta: np.ndarray | float, k0_val: float = 1.0) -> np.ndarray:
    """t(δ) of Eq. (10) in units where k0 = ``k0_val``."""
    return 6 * np.pi / k0_val * t_dimensionless(delta)


def transverse_delta_sum_numeric(k_val: float = 1.0, width: float = 1e-3) -> complex:
    """Quadrature twin of Σ_p Δ_p π δ(k^2 - p^2) = k/(6π): Lorentzian-broadened δ, k^2 → k^2 + iη."""
    from scipy.integrate import quad

    eta = width
    f = lambda q: q**2 * eta / ((k_val**2 - q**2) ** 2 + eta**2)  # π δ_η(k^2-p^2)
    pts = [k_val]
    val = quad(f, 0, 3 * k_val, points=pts, limit=400, epsabs=1e-13)[0]
    val += quad(f, 3 * k_val, np.inf, limit=200)[0]
    return (2 / 3) / (2 * np.pi**2) * val
