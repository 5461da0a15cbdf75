"""Example hierarchies: N driven two-level atoms with pairwise dipole–dipole couplings.

Generalises seed 002_796c9b23bedf2618.txt, Eqs. (40)–(44), from 2 to N atoms: H = Σᵢ[−Δᵢσᵢ⁺σᵢ⁻ −
½(Ωᵢσᵢ⁺ + H.c.)] + Σ_{i<j} gᵢⱼ(σᵢ⁺σⱼ⁻ + H.c.), jump operators σᵢ⁻ with the rate matrix 2γ
(γᵢᵢ = 1). The closed moment set has 4^N − 1 words. Used by tests, bench and figures.
"""

from __future__ import annotations

import itertools
import time

import sympy

from symlight.algebra import TwoLevel
from symlight.moments.equations import MomentSystem, complete, meanfield
from symlight.moments.linear import linear_system


def driven_atoms(n: int) -> tuple[list[TwoLevel], sympy.Expr, list[sympy.Expr], sympy.Matrix]:
    """(sites, H, jumps, rates) for N driven, dipole-coupled atoms with collective decay."""
    sites = [TwoLevel(i + 1) for i in range(n)]
    H = sympy.S.Zero
    for i, s in enumerate(sites):
        om = sympy.Symbol(f"Omega{i + 1}")
        de = sympy.Symbol(f"Delta{i + 1}", real=True)
        H += -de * s.ee - (om * s.raise_ + sympy.conjugate(om) * s.lower) / 2
    rates = sympy.eye(n)
    for i, j in itertools.combinations(range(n), 2):
        g = sympy.Symbol(f"g{i + 1}{j + 1}", real=True)
        H += g * (sites[i].raise_ * sites[j].lower + sites[j].raise_ * sites[i].lower)
        rates[i, j] = rates[j, i] = sympy.Symbol(f"gamma{i + 1}{j + 1}", real=True)
    return sites, H, [s.lower for s in sites], 2 * rates


def hierarchy(n: int) -> tuple[MomentSystem, float]:
    """The closed, assembled N-atom hierarchy and the seconds it took (derivation + M, b)."""
    sites, H, jumps, rates = driven_atoms(n)
    start = time.perf_counter()
    sysm = complete(meanfield([sites[0].raise_], H, jumps, rates))
    linear_system(sysm)
    return sysm, time.perf_counter() - start
