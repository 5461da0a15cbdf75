"""Photon fluid equations as k-moments of the photon kinetic equation, seed 001 Eqs. (61)-(66).

The photon kinetic equation (29) in the high-frequency limit, with its left side cut at first
order (40) and the Compton term Λ^(2) of (36) cut at first order (both by the phase-space engine,
``symlight.phasespace.bidiff``), is applied to an explicit inhomogeneous photon distribution
N(x, k) (one space dimension, two plasma species with explicit Ω_α²(x)). Its zeroth and v_ph
moments are integrated over k numerically (mpmath quadrature; v_ph = c²k/ω_k is not polynomial,
so the moments are not closed-form) and compared with the printed continuity (61) and momentum
(62) equations built from the printed definitions (55), (63)-(65). The source S (from Λ^(1), the
linear light–matter term) is off here (j = 0). Eq. (66)'s kernel u(r), the Fourier transform of
1/(ħω_k), is computed independently by a radial quadrature.
"""

from __future__ import annotations

import mpmath as mp
import sympy as sp
from scipy.integrate import quad

from symlight.checks import Claim, ClaimBook
from symlight.errors import InputError
from symlight.phasespace import bidiff

TOPIC, SOURCE = "plasma-photons", "001_acf7c75771656388.txt"

x, k = sp.symbols("x k", real=True)
hbar, c, wp = sp.symbols("hbar c omega_p", positive=True)
VALUES = {hbar: sp.Rational(7, 10), c: sp.Rational(3, 2), wp: sp.Rational(4, 5)}
X_POINTS = (-0.7, 0.3, 1.1)

omega = sp.sqrt(wp**2 + c**2 * k**2)
v_ph = c**2 * k / omega                                   # (40)
m_ph = hbar * wp / c**2                                   # photon mass, below (64)
N_test = (1 + x**2 / 4) * sp.exp(-(k - x / 2 + x**3 / 7) ** 2 / 2)   # explicit N(x, k) > 0
OMEGA2 = (sp.Rational(2, 5) * (1 + x**2 / 3), sp.Rational(1, 7) * (1 + x / 2) ** 2)  # Ω_α²(x)


def _first_order(fn: str, arg: sp.Expr, factors: list[sp.Expr]) -> sp.Expr:
    return bidiff.apply(bidiff.series_of(fn, arg, 1)[1], factors)


def kinetic_K1(f: sp.Expr, g: sp.Expr) -> sp.Expr:
    """First order of 𝒦[f, g] of (31): f (2/ħ) sin(½∇←_x∇→_k − ½∇←_k∇→_x) g."""
    arg = (bidiff.D(0, x) * bidiff.D(1, k) - bidiff.D(0, k) * bidiff.D(1, x)) / 2
    return 2 / hbar * _first_order("sin", arg, [f, g])


def compton_lambda2_first_order(omega2: sp.Expr, N: sp.Expr) -> sp.Expr:
    """First order of Λ^(2) of (36)/(135): (Ω²/ω_k) sin(½∇←_k·∇→_r − ½∇←_r·∇→_k) N."""
    arg = (bidiff.D(0, k) * bidiff.D(1, x) - bidiff.D(0, x) * bidiff.D(1, k)) / 2
    return _first_order("sin", arg, [omega2 / omega, N])


def dN_dt(N: sp.Expr, sign: int = 1) -> sp.Expr:
    """∂_tN from (29) with (40) and the first order of (36), Λ^(1) = 0. ``sign = -1`` replaces
    Λ^(2) by −𝒦[N, ħΣΩ²/(2ω_k)] (refraction with the photon energy ħ√(ω_k² + ΣΩ²)), for
    diagnosis."""
    om2 = sum(OMEGA2)
    if sign == 1:
        lam2 = compton_lambda2_first_order(om2, N)
    else:
        lam2 = -kinetic_K1(N, hbar * om2 / (2 * omega))
    return -kinetic_K1(N, hbar * omega) + lam2


def k_integral(integrand: sp.Expr, x0: float) -> float:
    """∫ dk integrand(x0, k) (adaptive Gauss–Kronrod, scipy.integrate.quad, abs. tol. 1e-13) over
    |k| ≤ 40, where the Gaussian N_test of width √2 centred at |k| < 1 is below e⁻⁷⁰⁰."""
    f = sp.lambdify((x, k), integrand.subs(VALUES), "numpy", cse=True)
    return quad(lambda kk: f(x0, kk), -40.0, 40.0, points=(-3.0, 0.0, 3.0), epsabs=1e-13,
                epsrel=1e-12, limit=200)[0]


def printed_61_rhs(N: sp.Expr) -> sp.Expr:
    """Integrand of ∂_t n_ph = −∇·(J_ph − Σ_α J_α^(2)) + S (61), S = 0, J^(2)_α = V_α n_α (55) with
    Q_α²n_α/(ε₀m_α) = Ω_α² (37): the x-derivative is taken under the k integral."""
    J2 = sum(om2 * c**2 * k * N / (2 * omega**3) for om2 in OMEGA2)
    return -sp.diff(v_ph * N - J2, x)


def printed_62_rhs(N: sp.Expr) -> sp.Expr:
    """Integrand of ∂_tJ_ph = −∇(P_ph + Σp_α)/m_ph + ΣT_α (62) with (63), (64), (65)."""
    P = m_ph * v_ph**2 * N
    p = sum(m_ph * om2 * N * v_ph**2 / (2 * omega**2) for om2 in OMEGA2)
    T = sum(N / (2 * omega**2) * (c**2 - v_ph**2) * sp.diff(om2, x) for om2 in OMEGA2)
    return -sp.diff(P + p, x) / m_ph + T


def _moment_claims(book: ClaimBook) -> None:
    for sign, tag in ((1, "Λ^(2) = first order of (36) as printed"),
                      (-1, "diagnostic: Λ^(2) = −𝒦[N, ħΣΩ²/(2ω_k)] (opposite sign of (36))")):
        dN = dN_dt(N_test, sign)
        pr61 = [k_integral(printed_61_rhs(N_test), x0) for x0 in X_POINTS]
        de61 = [k_integral(dN, x0) for x0 in X_POINTS]
        book.close("61", f"photon continuity: ∫dk of the kinetic equation (29), (40), {tag}, gives "
                   "∂_t n_ph + ∇·(J_ph − Σ_α J_α^(2)) = S (S = 0; explicit N, two species, "
                   f"x = {X_POINTS})", pr61, de61, rtol=1e-9, atol=1e-12)
        pr62 = [k_integral(printed_62_rhs(N_test), x0) for x0 in X_POINTS]
        de62 = [k_integral(v_ph * dN, x0) for x0 in X_POINTS]
        book.close("62", f"photon momentum: ∫dk v_ph·(kinetic equation), {tag}, gives ∂_tJ_ph + "
                   "∇(P_ph + Σp_α)/m_ph = ΣT_α with (63)-(65)", pr62, de62, rtol=1e-9, atol=1e-12)


def u_kernel(r: float, kappa: float) -> float:
    """c·ħ·u(r) with u the 3-D Fourier transform of 1/(ħω_k), ω_k = c√(k² + κ²):
    (2π²r)⁻¹∫₀^∞ k sin(kr)/√(k²+κ²) dk, written as 1/r (Abel-regularised ∫₀^∞ sin(kr) dk) plus
    the absolutely convergent ∫₀^∞ sin(kr)(k/√(k²+κ²) − 1) dk (mpmath.quadosc)."""
    if not (r > 0 and kappa >= 0):
        raise InputError(f"u_kernel: need r > 0 and kappa = ω_p/c ≥ 0, got r={r!r}, kappa={kappa!r}")
    with mp.workdps(20):
        tail = mp.quadosc(lambda q: mp.sin(q * r) * (q / mp.sqrt(q**2 + kappa**2) - 1), [0, mp.inf],
                          omega=r)
        return float((1 / r + tail) / (2 * mp.pi**2 * r))


def _u_claims(book: ClaimBook) -> None:
    r = sp.symbols("r", positive=True)
    printed_u = wp * sp.besselk(1, wp * r / c) / (4 * sp.pi**2 * hbar * c**2 * r)     # below (66)
    printed_under = 1 / (2 * sp.pi**2 * hbar * c * r**2)                              # ω_p → 0
    vals = {hbar: 1, c: 1, wp: sp.Rational(6, 5)}
    rs_ = (0.6, 1.3)
    book.close("66", "u(r) = ω_pK₁(ω_pr/c)/(4π²ħc²r) is the Fourier transform ∫d³k/(2π)³ e^{ik·r}/(ħω_k) "
               "(radial quadrature, ħ = c = 1, ω_p = 6/5)",
               [float(printed_u.subs(vals).subs(r, r0)) for r0 in rs_],
               [u_kernel(r0, 1.2) for r0 in rs_], rtol=1e-7)
    book.equal("66", "under-dense limit: ω_p → 0 of the printed u(r) equals the printed 1/(2π²ħcr²)",
               printed_under, sp.limit(printed_u, wp, 0))


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    _moment_claims(book)
    _u_claims(book)
    return book.claims
