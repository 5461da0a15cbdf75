"""Ensemble g2(τ) of a thermal vapour: averages over random pairs (seed 002_796c9b23bedf2618.txt,
Sec. III: "repeated and averaged over 1500 different realizations"), run through ``run_sweep``.

Averaging rule (a documented choice, ``average=``):

* ``"mean_of_ratios"`` (default; the paper's reading of Sec. III, "apply Eq. (7) for a pair ...
  averaged over realizations"): ḡ2(τ) = (1/P) Σ_p N_p(τ)/D_p, standard error s/√P;
* ``"ratio_of_means"`` (what a detector integrating over the vapour measures): ḡ2(τ) = Σ N_p(τ) /
  Σ D_p, standard error by the delta method, sqrt(Var(N - ḡ2 D)/P) / mean(D).

N_p is the numerator of Eq. (12) and D_p the denominator of Eq. (15) of pair p.

First-peak FWHM (``first_peak_fwhm``): the first local maximum of g2(τ) (τ = 0 when g2 starts
by decreasing); half height measured from a documented baseline, ``"one"`` (default: g2(∞) = 1,
the uncorrelated level) or ``"min"`` (the first minimum after the peak); crossings by linear
interpolation; a peak at τ = 0 is mirrored (g2(-τ) = g2(τ) for the symmetric estimator (12)), so
its FWHM is twice the right half-width.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from symlight.errors import InputError, describe
from symlight.models import vapour, vapour_sampling
from symlight.models.vapour_pair_system import LinearPairSystem, g2_parts
from symlight.sweeps import run_sweep, task_rng

AVERAGES = ("mean_of_ratios", "ratio_of_means")
BASELINES = ("one", "min")
#: Pairs per sweep task (the unit of work, progress and checkpointing).
DEFAULT_CHUNK = 500


@dataclass(frozen=True)
class VapourPoint:
    """One data point of Figs. 2-5: temperature (K), Ω_R and Δ_av (units of Γ)."""

    temperature: float
    omega_r: float
    delta_av: float = 0.0


@dataclass
class EnsembleG2:
    """Ensemble-averaged g2(τ) of one point, with standard errors and the first-peak FWHM."""

    point: VapourPoint
    taus: np.ndarray
    g2: np.ndarray
    stderr: np.ndarray
    n_pairs: int
    average: str
    fwhm: float
    density: float
    r_av_lam: float
    expm_fallback: int = 0
    max_imag: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def rule(self, average: str) -> tuple[np.ndarray, np.ndarray, float]:
        """(g2, stderr, fwhm) under either averaging rule (both come from the same pairs)."""
        if average == self.average:
            return self.g2, self.stderr, self.fwhm
        alt = self.extra["other_average"]
        if alt["average"] != average:
            raise InputError(f"average {average!r} is not one of {AVERAGES}")
        return alt["g2"], alt["stderr"], alt["fwhm"]

    @property
    def g2_0(self) -> float:
        return float(self.g2[0])

    @property
    def g2_0_stderr(self) -> float:
        return float(self.stderr[0])


def first_peak_fwhm(taus: Any, g2: Any, *, baseline: str = "one") -> float:
    """FWHM of the first peak of g2(τ) (see the module docstring); nan when there is none."""
    t = np.asarray(taus, dtype=float)
    y = np.asarray(g2, dtype=float)
    if t.ndim != 1 or y.shape != t.shape or t.size < 3 or np.any(np.diff(t) <= 0):
        raise InputError(f"taus {describe(taus)} and g2 {describe(g2)} must be 1-D, of equal length "
                         ">= 3, with increasing τ")
    if baseline not in BASELINES:
        raise InputError(f"baseline {baseline!r} is not one of {BASELINES}")
    if y[1] <= y[0]:
        peak = 0
    else:
        inner = np.flatnonzero((y[1:-1] > y[:-2]) & (y[1:-1] >= y[2:]))
        if inner.size == 0:
            return float("nan")
        peak = int(inner[0]) + 1
    after = y[peak:]
    if baseline == "one":
        base = 1.0
    else:
        rising = np.flatnonzero(np.diff(after) > 0)
        base = float(after[rising[0]]) if rising.size else float(after[-1])
    half = base + (y[peak] - base) / 2
    if not y[peak] > base:
        return float("nan")

    def crossing(i_out: int, i_in: int) -> float:
        y0, y1 = y[i_out], y[i_in]
        return float(t[i_out] + (half - y0) * (t[i_in] - t[i_out]) / (y1 - y0))

    right = np.flatnonzero(y[peak:] <= half)
    if right.size == 0:
        return float("nan")
    j = peak + int(right[0])
    t_right = crossing(j, j - 1)
    if peak == 0:
        return 2.0 * (t_right - t[0])
    left = np.flatnonzero(y[:peak] <= half)
    if left.size == 0:
        return float("nan")
    i = int(left[-1])
    return t_right - crossing(i, i + 1)


def coupling_function(name: str) -> vapour_sampling.CouplingFn:
    """(g12, γ12) as functions of (k r, cos θ): ``"printed"`` Eqs. (38)-(39) as printed, or
    ``"derived"`` (``symlight.models.dipole_coupling``, derived from Eqs. (30)-(32), units Γ_B)."""
    if name == "printed":
        return vapour_sampling.couplings_as_printed
    if name == "derived":
        return _derived_couplings()
    raise InputError(f"couplings {name!r} is not one of 'printed', 'derived'")


@cache
def _derived_couplings() -> vapour_sampling.CouplingFn:
    """Lambdified derived (g12/Γ_B, γ12/Γ_B) of ``symlight.models.dipole_coupling``.

    Lambdified here from the derived SymPy forms with Γ cancelled (the module's own numeric
    wrappers leave the symbol Γ in the generated code, which makes them evaluate on SymPy objects,
    ~40 ms per pair). The closed forms lose < 1e-13 relative accuracy down to the paper's r_min
    (k r = 0.063), checked against mpmath in the tests.
    """
    import sympy

    from symlight.models import dipole_coupling as dc

    exprs = [sympy.cancel(dc.g12_sym("B") / dc.Gamma), sympy.cancel(dc.gamma12_sym("B") / dc.Gamma)]
    g_fn, gam_fn = (sympy.lambdify((dc.x, dc.c), e, "numpy", cse=True) for e in exprs)

    def couplings(kr: np.ndarray, ct: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        kr, ct = np.broadcast_arrays(np.asarray(kr, dtype=float), np.asarray(ct, dtype=float))
        return (np.asarray(g_fn(kr, ct), dtype=float) + 0 * kr,
                np.asarray(gam_fn(kr, ct), dtype=float) + 0 * kr)

    couplings.expressions = exprs  # type: ignore[attr-defined]
    return couplings


def _statistics(num: np.ndarray, den: np.ndarray) -> dict[str, np.ndarray]:
    g2 = num / den[:, None]
    return {
        "n": np.array(num.shape[0]),
        "sum_g2": g2.sum(0), "sum_g2sq": (g2 * g2).sum(0),
        "sum_num": num.sum(0), "sum_numsq": (num * num).sum(0),
        "sum_den": np.array(den.sum()), "sum_densq": np.array((den * den).sum()),
        "sum_numden": (num * den[:, None]).sum(0),
    }


def ensemble_task(task: dict[str, Any]) -> dict[str, np.ndarray]:
    """One sweep task: g2 parts of a chunk of pairs (parameters in the task), returned as sums."""
    system = LinearPairSystem.from_payload(task["system"])
    parts = g2_parts(system, task["taus"], task["params"])
    out = _statistics(parts.numerator, parts.denominator)
    out["expm_fallback"] = np.array(parts.expm_fallback)
    out["max_imag"] = np.array(parts.max_imag)
    return out


def sample_chunk(seed: int, point_index: int, chunk_index: int, n: int, point: VapourPoint,
                 sampling: dict[str, Any], couplings: vapour_sampling.CouplingFn) -> dict[str, np.ndarray]:
    """Parameters of ``n`` pairs drawn from ``task_rng(seed, point_index, chunk_index)``."""
    rng = task_rng(int(seed), int(point_index), int(chunk_index))
    sample = vapour_sampling.sample_pairs(rng, int(n), float(point.temperature), **sampling)
    return vapour_sampling.pair_parameters(sample, float(point.omega_r), float(point.delta_av),
                                           couplings=couplings)


def combine(chunks: list[dict[str, np.ndarray]], average: str) -> tuple[np.ndarray, np.ndarray, int]:
    """Merge per-task sums into (mean g2, standard error, P) with the chosen averaging rule."""
    total = {k: sum(np.asarray(c[k], dtype=float) for c in chunks) for k in chunks[0]}
    n = int(total["n"])
    if average == "mean_of_ratios":
        mean = total["sum_g2"] / n
        var = (total["sum_g2sq"] - n * mean**2) / max(n - 1, 1)
        return mean, np.sqrt(np.maximum(var, 0.0) / n), n
    ratio = total["sum_num"] / total["sum_den"]
    var = (total["sum_numsq"] - 2 * ratio * total["sum_numden"] + ratio**2 * total["sum_densq"])
    var = var / max(n - 1, 1)
    mean_den = total["sum_den"] / n
    return ratio, np.sqrt(np.maximum(var, 0.0) / n) / abs(mean_den), n


def ensemble_g2(
    points: list[VapourPoint],
    system: LinearPairSystem,
    taus: Any,
    *,
    n_pairs: int = 1500,
    seed: int = 2026,
    average: str = "mean_of_ratios",
    baseline: str = "one",
    couplings: str = "printed",
    positions: str = "box",
    dipoles: str = "isotropic",
    doppler: str = "window",
    window: float = vapour_sampling.WINDOW_GAMMA,
    r_min_lam: float = vapour_sampling.R_MIN_LAM,
    prefactor: str = "exact",
    chunk: int = DEFAULT_CHUNK,
    executor: Any = None,
    workers: int | None = None,
    checkpoint: Any = None,
    progress: bool | None = None,
) -> list[EnsembleG2]:
    """Ensemble g2(τ) for each point (P = ``n_pairs`` random pairs each), through ``run_sweep``.

    Pairs of point q, chunk c are drawn from ``task_rng(seed, q, c)``: the numbers do not depend
    on the executor (local, serial, Dask) or the worker count.
    """
    t = np.asarray(taus, dtype=float)
    if t.ndim != 1 or t.size < 1 or np.any(t < 0) or not np.all(np.isfinite(t)):
        raise InputError(f"taus {describe(taus)} must be a 1-D array of finite τ >= 0")
    if not points:
        raise InputError("no points given: pass at least one VapourPoint(temperature, omega_r, ...)")
    if not isinstance(n_pairs, int | np.integer) or n_pairs < 1:
        raise InputError(f"n_pairs={describe(n_pairs)} must be a positive integer (zero pairs "
                         "cannot be averaged)")
    if average not in AVERAGES:
        raise InputError(f"average {average!r} is not one of {AVERAGES}")
    if not isinstance(chunk, int | np.integer) or chunk < 1:
        raise InputError(f"chunk={describe(chunk)} must be a positive integer")
    for pt in points:
        vapour.number_density(pt.temperature)  # validates the temperature range
    sampling = {"positions": positions, "dipoles": dipoles, "doppler": doppler,
                "window": float(window), "r_min_lam": float(r_min_lam), "prefactor": prefactor}
    coupling_fn = coupling_function(couplings)
    payload = system.as_payload()
    tasks, owner = [], []
    for q, pt in enumerate(points):
        for c, start in enumerate(range(0, int(n_pairs), int(chunk))):
            n = min(int(chunk), int(n_pairs) - start)
            params = sample_chunk(seed, q, c, n, pt, sampling, coupling_fn)
            tasks.append({"system": payload, "params": params, "taus": t})
            owner.append(q)
    results = run_sweep(ensemble_task, tasks, executor=executor, workers=workers,
                        checkpoint=checkpoint, progress=progress,
                        description=f"g2 ensembles ({system.label or 'pair system'})")
    out = []
    for q, pt in enumerate(points):
        chunks = [r for r, o in zip(results, owner, strict=True) if o == q]
        mean, se, n = combine(chunks, average)
        other = AVERAGES[1 - AVERAGES.index(average)]
        alt_mean, alt_se, _ = combine(chunks, other)
        alt = {"average": other, "g2": alt_mean, "stderr": alt_se,
               "fwhm": first_peak_fwhm(t, alt_mean, baseline=baseline) if t.size >= 3 else float("nan")}
        density = float(vapour.number_density(pt.temperature))
        out.append(EnsembleG2(
            point=pt, taus=t, g2=mean, stderr=se, n_pairs=n, average=average,
            fwhm=first_peak_fwhm(t, mean, baseline=baseline) if t.size >= 3 else float("nan"),
            density=density,
            r_av_lam=float(vapour.mean_spacing_lam(pt.temperature, prefactor=prefactor)),
            expm_fallback=int(sum(int(c["expm_fallback"]) for c in chunks)),
            max_imag=float(max(float(c["max_imag"]) for c in chunks)),
            extra={"other_average": alt}))
    return out
