"""Hamiltonian checks: hermiticity and conserved quantities, on canonical forms."""

from __future__ import annotations

from typing import Any

import sympy

from symlight.algebra.brackets import commutator, dagger
from symlight.algebra.ordering import normal_order, operand
from symlight.errors import ModelError


def antihermitian_part(h: Any) -> sympy.Expr:
    """H − H† in canonical form (zero exactly when H is Hermitian for the given assumptions)."""
    h = operand(h, "Hamiltonian")
    return normal_order(h - dagger(h))


def is_hermitian(h: Any) -> bool:
    """True when H = H† (coefficients must carry real/positive assumptions where they are real)."""
    return antihermitian_part(h) == 0


def require_hermitian(h: Any, what: str = "Hamiltonian") -> None:
    """Raise ModelError showing H − H† when ``h`` is not Hermitian."""
    part = antihermitian_part(h)
    if part != 0:
        raise ModelError(f"the {what} is not Hermitian: H - H^dagger = {part} (declare real "
                         "parameters with real=True, or add the Hermitian conjugate terms)")


def conserves(h: Any, n: Any) -> bool:
    """True when [H, N] = 0 (N is conserved by the dynamics of H)."""
    return commutator(h, n) == 0
