"""Two-time correlations ⟨A(0) B(τ) C(0)⟩ by the quantum regression theorem.

For a closed linear system Ṡ = M S + b, the vector X_k(τ) = ⟨A(0) S_k(τ) C(0)⟩ obeys
Ẋ = M X + ⟨AC⟩ b (seed 002_796c9b23bedf2618.txt, Eq. (17)), so
X(τ) = e^{Mτ}[X(0) − ⟨AC⟩ S_ss] + ⟨AC⟩ S_ss (Eq. (18)). The initial vector
X_k(0) = ⟨A S_k C⟩_ss is built here automatically by normal-ordering A·S_k·C and reading the
result in the basis S (Appendix C of seed 002 prints these tables for A = σᵢ⁺, C = σⱼ⁻).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy

from symlight.errors import ModelError
from symlight.moments.equations import MomentSystem, Word, product_terms, word_expr


@dataclass
class RegressionVectors:
    """X(0) = T S_ss + t0 and ⟨AC⟩ = c·S_ss + c0, as SymPy matrices over the system's words."""

    T: sympy.Matrix
    t0: sympy.Matrix
    c: sympy.Matrix
    c0: sympy.Expr
    A: Any
    C: Any


def _in_basis(terms: dict, index: dict[Word, int], n: int, what: str) -> tuple[list, sympy.Expr]:
    row = [sympy.S.Zero] * n
    const = sympy.S.Zero
    for w, c in terms.items():
        if not w:
            const += c
        elif w in index:
            row[index[w]] += c
        else:
            raise ModelError(f"{what} contains {word_expr(w)}, which is outside the moment set of "
                             "this system; the regression theorem needs a closed set (call "
                             "complete() first)")
    return row, const


def regression_vectors(system: MomentSystem, A: Any, C: Any) -> RegressionVectors:
    """Symbolic initial vectors of ⟨A(0) S(τ) C(0)⟩ in the basis of the system's words."""
    index = {w: k for k, w in enumerate(system.words)}
    n = len(system.words)
    rows, consts = [], []
    for w in system.words:
        row, const = _in_basis(product_terms(A, w, C), index, n, f"A*{word_expr(w)}*C")
        rows.append(row)
        consts.append(const)
    crow, c0 = _in_basis(product_terms(A, C), index, n, "A*C")
    return RegressionVectors(sympy.Matrix(rows), sympy.Matrix(consts), sympy.Matrix([crow]), c0, A, C)
