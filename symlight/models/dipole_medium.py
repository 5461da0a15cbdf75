"""Independent-scattering (ISA) medium of point electric dipoles, seed 003_7c2b7fccf0028dca.txt.

Sec. III B and Eqs. (19)–(20), (30), (54): Σ_ISA = n t, K^2 = k^2 - n t, mean free path
ℓ = 1/(2 Im K), transverse/longitudinal DOS ratio N_L/N_T = Q0/(kℓ) at low density, energy
velocity v_E = c0 N_T/(N_L + N_T).  Units: k0 = 1, c0 = 1, detuning δ = (ω - ω0)/γ with the
resonant t of Eq. (10) at k = k0 (the frequency dependence of k is neglected across the line,
valid for |δ| ≪ Q0).  Densities are n/k0^3.
"""

from __future__ import annotations

import warnings

import numpy as np

from symlight.errors import InputError
from symlight.greens.tmatrix import t_value


class RegimeWarning(UserWarning):
    """A formula is used outside the regime where the paper derives it."""


def _check(density: float, delta: np.ndarray | float, q0: float | None) -> None:
    if not np.all(np.isfinite(np.asarray(delta, float))):
        raise InputError(f"detuning δ must be finite, got {delta!r}")
    if not (np.isscalar(density) and density > 0):
        raise InputError(f"dipole density n/k0^3 must be a positive number, got {density!r}")
    if 4 * np.pi * density > 1.0:
        warnings.warn(f"4πn/k0^3 = {4 * np.pi * density:.3g} > 1: recurrent scattering is not small "
                      "and the ISA (linear in n) is outside its regime (seed 003 Sec. III C)",
                      RegimeWarning, stacklevel=3)
    if q0 is not None and np.max(np.abs(delta)) > 0.1 * q0:
        warnings.warn(f"|δ| up to {np.max(np.abs(delta)):.3g} is not ≪ Q0 = {q0:.3g}: the resonant "
                      "form (10) of t is outside its regime", RegimeWarning, stacklevel=3)


def isa_wavenumber(delta: np.ndarray | float, density: float, *, q0: float | None = None) -> np.ndarray:
    """Complex K = sqrt(k^2 - n t) (k = k0 = 1), principal branch with Im K > 0."""
    _check(density, delta, q0)
    k2 = 1.0 - density * t_value(delta)
    kk = np.sqrt(k2.astype(complex))
    return np.where(kk.imag < 0, -kk, kk)


def mean_free_path(delta: np.ndarray | float, density: float, *, exact: bool = True,
                   q0: float | None = None) -> np.ndarray:
    """ℓ = 1/(2 Im K) (exact ISA), or the low-density form ℓ = k/(-n Im t) = 1/(n σ_ext)."""
    if exact:
        return 1.0 / (2 * isa_wavenumber(delta, density, q0=q0).imag)
    _check(density, delta, q0)
    return 1.0 / (-density * t_value(delta).imag)


def dos_ratio_low_density(k_ell: np.ndarray | float, q0: float) -> np.ndarray:
    """N_L/N_T = Q0/(kℓ) (Eqs. (20), (30), low density)."""
    return q0 / np.asarray(k_ell, float)


def energy_velocity(delta: np.ndarray | float, density: float, q0: float) -> np.ndarray:
    """v_E/c0 = N_T/(N_L + N_T) = 1/(1 + Q0/(kℓ)) with ℓ from the ISA (Eq. (54))."""
    ell = mean_free_path(delta, density, q0=q0)
    return 1.0 / (1.0 + q0 / ell)
