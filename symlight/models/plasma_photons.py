"""Plasmon, polariton and laser-driven modes of seed 001_acf7c75771656388.txt (Secs. V.3, VI).

* ``plasmon_system()``: the 1-D linearised fluid equations (52)-(53) with Poisson's equation,
  equations of state derived in ``plasma_exchange`` → dispersion matrix (82) and det → (84).
* SI numerics: ``plasma_scales(n)`` (ω_p, v_F, ṽ, v_eff² in SI, n in m⁻³), ``plasmon_omega``,
  ``critical_density`` (v_eff = 0, flat dispersion), validity warnings for q ≳ k_F.
* Polaritons (85)-(90): bare modes ω_e, ω_ph = v_p(q) q, coupling c_p(q), branches ω±.
* Laser-driven cubic (104)-(105): coefficients in ω, dimensionless units ω_p = c = 1.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
import sympy as sp
from scipy import constants as C
from scipy.integrate import quad

from symlight.dispersion import dispersion_matrix, fourier_substitute, linearize
from symlight.errors import InputError
from symlight.models import plasma_exchange as pe

__all__ = ["plasmon_system", "PlasmaScales", "plasma_scales", "plasmon_omega", "critical_density",
           "ValidityWarning", "bose_moment", "polariton_bare_modes", "polariton_branches",
           "cubic_coefficients", "omega_ph_laser", "coupling_Gamma", "schwinger_intensity",
           "compton_wavelength", "fluid_q_limit", "check_wavevector"]


class ValidityWarning(UserWarning):
    """A parameter outside the regime where the fluid model holds (e.g. q ≳ k_F)."""


# ----------------------------------------------------------------------------- symbolic plasmon
x, t = sp.symbols("x t", real=True)
q, omega = sp.symbols("q omega", positive=True)
n0 = sp.Symbol("n_0", positive=True)


def plasmon_system() -> dict[str, object]:
    """Linearise continuity (52), momentum (53) with P, P^F, f^F, and Poisson; Fourier; matrix.

    Returns a dict with the residual equations, the linear ones, the Fourier-space ones, the
    amplitudes (δn, δJ, δΦ) and the dispersion matrix M (rows: continuity, momentum, Poisson,
    each multiplied by −i so that the matrix is real, as printed in Eq. (82)).
    """
    m, Q, eps0, nsym = pe.m, pe.Q, pe.eps0, pe.n
    nf, Jf, Phif = (sp.Function(name)(x, t) for name in ("n", "J", "Phi"))
    dn, dJ, dPhi = (sp.Function(name)(x, t) for name in ("delta_n", "delta_J", "delta_Phi"))
    P_tot = (pe.pressure() + pe.exchange_pressure()).subs(nsym, nf)
    c_force = pe.exchange_force_coefficient().subs(nsym, nf)
    continuity = sp.diff(nf, t) + sp.diff(Jf, x)
    momentum = (sp.diff(Jf, t) + sp.diff(P_tot, x) / m
                - (nf / m) * (-Q * sp.diff(Phif, x) + c_force * sp.diff(nf, x)))
    poisson = sp.diff(Phif, x, 2) + Q * (nf - n0) / eps0          # −∇²Φ = σ/ε₀, neutral background
    eqs = [continuity, momentum, poisson]
    lin = linearize(eqs, {nf: (n0, dn), Jf: (0, dJ), Phif: (0, dPhi)})
    amps = sp.symbols("deltahat_n deltahat_J deltahat_Phi")
    four = fourier_substitute(lin, dict(zip((dn, dJ, dPhi), amps, strict=True)), [x], [q], t, omega)
    four = [sp.expand(e * (-sp.I)) if i < 2 else sp.expand(e) for i, e in enumerate(four)]
    M = dispersion_matrix(four, amps)
    return {"equations": eqs, "linear": lin, "fourier": four, "amplitudes": amps, "matrix": M}


# ----------------------------------------------------------------------------- SI numerics
@dataclass(frozen=True)
class PlasmaScales:
    """SI scales of a degenerate electron plasma of density n (m⁻³)."""

    n: float
    omega_p: float
    k_F: float
    v_F: float
    v_tilde: float
    v_eff2: float


def plasma_scales(n: float, m: float = C.m_e, Q: float = C.e) -> PlasmaScales:
    """ω_p, k_F, v_F, ṽ = ħω_p/(m v_F) and v_eff² = v_F²/3 − ṽ²/2 (Eq. (83)) for n in m⁻³."""
    if not (isinstance(n, (int, float)) and math.isfinite(n) and n > 0):
        raise InputError(f"density n must be a positive number of m^-3, got {n!r}")
    if not (isinstance(m, (int, float)) and math.isfinite(m) and m > 0):
        raise InputError(f"particle mass m must be a positive number of kg, got {m!r}")
    if not (isinstance(Q, (int, float)) and math.isfinite(Q) and Q != 0):
        raise InputError(f"particle charge Q must be a finite non-zero number of C, got {Q!r}")
    wp = math.sqrt(n * Q**2 / (C.epsilon_0 * m))
    kf = (3 * math.pi**2 * n) ** (1 / 3)
    vf = C.hbar * kf / m
    vt = C.hbar * wp / (m * vf)
    return PlasmaScales(n, wp, kf, vf, vt, vf**2 / 3 - vt**2 / 2)


def plasmon_omega(qv: np.ndarray, n: float, *, warn_fraction: float = 0.3) -> np.ndarray:
    """ω(q) = √(ω_p² + v_eff² q²) (complex where negative), q in m⁻¹.

    Warns (ValidityWarning) when q > warn_fraction·k_F: the fluid closure needs q ≪ k_F.
    """
    s = plasma_scales(n)
    qv = check_wavevector(qv, s.k_F, warn_fraction=warn_fraction, stacklevel=3)
    return np.sqrt((s.omega_p**2 + s.v_eff2 * qv**2).astype(complex))


def check_wavevector(qv: float | np.ndarray, k_F: float, *, warn_fraction: float = 0.3,
                     stacklevel: int = 2) -> np.ndarray:
    """Validate wavevectors (finite, ≥ 0) and warn (ValidityWarning) beyond ``warn_fraction``·k_F:
    the fluid closure of Secs. IV-VI needs q ≪ k_F."""
    arr = np.asarray(qv, dtype=float)
    if np.any(~np.isfinite(arr)) or np.any(arr < 0):
        raise InputError(f"wavevectors q must be finite and >= 0, got {qv!r}")
    if not (isinstance(k_F, (int, float, np.floating)) and math.isfinite(k_F) and k_F > 0):
        raise InputError(f"k_F must be a finite positive number, got {k_F!r}")
    if np.any(arr > warn_fraction * k_F):
        warnings.warn(f"q up to {arr.max():.3g} exceeds {warn_fraction}·k_F = {warn_fraction * k_F:.3g}: "
                      "the fluid closure (q ≪ k_F) is not valid there", ValidityWarning,
                      stacklevel=stacklevel)
    return arr


def critical_density(m: float = C.m_e, Q: float = C.e) -> float:
    """n_c (m⁻³) where v_eff² = 0 (flat plasmon dispersion), by root finding on v_eff²(n)."""
    from scipy.optimize import brentq

    return math.exp(brentq(lambda ln_n: plasma_scales(math.exp(ln_n), m, Q).v_eff2, math.log(1e20),
                           math.log(1e36), xtol=1e-14))


# ----------------------------------------------------------------------------- polaritons
def bose_moment(ell: int, xval: float) -> float:
    """ℳ_ℓ(x) = ∫_0^∞ dk k^{2ℓ}/(k²+1)^ℓ / (exp(x√(1+k²)) − 1), Eq. (86)."""
    if not (isinstance(xval, (int, float)) and math.isfinite(xval) and xval > 0):
        raise InputError(f"ℳ_ℓ needs x = ħω_p/(k_B T_p) finite and > 0 (photon temperature T_p > 0), "
                         f"got {xval!r}")
    if not (isinstance(ell, int) and ell >= 0):
        raise InputError(f"ℳ_ℓ needs an integer ℓ >= 0, got {ell!r}")
    def integrand(kk: float) -> float:
        a = xval * math.sqrt(1 + kk**2)
        return kk**(2 * ell) / (kk**2 + 1)**ell * math.exp(-a) / -math.expm1(-a)
    val, _ = quad(integrand, 0, np.inf, limit=200)
    return val


def fluid_q_limit(n: float, *, fraction: float = 0.3) -> float:
    """``fraction``·k_F in units ω_p/c for the density n (m⁻³): the largest wavevector where the
    fluid closure (q ≪ k_F) is trusted; pass it as ``q_max`` to the normalised-unit functions."""
    s = plasma_scales(n)
    return fraction * s.k_F * C.c / s.omega_p


def _normalised_q(qv: float | np.ndarray, q_max: float | None = None) -> np.ndarray:
    """Wavevectors in units ω_p/c: finite and >= 0 (InputError otherwise); ValidityWarning above
    ``q_max`` (see ``fluid_q_limit``)."""
    arr = np.asarray(qv, dtype=float)
    if np.any(~np.isfinite(arr)) or np.any(arr < 0):
        raise InputError(f"wavevectors q (units ω_p/c) must be finite and >= 0, got {qv!r}")
    if q_max is not None and np.any(arr > q_max):
        warnings.warn(f"q up to {arr.max():.3g} ω_p/c exceeds q_max = {q_max:.3g} ω_p/c: the fluid closure "
                      "(q ≪ k_F) is not valid there", ValidityWarning, stacklevel=3)
    return arr


def _finite(name: str, value: float) -> float:
    if not (isinstance(value, (int, float, np.floating)) and math.isfinite(value)):
        raise InputError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def polariton_bare_modes(qv: np.ndarray, v_eff2: float, *, q_max: float | None = None
                         ) -> tuple[np.ndarray, np.ndarray]:
    """(ω_e, ω_ph) in units ω_p = c = 1: ω_e = √(1 + v_eff² q²), ω_ph = v_p(q) q (Eq. (85)).
    ``q_max`` (units ω_p/c, e.g. ``fluid_q_limit(n)``): ValidityWarning beyond it."""
    qv = _normalised_q(qv, q_max)
    _finite("v_eff² (units c²)", v_eff2)
    wq = np.sqrt(1 + qv**2)
    vp = qv / wq * np.sqrt(1 + 1 / wq**2)
    return np.sqrt((1 + v_eff2 * qv**2).astype(complex)), vp * qv


def polariton_branches(qv: np.ndarray, v_eff2: float, cp: float | np.ndarray, *, q_max: float | None = None
                       ) -> tuple[np.ndarray, np.ndarray]:
    """(ω₊, ω₋) from (ω² − ω_e²)(ω² − ω_ph²) = c_p⁴ q⁴ (Eq. (87), units ω_p = c = 1)."""
    cp_arr = np.asarray(cp, dtype=float)
    if np.any(~np.isfinite(cp_arr)) or np.any(cp_arr < 0):
        raise InputError(f"coupling velocity c_p (units c) must be finite and >= 0, got {cp!r}")
    we, wph = polariton_bare_modes(qv, v_eff2, q_max=q_max)
    we2 = (we**2).real
    disc = np.sqrt((we2 - wph**2) ** 2 + 4 * np.asarray(cp) ** 4 * np.asarray(qv) ** 4)
    return (np.sqrt(((we2 + wph**2 + disc) / 2).astype(complex)),
            np.sqrt(((we2 + wph**2 - disc) / 2).astype(complex)))


# ----------------------------------------------------------------------------- laser-driven cubic
def omega_ph_laser(qv: np.ndarray) -> np.ndarray:
    """ω̃_ph = c²q²(1 − ω_p²/(2ω_q²))/ω_q (after Eq. (104); units ω_p = c = 1)."""
    qv = _normalised_q(qv)
    wq2 = 1 + qv**2
    return qv**2 * (1 - 1 / (2 * wq2)) / np.sqrt(wq2)


def _check_laser_parameters(qv: float, v_eff2: float, gamma: float, cos_theta: float, a_hbar: float) -> None:
    _normalised_q(qv)
    _finite("v_eff² (units c²)", v_eff2)
    if not (_finite("coupling γ", gamma) >= 0):
        raise InputError(f"coupling γ = (I₀/I_c)(λ_L/λ_c)³ must be >= 0, got {gamma!r}")
    if abs(_finite("cos θ", cos_theta)) > 1:
        raise InputError(f"cos θ must lie in [-1, 1], got {cos_theta!r}")
    if not (_finite("ħω_p/(m_ec²)", a_hbar) >= 0):
        raise InputError(f"a_hbar = ħω_p/(m_ec²) must be >= 0, got {a_hbar!r}")


def coupling_Gamma(qv: float, w: complex, gamma: float, cos_theta: float, a_hbar: float) -> complex:
    """Γ(q, ω) of Eq. (105) in units ω_p = c = 1, ``a_hbar = ħω_p/(m_e c²)``."""
    _check_laser_parameters(qv, 0.0, gamma, cos_theta, a_hbar)
    wq = math.sqrt(1 + qv**2)
    return gamma * cos_theta * (a_hbar / 2 * qv / w - 1 / wq**2) * qv**2 * w / wq


def cubic_coefficients(qv: float, v_eff2: float, gamma: float, cos_theta: float, a_hbar: float, *,
                       q_max: float | None = None) -> list[float]:
    """Coefficients (ω³, ω², ω, 1) of (ω² − ω_e²)(ω − ω̃_ph) + Γ(q, ω) = 0, Eqs. (104)-(105).
    ``q_max`` (units ω_p/c, e.g. ``fluid_q_limit(n)``): ValidityWarning beyond it."""
    _check_laser_parameters(qv, v_eff2, gamma, cos_theta, a_hbar)
    _normalised_q(qv, q_max)
    we2 = 1 + v_eff2 * qv**2
    wt = float(omega_ph_laser(qv))
    wq = math.sqrt(1 + qv**2)
    g1 = -gamma * cos_theta * qv**2 / wq**3          # Γ term ∝ ω
    g0 = gamma * cos_theta * a_hbar / 2 * qv**3 / wq  # Γ term independent of ω
    return [1.0, -wt, -we2 + g1, we2 * wt + g0]


def schwinger_intensity() -> float:
    """I_c = ε₀ m_e⁴ c⁷/(2ħ² e²) in W/m² (after Eq. (106))."""
    return C.epsilon_0 * C.m_e**4 * C.c**7 / (2 * C.hbar**2 * C.e**2)


def compton_wavelength() -> float:
    """λ_c = 2πħ/(m_e c) in m (after Eq. (106))."""
    return 2 * math.pi * C.hbar / (C.m_e * C.c)
