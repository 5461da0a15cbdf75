"""Fluid moments of the semiclassical kinetic equation, seed 001 Eqs. (50)-(53), (56)-(60).

The Hartree–Fock part of the first-order kinetic equation (41), ∂_tW = −𝒦₁[W, ℰ], is integrated
over k for an explicit (non-equilibrium, inhomogeneous) distribution W(x, k) = n(x)/(√π σ)
exp(−(k − u(x))²/σ²) and an explicit momentum-dependent Fock potential Φ^F(x, k); the k
integrals are exact Gaussian moments. The printed continuity (52) and momentum (53) equations,
with the printed definitions of J, J^F, P, P^F and f^F ((51), (56)-(58), (60)), are evaluated on
the same W and compared symbolically. One space dimension; light-matter terms (A = 0, N = 0)
are not included here.
"""

from __future__ import annotations

import sympy as sp

from symlight.checks import Claim, ClaimBook
from symlight.phasespace import bidiff

TOPIC, SOURCE = "plasma-photons", "001_acf7c75771656388.txt"

x, k, s = sp.symbols("x k s", real=True)
hbar, m, Q = sp.symbols("hbar m Q", positive=True)

n_x = 1 + x**2 / 4
u_x = x / 2 - x**3 / 7
sig_x = sp.Integer(1)
GAUSS = sp.exp(-(k - u_x) ** 2 / sig_x**2)
W = n_x / (sp.sqrt(sp.pi) * sig_x) * GAUSS
PhiF = (1 + x**2 / 3) * k**2 / 2 - x * k / 4 + x**3 / 5 + k**4 / 24 * x   # explicit Φ^F(x, k)
PhiH = x + x**2 / 7
E = hbar**2 * k**2 / (2 * m) + Q * PhiH + PhiF


def k_moment(expr: sp.Expr) -> sp.Expr:
    """∫ dk expr for expr = polynomial(k) × the Gaussian of W (and its derivatives): exact, via
    k = u + σs and ∫ s^j e^{−s²} ds = Γ((j+1)/2) (j even)."""
    g = sp.Dummy("g")
    reduced = sp.expand(expr.subs(GAUSS, g) / g)
    if reduced.has(g) or reduced.has(sp.exp(-(k - u_x) ** 2 / sig_x**2)):
        raise ValueError("integrand is not polynomial × the Gaussian of W")
    sub = sp.expand(reduced.subs(k, u_x + sig_x * s) * sig_x)
    poly = sp.Poly(sub, s)
    total = sp.Integer(0)
    for (j,), coeff in poly.terms():
        if j % 2 == 0:
            total += coeff * sp.gamma(sp.Rational(j + 1, 2))
    return total


def _first_order_K(f: sp.Expr, g: sp.Expr) -> sp.Expr:
    arg = (bidiff.D(0, x) * bidiff.D(1, k) - bidiff.D(0, k) * bidiff.D(1, x)) / 2
    return 2 / hbar * bidiff.apply(bidiff.series_of("sin", arg, 1)[1], [f, g])


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    dWdt = -_first_order_K(W, E)                      # (30) with (41), no light-matter terms
    # fluid variables, printed definitions (50), (51), (56), (57), (58), (60)
    n = k_moment(W)
    J = k_moment(hbar * k / m * W)
    JF = k_moment(sp.diff(PhiF, k) / hbar * W)
    P = k_moment(hbar**2 * k**2 / m * W)
    PF = k_moment(sp.diff(PhiF, k) * k * W)
    fF = -k_moment(W * sp.diff(PhiF, x)) / n
    book.equal("50", "n = ∫W dk for the test distribution (exact Gaussian moment)", n_x, n)
    dn_dt = k_moment(dWdt)
    book.equal("52", "continuity: ∫dk of the kinetic equation gives ∂_t n = −∇·(J + J^F), with the "
               "degeneracy current J^F of (56)", -sp.diff(J + JF, x), dn_dt)
    dJ_dt = k_moment(hbar * k / m * dWdt)
    printed53 = -sp.diff(P + PF, x) / m + n / m * (-Q * sp.diff(PhiH, x) + fF)
    book.equal("53", "momentum: ∫dk (ħk/m)·(kinetic equation) gives ∂_tJ + ∇(P + P^F)/m = "
               "(n/m)(−Q∇Φ^H + f^F), with P, P^F, f^F of (57), (58), (60)", printed53, dJ_dt)
    return book.claims
