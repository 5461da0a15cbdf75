"""Figs. 2-5 of seed 002_796c9b23bedf2618.txt: thermal-vapour g2(τ), g2(0) and first-peak FWHM.

Every figure is computed twice from the same random pairs (same seeds):

* **derived** — the moment matrix of ``symlight.models.driven_dipole_pair()`` (derived from the
  master equation (40)-(44)) and the couplings g12, γ12 derived in
  ``symlight.models.dipole_coupling`` (Eqs. (30)-(32));
* **as printed** — Eqs. (48)-(62) exactly as printed (transcribed in ``pair_printed``; the bare
  ``g`` of Eq. (50) is read as g12, the only reading that lets the system run) and Eqs. (38)-(39)
  as printed.

Ensembles follow Sec. III: 1500 pairs per point, positions in the paper's box with r_min = 0.01λ
(mean spacing from Eqs. (19)-(21) with the exact prefactor), isotropic dipoles, Doppler detunings
Maxwell-Boltzmann inside the ±5Γ window, Ω_i = Ω_R e^{-i k_L·r_i}. The averaging rule is the
mean of per-pair ratios (the paper's reading); the ratio of averaged numerator and denominator
is drawn alongside (open markers). τ grid: 400 points on [0, 3]/Γ.
"""

from __future__ import annotations

import json
import time
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from symlight.io import atomic_write_text
from symlight.models.vapour_ensemble import EnsembleG2, VapourPoint, ensemble_g2
from symlight.models.vapour_pair_system import LinearPairSystem
from symlight.report import Figure, save_figure

TOPIC = "thermal-pairs"
COMMAND = "symlight reproduce thermal-pairs --out DIR"
TAUS = np.linspace(0.0, 3.0, 400)
N_PAIRS = 1500
SEED = 20020
TEMPS = (450.0, 425.0, 400.0, 380.0, 370.0, 360.0, 350.0)
FIG2_OMEGAS = (5.0, 10.0, 15.0, 50.0)
FIG4_DELTAS = (0.0, 5.0, 10.0, 15.0)
FIG5_DELTAS = (0.0, 15.0, 20.0, 35.0)
ENGINES = ("derived", "printed")
ENGINE_LABEL = {"derived": "derived equations", "printed": "equations as printed"}


@cache
def engine(name: str) -> LinearPairSystem:
    """The 15-moment system of an engine (see the module docstring)."""
    import sympy

    if name == "derived":
        from symlight.models.driven_pair_moments import driven_dipole_pair

        M, b = driven_dipole_pair().linear_system()
        return LinearPairSystem.from_sympy(M, b, label="derived (48)-(62)")
    if name == "printed":
        from derivations.thermal_pairs import pair_printed as pp

        rhs = pp.printed_rhs()
        labels = [str(k) for k in range(48, 63)]
        M, minus_b = sympy.linear_eq_to_matrix([rhs[k] for k in labels], list(pp.S))
        return LinearPairSystem.from_sympy(M, -minus_b, label="printed (48)-(62)",
                                           rename={"g": "g12"})
    raise ValueError(f"unknown engine {name!r}; valid: {ENGINES}")


def points() -> list[VapourPoint]:
    """Every distinct data point of Figs. 2-5 (shared points computed once)."""
    pts: list[VapourPoint] = []
    for om in FIG2_OMEGAS:
        pts.append(VapourPoint(380.0, om, 0.0))
    for de in sorted(set(FIG5_DELTAS) | set(FIG4_DELTAS)):
        for t in TEMPS:
            pts.append(VapourPoint(t, 20.0, de))
    for de in FIG4_DELTAS:
        pts.append(VapourPoint(380.0, 20.0, de))
    for de in (-5.0, -10.0, -15.0):  # symmetry check of Fig. 4(b) ("similar for negative")
        pts.append(VapourPoint(380.0, 20.0, de))
    return list(dict.fromkeys(pts))


@cache
def compute(name: str, n_pairs: int = N_PAIRS, executor: Any = None,
            progress: bool | None = None) -> dict[VapourPoint, EnsembleG2]:
    """Ensemble results of one engine for every point of ``points()`` (cached per process)."""
    pts = points()
    couplings = "derived" if name == "derived" else "printed"
    res = ensemble_g2(pts, engine(name), TAUS, n_pairs=n_pairs, seed=SEED, couplings=couplings,
                      executor=executor, progress=progress)
    return dict(zip(pts, res, strict=True))


def _panel_series(data: dict[VapourPoint, EnsembleG2], which: str):
    if which == "fig2":
        pts = [VapourPoint(380.0, om, 0.0) for om in FIG2_OMEGAS]
        return pts, list(FIG2_OMEGAS), "Ω_R/Γ", [f"Ω={om:g}" for om in FIG2_OMEGAS]
    if which == "fig3":
        pts = [VapourPoint(t, 20.0, 0.0) for t in TEMPS]
        xs = [data[p].r_av_lam for p in pts]
        return pts, xs, "⟨r12⟩/λ", [f"T={t:g} K" for t in TEMPS]
    pts = [VapourPoint(380.0, 20.0, de) for de in FIG4_DELTAS]
    return pts, list(FIG4_DELTAS), "Δ_av/Γ", [f"Δ={d:g}" for d in FIG4_DELTAS]


#: y-range shown for g2; heavy-tailed ensembles (mean of ratios, derived) can exceed it
YMAX = 4.0


def _clip(ax, ymax: float) -> None:
    lo, hi = ax.get_ylim()
    if hi > ymax:
        ax.set_ylim(max(lo, 0.0), ymax)
        ax.text(0.98, 0.97, f"clipped at {ymax:g}", transform=ax.transAxes, ha="right", va="top",
                fontsize=6, color="0.3")


def _plot_row(axes, data, which: str, engine_name: str) -> None:
    pts, xs, xlabel, names = _panel_series(data, which)
    for p, name in zip(pts, names, strict=True):
        r = data[p]
        (line,) = axes[0].plot(r.taus, r.g2, lw=1, label=name)
        axes[0].fill_between(r.taus, r.g2 - r.stderr, r.g2 + r.stderr, color=line.get_color(),
                             alpha=0.25, lw=0)
    _clip(axes[0], YMAX)
    axes[0].set_xlabel("τΓ")
    axes[0].set_ylabel("g2(τ)")
    axes[0].set_title(f"(a) {ENGINE_LABEL[engine_name]}", fontsize=9)
    axes[0].legend(fontsize=6, ncol=2)
    for rule, marker, fill in (("mean_of_ratios", "o", True), ("ratio_of_means", "s", False)):
        g0 = [data[p].rule(rule)[0][0] for p in pts]
        e0 = [data[p].rule(rule)[1][0] for p in pts]
        fw = [data[p].rule(rule)[2] for p in pts]
        kw = dict(marker=marker, ms=4, lw=0.8, mfc=None if fill else "none",
                  label="mean of ratios" if fill else "ratio of means")
        axes[1].errorbar(xs, g0, yerr=e0, capsize=2, **kw)
        axes[2].plot(xs, fw, **kw)
    axes[1].axhline(1.0, color="0.6", lw=0.6, ls=":")
    _clip(axes[1], YMAX)
    axes[1].set_xlabel(xlabel)
    axes[1].set_ylabel("g2(0)")
    axes[1].set_title("(b)", fontsize=9)
    axes[1].legend(fontsize=6)
    axes[2].set_xlabel(xlabel)
    axes[2].set_ylabel("first-peak FWHM × Γ")
    axes[2].set_title("(c) baseline g2 = 1", fontsize=9)


def _save(fig, path: Path, name: str, caption: str, started: float) -> Figure:
    fig.subplots_adjust(left=0.07, right=0.98, bottom=0.09, top=0.95, wspace=0.28, hspace=0.38)
    return save_figure(fig, path, name, caption, COMMAND, started=started, dpi=100, tight=False)


def _summary(data: dict[VapourPoint, EnsembleG2]) -> list[dict[str, float]]:
    rows = []
    for p, r in data.items():
        g_r, e_r, f_r = r.rule("ratio_of_means")
        rows.append({"T_K": p.temperature, "Omega_R": p.omega_r, "Delta_av": p.delta_av,
                     "r_av_lambda": r.r_av_lam, "density_m3": r.density, "pairs": r.n_pairs,
                     "g2_0_mean_of_ratios": r.g2_0, "se_mean_of_ratios": r.g2_0_stderr,
                     "fwhm_mean_of_ratios": r.fwhm, "g2_0_ratio_of_means": float(g_r[0]),
                     "se_ratio_of_means": float(e_r[0]), "fwhm_ratio_of_means": f_r,
                     "expm_fallback_pairs": r.expm_fallback})
    return rows


CAPTIONS = {
    "fig2": ("Fig. 2", "g2 of 1500 random pairs at T = 380 K, Δ_av = 0, Ω_R/Γ = 5, 10, 15, 50: "
             "(a) g2(τ) with ±1 s.e. bands, (b) g2(0), (c) first-peak FWHM vs Ω_R."),
    "fig3": ("Fig. 3", "Ω_R/Γ = 20, Δ_av = 0, T = 450 ... 350 K: (a) g2(τ), (b) g2(0) and (c) "
             "first-peak FWHM vs the mean spacing ⟨r12⟩/λ of Eqs. (19)-(21)."),
    "fig4": ("Fig. 4", "Ω_R/Γ = 20, T = 380 K, Δ_av/Γ = 0, 5, 10, 15: (a) g2(τ), (b) g2(0), "
             "(c) first-peak FWHM vs Δ_av."),
}


def _notes(data: dict[str, dict[VapourPoint, EnsembleG2]], name: str) -> list[str]:
    """Computed one-line summaries (g2(0) ± s.e., FWHM) per engine and averaging rule."""
    if name == "Fig. 2":
        pts = [VapourPoint(380.0, om, 0.0) for om in FIG2_OMEGAS]
        what = "Ω_R = " + ", ".join(f"{om:g}" for om in FIG2_OMEGAS)
    elif name in ("Fig. 3", "Fig. 5"):
        pts = [VapourPoint(t, 20.0, 0.0) for t in TEMPS]
        what = "T = " + ", ".join(f"{t:g}" for t in TEMPS) + " K"
        if name == "Fig. 5":
            pts = [VapourPoint(t, 20.0, 35.0) for t in TEMPS]
            what += " at Δ_av = 35"
    else:
        pts = [VapourPoint(380.0, 20.0, d) for d in FIG4_DELTAS]
        what = "Δ_av = " + ", ".join(f"{d:g}" for d in FIG4_DELTAS)
    lines = []
    for eng in ENGINES:
        for rule in ("mean_of_ratios", "ratio_of_means"):
            vals = [data[eng][p].rule(rule) for p in pts]
            g0 = ", ".join(f"{g[0]:.3g}±{se[0]:.2g}" for g, se, _ in vals)
            fw = ", ".join(f"{fwhm:.3g}" for _, _, fwhm in vals)
            lines.append(f"{ENGINE_LABEL[eng]}, {rule.replace('_', ' ')}: g2(0) at {what}: {g0}; "
                         f"FWHM: {fw}")
    return lines


def figures(out_dir: Path, *, n_pairs: int = N_PAIRS, executor: Any = None) -> list[Figure]:
    """Figs. 2-5, derived (top row) and as printed (bottom row); data as .npz and .json."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    data = {name: compute(name, n_pairs, executor) for name in ENGINES}
    compute_s = time.perf_counter() - start
    figs: list[Figure] = []
    for which, (label, caption) in CAPTIONS.items():
        t0 = time.perf_counter()
        fig, axes = plt.subplots(2, 3, figsize=(11, 6.4))
        for row, name in enumerate(ENGINES):
            _plot_row(axes[row], data[name], which, name)
        figs.append(_save(fig, out_dir / f"thermal_pairs_{which}.png", label, caption + " Top: derived; "
                          "bottom: as printed. Filled: mean of ratios; open: ratio of means.", t0))
    t0 = time.perf_counter()
    fig, axes = plt.subplots(2, 2, figsize=(10, 6.6), sharex=True)
    for col, name in enumerate(ENGINES):
        for row, rule in enumerate(("mean_of_ratios", "ratio_of_means")):
            ax = axes[row, col]
            for de, marker in zip(FIG5_DELTAS, ("o", "^", "D", "p"), strict=True):
                res = [data[name][VapourPoint(t, 20.0, de)] for t in TEMPS]
                ax.errorbar([r.density for r in res], [r.rule(rule)[0][0] for r in res],
                            yerr=[r.rule(rule)[1][0] for r in res], marker=marker, ms=4,
                            capsize=2, lw=0.8, label=f"Δ_av = {de:g}Γ")
            ax.axhline(1.0, color="0.6", lw=0.6, ls=":")
            ax.set_xscale("log")
            _clip(ax, YMAX)
            ax.set_title(f"{ENGINE_LABEL[name]}, {rule.replace('_', ' ')}", fontsize=9)
            ax.set_ylabel("g2(0)")
            ax.legend(fontsize=6)
    for ax in axes[1]:
        ax.set_xlabel("number density N (m⁻³)")
    figs.append(_save(fig, out_dir / "thermal_pairs_fig5.png", "Fig. 5", "g2(0) vs number density "
                      "(T = 350-450 K) for Δ_av/Γ = 0, 15, 20, 35, Ω_R/Γ = 20; derived (left), as printed "
                      "(right); mean of ratios (top), ratio of means (bottom).", t0))
    for name in ENGINES:
        rows = _summary(data[name])
        json_path = out_dir / f"thermal_pairs_vapour_{name}.json"
        atomic_write_text(json_path, json.dumps(rows, indent=1) + "\n")
        arrays = {f"g2_{i}": r.g2 for i, r in enumerate(data[name].values())}
        arrays.update({f"se_{i}": r.stderr for i, r in enumerate(data[name].values())})
        np.savez_compressed(out_dir / f"thermal_pairs_vapour_{name}.npz", taus=TAUS, **arrays)
        figs.append(Figure(name=f"Figs. 2-5 data ({name})", path=json_path,
                           caption=f"g2(0) and FWHM per point, both averaging rules, {name}; "
                           "g2(τ) arrays in the .npz of the same name.", command=COMMAND))
    for f in figs[:4]:
        f.notes.extend(_notes(data, f.name))
    for f in figs:
        f.notes.append(f"ensembles computed in {compute_s:.1f} s ({len(points())} points × "
                       f"{n_pairs} pairs × {TAUS.size} τ × 2 engines)")
    return figs
