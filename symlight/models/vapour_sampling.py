"""Random atom pairs of a thermal vapour (seed 002_796c9b23bedf2618.txt, Sec. III).

Each pair gets positions, a common dipole orientation, Doppler detunings and drive phases;
``pair_parameters`` turns them into the pair model's parameters (``Omega1``, ``Omega2``,
``Delta1``, ``Delta2``, ``g12``, ``gamma12``), in units of Γ and with lengths in units of λ.

Choices offered (the paper's in brackets):

* positions: ``"box"`` [two atoms uniform in (0,L)×(-L/2,L/2)², redrawn while r12 < r_min =
  0.01λ, with L chosen so that the mean spacing equals r_av(T)], or ``"w3d"`` (r12 drawn from the
  nearest-neighbour law W3D of Eq. (20), truncated at r_min, isotropic direction, atom 1 at 0);
* dipoles: ``"fixed"`` (both along ``dipole_axis``) or ``"isotropic"`` (one random unit vector per
  pair, shared by both atoms as Eqs. (38)-(39) assume equal dipoles);
* Doppler: ``"window"`` [Δ_i = Δ_av + δ_i with δ_i Maxwell-Boltzmann but restricted to
  ±``window`` Γ, i.e. a truncated normal], ``"full"`` (untruncated) or ``"none"``;
* drive: Ω_i = Ω_R exp(-i k_L·r_i) with k_L = (2π/λ) x̂ (Sec. II.1, Fig. 1).

Every draw comes from the ``numpy.random.Generator`` passed in: seeded and reproducible.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import sympy
from scipy.special import ndtr, ndtri

from symlight.errors import InputError, describe
from symlight.models import vapour

#: The paper's minimum pair distance (Sec. III), in units of λ.
R_MIN_LAM = 0.01
#: The paper's Doppler window half-width (Sec. III), in units of Γ.
WINDOW_GAMMA = 5.0


@cache
def cube_mean_distance() -> tuple[sympy.Expr, float]:
    """Mean distance of two uniform points in the unit cube (Robbins' constant), exact and float.

    Δ = (4 + 17√2 - 6√3 - 7π)/105 + ln(1 + √2)/5 + 2 ln(2 + √3)/5 ≈ 0.661707 (cube line picking;
    checked against Monte Carlo in the tests).
    """
    s2, s3 = sympy.sqrt(2), sympy.sqrt(3)
    expr = ((4 + 17 * s2 - 6 * s3 - 7 * sympy.pi) / 105 + sympy.log(1 + s2) / 5
            + 2 * sympy.log(2 + s3) / 5)
    return expr, float(expr)


def box_side(r_av: float, r_min: float = R_MIN_LAM) -> float:
    """Side L of the paper's box such that the mean pair distance, given r12 ≥ r_min, is r_av.

    Uses Robbins' constant Δ: E[r] = Δ L; the rejection of r < r_min shifts the mean by the
    small-r law p(r) ≈ 4πr²/L³ (error O((r_min/L)^5)); L is found by fixed-point iteration.
    """
    if not (np.isfinite(r_av) and r_av > 0):
        raise InputError(f"mean spacing r_av={describe(r_av)} must be positive")
    if r_min < 0 or r_min >= r_av:
        raise InputError(f"minimum distance r_min={r_min!r} must be in [0, r_av={r_av!r})")
    delta = cube_mean_distance()[1]
    side = r_av / delta
    for _ in range(50):
        lost_mass = 4 * np.pi * r_min**3 / (3 * side**3)
        lost_mean = np.pi * r_min**4 / side**3
        new = (r_av * (1 - lost_mass) + lost_mean) / delta
        if abs(new - side) < 1e-15 * side:
            break
        side = new
    return float(side)


@dataclass
class PairSample:
    """P random pairs: positions (P,3) in λ, dipole unit vectors (P,3), detunings (P,) in Γ."""

    r1: np.ndarray
    r2: np.ndarray
    dipole: np.ndarray
    delta1: np.ndarray
    delta2: np.ndarray

    @property
    def size(self) -> int:
        return int(self.r1.shape[0])

    @property
    def distance(self) -> np.ndarray:
        """|r12| in units of λ."""
        return np.linalg.norm(self.r1 - self.r2, axis=1)

    @property
    def cos_theta(self) -> np.ndarray:
        """cos θ_dd = e_d · e_r12 (Eqs. (38)-(39))."""
        r12 = self.r1 - self.r2
        return np.einsum("pi,pi->p", self.dipole, r12) / self.distance


def _unit_vectors(rng: np.random.Generator, n: int) -> np.ndarray:
    v = rng.normal(size=(n, 3))
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _check_count(n_pairs: int) -> int:
    if not isinstance(n_pairs, int | np.integer) or n_pairs < 1:
        raise InputError(f"n_pairs={describe(n_pairs)} must be a positive integer (at least one pair)")
    return int(n_pairs)


def sample_positions(rng: np.random.Generator, n_pairs: int, r_av_lam: float, *,
                     method: str = "box", r_min_lam: float = R_MIN_LAM) -> tuple[np.ndarray, np.ndarray]:
    """Positions (r1, r2), each (P,3) in units of λ, with |r12| ≥ r_min and mean ≈ r_av."""
    n = _check_count(n_pairs)
    if not (np.isfinite(r_av_lam) and r_av_lam > 0):
        raise InputError(f"mean spacing r_av={describe(r_av_lam)} (units of λ) must be positive")
    if method == "box":
        side = box_side(r_av_lam, r_min_lam)
        lo, hi = np.array([0.0, -side / 2, -side / 2]), np.array([side, side / 2, side / 2])
        r1 = np.empty((n, 3))
        r2 = np.empty((n, 3))
        todo = np.arange(n)
        while todo.size:
            a = lo + (hi - lo) * rng.random((todo.size, 3))
            b = lo + (hi - lo) * rng.random((todo.size, 3))
            r1[todo], r2[todo] = a, b
            todo = todo[np.linalg.norm(a - b, axis=1) < r_min_lam]
        return r1, r2
    if method == "w3d":
        # W3D with density N such that its mean is r_av: (4π/3) N = (Γ(4/3) / r_av)^3.
        lam3 = (math.gamma(4.0 / 3.0) / r_av_lam) ** 3  # (4π/3) N in units of λ^-3
        # inverse CDF of the law truncated at r_min: P(r > x) = exp(-lam3 (x^3 - r_min^3))
        u = rng.random(n)
        r = np.cbrt(r_min_lam**3 - np.log1p(-u) / lam3)
        r2 = r[:, None] * _unit_vectors(rng, n)
        return np.zeros((n, 3)), r2
    raise InputError(f"positions method {method!r} is not one of 'box', 'w3d'")


def sample_dipoles(rng: np.random.Generator, n_pairs: int, *, method: str = "isotropic",
                   axis: tuple[float, float, float] = (0.0, 0.0, 1.0)) -> np.ndarray:
    """Dipole unit vectors (P,3): fixed along ``axis`` or isotropic (one per pair)."""
    n = _check_count(n_pairs)
    if method == "fixed":
        a = np.asarray(axis, dtype=float)
        if a.shape != (3,) or not np.linalg.norm(a) > 0:
            raise InputError(f"dipole axis {describe(axis)} must be a non-zero 3-vector")
        return np.tile(a / np.linalg.norm(a), (n, 1))
    if method == "isotropic":
        return _unit_vectors(rng, n)
    raise InputError(f"dipole method {method!r} is not one of 'fixed', 'isotropic'")


def sample_doppler(rng: np.random.Generator, n_atoms: int, sigma: float, *,
                   method: str = "window", window: float = WINDOW_GAMMA) -> np.ndarray:
    """Doppler shifts δ (units of Γ) of ``n_atoms`` atoms: Maxwell-Boltzmann k v_x, width σ."""
    if method == "none":
        return np.zeros(n_atoms)
    if not (np.isfinite(sigma) and sigma > 0):
        raise InputError(f"Doppler width sigma={describe(sigma)} must be positive (units of Γ)")
    if method == "full":
        return sigma * rng.normal(size=n_atoms)
    if method == "window":
        if not (np.isfinite(window) and window > 0):
            raise InputError(f"Doppler window {describe(window)} must be positive (units of Γ)")
        lo, hi = ndtr(-window / sigma), ndtr(window / sigma)
        return sigma * ndtri(lo + (hi - lo) * rng.random(n_atoms))
    raise InputError(f"Doppler method {method!r} is not one of 'window', 'full', 'none'")


def sample_pairs(rng: np.random.Generator, n_pairs: int, temperature: float, *,
                 positions: str = "box", dipoles: str = "isotropic",
                 dipole_axis: tuple[float, float, float] = (0.0, 0.0, 1.0),
                 doppler: str = "window", window: float = WINDOW_GAMMA,
                 r_min_lam: float = R_MIN_LAM, prefactor: str = "exact",
                 wavelength: float = vapour.LAMBDA_D2, gamma: float = vapour.GAMMA_PAPER,
                 mass: float = vapour.MASS_RB85) -> PairSample:
    """P random pairs of the vapour at ``temperature`` (K); see the module docstring."""
    n = _check_count(n_pairs)
    r_av = float(vapour.mean_spacing_lam(temperature, prefactor=prefactor, wavelength=wavelength))
    r1, r2 = sample_positions(rng, n, r_av, method=positions, r_min_lam=r_min_lam)
    dip = sample_dipoles(rng, n, method=dipoles, axis=dipole_axis)
    sigma = float(vapour.doppler_sigma(temperature, mass=mass, wavelength=wavelength, gamma=gamma))
    shifts = sample_doppler(rng, 2 * n, sigma, method=doppler, window=window)
    return PairSample(r1=r1, r2=r2, dipole=dip, delta1=shifts[:n], delta2=shifts[n:])


def couplings_as_printed(kr: np.ndarray, cos_theta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(g12, γ12) in units of Γ from Eqs. (38)-(39) exactly as printed (transcribed as data)."""
    kr = np.asarray(kr, dtype=float)
    c2 = np.asarray(cos_theta, dtype=float) ** 2
    s, c = np.sin(kr), np.cos(kr)
    g12 = 1.5 * (-(1 - c2) * c / kr + (1 - 3 * c2) * (s / kr**2 + c / kr**3))
    gamma12 = 1.5 * ((1 - c2) * s / kr + (1 - 3 * c2) * (c / kr**2 - s / kr**3))
    return g12, gamma12


CouplingFn = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


def pair_parameters(sample: PairSample, omega_r: float, delta_av: float, *,
                    couplings: CouplingFn = couplings_as_printed) -> dict[str, np.ndarray]:
    """The pair model's parameters for every pair (1-D arrays of length P), units of Γ.

    Ω_i = Ω_R exp(-i k_L·r_i), k_L = 2π x̂/λ; Δ_i = Δ_av + δ_i; (g12, γ12) = couplings(k r12, cos θ).
    """
    if not np.isfinite(omega_r) or omega_r < 0:
        raise InputError(f"Rabi frequency Omega_R={describe(omega_r)} must be finite and >= 0 (Γ)")
    if not np.isfinite(delta_av):
        raise InputError(f"average detuning Delta_av={describe(delta_av)} must be finite (Γ)")
    k = 2 * np.pi
    g12, gamma12 = couplings(k * sample.distance, sample.cos_theta)
    return {
        "Omega1": omega_r * np.exp(-1j * k * sample.r1[:, 0]),
        "Omega2": omega_r * np.exp(-1j * k * sample.r2[:, 0]),
        "Delta1": delta_av + sample.delta1,
        "Delta2": delta_av + sample.delta2,
        "g12": np.asarray(g12, dtype=float),
        "gamma12": np.asarray(gamma12, dtype=float),
    }
