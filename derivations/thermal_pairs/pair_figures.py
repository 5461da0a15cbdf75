"""Figures of seed 002_796c9b23bedf2618.txt for the single driven pair (not the vapour average).

* couplings γ₁₂, g₁₂ of Eqs. (38)–(39) against k₀r (derived, with the orientation averages);
* g⁽²⁾(τ) of one pair from the derived equations and from the printed Eqs. (48)–(62), whose
  (54)–(55) carry 2γ₁₂S₁₅ instead of 4γ₁₂S₁₅, at three spacings (Ω_R = 20Γ, Δ = 0);
* derivation time of the N-atom hierarchy (4^N − 1 equations), N = 2…4.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import sympy

from symlight.report import Figure, save_figure

COMMAND = "symlight reproduce thermal-pairs --out DIR"


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _couplings(out_dir: Path) -> Figure:
    from symlight.models import dipole_coupling as dc

    start = time.perf_counter()
    plt = _plt()
    x = np.linspace(0.05, 12, 600)
    fig, ax = plt.subplots(1, 2, figsize=(9, 3.4))
    for cval, ls in ((0.0, "-"), (1.0, "--")):
        ax[0].plot(x, dc.gamma12(x, cval), ls, label=f"cos θ = {cval:g}")
        ax[1].plot(x, dc.g12(x, cval), ls, label=f"cos θ = {cval:g}")
    ax[0].plot(x, np.sin(x) / x, ":", label="orientation average")
    ax[1].plot(x, -np.cos(x) / x, ":", label="orientation average")
    ax[0].set(xlabel="k0 r", ylabel="γ12 / Γ", title="Eq. (39), derived from (30)")
    ax[1].set(xlabel="k0 r", ylabel="g12 / Γ", title="Eq. (38), derived from (32)", ylim=(-3, 3))
    for a in ax:
        a.legend(fontsize=7)
    path = out_dir / "thermal_pairs_couplings.png"
    return save_figure(fig, path, "Eqs. (38)-(39)", "Collective decay γ12 and dipole shift g12 of two "
                       "parallel dipoles (θ = angle between dipole and separation), derived from the "
                       "angular integral (30) and the principal-value integral (32); series used below "
                       "k0 r = 0.08.", COMMAND, started=start)


def _g2_printed_vs_derived(out_dir: Path) -> Figure:
    from derivations.thermal_pairs.pair_claims import printed_system
    from symlight.models import dipole_coupling as dc
    from symlight.models.driven_pair_moments import DrivenDipolePair
    from symlight.moments import numeric as nm

    start = time.perf_counter()
    plt = _plt()
    model = DrivenDipolePair()
    Mp, bp = printed_system(model)
    f_m = sympy.lambdify(list(model.symbols), Mp, "numpy")
    f_b = sympy.lambdify(list(model.symbols), bp, "numpy")
    taus = np.linspace(0, 1.5, 300)
    fig, ax = plt.subplots(1, 3, figsize=(11, 3.2), sharey=True)
    names = ("Omega1", "Omega2", "Delta1", "Delta2", "g12", "gamma12")
    for a, r in zip(ax, (0.05, 0.1, 0.35), strict=True):
        x = 2 * np.pi * r
        p = {"Omega1": 20.0, "Omega2": 20.0 * np.exp(-1j * x), "Delta1": 0.0, "Delta2": 0.0,
             "g12": float(dc.g12(x, 0.0)), "gamma12": float(dc.gamma12(x, 0.0))}
        a.plot(taus, model.g2(taus, p), label="derived (4 γ12 S15)")
        vals = [p[n] for n in names]
        M = np.array(f_m(*vals), dtype=complex)[None]
        b = np.array(f_b(*vals), dtype=complex).reshape(1, -1)
        sss = nm.steady_state(M, b)
        num = 0
        for (i, j), k in (((1, 2), 7), ((2, 1), 6), ((2, 2), 4), ((1, 1), 5)):
            T, t0, cvec, c0 = model._regression_arrays[(i, j)]
            X = nm.regression(M, sss, sss @ T.T + t0, sss @ cvec + c0, taus)
            num = num + X[0, :, k]
        den = 2 * sss[0, 4] * sss[0, 5] + 2 * sss[0, 6] * sss[0, 7]
        a.plot(taus, (num / den).real, "--", label="printed (2 γ12 S15)")
        a.set(title=f"r = {r} λ (γ12 = {p['gamma12']:.2f}, g12 = {p['g12']:.2g})", xlabel="Γτ")
    ax[0].set_ylabel("g2(τ)")
    ax[0].legend(fontsize=7)
    path = out_dir / "thermal_pairs_g2_printed_vs_derived.png"
    return save_figure(fig, path, "Eqs. (54)-(55)", "g2(τ) of one resonantly driven pair (Ω_R = 20Γ, "
                       "broadside dipoles, running-wave phase) from the derived moment equations and "
                       "from the printed Eqs. (48)-(62): the printed 2γ12 S15 in (54)-(55) turns the "
                       "bunching of close pairs into antibunching.", COMMAND, started=start)


def _scaling(out_dir: Path) -> Figure:
    from symlight.moments.examples import hierarchy

    start = time.perf_counter()
    plt = _plt()
    ns = [2, 3, 4]
    ts = [hierarchy(n)[1] for n in ns]
    fig, ax = plt.subplots(figsize=(4.2, 3.2))
    ax.semilogy([4**n - 1 for n in ns], ts, "o-")
    for n, t in zip(ns, ts, strict=True):
        ax.annotate(f"N={n}", (4**n - 1, t))
    ax.set(xlabel="equations 4^N - 1", ylabel="derivation time (s)", xscale="log",
           title="moment hierarchy of N driven atoms")
    path = out_dir / "thermal_pairs_hierarchy_scaling.png"
    return save_figure(fig, path, "engine scaling", "Time to derive and assemble the closed moment "
                       "hierarchy of N driven two-level atoms with pairwise dipole-dipole couplings and "
                       "a collective rate matrix (N = 5, 1023 equations: see bench/bench_moments.py).",
                       COMMAND, started=start)


def figures(out_dir: Path) -> list[Figure]:
    """Pair figures of seed 002 (about 10-20 s)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [_couplings(out_dir), _g2_printed_vs_derived(out_dir), _scaling(out_dir)]
