"""Fermi–Dirac equilibrium: polylogarithm relations and μ(n, T) by numerical inversion.

Seed 001_acf7c75771656388.txt, Eqs. (69)-(74), SI units, spin degeneracy g_s = 2:

* de Broglie length λ_B = ħ/√(2 m k_B T);
* degeneracy X = 4π^{3/2} n λ_B³ = −Li_{3/2}(−ξ), ξ = e^{μ/k_B T} (Eq. (70) integrated);
* mean kinetic energy K = −k_B T Li_{5/2}(−ξ)/(n λ_B³) (Eq. (73));
* exchange estimate |Φ^F| ~ Q²/(ε₀ λ_B) |Li_{1/2}(−ξ)| (Eq. (72));
* R = (λ_B/λ_D)² Li_{1/2}(−ξ)/Li_{5/2}(−ξ), λ_D = √(ε₀ k_B T/(n Q²)) (Eq. (74)).

Li_s(−ξ) is evaluated with mpmath (valid from ξ ≪ 1 to ξ ~ e^{1000}); the inversion
X ↦ ln ξ uses a bracketed root search on η = ln ξ, where −Li_{3/2}(−e^η) is monotonic.

Numerical edge cases (issue 11): the integrals underflow for η ≲ −745 (≈ e^η) and overflow for
η ≳ 1e88 (≈ η^s/Γ(s+1)), so the inversion and the ratios in K, |Φ^F| and R work with
``log_fd_integral`` (ln of the integral, computed in mpmath, never overflowing); ``fd_integral``
refuses a result that is not a finite double instead of returning inf. The occupation factors
``fermi_factor``/``bose_factor``/``log1p_exp`` are the overflow-free forms of 1/(e^x ± 1) and
ln(1 + e^x).
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
from scipy import constants as C
from scipy.optimize import brentq

from symlight.errors import InputError

__all__ = ["fd_integral", "log_fd_integral", "fermi_factor", "bose_factor", "log1p_exp",
           "de_broglie_length", "debye_length", "degeneracy", "eta_from_degeneracy",
           "chemical_potential", "kinetic_energy", "exchange_estimate", "exchange_ratio",
           "fermi_wavevector", "G_S"]

#: spin degeneracy of electrons, Eq. (69)
G_S = 2


def _positive(name: str, value: float) -> float:
    v = float(value)
    if not math.isfinite(v) or v <= 0:
        raise InputError(f"{name} must be a positive finite number, got {value!r}")
    return v


def _finite(name: str, value: float) -> float:
    v = float(value)
    if math.isnan(v):
        raise InputError(f"{name} must be a number, got {value!r}")
    return v


def log_fd_integral(s: float, eta: float) -> float:
    """ln(−Li_s(−e^η)) for any finite η (mpmath; no underflow at η ≪ 0, no overflow at η ≫ 0)."""
    eta = _finite("eta", eta)
    if math.isinf(eta):
        raise InputError(f"eta = {eta} is not finite; the Fermi–Dirac integral needs a finite μ/k_BT")
    with mpmath.workdps(30):
        value = -mpmath.re(mpmath.polylog(s, -mpmath.exp(eta)))
        if value <= 0:  # cannot happen for s > 0; guards a silent loss of precision
            raise InputError(f"−Li_{s}(−e^{eta}) evaluated to {value}; precision lost")
        return float(mpmath.log(value))


def fd_integral(s: float, eta: float) -> float:
    """−Li_s(−e^η) (the complete Fermi–Dirac integral F_{s−1}(η) without 1/Γ(s)), as a float.

    Underflows to 0 (correctly rounded) for η ≲ −745; an overflow (η ≳ 1e88 for s = 5/2) is an
    InputError pointing to ``log_fd_integral`` instead of a silent inf.
    """
    eta = _finite("eta", eta)
    if eta == -math.inf:
        return 0.0
    with mpmath.workdps(30):
        value = -mpmath.re(mpmath.polylog(s, -mpmath.exp(eta)))
    out = float(value)
    if math.isinf(out):
        raise InputError(f"−Li_{s}(−e^η) at η = {eta:g} is {mpmath.nstr(value, 5)}, beyond the "
                         "double range; use log_fd_integral (its logarithm)")
    return out


def fermi_factor(x: float | np.ndarray) -> float | np.ndarray:
    """1/(e^x + 1) without overflow for any real x (logistic function of −x)."""
    from scipy.special import expit

    return expit(-np.asarray(x, dtype=float))[()]


def bose_factor(x: float | np.ndarray) -> float | np.ndarray:
    """1/(e^x − 1) for x ≠ 0, overflow-free (−1/expm1(x)); the pole at x = 0 is an InputError."""
    arr = np.asarray(x, dtype=float)
    if np.any(arr == 0) or np.any(np.isnan(arr)):
        raise InputError("bose_factor(x) = 1/(e^x − 1) has a pole at x = 0 (zero-energy mode) "
                         "and is undefined for NaN; give x = ħω/k_BT ≠ 0")
    with np.errstate(over="ignore"):
        return (1.0 / np.expm1(arr))[()]


def log1p_exp(x: float | np.ndarray) -> float | np.ndarray:
    """ln(1 + e^x) for any real x (softplus): x + ln(1 + e^−x) for x > 0, log1p(e^x) otherwise."""
    arr = np.asarray(x, dtype=float)
    return np.logaddexp(0.0, arr)[()]


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
    # in logs: −Li_{3/2}(−e^η) underflows for η < −745 (X subnormal) and grows like η^{3/2}
    return brentq(lambda e: log_fd_integral(1.5, e) - math.log(X), lo, hi, xtol=1e-13,
                  rtol=1e-13, maxiter=200)


def chemical_potential(n: float, T: float, m: float = C.m_e) -> float:
    """μ(n, T) in joules from the inversion of Eq. (70)."""
    return C.k * T * eta_from_degeneracy(degeneracy(n, T, m))


def kinetic_energy(n: float, T: float, m: float = C.m_e) -> float:
    """K = −k_B T Li_{5/2}(−ξ)/(n λ_B³), Eq. (73), in joules."""
    eta = eta_from_degeneracy(degeneracy(n, T, m))
    log_nl3 = math.log(_positive("density n", n)) + 3 * math.log(de_broglie_length(T, m))
    return _exp_checked(math.log(C.k * T) + log_fd_integral(2.5, eta) - log_nl3, "K")


def exchange_estimate(n: float, T: float, m: float = C.m_e, Q: float = C.e) -> float:
    """|Φ^F| ~ Q²/(ε₀ λ_B) |Li_{1/2}(−ξ)|, Eq. (72), in joules (an order-of-magnitude estimate)."""
    eta = eta_from_degeneracy(degeneracy(n, T, m))
    pref = Q ** 2 / (C.epsilon_0 * de_broglie_length(T, m))
    return _exp_checked(math.log(pref) + log_fd_integral(0.5, eta), "|Phi^F|")


def exchange_ratio(n: float, T: float, m: float = C.m_e, Q: float = C.e) -> float:
    """R = (λ_B/λ_D)² Li_{1/2}(−ξ)/Li_{5/2}(−ξ), Eq. (74)."""
    eta = eta_from_degeneracy(degeneracy(n, T, m))
    ratio = (de_broglie_length(T, m) / debye_length(n, T, Q)) ** 2
    return _exp_checked(math.log(ratio) + log_fd_integral(0.5, eta) - log_fd_integral(2.5, eta), "R")


def _exp_checked(log_value: float, what: str) -> float:
    """exp(log_value), refusing an overflow (the quantity is beyond the double range)."""
    if log_value > 709.78:
        raise InputError(f"{what} = e^{log_value:.6g} overflows a double; the parameters are "
                         "outside the range where it can be returned as a float")
    return math.exp(log_value)


def fermi_wavevector(n: float | np.ndarray, g_s: int = G_S) -> float | np.ndarray:
    """k_F = (6π² n/g_s)^{1/3} (= (3π² n)^{1/3} for g_s = 2), n in m⁻³."""
    n_arr = np.asarray(n, dtype=float)
    if np.any(~np.isfinite(n_arr)) or np.any(n_arr <= 0):
        raise InputError(f"density n must be positive and finite, got {n!r}")
    out = np.cbrt(6 * math.pi ** 2 * n_arr / g_s)
    return float(out) if out.ndim == 0 else out
