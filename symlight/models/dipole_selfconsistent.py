"""Self-consistent theory of localization with longitudinal channels, seed 003 Eqs. (82)–(99).

Dimensionless variables: x = k_e ℓ, q = q_m ℓ (cut-off of diffusive modes), σ̂ = σ/σ_D = ℓ*/ℓ.
Coefficient functions as printed (Sec. VI B):

    c1 = 3q/(πx^2),  c2 = (3q/πx)(x^2 + 1/4)^{-1},  c3 = (x^2 + 1/4)^{-1},
    c4 = (3q/2π)(9/8 + x^2/2)(x^2 + 1/4)^{-2},
    d2 = (1/2)(3q/π)^2 x^{-1}(x^2 + 1/4)^{-3},  d3 = (3q/4π) x^{-1}(x^2 + 1/4)^{-2}.

(95)  σ̂0 = 1/(1 + c1/σ̂ + w/x),  w = 0.774 = 69π/280 (weak localization of two dipoles, (70));
(96)  σ̂2 = F c3 (1 - c4/σ̂)/(1 - (c2/σ̂)^2);   σ̂ = σ̂0 + σ̂2 → a cubic in σ̂.
The physical branch is the real root with σ̂ > c2 (minimum conductivity, Eq. (92)).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import numpy as np
import sympy as sp

from symlight.errors import InputError

W_LOC = 69 * np.pi / 280  # Eq. (70): ΔD0/D0 = -W_LOC/(kℓ) = -0.774/(kℓ)

xs, qs, Fs, ss = sp.symbols("x q F sigma", positive=True)


def coefficients_sym(x: sp.Expr = xs, q: sp.Expr = qs) -> dict[str, sp.Expr]:
    """The printed coefficient functions c1..c4, d2, d3 (Sec. VI B)."""
    h = x**2 + sp.Rational(1, 4)
    return {
        "c1": 3 * q / (sp.pi * x**2),
        "c2": (3 * q / (sp.pi * x)) / h,
        "c3": 1 / h,
        "c4": (3 * q / (2 * sp.pi)) * (sp.Rational(9, 8) + x**2 / 2) / h**2,
        "d2": sp.Rational(1, 2) * (3 * q / sp.pi) ** 2 / x / h**3,
        "d3": (3 * q / (4 * sp.pi)) / x / h**2,
    }


def cubic_sym(w: sp.Expr | None = None) -> sp.Poly:
    """(s(1+w/x) + c1)(s^2 - c2^2) - (s^2 - c2^2) - F c3 (s - c4)(s(1+w/x) + c1) = 0, a cubic in s.

    Obtained from σ̂ = σ̂0 + σ̂2 after division by σ̂ > 0 (derived here, not printed in the paper).
    """
    if w is None:
        w = sp.Rational(69, 280) * sp.pi
    c = coefficients_sym()
    a = 1 + w / xs
    lhs = (ss * a + c["c1"]) * (ss**2 - c["c2"] ** 2)
    rhs = (ss**2 - c["c2"] ** 2) + Fs * c["c3"] * (ss - c["c4"]) * (ss * a + c["c1"])
    return sp.Poly(sp.expand(lhs - rhs), ss)


def _coeffs(x: float, q: float) -> dict[str, float]:
    h = x * x + 0.25
    return {"c1": 3 * q / (np.pi * x * x), "c2": 3 * q / (np.pi * x) / h, "c3": 1 / h,
            "c4": 3 * q / (2 * np.pi) * (9 / 8 + x * x / 2) / h**2,
            "d2": 0.5 * (3 * q / np.pi) ** 2 / x / h**3, "d3": 3 * q / (4 * np.pi) / x / h**2}


def _validate(x: float, q: float, f: float) -> None:
    if not (np.isfinite(x) and x > 0):
        raise InputError(f"k_e ℓ must be a positive number, got {x!r}")
    if not (np.isfinite(q) and q >= 0):
        raise InputError(f"cut-off q = q_m ℓ must be >= 0, got {q!r}")
    if not np.isfinite(f):
        raise InputError(f"F(δ) must be finite, got {f!r}")
    if f < 0:
        warnings.warn(f"F(δ) = {f:.3g} < 0: negative J₂-channel conductivity; (96) assumes the positive "
                      "Drude-like extrapolation (seed 003 Sec. VI B) and may have no physical root",
                      UserWarning, stacklevel=3)
    if x < 0.5:
        warnings.warn(f"k_e ℓ = {x:.3g} < 1/2: evanescent regime; the bound switches to Eq. (94) "
                      "and Eq. (92) (used by c2) no longer applies", UserWarning, stacklevel=3)


def sigma_hat(x: float, q: float = 1.0, f: float = 1.0, w: float = W_LOC) -> float:
    """σ̂ = ℓ*/ℓ: the physical root (σ̂ > c2, real) of the cubic from (95)–(96)."""
    _validate(x, q, f)
    x, q, f = float(x), float(q), float(f)
    c = _coeffs(x, q)
    a = 1 + w / x
    c1, c2, c3, c4 = c["c1"], c["c2"], c["c3"], c["c4"]
    # (a s + c1)(s^2 - c2^2) - (s^2 - c2^2) - f c3 (s - c4)(a s + c1)
    p1 = np.array([a, c1], dtype=float)
    p2 = np.array([1.0, 0.0, -c2**2])
    p3 = np.array([1.0, -c4])
    poly = np.polysub(np.polysub(np.polymul(p1, p2), p2), float(f) * c3 * np.polymul(p3, p1))
    roots = np.roots(poly)
    real = roots[np.abs(roots.imag) < 1e-9 * max(1.0, np.max(np.abs(roots)))].real
    phys = real[real > c2 + 1e-12]
    if phys.size == 0:
        raise InputError(f"no physical root σ̂ > c2 = {c2:.3g} at k_eℓ = {x}, q = {q}, F = {f}")
    return float(phys.max())


@lru_cache(maxsize=1)
def _d3_derived_fn():
    return sp.lambdify((xs, qs), d_coefficients_derived()["d3"], "numpy")


def sigma_parts(x: float, q: float = 1.0, f: float = 1.0, w: float = W_LOC, *,
                d3: str = "printed") -> dict[str, float]:
    """σ̂ and its channels σ̂0 (95), σ̂2 (96), fictitious σ̂_I (98) and the bound c2 (92).

    ``d3="derived"`` uses d₃ derived from (48) with the bracket Re(G_LG_T) of (97) (see
    :func:`d_coefficients_derived`) instead of the printed d₃."""
    if d3 not in ("printed", "derived"):
        raise InputError(f"d3 must be 'printed' or 'derived', got {d3!r}")
    s = sigma_hat(x, q, f, w)
    c = _coeffs(x, q)
    if d3 == "derived":
        c["d3"] = float(_d3_derived_fn()(float(x), float(q)))
    s0 = 1 / (1 + c["c1"] / s + w / x)
    den = 1 - (c["c2"] / s) ** 2
    s2 = f * c["c3"] * (1 - c["c4"] / s) / den
    si = 1 / x + (c["d3"] / s - c["d2"] / s**2) / den
    return {"sigma": s, "sigma0": s0, "sigma2": s2, "sigmaI": si, "c2": c["c2"]}


def conventional_sigma(x: np.ndarray | float) -> np.ndarray:
    """Eq. (84) with q_m = 1/ℓ: σ̂ = 1 - 3/(π x^2) (transverse channel only)."""
    xx = np.asarray(x, float)
    return 1 - 3 / (np.pi * xx**2)


def lower_bound_kell_star(x: np.ndarray | float, q: float = 1.0, *, printed: bool = True) -> np.ndarray:
    """Minimum k_e ℓ*: Eq. (93) for x > 1/2; for x < 1/2 Eq. (94) as printed, or (``printed=False``)
    the bound derived with the same steps as (92) but |G_T| maximal at p = 0:
    k_e ℓ* > 3q x/(π (x^2 + 1/4)^2)."""
    xx = np.asarray(x, float)
    h = xx**2 + 0.25
    low = 3 * q / np.pi * xx**2 / h**3 if printed else 3 * q / np.pi * xx / h**2
    return np.where(xx > 0.5, 3 * q / np.pi / h, low)


def q_zero_sigma(x: np.ndarray | float, f: float = 1.0, w: float = W_LOC) -> np.ndarray:
    """Eq. (99) as printed: σ̂ = 1/(1 + w/x) + F/(x^2 + 1/4) for q = 0."""
    xx = np.asarray(x, float)
    return 1 / (1 + w / xx) + f / (xx**2 + 0.25)


@lru_cache(maxsize=8)
def shell_sums_sym(x: sp.Expr = xs) -> dict[str, sp.Expr]:
    """Σ_p |G_T|², Σ_p p²|G_T|⁴ (convergent) and Σ_p |G_T|⁴ in units ℓ = 1, K = x + i/2, by residues.

    Σ_p f(p) = (1/4π²)∫_{-∞}^{∞} p² f dp for even f; G_T = 1/(K² - p²) has its upper-half-plane poles
    at p = K and p = -K̄ (seed 003, text before (96): Σ_p |G_T|² = ℓ/4π).
    """
    return {"G2": _shell_sum(x, 0, 1), "p2G4": _shell_sum(x, 2, 2), "G4": _shell_sum(x, 0, 2)}


def _shell_sum(x: sp.Expr, pn: int, power: int) -> sp.Expr:
    """Σ_p p^pn |G_T|^(2·power) by the residues at p = K and p = -K̄ (units ℓ = 1, K = x + i/2)."""
    z = sp.Symbol("z")
    k, kb = x + sp.I / 2, x - sp.I / 2
    f = z ** (pn + 2) / ((k**2 - z**2) ** power * (kb**2 - z**2) ** power)
    res = sum(sp.residue(f, z, z0) for z0 in (k, -kb))
    return sp.factor(sp.simplify(2 * sp.pi * sp.I * res / (4 * sp.pi**2)))


def c4_derived(x: sp.Expr = xs, q: sp.Expr = qs, sums: dict[str, sp.Expr] | None = None) -> sp.Expr:
    """c₄ of (96) derived from (89)–(90): σ̂₂ ∝ -Σ p²[J₂ᴰ + (U/σ)C₂] with the denominator of (89) taken
    outside, so c₄/σ̂ = (U/σ) Σp²C₂ / Σp²(-J₂ᴰ).

    -J₂ᴰ = 2(k_e/ℓ)²|G_T|²/|K|⁴ (G_L = 1/K²), C₂ = (k_e/ℓ)²(|G_T|² + |K|⁴|G_T|⁴)/|K|⁸ (90);
    U/σ_D = (Im K²)² σ_c/σ_D = 3q/π (ℓ = 1).  Only the linearly divergent Σp²|G_T|² is regularised,
    Σp²|G_T|² → |K|²Σ|G_T|² (text before (96)); Σp²|G_T|⁴ converges and is kept exact.
    """
    s = sums if sums is not None else shell_sums_sym(x)
    h = x**2 + sp.Rational(1, 4)
    u = 3 * q / sp.pi
    return sp.factor(sp.simplify(u * (h * s["G2"] + h**2 * s["p2G4"]) / (2 * h**2 * h * s["G2"])))


def shell_sums_quad(x: float) -> dict[str, float]:
    """Numeric twin of :func:`shell_sums_sym` by radial quadrature (units ℓ = 1)."""
    from scipy.integrate import quad

    if not (np.isfinite(x) and x > 0):
        raise InputError(f"k_e ℓ must be a positive number, got {x!r}")
    k2 = (x + 0.5j) ** 2
    pk = np.sqrt(max(x * x - 0.25, 0.0))
    pts = [pk] if pk > 0 else None
    out = {}
    for name, f in (("G2", lambda p: p * p / abs(k2 - p * p) ** 2),
                    ("p2G4", lambda p: p**4 / abs(k2 - p * p) ** 4),
                    ("G4", lambda p: p * p / abs(k2 - p * p) ** 4)):
        a = quad(f, 0, 4 * (x + 1), points=pts, limit=500, epsabs=1e-13, epsrel=1e-11)[0]
        b = quad(f, 4 * (x + 1), np.inf, limit=500, epsabs=1e-13, epsrel=1e-11)[0]
        out[name] = (a + b) / (2 * np.pi**2)
    return out


def j3_solution_sym() -> dict[str, sp.Expr]:
    """J₂, J₃ from the last two lines of (88), solved exactly (u = U/σ, R = Re G_LḠ_T, I = Im G_LḠ_T,
    J₂ᴰ = −2 Im G_L Im G_T, J₃ᴰ = −I):  J₃ = −I[1 + u(R + J₂ᴰ)]/(1 − u²(R² + I²)), and
    R + J₂ᴰ = Re(G_L G_T) (the bracket of (97)), R² + I² = |G_L G_T|²."""
    u, rr, ii, j2d = sp.symbols("u R I J_2^D", real=True)
    j2, j3 = sp.symbols("J_2 J_3")
    sol = sp.solve([(1 + rr * u) * j2 + ii * u * j3 - j2d, ii * u * j2 + (1 - rr * u) * j3 + ii], [j2, j3],
                   dict=True)[0]
    return {"J2": sp.simplify(sol[j2]), "J3": sp.simplify(sol[j3]), "u": u, "R": rr, "I": ii, "J2D": j2d}


def d_coefficients_derived(x: sp.Expr = xs, q: sp.Expr = qs, *, bracket: str = "ReGLGT",
                           regularise_all: bool = True) -> dict[str, sp.Expr]:
    """d₂, d₃ of (98) from (48) with (97): σ̂_I − 1/x = (2/3σ_D)Σ_p p²(J₃ − J₃ᴰ),
    J₃ − J₃ᴰ = J₃ᴰ[uX + u²|G_LG_T|²]/det (exact rewrite of (97)), the denominator taken outside at
    its maximum 1 − (c₂/σ̂)² as for (96).  Units ℓ = 1, K = x + i/2, G_L = 1/K², u = (3q/π)/σ̂.

    X = Re(G_L G_T) (``bracket="ReGLGT"``, the exact solution of (88)) or Re(G_L Ḡ_T) (``"ReGLGTbar"``).
    The Kubo weight p² is replaced by |K|² (text before (96)); with ``regularise_all`` every further
    power p² beyond Σ_p p²|G_T|⁴ is replaced the same way, else the convergent Σ_p p⁴|G_T|⁴ is exact.
    Closed forms: I = x p²|G_T|²/|K|⁴, Re(G_LG_T) = (Re K̄⁴ − p² Re K²)|G_T|²/|K|⁴,
    Re(G_LḠ_T) = (|K|⁴ − p² Re K²)|G_T|²/|K|⁴, |G_LG_T|² = |G_T|²/|K|⁴.
    """
    h = x**2 + sp.Rational(1, 4)
    sums = shell_sums_sym(x)
    s2 = sums["p2G4"]  # Σ p²|G_T|⁴ = 1/8π
    s4 = h * s2 if regularise_all else _sum_p4_g4(x)
    rek2 = x**2 - sp.Rational(1, 4)
    rek4 = sp.expand(rek2**2 - x**2)
    top = rek4 if bracket == "ReGLGT" else h**2
    sigma_d_inv = 6 * sp.pi / x**2
    u1 = 3 * q / sp.pi
    # Σ_p (p² → |K|²) I X = h (x/|K|⁸)[top Σp⁴|G_T|⁴ ... ] with I X = x p²(top − p² Re K²)|G_T|⁴/|K|⁸
    sum_ix = h * x / h**4 * (top * s2 - rek2 * s4)
    sum_ig = h * x / h**4 * s2  # Σ (p² → |K|²) I |G_LG_T|² = h (x/|K|⁸) Σ p²|G_T|⁴
    d3 = -sp.Rational(2, 3) * sigma_d_inv * u1 * sum_ix
    d2 = sp.Rational(2, 3) * sigma_d_inv * u1**2 * sum_ig
    return {"d2": sp.factor(sp.simplify(d2)), "d3": sp.factor(sp.simplify(d3))}


@lru_cache(maxsize=8)
def _sum_p4_g4(x: sp.Expr = xs) -> sp.Expr:
    """Σ_p p⁴|G_T|⁴ (convergent) by residues, units ℓ = 1."""
    return _shell_sum(x, 4, 2)
