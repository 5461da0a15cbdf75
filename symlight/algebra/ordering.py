"""Canonical normal order: a monomial dictionary {word: coefficient} with rules applied on construction.

A *word* is a tuple of operator atoms in canonical order: bosonic and fermionic creators first
(sorted by name and label), then at most one two-level matrix unit per site (σ⁺, σ⁻ or |e⟩⟨e|,
sorted by site), then annihilators. Every product is reduced as it is formed (commutation and
anticommutation contractions, σ±² = 0, σ⁻σ⁺ = 1 − σ⁺σ⁻), so equal operators have equal forms
without calling ``simplify``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import sympy
from sympy.core.sympify import SympifyError

from symlight.algebra.operators import ModeOp, Op, SigmaOp
from symlight.errors import AlgebraError, describe

Word = tuple[Op, ...]
Terms = dict[Word, sympy.Expr]

_ONE = sympy.S.One
_ZERO = sympy.S.Zero

_key_cache: dict[Op, tuple] = {}


def _key(atom: Op) -> tuple:
    key = _key_cache.get(atom)
    if key is None:
        label = sympy.default_sort_key(atom.args[1])
        if isinstance(atom, ModeOp):
            group = 0 if atom.is_dagger else 2
            stat = 0 if atom.statistics == "boson" else 1
            key = (group, stat, atom.name, label)
        else:
            key = (1, 0, atom.name, label)
        _key_cache[atom] = key
    return key


def _sigma_product(a: SigmaOp, b: SigmaOp) -> tuple[tuple[Word, sympy.Expr], ...]:
    """E_ij E_kl = δ_jk E_il on one site, with |g⟩⟨g| written as 1 − |e⟩⟨e|."""
    (i, j), (k, l) = a.which, b.which
    if j != k:
        return ()
    if i + l == "gg":
        return (((), _ONE), ((SigmaOp(a.name, a.site, "ee", a.zscale),), -_ONE))
    return (((SigmaOp(a.name, a.site, i + l, a.zscale),), _ONE),)


def _collect(acc: dict[Word, list], word: Word, coeff: sympy.Expr) -> None:
    acc[word].append(coeff)


def _finish(acc: dict[Word, list]) -> tuple[tuple[Word, sympy.Expr], ...]:
    out = []
    for word, coeffs in acc.items():
        total = sympy.Add(*coeffs)
        if total != 0:
            out.append((word, total))
    return tuple(out)


@lru_cache(maxsize=500_000)
def normal_word(word: Word) -> tuple[tuple[Word, sympy.Expr], ...]:
    """Reduce a product of atoms to canonical words with coefficients (memoised)."""
    for i in range(len(word) - 1):
        a, b = word[i], word[i + 1]
        if isinstance(a, SigmaOp) and isinstance(b, SigmaOp) and a.mode_key == b.mode_key:
            acc: dict[Word, list] = defaultdict(list)
            for mid, c in _sigma_product(a, b):
                for w, c2 in normal_word(word[:i] + mid + word[i + 2:]):
                    _collect(acc, w, c * c2)
            return _finish(acc)
        ka, kb = _key(a), _key(b)
        if ka < kb:
            continue
        both_fermions = (isinstance(a, ModeOp) and isinstance(b, ModeOp)
                         and a.statistics == b.statistics == "fermion")
        if ka == kb:
            if both_fermions and a == b:
                return ()  # c_k c_k = 0
            continue
        acc = defaultdict(list)
        sign = -_ONE if both_fermions else _ONE
        for w, c in normal_word(word[:i] + (b, a) + word[i + 2:]):
            _collect(acc, w, sign * c)
        if (isinstance(a, ModeOp) and isinstance(b, ModeOp) and a.statistics == b.statistics
                and a.name == b.name and not a.is_dagger and b.is_dagger):
            contraction = a.contraction(b)
            if contraction != 0:
                for w, c in normal_word(word[:i] + word[i + 2:]):
                    _collect(acc, w, contraction * c)
        return _finish(acc)
    return ((word, _ONE),)


def multiply(p: Terms, q: Terms) -> Terms:
    """Product of two canonical term dictionaries, reduced to canonical form."""
    acc: dict[Word, list] = defaultdict(list)
    for w1, c1 in p.items():
        for w2, c2 in q.items():
            cc = c1 * c2
            if not w1 or not w2:
                acc[w1 + w2].append(cc)
                continue
            for w, c in normal_word(w1 + w2):
                acc[w].append(cc * c)
    return {w: t for w, t in ((w, sympy.Add(*cs)) for w, cs in acc.items()) if t != 0}


def add_terms(*polys: Terms, scale: sympy.Expr | None = None) -> Terms:
    """Sum of term dictionaries (optionally scaling the last one)."""
    acc: dict[Word, list] = defaultdict(list)
    for n, poly in enumerate(polys):
        for w, c in poly.items():
            acc[w].append(c * scale if scale is not None and n == len(polys) - 1 else c)
    return {w: t for w, t in ((w, sympy.Add(*cs)) for w, cs in acc.items()) if t != 0}


def _atom_terms(atom: Op) -> Terms:
    if isinstance(atom, SigmaOp):
        if atom.which == "gg":
            return {(): _ONE, (SigmaOp(atom.name, atom.site, "ee", atom.zscale),): -_ONE}
        if atom.which == "z":
            ee = SigmaOp(atom.name, atom.site, "ee", atom.zscale)
            return {(): -atom.zscale, (ee,): 2 * atom.zscale}
    return {(atom,): _ONE}


def _power(base: Terms, n: int) -> Terms:
    result: Terms = {(): _ONE}
    while n:
        if n & 1:
            result = multiply(result, base)
        n >>= 1
        if n:
            base = multiply(base, base)
    return result


def _terms(expr: sympy.Basic) -> Terms:
    if isinstance(expr, Op):
        return _atom_terms(expr)
    if expr.is_commutative:
        return {(): expr} if expr != 0 else {}
    if isinstance(expr, sympy.Add):
        return add_terms(*(_terms(arg) for arg in expr.args))
    if isinstance(expr, sympy.Mul):
        c_part, nc_part = expr.args_cnc()
        result: Terms = {(): sympy.Mul(*c_part)}
        for factor in nc_part:
            result = multiply(result, _terms(factor))
        return result
    if isinstance(expr, sympy.Pow):
        base, exp = expr.args
        if not (exp.is_Integer and exp >= 0):
            raise AlgebraError(
                f"power {exp} of operator expression {base} is not defined: operator powers "
                "must be non-negative integers")
        return _power(_terms(base), int(exp))
    raise AlgebraError(
        f"{describe(expr)} is not a polynomial in symlight operators (Boson, Fermion, TwoLevel "
        "atoms with commutative SymPy coefficients)")


def operand(expr: Any, role: str = "operand") -> sympy.Expr:
    """Sympify an operator-algebra operand strictly (no string parsing) or raise AlgebraError."""
    if isinstance(expr, sympy.Basic):
        return expr
    if isinstance(expr, str):
        raise AlgebraError(f"{role} {expr!r} is a string; build operators with Boson/Fermion/"
                           "TwoLevel and SymPy symbols instead of parsing text")
    try:
        return sympy.sympify(expr, strict=True)
    except (SympifyError, TypeError) as exc:
        raise AlgebraError(f"{role} {describe(expr)} is not an operator or SymPy scalar") from exc


def _check_kinds(terms: Terms) -> None:
    kinds: dict[str, str] = {}
    for word in terms:
        for atom in word:
            known = kinds.setdefault(atom.name, atom.kind)
            if known != atom.kind:
                raise AlgebraError(
                    f"the name {atom.name!r} is used for a {known} and for a {atom.kind} "
                    f"operator ({atom}); use different names for operators of different kinds")


def as_terms(expr: Any) -> Terms:
    """Canonical monomial dictionary ``{word: coefficient}`` of an operator polynomial."""
    terms = _terms(operand(expr))
    _check_kinds(terms)
    return terms


def from_terms(terms: Terms, coeff: Callable[[sympy.Expr], sympy.Expr] | None = None) -> sympy.Expr:
    """SymPy expression of a term dictionary (``coeff`` rewrites each coefficient)."""
    parts = []
    for word, c in terms.items():
        c = coeff(c) if coeff is not None else c
        if c != 0:
            parts.append(c * sympy.Mul(*word) if word else c)
    return sympy.Add(*parts)


def canonical_coefficient(c: sympy.Expr) -> sympy.Expr:
    """Unique form of a commutative coefficient (numbers kept, symbolic ones expanded)."""
    return c if c.is_Number else sympy.expand(c)


def canonical_terms(expr: Any) -> Terms:
    """``as_terms`` with canonical coefficients and zero terms removed."""
    out = {}
    for w, c in as_terms(expr).items():
        c = canonical_coefficient(c)
        if c != 0:
            out[w] = c
    return out


def normal_order(expr: Any) -> sympy.Expr:
    """The unique normal-ordered form of an operator polynomial (creators left, one σ per site)."""
    return from_terms(canonical_terms(expr))
