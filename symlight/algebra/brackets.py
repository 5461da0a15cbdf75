"""Commutators, anticommutators and the Hermitian adjoint, on canonical forms."""

from __future__ import annotations

from typing import Any

import sympy

from symlight.algebra.operators import Op
from symlight.algebra.ordering import (
    IdWord,
    Terms,
    _from_ids,
    _multiply_ids,
    add_terms,
    as_terms,
    canonical_id_terms,
    from_id_terms,
    from_terms,
    id_terms,
    normal_word,
    operand,
)


def _bracket(a: Any, b: Any, sign: int) -> dict[IdWord, sympy.Expr]:
    ta = id_terms(operand(a, "first argument"))
    tb = id_terms(operand(b, "second argument"))
    return canonical_id_terms(
        add_terms(_multiply_ids(ta, tb), _multiply_ids(tb, ta), scale=sympy.Integer(sign)))


def commutator_terms(a: Any, b: Any) -> Terms:
    """[A, B] as a canonical term dictionary."""
    return _from_ids(_bracket(a, b, -1))


def commutator(a: Any, b: Any) -> sympy.Expr:
    """[A, B] = AB − BA in canonical normal order."""
    return from_id_terms(_bracket(a, b, -1))


def anticommutator(a: Any, b: Any) -> sympy.Expr:
    """{A, B} = AB + BA in canonical normal order."""
    return from_id_terms(_bracket(a, b, +1))


def dagger_terms(terms: Terms) -> Terms:
    """Adjoint of a term dictionary, reduced back to canonical form."""
    acc: Terms = {}
    for word, c in terms.items():
        adj = tuple(atom.dag for atom in reversed(word))
        for w, c2 in normal_word(adj) if adj else (((), sympy.S.One),):
            acc[w] = acc.get(w, sympy.S.Zero) + sympy.conjugate(c) * c2
    return {w: c for w, c in acc.items() if c != 0}


def dagger(expr: Any) -> sympy.Expr:
    """Hermitian adjoint, structurally (order reversed, atoms adjointed, coefficients conjugated)."""
    expr = operand(expr)
    if isinstance(expr, Op):
        return expr.dag
    if expr.is_commutative:
        return sympy.conjugate(expr)
    if isinstance(expr, sympy.Add):
        return sympy.Add(*(dagger(a) for a in expr.args))
    if isinstance(expr, sympy.Mul):
        c_part, nc_part = expr.args_cnc()
        return sympy.Mul(*(sympy.conjugate(c) for c in c_part), *(dagger(f) for f in reversed(nc_part)))
    if isinstance(expr, sympy.Pow):
        return sympy.Pow(dagger(expr.base), expr.exp)
    if isinstance(expr, sympy.Integral):  # real integration variables and limits
        return sympy.Integral(dagger(expr.function), *expr.limits)
    return from_terms(dagger_terms(as_terms(expr)))
