"""Printed forms of seed 002_796c9b23bedf2618.txt transcribed as data (Eqs. (5), (48)–(62), App. C).

Typed in from the print, symbol for symbol (Ωᵢ* → conjugate(Omega_i)); Eq. (50) prints a bare
``g`` in its S₁₄ term, kept here as the separate symbol ``g``. Nothing here is derived.
"""

from __future__ import annotations

import sympy
from sympy import I, conjugate

S = sympy.symbols("S1:16")
Omega1, Omega2 = sympy.symbols("Omega1 Omega2")
Delta1, Delta2, g12, gamma12 = sympy.symbols("Delta1 Delta2 g12 gamma12", real=True)
g_bare = sympy.Symbol("g", real=True)  # Eq. (50) as printed: "(gamma_12 - i g)"


def printed_rhs() -> dict[str, sympy.Expr]:
    """Right-hand sides of Eqs. (48)–(62) as printed, keyed by equation label."""
    (S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, S12, S13, S14, S15) = S
    O1, O2, D1, D2, g, gm = Omega1, Omega2, Delta1, Delta2, g12, gamma12
    c1, c2 = conjugate(O1), conjugate(O2)
    return {
        "48": -I * c1 / 2 + 2 * S12 * (gm - I * g) - S3 * (gm - I * g) - (1 + I * D1) * S1 + I * c1 * S5,
        "49": I * O1 / 2 + 2 * S11 * (gm + I * g) - S4 * (gm + I * g) - (1 - I * D1) * S2 - I * O1 * S5,
        "50": (-I * c2 / 2 + I * S6 * c2 + S1 * (-(gm - I * g)) + 2 * S14 * (gm - I * g_bare)
               - (1 + I * D2) * S3),
        "51": I * O2 / 2 + 2 * S13 * (gm + I * g) - S2 * (gm + I * g) - (1 - I * D2) * S4 - I * O2 * S6,
        "52": -S7 * (gm + I * g) - S8 * (gm - I * g) + I * O1 * S1 / 2 - I * c1 * S2 / 2 - 2 * S5,
        "53": -I * S4 * c2 / 2 - S7 * (gm - I * g) - S8 * (gm + I * g) + I * O2 * S3 / 2 - 2 * S6,
        "54": (S5 * (-(gm + I * g)) - S6 * (gm - I * g) + I * O2 * S1 / 2 + I * c1 * S11 - I * O2 * S14
               + 2 * gm * S15 - I * c1 * S4 / 2 - (2 + I * D1 - I * D2) * S7),
        "55": (I * S13 * c2 - I * S2 * c2 / 2 + S5 * (-(gm - I * g)) - S6 * (gm + I * g) - I * O1 * S12
               + 2 * gm * S15 + I * O1 * S3 / 2 - (2 - I * D1 + I * D2) * S8),
        "56": (-I * S1 * c2 / 2 + I * S14 * c2 + I * c1 * S12 - I * c1 * S3 / 2
               - 2 * (1 + I * (D1 + D2) / 2) * S9),
        "57": (-2 * (1 - I * (D1 + D2) / 2) * S10 - I * O1 * S11 - I * O2 * S13 + I * O2 * S2 / 2
               + I * O1 * S4 / 2),
        "58": (S13 * (-(gm - I * g)) - I * c1 * S10 / 2 + (-(3 - I * D2)) * S11 - I * O2 * S15
               + I * O2 * S5 / 2 + I * O1 * S7 / 2),
        "59": (I * S15 * c2 - I * S5 * c2 / 2 + S14 * (-(gm + I * g)) + (-(3 + I * D2)) * S12
               - I * c1 * S8 / 2 + I * O1 * S9 / 2),
        "60": (-I * S10 * c2 / 2 + S11 * (-(gm - I * g)) + (-(3 - I * D1)) * S13 - I * O1 * S15
               + I * O1 * S6 / 2 + I * O2 * S8 / 2),
        "61": (-I * S7 * c2 / 2 + S12 * (-(gm + I * g)) + (-(3 + I * D1)) * S14 + I * c1 * S15
               - I * c1 * S6 / 2 + I * O2 * S9 / 2),
        "62": -I * S11 * c2 / 2 + I * O2 * S12 / 2 - I * c1 * S13 / 2 + I * O1 * S14 / 2 - 4 * S15,
    }


def printed_b() -> sympy.Matrix:
    """Eq. (5): b = (−iΩ₁*/2, iΩ₁/2, −iΩ₂*/2, iΩ₂/2, 0, …, 0)ᵀ."""
    return sympy.Matrix([-I * conjugate(Omega1) / 2, I * Omega1 / 2, -I * conjugate(Omega2) / 2,
                         I * Omega2 / 2] + [0] * 11)


#: Appendix C: ⟨σᵢ⁺ S_k σⱼ⁻⟩_ss = S_m (nonzero entries {k: m}); every other entry is printed as 0.
PRINTED_TABLES: dict[tuple[int, int], dict[int, int]] = {
    (1, 2): {2: 11, 3: 14, 8: 15},
    (2, 1): {1: 12, 4: 13, 7: 15},
    (1, 1): {3: 12, 4: 11, 6: 15},
    (2, 2): {1: 14, 2: 13, 5: 15},
}


def printed_table(i: int, j: int) -> sympy.Matrix:
    entries = PRINTED_TABLES[(i, j)]
    return sympy.Matrix([S[entries[k] - 1] if k in entries else 0 for k in range(1, 16)])
