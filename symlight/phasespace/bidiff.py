"""Bidirectional differential operators: ∇← / ∇→ acting on the factors of a product.

Seed 001_acf7c75771656388.txt writes every quantum correction as a function (sin, cos, exp) of
a bilinear differential operator whose gradients carry arrows, e.g. Eq. (31)
``f (2/ħ) sin(½ ∇←_r·∇→_k − ½ ∇←_k·∇→_r) g`` or Eq. (39) with a third factor ``1/ω_q``.
Here such an operator is a SymPy polynomial in placeholder symbols ``D(slot, var)`` (the
derivative with respect to ``var`` acting on factor number ``slot``; slot 0 is the leftmost,
so ∇← = slot 0 and ∇→ = slot 1 for a two-factor product). Because the placeholders commute,
powers and Taylor series are ordinary polynomial algebra; ``apply`` turns each monomial into
the product of derivatives of the factors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

import sympy

from symlight.errors import InputError

__all__ = ["D", "left", "right", "dot", "apply", "series_of", "split_placeholder"]

_PREFIX = "_∂"


@cache
def D(slot: int, var: sympy.Symbol) -> sympy.Symbol:
    """Placeholder for ∂/∂var acting on factor ``slot`` (0 = leftmost)."""
    if not isinstance(var, sympy.Symbol):
        raise InputError(f"derivative variable must be a SymPy Symbol, got {var!r}")
    if slot < 0:
        raise InputError(f"factor slot must be >= 0, got {slot}")
    sym = sympy.Symbol(f"{_PREFIX}{slot}[{var.name}]", commutative=True)
    _REGISTRY[sym] = (slot, var)
    return sym


_REGISTRY: dict[sympy.Symbol, tuple[int, sympy.Symbol]] = {}


def left(var: sympy.Symbol) -> sympy.Symbol:
    """∇← component: derivative acting on the left factor (slot 0)."""
    return D(0, var)


def right(var: sympy.Symbol) -> sympy.Symbol:
    """∇→ component: derivative acting on the right factor (slot 1)."""
    return D(1, var)


def dot(slot_a: int, vars_a: Sequence[sympy.Symbol], slot_b: int,
        vars_b: Sequence[sympy.Symbol]) -> sympy.Expr:
    """The scalar product ∇_{a}·∇_{b} of two gradients acting on the given slots."""
    if len(vars_a) != len(vars_b):
        raise InputError(f"gradient dimensions differ: {len(vars_a)} vs {len(vars_b)}")
    return sympy.Add(*[D(slot_a, a) * D(slot_b, b) for a, b in zip(vars_a, vars_b, strict=True)])


def split_placeholder(sym: sympy.Symbol) -> tuple[int, sympy.Symbol] | None:
    """(slot, var) of a placeholder symbol, or None for an ordinary symbol."""
    return _REGISTRY.get(sym)


def _placeholders(expr: sympy.Expr) -> list[sympy.Symbol]:
    return sorted((s for s in expr.free_symbols if s in _REGISTRY), key=lambda s: s.name)


def apply(op: sympy.Expr, factors: Sequence[sympy.Expr]) -> sympy.Expr:
    """Apply the polynomial operator ``op`` to the product of ``factors`` (in slot order).

    Each monomial ``c · Π D(s, v)^n`` becomes ``c · Π_s (∂ factors[s] / ∂v^n ...)``. The
    coefficient ``c`` may depend on ordinary symbols (never differentiated). Non-commutative
    factors keep their order.
    """
    ph = _placeholders(op)
    if not ph:
        return sympy.expand(op) * sympy.Mul(*factors)
    poly = sympy.Poly(sympy.expand(op), *ph)
    out = []
    for monom, coeff in poly.terms():
        derivs: dict[int, list[tuple[sympy.Symbol, int]]] = {}
        for sym, power in zip(ph, monom, strict=True):
            if power:
                slot, var = _REGISTRY[sym]
                if slot >= len(factors):
                    raise InputError(f"operator acts on factor slot {slot}, but only "
                                     f"{len(factors)} factors were given")
                derivs.setdefault(slot, []).append((var, power))
        parts = []
        for slot, fac in enumerate(factors):
            spec = derivs.get(slot)
            if spec:
                args = [item for var, power in spec for item in (var, power)]
                fac = sympy.diff(fac, *args)
            parts.append(fac)
        out.append(coeff * sympy.Mul(*parts))
    return sympy.Add(*out)


_TAYLOR: dict[str, Callable[[int], sympy.Rational]] = {
    "exp": lambda n: sympy.Rational(1, sympy.factorial(n)),
    "sin": lambda n: (sympy.Integer(0) if n % 2 == 0
                      else sympy.Rational((-1) ** ((n - 1) // 2), sympy.factorial(n))),
    "cos": lambda n: (sympy.Integer(0) if n % 2 == 1
                      else sympy.Rational((-1) ** (n // 2), sympy.factorial(n))),
}


def series_of(func: str, arg: sympy.Expr, order: int, *, scale: sympy.Expr = 1) -> list[sympy.Expr]:
    """Taylor terms ``[c_0 (scale·arg)^0, ..., c_N (scale·arg)^N]`` of ``func`` (exp, sin, cos).

    Term ``n`` carries ``scale**n``; with ``scale = iħ/2`` and ``arg`` the Poisson operator this
    is the order-ħⁿ term of the Moyal series.
    """
    if func not in _TAYLOR:
        raise InputError(f"unknown operator function {func!r}; valid: {', '.join(_TAYLOR)}")
    if order < 0:
        raise InputError(f"series order must be >= 0, got {order}")
    terms = []
    power = sympy.Integer(1)
    for n in range(order + 1):
        c = _TAYLOR[func](n)
        terms.append(sympy.expand(c * scale ** n * power) if c != 0 else sympy.Integer(0))
        power = sympy.expand(power * arg)
    return terms
