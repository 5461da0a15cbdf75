"""Two atoms in a waveguide, two-excitation sector (seed 004_051fe7d7dc805f6f.txt).

Paper conventions and units (c = 1, ħ = 1) are kept inside: massive mode ω(k) = √(k² + M²),
g(k) = λ/(k² + M²)^{1/4} (Eq. (27)); s = ±1 labels the symmetric/antisymmetric one-excitation
states (Eq. (6)); real arguments of self-energies mean z + i0.

* ``self_energy``  – Σ_s(z), Eq. (20) (general quadrature) and the derived closed form (29), ξ(z)
* ``symbolic``     – SymPy derivations of (29)–(32), (36)–(42)
* ``propagators``  – σ_s, complex poles, E_p (34), vertex approximation (43), Σ₂(z) (19)
* ``ratio``        – P(k₁, k₂), quadrant probabilities (40)–(41), R(λ) at finite coupling
* ``hamiltonian``  – Eqs. (1)–(6) with the operator algebra ([H, N] = 0 in the RWA)
"""

from __future__ import annotations

from symlight.models.waveguide_pair.params import PairParams
from symlight.models.waveguide_pair.ratio import (
    Accuracy,
    distribution,
    emission_ratio,
    quadrant_probabilities,
)
from symlight.models.waveguide_pair.self_energy import sigma, sigma_quadrature, xi

__all__ = [
    "Accuracy",
    "PairParams",
    "distribution",
    "emission_ratio",
    "quadrant_probabilities",
    "sigma",
    "sigma_quadrature",
    "xi",
]
