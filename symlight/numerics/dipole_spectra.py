"""Spectra of M coupled point dipoles from ONE eigendecomposition per configuration.

Seed 003_7c2b7fccf0028dca.txt, Fig. 4 and Eqs. (19), (23), Appendix A.  In the units of the
simulations (k0 = 1, detuning δ = (ω - ω0)/γ, t = (6π/k0)/(2δ + i), G0 taken at k0) the
collective T-matrix is

    T k0/(6π) = (2δ 1 - A)^{-1},        A = (6π/k0) G0' - i 1   (3M x 3M, complex symmetric).

With A = V Λ V^{-1}: T̃_mm(δ) = Σ_n w_mn/(2δ - λ_n), w_mn = V_mn (V^{-1})_nm, so any number of
detunings costs O(3M) per detuning after one decomposition; the average over the 3M diagonal
elements needs only the eigenvalues (Σ_m w_mn = 1).

Sum rule (each dipole carries exactly three states, Appendix A): for every configuration and
every diagonal element, ∫ dδ Im T̃_mm(δ) = -(π/2) Σ_n Re w_mn = -π/2, provided all Im λ_n < 0
(passivity).  ``area_in_window`` gives the exact area inside a finite δ window from the
eigenvalues (arg differences), the twin of a trapezoid on the sampled curve.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from symlight.errors import InputError
from symlight.greens.coupled import check_dipole_count, green_matrix


def sphere_positions(m: int, density: float, rng: np.random.Generator, *,
                     max_dipoles: int | None = None) -> np.ndarray:
    """M points uniform in a sphere with number density ``density`` (units k0^3); M above the cap
    of ``greens.coupled.check_dipole_count`` is refused before anything is allocated."""
    if m < 1:
        raise InputError(f"number of dipoles M must be >= 1, got {m!r}")
    check_dipole_count(m, max_dipoles)
    if not density > 0:
        raise InputError(f"dipole density must be > 0 (units k0^3), got {density!r}")
    radius = (3 * m / (4 * np.pi * density)) ** (1 / 3)
    v = rng.normal(size=(m, 3))
    v /= np.linalg.norm(v, axis=1)[:, None]
    return v * radius * rng.random(m)[:, None] ** (1 / 3)


def system_matrix(positions: np.ndarray, k0: float = 1.0, *, max_dipoles: int | None = None) -> np.ndarray:
    """A = (6π/k0) G0' - i 1 (dimensionless), so that T k0/6π = (2δ - A)^{-1}."""
    a = green_matrix(positions, k0, scale=6 * np.pi / k0, max_dipoles=max_dipoles)
    a[np.diag_indices_from(a)] -= 1j
    return a


@dataclass
class Spectrum:
    """Eigen-data of one configuration: eigenvalues λ_n and (optionally) weights w_mn."""

    eigvals: np.ndarray
    weights: np.ndarray | None = None  # (3M, 3M) w[m, n]
    seconds_assembly: float = 0.0
    seconds_eig: float = 0.0
    info: dict[str, Any] = field(default_factory=dict)

    def mean_diagonal(self, delta: np.ndarray) -> np.ndarray:
        """(1/3M) Σ_m T̃_mm(δ) = (1/3M) Σ_n 1/(2δ - λ_n) for an array of detunings."""
        d = np.asarray(delta, dtype=float)
        lam = self.eigvals
        out = np.empty(d.shape, dtype=complex)
        flat = d.ravel()
        res = out.ravel()
        chunk = max(1, 2_000_000 // max(lam.size, 1))
        for s in range(0, flat.size, chunk):
            res[s:s + chunk] = np.mean(1.0 / (2 * flat[s:s + chunk, None] - lam[None, :]), axis=1)
        return out

    def diagonal(self, delta: np.ndarray) -> np.ndarray:
        """T̃_mm(δ) for all m: (n_delta, 3M); needs the weights (eigenvectors)."""
        if self.weights is None:
            raise InputError("diagonal elements need eigenvectors: build the Spectrum with "
                             "vectors=True")
        d = np.asarray(delta, dtype=float)
        return (1.0 / (2 * d[:, None] - self.eigvals[None, :])) @ self.weights.T

    def area_total(self) -> np.ndarray:
        """Exact ∫ dδ Im T̃_mm over the real line per diagonal element: -(π/2) Σ_n Re w_mn."""
        if np.any(self.eigvals.imag >= 0):
            raise InputError("an eigenvalue has Im λ >= 0: the dipole system is not passive "
                             "(check positions and k0)")
        if self.weights is None:
            return np.array([-np.pi / 2])
        return -(np.pi / 2) * self.weights.real.sum(axis=1)

    def area_in_window(self, lo: float, hi: float) -> float:
        """Exact ∫_lo^hi dδ Im ⟨T̃_mm⟩ from the eigenvalues: (1/2)[arg(2δ-λ)] differences, averaged."""
        lam = self.eigvals
        a = np.angle(2 * hi - lam) - np.angle(2 * lo - lam)  # d arg(2δ-λ)/dδ = 2 Im 1/(2δ-λ)
        return float(0.5 * np.mean(a))


def spectrum(positions: np.ndarray, k0: float = 1.0, *, vectors: bool = False,
             max_dipoles: int | None = None) -> Spectrum:
    """Assemble A and decompose it once (numpy/LAPACK ``eig`` or ``eigvals``)."""
    t0 = time.perf_counter()
    a = system_matrix(positions, k0, max_dipoles=max_dipoles)
    t1 = time.perf_counter()
    if vectors:
        lam, v = np.linalg.eig(a)
        w = v * np.linalg.inv(v).T  # w[m, n] = V_mn (V^{-1})_nm
    else:
        lam = np.linalg.eigvals(a)
        w = None
    t2 = time.perf_counter()
    return Spectrum(lam, w, t1 - t0, t2 - t1, {"M": len(positions)})


def mean_im_tmm(density: float, m: int, seed: int, deltas: np.ndarray, *,
                max_dipoles: int | None = None) -> dict[str, Any]:
    """One configuration: ⟨Im T̃_mm⟩(δ) on ``deltas`` plus its sum-rule diagnostics."""
    if 4 * np.pi * density > 10:
        import warnings

        from symlight.models.dipole_medium import RegimeWarning

        warnings.warn(f"dipole density 4πn/k0^3 = {4 * np.pi * density:.3g} is beyond the range "
                      "studied in the paper (0.25–6.3); results are outside its regime", RegimeWarning,
                      stacklevel=2)
    rng = np.random.default_rng(seed)
    pos = sphere_positions(m, density, rng, max_dipoles=max_dipoles)
    spec = spectrum(pos, max_dipoles=max_dipoles)
    curve = spec.mean_diagonal(deltas).imag
    lo, hi = float(np.min(deltas)), float(np.max(deltas))
    trap = float(np.trapezoid(curve, deltas))
    exact_window = spec.area_in_window(lo, hi)
    return {"seed": seed, "curve": curve, "area_trapezoid": trap, "area_window_exact": exact_window,
            "area_total": float(spec.area_total()[0]), "max_im_eig": float(spec.eigvals.imag.max()),
            "seconds_assembly": spec.seconds_assembly, "seconds_eig": spec.seconds_eig}


class ConfigurationTask:
    """Picklable ``task -> fn(*args, seed=task["seed"], **kwargs)`` for ``symlight.sweeps.run_sweep``.

    It carries the wrapped function's ``__module__``/``__qualname__`` so that sweep checkpoints are
    keyed by the physics function (and the task: seed, args, kwargs), not by this wrapper.
    """

    def __init__(self, fn: Callable[..., Any]) -> None:
        if not callable(fn):
            raise InputError(f"configuration function {fn!r} is not callable")
        self.fn = fn
        self.__module__ = getattr(fn, "__module__", "?")
        self.__qualname__ = getattr(fn, "__qualname__", repr(fn))

    def __call__(self, task: dict[str, Any]) -> Any:
        return self.fn(*task["args"], seed=int(task["seed"]), **task["kwargs"])


def run_configurations(fn: Callable[..., Any], seeds: Iterable[int], *args: Any,
                       executor: Any = None, workers: int | None = None,
                       checkpoint: str | None = None, progress: bool | None = None,
                       **kwargs: Any) -> list[Any]:
    """Run ``fn(*args, seed=s, **kwargs)`` for every seed through ``symlight.sweeps.run_sweep``.

    ``executor``: ``"serial"``, ``"local"`` (processes), a Dask address or client; ``None`` reads
    ``$SYMLIGHT_SCHEDULER``, else local processes.  ``checkpoint=DIR`` resumes an interrupted
    ensemble.  ``fn`` must be a module-level function of keyword ``seed`` whose randomness comes
    only from that seed, so the list of results (in seed order) does not depend on the executor.
    """
    from symlight.sweeps import run_sweep

    tasks = [{"seed": int(s), "args": list(args), "kwargs": dict(kwargs)} for s in seeds]
    return run_sweep(ConfigurationTask(fn), tasks, executor=executor, workers=workers,
                     checkpoint=checkpoint, progress=progress,
                     description=getattr(fn, "__name__", "configurations"))


def average_curves(results: Sequence[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Mean and standard error of the per-configuration curves."""
    arr = np.array([r["curve"] for r in results])
    err = arr.std(axis=0, ddof=1) / np.sqrt(len(arr)) if len(arr) > 1 else np.zeros(arr.shape[1])
    return arr.mean(axis=0), err
