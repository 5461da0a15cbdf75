"""Two-photon light in a medium of two-level atoms: the homogeneous symbol and its spectrum.

Seed 000_afe20a70b32bac1d.txt, Sec. IV and Appendices C, E. With ``G = g*sqrt(rho0)`` (a
frequency) the Fourier symbol of the 4x4 system (37) is Eq. (40); the reduced stimulated-emission
model of Sec. V has the 2x2 symbol (69). Everything here is *derived* from these matrices:

* the characteristic polynomial of (40) is biquadratic in ``mu = lambda - b1`` (b1 = mean of the
  diagonal), which gives the closed-form eigenvalues (41)-(43);
* eigenvectors with ``v4 = 1`` from the first three rows of ``(A - lambda) v = 0``, reduced modulo
  the characteristic polynomial to cubics in lambda (the form of (44)-(47));
* speed factors by Hellmann-Feynman: ``d lambda_i / d(c|k1|) = v_i^T (dA/d(c|k1|)) v_i``
  (Eqs. (81), (111)-(112)); for (40) ``dA/d(c|k1|) = diag(1, 0, 1, 0)`` so ``sum_i f1i = 2``;
* scattering coefficients from the golden-rule limit of the multiscale expansion
  (Eqs. (78)-(79), (113)-(114)) in the units of the kinetic equation ``(1/c) d_t a + ...``
  (so mu is an inverse length), and diffusion coefficients ``D = c f^2 / (3 mu)`` (84), (118)-(119).

Units: ``c`` length/time, ``Omega`` and ``G`` 1/time, ``g`` length^{3/2}/time, ``rho0`` 1/length^3,
wavenumbers 1/length, the correlation spectrum ``Chat`` length^3 (see :data:`DIMENSIONS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

from symlight.errors import InputError
from symlight.numerics.units import length, time

k1, k2 = sp.symbols("k1 k2", positive=True)  # |k1|, |k2|
c, Omega, G = sp.symbols("c Omega G", positive=True)
g, rho0 = sp.symbols("g rho0", positive=True)
lam, mu = sp.symbols("lambda mu")
Chat0 = sp.Symbol("Chat0", positive=True)  # white-noise correlation spectrum (length^3)

#: dimensions of every symbol used by the printed and derived formulas of this seed
DIMENSIONS = {
    "k1": 1 / length, "k2": 1 / length, "c": length / time, "Omega": 1 / time, "G": 1 / time,
    "g": length ** sp.Rational(3, 2) / time, "rho0": length ** -3, "lambda": 1 / time,
    "mu": 1 / time, "Chat0": length ** 3, "Chat": length ** 3, "t": time, "l_s": length,
    "Lambda": length, "z": 1 / time, "x": length,
}


def check_parameters(*, c_val: float = 1.0, Omega_val: float = 1.0, G_val: float = 1.0,
                     g_val: float | None = None, rho0_val: float | None = None) -> None:
    """InputError for a non-positive speed/frequency, negative coupling or non-positive density."""
    if rho0_val is not None and not (np.isfinite(rho0_val) and rho0_val > 0):
        raise InputError(f"atomic density rho0={rho0_val!r} must be a positive number (Eq. (55))")
    if g_val is not None and not (np.isfinite(g_val) and g_val >= 0):
        raise InputError(f"coupling g={g_val!r} must be a non-negative number (Eq. (11))")
    if not (np.isfinite(G_val) and G_val >= 0):
        raise InputError(f"coupling G=g*sqrt(rho0)={G_val!r} must be non-negative")
    if not (np.isfinite(c_val) and c_val > 0):
        raise InputError(f"speed of light c={c_val!r} must be positive")
    if not (np.isfinite(Omega_val) and Omega_val > 0):
        raise InputError(f"atomic frequency Omega={Omega_val!r} must be positive")


# ----------------------------------------------------------------------------- symbols (40), (69)
def symbol_matrix() -> sp.Matrix:
    """The 4x4 symbol A(k1, k2) of Eq. (40), with G = g sqrt(rho0)."""
    return sp.Matrix([[c * k1 + c * k2, G, G, 0],
                      [G, c * k2 + Omega, 0, -G],
                      [G, 0, c * k1 + Omega, G],
                      [0, -G, G, 2 * Omega]])


def reduced_symbol_matrix() -> sp.Matrix:
    """The 2x2 symbol of Eq. (69) (stimulated emission, a = 0)."""
    d = c * (k1 + k2) / 2
    return sp.Matrix([[2 * d, sp.sqrt(2) * G], [sp.sqrt(2) * G, d + Omega]])


def symbol_matrix_numeric(k1v, k2v, *, c_val=1.0, Omega_val=1.0, G_val=1.0) -> np.ndarray:
    """Eq. (40) on arrays of |k1|, |k2| (broadcast): shape (..., 4, 4)."""
    check_parameters(c_val=c_val, Omega_val=Omega_val, G_val=G_val)
    a, b = np.broadcast_arrays(np.asarray(k1v, float), np.asarray(k2v, float))
    A = np.zeros(a.shape + (4, 4))
    A[..., 0, 0] = c_val * (a + b)
    A[..., 1, 1] = c_val * b + Omega_val
    A[..., 2, 2] = c_val * a + Omega_val
    A[..., 3, 3] = 2 * Omega_val
    for (i, j), s in {(0, 1): 1, (0, 2): 1, (1, 3): -1, (2, 3): 1}.items():
        A[..., i, j] = A[..., j, i] = s * G_val
    return A


# ----------------------------------------------------------------------------- spectrum (41)-(43)
@lru_cache(maxsize=1)
def characteristic_data() -> dict[str, sp.Expr]:
    """Derive b1, b2, b3 of (41)-(43) from det(A - lambda) = 0.

    b1 is the mean of the diagonal; with lambda = b1 + mu the polynomial is ``mu^4 + p mu^2 + q``
    (odd coefficients vanish - checked, not assumed), so ``mu^2 = (-p +- sqrt(p^2 - 4q))/2``,
    i.e. ``lambda = b1 +- sqrt(b2 +- 2 sqrt(b3))/2`` with ``b2 = -2p`` and ``b3 = p^2 - 4q``.
    """
    A = symbol_matrix()
    char = sp.expand((A - lam * sp.eye(4)).det(method="berkowitz"))  # division-free: fast for symbols
    b1 = sp.expand(A.trace() / 4)
    shifted = sp.Poly(char.xreplace({lam: b1 + mu}), mu)
    coeffs = shifted.all_coeffs()  # mu^4, mu^3, mu^2, mu, 1
    odd = [sp.expand(coeffs[1]), sp.expand(coeffs[3])]
    p, q = sp.expand(coeffs[2] / coeffs[0]), sp.expand(coeffs[4] / coeffs[0])
    return {"char": char, "b1": b1, "b2": sp.expand(-2 * p), "b3": sp.expand(p ** 2 - 4 * q),
            "odd_mu3": odd[0], "odd_mu1": odd[1], "p": p, "q": q}


def eigenvalue_closed_forms() -> list[sp.Expr]:
    """lambda_1..4 as labelled in (41): b1 -+ sqrt(b2 - 2 sqrt b3)/2, b1 -+ sqrt(b2 + 2 sqrt b3)/2."""
    d = characteristic_data()
    b1, b2, b3 = d["b1"], d["b2"], d["b3"]
    r_minus, r_plus = sp.sqrt(b2 - 2 * sp.sqrt(b3)) / 2, sp.sqrt(b2 + 2 * sp.sqrt(b3)) / 2
    return [b1 - r_minus, b1 + r_minus, b1 - r_plus, b1 + r_plus]


@lru_cache(maxsize=1)
def _closed_form_numeric():
    d = characteristic_data()
    return sp.lambdify((k1, k2, c, Omega, G), (d["b1"], d["b2"], d["b3"]), "numpy", cse=True)


def eigenvalues_closed(k1v, k2v, *, c_val=1.0, Omega_val=1.0, G_val=1.0) -> np.ndarray:
    """Closed forms (41)-(43) evaluated on arrays: shape (..., 4), paper's order lambda_1..4."""
    check_parameters(c_val=c_val, Omega_val=Omega_val, G_val=G_val)
    b1, b2, b3 = _closed_form_numeric()(np.asarray(k1v, float), np.asarray(k2v, float),
                                        c_val, Omega_val, G_val)
    s3 = np.sqrt(np.maximum(b3, 0.0))
    rm, rp = np.sqrt(np.maximum(b2 - 2 * s3, 0.0)) / 2, np.sqrt(b2 + 2 * s3) / 2
    return np.stack(np.broadcast_arrays(b1 - rm, b1 + rm, b1 - rp, b1 + rp), axis=-1)


# ----------------------------------------------------------------------------- eigenvectors (44)-(47)
@lru_cache(maxsize=1)
def eigenvector_polynomials() -> list[sp.Expr]:
    """Derived (v1, v2, v3, v4=1) as polynomials in lambda of degree <= 3 (cf. (44)-(47)).

    Rows 2-4 of ``(A - lambda) v = 0`` with v4 = 1 fix v2, v3 (rows 2, 3 need v1; row 4 links
    v2, v3); we solve rows 2-4 for (v1, v2, v3), then reduce modulo the characteristic polynomial.
    Valid where |k1| != |k2| (the printed forms divide by c(|k1| - |k2|) too).
    """
    A = symbol_matrix()
    v1, v2, v3 = sp.symbols("v1 v2 v3")
    vec = sp.Matrix([v1, v2, v3, 1])
    eqs = list((A - lam * sp.eye(4)) * vec)[1:]
    sol = sp.solve(eqs, [v1, v2, v3], dict=True)[0]
    char = characteristic_data()["char"]
    out = []
    for s in (v1, v2, v3):
        num, den = sp.fraction(sp.together(sol[s]))
        # den is a polynomial in lambda; invert it modulo the char. polynomial
        inv = sp.invert(sp.Poly(den, lam), sp.Poly(char, lam))
        red = sp.rem(sp.Poly(sp.expand(num), lam) * inv, sp.Poly(char, lam))
        out.append(sp.factor_terms(sp.simplify(red.as_expr())))
    return out + [sp.Integer(1)]


# ----------------------------------------------------------------------------- numeric eigenpairs
@dataclass
class Eigenpairs:
    """Normalised eigenpairs of (40) on a grid, labelled as in (41): lambda[..., i], v[..., :, i]."""

    lam: np.ndarray
    v: np.ndarray

    @property
    def f1(self) -> np.ndarray:
        """Speed factor of particle 1, Eq. (111): v_i1^2 + v_i3^2 (Hellmann-Feynman)."""
        return self.v[..., 0, :] ** 2 + self.v[..., 2, :] ** 2

    @property
    def f2(self) -> np.ndarray:
        """Speed factor of particle 2, Eq. (112): v_i1^2 + v_i2^2."""
        return self.v[..., 0, :] ** 2 + self.v[..., 1, :] ** 2

    @property
    def K1(self) -> np.ndarray:
        """On-shell coupling K_{1,ii} = v_i^T K1 v_i = v1 v2 + v3 v4 (Eqs. (100), (E6))."""
        v = self.v
        return v[..., 0, :] * v[..., 1, :] + v[..., 2, :] * v[..., 3, :]

    @property
    def K2(self) -> np.ndarray:
        """On-shell coupling K_{2,ii} = v1 v3 - v2 v4 (Eqs. (100), (E7))."""
        v = self.v
        return v[..., 0, :] * v[..., 2, :] - v[..., 1, :] * v[..., 3, :]


def eigenpairs(k1v, k2v, *, c_val=1.0, Omega_val=1.0, G_val=1.0) -> Eigenpairs:
    """numpy.linalg.eigh of (40), columns reordered to the paper's labels (41) (3 < 1 < 2 < 4)."""
    A = symbol_matrix_numeric(k1v, k2v, c_val=c_val, Omega_val=Omega_val, G_val=G_val)
    w, v = np.linalg.eigh(A)  # ascending: lambda_3, lambda_1, lambda_2, lambda_4
    order = [1, 2, 0, 3]
    return Eigenpairs(w[..., order], v[..., :, order])


# ----------------------------------------------------------------------------- reduced 2x2 (C2)-(C9)
@lru_cache(maxsize=1)
def reduced_eigen() -> dict[str, sp.Expr]:
    """Derived eigenpairs of (69): lambda_+-, normalised v_+-, f_+- (Hellmann-Feynman), K_+-,+-."""
    A = reduced_symbol_matrix()
    d = c * (k1 + k2) / 2
    tr, det = A.trace(), A.det()
    disc = sp.sqrt(sp.expand(tr ** 2 - 4 * det))
    out: dict[str, sp.Expr] = {"d": d, "disc2": sp.factor(sp.expand(tr ** 2 - 4 * det))}
    dA = A.diff(k1) / c  # d/d(c|k1|)
    for sgn, name in ((1, "+"), (-1, "-")):
        lv = (tr + sgn * disc) / 2
        X = lv - d - Omega
        v = sp.Matrix([X, sp.sqrt(2) * G]) / sp.sqrt(X ** 2 + 2 * G ** 2)
        out[f"lambda{name}"] = lv
        out[f"v{name}"] = v
        # residual of the unnormalised vector: sqrt(...)^2 expands to its radicand, so expand suffices
        out[f"residual{name}"] = ((A - lv * sp.eye(2)) * sp.Matrix([X, sp.sqrt(2) * G])).applyfunc(sp.expand)
        out[f"f{name}"] = (v.T * dA * v)[0]
        out[f"dlam_dk1{name}"] = sp.diff(lv, k1)
        out[f"K{name}"] = v[0] * v[1]
    return out


def reduced_rates(*, coefficient: sp.Expr | None = None) -> dict[str, sp.Expr]:
    """Derived mu_{1,+-} (white noise Chat0) of the 2x2 kinetic equation (77), in 1/length.

    Golden-rule limit of the multiscale expansion (App. C) for a perturbation
    ``coefficient * eta(x1) * K``: rate (1/time) ``2 pi coef^2 K_{++}^2 |k1|^2 / |d lambda/d|k1||
    * int dk'/(2 pi)^3 Chat``; divided by c for the form (1/c) d_t a + ... of (77).
    ``coefficient`` defaults to the derived ``G/sqrt(2)`` (the printed (59) has ``G/2``).
    """
    coef = G / sp.sqrt(2) if coefficient is None else coefficient
    e = reduced_eigen()
    out = {}
    for name in ("+", "-"):
        jac = sp.Abs(e[f"dlam_dk1{name}"])
        ang = 4 * sp.pi * Chat0 / (2 * sp.pi) ** 3
        out[f"mu1{name}"] = 2 * sp.pi * coef ** 2 * e[f"K{name}"] ** 2 * k1 ** 2 * ang / (c * jac)
    return out


def kinetic_coefficients(k1v, k2v, *, c_val=1.0, Omega_val=1.0, G_val=1.0,
                         Chat=1.0) -> dict[str, np.ndarray]:
    """Derived f_{1i}, f_{2i} (111)-(112), mu_{1i}, mu_{2i} (113)-(114) and D_{1i}, D_{2i}
    (118)-(119) for white-noise (isotropic) scattering with spectrum ``Chat`` (length^3).

    ``mu_{1i} = 2 pi G^2 K_{1,ii}^2 |k1|^2 (4 pi Chat/(2 pi)^3) / (c |d lambda_i/d|k1||)`` with
    ``d lambda_i/d|k1| = c f_{1i}`` (Hellmann-Feynman), i.e. ``G^2 K^2 |k1|^2 Chat/(pi c^2 f_{1i})``.
    """
    if not (np.isfinite(Chat) and Chat > 0):
        raise InputError(f"correlation spectrum Chat={Chat!r} must be positive (Eq. (57))")
    ep = eigenpairs(k1v, k2v, c_val=c_val, Omega_val=Omega_val, G_val=G_val)
    k1a = np.asarray(k1v, float)[..., None]
    k2a = np.asarray(k2v, float)[..., None]
    ang = 4 * np.pi * Chat / (2 * np.pi) ** 3
    with np.errstate(divide="ignore", invalid="ignore"):
        mu1 = 2 * np.pi * G_val ** 2 * ep.K1 ** 2 * k1a ** 2 * ang / (c_val * c_val * ep.f1)
        mu2 = 2 * np.pi * G_val ** 2 * ep.K2 ** 2 * k2a ** 2 * ang / (c_val * c_val * ep.f2)
        D1 = c_val * ep.f1 ** 2 / (3 * mu1)
        D2 = c_val * ep.f2 ** 2 / (3 * mu2)
    return {"lam": ep.lam, "v": ep.v, "f1": ep.f1, "f2": ep.f2, "mu1": mu1, "mu2": mu2,
            "D1": D1, "D2": D2, "K1": ep.K1, "K2": ep.K2}


def reduced_kinetic_coefficients(k1v, k2v, *, c_val=1.0, Omega_val=1.0, G_val=1.0, Chat=1.0,
                                 coefficient: float | None = None) -> dict[str, np.ndarray]:
    """Numeric f_+-, mu_{j,+-}, D_{j,+-} of the 2x2 model (69), labels [+, -] on the last axis.

    f = v1^2 + v2^2/2 for both particles (dA/d(c|k_j|) = diag(1, 1/2)); the rates use the
    perturbation ``coefficient * eta(x_j) K`` with the derived coefficient G/sqrt(2) by default
    (Eq. (59) prints G/2), ``mu_j = 2 pi coef^2 K^2 |k_j|^2 (4 pi Chat/(2pi)^3) / (c^2 f)``.
    """
    check_parameters(c_val=c_val, Omega_val=Omega_val, G_val=G_val)
    if not (np.isfinite(Chat) and Chat > 0):
        raise InputError(f"correlation spectrum Chat={Chat!r} must be positive (Eq. (57))")
    a, b = np.broadcast_arrays(np.asarray(k1v, float), np.asarray(k2v, float))
    d = c_val * (a + b) / 2
    A = np.zeros(a.shape + (2, 2))
    A[..., 0, 0] = 2 * d
    A[..., 1, 1] = d + Omega_val
    A[..., 0, 1] = A[..., 1, 0] = np.sqrt(2) * G_val
    w, v = np.linalg.eigh(A)
    lamv, v = w[..., ::-1], v[..., :, ::-1]  # [+, -]
    f = v[..., 0, :] ** 2 + v[..., 1, :] ** 2 / 2
    K = v[..., 0, :] * v[..., 1, :]
    coef = G_val / np.sqrt(2) if coefficient is None else coefficient
    ang = 4 * np.pi * Chat / (2 * np.pi) ** 3
    with np.errstate(divide="ignore", invalid="ignore"):
        mu1 = 2 * np.pi * coef ** 2 * K ** 2 * a[..., None] ** 2 * ang / (c_val ** 2 * f)
        mu2 = 2 * np.pi * coef ** 2 * K ** 2 * b[..., None] ** 2 * ang / (c_val ** 2 * f)
    return {"lam": lamv, "v": v, "f1": f, "f2": f, "mu1": mu1, "mu2": mu2,
            "D1": c_val * f ** 2 / (3 * mu1), "D2": c_val * f ** 2 / (3 * mu2)}
