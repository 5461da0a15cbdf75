"""Collective decay γ₁₂ and dipole–dipole shift g₁₂ of two identical dipoles, derived (seed 002).

Seed 002_796c9b23bedf2618.txt, Appendix A: the angular kernel (30)

    F(k r) = (3/2) ∫ dΩ_k/(4π) (1 − (ê_d·ê_k)²) e^{i k·r},

gives γᵢⱼ = Γ F(k₀rᵢⱼ) (31), and the principal-value integrals (32)

    g^±ᵢⱼ = (Γ/k₀³) P∫₀^∞ dk/(2π) k³ F(k rᵢⱼ)/(k ± k₀)

give the Hamiltonian coupling of Eqs. (34)/(36), gᵢⱼ = −(g⁺ᵢⱼ + g⁻ᵢⱼ) (the counter-rotating g⁺
enters through [σᵢ⁻, O]σⱼ⁺ + σⱼ⁻[σᵢ⁺, O] = [σⱼ⁺σᵢ⁻, O]). Everything here is derived by SymPy:
F by integrating the solid angle; g^+ + g^- by writing F as (3/4)∫₋₁¹ p(u) e^{ikru} du, dividing
k³ by (k − k₀) and using the distributional transforms ∫ kⁿ e^{ikv} dk = 2π (−i∂_v)ⁿ δ(v) and
P∫ e^{ikv}/(k − k₀) dk = iπ sgn(v) e^{ik₀v} (the contact terms cancel the unphysical 1/r, 1/r³
pieces of the pole term).

Units. In App. A, Γ = γᵢᵢ of Eq. (31) is the population decay rate (dissipator (37) carries
γ/2). In App. B (Eq. (40), used by Eqs. (48)–(62)) γᵢᵢ = Γ_B with population decay 2Γ_B, so
Γ_A = 2Γ_B. ``units="B"`` (default) returns the couplings in units of Γ_B — the form printed in
Eqs. (38)–(39) — and ``units="A"`` in units of Γ_A.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import sympy

from symlight.errors import InputError

x = sympy.Symbol("x", positive=True)  # k0 r
c = sympy.Symbol("c", real=True)  # cos(theta_dd) = e_d . e_r
Gamma = sympy.Symbol("Gamma", positive=True)
_u = sympy.Symbol("u", real=True)
_k, _k0, _r = sympy.symbols("k k0 r", positive=True)

#: below this k0 r the closed forms lose digits to cancellation; series are used instead
SERIES_BELOW = 0.08
_SERIES_ORDER = 12


@cache
def angular_polynomial() -> sympy.Expr:
    """p(u) with F(x) = (3/4) ∫₋₁¹ p(u) e^{ixu} du: the φ-average of 1 − (ê_d·ê_k)², u = ê_k·ê_r."""
    phi = sympy.Symbol("phi", real=True)
    s = sympy.sqrt(1 - c**2)
    st = sympy.sqrt(1 - _u**2)
    dk = s * st * sympy.cos(phi) + c * _u  # e_d . e_k with e_r = z, e_d in the xz plane
    avg = sympy.integrate(sympy.expand(1 - dk**2), (phi, 0, 2 * sympy.pi)) / (2 * sympy.pi)
    return sympy.expand(avg)


@cache
def angular_kernel() -> sympy.Expr:
    """F(x) of Eq. (30), x = k r, derived by integrating the solid angle (real: odd part cancels)."""
    val = sympy.Rational(3, 4) * _poly_integral(angular_polynomial(), sympy.cos(x * _u), -1, 1)
    return sympy.expand(val)


@cache
def _monomial_integral(n: int, kernel: sympy.Expr, lo: int, hi: int) -> sympy.Expr:
    return sympy.expand(sympy.integrate(_u**n * kernel, (_u, lo, hi)))


def _poly_integral(p: sympy.Expr, kernel: sympy.Expr, lo: int, hi: int) -> sympy.Expr:
    """∫ p(u) kernel(u) du term by term over the monomials of the polynomial p."""
    return sympy.Add(*(coeff * _monomial_integral(n, kernel, lo, hi)
                       for (n,), coeff in sympy.Poly(p, _u).terms()))


@cache
def g_plus_plus_g_minus() -> sympy.Expr:
    """(g⁺ + g⁻)/Γ of Eq. (32) as a function of x = k₀r and c = cos θ_dd (Γ as in Eq. (31))."""
    p = angular_polynomial()
    q, rem = sympy.div(sympy.Poly(_k**3, _k), sympy.Poly(_k - _k0, _k))
    # contact part: sum_n q_n ∫du p(u) 2π(-i)^n δ^(n)(r u) = 2π q_n (-i)^n (-1)^n p^(n)(0)/r^(n+1)
    contact = sympy.S.Zero
    for (n,), qn in q.terms():
        dn = sympy.diff(p, _u, n).subs(_u, 0)
        contact += 2 * sympy.pi * qn * (-sympy.I) ** n * (-1) ** n * dn / _r ** (n + 1)
    # pole part: rem * P∫ e^{ikv}/(k - k0) dk = rem * iπ sgn(v) e^{i k0 v}
    kernel = sympy.exp(sympy.I * _k0 * _r * _u)
    pole = rem.as_expr() * sympy.I * sympy.pi * (_poly_integral(p, kernel, 0, 1)
                                                 - _poly_integral(p, kernel, -1, 0))
    full_line = sympy.Rational(3, 4) * (contact + pole)  # P∫_{-∞}^{∞} dk k³F(kr)/(k - k0)
    # g^+ + g^- = (Γ/k0³)(1/2π) P∫_{-∞}^{∞} (F even in k maps 1/(k+k0) on (0,∞) to (-∞,0))
    val = full_line / (2 * sympy.pi * _k0**3)
    val = sympy.expand(sympy.expand_complex(sympy.expand(val.subs(_r, x / _k0))))
    return sympy.expand(sympy.re(val)) + sympy.I * sympy.expand(sympy.im(val))


def _scale(units: str) -> sympy.Expr:
    if units == "A":
        return sympy.S.One
    if units == "B":
        return sympy.Integer(2)  # Γ_A = 2 Γ_B
    raise InputError(f"units={units!r}; valid: 'A' (Γ = population decay rate, Eqs. (31), (37)) or "
                     "'B' (Γ = γ_ii of Eq. (40), population decay 2Γ)")


@cache
def gamma12_sym(units: str = "B") -> sympy.Expr:
    """γ₁₂ = Γ F(k₀r), Eqs. (30)–(31), with Γ the γᵢᵢ of the chosen units (the ratio γ₁₂/γᵢᵢ = F)."""
    _scale(units)
    return Gamma * angular_kernel()


@cache
def g12_sym(units: str = "B") -> sympy.Expr:
    """g₁₂ = −(g⁺ + g⁻), Eqs. (32), (34), (36); in units of Γ_B (default) or Γ_A."""
    return sympy.expand(-_scale(units) * Gamma * g_plus_plus_g_minus())


@cache
def orientation_averaged() -> tuple[sympy.Expr, sympy.Expr]:
    """(γ₁₂, g₁₂)/Γ_B averaged over random dipole orientations (⟨·⟩ over c = cos θ_dd ∈ [−1, 1])."""
    avg = lambda e: sympy.simplify(sympy.integrate(e, (c, -1, 1)) / 2)  # noqa: E731
    return avg(gamma12_sym("B") / Gamma), avg(g12_sym("B") / Gamma)


def laurent_series(expr: sympy.Expr, order: int) -> sympy.Expr:
    """Series of a rational combination of sin x, cos x and powers of x about x = 0, up to x^order.

    sin and cos are replaced by Taylor polynomials long enough for the most negative power of x
    present (exact: the result equals ``sympy.series(expr, x, 0, order + 1)`` without O-term).
    """
    expr = sympy.expand(expr)
    lowest = min((sympy.Poly(t.as_numer_denom()[1], x).degree() for t in sympy.Add.make_args(expr)),
                 default=0)
    n = order + lowest + 2
    sin_p = sum((-1) ** k * x ** (2 * k + 1) / sympy.factorial(2 * k + 1) for k in range(n // 2 + 1))
    cos_p = sum((-1) ** k * x ** (2 * k) / sympy.factorial(2 * k) for k in range(n // 2 + 1))
    poly = sympy.expand(expr.subs({sympy.sin(x): sin_p, sympy.cos(x): cos_p}))
    return sympy.Add(*(t for t in sympy.Add.make_args(poly)
                       if sympy.degree(t.as_numer_denom()[0], x) - sympy.degree(t.as_numer_denom()[1], x)
                       <= order))


@cache
def _kernels():
    out = {}
    for name, expr in (("gamma", gamma12_sym("B") / Gamma), ("g", g12_sym("B") / Gamma)):
        ser = laurent_series(expr, _SERIES_ORDER)
        out[name] = (sympy.lambdify((x, c), expr, "numpy", cse=True),
                     sympy.lambdify((x, c), ser, "numpy", cse=True))
    return out


def _evaluate(name: str, k0r, cos_theta, Gamma_B: float) -> np.ndarray:
    xr = np.asarray(k0r, dtype=float)
    ct = np.asarray(cos_theta, dtype=float)
    if np.any(~np.isfinite(xr)) or np.any(xr <= 0):
        raise InputError(f"k0 r must be finite and positive, got {k0r}")
    if np.any(np.abs(ct) > 1):
        raise InputError(f"cos(theta_dd) must lie in [-1, 1], got {cos_theta}")
    xr, ct = np.broadcast_arrays(xr, ct)
    closed, series = _kernels()[name]
    small = xr < SERIES_BELOW
    out = np.empty(xr.shape, dtype=float)
    safe = np.where(small, 1.0, xr)
    out[...] = np.where(small, np.real(series(np.where(small, xr, 0.01), ct)),
                        np.real(closed(safe, ct)))
    return Gamma_B * out


def gamma12(k0r, cos_theta=0.0, Gamma_B: float = 1.0) -> np.ndarray:
    """γ₁₂ of Eq. (39) in units of Γ_B (series below k₀r = 0.08; γ₁₂ → Γ_B as k₀r → 0)."""
    return _evaluate("gamma", k0r, cos_theta, Gamma_B)


def g12(k0r, cos_theta=0.0, Gamma_B: float = 1.0) -> np.ndarray:
    """g₁₂ of Eq. (38) in units of Γ_B (Laurent series below k₀r = 0.08; ~ (3/2)(1−3c²)/(k₀r)³)."""
    return _evaluate("g", k0r, cos_theta, Gamma_B)


def printed_38() -> sympy.Expr:
    """Eq. (38) as printed (transcribed data), in its Γ."""
    return sympy.Rational(3, 2) * Gamma * (-(1 - c**2) * sympy.cos(x) / x
                                           + (1 - 3 * c**2) * (sympy.sin(x) / x**2 + sympy.cos(x) / x**3))


def printed_39() -> sympy.Expr:
    """Eq. (39) as printed (transcribed data), in its Γ."""
    return sympy.Rational(3, 2) * Gamma * ((1 - c**2) * sympy.sin(x) / x
                                           + (1 - 3 * c**2) * (sympy.cos(x) / x**2 - sympy.sin(x) / x**3))
