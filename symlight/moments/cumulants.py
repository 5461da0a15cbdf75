"""Cumulant truncation of infinite moment hierarchies (mean field: order 1; Hartree–Fock-like: order 2).

A moment ⟨X₁…X_m⟩ of a canonical word with m > order is replaced by the sum over set partitions
of its atoms into blocks of at most ``order`` atoms of the product of the blocks' joint cumulants
(all cumulants of order > ``order`` set to zero); each block keeps the atoms' original order, so
the expansion is valid for non-commuting operators in normal order. The truncated equations are
nonlinear in the retained moments.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np
import sympy
from sympy.utilities.iterables import multiset_partitions

from symlight.algebra import Avg
from symlight.errors import InputError
from symlight.moments.equations import MomentSystem, Word, word_expr


def _avg(word: Word) -> sympy.Expr:
    return Avg(word_expr(word)) if word else sympy.S.One


@lru_cache(maxsize=4096)
def _partitions(m: int) -> tuple[tuple[tuple[int, ...], ...], ...]:
    return tuple(tuple(tuple(b) for b in p) for p in multiset_partitions(list(range(m))))


def joint_cumulant(word: Word) -> sympy.Expr:
    """κ(X₁, …, X_m) = Σ_π (|π| − 1)! (−1)^{|π|−1} Π_{B∈π} ⟨X_B⟩ (moment–cumulant relation)."""
    m = len(word)
    out = []
    for part in _partitions(m):
        k = len(part)
        coeff = (-1) ** (k - 1) * math.factorial(k - 1)
        out.append(coeff * sympy.Mul(*(_avg(tuple(word[i] for i in b)) for b in part)))
    return sympy.Add(*out)


def cumulant_expansion(word: Word, order: int) -> sympy.Expr:
    """⟨word⟩ with all joint cumulants of more than ``order`` atoms set to zero."""
    if order < 1:
        raise InputError(f"cumulant order {order} is not valid; use an integer >= 1")
    m = len(word)
    if m <= order:
        return _avg(word)
    out = []
    for part in _partitions(m):
        if any(len(b) > order for b in part):
            continue
        out.append(sympy.Mul(*(joint_cumulant(tuple(word[i] for i in b)) for b in part)))
    return sympy.expand(sympy.Add(*out))


def truncated_rhs(system: MomentSystem, order: int | None = None) -> dict[Word, sympy.Expr]:
    """Right-hand sides in Avg symbols, with words longer than ``order`` cumulant-expanded."""
    order = order if order is not None else system.order
    if order is None:
        raise InputError("no truncation order: pass order=n or build the system with complete(order=n)")
    have = set(system.words)
    out = {}
    for w in system.words:
        parts = []
        for v, c in system.rhs[w].items():
            if not v:
                parts.append(c)
            elif v in have and len(v) <= order:
                parts.append(c * _avg(v))
            else:
                parts.append(c * cumulant_expansion(v, order))
        out[w] = sympy.Add(*parts)
    return out


def numeric_rhs(system: MomentSystem, params: Mapping[sympy.Symbol, complex],
                order: int | None = None) -> Callable[[float, np.ndarray], np.ndarray]:
    """f(t, y) for scipy's solve_ivp on the complex moment vector of the truncated system."""
    exprs = truncated_rhs(system, order)
    syms = [_avg(w) for w in system.words]
    ys = sympy.symbols(f"y0:{len(syms)}")
    sub = dict(zip(syms, ys, strict=True))
    body = [sympy.sympify(exprs[w]).xreplace(sub).subs(params) for w in system.words]
    leftover = set().union(*(b.free_symbols for b in body)) - set(ys)
    if leftover:
        raise InputError(f"parameters without values: {sorted(map(str, leftover))}")
    fn = sympy.lambdify([ys], body, modules="numpy", cse=True)
    return lambda t, y: np.asarray(fn(y), dtype=complex)


def words_up_to(system: MomentSystem, order: int) -> Sequence[Word]:
    return [w for w in system.words if len(w) <= order]
