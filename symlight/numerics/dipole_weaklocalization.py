"""Weak localization of the J₂ (longitudinal–transverse) channel by two dipoles, seed 003
(003_7c2b7fccf0028dca.txt) Sec. IV A 4, Eq. (71) and Fig. 7.

Units k = k0 = 1, t = 6π/(2δ + i) (resonant t of Eq. (10)), G0(r) = g_P Δ_r + g_Q r̂r̂.
The collision kernel Ũ = U^MC − U^FC of (63)–(64), per n²|t|², has the components

    a_c = t g_c/(1 − t²g_c²),  b_c = 1/(1 − t²g_c²)          (c = P, Q)
    Ũ^TT = |a_P|² − |b_P|² + 1,  Ũ^LL = |a_Q|² − |b_Q|² + 1,  Ũ^TL = a_P ā_Q − b_P b̄_Q + 1,

(the subradiant near-pole of |b|² cancels against |a|² in TT and LL at |t g| = 1; TL keeps
simple poles).  After the p-sums Σ_p p G_T(p) j₁(pr) = −(i/4π) h₁(r) and
Σ_p p G_T(p) j₂(pr)/(pr) = −(i/4πr)[h₂(r) + 3i/r³] the four terms of (71) become radial
integrals; in units of F(δ) = (kℓ)² D₂/D₀ (Drude value F = 1, Eq. (59)):

    ΔF_X(δ) = −(ℓn|t|)² ∫₀^∞ dr r² Ũ_X(r) K_X(r),   (ℓn|t|)² = |t|²/(Im t)² = 4δ² + 1,

    K_TT  = (j₁ − j₂/r)(r) s₂(r),          s₂(r) = [y₂(r) + 3/r³]/r,
    K_LL  = −2 (j₂/r)(r) s₂(r),
    K_TL1 = (j₂/r)(r) [y₁(r) − 2 s₂(r)]    (with Re Ũ^TL),
    K_TL2 = −(j₂/r)(r) j₁(r)               (with Im Ũ^TL; J₂^TL2 with its printed sign — the
                                            derivation from (63)–(69) gives the opposite sign,
                                            available as ``tl2_sign=-1``).

The kernels K are derived (not copied) in ``derivations/dipole_transport/weak_localization.py``
from the angular algebra of (68)–(69) and the Kubo projection; this module only evaluates them.
Quadrature: composite Gauss–Legendre panels refined geometrically around the complex near-poles
of 1/(1 − t²g²) (found by Newton from the real minima of |1 − t²g²|), to r_max, plus the
non-oscillating 1/r³ tail of the integrand in closed form.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from scipy.special import spherical_jn, spherical_yn

from symlight.errors import InputError
from symlight.greens.tmatrix import t_value
from symlight.numerics.dipole_radial import _g, near_poles

TERMS = ("TT", "LL", "TL1", "TL2")


def u_components(r: np.ndarray, delta: float) -> dict[str, np.ndarray]:
    """Ũ^TT, Ũ^LL (real) and Ũ^TL (complex) of U^MC − U^FC per n²|t|², plus the MC and FC parts."""
    t = t_value(delta)  # Eq. (10), k = k0 = 1
    gp, gq = _g(np.asarray(r, float))
    bp, bq = 1 / (1 - t**2 * gp**2), 1 / (1 - t**2 * gq**2)
    ap, aq = t * gp * bp, t * gq * bq
    # |a|² − |b|² = (|tg|² − 1)|b|²: written this way the near-pole cancellation is exact
    tt = (np.abs(t * gp) ** 2 - 1) * np.abs(bp) ** 2 + 1
    ll = (np.abs(t * gq) ** 2 - 1) * np.abs(bq) ** 2 + 1
    tl = ap * np.conj(aq) - bp * np.conj(bq) + 1
    return {"TT": tt, "LL": ll, "TL": tl,
            "MC": {"TT": np.abs(ap) ** 2, "LL": np.abs(aq) ** 2, "TL": ap * np.conj(aq)},
            "FC": {"TT": np.abs(bp) ** 2 - 1, "LL": np.abs(bq) ** 2 - 1, "TL": bp * np.conj(bq) - 1}}


def _s2(r: np.ndarray) -> np.ndarray:
    """s₂(r) = [y₂(r) + 3/r³]/r, with its series below r = 0.05 (the two terms cancel as r → 0)."""
    r = np.asarray(r, float)
    out = np.empty_like(r)
    small = r < 0.05
    rs = r[small]
    out[small] = (-1 / (2 * rs) - rs / 8 + rs**3 / 48 - rs**5 / 1152) / rs
    rl = r[~small]
    out[~small] = (spherical_yn(2, rl) + 3 / rl**3) / rl
    return out


def _j2_over_r(r: np.ndarray) -> np.ndarray:
    r = np.asarray(r, float)
    small = r < 1e-2
    out = np.empty_like(r)
    out[small] = r[small] / 15 - r[small] ** 3 / 210
    out[~small] = spherical_jn(2, r[~small]) / r[~small]
    return out


def kernels(r: np.ndarray) -> dict[str, np.ndarray]:
    """The four radial kernels K_X(r) of ΔF_X (module docstring), k = 1."""
    r = np.asarray(r, float)
    j1 = spherical_jn(1, r)
    j2r = _j2_over_r(r)
    s2 = _s2(r)
    return {"TT": (j1 - j2r) * s2, "LL": -2 * j2r * s2, "TL1": j2r * (spherical_yn(1, r) - 2 * s2),
            "TL2": -j2r * j1}


def complex_near_poles(delta: float, r0: float = 8.0) -> list[complex]:
    """Complex zeros of 1 − t²g_c² (c = P, Q) close to the real r axis (subradiant pair modes)."""
    t = t_value(delta)  # Eq. (10), k = k0 = 1
    with np.errstate(all="ignore"):
        return _newton_poles(t, near_poles(delta, r0))


def _newton_poles(t: complex, guesses: np.ndarray) -> list[complex]:
    out = []
    for guess in guesses:
        for ch in (0, 1):
            f = lambda z, ch=ch: 1 - t**2 * _g(z)[ch] ** 2
            z = complex(guess)
            if not np.isfinite(f(z)):
                continue
            for _ in range(60):
                h = 1e-7 * max(1.0, abs(z))
                d = (f(z + h) - f(z - h)) / (2 * h)
                if d == 0:
                    break
                step = f(z) / d
                z -= step
                if abs(step) < 1e-14 * abs(z):
                    break
            close = abs(z - guess) < 0.3 and abs(z.imag) < 0.5
            if np.isfinite(z) and abs(f(z)) < 1e-9 and z.real > 0 and close:
                out.append(z)
    uniq: list[complex] = []
    for z in out:
        if all(abs(z - w) > 1e-8 for w in uniq):
            uniq.append(z)
    return sorted(uniq, key=lambda z: z.real)


def radial_grid(delta: float, r_max: float = 300.0, nodes: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """Gauss–Legendre nodes/weights on [0, r_max], refined geometrically at the near-poles."""
    edges = [0.0] + list(np.geomspace(1e-3, 1.0, 16)) + list(np.arange(1.25, r_max + 1e-9, 0.25))
    for z in complex_near_poles(delta):
        w = max(abs(z.imag), 1e-9)
        steps = w * np.geomspace(0.1, 1e4, 16)
        edges += list(z.real + steps) + list(z.real - steps) + [z.real]
    edges = np.unique(np.clip(edges, 0.0, r_max))
    x, wq = np.polynomial.legendre.leggauss(nodes)
    a, b = edges[:-1], edges[1:]
    r = (0.5 * (b - a)[:, None] * (x[None, :] + 1) + a[:, None]).ravel()
    wr = (0.5 * (b - a)[:, None] * wq[None, :]).ravel()
    return r, wr


def _tail(delta: float, r_max: float) -> dict[str, float]:
    """∫_{r_max}^∞ of the non-oscillating large-r mean of r²Ũ_X K_X (k = 1), leading order.

    Large r: g_P ≈ −e^{ir}/4πr, g_Q = O(r⁻²); Ũ^TT ≈ |tg_P|² − 2Re(t²g_P²), Ũ^TL ≈ −t²g_P²;
    K_TT ≈ −cos²r/r³, K_TL1 ≈ sin²r/r³, K_TL2 ≈ −sin2r/(2r³), K_LL = O(r⁻⁴).  Means over a period:
    r²Ũ^TT K_TT → −(Im t)²/(16π²r³), r²Re Ũ^TL K_TL1 → r²Im Ũ^TL K_TL2 → Re t²/(64π²r³).
    Neglected: O(r_max⁻³).
    """
    t = t_value(delta)  # Eq. (10), k = k0 = 1
    tl = (t**2).real / (128 * np.pi**2 * r_max**2)
    return {"TT": -t.imag**2 / (32 * np.pi**2 * r_max**2), "LL": 0.0, "TL1": tl, "TL2": tl}


def f_terms(delta: float, r_max: float = 300.0, nodes: int = 20, *, tl2_sign: int = 1) -> dict[str, float]:
    """ΔF_TT, ΔF_LL, ΔF_TL1, ΔF_TL2 of (71) in units of the Drude value, and F = 1 + ΣΔF (Fig. 7).

    ``tl2_sign = +1``: J₂^TL2 with the sign printed in the paper (this reproduces the text's statements
    on Fig. 7: F > 0 everywhere); ``-1``: the sign derived from (63)–(69) with the paper's tensor
    conventions (see the derivation module), which makes F < 0 for δ ≲ −1.1.
    """
    return dict(_f_terms(float(delta), float(r_max), int(nodes), tl2_sign))


@lru_cache(maxsize=4096)
def _f_terms(delta: float, r_max: float, nodes: int, tl2_sign: int) -> tuple:
    if tl2_sign not in (1, -1):
        raise InputError(f"tl2_sign must be +1 (printed) or -1 (derived), got {tl2_sign!r}")
    if not np.isfinite(delta):
        raise InputError(f"detuning δ must be finite, got {delta!r}")
    if r_max < 50:
        raise InputError(f"r_max = {r_max} too small: the TT integrand decays only as 1/r³ (use >= 50)")
    r, wr = radial_grid(delta, r_max, nodes)
    u = u_components(r, delta)
    k = kernels(r)
    pref = -(4 * delta**2 + 1)  # −(ℓ n |t|)²
    tail = _tail(delta, r_max)
    dens = {"TT": u["TT"], "LL": u["LL"], "TL1": u["TL"].real, "TL2": u["TL"].imag}
    out = {name: float(pref * (np.sum(wr * r**2 * dens[name] * k[name]) + tail[name])) for name in TERMS}
    out["TL2"] *= tl2_sign
    out["WL"] = sum(out[n] for n in TERMS)
    out["F"] = 1.0 + out["WL"]
    return tuple(out.items())


def f_curve(deltas: np.ndarray, r_max: float = 300.0, nodes: int = 20, *,
            tl2_sign: int = 1) -> dict[str, np.ndarray]:
    """f_terms on a grid of detunings."""
    rows = [f_terms(float(d), r_max, nodes, tl2_sign=tl2_sign) for d in np.asarray(deltas, float)]
    return {key: np.array([row[key] for row in rows]) for key in rows[0]}


def j2_diffusion_ratio(delta: float, density: float, **kw) -> dict[str, float]:
    """D₂/D₀ = F(δ)/(kℓ)² at dipole density n/k0³, ℓ from the ISA (seed 003, definition of F after
    (71)).  The two-dipole terms are the first of an expansion in 1/(kℓ) (and in 4πn/k0³): a
    ``RegimeWarning`` is issued when kℓ < 1 (the correction is then not small) and, through the ISA,
    when 4πn/k0³ > 1."""
    import warnings

    from symlight.models.dipole_medium import RegimeWarning, mean_free_path

    ell = float(mean_free_path(float(delta), density))
    kl = ell  # k = k0 = 1
    if kl < 1:
        warnings.warn(f"kℓ = {kl:.3g} < 1 at δ = {delta}, n/k0³ = {density}: the two-dipole weak-"
                      "localization terms of (71) are the leading order in 1/kℓ and are not small here",
                      RegimeWarning, stacklevel=2)
    f = f_terms(delta, **kw)["F"]
    return {"F": f, "k_ell": kl, "D2_over_D0": f / kl**2}


def f_ll_p_space(delta: float, p_max: float = 60.0) -> float:
    """Numeric twin of ΔF_LL without the p-sum identity: J₂^LL(p) on the p axis, then the Kubo sum.

    J₂^LL(p) = −(4ℓ/k) Re G_T(p) W(p), W(p) = ∫dr r² U^LL (j₂(kr)/kr)(j₂(pr)/pr), Re G_T = PV 1/(k² − p²);
    ΔF_LL = −2πℓ Σ_p p J₂^LL = (4ℓ²/π) PV∫₀^∞ dp p³ W(p)/(1 − p²) per n²|t|² (k = 1).  The principal
    value by QUADPACK's Cauchy weight on [0, 3], the rest (W ~ p⁻⁴) directly to ``p_max`` plus a
    p⁻³ tail fitted at p_max.
    """
    from scipy.integrate import quad

    r, wr = radial_grid(delta, 300.0, 20)
    wgt = wr * r**2 * u_components(r, delta)["LL"] * _j2_over_r(r)

    def w_of_p(p: float) -> float:
        return float(np.sum(wgt * _j2_over_r(p * r)) * p**0)

    # p³W/(1 − p²) = −p³W/((p − 1)(p + 1)): Cauchy weight 1/(p − 1)
    g = lambda p: -(p**3) * w_of_p(p) / (p + 1)
    pv = quad(g, 0.0, 3.0, weight="cauchy", wvar=1.0, limit=400, epsabs=1e-12)[0]
    f = lambda p: p**3 * w_of_p(p) / (1 - p * p)
    rest = quad(f, 3.0, p_max, limit=800, epsabs=1e-12)[0]
    tail = f(p_max) * p_max / 2  # ∫_P^∞ c p⁻³ dp = c/(2P²) with c = f(P)P³
    return float((4 * delta**2 + 1) * 4 / np.pi * (pv + rest + tail))
