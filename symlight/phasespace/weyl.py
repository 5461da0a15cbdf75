"""Weyl symbols and Wigner transforms: symbol ↔ operator, in one or more dimensions.

* ``weyl_quantize(symbol, xs, ps)`` → the operator (acting on wavefunctions ψ(x)) whose Weyl
  symbol is the polynomial ``symbol``; McCoy's rule Op(xᵐpⁿ) = 2⁻ᵐ Σ_k C(m,k) xᵏ p̂ⁿ xᵐ⁻ᵏ,
  p̂ = −iħ∂_x. Independent of the Moyal series, so Op(f⋆g) = Op(f)Op(g) is a real test.
* ``kernel_from_symbol`` / ``wigner_transform``: K(x,x') = (2πħ)⁻¹∫dp e^{ip(x−x')/ħ} a((x+x')/2,p)
  and a(x,p) = ∫dy e^{−ipy/ħ} K(x+y/2, x−y/2) (exact for Gaussian kernels).
* ``compose_kernels``: (K_A K_B)(x,x') = ∫ dy K_A(x,y) K_B(y,x').

Seed 001_acf7c75771656388.txt, Eqs. (16)-(18): the paper's Wigner transform of a one-body
operator in a plane-wave basis, 𝕎[Ô](r,k) = Σ_q e^{iq·r} O_{k−q/2,k+q/2}; in the continuum this is
the transform above with p = ħk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy

from symlight.errors import InputError
from symlight.phasespace.gaussian import integrate_gaussian

__all__ = ["weyl_quantize", "kernel_from_symbol", "wigner_transform", "compose_kernels"]

HBAR = sympy.Symbol("hbar", positive=True)


def _monomial_operator(mx: tuple[int, ...], mp: tuple[int, ...], xs, hbar) -> Callable:
    def op(psi: sympy.Expr) -> sympy.Expr:
        out = psi
        for x, m, n in zip(xs, mx, mp, strict=True):
            total = sympy.Integer(0)
            for k in range(m + 1):
                inner = x ** (m - k) * out
                inner = sympy.diff(inner, x, n) * (-sympy.I * hbar) ** n if n else inner
                total += sympy.binomial(m, k) * x ** k * inner
            out = total / sympy.Integer(2) ** m
        return out
    return op


def weyl_quantize(symbol: sympy.Expr, xs: Sequence[sympy.Symbol], ps: Sequence[sympy.Symbol],
                  hbar: sympy.Expr = HBAR) -> Callable[[sympy.Expr], sympy.Expr]:
    """The Weyl-ordered operator of a polynomial ``symbol``, as a map ψ ↦ Ôψ (ψ a function of xs)."""
    if len(xs) != len(ps):
        raise InputError(f"need equally many positions and momenta (got {len(xs)}, {len(ps)})")
    try:
        poly = sympy.Poly(sympy.expand(symbol), *xs, *ps)
    except sympy.PolynomialError as exc:
        raise InputError(f"weyl_quantize needs a polynomial symbol in {list(xs) + list(ps)}: {exc}") \
            from exc
    d = len(xs)
    parts = [(coeff, _monomial_operator(monom[:d], monom[d:], xs, hbar))
             for monom, coeff in poly.terms()]

    def operator(psi: sympy.Expr) -> sympy.Expr:
        return sympy.expand(sum(c * op(psi) for c, op in parts))
    return operator


def kernel_from_symbol(symbol: sympy.Expr, x: sympy.Symbol, p: sympy.Symbol,
                       xa: sympy.Symbol, xb: sympy.Symbol, hbar: sympy.Expr = HBAR) -> sympy.Expr:
    """Kernel K(xa, xb) of the operator whose (1-D) Weyl symbol is the Gaussian ``symbol(x, p)``."""
    integrand = symbol.subs(x, (xa + xb) / 2) * sympy.exp(sympy.I * p * (xa - xb) / hbar)
    return sympy.simplify(integrate_gaussian(integrand, p) / (2 * sympy.pi * hbar))


def wigner_transform(kernel: sympy.Expr, xa: sympy.Symbol, xb: sympy.Symbol, x: sympy.Symbol,
                     p: sympy.Symbol, hbar: sympy.Expr = HBAR) -> sympy.Expr:
    """Weyl symbol a(x,p) = ∫dy e^{−ipy/ħ} K(x+y/2, x−y/2) of a Gaussian kernel (exact)."""
    y = sympy.Dummy("y", real=True)
    integrand = kernel.subs({xa: x + y / 2, xb: x - y / 2}, simultaneous=True) \
        * sympy.exp(-sympy.I * p * y / hbar)
    return integrate_gaussian(integrand, y)


def compose_kernels(ka: sympy.Expr, kb: sympy.Expr, xa: sympy.Symbol, xb: sympy.Symbol) -> sympy.Expr:
    """(K_A ∘ K_B)(xa, xb) = ∫ dy K_A(xa, y) K_B(y, xb) for Gaussian kernels (exact)."""
    y = sympy.Dummy("y", real=True)
    integrand = ka.subs(xb, y) * kb.subs(xa, y)
    return integrate_gaussian(integrand, y)
