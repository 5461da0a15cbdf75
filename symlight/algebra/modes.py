"""Mode expansions between real and momentum space, and brackets of field integrals.

A field is a linear superposition ∫ d^n k f(k, x) a_k of continuous modes (or the reverse,
a_k = ∫ dx e^{-ikx} φ(x)/√(2π)). ``integral_bracket`` takes the commutator (or anticommutator)
of two such integrals: the integrand brackets come from the algebra (Dirac deltas), the deltas
are integrated by SymPy, and the plane-wave rule ∫ dx e^{i c x} = 2π δ(c) closes the Fourier
pair. Used for seed 000_afe20a70b32bac1d.txt, Eqs. (6)–(10).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy

from symlight.algebra.brackets import anticommutator, commutator
from symlight.algebra.operators import ModeOp
from symlight.errors import AlgebraError, describe


def mode_expansion(mode: ModeOp, variables: Sequence[sympy.Symbol] | sympy.Symbol,
                   kernel: sympy.Expr) -> sympy.Integral:
    """∫ d^n k kernel · mode, over the whole real line in each of ``variables`` (the mode's label)."""
    if not isinstance(mode, ModeOp) or not mode.continuous:
        raise AlgebraError(f"mode_expansion needs a continuous Boson/Fermion mode, got {describe(mode)}")
    variables = [variables] if isinstance(variables, sympy.Symbol) else list(variables)
    return sympy.Integral(kernel * mode, *[(v, -sympy.oo, sympy.oo) for v in variables])


def _split(expr: sympy.Expr) -> list[tuple[sympy.Expr, list[tuple]]]:
    """Sum of (integrand, limits) pairs; a plain operator has no limits."""
    out = []
    for term in sympy.Add.make_args(sympy.sympify(expr)):
        limits: list[tuple] = []
        coeff = sympy.S.One
        body = term
        if isinstance(term, sympy.Mul):
            c_part, nc_part = term.args_cnc()
            integrals = [f for f in nc_part if isinstance(f, sympy.Integral)]
            if len(integrals) == 1 and len(nc_part) == 1:
                coeff, body = sympy.Mul(*c_part), integrals[0]
        while isinstance(body, sympy.Integral):
            limits.extend(tuple(lim) for lim in body.limits)
            body = body.function
        out.append((coeff * body, limits))
    return out


def _plane_wave_rule(expr: sympy.Expr, var: sympy.Symbol) -> sympy.Expr | None:
    """∫_{-∞}^{∞} c · e^{i a var + b} d var = 2π c e^{b} δ(a) when a is linear, c var-free."""
    c_part = []
    exponent = sympy.S.Zero
    for factor in sympy.Mul.make_args(sympy.powsimp(expr)):
        if isinstance(factor, sympy.exp):
            exponent += factor.args[0]
        elif factor.has(var):
            return None
        else:
            c_part.append(factor)
    poly = sympy.Poly(sympy.expand(exponent), var) if exponent.has(var) else None
    if poly is None or poly.degree() != 1:
        return None
    slope, intercept = poly.all_coeffs()
    a = sympy.expand(slope / sympy.I)
    if not a.is_real and a.is_real is not None:
        return None
    return 2 * sympy.pi * sympy.Mul(*c_part) * sympy.exp(intercept) * sympy.DiracDelta(a)


def _integrate(expr: sympy.Expr, limits: list[tuple]) -> sympy.Expr:
    for lim in limits:
        var, lo, hi = lim
        total = []
        for term in sympy.Add.make_args(sympy.expand(expr)):
            if not term.has(var):
                total.append(sympy.Integral(term, (var, lo, hi)))
                continue
            if term.has(sympy.DiracDelta):
                total.append(sympy.integrate(term, (var, lo, hi)))
                continue
            full_line = lo == -sympy.oo and hi == sympy.oo
            rule = _plane_wave_rule(term, var) if full_line else None
            total.append(rule if rule is not None else sympy.Integral(term, (var, lo, hi)))
        expr = sympy.Add(*total)
    return expr


def integral_bracket(a: Any, b: Any, *, anti: bool = False) -> sympy.Expr:
    """[A, B] (or {A, B}) of linear field integrals, with the integrals done where they can be.

    Integration variables of ``b`` are renamed apart first, so A and B may share a dummy name.
    """
    bracket = anticommutator if anti else commutator
    result = []
    for fa, la in _split(a):
        for fb, lb in _split(b):
            rename = {lim[0]: sympy.Dummy(lim[0].name, **lim[0].assumptions0) for lim in lb}
            fb2 = fb.xreplace(rename)
            lb2 = [(rename[v], lo, hi) for v, lo, hi in lb]
            inner = bracket(fa, fb2)
            if inner.is_commutative:
                result.append(_integrate(inner, la + lb2))
            else:
                result.append(sympy.Integral(inner, *la, *lb2) if la + lb2 else inner)
    return sympy.simplify(sympy.Add(*result))
