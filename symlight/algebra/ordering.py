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
from fractions import Fraction
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

# Atoms are interned as small integers so that the hot loops compare ints, not SymPy trees.
_ATOMS: list[Op] = []
_IDS: dict[Op, int] = {}
_KEY: list[tuple] = []
_FERMION: list[bool] = []
_SIGMA: list[bool] = []
_MODE: list[int] = []
_MODE_IDS: dict[tuple, int] = {}
_CONTRACT: dict[tuple[int, int], sympy.Expr] = {}
_SIGMA_PRODUCT: dict[tuple[int, int], tuple] = {}
IdWord = tuple[int, ...]


def _label_key(label: sympy.Tuple) -> tuple:
    """A pure-Python sort key of a label (integers in numeric order, then expressions)."""
    return tuple((0, int(x), "") if x.is_Integer else (1, 0, sympy.srepr(x)) for x in label)


def intern(atom: Op) -> int:
    """Integer id of an atom (registered on first sight)."""
    found = _IDS.get(atom)
    if found is not None:
        return found
    label = _label_key(atom.args[1])
    if isinstance(atom, ModeOp):
        key = (0 if atom.is_dagger else 2, 0 if atom.statistics == "boson" else 1, atom.name, label)
    else:
        key = (1, 0, atom.name, label)
    n = len(_ATOMS)
    _ATOMS.append(atom)
    _KEY.append(key)
    _FERMION.append(isinstance(atom, ModeOp) and atom.statistics == "fermion")
    _SIGMA.append(isinstance(atom, SigmaOp))
    _MODE.append(_MODE_IDS.setdefault(atom.mode_key, len(_MODE_IDS)))
    _IDS[atom] = n
    return n


def _contraction(i: int, j: int) -> sympy.Expr:
    """[a_i, a_j†] or {a_i, a_j†} for an annihilator i left of a creator j of the same family."""
    pair = (i, j)
    value = _CONTRACT.get(pair)
    if value is None:
        a, b = _ATOMS[i], _ATOMS[j]
        if (isinstance(a, ModeOp) and isinstance(b, ModeOp) and a.statistics == b.statistics
                and a.name == b.name and not a.is_dagger and b.is_dagger):
            value = a.contraction(b)
        else:
            value = _ZERO
        _CONTRACT[pair] = value
    return value


def _sigma_product(i: int, j: int) -> tuple[tuple[IdWord, sympy.Expr], ...]:
    """E_ab E_cd = δ_bc E_ad on one site, with |g⟩⟨g| written as 1 − |e⟩⟨e|."""
    pair = (i, j)
    found = _SIGMA_PRODUCT.get(pair)
    if found is not None:
        return found
    a, b = _ATOMS[i], _ATOMS[j]
    (p, q), (r, t) = a.which, b.which
    if q != r:
        out: tuple = ()
    elif p + t == "gg":
        out = (((), _ONE), ((intern(SigmaOp(a.name, a.site, "ee", a.zscale)),), -_ONE))
    else:
        out = (((intern(SigmaOp(a.name, a.site, p + t, a.zscale)),), _ONE),)
    _SIGMA_PRODUCT[pair] = out
    return out


def _finish(acc: dict[IdWord, list]) -> tuple[tuple[IdWord, sympy.Expr], ...]:
    out = []
    for word, coeffs in acc.items():
        total = coeffs[0] if len(coeffs) == 1 else sympy.Add(*coeffs)
        if total is not _ZERO and total != 0:
            out.append((word, total))
    return tuple(out)


def _scaled(c: sympy.Expr, c2: sympy.Expr) -> sympy.Expr:
    if c2 is _ONE:
        return c
    if c is _ONE:
        return c2
    return c * c2


@lru_cache(maxsize=500_000)
def _normal_modes(word: IdWord) -> tuple[tuple[IdWord, sympy.Expr], ...]:
    """Normal order a product of boson/fermion atoms (adjacent swaps with contractions)."""
    for n in range(len(word) - 1):
        i, j = word[n], word[n + 1]
        ki, kj = _KEY[i], _KEY[j]
        if ki < kj:
            continue
        both_fermions = _FERMION[i] and _FERMION[j]
        if ki == kj:
            if both_fermions and i == j:
                return ()  # c_k c_k = 0
            continue
        acc: dict[IdWord, list] = defaultdict(list)
        for w, c in _normal_modes(word[:n] + (j, i) + word[n + 2:]):
            acc[w].append(-c if both_fermions else c)
        contraction = _contraction(i, j)
        if contraction != 0:
            for w, c in _normal_modes(word[:n] + word[n + 2:]):
                acc[w].append(_scaled(contraction, c))
        return _finish(acc)
    return ((word, _ONE),)


_SITE_MATRIX: dict[int, tuple | None] = {}


def _site_matrix(k: int) -> tuple | None:
    """2×2 matrix (basis |g⟩, |e⟩) of a two-level atom with rational entries, or None if symbolic."""
    if k in _SITE_MATRIX:
        return _SITE_MATRIX[k]
    atom = _ATOMS[k]
    zscale = atom.zscale
    if not zscale.is_Rational:
        _SITE_MATRIX[k] = None
        return None
    z = int(zscale) if zscale.is_Integer else Fraction(int(zscale.p), int(zscale.q))
    mats = {"gg": ((1, 0), (0, 0)), "ee": ((0, 0), (0, 1)), "eg": ((0, 0), (1, 0)),
            "ge": ((0, 1), (0, 0)), "z": ((-z, 0), (0, z))}
    _SITE_MATRIX[k] = mats[atom.which]
    return _SITE_MATRIX[k]


_NUMBERS: dict[Fraction | int, sympy.Expr] = {}


def _sympy_number(x: Fraction | int) -> sympy.Expr:
    found = _NUMBERS.get(x)
    if found is None:
        found = _NUMBERS[x] = sympy.Rational(x.numerator, x.denominator) if isinstance(
            x, Fraction) else sympy.Integer(x)
    return found


def _fold_site_numeric(atoms: list[int]) -> dict[IdWord, sympy.Expr] | None:
    """Product of one site's atoms as a 2×2 rational matrix, read back in the canonical basis
    {1, σ⁺, σ⁻, |e⟩⟨e|}; None when an entry is symbolic (then the matrix-unit fold is used)."""
    mats = [_site_matrix(k) for k in atoms]
    if any(m is None for m in mats):
        return None
    (a, b), (c, d) = mats[0]
    for (p, q), (r, t) in mats[1:]:
        a, b, c, d = a * p + b * r, a * q + b * t, c * p + d * r, c * q + d * t
    out: dict[IdWord, sympy.Expr] = {}
    for which, value in (("", a), ("ee", d - a), ("eg", c), ("ge", b)):
        if value:
            out[_site_word(atoms[0], which)] = _sympy_number(value)
    return out


_SITE_WORDS: dict[tuple[int, str], IdWord] = {}


def _site_word(k: int, which: str) -> IdWord:
    """The one-atom word of kind ``which`` on the site of atom ``k`` (() for the identity)."""
    key = (_MODE[k], which)
    word = _SITE_WORDS.get(key)
    if word is None:
        ref = _ATOMS[k]
        word = () if not which else (intern(SigmaOp(ref.name, ref.site, which)),)
        _SITE_WORDS[key] = word
    return word


def _normal_sigmas(word: IdWord) -> tuple[tuple[IdWord, sympy.Expr], ...]:
    """Reduce two-level atoms site by site (matrix units), sites in canonical order.

    Accepts any two-level atoms (σᶻ and |g⟩⟨g| are expanded on the fly), so a whole product
    is reduced in one pass.
    """
    per_site: dict[int, list[int]] = {}
    for k in word:
        per_site.setdefault(_MODE[k], []).append(k)
    result: list[tuple[IdWord, sympy.Expr]] = [((), _ONE)]
    for site_atoms in sorted(per_site.values(), key=lambda atoms: _KEY[atoms[0]]):
        fast = _fold_site_numeric(site_atoms)
        if fast is not None:
            if not fast:
                return ()
            result = [(w1 + w2, _scaled(c1, c2)) for w1, c1 in result for w2, c2 in fast.items()]
            continue
        cur: dict[IdWord, sympy.Expr] = {(): _ONE}
        for k in site_atoms:
            nxt: dict[IdWord, list] = defaultdict(list)
            for w, c in cur.items():
                for fw, fc in _atom_terms(_ATOMS[k]).items():
                    cc = _scaled(c, fc)
                    if not w or not fw:
                        nxt[w + fw].append(cc)
                        continue
                    for mid, c2 in _sigma_product(w[0], fw[0]):
                        nxt[mid].append(_scaled(cc, c2))
            cur = dict(_finish(nxt))
            if not cur:
                return ()
        result = [(w1 + w2, _scaled(c1, c2)) for w1, c1 in result for w2, c2 in cur.items()]
    return tuple(result)


@lru_cache(maxsize=500_000)
def normal_ids(word: IdWord) -> tuple[tuple[IdWord, sympy.Expr], ...]:
    """Reduce a product of interned atoms to canonical words with coefficients (memoised).

    Two-level atoms commute with modes and with other sites, so they are reduced per site;
    mode operators are normal ordered with their contractions; the canonical word is
    creators + site operators + annihilators.
    """
    sigmas = tuple(k for k in word if _SIGMA[k])
    if not sigmas:
        return _normal_modes(word)
    modes = tuple(k for k in word if not _SIGMA[k])
    sigma_terms = _normal_sigmas(sigmas)
    if not modes:
        return sigma_terms
    out: dict[IdWord, list] = defaultdict(list)
    for mw, mc in _normal_modes(modes):
        split = next((n for n, k in enumerate(mw) if _KEY[k][0] == 2), len(mw))
        for sw, sc in sigma_terms:
            out[mw[:split] + sw + mw[split:]].append(_scaled(mc, sc))
    return _finish(out)


def normal_word(word: Word) -> tuple[tuple[Word, sympy.Expr], ...]:
    """Reduce a product of atoms (a tuple) to canonical words with coefficients."""
    out = normal_ids(tuple(intern(a) for a in word))
    return tuple((tuple(_ATOMS[k] for k in w), c) for w, c in out)


def _multiply_ids(p: dict[IdWord, sympy.Expr], q: dict[IdWord, sympy.Expr]) -> dict[IdWord, sympy.Expr]:
    acc: dict[IdWord, list] = defaultdict(list)
    for w1, c1 in p.items():
        for w2, c2 in q.items():
            cc = _scaled(c1, c2)
            if not w1 or not w2:
                acc[w1 + w2].append(cc)
                continue
            for w, c in normal_ids(w1 + w2):
                acc[w].append(_scaled(cc, c))
    out = {}
    for w, cs in acc.items():
        t = cs[0] if len(cs) == 1 else sympy.Add(*cs)
        if t != 0:
            out[w] = t
    return out


def _to_ids(terms: Terms) -> dict[IdWord, sympy.Expr]:
    return {tuple(intern(a) for a in w): c for w, c in terms.items()}


def _from_ids(terms: dict[IdWord, sympy.Expr]) -> Terms:
    return {tuple(_ATOMS[k] for k in w): c for w, c in terms.items()}


def multiply(p: Terms, q: Terms) -> Terms:
    """Product of two canonical term dictionaries, reduced to canonical form."""
    return _from_ids(_multiply_ids(_to_ids(p), _to_ids(q)))


def add_terms(*polys: Terms, scale: sympy.Expr | None = None) -> Terms:
    """Sum of term dictionaries (optionally scaling the last one)."""
    acc: dict[Word, list] = defaultdict(list)
    for n, poly in enumerate(polys):
        for w, c in poly.items():
            acc[w].append(c * scale if scale is not None and n == len(polys) - 1 else c)
    return {w: t for w, t in ((w, sympy.Add(*cs)) for w, cs in acc.items()) if t != 0}


_ATOM_TERMS: dict[Op, dict[IdWord, sympy.Expr]] = {}


def _atom_terms(atom: Op) -> dict[IdWord, sympy.Expr]:
    found = _ATOM_TERMS.get(atom)
    if found is None:
        found = _ATOM_TERMS[atom] = _atom_terms_uncached(atom)
    return found


def _atom_terms_uncached(atom: Op) -> dict[IdWord, sympy.Expr]:
    if isinstance(atom, SigmaOp):
        if atom.which == "gg":
            return {(): _ONE, (intern(SigmaOp(atom.name, atom.site, "ee", atom.zscale)),): -_ONE}
        if atom.which == "z":
            ee = intern(SigmaOp(atom.name, atom.site, "ee", atom.zscale))
            return {(): -atom.zscale, (ee,): 2 * atom.zscale}
    return {(intern(atom),): _ONE}


def _atom_word(factors: list[sympy.Expr]) -> IdWord | None:
    """The raw word of a product of atoms and atom powers, or None if a factor is a sum."""
    word: list[int] = []
    for f in factors:
        if isinstance(f, Op):
            word.append(intern(f))
        elif isinstance(f, sympy.Pow) and isinstance(f.base, Op):
            if not (f.exp.is_Integer and f.exp >= 0):
                return None  # let the general path raise the clear error
            word.extend([intern(f.base)] * int(f.exp))
        else:
            return None
    return tuple(word)


def _power(base: dict[IdWord, sympy.Expr], n: int) -> dict[IdWord, sympy.Expr]:
    result: dict[IdWord, sympy.Expr] = {(): _ONE}
    while n:
        if n & 1:
            result = _multiply_ids(result, base)
        n >>= 1
        if n:
            base = _multiply_ids(base, base)
    return result


def _terms(expr: sympy.Basic) -> dict[IdWord, sympy.Expr]:
    if isinstance(expr, Op):
        return _atom_terms(expr)
    if expr.is_commutative:
        return {(): expr} if expr != 0 else {}
    if isinstance(expr, sympy.Add):
        return add_terms(*(_terms(arg) for arg in expr.args))
    if isinstance(expr, sympy.Mul):
        c_part, nc_part = expr.args_cnc()
        coeff = sympy.Mul(*c_part)
        word = _atom_word(nc_part)
        if word is not None:  # a plain product of atoms: reduce it in one pass
            return {w: _scaled(coeff, c) for w, c in normal_ids(word)}
        result: dict[IdWord, sympy.Expr] = {(): coeff}
        for factor in nc_part:
            result = _multiply_ids(result, _terms(factor))
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


def _check_kinds(terms: dict[IdWord, sympy.Expr]) -> None:
    kinds: dict[str, str] = {}
    for word in terms:
        for k in word:
            atom = _ATOMS[k]
            known = kinds.setdefault(atom.name, atom.kind)
            if known != atom.kind:
                raise AlgebraError(
                    f"the name {atom.name!r} is used for a {known} and for a {atom.kind} "
                    f"operator ({atom}); use different names for operators of different kinds")


def id_terms(expr: Any) -> dict[IdWord, sympy.Expr]:
    """Canonical terms keyed by interned-atom words (the fast internal form)."""
    terms = _terms(operand(expr))
    _check_kinds(terms)
    return terms


def as_terms(expr: Any) -> Terms:
    """Canonical monomial dictionary ``{word: coefficient}`` of an operator polynomial."""
    return _from_ids(id_terms(expr))


def from_id_terms(terms: dict[IdWord, sympy.Expr],
                  coeff: Callable[[sympy.Expr], sympy.Expr] | None = None) -> sympy.Expr:
    """SymPy expression of an id-keyed term dictionary (``coeff`` rewrites each coefficient)."""
    parts = []
    for word, c in terms.items():
        c = coeff(c) if coeff is not None else c
        if c != 0:
            parts.append(c * sympy.Mul(*(_ATOMS[k] for k in word)) if word else c)
    return sympy.Add(*parts)


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
    return _from_ids(canonical_id_terms(id_terms(expr)))


def canonical_id_terms(terms: dict[IdWord, sympy.Expr]) -> dict[IdWord, sympy.Expr]:
    """Id-keyed terms with canonical coefficients and zero terms removed."""
    out = {}
    for w, c in terms.items():
        c = canonical_coefficient(c)
        if c != 0:
            out[w] = c
    return out


def normal_order(expr: Any) -> sympy.Expr:
    """The unique normal-ordered form of an operator polynomial (creators left, one σ per site)."""
    return from_id_terms(canonical_id_terms(id_terms(expr)))
