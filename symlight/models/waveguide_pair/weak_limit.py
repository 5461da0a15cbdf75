"""λ → 0 limit of R from the derived quadrant integrals J_{ss'} (seed 004, Eqs. (38)–(42)).

J_{ss'} = ∫∫ f_s f̄_{s'} = 4π² i/((σ̄_{s'} − σ_s) w₂) (derived in ``symbolic.quadrant_integrals``)
depends only on σ̄_{s'} − σ_s and Im σ₂. Evaluated here with the exact on-shell σ_s (including
the O(e^{−Md}) term ξ that the paper neglects), it gives the weak-coupling limit R₀ that the
finite-λ computation must approach; with ξ → 0 it is 1 + 2 sin²(k₀d).
"""

from __future__ import annotations

import numpy as np

from symlight.models.waveguide_pair.params import PairParams
from symlight.models.waveguide_pair.self_energy import sigma


def weak_limit_ratio(par: PairParams, include_xi: bool = True) -> float:
    """R(λ → 0) from J_{ss'} with σ_s = Σ_s(ω₀ + i0) (with or without ξ)."""
    sig = {}
    for s in (1, -1):
        val = complex(sigma(np.array(par.omega0), s, par.lam, par.M, par.d if include_xi else 1e6))
        if not include_xi:
            # same λ², same δ₀; only the e^{ipd} part carries d: rebuild it with the true d
            p = par.k0
            L = np.log((par.omega0 + p) / par.M)
            val = 2 * par.lam ** 2 / p * (L - 1j * np.pi * (1 + s * np.exp(1j * p * par.d)))
        sig[s] = val
    w2 = -(sig[1] + sig[-1]).imag
    J = {(a, b): 4j * np.pi ** 2 / ((np.conj(sig[b]) - sig[a]) * w2) for a in (1, -1) for b in (1, -1)}
    e = np.exp(1j * par.k0 * par.d)
    par_amp = {s: (1 + s * e) ** 2 for s in (1, -1)}
    anti_amp = {s: abs(1 + s * e) ** 2 for s in (1, -1)}

    def quad(amp: dict[int, complex]) -> float:
        return float(sum(a * b * amp[a] * np.conj(amp[b]) * J[(a, b)] for a in (1, -1)
                         for b in (1, -1)).real)

    return quad(par_amp) / quad(anti_amp)
