"""Dipole–dipole contribution to the DOS versus pair distance, seed 003 Fig. 2 and Eqs. (21)–(22).

With G0(r ≠ 0) = -e^{ikr}/(4πr)[P Δ_r + Q r̂r̂] (eigenvalues g_P twice, g_Q once) the second term
of (22) is, in the units of Figs. 2–3 (N0 Q0 (4πn/k0³)², k = k0 = 1, t = 6π/(2δ + i)),

    ΔN₂/N0 = ∫_0^∞ dr [U_P(r) + U_Q(r)],
    U_P(r) = -(1/12π) Im[r² 2 t³g_P²/(1 - t²g_P²)],   U_Q(r) = -(1/12π) Im[r² t³g_Q²/(1 - t²g_Q²)].

The log form (21), -(n²/4πc0) d/dk Im Tr ∫d³r ln[1 - t²G0²], becomes with dk = (Q0/k0) dδ (G0 held
at k0, as in the simulations) -(1/8) d/dδ Im ∫ r² dr Tr ln[1 - t²G0²] in the same units.

Quadrature (``pair_integral``): composite Gauss–Legendre on geometric panels near r = 0 (the
integrand tends to -t r², the log to ln r^-6) and fine uniform panels to r0 (subradiant near-poles
resolved), then the contour r = r0 + is (Abel summation of the e^{2ir} far field).  The log is
continued along the path from the far end inward (phase unwrapped), so it is the branch that tends to
0 at infinity and is smooth in δ.  Eigenvalues come from the generated kernel of ``greens.dyadic``.
"""

from __future__ import annotations

import numpy as np

from symlight.errors import InputError
from symlight.greens.dyadic import _pq_kernel
from symlight.greens.tmatrix import t_value  # t = 6π/(2δ + i), Eq. (10) at k0 = 1


def _eig(r: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    gp, gq = _pq_kernel()(np.asarray(r, complex))
    return np.asarray(gp), np.asarray(gq)


def pair_integrands(r: np.ndarray, delta: float) -> tuple[np.ndarray, np.ndarray]:
    """Complex r² 2t³g_P²/(1 - t²g_P²) and r² t³g_Q²/(1 - t²g_Q²) (r may be complex)."""
    if not np.isfinite(delta):
        raise InputError(f"detuning δ must be finite, got {delta!r}")
    t = t_value(delta)
    gp, gq = _eig(r)
    f = lambda g: t**3 * g**2 / (1 - t**2 * g**2)
    r = np.asarray(r)
    return r**2 * 2 * f(gp), r**2 * f(gq)


def u_channels(r: np.ndarray, delta: float) -> tuple[np.ndarray, np.ndarray]:
    """Fig. 2: (U_P(r), U_Q(r)) in units N0 Q0 (4πn/k0³)² per unit k0 r, for real r > 0."""
    rr = np.asarray(r, float)
    if np.any(rr <= 0):
        raise InputError("U_P, U_Q are defined for pair distances r > 0 (the dipoles must not overlap)")
    fp, fq = pair_integrands(rr, delta)
    return -fp.imag / (12 * np.pi), -fq.imag / (12 * np.pi)


def log_integrands(r: np.ndarray, delta: float) -> tuple[np.ndarray, np.ndarray]:
    """r² 2 ln(1 - t²g_P²) and r² ln(1 - t²g_Q²), principal branch (unwrap along a path afterwards)."""
    t = t_value(delta)
    gp, gq = _eig(r)
    r = np.asarray(r)
    return np.log(1 - t**2 * gp**2), np.log(1 - t**2 * gq**2)


def _path(r0: float, width: float, nodes: int, tail: float) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights from the far end of the tail r0 + i·tail inward to r → 0 (in that order)."""
    x, w = np.polynomial.legendre.leggauss(nodes)
    geo = np.geomspace(1e-7, 0.05, 60)
    edges = np.concatenate([[0.0], geo, np.arange(0.05 + width, r0 + width / 2, width)])
    edges[-1] = r0
    a, b = edges[:-1], edges[1:]
    rn = (0.5 * (b - a)[:, None] * (x[None, :] + 1) + a[:, None]).ravel()
    rw = (0.5 * (b - a)[:, None] * w[None, :]).ravel()
    s_edges = np.linspace(0.0, tail, int(tail / 0.5) + 1)
    a, b = s_edges[:-1], s_edges[1:]
    sn = (0.5 * (b - a)[:, None] * (x[None, :] + 1) + a[:, None]).ravel()
    sw = (0.5 * (b - a)[:, None] * w[None, :]).ravel()
    # from the far end inward: tail reversed (dr = i ds, traversed backwards), then real axis reversed
    pts = np.concatenate([(r0 + 1j * sn)[::-1], rn[::-1]])
    wts = np.concatenate([-(1j * sw)[::-1], -rw[::-1]])
    return pts, wts


def pair_integral(delta: float, *, form: str = "rational", r0: float = 8.0, width: float = 0.005,
                  nodes: int = 12, tail: float = 30.0) -> tuple[complex, complex]:
    """(P, Q) channel integrals ∫_0^∞ dr of ``pair_integrands`` (form "rational") or of r²·(unwrapped
    log) (form "log"), on the path of ``_path`` (oriented 0 → r0 → r0 + i∞ in the result)."""
    pts, wts = _path(r0, width, nodes, tail)
    if form == "rational":
        fp, fq = pair_integrands(pts, delta)
    elif form == "log":
        lp, lq = log_integrands(pts, delta)
        # continuous branch: unwrap the phase from the far end (where ln → 0) inward
        fp = pts**2 * 2 * (lp.real + 1j * np.unwrap(lp.imag))
        fq = pts**2 * (lq.real + 1j * np.unwrap(lq.imag))
    else:
        raise InputError(f"form {form!r} must be 'rational' (Eq. (22)) or 'log' (Eq. (21))")
    return complex(-np.sum(wts * fp)), complex(-np.sum(wts * fq))


def dos_loop_from_u(delta: float, **kw) -> dict[str, float]:
    """∫U_P dr, ∫U_Q dr and their sum (the second term of (22), Fig. 3 units) by ``pair_integral``."""
    ip, iq = pair_integral(delta, **kw)
    up, uq = -ip.imag / (12 * np.pi), -iq.imag / (12 * np.pi)
    return {"P": up, "Q": uq, "total": up + uq}


def dos_loop_from_log(delta: float, h: float = 1e-3, **kw) -> float:
    """The same quantity from the log form (21): -(1/8) d/dδ Im ∫ r² Tr ln[1 - t²G0²] dr, by a
    4th-order central difference in δ on one fixed path."""
    if not h > 0:
        raise InputError(f"finite-difference step h={h!r} must be > 0 (in units of δ)")
    f = lambda d: sum(pair_integral(d, form="log", **kw)).imag
    der = (-f(delta + 2 * h) + 8 * f(delta + h) - 8 * f(delta - h) + f(delta - 2 * h)) / (12 * h)
    return -der / 8


def subradiant_peak(delta: float, channel: str, r_max: float = 3.0, n: int = 20000) -> dict[str, float]:
    """Largest |U_channel(r)| on (0.05, r_max] relative to its near-field limit scale: a subradiant peak
    shows as a narrow maximum of |1 - t²g²|^{-1}; returns min |1 - t²g²| and where it sits."""
    if channel not in ("P", "Q"):
        raise InputError(f"channel {channel!r} must be 'P' (field ⊥ r) or 'Q' (field ∥ r)")
    if not (r_max > 0.05 and n >= 3):
        raise InputError(f"need r_max > 0.05 and n >= 3 grid points, got r_max={r_max!r}, n={n!r}")
    r = np.linspace(0.05, r_max, n)
    t = t_value(delta)
    gp, gq = _eig(r)
    g = gp if channel == "P" else gq
    a = np.abs(1 - t**2 * g**2)
    i = int(np.argmin(a))
    return {"min_abs": float(a[i]), "r": float(r[i]), "interior": bool(0 < i < n - 1)}
