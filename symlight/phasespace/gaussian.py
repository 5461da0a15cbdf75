"""Exact Gaussian integrals ∫ exp(−a y² + b y + c) dy = √(π/a) exp(b²/(4a) + c), Re a > 0.

Used to compute exact Wigner transforms and exact operator compositions of Gaussian kernels,
the independent referee for the ħ-expansion of the Moyal product (seed 001, Eq. (31)).
"""

from __future__ import annotations

import sympy

from symlight.errors import InputError

__all__ = ["integrate_gaussian"]


def integrate_gaussian(expr: sympy.Expr, var: sympy.Symbol) -> sympy.Expr:
    """∫_{−∞}^{∞} expr d(var) for ``expr = A · exp(Q)`` with ``Q`` quadratic in ``var``.

    ``A`` must not depend on ``var``; the quadratic coefficient must have a positive real part
    (checked when it is numeric). Square roots are taken on the principal branch.
    """
    expr = sympy.powsimp(sympy.expand_power_exp(expr), combine="exp")
    prefactor, exponent = sympy.Integer(1), sympy.Integer(0)
    for fac in sympy.Mul.make_args(expr):
        if isinstance(fac, sympy.exp):
            exponent += fac.args[0]
        elif fac.has(var):
            raise InputError(f"integrand factor {fac} depends on {var} but is not an exponential")
        else:
            prefactor *= fac
    poly = sympy.Poly(sympy.expand(exponent), var)
    if poly.degree() != 2:
        raise InputError(f"exponent must be quadratic in {var}, got degree {poly.degree()}")
    a2, a1, a0 = (poly.coeff_monomial(var ** k) for k in (2, 1, 0))
    a = -a2
    if a.is_number and sympy.re(a) <= 0:
        raise InputError(f"Gaussian in {var} does not decay: quadratic coefficient {a2}")
    return prefactor * sympy.sqrt(sympy.pi / a) * sympy.exp(a1 ** 2 / (4 * a) + a0)
