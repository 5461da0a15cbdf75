"""One-excitation self-energy Σ_s(z) of seed 004_051fe7d7dc805f6f.txt, Eqs. (20) and (29).

Σ_s(z) = ∫dk g²(k) (1 + s cos kd) / (z − ω(k))   (Eq. (20)), s = ±1, paper units (c = 1).

For the massive mode (27) the contour derivation (see ``symbolic.derive_sigma_closed_form``) gives,
with p = √(z−M)√(z+M) (Im p ≥ 0 on the physical sheet) and L = ln((z + p)/M):

    Σ_s(z) = 2λ² [ (1 + s e^{−Md}) T(z) + s z R_d(z) ] − θ(Re z) 2πiλ² (1 + s e^{ipd}) / p,

T(z) = z ∫₀^∞ du / (M² sinh²u + z²) = L/p for Re z > 0 (odd in z), and
R_d(z) = ∫₀^∞ du (e^{−Md cosh u} − e^{−Md}) / (M² sinh²u + z²). For Re z > 0 this is Eq. (29)
with ξ(z) = e^{−Md} + p z R_d(z)/L(z) = O(e^{−Md}), real for real z. The pole term is the
residue at k = p; the rest is the branch cut of ω(k) on [iM, i∞). Real arguments mean z + i0.
The same formula at Im z < 0, Re z > M is the continuation through the cut (second sheet).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np
from scipy import integrate
from scipy.interpolate import CubicSpline

from symlight.errors import InputError
from symlight.numerics.peak_quadrature import panel_rule

#: e^{−Md} below this is dropped (its terms are below double precision of Σ).
_EXP_NEGLIGIBLE = 1e-18
_U_BREAKS = np.array([0.0, 0.0625, 0.125, 0.25, 0.5, 1.0, 2.0, 3.0, 4.5, 6.0, 9.0, 13.0, 19.0, 26.0])


def _as_complex(z: object) -> np.ndarray:
    out = np.asarray(z, dtype=complex)
    # real input means z + i0: make the imaginary part +0.0 (never -0.0, which flips branches)
    return out.real + 1j * np.where(out.imag == 0.0, 0.0, out.imag)


def momentum(z: np.ndarray, M: float) -> np.ndarray:
    """p(z) = √(z − M)√(z + M) with principal roots: Im p > 0 in the upper half plane."""
    return np.sqrt(z - M) * np.sqrt(z + M)


def log_factor(z: np.ndarray, M: float) -> np.ndarray:
    """L(z) = ln((z + p)/M) of Eq. (29)."""
    return np.log((z + momentum(z, M)) / M)


def t_function(z: np.ndarray, M: float) -> np.ndarray:
    """T(z) = z∫₀^∞du/(M² sinh²u + z²): L/p for Re z > 0, −T(−z) for Re z < 0."""
    sgn = np.where(z.real >= 0, 1.0, -1.0)
    w = sgn * z
    w = w.real + 1j * np.where(w.imag == 0.0, 0.0, w.imag)
    p = momentum(w, M)
    small = np.abs(p) < 1e-7 * M
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.log((w + p) / M) / p
    # near the threshold w → M: L/p → 1/M − p²/(6M³)  (series of asinh(p/M)/p)
    t = np.where(small, (1.0 - p ** 2 / (6 * M ** 2)) / M, t)
    return sgn * t


@lru_cache(maxsize=8)
def _u_rule(n: int) -> tuple[np.ndarray, np.ndarray]:
    return panel_rule(_U_BREAKS, n)


def rd_integral(z: object, M: float, d: float, n: int = 12) -> np.ndarray:
    """R_d(z) = ∫₀^∞ du (e^{−Md cosh u} − e^{−Md})/(M² sinh²u + z²) by composite Gauss–Legendre."""
    zz = _as_complex(z)
    if np.exp(-M * d) < _EXP_NEGLIGIBLE:
        return np.zeros_like(zz)
    u, w = _u_rule(n)
    num = (np.exp(-M * d * np.cosh(u)) - np.exp(-M * d)) * w
    den = (M * np.sinh(u)) ** 2
    flat = zz.reshape(-1)
    out = np.empty_like(flat)
    step = max(1, 2_000_000 // u.size)
    for i in range(0, flat.size, step):
        zi = flat[i:i + step, None]
        out[i:i + step] = (num[None, :] / (den[None, :] + zi * zi)).sum(axis=1)
    return out.reshape(zz.shape)


@lru_cache(maxsize=64)
def _rd_real_table(M: float, d: float) -> CubicSpline | None:
    """Cubic spline of R_d(|E|) on the real axis (R_d depends on E² only)."""
    if np.exp(-M * d) < _EXP_NEGLIGIBLE:
        return None
    x = np.linspace(0.0, np.arcsinh(2000.0 / 0.02), 900)
    e = 0.02 * M * np.sinh(x)
    vals = rd_integral(e, M, d, n=16).real
    return CubicSpline(x, vals)


def rd_real(E: np.ndarray, M: float, d: float) -> np.ndarray:
    """R_d(E) for real E from the cached spline (|E| ≤ 2000 M), direct quadrature beyond."""
    spl = _rd_real_table(float(M), float(d))
    if spl is None:
        return np.zeros_like(E, dtype=float)
    a = np.abs(E) / M
    out = spl(np.arcsinh(np.minimum(a, 2000.0) / 0.02))
    far = a > 2000.0
    if np.any(far):
        out = np.where(far, rd_integral(np.where(far, E, 1.0), M, d).real, out)
    return out


def sigma(z: object, s: int, lam: float, M: float, d: float, *, real_axis_table: bool = False
          ) -> np.ndarray:
    """Σ_s(z) of Eq. (20) for the massive mode (27), via the derived closed form (29).

    ``z`` may be an array; real values mean z + i0. Valid for z in the closed upper half plane,
    and (continued through the cut) for Im z < 0 with Re z > M. ``real_axis_table`` uses the
    cached spline for R_d (only for real z; faster, relative error ~1e-9 of the ξ term).
    """
    if s not in (1, -1):
        raise InputError(f"s must be +1 or -1 (symmetric/antisymmetric), got s={s!r}")
    zz = _as_complex(z)
    if real_axis_table:
        if np.any(zz.imag != 0):
            raise InputError("real_axis_table=True needs real z (meaning z + i0)")
        rd = rd_real(zz.real, M, d)
    else:
        rd = rd_integral(zz, M, d)
    emd = np.exp(-M * d)
    cut = 2 * lam ** 2 * ((1 + s * emd) * t_function(zz, M) + s * zz * rd)
    p = momentum(zz, M)
    with np.errstate(divide="ignore", invalid="ignore"):
        pole = -2j * np.pi * lam ** 2 * (1 + s * np.exp(1j * p * d)) / p
    return cut + np.where(zz.real > 0, pole, 0.0)


def xi(z: object, M: float, d: float) -> np.ndarray:
    """ξ(z) of Eq. (29): e^{−Md} + p z R_d(z)/L(z) (Re z > 0); real for real z, O(e^{−Md})."""
    zz = _as_complex(z)
    if np.any(zz.real <= 0):
        raise InputError("ξ(z) of Eq. (29) is defined for Re z > 0")
    return np.exp(-M * d) + momentum(zz, M) * zz * rd_integral(zz, M, d) / log_factor(zz, M)


def sigma_printed(z: object, s: int, lam: float, M: float, d: float, xi_value: object = 0.0
                  ) -> np.ndarray:
    """Eq. (29) exactly as printed, with a given ξ (default 0: the O(e^{−Md}) term dropped)."""
    zz = _as_complex(z)
    p = momentum(zz, M)
    L = np.log((zz + p) / M)
    return 2 * lam ** 2 / p * ((1 + s * np.asarray(xi_value)) * L
                               - 1j * np.pi * (1 + s * np.exp(1j * p * d)))


# ---------------------------------------------------------------------------------------------
# Eq. (20) by direct quadrature, for a general even dispersion ω(k) and form factor g(k)
# ---------------------------------------------------------------------------------------------

def sigma_quadrature(z: complex, s: int, d: float, omega: Callable[[float], float],
                     g: Callable[[float], float], *, domega: Callable[[float], float] | None = None,
                     k_on_shell: float | None = None) -> complex:
    """Σ_s(z) = ∫dk g²(1 + s cos kd)/(z − ω(k)) (Eq. (20)) by adaptive quadrature (QUADPACK).

    ω and g must be even (Eq. (2)) and ω increasing on k > 0. Off the real axis the integral is
    done directly (the cos kd part with the Fourier weight, QAWF). For real z = E (meaning E + i0)
    above min ω, the on-shell root k_E (ω(k_E) = E; found by root search unless given) is handled
    by Sokhotski–Plemelj: principal value (Cauchy weight) − iπ Σ_roots g²(1 + s cos k_E d)/|ω'(k_E)|.
    Independent of the closed form (29); used as its numeric twin.
    """
    if s not in (1, -1):
        raise InputError(f"s must be +1 or -1, got s={s!r}")
    z = complex(z)
    lim = dict(limit=400, epsabs=1e-13, epsrel=1e-10)

    def base(k: float) -> complex:
        return g(k) ** 2 / (z - omega(k))

    def part(fun: Callable[[float], complex], a: float, b: float, weight: str | None = None,
             wvar: float | None = None) -> complex:
        kw = dict(lim)
        if weight is not None:
            kw.update(weight=weight, wvar=wvar)
            if b == np.inf:
                kw = dict(weight=weight, wvar=wvar, limlst=200)
        re = integrate.quad(lambda k: fun(k).real, a, b, **kw)[0]
        im = integrate.quad(lambda k: fun(k).imag, a, b, **kw)[0]
        return re + 1j * im

    def osc(a: float) -> complex:
        # ∫_a^∞ base(k) (1 + s cos kd) dk, the cos part with the QAWF Fourier weight
        out = part(base, a, np.inf)
        if d > 0:
            out += s * part(base, a, np.inf, "cos", d)
        else:
            out += s * part(base, a, np.inf)
        return out

    if z.imag != 0.0:
        return 2.0 * osc(0.0)
    E = z.real
    w_min = omega(0.0)
    if E <= w_min:
        return 2.0 * osc(0.0)
    if k_on_shell is None:
        hi = 1.0
        while omega(hi) < E:
            hi *= 2.0
        from scipy.optimize import brentq

        k_on_shell = brentq(lambda k: omega(k) - E, 0.0, hi, xtol=1e-15, rtol=1e-15)
    kE = float(k_on_shell)
    if domega is None:
        h = 1e-6 * max(1.0, kE)
        dw = (omega(kE + h) - omega(kE - h)) / (2 * h)
    else:
        dw = domega(kE)

    def smooth(k: float) -> float:
        # g²(1 + s cos kd)(k − kE)/(E − ω(k)), the Cauchy weight supplies 1/(k − kE)
        if abs(k - kE) < 1e-9 * max(1.0, kE):
            return -g(k) ** 2 * (1 + s * np.cos(k * d)) / dw
        return g(k) ** 2 * (1 + s * np.cos(k * d)) * (k - kE) / (E - omega(k))

    pv = integrate.quad(smooth, 0.0, 2 * kE, weight="cauchy", wvar=kE, limit=400,
                        epsabs=1e-13, epsrel=1e-10)[0]
    pv += osc(2 * kE).real
    res = g(kE) ** 2 * (1 + s * np.cos(kE * d)) / abs(dw)
    return 2.0 * pv - 1j * np.pi * 2.0 * res


def massive_mode(lam: float, M: float) -> tuple[Callable, Callable, Callable]:
    """ω(k) = √(k² + M²), g(k) = λ/(k² + M²)^{1/4} and ω'(k) of Eq. (27), as scalar functions."""
    return (lambda k: float(np.sqrt(k * k + M * M)),
            lambda k: float(lam / (k * k + M * M) ** 0.25),
            lambda k: float(k / np.sqrt(k * k + M * M)))


def sigma_below_threshold(qv: np.ndarray, s: int, lam: float, M: float, d: float) -> np.ndarray:
    """Σ_s(E) for 0 < E < M written with q = √(M² − E²) > 0 (real; Eq. (29) with p = iq).

    Σ_s = (2λ²/q)[(1 + s e^{−Md}) θ − π(1 + s e^{−qd})] + 2λ² s E R_d(E), θ = arctan(q/E):
    the form used near threshold (q → 0), where E = √(M² − q²) rounds to M.
    """
    qv = np.asarray(qv, dtype=float)
    E = np.sqrt(np.maximum(M * M - qv * qv, 0.0))
    theta = np.arctan2(qv, E)
    emd = np.exp(-M * d)
    rd = rd_real(E, M, d)
    return 2 * lam ** 2 / qv * ((1 + s * emd) * theta - np.pi * (1 + s * np.exp(-qv * d))) \
        + 2 * lam ** 2 * s * E * rd


def sigma_real_fast(E: np.ndarray, s: int, lam: float, M: float, d: float) -> np.ndarray:
    """Σ_s(E + i0) for real E in real arithmetic (same formula as ``sigma``; R_d from the spline).

    T(E) = sign(E)·arccosh(|E|/M)/√(E² − M²) for |E| > M and sign(E)·arccos(|E|/M)/√(M² − E²)
    for |E| < M; pole term −2πiλ²(1 + s e^{ipd})/p only for E > 0 (p = √(E² − M²) or i√(M² − E²)).
    """
    E = np.asarray(E, dtype=float)
    a = np.abs(E)
    sg = np.where(E >= 0, 1.0, -1.0)
    x = a / M
    above = x > 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        r2 = np.abs(E * E - M * M)
        r = np.sqrt(r2)
        tt = np.where(above, np.arccosh(np.maximum(x, 1.0)), np.arccos(np.minimum(x, 1.0))) / r
    near = r < 1e-6 * M
    tt = np.where(near, (1.0 - np.where(above, 1.0, -1.0) * r2 / (6 * M * M)) / M, tt)
    T = sg * tt
    emd = np.exp(-M * d)
    out = 2 * lam ** 2 * ((1 + s * emd) * T + s * E * rd_real(E, M, d)) + 0j
    pos = E > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        # above threshold: p = r real, pole = −2πiλ²(1 + s e^{ird})/r
        pole_above = -2j * np.pi * lam ** 2 * (1 + s * np.exp(1j * r * d)) / r
        # below threshold (0 < E < M): p = i r, pole = −2πλ²(1 + s e^{−rd})/r (real)
        pole_below = -2 * np.pi * lam ** 2 * (1 + s * np.exp(-r * d)) / r
    pole = np.where(above, pole_above, pole_below)
    return out + np.where(pos, pole, 0.0)
