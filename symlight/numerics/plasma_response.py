"""Independent plasmon oracles: the T = 0 Lindhard (RPA) and the classical Vlasov dielectric.

* ``lindhard_chi0(q, w)``: T = 0 free-electron polarisability of a spin-½ gas by direct
  quadrature of χ₀ = 2∫d³k/(2π)³ (f_k − f_{k+q})/(ħω + ξ_k − ξ_{k+q}), valid above the
  particle–hole continuum (ω > q v_F + ħq²/2m, no poles). Units: k in k_F, ħω in E_F,
  χ₀ in N(E_F)-free units (see docstring).
* ``rpa_plasmon(q, rs)``: root of ε = 1 − v_q χ₀ = 0.
* ``vlasov_plasmon(q)``: root of Re ε = 1 + (qλ_D)⁻²[1 + ζZ(ζ)] = 0 for a Maxwellian,
  ζ = ω/(√2 q v_th), Z from the Faddeeva function (scipy.special.wofz).

These are the external references of seed 001_acf7c75771656388.txt, Eq. (84) (small-q
expansions ω² = ω_p² + (3/5)v_F²q² (RPA, degenerate) and ω² = ω_p² + 3v_th²q² (Bohm–Gross)).
"""

from __future__ import annotations

import math

import numpy as np
from scipy.integrate import quad
from scipy.optimize import brentq
from scipy.special import wofz

from symlight.errors import InputError

__all__ = ["lindhard_chi0", "rpa_plasmon", "vlasov_epsilon", "vlasov_plasmon", "small_q_coefficient"]


def lindhard_chi0(q: float, w: float) -> float:
    """χ₀(q, ω) in units k_F³/E_F (k in k_F, ħω and ξ_k = k² in E_F), by 2-D quadrature.

    χ₀ = (2/(2π)²) ∫_0^1 k² dk ∫_{-1}^{1} dμ [1/(w − (2kqμ + q²)) − 1/(w + (2kqμ − q²))]
    (the two terms are the occupied states k and k+q; ξ_{k+q} − ξ_k = 2kqμ + q²).
    """
    if q <= 0 or w <= q * 2 + q * q:
        raise InputError(f"need q > 0 and w above the particle-hole continuum (w > 2q + q²), got "
                         f"q={q!r}, w={w!r}")

    def over_mu(k: float) -> float:
        a = w - q * q
        b = w + q * q
        # ∫ dμ 1/(a − 2kqμ) − 1/(b + 2kqμ) analytically avoided: numeric inner quadrature
        val, _ = quad(lambda mu: 1.0 / (a - 2 * k * q * mu) - 1.0 / (b + 2 * k * q * mu), -1, 1,
                      epsabs=1e-14, epsrel=1e-12)
        return k * k * val
    val, _ = quad(over_mu, 0, 1, epsabs=1e-14, epsrel=1e-12)
    return 2 * val / (2 * math.pi) ** 2


def rpa_plasmon(q: float, wp: float) -> float:
    """ħω_pl/E_F at wavevector q (in k_F) of a gas with ħω_p/E_F = ``wp``: root of
    ε = 1 − (C/q²)χ₀ = 0 above the continuum. The Coulomb constant C is fixed by the f-sum rule
    (ε → 1 − ω_p²/ω² as q → 0), so no other material constant enters.
    """
    # f-sum rule: χ₀ → n q²/(m ω²) = (k_F³/(3π²))·q²·2/w² in these units (m = 1/2, ħ = 1)
    # so the Coulomb factor is C/q² with C·(2/(3π²)) = wp²  →  C = 3π² wp²/2
    coul = 1.5 * math.pi**2 * wp**2
    f = lambda w: 1.0 - coul / q**2 * lindhard_chi0(q, w)  # noqa: E731
    lo = 2 * q + q * q + 1e-9
    return brentq(f, max(lo, 0.5 * wp), 3 * wp + 10 * q, xtol=1e-14, rtol=1e-13)


def vlasov_epsilon(q: float, w: float) -> float:
    """Re ε(q, ω) for a Maxwellian plasma, units ω_p = v_th = 1 (so λ_D = 1)."""
    zeta = w / (math.sqrt(2) * q)
    Z = 1j * math.sqrt(math.pi) * wofz(zeta)
    return float((1 + (1 + zeta * Z) / q**2).real)


def vlasov_plasmon(q: float) -> float:
    """Real plasmon frequency (units ω_p) of the Maxwellian plasma at qλ_D = q (small q)."""
    if not 0 < q < 0.3:
        raise InputError(f"the weakly damped plasmon needs 0 < qλ_D < 0.3, got {q!r}")
    return brentq(lambda w: vlasov_epsilon(q, w), 1.0 + 1e-9, 2.0, xtol=1e-14, rtol=1e-13)


def small_q_coefficient(qs: np.ndarray, ws: np.ndarray, w0: float, v: float) -> float:
    """Extrapolate c in ω² = ω₀² + c v² q² + O(q⁴) to q → 0 (linear fit in q²)."""
    y = (np.asarray(ws) ** 2 - w0**2) / (v**2 * np.asarray(qs) ** 2)
    slope, intercept = np.polyfit(np.asarray(qs) ** 2, y, 1)
    return float(intercept)
