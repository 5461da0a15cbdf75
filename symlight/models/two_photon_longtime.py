"""Long-time forms of the diffusion-limit densities of seed 000_afe20a70b32bac1d.txt.

The densities (87)-(88) and (126)-(128) are k-integrals of a mode weight w_i(k1, k2) times
``P_i = sum_n s_n K(A_n, B_n; D_1i, D_2i, t)`` with the diffusion kernel of (D21)

    K = (l^2/(l^2 + 4 t D1))^{3/2} (l^2/(l^2 + 4 t D2))^{3/2} exp(-A/(l^2 + 4tD1) - B/(l^2 + 4tD2)),

(A_n, B_n) = (|x1-r1|^2, |x2-r2|^2), (|x1-r2|^2, |x2-r1|^2), (|x1-m|^2, |x2-m|^2), m = (r1+r2)/2,
s = (1, 1, 2S), S = sinc(k1|r1-r2|) sinc(k2|r1-r2|). Each mode i diffuses with its own (D_1i, D_2i)
(the solution (D21) of (83)/(117) mode by mode). The constants of (91)-(96), (129)-(134) are the
t^-3 and -t^-4 coefficients of the *integrand*; they are computed here by ``sympy.series`` in
1/t of the kernel (series is linear, so one generic kernel series serves every term). The numeric
twin fits C/t^3 - C'/t^4 + C''/t^5 to the quadrature density at three late times.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import sympy as sp

from symlight.errors import InputError
from symlight.models import two_photon_densities as dens

t, l, S = sp.symbols("t l_s S", positive=True)
A = sp.symbols("A1:4", positive=True)
B = sp.symbols("B1:4", positive=True)
_A, _B = sp.symbols("A B", positive=True)
_D1, _D2 = (sp.Symbol(nm, positive=True) ** 2 for nm in ("sD1", "sD2"))


def mode_symbols(names) -> dict[str, tuple[sp.Symbol, sp.Expr, sp.Expr]]:
    """(w_i, D_1i, D_2i) per mode name. D_ji = sD_ji**2 with positive symbols sD_ji = sqrt(D_ji), so
    the half-integer powers of the kernels are rational (fast, exact cancellation); weights are
    real (they may be negative)."""
    return {nm: (sp.Symbol(f"w_{nm}", real=True), sp.Symbol(f"sD_1{nm}", positive=True) ** 2,
                 sp.Symbol(f"sD_2{nm}", positive=True) ** 2) for nm in names}


def kernel(a, b, d1, d2, tt=t) -> sp.Expr:
    """Diffusion kernel (D21) of a Gaussian exp(-|x-r|^2/l^2) per particle."""
    s1, s2 = l ** 2 + 4 * tt * d1, l ** 2 + 4 * tt * d2
    return (l ** 2 / s1) ** sp.Rational(3, 2) * (l ** 2 / s2) ** sp.Rational(3, 2) * sp.exp(-a / s1 - b / s2)


@lru_cache(maxsize=1)
def kernel_series() -> tuple[sp.Expr, sp.Expr]:
    """(c3, c4) with K = c3/t^3 - c4/t^4 + O(t^-5), from sympy.series in e = 1/t."""
    e = sp.Symbol("e", positive=True)
    ser = sp.series(kernel(_A, _B, _D1, _D2, 1 / e), e, 0, 5).removeO()
    return sp.factor(ser.coeff(e, 3)), sp.factor(-ser.coeff(e, 4))


def density(pref: sp.Expr, modes: dict) -> sp.Expr:
    """pref * sum_i w_i [K(A1,B1) + K(A2,B2) + 2 S K(A3,B3)] with D_{j,i} of mode i."""
    return pref * sum(w * (kernel(A[0], B[0], d1, d2) + kernel(A[1], B[1], d1, d2)
                           + 2 * S * kernel(A[2], B[2], d1, d2)) for w, d1, d2 in modes.values())


def density_constants(pref: sp.Expr, modes: dict) -> tuple[sp.Expr, sp.Expr]:
    """(C_a, C_b) of density = C_a/t^3 - C_b/t^4 + O(t^-5), term by term from :func:`kernel_series`."""
    if modes == mode_symbols(list(modes)):
        return _density_constants_cached(sp.sympify(pref), tuple(modes))
    return _density_constants(pref, modes)


@lru_cache(maxsize=16)
def _density_constants_cached(pref: sp.Expr, names: tuple) -> tuple[sp.Expr, sp.Expr]:
    return _density_constants(pref, mode_symbols(names))


def _density_constants(pref: sp.Expr, modes: dict) -> tuple[sp.Expr, sp.Expr]:
    for nm, (_, d1, d2) in modes.items():
        if not all(isinstance(d, sp.Pow) and d.exp == 2 and d.base.is_Symbol for d in (d1, d2)):
            raise InputError(f"mode {nm!r}: diffusion coefficients must be sD**2 with a positive symbol "
                             f"sD (build the modes with mode_symbols), got {d1}, {d2}")
    c3, c4 = kernel_series()
    ca = cb = sp.Integer(0)
    for w, d1, d2 in modes.values():
        for n, sn in enumerate((1, 1, 2 * S)):
            sub = {_A: A[n], _B: B[n], _D1.base: d1.base, _D2.base: d2.base}
            ca += pref * w * sn * c3.xreplace(sub)
            cb += pref * w * sn * c4.xreplace(sub)
    return ca, cb


def per_mode(expr: sp.Expr, modes: dict) -> sp.Matrix:
    """Coefficients of each mode weight w_i of an expression linear in the weights (d/dw_i)."""
    return sp.Matrix([sp.diff(expr, w) for w, _, _ in modes.values()])


def series_check(pref: sp.Expr, modes: dict, point: dict, constants: tuple | None = None,
                 tv: float = 1e6) -> float:
    """mpmath twin (40 digits) at one parameter point: the density itself at a very large t against
    C_a/t^3 - C_b/t^4; returns |density - asymptote| t^3 / |C_a|, which is O(t^-2) (~1e-12 at
    t = 1e6) when both constants are right and O(1/t) when C_b is wrong. ``constants`` defaults
    to :func:`density_constants`; pass printed ones to test them."""
    import mpmath

    ca, cb = constants if constants is not None else density_constants(pref, modes)
    fa, fb = (sp.sympify(x).xreplace(point).evalf(40) for x in (ca, cb))
    f = sp.lambdify(t, density(pref, modes).xreplace(point), "mpmath")
    with mpmath.workdps(40):
        tt = mpmath.mpf(tv)
        res = (f(tt) - (mpmath.mpf(fa) / tt ** 3 - mpmath.mpf(fb) / tt ** 4)) * tt ** 3
        return float(abs(res) / abs(mpmath.mpf(fa)))


# ------------------------------------------------------------------ numeric grids (quadrature)
def grid_data(model: str = "reduced", s: dens.Setup | None = None, n: int = 40, kmax: float = 6.0,
              rule: str = "projection") -> dict:
    """Per-mode weights, rates and geometry of the derived densities on the quadrature grid
    (:func:`two_photon_densities.mode_grid`; ``"reduced"``: (87)-(88), ``"full"``: (126)-(128))."""
    return dens.mode_grid(model, s, rule=rule, n=n, kmax=kmax)


def fitted_constants(data: dict, key: str, t0: float = 2e3) -> tuple[float, float]:
    """(C_a, C_b) from density(t) = C_a/t^3 - C_b/t^4 + C_c/t^5 at t0, 2 t0, 4 t0 (3x3 solve)."""
    ts = np.array([t0, 2 * t0, 4 * t0])
    rhs = dens.densities_on_grid(data, ts)[key]
    M = np.stack([ts ** -3, -ts ** -4, ts ** -5], axis=1)
    sol = np.linalg.solve(M * ts[:, None] ** 3, rhs * ts ** 3)
    return float(sol[0]), float(sol[1])


def integrate_form(expr: sp.Expr, data: dict, key: str, modes: dict, pref: float = 1.0,
                   extra: dict | None = None) -> float:
    """sum over the k-grid of a constant's integrand ``expr`` (symbols of :func:`mode_symbols`,
    A_n, B_n, S, l_s; ``extra`` maps further symbols to grid keys such as "K1"). Mode i takes
    column i of the grid arrays; its weight symbol takes ``data["w"][key] / pref`` (the density is
    ``pref * sum_i w_i P_i``, so the printed weight symbols stand for the derived weights)."""
    names = list(modes)
    syms, vals = [S, l], [data["S"], data["ls"]]
    for n in range(3):
        syms += [A[n], B[n]]
        vals += list(data["AB"][n])
    for col, nm in enumerate(names):
        w, d1, d2 = modes[nm]
        syms += [w, d1.base, d2.base]
        vals += [data["w"][key][..., col] / pref, np.sqrt(data["D1"][..., col]),
                 np.sqrt(data["D2"][..., col])]
    for sym, val in (extra or {}).items():
        syms.append(sym)
        vals.append(data[val] if isinstance(val, str) else val)
    f = sp.lambdify(syms, expr, "numpy")
    return float(np.sum(f(*vals)))
