"""Diffusion-limit probability densities of two-photon light in a random medium.

Seed 000_afe20a70b32bac1d.txt, Secs. V.B and VI.A: Gaussian initial data (85)/(120), their Wigner
transforms (64), initial modal amplitudes (C5)/(123), diffusion of the first angular moments
(83)/(117) solved by (D21), and the densities (87)-(88), (126)-(128) by quadrature over (|k1|, |k2|).

Derivation used here (each step checked numerically in the tests):

* Wigner transform (64) (eps = 1) of ``phi_r(x) = exp(-|x-r|^2/(2 l^2))``:
  ``(l/sqrt(pi))^3 exp(-|x-r|^2/l^2) exp(-l^2 k^2)``; the cross term of ``phi_r1 phi_r2`` carries
  ``exp(i k.(r1-r2))`` around the midpoint; angular integration turns it into sinc factors.
* modal amplitudes at t = 0: ``a_i = v_i^T W0 v_i`` (projection on the invariant subspace,
  ``rule="projection"``) or the paper's diagonal matching (123) ``a = V^{-1} diag W0``
  (``rule="paper"``); both sum to W11 because V is doubly stochastic.
* each mode diffuses with (D_{1i}, D_{2i}); a Gaussian exp(-|x-r|^2/l^2) becomes
  ``(l^2/(l^2+4Dt))^{3/2} exp(-|x-r|^2/(l^2+4Dt))``.

Weights of the components (from (36)): |psi2|^2 = W11/2, |psi1|^2 = 2 W22/rho0, |a|^2 = W44/(2 rho0^2)
(4x4); for the 2x2 model (58): |psi2|^2 = W11/2, rho0 |psi1|^2 = W22.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from symlight.errors import InputError
from symlight.models.two_photon_medium import (
    check_parameters,
    kinetic_coefficients,
    reduced_kinetic_coefficients,
)


@dataclass
class Setup:
    """Dimensionless units of Figs. 2-8: Omega = G = 1, c/l_s = G -> c = l_s = 1 by default."""

    c: float = 1.0
    Omega: float = 1.0
    G: float = 1.0
    ls: float = 1.0
    rho0: float = 1.0
    Chat: float = 1.0  # white-noise spectrum (isotropic scattering); not given in the paper
    r1: tuple = (0.0, 0.0, 1.0)
    r2: tuple = (0.0, 0.0, -1.0)
    x1: tuple = (1.0, 0.0, 0.0)
    x2: tuple = (-1.0, 0.0, 0.0)

    def validate(self) -> None:
        check_parameters(c_val=self.c, Omega_val=self.Omega, G_val=self.G, rho0_val=self.rho0)
        if not (np.isfinite(self.ls) and self.ls > 0):
            raise InputError(f"source size l_s={self.ls!r} must be a positive finite length: otherwise "
                             "the Gaussian data (120) are not normalisable")
        for name in ("r1", "r2", "x1", "x2"):
            val = np.asarray(getattr(self, name), float)
            if val.shape != (3,) or not np.all(np.isfinite(val)):
                raise InputError(f"{name}={getattr(self, name)!r} must be a finite 3-vector")
        if not (np.isfinite(self.Chat) and self.Chat > 0):
            raise InputError(f"Chat={self.Chat!r} must be positive (white-noise spectrum, Eq. (57))")


def gaussian_wigner(x, k, r, ls) -> np.ndarray:
    """Closed-form Wigner transform (64) of exp(-|x-r|^2/(2 ls^2)) (3D, eps = 1)."""
    x, k, r = (np.asarray(a, float) for a in (x, k, r))
    return (ls / np.sqrt(np.pi)) ** 3 * np.exp(-np.sum((x - r) ** 2, -1) / ls ** 2
                                                - ls ** 2 * np.sum(k ** 2, -1))


def gaussian_cross_wigner(x, k, r1, r2, ls) -> np.ndarray:
    """Closed-form Wigner cross term int dy/(2pi)^3 e^{-ik.y} phi_r1(x-y/2) phi_r2(x+y/2)."""
    x, k, r1, r2 = (np.asarray(a, float) for a in (x, k, r1, r2))
    m = (r1 + r2) / 2
    return ((ls / np.sqrt(np.pi)) ** 3 * np.exp(-np.sum((x - m) ** 2, -1) / ls ** 2
                                                 - ls ** 2 * np.sum(k ** 2, -1))
            * np.exp(1j * np.sum(k * (r1 - r2), -1)))


def wigner_quadrature_1d(x: float, k: float, r1: float, r2: float, ls: float) -> complex:
    """Numeric twin of one Cartesian factor: int dy/(2pi) e^{-iky} phi_r1(x-y/2) phi_r2(x+y/2)."""
    from scipy.integrate import quad

    f = lambda y: np.exp(-(x - y / 2 - r1) ** 2 / (2 * ls ** 2) - (x + y / 2 - r2) ** 2 / (2 * ls ** 2))
    re = quad(lambda y: np.cos(k * y) * f(y), -40 * ls, 40 * ls, limit=200)[0]
    im = quad(lambda y: -np.sin(k * y) * f(y), -40 * ls, 40 * ls, limit=200)[0]
    return complex(re, im) / (2 * np.pi)


def norm_constant_sq(s: Setup) -> float:
    """C^2 of (122): ||phi_r1 phi_r2 + phi_r2 phi_r1||^2 = 2 (pi l^2)^3 (1 + exp(-|r1-r2|^2/(2 l^2)))."""
    d2 = float(np.sum((np.asarray(s.r1) - np.asarray(s.r2)) ** 2))
    return 2 * (np.pi * s.ls ** 2) ** 3 * (1 + np.exp(-d2 / (2 * s.ls ** 2)))


def initial_mode_weights(v: np.ndarray, rule: str = "projection") -> np.ndarray:
    """c_i with a_i(0) = c_i W11(0) for data in component 1 only: v_{1i}^2 or (V^{-1})_{i1} (123)."""
    if rule == "projection":
        return v[..., 0, :] ** 2
    if rule == "paper":
        V = v ** 2  # (V)_{ji} = v_{ji}^2: component j of eigenvector i (124)
        e1 = np.zeros(V.shape[:-1])
        e1[..., 0] = 1.0
        return np.linalg.solve(V, e1[..., None])[..., 0]
    raise InputError(f"rule={rule!r}: use 'projection' (v_i^T W0 v_i) or 'paper' (Eq. (123))")


def _spread(D, t, ls):
    return ls ** 2 + 4 * t * D


def _pair_gaussian(a2, b2, D1, D2, t, ls):
    s1, s2 = _spread(D1, t, ls), _spread(D2, t, ls)
    return (ls ** 2 / s1) ** 1.5 * (ls ** 2 / s2) ** 1.5 * np.exp(-a2 / s1 - b2 / s2)


def _geometry(s: Setup):
    x1, x2, r1, r2 = (np.asarray(a, float) for a in (s.x1, s.x2, s.r1, s.r2))
    m = (r1 + r2) / 2
    sq = lambda a: float(np.sum(a ** 2))
    return (sq(x1 - r1), sq(x2 - r2)), (sq(x1 - r2), sq(x2 - r1)), (sq(x1 - m), sq(x2 - m)), \
        float(np.linalg.norm(r1 - r2))


def k_grid(n: int = 96, kmax: float = 6.0) -> tuple[np.ndarray, np.ndarray]:
    """Gauss-Legendre nodes/weights on [0, kmax/l_s] for each |k| (document: n x n grid)."""
    x, w = np.polynomial.legendre.leggauss(n)
    k = (x + 1) * kmax / 2
    return k, w * kmax / 2


def _grid2(n: int, kmax: float):
    """n x (n+1) Gauss-Legendre product grid: distinct node sets keep |k1| != |k2|, where the
    paper's rule (123) is singular (V has two equal rows at |k1| = |k2|)."""
    ka, wa = k_grid(n, kmax)
    kb, wb = k_grid(n + 1, kmax)
    K1, K2 = np.meshgrid(ka, kb, indexing="ij")
    return K1, K2, np.outer(wa, wb)


def mode_grid(model: str = "full", s: Setup | None = None, *, rule: str = "projection", n: int = 96,
              kmax: float = 6.0) -> dict:
    """Per-mode k-integrands of the derived densities on the ``n x (n+1)`` grid: ``w[key]`` is the
    weight of mode i (without the diffusion kernels), with the rates ``D1``, ``D2`` (modes last), the
    sinc product ``S`` and the geometry ``AB`` of the three kernels. ``model="full"``: psi2, psi1, a
    of the 4x4 model (126)-(128); ``"reduced"``: psi2 and rho0 psi1 of the 2x2 model (87)-(88).
    ``rule`` picks the initial modal amplitudes (projection, or the paper's (123)/(C5))."""
    s = s or Setup()
    s.validate()
    K1, K2, W = _grid2(n, kmax / s.ls)
    (a1, b1), (a2, b2), (a3, b3), dist = _geometry(s)
    gauss = K1 ** 2 * K2 ** 2 * np.exp(-s.ls ** 2 * (K1 ** 2 + K2 ** 2)) * W
    if model == "reduced":
        # (85)-(86): psi2 = l^-3 [phi_r1 phi_r2 + phi_r2 phi_r1] (as printed, not normalised), so
        # W11 = 2 Wig(psi2), angular integral 32/pi; |psi2|^2 = W11/2 (16/pi), rho0 |psi1|^2 = W22 (32/pi)
        kc = reduced_kinetic_coefficients(K1, K2, c_val=s.c, Omega_val=s.Omega, G_val=s.G, Chat=s.Chat)
        base = (16 / np.pi) * gauss
        comp = {"psi2": (0, 1.0), "rho0_psi1": (1, 2.0)}
    elif model == "full":
        # W11 = Wig(F)/C^2 -> angular integral 16 l^6/(pi C^2) e^{-l^2 k^2}[...];
        # |psi2|^2 = W11/2 (base has the 1/2); |psi1|^2 = 2 W22/rho0; |a|^2 = W44/(2 rho0^2)
        kc = kinetic_coefficients(K1, K2, c_val=s.c, Omega_val=s.Omega, G_val=s.G, Chat=s.Chat)
        base = (8 * s.ls ** 6 / (np.pi * norm_constant_sq(s))) * gauss
        comp = {"psi2": (0, 1.0), "psi1": (1, 4.0 / s.rho0), "a": (3, 1.0 / s.rho0 ** 2)}
    else:
        raise InputError(f"model={model!r}: use 'full' (4x4, (126)-(128)) or 'reduced' (2x2, (87)-(88))")
    cw = initial_mode_weights(kc["v"], rule)
    weights = {key: wgt * base[..., None] * cw * kc["v"][..., j, :] ** 2 for key, (j, wgt) in comp.items()}
    sinc = np.sinc(K1 * dist / np.pi) * np.sinc(K2 * dist / np.pi)
    return {"w": weights, "D1": kc["D1"], "D2": kc["D2"], "S": sinc,
            "minD": float(min(np.min(kc["D1"]), np.min(kc["D2"]))), "K1": K1, "K2": K2,
            "AB": ((a1, b1), (a2, b2), (a3, b3)), "ls": s.ls}


def densities_on_grid(data: dict, times, *, asymptotic: bool = False) -> dict[str, np.ndarray]:
    """sum_k sum_i w_i [K(A1,B1) + K(A2,B2) + 2 S K(A3,B3)] at each time, for every key of
    ``data["w"]`` (:func:`mode_grid`); ``asymptotic`` uses the large-t kernel expansion."""
    kern = _pair_asymptotic if asymptotic else _pair_gaussian
    (a1, b1), (a2, b2), (a3, b3) = data["AB"]
    D1, D2, ls, ss = data["D1"], data["D2"], data["ls"], data["S"][..., None]
    times = np.atleast_1d(np.asarray(times, float))
    out = {key: [] for key in data["w"]}
    for t in times:
        T = kern(a1, b1, D1, D2, t, ls) + kern(a2, b2, D1, D2, t, ls) + 2 * ss * kern(a3, b3, D1, D2, t, ls)
        for key, w in data["w"].items():
            out[key].append(np.sum(w * T))
    return {k_: np.asarray(v_) for k_, v_ in out.items()} | {"t": times}


def densities(times, s: Setup | None = None, *, rule: str = "projection", n: int = 96,
              kmax: float = 6.0, asymptotic: bool = False) -> dict[str, np.ndarray]:
    """<|psi2|^2>, <|psi1|^2>, <|a|^2> at (x1, x2) for the 4x4 model, Eqs. (126)-(128) derived.

    Quadrature: ``n x n`` Gauss-Legendre on [0, kmax/l_s]^2 (the integrand carries
    exp(-l^2 (k1^2 + k2^2))). With ``asymptotic=True`` the diffusion kernels are replaced by their
    derived large-t expansion to O(t^-4) (cf. (129)-(134)).
    """
    return densities_on_grid(mode_grid("full", s, rule=rule, n=n, kmax=kmax), times, asymptotic=asymptotic)


@lru_cache(maxsize=1)
def _asymptotic_kernel():
    """c3/t^3 - c4/t^4 of the kernel (D21), from its SymPy series in 1/t
    (:func:`two_photon_longtime.kernel_series`), as a numpy function of (A, B, sqrt D1, sqrt D2, l, t)."""
    import sympy as sp

    from symlight.models import two_photon_longtime as lt

    c3, c4 = lt.kernel_series()
    return sp.lambdify((lt._A, lt._B, lt._D1.base, lt._D2.base, lt.l, lt.t), c3 / lt.t ** 3 - c4 / lt.t ** 4,
                       "numpy")


def _pair_asymptotic(a2, b2, D1, D2, t, ls):
    """Derived large-t expansion of _pair_gaussian to O(t^-4) (includes the -3 l^2/(8 D t) terms)."""
    return _asymptotic_kernel()(a2, b2, np.sqrt(D1), np.sqrt(D2), ls, t)


def total_probability_t0(s: Setup | None = None, *, rule: str = "projection", n: int = 96,
                         kmax: float = 6.0) -> float:
    """int d^3x1 d^3x2 of the derived norm density (14) at t = 0 (should be 1): the spatial
    Gaussians integrate to (pi l^2)^3 each, and sum_j v_ji^2 = 1."""
    s = s or Setup()
    s.validate()
    K1, K2, W = _grid2(n, kmax / s.ls)
    kc = kinetic_coefficients(K1, K2, c_val=s.c, Omega_val=s.Omega, G_val=s.G, Chat=s.Chat)
    cw = initial_mode_weights(kc["v"], rule).sum(-1)
    dist = float(np.linalg.norm(np.asarray(s.r1) - np.asarray(s.r2)))
    ss = np.sinc(K1 * dist / np.pi) * np.sinc(K2 * dist / np.pi)
    base = 2 * (8 * s.ls ** 6 / (np.pi * norm_constant_sq(s))) * K1 ** 2 * K2 ** 2 \
        * np.exp(-s.ls ** 2 * (K1 ** 2 + K2 ** 2)) * W
    # 2|psi2|^2 + rho0/2 |psi1|^2 + rho0/2 |psi1~|^2 + 2 rho0^2 |a|^2 = sum_j W_jj
    return float(np.sum(base * cw * (2 + 2 * ss)) * (np.pi * s.ls ** 2) ** 3)


def densities_reduced(times, s: Setup | None = None, *, rule: str = "projection", n: int = 96,
                      kmax: float = 6.0, asymptotic: bool = False) -> dict[str, np.ndarray]:
    """<|psi2|^2> and rho0 <|psi1|^2> of the 2x2 model (stimulated emission), Eqs. (87)-(88) derived,
    from the initial data (85)-(86) (see :func:`mode_grid`)."""
    return densities_on_grid(mode_grid("reduced", s, rule=rule, n=n, kmax=kmax), times, asymptotic=asymptotic)
