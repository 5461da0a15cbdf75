"""Assembly of a closed moment system into dS/dt = M S + b (SymPy matrices).

Seed 002_796c9b23bedf2618.txt, Eq. (2): Ṡ = M S + b with S the 15 moments of Eq. (3) and b the
drive vector of Eq. (5).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sympy

from symlight.errors import ModelError
from symlight.moments.equations import MomentSystem, Word, word_expr


@dataclass
class LinearSystem:
    """dS/dt = M S + b for the moments of ``words`` (in that order)."""

    M: sympy.Matrix
    b: sympy.Matrix
    words: list[Word]

    @property
    def symbols(self) -> list[sympy.Symbol]:
        return sorted(self.M.free_symbols | self.b.free_symbols, key=lambda s: s.name)

    def steady_state(self) -> sympy.Matrix:
        """Symbolic S_ss = −M⁻¹ b (small systems); ModelError when det M vanishes identically."""
        det = sympy.expand(self.M.det(method="berkowitz"))
        if det == 0:
            raise ModelError("M is singular for all parameter values: the stationary state is not "
                             "unique (conserved or decoupled moments)")
        return (-self.M.LUsolve(self.b)).applyfunc(sympy.cancel)


def linear_system(system: MomentSystem, words: Sequence[Word] | None = None) -> LinearSystem:
    """M and b of a closed system; ModelError naming the words that leave the set if it is not closed."""
    words = list(words) if words is not None else list(system.words)
    index = {w: k for k, w in enumerate(words)}
    n = len(words)
    missing = []
    entries: dict[tuple[int, int], sympy.Expr] = {}
    bvec = [sympy.S.Zero] * n
    for k, w in enumerate(words):
        if w not in system.rhs:
            raise ModelError(f"no equation for {word_expr(w)} in this moment system")
        for v, c in system.rhs[w].items():
            if not v:
                bvec[k] = c
            elif v in index:
                entries[(k, index[v])] = c
            else:
                missing.append(v)
    if missing:
        names = ", ".join(sorted({str(word_expr(v)) for v in missing}))
        raise ModelError(f"the moment system is not closed: {names} occur on the right-hand sides "
                         "without an equation; call complete() first (or truncate with order=n)")
    return LinearSystem(sympy.SparseMatrix(n, n, entries).as_mutable(), sympy.Matrix(bvec), words)
