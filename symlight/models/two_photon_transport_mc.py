"""Monte Carlo of the two-particle transport equation (1) with isotropic scattering.

Seed 000_afe20a70b32bac1d.txt, Eq. (1)/(110): for fixed (|k1|, |k2|) and mode i the two particles
move independently: particle j at speed ``c f_j`` along its direction, re-drawn isotropically
(A = 1/(4 pi)) at rate ``c mu_j`` (mu_j is an inverse length in the (1/c) d_t form). Independent
walkers therefore sample the kinetic solution exactly; at late times the density approaches the
diffusion solution (D19)/(D21) with ``D_j = c f_j^2/(3 mu_j)``, Eqs. (84), (118)-(119).
"""

from __future__ import annotations

import numpy as np
from scipy.special import erf

from symlight.errors import InputError


def walk(speed: float, rate: float, t_end: float, n: int, rng: np.random.Generator) -> np.ndarray:
    """Positions at ``t_end`` of ``n`` independent 3D persistent walkers started at the origin."""
    if not (speed > 0 and rate > 0 and t_end > 0 and n > 0):
        raise InputError(f"speed={speed!r}, rate={rate!r}, t_end={t_end!r}, n={n!r} must be positive")
    pos = np.zeros((n, 3))
    left = np.full(n, float(t_end))
    active = np.arange(n)
    batch = 32  # free flights drawn per walker per pass (vectorised)
    while active.size:
        m = active.size
        u = rng.normal(size=(m, batch, 3))
        u /= np.linalg.norm(u, axis=2, keepdims=True)
        tau = rng.exponential(1.0 / rate, (m, batch))
        before = np.cumsum(tau, axis=1) - tau  # time used before each flight
        tau = np.clip(left[active][:, None] - before, 0.0, tau)
        pos[active] += speed * np.einsum("mb,mbk->mk", tau, u)
        left[active] -= tau.sum(axis=1)
        active = active[left[active] > 1e-12 * t_end]
    return pos


def radial_cdf(R, D: float, t: float) -> np.ndarray:
    """P(|x| < R) for the 3D diffusion kernel (D21) from a point source: variance 2 D t per axis."""
    s = np.asarray(R, float) / np.sqrt(4 * D * t)
    with np.errstate(invalid="ignore"):
        tail = np.where(np.isinf(s), 0.0, s * np.exp(-np.minimum(s, 1e150) ** 2))
    return erf(s) - 2 / np.sqrt(np.pi) * tail


def compare_with_diffusion(f1: float, f2: float, mu1: float, mu2: float, *, c: float = 1.0,
                           t_end: float, n: int = 20000, seed: int = 1,
                           edges=(0.0, 0.6, 1.0, 1.5, np.inf)) -> dict:
    """Two independent walkers vs the product of diffusion kernels on a joint grid of radial cells.

    Cells are in units of sqrt(6 D_j t). Returns observed and expected cell probabilities, their
    binomial standard errors, the chi-square (dof = cells - 1) and mean-square displacements.
    """
    rng = np.random.default_rng(seed)
    D1, D2 = c * f1 ** 2 / (3 * mu1), c * f2 ** 2 / (3 * mu2)
    x1 = walk(c * f1, c * mu1, t_end, n, rng)
    x2 = walk(c * f2, c * mu2, t_end, n, rng)
    e = np.asarray(edges, float)
    r1 = np.linalg.norm(x1, axis=1) / np.sqrt(6 * D1 * t_end)
    r2 = np.linalg.norm(x2, axis=1) / np.sqrt(6 * D2 * t_end)
    obs = np.histogram2d(r1, r2, bins=[e, e])[0] / n
    p1 = np.diff(radial_cdf(e * np.sqrt(6 * D1 * t_end), D1, t_end))
    p2 = np.diff(radial_cdf(e * np.sqrt(6 * D2 * t_end), D2, t_end))
    exp = np.outer(p1, p2)
    err = np.sqrt(exp * (1 - exp) / n)
    chi2 = float(np.sum((obs - exp) ** 2 * n / exp))
    return {"observed": obs, "expected": exp, "stderr": err, "chi2": chi2, "dof": exp.size - 1,
            "max_z": float(np.max(np.abs(obs - exp) / err)), "D1": D1, "D2": D2,
            "msd1": float(np.mean(np.sum(x1 ** 2, 1))), "msd2": float(np.mean(np.sum(x2 ** 2, 1))),
            "msd1_diffusion": 6 * D1 * t_end, "msd2_diffusion": 6 * D2 * t_end,
            "msd_stderr1": float(np.std(np.sum(x1 ** 2, 1)) / np.sqrt(n)),
            "msd_stderr2": float(np.std(np.sum(x2 ** 2, 1)) / np.sqrt(n))}
