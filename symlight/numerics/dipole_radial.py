"""Radial integrals over a dipole pair with subradiant near-poles, seed 003 Eqs. (21)–(22), Fig. 3.

The loop (recurrent two-dipole) term of the DOS, Eq. (22), needs

    I(δ) = ∫_0^∞ r^2 dr Tr[t^3 G0^2/(1 - t^2 G0^2)],   Tr f(G0) = 2 f(g_P) + f(g_Q),

in units k = k0 = 1 with t = 6π/(2δ + i).  Difficulties and how they are handled:

* near-poles of 1/(1 - t^2 g^2) close to the real r axis (subradiant pairs): their positions are
  located as local minima of |1 - t^2 g^2| on a fine grid and passed to adaptive quadrature as
  breakpoints (peak-aware QUADPACK);
* the far-field tail oscillates as e^{2ir} without decay: beyond R0 the contour is rotated to
  r = R0 + i s (the integrand is analytic there and |t g| < 1/2), which decays as e^{-2s}
  (Abel summation, equivalent to k → k + i0);
* r → 0: t^3 g^2/(1 - t^2 g^2) → -t, finite.

``loop_integral_mp`` is the mpmath referee at higher precision with the same path.
"""

from __future__ import annotations

import mpmath as mp
import numpy as np
from scipy.integrate import quad

from symlight.errors import InputError
from symlight.greens.tmatrix import t_value


def _g(r: complex | np.ndarray):
    e = np.exp(1j * r) / (4 * np.pi * r)
    P = 1 - 1 / (1j * r) - 1 / r**2
    Q = 2 / (1j * r) + 2 / r**2
    return -e * P, -e * Q


def loop_integrand(r, delta: float):
    """r^2 Tr[t^3 G0^2/(1 - t^2 G0^2)] (per P-eigenvalue ×2 and Q-eigenvalue ×1)."""
    t = t_value(delta)
    gp, gq = _g(r)
    f = lambda g: t**3 * g**2 / (1 - t**2 * g**2)
    return r**2 * (2 * f(gp) + f(gq)), r**2 * 2 * f(gp), r**2 * f(gq)


def near_poles(delta: float, r0: float = 8.0, n: int = 4000) -> np.ndarray:
    """Real positions of the subradiant near-poles: local minima of |1 - t^2 g^2| on (0, r0]."""
    t = t_value(delta)
    r = np.geomspace(1e-3, r0, n)
    gp, gq = _g(r)
    pts = []
    for g in (gp, gq):
        a = np.abs(1 - t**2 * g**2)
        idx = np.where((a[1:-1] < a[:-2]) & (a[1:-1] < a[2:]))[0] + 1
        pts.extend(r[idx].tolist())
    return np.array(sorted(pts))


def loop_integral(delta: float, r0: float = 8.0, channel: int = 0) -> complex:
    """I(δ) (channel 0: total, 1: P part, 2: Q part) with peak-aware quadrature + rotated tail."""
    if not np.isfinite(delta):
        raise InputError(f"detuning must be finite, got {delta!r}")
    pts = [p for p in near_poles(delta, r0) if 0 < p < r0]
    fr = lambda r: loop_integrand(r, delta)[channel].real
    fi = lambda r: loop_integrand(r, delta)[channel].imag
    kw = dict(points=pts or None, limit=1000, epsabs=1e-11, epsrel=1e-10)
    near = quad(fr, 0, r0, **kw)[0] + 1j * quad(fi, 0, r0, **kw)[0]
    tail_f = lambda s: 1j * loop_integrand(r0 + 1j * s, delta)[channel]
    tail = (quad(lambda s: tail_f(s).real, 0, 40, limit=400, epsabs=1e-12)[0]
            + 1j * quad(lambda s: tail_f(s).imag, 0, 40, limit=400, epsabs=1e-12)[0])
    return near + tail


def sphere_pair_weight(r, radius: float):
    """Mean number of partners at distance r per dipole in a uniform sphere, relative to the bulk:
    1 - 3r/(4R) + r^3/(16R^3) for r < 2R (0 beyond)."""
    x = np.asarray(r, float) / radius
    return np.where(x < 2, 1 - 0.75 * x + x**3 / 16, 0.0)


def loop_integral_sphere(delta: float, radius: float) -> complex:
    """I(δ) for dipoles uniform in a sphere of radius R (finite-sample twin of the bulk integral):
    the bulk integrand times the pair-distance weight of ``sphere_pair_weight`` on [0, 2R]."""
    pts = [p for p in near_poles(delta, min(8.0, 2 * radius)) if 0 < p < 2 * radius]
    pts += list(np.arange(1.0, 2 * radius, 1.0))
    f = lambda r: loop_integrand(r, delta)[0] * sphere_pair_weight(r, radius)
    kw = dict(points=sorted(pts), limit=4000, epsabs=1e-10, epsrel=1e-9)
    return quad(lambda r: f(r).real, 0, 2 * radius, **kw)[0] + 1j * quad(lambda r: f(r).imag, 0,
                                                                          2 * radius, **kw)[0]


def loop_integral_mp(delta: float, r0: float = 8.0, dps: int = 30) -> mp.mpc:
    """mpmath referee for I(δ) on the same path (breakpoints at the near-poles)."""
    with mp.workdps(dps):
        t = 6 * mp.pi / (2 * mp.mpf(delta) + 1j)

        def f(r):
            e = mp.exp(1j * r) / (4 * mp.pi * r)
            gp = -e * (1 - 1 / (1j * r) - 1 / r**2)
            gq = -e * (2 / (1j * r) + 2 / r**2)
            h = lambda g: t**3 * g**2 / (1 - t**2 * g**2)
            return r**2 * (2 * h(gp) + h(gq))

        pts = [mp.mpf(0)] + [mp.mpf(p) for p in near_poles(delta, r0)] + [mp.mpf(r0)]
        near = mp.quad(f, pts, maxdegree=10)
        tail = mp.quad(lambda s: 1j * f(r0 + 1j * s), [0, 5, 40])
        return near + tail


def fig3_curve(delta: np.ndarray) -> dict[str, np.ndarray]:
    """Fig. 3: dipole–dipole DOS contribution in units N0 Q0 (4πn/k0^3)^2, from Eq. (22):
    ΔN2/N0 = -(Q0/3k^2) n^2 Im ∫d^3r Tr[...] → -(1/12π) Im I(δ); split into P and Q channels."""
    out = {"total": [], "P": [], "Q": []}
    for d in np.asarray(delta, float):
        for key, ch in (("total", 0), ("P", 1), ("Q", 2)):
            out[key].append(-loop_integral(d, channel=ch).imag / (12 * np.pi))
    return {k: np.array(v) for k, v in out.items()}


def fig4_second_order(delta: np.ndarray, radius: float | None = None) -> np.ndarray:
    """Fig. 4 bottom dashed line: (⟨Im T̃_mm⟩ - Im t̃)/(4πn/k0^3) at order n, T̃ = k0 T/6π:
    = Im I(δ)/(18π) (from Eq. (23) with ⟨Tr T_mm⟩ - 3t = n ∫d^3r Tr[t^3 G0^2/(1 - t^2 G0^2)]).
    With ``radius`` the finite-sphere pair weight is included (twin of a finite simulation)."""
    if radius is None:
        return np.array([loop_integral(d).imag / (18 * np.pi) for d in np.asarray(delta, float)])
    return np.array([loop_integral_sphere(d, radius).imag / (18 * np.pi) for d in np.asarray(delta, float)])


def appendix_a_trace_integral(r0: float = 10.0) -> dict[str, complex]:
    """∫d³r Tr G0(r)·H_T(kr) of Appendix A (k = 1), split into the contact term of G0 and r > 0.

    H_T(y) = (1/2){i e^{iy} Δ_y - d/dy[e^{iy}/(iy) + (e^{iy} - 1)/y²](1 - 3ŷŷ)}, H_T(0) = i/3 1;
    the contact term δ(r)/3k² of G0 contributes Tr[(1/3)(i/3)1] = i/3.  The r > 0 part: mpmath on
    [0, 0.05] (cancellations in H_T), QUADPACK to r0, then the contour r = r0 + is (Abel summation
    of the e^{2ir} far field).  The paper uses the total i/(4k²) below Eq. (A10).
    """

    def integrand(r, lib=np):
        e = lib.exp(1j * r)
        gp = -(e / (4 * lib.pi * r)) * (1 - 1 / (1j * r) - 1 / r**2)
        gq = -(e / (4 * lib.pi * r)) * (2 / (1j * r) + 2 / r**2)
        fp = e / r - e / (1j * r**2) + 1j * e / r**2 - 2 * (e - 1) / r**3
        hp = 0.5 * (1j * e - fp)
        return 4 * lib.pi * r**2 * (2 * gp * hp + gq * fp)

    with mp.workdps(40):
        small = complex(mp.quad(lambda r: integrand(r, mp), [0, mp.mpf("0.05")], method="gauss-legendre"))
    f = lambda r: integrand(r)
    mid = (quad(lambda r: f(r).real, 0.05, r0, limit=400)[0]
           + 1j * quad(lambda r: f(r).imag, 0.05, r0, limit=400)[0])
    g = lambda s: 1j * f(r0 + 1j * s)
    tail = (quad(lambda s: g(s).real, 0, 40, limit=400)[0]
            + 1j * quad(lambda s: g(s).imag, 0, 40, limit=400)[0])
    offorigin = small + mid + tail
    return {"contact": 1j / 3, "offorigin": offorigin, "total": 1j / 3 + offorigin}


def wl_radial_integral(p: float, r_cut: float = 3000.0) -> float:
    """∫₀^∞ dr (4/5 j₁(r) - 1/5 j₃(r))(4/5 j₁(pr) - 1/5 j₃(pr)) (k = 1), the J₀^MC integral below (69).

    Composite Gauss–Legendre (20 nodes per unit panel, vectorised) on [0, r_cut], plus the tail from
    the asymptotic form
    (4/5 j₁ - 1/5 j₃)(x) → -cos(x)/x, i.e. ∫_R^∞ cos(r) cos(pr)/(p r²) dr in closed form (sine integral);
    the neglected terms are O(1/R²).
    """
    from scipy.special import sici, spherical_jn

    if p <= 0:
        raise InputError(f"p must be > 0, got {p!r}")
    h = lambda x: 0.8 * spherical_jn(1, x) - 0.2 * spherical_jn(3, x)
    x, w = np.polynomial.legendre.leggauss(20)
    width = min(1.0, 2.0 / p)
    a = np.arange(0.0, r_cut, width)
    r = (a[:, None] + 0.5 * width * (x[None, :] + 1)).ravel()
    body = float(np.sum(np.tile(0.5 * width * w, a.size) * h(r) * h(p * r)))

    def cos_tail(a: float) -> float:  # ∫_R^∞ cos(a r)/r² dr
        if a == 0:
            return 1.0 / r_cut
        a = abs(a)
        si, _ = sici(a * r_cut)
        return np.cos(a * r_cut) / r_cut - a * (np.pi / 2 - si)

    tail = (cos_tail(1 - p) + cos_tail(1 + p)) / (2 * p)
    return float(body + tail)
