"""Moment equations d⟨O⟩/dt = ⟨i[H, O] + L†(O)⟩ on canonical operator words, and their closure.

Every operator is kept as a canonical term dictionary of ``symlight.algebra`` ({word: coeff});
the right-hand side of d⟨w⟩/dt is again such a dictionary, whose words are the moments it
couples to (the empty word () is the constant ⟨1⟩ = 1). ``complete`` follows every new word
until the set closes (exact for finite algebras such as N two-level atoms: 4^N − 1 words), or,
with ``order``, replaces words longer than the order by their cumulant expansion (mean field,
Hartree–Fock; see ``symlight.moments.cumulants``).

Physics (seed 002_796c9b23bedf2618.txt, Eqs. (40), (45)): ⟨Q⟩ = Tr[ρQ] with ρ obeying a
Lindblad master equation with a matrix of (collective) rates.
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy

from symlight.algebra import Avg, as_terms, dagger, is_hermitian
from symlight.algebra.brackets import dagger_terms
from symlight.algebra.ordering import Terms, canonical_coefficient, from_terms, multiply, normal_word
from symlight.errors import AlgebraError, InputError, ModelError, describe
from symlight.moments.dissipation import check_rate_matrix, rate_matrix

Word = tuple


def word_of(op: Any) -> Word:
    """The single canonical word of an operator monomial (coefficient 1), else InputError."""
    try:
        terms = as_terms(op)
    except AlgebraError as exc:
        raise InputError(f"{describe(op)} is not an operator monomial: {exc}") from exc
    if len(terms) != 1:
        raise InputError(f"{describe(op)} is not a single operator word: its normal-ordered form "
                         f"has {len(terms)} terms; pass monomials such as s1.raise_*s2.lower")
    (word, coeff), = terms.items()
    if not word:
        raise InputError(f"{describe(op)} is a number; moments are taken of operator words")
    if coeff != 1:
        raise InputError(f"{describe(op)} has coefficient {coeff}; pass the bare word")
    return word


def word_expr(word: Word) -> sympy.Expr:
    return sympy.Mul(*word) if word else sympy.S.One


def _add(acc: dict, terms: Terms, scale: Any = 1) -> None:
    for w, c in terms.items():
        acc[w].append(c * scale if scale != 1 else c)


def _finish(acc: dict) -> Terms:
    out = {}
    for w, cs in acc.items():
        c = canonical_coefficient(sympy.Add(*cs))
        if c != 0:
            out[w] = c
    return out


@dataclass
class Generator:
    """The adjoint generator O ↦ i[H, O] + Σ R_kl (J_k† O J_l − ½{J_k† J_l, O}) on term dictionaries.

    Written as O ↦ A O + O A† + Σ_kl R_kl J_k† O J_l with A = iH − ½ Σ R_kl J_k† J_l.
    """

    left: Terms
    right: Terms
    sandwiches: list[tuple[Terms, Terms, sympy.Expr]]
    hamiltonian: sympy.Expr
    jumps: list[sympy.Expr]
    rates: sympy.Matrix

    def apply(self, terms: Terms) -> Terms:
        acc: dict = defaultdict(list)
        _add(acc, multiply(self.left, terms))
        _add(acc, multiply(terms, self.right))
        for jdag, j, r in self.sandwiches:
            _add(acc, multiply(multiply(jdag, terms), j), r)
        return _finish(acc)


def generator(hamiltonian: Any, jumps: Sequence[Any] = (), rates: Any = None, *,
              check: bool = True) -> Generator:
    """Build the adjoint Lindblad generator; ModelError for a non-Hermitian H or a bad rate matrix."""
    h = sympy.sympify(hamiltonian)
    if check and not is_hermitian(h):
        from symlight.algebra import antihermitian_part

        raise ModelError(f"the Hamiltonian is not Hermitian: H - H^dagger = {antihermitian_part(h)} "
                         "(declare real parameters with real=True, or add the Hermitian conjugate "
                         "terms)")
    jumps = [sympy.sympify(j) for j in jumps]
    rmat = rate_matrix(jumps, rates)
    if check:
        check_rate_matrix(rmat)
    h_terms = as_terms(h)
    j_terms = [as_terms(j) for j in jumps]
    jd_terms = [dagger_terms(t) for t in j_terms]
    acc: dict = defaultdict(list)
    _add(acc, h_terms, sympy.I)
    sandwiches = []
    for k in range(len(jumps)):
        for l in range(len(jumps)):
            r = sympy.sympify(rmat[k, l])
            if r == 0:
                continue
            _add(acc, multiply(jd_terms[k], j_terms[l]), -r / 2)
            sandwiches.append((jd_terms[k], j_terms[l], r))
    left = _finish(acc)
    right = dagger_terms(left)
    return Generator(left, right, sandwiches, h, jumps, rmat)


@dataclass
class MomentSystem:
    """A set of moment equations: ``words`` (canonical, in the user's order) and ``rhs[word]`` terms.

    ``rhs[w]`` maps words (and () for the constant) to coefficients: d⟨w⟩/dt = Σ c_v ⟨v⟩.
    ``closed`` tells whether every word on the right-hand sides is in ``words``.
    """

    gen: Generator
    words: list[Word]
    rhs: dict[Word, Terms]
    order: int | None = None
    seconds: float = 0.0
    substitutions: dict = field(default_factory=dict)

    # -- inspection ------------------------------------------------------------------
    @property
    def n(self) -> int:
        return len(self.words)

    @property
    def operators(self) -> list[sympy.Expr]:
        return [word_expr(w) for w in self.words]

    def missing(self) -> list[Word]:
        """Words that occur on right-hand sides but have no equation (closure not reached)."""
        have = set(self.words)
        seen: dict[Word, None] = {}
        for w in self.words:
            for v in self.rhs[w]:
                if v and v not in have and v not in seen:
                    seen[v] = None
        return list(seen)

    @property
    def closed(self) -> bool:
        return not self.missing()

    def equation(self, word: Word, symbols: Mapping[Word, sympy.Expr] | None = None) -> sympy.Eq:
        """d⟨w⟩/dt = ... as a SymPy equation in Avg symbols (or the given symbols per word)."""
        lhs = sympy.Derivative(self._sym(word, symbols), sympy.Symbol("t"))
        return sympy.Eq(lhs, self.rhs_expr(word, symbols), evaluate=False)

    def _sym(self, word: Word, symbols: Mapping[Word, sympy.Expr] | None) -> sympy.Expr:
        if not word:
            return sympy.S.One
        if symbols is not None and word in symbols:
            return symbols[word]
        return Avg(word_expr(word))

    def rhs_expr(self, word: Word, symbols: Mapping[Word, sympy.Expr] | None = None) -> sympy.Expr:
        return sympy.Add(*(c * self._sym(v, symbols) for v, c in self.rhs[word].items()))

    def subs(self, values: Mapping[Any, Any]) -> MomentSystem:
        """A copy with parameters substituted in every coefficient (e.g. {gamma12: 0})."""
        values = {sympy.sympify(k) if not isinstance(k, str) else sympy.Symbol(k): v
                  for k, v in values.items()}
        rhs = {}
        for w, terms in self.rhs.items():
            new = {}
            for v, c in terms.items():
                c2 = canonical_coefficient(sympy.sympify(c).subs(values))
                if c2 != 0:
                    new[v] = c2
            rhs[w] = new
        return MomentSystem(self.gen, list(self.words), rhs, self.order, 0.0,
                            {**self.substitutions, **values})

    def limit(self, symbol: Any, value: Any, direction: str = "+") -> MomentSystem:
        """A copy with every coefficient replaced by its limit ``symbol → value``."""
        rhs = {}
        for w, terms in self.rhs.items():
            new = {}
            for v, c in terms.items():
                c2 = canonical_coefficient(sympy.limit(c, symbol, value, direction))
                if c2 != 0:
                    new[v] = c2
            rhs[w] = new
        return MomentSystem(self.gen, list(self.words), rhs, self.order, 0.0,
                            {**self.substitutions, symbol: value})

    def restrict(self, words: Sequence[Word]) -> MomentSystem:
        """The sub-system of the given words; ModelError if it is not closed under the dynamics."""
        sub = MomentSystem(self.gen, list(words), {w: self.rhs[w] for w in words}, self.order)
        if not sub.closed:
            raise ModelError(f"the words {[str(word_expr(w)) for w in sub.missing()]} leave the "
                             "restricted set; it is not closed")
        return sub


def meanfield(operators: Iterable[Any], hamiltonian: Any, jumps: Sequence[Any] = (),
              rates: Any = None, *, check: bool = True) -> MomentSystem:
    """Moment equations d⟨O⟩/dt = ⟨i[H, O] + L†(O)⟩ for each operator word in ``operators``.

    ``jumps`` are the jump operators J_k, ``rates`` a list (one rate per jump) or a Hermitian PSD
    matrix R_kl (collective decay, seed 002 Eq. (40): R = 2γ). Not closed in general: see
    ``complete``.
    """
    start = time.perf_counter()
    gen = generator(hamiltonian, jumps, rates, check=check)
    words: list[Word] = []
    for op in operators:
        w = word_of(op) if not isinstance(op, tuple) else op
        if w not in words:
            words.append(w)
    rhs = {w: gen.apply({w: sympy.S.One}) for w in words}
    return MomentSystem(gen, words, rhs, None, time.perf_counter() - start)


#: default cap on the number of moment equations ``complete`` may generate (see ``max_equations``):
#: 4^N − 1 words for N two-level atoms, so N = 6 (4095) fits and N = 7 (16383) is refused.
MAX_EQUATIONS = 5000


def complete(system: MomentSystem, *, order: int | None = None,
             max_equations: int = MAX_EQUATIONS) -> MomentSystem:
    """Close the set by adding an equation for every new word on the right-hand sides.

    Exact for finite algebras. With ``order`` (cumulant truncation), words with more than
    ``order`` atoms are never added: their moments are replaced by the cumulant expansion
    (``symlight.moments.cumulants.truncate``), which makes the system nonlinear.

    Resource bound: the hierarchy may hold at most ``max_equations`` equations (default
    :data:`MAX_EQUATIONS`). A larger one (an
    unbounded bosonic hierarchy, or many atoms) is refused with an InputError naming the size
    reached, the cap and how to raise it, before it exhausts the machine.
    """
    cap = max_equations
    if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
        raise InputError(f"max_equations={describe(cap)} must be a positive integer")
    if order is not None and (isinstance(order, bool) or not isinstance(order, int) or order < 1):
        raise InputError(f"order={describe(order)} must be a positive integer (cumulant truncation) "
                         "or None (exact closure)")
    start = time.perf_counter()
    words = list(system.words)
    rhs = dict(system.rhs)
    have = set(words)

    def needed(v: Word) -> list[Word]:
        if order is None or len(v) <= order:
            return [v]
        # a truncated word is replaced by products of moments of its sub-words (cumulants)
        return [tuple(v[i] for i in idx) for k in range(1, order + 1)
                for idx in itertools.combinations(range(len(v)), k)]

    queue = [u for v in system.missing() for u in needed(v)]
    queue += [u for w in words if order is not None and len(w) > order for u in needed(w)]
    head = 0
    while head < len(queue):
        w = queue[head]
        head += 1
        if w in have:
            continue
        if len(words) >= cap:
            longest = max(len(v) for v in words)
            raise InputError(
                f"the moment hierarchy reached {len(words)} equations (words up to {longest} "
                f"operators, {len(queue) - head + 1} more queued) and is not closed; the cap is "
                f"max_equations={cap}. Raise it with complete(..., max_equations=N) if the machine "
                "can hold an N×N system, or truncate with complete(..., order=n) (cumulants)")
        have.add(w)
        words.append(w)
        rhs[w] = system.gen.apply({w: sympy.S.One})
        for v in rhs[w]:
            if v and v not in have:
                queue.extend(u for u in needed(v) if u not in have)
    out = MomentSystem(system.gen, words, rhs, order, system.seconds + time.perf_counter() - start,
                       dict(system.substitutions))
    return out


def conjugate_word(word: Word) -> tuple[Word, sympy.Expr] | None:
    """The canonical word of w† when it is a single word with coefficient 1, else None."""
    terms = dagger_terms({word: sympy.S.One})
    if len(terms) == 1:
        (w, c), = terms.items()
        return w, c
    return None


def product_terms(*factors: Any) -> Terms:
    """Canonical term dictionary of a product of operators (words or expressions)."""
    result: Terms = {(): sympy.S.One}
    for f in factors:
        t = {f: sympy.S.One} if isinstance(f, tuple) else as_terms(f)
        result = multiply(result, t)
    return {w: canonical_coefficient(c) for w, c in result.items() if canonical_coefficient(c) != 0}


__all__ = ["Generator", "MomentSystem", "complete", "conjugate_word", "dagger", "from_terms",
           "generator", "meanfield", "normal_word", "product_terms", "word_expr", "word_of"]
