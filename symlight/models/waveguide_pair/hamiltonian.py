"""Eqs. (1)–(6) of seed 004_051fe7d7dc805f6f.txt with the operator algebra (discretised modes).

H = ω₀(b_A†b_A + b_B†b_B) + Σ_j ω_j a_j†a_j + Σ_j g_j[(b_A† + b_B† e^{ik_j d}) a_j + H.c.]  (Eq. (1)),
the continuum ∫dk replaced by modes a_j = Boson("a", j) of momentum k_j (same algebra mode by mode);
b_A, b_B are TwoLevel lowering operators. N of Eq. (3). Paper units (c = 1, ħ = 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from symlight.algebra import Boson, TwoLevel, commutator, dagger, normal_order


@dataclass
class DiscreteModel:
    H_rwa: sp.Expr
    H_full: sp.Expr          # without the rotating-wave approximation (dipole coupling)
    N: sp.Expr
    emission: sp.Expr        # the H.c. part of V in Eq. (1): Σ g_j (b_A + b_B e^{−ik_j d}) a_j†
    bA: sp.Expr
    bB: sp.Expr
    modes: list
    ks: list
    gs: list


def discrete_model(n_modes: int = 2) -> DiscreteModel:
    """Eq. (1) with ``n_modes`` discrete modes (symbols k_j, ω_j, g_j real)."""
    w0, d = sp.symbols("omega_0 d", positive=True)
    ks = list(sp.symbols(f"k_1:{n_modes + 1}", real=True))
    ws = list(sp.symbols(f"omega_1:{n_modes + 1}", positive=True))
    gs = list(sp.symbols(f"g_1:{n_modes + 1}", real=True))
    A, B = TwoLevel("A"), TwoLevel("B")
    bA, bB = A.lower, B.lower
    modes = [Boson("a", j) for j in range(1, n_modes + 1)]   # distinct modes, momenta k_j
    H0 = w0 * (dagger(bA) * bA + dagger(bB) * bB) \
        + sum(wj * dagger(a) * a for wj, a in zip(ws, modes, strict=True))
    absorb = sum(g * (dagger(bA) + dagger(bB) * sp.exp(sp.I * kj * d)) * a
                 for g, kj, a in zip(gs, ks, modes, strict=True))
    emission = dagger(absorb)
    H_rwa = H0 + absorb + emission
    # dipole coupling without RWA: g (b + b†)(a e^{ikx} + a† e^{−ikx}) at x = 0 and x = d
    full = sum(g * ((bA + dagger(bA)) * (a + dagger(a))
                    + (bB + dagger(bB)) * (a * sp.exp(sp.I * kj * d) + dagger(a) * sp.exp(-sp.I * kj * d)))
               for g, kj, a in zip(gs, ks, modes, strict=True))
    N = dagger(bA) * bA + dagger(bB) * bB + sum(dagger(a) * a for a in modes)
    return DiscreteModel(H_rwa=H_rwa, H_full=H0 + full, N=N, emission=emission, bA=bA, bB=bB,
                         modes=modes, ks=ks, gs=gs)


def number_commutators(n_modes: int = 2) -> tuple[sp.Expr, sp.Expr]:
    """([H_RWA, N], [H_full, N]) in canonical form (Eqs. (1), (3))."""
    m = discrete_model(n_modes)
    return commutator(m.H_rwa, m.N), commutator(m.H_full, m.N)


def symmetric_form(n_modes: int = 1) -> dict[str, sp.Expr]:
    """Eq. (5)–(6): the emission part of V in b_± = (b_A ± b_B)/√2, derived vs printed.

    Returns the derived coefficient of b_s a_j† (from Eq. (1)) and the printed one, and the
    canonical forms of b₊b₋ and (b_±†)² ∓ b_A†b_B† (both should vanish).
    """
    m = discrete_model(n_modes)
    d = sp.Symbol("d", positive=True)
    bp = (m.bA + m.bB) / sp.sqrt(2)
    bm = (m.bA - m.bB) / sp.sqrt(2)
    k1, g1, a1 = m.ks[0], m.gs[0], m.modes[0]
    # Eq. (5) as printed: ∫dk g(k)[(1 + e^{ikd})/√2 b₊ + (1 − e^{ikd})/√2 b₋] b†(k)
    printed = g1 * ((1 + sp.exp(sp.I * k1 * d)) / sp.sqrt(2) * bp
                    + (1 - sp.exp(sp.I * k1 * d)) / sp.sqrt(2) * bm) * dagger(a1)
    derived = m.emission.subs({g: 0 for g in m.gs[1:]})
    mirrored = printed.subs(d, -d)
    return {
        "printed_minus_derived": normal_order(printed - derived),
        "printed_with_d_reversed_minus_derived": normal_order(mirrored - derived),
        "bplus_bminus": normal_order(bp * bm),
        "bplus_dag_sq": normal_order(dagger(bp) ** 2 - dagger(m.bA) * dagger(m.bB)),
        "bminus_dag_sq": normal_order(dagger(bm) ** 2 + dagger(m.bA) * dagger(m.bB)),
    }
