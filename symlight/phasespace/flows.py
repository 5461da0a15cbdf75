"""First-order (semiclassical) phase-space flows and Liouville's theorem.

At first order in ħ the sine bracket is the Poisson bracket, so ∂_t f = {H, f} transports f
along ẋ = ∂H/∂p, ṗ = −∂H/∂x, a divergence-free flow: phase-space volume is preserved
(seed 001_acf7c75771656388.txt, Eqs. (40)-(41): the semiclassical Vlasov form with Fock-
renormalised velocity and force).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import sympy
from scipy.integrate import solve_ivp

from symlight.errors import InputError

__all__ = ["hamiltonian_flow", "flow_divergence", "jacobian_determinant"]


def hamiltonian_flow(H: sympy.Expr, xs: Sequence[sympy.Symbol], ps: Sequence[sympy.Symbol]
                     ) -> list[sympy.Expr]:
    """Velocity field (ẋ, ṗ) = (∂H/∂p, −∂H/∂x) in the order xs + ps."""
    if len(xs) != len(ps):
        raise InputError("need equally many positions and momenta")
    return [sympy.diff(H, p) for p in ps] + [-sympy.diff(H, x) for x in xs]


def flow_divergence(H: sympy.Expr, xs, ps) -> sympy.Expr:
    """∇·(ẋ, ṗ): identically zero for a Hamiltonian flow (Liouville)."""
    field = hamiltonian_flow(H, xs, ps)
    return sympy.simplify(sum(sympy.diff(v, z) for v, z in zip(field, [*xs, *ps], strict=True)))


def jacobian_determinant(H: sympy.Expr, xs, ps, point: Sequence[float], t_end: float,
                         eps: float = 1e-6) -> float:
    """det ∂z(t)/∂z(0) of the flow of ``H`` from ``point`` by central finite differences
    (numeric twin of Liouville's theorem; equals 1 to integration accuracy)."""
    zs = [*xs, *ps]
    field = sympy.lambdify(zs, hamiltonian_flow(H, xs, ps), "numpy")

    def rhs(_t, z):
        return np.asarray(field(*z), dtype=float)

    def advance(z0):
        sol = solve_ivp(rhs, (0.0, t_end), z0, rtol=1e-11, atol=1e-12, method="DOP853")
        return sol.y[:, -1]

    z0 = np.asarray(point, dtype=float)
    n = z0.size
    jac = np.empty((n, n))
    for j in range(n):
        dz = np.zeros(n)
        dz[j] = eps
        jac[:, j] = (advance(z0 + dz) - advance(z0 - dz)) / (2 * eps)
    return float(np.linalg.det(jac))
