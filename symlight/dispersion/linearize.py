"""Linearisation of field equations about an equilibrium: f = f₀ + ε δf, keep O(ε).

Seed 001_acf7c75771656388.txt, Sec. V.3 ("expanding each dynamical quantity as an equilibrium
value plus fluctuations ... retaining only first-order fluctuating terms") and Sec. VI.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy as sp

from symlight.errors import InputError

__all__ = ["linearize"]


def linearize(equations: Sequence[sp.Expr], fields: Mapping[sp.Expr, tuple[sp.Expr, sp.Expr]]
              ) -> list[sp.Expr]:
    """First-order part of each residual ``equations[i]`` (an expression equal to zero).

    ``fields`` maps each field (an applied function such as ``n(x, t)``) to a pair
    ``(equilibrium value, fluctuation)``, e.g. ``{n(x,t): (n0, dn(x,t))}``. The zeroth order
    must vanish (an equilibrium); otherwise InputError names the offending equation.
    """
    eps = sp.Dummy("epsilon")
    subs = {f: f0 + eps * df for f, (f0, df) in fields.items()}
    out = []
    for i, eq in enumerate(equations):
        e = eq.lhs - eq.rhs if isinstance(eq, sp.Equality) else eq
        e = e.subs(subs).doit()
        zeroth = sp.simplify(e.subs(eps, 0))
        if zeroth != 0:
            raise InputError(f"equation {i} is not in equilibrium at the given background: "
                             f"zeroth order {zeroth}")
        first = sp.diff(e, eps).subs(eps, 0).doit()
        out.append(sp.expand(first))
    return out
