"""Coherent field and scattering mean free path from coupled-dipole simulations, seed 003 App. B.

A cylinder (radius R, thickness L along z) of M point dipoles is lit by Ê0 = x̂ e^{ik0 z}.  The fields
on the scatterers solve Eq. (B6), Ẽ_m = E0(r_m) + t Σ_{j≠m} G0(r_m - r_j)·Ẽ_j, i.e. (1 - tG0')Ẽ = E0.
⟨Ẽ_x⟩ is averaged over configurations, over slices of width Δz and over the central part ρ < R1 of
the cylinder, then Re⟨E_x(z)⟩ is fitted to Eq. (B8), A cos(k_e z + φ) exp(-z/2ℓ), on
L/10 < z < 9L/10.  Units k0 = 1; t = 6π/(2δ + i) (Eq. (10)).
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from scipy.optimize import OptimizeWarning, curve_fit

from symlight.errors import InputError
from symlight.greens.coupled import check_dipole_count, green_matrix
from symlight.greens.tmatrix import t_value


def cylinder_positions(density: float, radius: float, length: float,
                       rng: np.random.Generator, *, max_dipoles: int | None = None) -> np.ndarray:
    """Poisson-distributed number of points, uniform in the cylinder (density n/k0³); the mean number
    n π R² L is checked against the ``max_dipoles`` cap before anything is drawn."""
    if density <= 0 or radius <= 0 or length <= 0:
        raise InputError("density, radius and length must be positive "
                         f"(got n={density!r}, R={radius!r}, L={length!r})")
    check_dipole_count(int(np.ceil(density * np.pi * radius**2 * length)), max_dipoles)
    m = rng.poisson(density * np.pi * radius**2 * length)
    rho = radius * np.sqrt(rng.random(m))
    ph = 2 * np.pi * rng.random(m)
    return np.column_stack([rho * np.cos(ph), rho * np.sin(ph), length * rng.random(m)])


def fields_on_dipoles(pos: np.ndarray, delta: float, *, max_dipoles: int | None = None) -> np.ndarray:
    """Solve (B6) for Ẽ(r_m) (shape (M, 3)) with the incident plane wave x̂ e^{iz}."""
    t = complex(t_value(delta))
    g = green_matrix(pos, max_dipoles=max_dipoles)
    a = np.eye(g.shape[0]) - t * g
    e0 = np.zeros((len(pos), 3), complex)
    e0[:, 0] = np.exp(1j * pos[:, 2])
    return np.linalg.solve(a, e0.ravel()).reshape(-1, 3)


def coherent_configuration(density: float, delta: float, *, seed: int, radius: float, length: float,
                           bins: int, core: float, max_dipoles: int | None = None) -> dict[str, np.ndarray]:
    """One configuration: slice sums of Ẽ_x over the core ρ < R1 and the counts (checkpointable)."""
    edges = np.linspace(0, length, bins + 1)
    pos = cylinder_positions(density, radius, length, np.random.default_rng(int(seed)),
                             max_dipoles=max_dipoles)
    e = fields_on_dipoles(pos, delta, max_dipoles=max_dipoles)
    sel = np.hypot(pos[:, 0], pos[:, 1]) < core
    idx = np.clip(np.digitize(pos[sel, 2], edges) - 1, 0, bins - 1)
    acc = np.zeros(bins, complex)
    np.add.at(acc, idx, e[sel, 0])
    return {"sumE": acc, "count": np.bincount(idx, minlength=bins).astype(float)}


def coherent_profile(density: float, delta: float, seeds, *, radius: float = 15.0,
                     length: float = 10.0, bins: int = 20, core: float | None = None,
                     max_dipoles: int | None = None, executor: Any = "serial",
                     workers: int | None = None, checkpoint: str | None = None) -> dict[str, Any]:
    """Slice-averaged ⟨Ẽ_x(z)⟩ over configurations ``seeds`` (core radius R1 = R - L by default).

    The configurations run through ``symlight.sweeps.run_sweep`` (``executor``: "serial", "local",
    a Dask address or client; None reads $SYMLIGHT_SCHEDULER); the result does not depend on it.
    """
    from symlight.numerics.dipole_spectra import run_configurations

    r1 = radius - length if core is None else core
    if r1 <= 0:
        raise InputError(f"core radius R1 = {r1} must be > 0: use R > L")
    res = run_configurations(coherent_configuration, seeds, density, float(delta), radius=radius,
                             length=length, bins=bins, core=r1, max_dipoles=max_dipoles,
                             executor=executor, workers=workers, checkpoint=checkpoint)
    acc = np.sum([r["sumE"] for r in res], axis=0)
    cnt = np.sum([r["count"] for r in res], axis=0)
    edges = np.linspace(0, length, bins + 1)
    z = 0.5 * (edges[1:] + edges[:-1])
    return {"z": z, "E": acc / np.maximum(cnt, 1), "count": cnt}


def fit_b8(z: np.ndarray, e: np.ndarray, length: float, k_guess: float = 1.0) -> dict[str, float]:
    """Fit Re E = A cos(k_e z + φ) exp(-z/2ℓ) (Eq. (B8)) on L/10 < z < 9L/10; returns k_e, ℓ."""
    sel = (z > length / 10) & (z < 0.9 * length)
    f = lambda zz, a, k, ph, inv: a * np.cos(k * zz + ph) * np.exp(-zz * inv / 2)
    with warnings.catch_warnings():  # an undetermined covariance shows as infinite errors below
        warnings.simplefilter("ignore", OptimizeWarning)
        popt, pcov = curve_fit(f, z[sel], e.real[sel], p0=[1.0, k_guess, 0.0, 0.05], maxfev=20000)
    err = np.sqrt(np.diag(pcov))
    inv = popt[3]
    return {"k_e": float(popt[1]), "k_e_err": float(err[1]), "ell": float(1 / inv) if inv > 0 else np.inf,
            "inv_ell": float(inv), "inv_ell_err": float(err[3])}
