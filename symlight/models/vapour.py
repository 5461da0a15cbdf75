"""Thermal rubidium vapour of seed 002_796c9b23bedf2618.txt, Sec. III, Eqs. (19)-(21).

Vapour pressure (19) -> number density N -> mean nearest-neighbour spacing (20)-(21).

Units (stated once, used everywhere here):

* temperature ``T`` in kelvin; vapour pressure ``p`` in torr (Eq. (19) as printed is the
  liquid-phase Alcock fit in torr: its ``2.881 = log10(760)`` converts atm to torr);
* number density ``N`` in m^-3: ``N = 133.323 p / (k_B T)`` with 133.323 Pa per torr;
* lengths in metres unless a name ends in ``_lam`` (units of the transition wavelength λ);
* rates and detunings in units of Γ = γ_ii (the pair model's unit; population decays at 2Γ).

The mean nearest-neighbour spacing of a Poisson gas, from W3D(r) = 4πN r² exp(-(4π/3) N r³)
(Eq. (20)), is  r_av = Γ(4/3) (4πN/3)^(-1/3) = 0.55396 N^(-1/3)  (derived in
``nn_prefactor``); the paper's (21) prints the approximation 5/9 = 0.5556 (0.29 % high).
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import sympy

from symlight.errors import InputError, describe

#: Boltzmann constant (J/K, exact SI value).
K_B = 1.380649e-23
#: Pascal per torr (101325/760 exactly; printed as 133.323 in the paper).
PA_PER_TORR = 101325.0 / 760.0
#: Atomic mass unit (kg, CODATA 2018).
AMU = 1.66053906660e-27
#: Mass of 85Rb (kg).
MASS_RB85 = 84.911789738 * AMU
#: Rb D2 wavelength used by the paper (Sec. III): λ = 780 nm.
LAMBDA_D2 = 780e-9
#: The paper's Γ = 2π × 6 MHz (Sec. III), in s^-1. (Appendix A calls 2γ_ii = 2Γ the Einstein A
#: coefficient, while the measured Rb D2 A is 2π × 6.07 MHz: the two statements cannot both hold;
#: the Doppler widths below take Γ = 2π × 6 MHz as printed in Sec. III.)
GAMMA_PAPER = 2 * math.pi * 6e6
#: Melting point of rubidium (K): Eq. (19) is the liquid-phase fit, valid above it.
RB_MELTING_K = 312.46
#: Upper end accepted here (K). Eq. (19) is the liquid-phase Alcock et al. (1984) fit as quoted in
#: Steck's Rb data sheets; 550 K is taken as the end of its range (an assumption of this module,
#: not a number printed in the seed; the paper itself uses 350-450 K).
RB_FIT_MAX_K = 550.0


def _temperatures(temperature: float | np.ndarray, what: str = "temperature") -> np.ndarray:
    t = np.asarray(temperature, dtype=float)
    if t.size == 0:
        raise InputError(f"{what} {describe(temperature)} is empty; give at least one value in K")
    if not np.all(np.isfinite(t)):
        raise InputError(f"{what} {describe(temperature)} must be finite (kelvin)")
    bad = (t < RB_MELTING_K) | (t > RB_FIT_MAX_K)
    if np.any(bad):
        raise InputError(
            f"{what} {describe(temperature)} is outside the range of the liquid-phase vapour-"
            f"pressure fit Eq. (19): valid {RB_MELTING_K} K (melting point) to {RB_FIT_MAX_K} K")
    return t


def vapour_pressure_torr(temperature: float | np.ndarray) -> np.ndarray:
    """Eq. (19): log10 p = 2.881 + 4.312 - 4040/T, p in torr, T in K (liquid Rb)."""
    t = _temperatures(temperature)
    return 10.0 ** (2.881 + 4.312 - 4040.0 / t)


def number_density(temperature: float | np.ndarray) -> np.ndarray:
    """Number density N = 133.323 p / (k_B T) in m^-3 (the equation after (19))."""
    t = _temperatures(temperature)
    return PA_PER_TORR * vapour_pressure_torr(t) / (K_B * t)


@cache
def nn_prefactor() -> tuple[sympy.Expr, float]:
    """(exact SymPy prefactor c, float(c)) with r_av = ∫0^∞ r W3D(r) dr = c N^(-1/3), Eq. (21).

    Derived by integrating Eq. (20) with SymPy: c = Γ(4/3) (3/(4π))^(1/3) ≈ 0.553960.
    """
    r, n = sympy.symbols("r N", positive=True)
    w3d = 4 * sympy.pi * n * r**2 * sympy.exp(-sympy.Rational(4, 3) * sympy.pi * n * r**3)
    mean = sympy.integrate(r * w3d, (r, 0, sympy.oo))
    c = sympy.simplify(mean * n ** sympy.Rational(1, 3))
    return c, float(c)


def _densities(density: float | np.ndarray) -> np.ndarray:
    n = np.asarray(density, dtype=float)
    if n.size == 0 or not np.all(np.isfinite(n)) or np.any(n <= 0):
        raise InputError(f"number density {describe(density)} must be finite and positive (m^-3)")
    return n


def mean_spacing(density: float | np.ndarray, *, prefactor: str = "exact") -> np.ndarray:
    """Mean nearest-neighbour spacing r_av in metres for N in m^-3 (Eq. (21)).

    ``prefactor="exact"`` uses Γ(4/3)(4π/3)^(-1/3); ``"paper"`` the printed 5/9.
    """
    n = _densities(density)
    if prefactor == "exact":
        c = nn_prefactor()[1]
    elif prefactor == "paper":
        c = 5.0 / 9.0
    else:
        raise InputError(f"prefactor {prefactor!r} is not one of 'exact', 'paper'")
    return c * n ** (-1.0 / 3.0)


def mean_spacing_lam(temperature: float | np.ndarray, *, prefactor: str = "exact",
                     wavelength: float = LAMBDA_D2) -> np.ndarray:
    """r_av(T) / λ: the ⟨r12/λ⟩ quoted in the captions of Figs. 2-4 (T = 380 K -> 0.35)."""
    return mean_spacing(number_density(temperature), prefactor=prefactor) / wavelength


def w3d(r: np.ndarray, density: float) -> np.ndarray:
    """Nearest-neighbour distance density W3D(r) = 4πN r² exp(-(4π/3) N r³), Eq. (20)."""
    n = float(_densities(density))
    r = np.asarray(r, dtype=float)
    return 4 * np.pi * n * r**2 * np.exp(-4 * np.pi / 3 * n * r**3)


def doppler_sigma(temperature: float | np.ndarray, *, mass: float = MASS_RB85,
                  wavelength: float = LAMBDA_D2, gamma: float = GAMMA_PAPER) -> np.ndarray:
    """Standard deviation of the Doppler detuning k v_x in units of Γ (Maxwell-Boltzmann v_x).

    σ_Δ = (2π/λ) sqrt(k_B T / m) / Γ; at 380 K for 85Rb and Γ = 2π × 6 MHz this is ≈ 41.
    """
    t = _temperatures(temperature)
    if not (mass > 0 and wavelength > 0 and gamma > 0):
        raise InputError(f"mass {mass!r}, wavelength {wavelength!r} and gamma {gamma!r} must be "
                         "positive (SI units)")
    return (2 * np.pi / wavelength) * np.sqrt(K_B * t / mass) / gamma
