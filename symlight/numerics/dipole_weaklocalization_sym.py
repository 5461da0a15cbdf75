"""Symbolic steps behind the J₂ weak-localization terms of seed 003 (003_7c2b7fccf0028dca.txt),
Eqs. (68)–(71), with numeric twins.

1. ``kernel_T``: ∫dk̂/4π e^{ik·r} Δ_k (k̂·q) = i[(j₁ − j₂/x)(r̂·q)1 + j₃ r̂r̂(r̂·q) − (j₂/x)(r̂q + qr̂)],
   x = kr (the bracket of the J^S formula after (69), times −1/i).
2. ``channel_projection``: J^S = (kℓ/2π) G(p)·[∫d³r e^{ip·r} Ũ(r)·T(r, q)]·G*(p) with
   Ũ·S = U^TT ΔSΔ + U^LL R S R + Re U^TL(RSΔ + ΔSR) + i Im U^TL(ΔSR − RSΔ), R = r̂r̂, Δ = 1 − R
   (the convention AB·S = A·S·B of Sec. IV), G = G_TΔ_p + G_L p̂p̂.  The r̂-average of e^{ipr p̂·r̂}
   times a polynomial in r̂ is done exactly: φ-moments of cos/sin, then u^m → Σ_l i^l(2l+1)j_l(pr)
   (1/2)∫P_l u^m du.  The result is projected on the modes (p̂·q)Δ_p, (p̂·q)p̂p̂, p̂q + qp̂, i(p̂q − qp̂)
   of (46) (with p̂ = ẑ, q = (a, 0, c)), and all j_l reduced to (j₁, j₂) by the recurrence.
3. ``psum_identities``: Σ_p p G(p) j₁(pr) and Σ_p p G(p) j₂(pr)/(pr) for G = 1/(K² − p²), derived
   from G(r) = −e^{iKr}/4πr and the Coulomb sum Σ_p j₀(pr)/p² = 1/4πr by radial derivatives.
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
import sympy as sp
from scipy.special import spherical_jn

u, C, S, s = sp.symbols("u C S s", real=True)
x, xk = sp.symbols("x x_k", positive=True)  # x = p r, x_k = k r
a, c = sp.symbols("a c", real=True)  # q = (a, 0, c), p̂ = ẑ
UTT, ULL, UR, UI = sp.symbols("U_TT U_LL U_R U_I", real=True)  # U_R = Re U^TL, U_I = Im U^TL
J1K, J2K, J3K = sp.symbols("j1k j2k j3k", real=True)  # j_l(kr)
JP = sp.symbols("jp0:9", real=True)  # j_l(pr)
GT, GTB, GL = sp.symbols("G_T Gbar_T G_L")  # G_T(p), its conjugate, G_L (real at this order)


def _dfact(n: int) -> int:
    return int(sp.factorial2(n)) if n > 0 else 1


@cache
def _u_moment(m: int) -> sp.Expr:
    """(1/2)∫_{-1}^{1} u^m e^{ixu} du = Σ_l i^l (2l+1) j_l(x) (1/2)∫P_l u^m du (exact, finite sum)."""
    terms = (sp.I**ll * (2 * ll + 1) * JP[ll] * sp.integrate(sp.legendre(ll, u) * u**m, (u, -1, 1)) / 2
             for ll in range(m + 1))
    return sp.expand(sum(terms))


def angular_average(expr: sp.Expr) -> sp.Expr:
    """⟨e^{ix p̂·r̂} expr⟩ over r̂ = (s cosφ, s sinφ, u) (C = cosφ, S = sinφ, s = √(1 − u²))."""
    poly = sp.Poly(sp.expand(expr), C, S, s, u)
    out = sp.Integer(0)
    for (mc, ms, ks, mu), coef in poly.terms():
        if mc % 2 or ms % 2:
            continue
        w = sp.Rational(_dfact(mc - 1) * _dfact(ms - 1), _dfact(mc + ms)) if mc + ms else 1
        if ks % 2:
            raise ValueError("odd power of sinθ survived the φ-average")
        out += coef * w * sp.expand((1 - u**2) ** (ks // 2) * u**mu)
    p2 = sp.Poly(sp.expand(out), u)
    return sp.expand(sum(coef * _u_moment(m[0]) for m, coef in zip(p2.monoms(), p2.coeffs(), strict=True)))


def rhat() -> sp.Matrix:
    return sp.Matrix([s * C, s * S, u])


def kernel_T(rh: sp.Matrix, q: sp.Matrix) -> sp.Matrix:
    """T(r, q) = ∫dk̂/4π e^{ik·r}Δ_k(k̂·q) in terms of j₁, j₂, j₃ of kr (symbols J1K, J2K, J3K)."""
    rq = (rh.T * q)[0]
    rr = rh * rh.T
    return sp.I * ((J1K - J2K / xk) * rq * sp.eye(3) + J3K * rr * rq - (J2K / xk) * (rh * q.T + q * rh.T))


def collision_dot(sm: sp.Matrix, rh: sp.Matrix, utt=UTT, ull=ULL, ur=UR, ui=UI) -> sp.Matrix:
    """Ũ(r)·S in the decomposition printed before (71) (convention AB·S = A·S·B)."""
    rr = rh * rh.T
    dd = sp.eye(3) - rr
    return utt * dd * sm * dd + ull * rr * sm * rr + ur * (rr * sm * dd + dd * sm * rr) + sp.I * ui * (
        dd * sm * rr - rr * sm * dd)


def reduce_bessel(e: sp.Expr) -> sp.Expr:
    """Express j_l(pr) (l ≤ 8) through j₁, j₂ and j₃(kr) through j₁, j₂ (recurrences)."""
    j = {1: JP[1], 2: JP[2], 0: 3 * JP[1] / x - JP[2]}
    for ll in range(3, 9):
        j[ll] = (2 * ll - 1) / x * j[ll - 1] - j[ll - 2]
    return sp.expand(e.subs({JP[ll]: j[ll] for ll in range(9)}).subs(J3K, 5 * J2K / xk - J1K))


@lru_cache(maxsize=1)
def channel_projection() -> dict[str, sp.Expr]:
    """Mode coefficients J_n of G·⟨e^{ip·r}Ũ·T⟩_r̂·G* (per unit of (kℓ/2π)·4π∫r²dr), reduced.

    Returns {"J0", "J1", "J2", "J3"} as expressions in U_TT, U_LL, U_R, U_I, G_T, Ḡ_T, G_L, j's.
    """
    rh = rhat()
    q = sp.Matrix([a, 0, c])
    y = collision_dot(kernel_T(rh, q), rh).applyfunc(angular_average)
    ph = sp.Matrix([0, 0, 1])
    pp = ph * ph.T
    dp = sp.eye(3) - pp
    m = ((GT * dp + GL * pp) * y * (GTB * dp + GL * pp)).applyfunc(sp.expand)
    out = {"J0": m[0, 0] / c, "J1": m[2, 2] / c - (m[0, 2] + m[2, 0]) / a,
           "J2": (m[0, 2] + m[2, 0]) / (2 * a), "J3": (m[2, 0] - m[0, 2]) / (2 * sp.I * a)}
    # the basis must reproduce every entry: the yy entry equals xx, off-diagonal y-entries vanish
    resid = [sp.expand(m[1, 1] - m[0, 0]), m[0, 1], m[1, 0], m[1, 2], m[2, 1]]
    if any(sp.expand(reduce_bessel(r_)) != 0 for r_ in resid):
        raise ArithmeticError("the four modes of (46) do not span G·Y·G*")
    return {k: reduce_bessel(sp.expand(v)) for k, v in out.items()}


def angular_twin(p: float, r: float, kk: float, uvals: dict[str, complex], gt: complex, gl: float,
                 n_theta: int = 48, n_phi: int = 48) -> dict[str, complex]:
    """Numeric twin of ``channel_projection`` at one (p, r, k): the r̂-average by Gauss–Legendre in
    cosθ × trapezoid in φ of e^{ipr cosθ} Ũ·T with numeric Bessel values, then the same projection."""
    xs_, ws = np.polynomial.legendre.leggauss(n_theta)
    phis = 2 * np.pi * np.arange(n_phi) / n_phi
    qv = np.array([0.37, 0.0, -0.81])
    xk_ = kk * r
    j1, j2, j3 = (spherical_jn(n, xk_) for n in (1, 2, 3))
    acc = np.zeros((3, 3), complex)
    for uu, wu in zip(xs_, ws, strict=True):
        ss = np.sqrt(1 - uu * uu)
        for ph_ in phis:
            rh = np.array([ss * np.cos(ph_), ss * np.sin(ph_), uu])
            rr = np.outer(rh, rh)
            dd = np.eye(3) - rr
            rq = rh @ qv
            tt = 1j * ((j1 - j2 / xk_) * rq * np.eye(3) + j3 * rr * rq - (j2 / xk_) * (np.outer(rh, qv)
                                                                                   + np.outer(qv, rh)))
            ut = (uvals["TT"] * dd @ tt @ dd + uvals["LL"] * rr @ tt @ rr
                  + uvals["R"] * (rr @ tt @ dd + dd @ tt @ rr)
                  + 1j * uvals["I"] * (dd @ tt @ rr - rr @ tt @ dd))
            acc += wu * np.exp(1j * p * r * uu) * ut
    acc /= 2 * n_phi
    pp = np.diag([0.0, 0.0, 1.0])
    dp = np.eye(3) - pp
    m = (gt * dp + gl * pp) @ acc @ (np.conj(gt) * dp + gl * pp)
    return {"J0": m[0, 0] / qv[2], "J2": (m[0, 2] + m[2, 0]) / (2 * qv[0]),
            "J3": (m[2, 0] - m[0, 2]) / (2j * qv[0])}


def evaluate_projection(expr: sp.Expr, p: float, r: float, kk: float, uvals: dict[str, complex],
                        gt: complex, gl: float) -> complex:
    """Numeric value of a ``channel_projection`` expression (scipy Bessel functions)."""
    subs = {x: p * r, xk: kk * r, J1K: spherical_jn(1, kk * r), J2K: spherical_jn(2, kk * r),
            JP[1]: spherical_jn(1, p * r), JP[2]: spherical_jn(2, p * r), UTT: uvals["TT"], ULL: uvals["LL"],
            UR: uvals["R"], UI: uvals["I"], GT: gt, GTB: np.conj(gt), GL: gl}
    return complex(expr.subs(subs).evalf())


def psum_identities(kw: sp.Expr | None = None) -> dict[str, sp.Expr]:
    """Σ_p p G(p) j₁(pr) and Σ_p p G(p) j₂(pr)/(pr), G = 1/(K² − p²), Im K > 0, derived:

    p j₁(pr) = −∂_r j₀(pr)  ⇒  Σ_p p G j₁ = −∂_r Σ_p G j₀ = −∂_r G(r),  G(r) = −e^{iKr}/4πr;
    j₂(pr)/(pr) = −(1/p)∂_r[j₁(pr)/(pr)],  j₁(pr)/p = −(1/p²)∂_r j₀(pr),
    Σ_p j₀/(p²(K² − p²)) = (1/K²)[Σ_p j₀/p² + Σ_p j₀ G] = (1 − e^{iKr})/(4πK²r).
    """
    r = sp.Symbol("r", positive=True)
    kk = kw if kw is not None else sp.Symbol("K")
    g_r = -sp.exp(sp.I * kk * r) / (4 * sp.pi * r)
    first = -sp.diff(g_r, r)
    s0 = (1 - sp.exp(sp.I * kk * r)) / (4 * sp.pi * kk**2 * r)
    s1 = -sp.diff(s0, r)  # Σ_p j₁(pr)/(p(K² − p²))
    second = -sp.diff(s1 / r, r)
    return {"j1": sp.simplify(first), "j2": sp.simplify(second), "r": r, "K": kk}


def psum_quadrature(kk: complex, r: float, which: tuple[str, ...] = ("j1", "j2")) -> dict[str, complex]:
    """Numeric twins of the two p-sums by radial quadrature, Σ_p = (1/2π²)∫p²dp, complex K.

    Σ_p p G j₁: p³/(K² − p²) = −p + K²p/(K² − p²); ∫₀^∞ p j₁(pr) dp = π/(2r²) (Abel sum); the rest
    converges (integrand ~ j₁/p).  Σ_p p G j₂/(pr): integrand ~ j₂(pr)/r, conditionally convergent
    (mpmath quadosc beyond the peak at p = Re K).
    """
    import mpmath as mp

    k2 = mp.mpc(kk) ** 2
    sj = lambda n, z: mp.sqrt(mp.pi / (2 * z)) * mp.besselj(n + 0.5, z)
    f1 = lambda p: k2 * p * sj(1, p * r) / (k2 - p * p)
    f2 = lambda p: p**3 * sj(2, p * r) / (p * r) / (k2 - p * p)
    w = mp.pi / r
    kr_ = mp.re(mp.mpc(kk))
    cut = 2 * kr_ + 4
    pts = [0, kr_ - 0.5 * abs(mp.im(mp.mpc(kk))), kr_, kr_ + 0.5 * abs(mp.im(mp.mpc(kk))), cut]
    out = {}
    if "j1" in which:
        i1 = mp.quad(f1, pts) + mp.quadosc(f1, [cut, mp.inf], period=2 * w) - mp.pi / (2 * r * r)
        out["j1"] = complex(i1 / (2 * mp.pi**2))
    if "j2" in which:
        i2 = mp.quad(f2, pts) + mp.quadosc(f2, [cut, mp.inf], period=2 * w)
        out["j2"] = complex(i2 / (2 * mp.pi**2))
    return out
