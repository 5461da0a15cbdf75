"""Expectation values ⟨·⟩ as commutative SymPy symbols of canonical operator words."""

from __future__ import annotations

from typing import Any

import sympy

from symlight.algebra.ordering import as_terms, canonical_coefficient, normal_word


class Avg(sympy.Expr):
    """⟨w⟩ for a canonical operator word ``w`` (a product of atoms). Commutative; ⟨w⟩* = ⟨w†⟩."""

    is_commutative = True

    def __new__(cls, word: sympy.Expr) -> Avg:
        return super().__new__(cls, word)

    @property
    def word(self) -> sympy.Expr:
        return self.args[0]

    def _eval_conjugate(self) -> sympy.Expr:
        from symlight.algebra.brackets import dagger

        return expectation(dagger(self.word))

    def _sympystr(self, printer: Any) -> str:
        return f"<{printer._print(self.word)}>"

    def _latex(self, printer: Any) -> str:
        return f"\\langle {printer._print(self.word)} \\rangle"


def expectation(expr: Any) -> sympy.Expr:
    """⟨expr⟩ as a linear combination of ``Avg`` symbols of canonical words (⟨1⟩ = 1)."""
    parts = []
    for word, c in as_terms(expr).items():
        c = canonical_coefficient(c)
        if not word:
            parts.append(c)
            continue
        for w, c2 in normal_word(word):
            parts.append(c * c2 * (Avg(sympy.Mul(*w)) if w else 1))
    return sympy.Add(*parts)


def avg_word(avg: Avg) -> tuple:
    """The canonical word (tuple of atoms) of an ``Avg``."""
    (word,) = as_terms(avg.word)
    return word
