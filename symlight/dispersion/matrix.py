"""Dispersion matrices and determinants: M(q, ω) U = 0, det M = 0, ω(q) branches.

Seed 001_acf7c75771656388.txt, Eqs. (82)-(84) (plasmon) and (103)-(105) (laser-driven modes).
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from symlight.errors import InputError

__all__ = ["dispersion_matrix", "dispersion_relation", "solve_frequency", "row_scale"]


def dispersion_matrix(equations: Sequence[sp.Expr], amplitudes: Sequence[sp.Symbol]) -> sp.Matrix:
    """Coefficient matrix of the homogeneous linear system ``equations`` in ``amplitudes``."""
    M, rhs = sp.linear_eq_to_matrix([sp.expand(e) for e in equations], list(amplitudes))
    if any(sp.simplify(r) != 0 for r in rhs):
        raise InputError(f"the linear system is not homogeneous in {list(amplitudes)}: rhs {list(rhs)}")
    return M.applyfunc(sp.simplify)


def dispersion_relation(M: sp.Matrix) -> sp.Expr:
    """det M (expanded and cancelled): its zeros are the normal modes."""
    if M.rows != M.cols:
        raise InputError(f"dispersion matrix must be square, got {M.shape}")
    return sp.factor(sp.cancel(M.det(method="berkowitz")))


def solve_frequency(M: sp.Matrix, omega: sp.Symbol) -> list[sp.Expr]:
    """All roots ω of det M(ω) = 0 (symbolic)."""
    return sp.solve(sp.numer(sp.together(dispersion_relation(M))), omega)


def row_scale(printed_row: sp.Matrix, derived_row: sp.Matrix) -> sp.Expr:
    """Scale s such that s·printed_row should equal derived_row (a row of a homogeneous system
    may be multiplied by any non-zero factor): fixed by the first entry non-zero in both."""
    for a, b in zip(printed_row, derived_row, strict=True):
        if sp.simplify(a) != 0 and sp.simplify(b) != 0:
            return sp.simplify(b / a)
    raise InputError("rows have no common non-zero entry; they cannot be proportional")
