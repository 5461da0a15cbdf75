"""Fermi–Dirac equilibrium: polylogarithm relations and μ(n, T) by numerical inversion.

Seed 001_acf7c75771656388.txt, Eqs. (69)-(74), SI units, spin degeneracy g_s = 2:

* de Broglie length λ_B = ħ/√(2 m k_B T);
* degeneracy X = 4π^{3/2} n λ_B³ = −Li_{3/2}(−ξ), ξ = e^{μ/k_B T} (Eq. (70) integrated);
* mean kinetic energy K = −k_B T Li_{5/2}(−ξ)/(n λ_B³) (Eq. (73));
* exchange estimate |Φ^F| ~ Q²/(ε₀ λ_B) |Li_{1/2}(−ξ)| (Eq. (72));
* R = (λ_B/λ_D)² Li_{1/2}(−ξ)/Li_{5/2}(−ξ), λ_D = √(ε₀ k_B T/(n Q²)) (Eq. (74)).

Li_s(−ξ) is evaluated with mpmath (valid from ξ ≪ 1 to ξ ~ e^{1000}); the inversion
X ↦ ln ξ uses a bracketed root search on η = ln ξ, where −Li_{3/2}(−e^η) is monotonic.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
from scipy import constants as C
from scipy.optimize import brentq

from symlight.errors import InputError

__all__ = ["fd_integral", "de_broglie_length", "debye_length", "degeneracy", "eta_from_degeneracy",
           "chemical_potential", "kinetic_energy", "exchange_estimate", "exchange_ratio",
           "fermi_wavevector", "G_S"]

#: spin degeneracy of electrons, Eq. (69)
G_S = 2


def _positive(name: str, value: float) -> float:
    v = float(value)
    if not math.isfinite(v) or v <= 0:
        raise InputError(f"{name} must be a positive finite number, got {value!r}")
    return v


def fd_integral(s: float, eta: float) -> float:
    """−Li_s(−e^η) (the complete Fermi–Dirac integral F_{s−1}(η) without 1/Γ(s)), as a float."""
    with mpmath.workdps(30):
        return float(-mpmath.re(mpmath.polylog(s, -mpmath.exp(eta))))


def de_broglie_length(T: float, m: float = C.m_e) -> float:
    """λ_B = ħ/√(2 m k_B T) in metres (Eq. (69)); T in kelvin."""
    return C.hbar / math.sqrt(2 * _positive("mass m", m) * C.k * _positive("temperature T", T))


def debye_length(n: float, T: float, Q: float = C.e) -> float:
    """λ_D = √(ε₀ k_B T/(n Q²)) in metres; n in m⁻³ (after Eq. (74))."""
    return math.sqrt(C.epsilon_0 * C.k * _positive("temperature T", T)
                     / (_positive("density n", n) * Q ** 2))


def degeneracy(n: float, T: float, m: float = C.m_e) -> float:
    """X = 4π^{3/2} n λ_B³ (n in m⁻³), the degeneracy parameter after Eq. (70)."""
    return 4 * math.pi ** 1.5 * _positive("density n", n) * de_broglie_length(T, m) ** 3


def eta_from_degeneracy(X: float) -> float:
    """η = ln ξ = μ/k_B T solving X = −Li_{3/2}(−e^η) (numerical inversion, Eq. (70))."""
    X = _positive("degeneracy X", X)
    lo, hi = math.log(X) - 5.0, max(5.0, 3.0 * X ** (2.0 / 3.0) + 5.0)
    return brentq(lambda e: math.log(fd_integral(1.5, e)) - math.log(X), lo, hi, xtol=1e-13,
                  rtol=1e-13, maxiter=200)


def chemical_potential(n: float, T: float, m: float = C.m_e) -> float:
    """μ(n, T) in joules from the inversion of Eq. (70)."""
    return C.k * T * eta_from_degeneracy(degeneracy(n, T, m))


def kinetic_energy(n: float, T: float, m: float = C.m_e) -> float:
    """K = −k_B T Li_{5/2}(−ξ)/(n λ_B³), Eq. (73), in joules."""
    eta = eta_from_degeneracy(degeneracy(n, T, m))
    return C.k * T * fd_integral(2.5, eta) / (n * de_broglie_length(T, m) ** 3)


def exchange_estimate(n: float, T: float, m: float = C.m_e, Q: float = C.e) -> float:
    """|Φ^F| ~ Q²/(ε₀ λ_B) |Li_{1/2}(−ξ)|, Eq. (72), in joules (an order-of-magnitude estimate)."""
    eta = eta_from_degeneracy(degeneracy(n, T, m))
    return Q ** 2 / (C.epsilon_0 * de_broglie_length(T, m)) * fd_integral(0.5, eta)


def exchange_ratio(n: float, T: float, m: float = C.m_e, Q: float = C.e) -> float:
    """R = (λ_B/λ_D)² Li_{1/2}(−ξ)/Li_{5/2}(−ξ), Eq. (74)."""
    eta = eta_from_degeneracy(degeneracy(n, T, m))
    ratio = (de_broglie_length(T, m) / debye_length(n, T, Q)) ** 2
    return ratio * fd_integral(0.5, eta) / fd_integral(2.5, eta)


def fermi_wavevector(n: float | np.ndarray, g_s: int = G_S) -> float | np.ndarray:
    """k_F = (6π² n/g_s)^{1/3} (= (3π² n)^{1/3} for g_s = 2), n in m⁻³."""
    n_arr = np.asarray(n, dtype=float)
    if np.any(~np.isfinite(n_arr)) or np.any(n_arr <= 0):
        raise InputError(f"density n must be positive and finite, got {n!r}")
    out = np.cbrt(6 * math.pi ** 2 * n_arr / g_s)
    return float(out) if out.ndim == 0 else out
