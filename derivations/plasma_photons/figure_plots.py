"""Figures 1-4 and 6 of seed 001_acf7c75771656388.txt (matplotlib, Agg, PNG)."""

from __future__ import annotations

import math
import time
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import sympy as sp  # noqa: E402
from scipy import constants as C  # noqa: E402

from symlight.dispersion import track_roots  # noqa: E402
from symlight.models import plasma_exchange as pe  # noqa: E402
from symlight.models import plasma_photons as pp  # noqa: E402
from symlight.numerics import fermi_dirac as fd  # noqa: E402
from symlight.report import Figure, save_figure  # noqa: E402

CMD = "symlight reproduce plasma-photons --out DIR"
TABLE1 = [("Magnetic fusion", 1e15, 1e7), ("Discharge", 1e15, 1e4), ("Laser fusion", 1e23, 1e7),
          ("Stellar cores", 1e27, 1e7), ("Solid-state", 1e22, 1e2)]


def _ratio_map(n_cm3: np.ndarray, T: np.ndarray, n_x: int) -> np.ndarray:
    """R(n, T) of Eq. (74) on a grid; η(X) and the polylogs tabulated on a log-X grid first."""
    lam = C.hbar / np.sqrt(2 * C.m_e * C.k * T)
    X = 4 * math.pi**1.5 * n_cm3 * 1e6 * lam**3
    lx = np.linspace(np.log(X.min()) - 0.1, np.log(X.max()) + 0.1, n_x)
    eta = np.array([fd.eta_from_degeneracy(math.exp(v)) for v in lx])
    li12 = np.array([fd.fd_integral(0.5, e) for e in eta])
    li52 = np.array([fd.fd_integral(2.5, e) for e in eta])
    ratio = np.exp(np.interp(np.log(X), lx, np.log(li12 / li52)))
    lamD2 = C.epsilon_0 * C.k * T / (n_cm3 * 1e6 * C.e**2)
    return lam**2 / lamD2 * ratio


def fig1(out: Path, full: bool) -> Figure:
    t0 = time.perf_counter()
    nn = 121 if full else 61
    n = np.logspace(12, 32, nn)
    T = np.logspace(0, 10, nn)
    N, TT = np.meshgrid(n, T)
    R = _ratio_map(N, TT, 400 if full else 160)
    fig, ax = plt.subplots(figsize=(6, 4.5))
    pc = ax.pcolormesh(N, TT, np.log10(R), shading="auto", cmap="coolwarm", vmin=-14, vmax=1.5)
    ax.contour(N, TT, R, levels=[0.01], colors="k", linestyles=":")
    for name, nv, Tv in TABLE1:
        ax.plot(nv, Tv, "ko", ms=4)
        ax.annotate(name, (nv, Tv), textcoords="offset points", xytext=(4, 4), fontsize=7)
    ax.set(xscale="log", yscale="log", xlabel=r"$n$ (cm$^{-3}$)", ylabel=r"$T$ (K)")
    fig.colorbar(pc, label=r"$\log_{10} R$")
    path = out / "plasma_photons_fig1.png"
    return save_figure(fig, path, "Fig. 1",
                       "Exchange-to-kinetic ratio R of Eq. (74) over the (n, T) plane, "
                       f"{nn}×{nn} grid (μ(n,T) by polylog inversion); dotted: R = 0.01; dots: Table 1.",
                       CMD, started=t0)


def fig2(out: Path, full: bool) -> Figure:
    t0 = time.perf_counter()
    y = sp.Symbol("y", positive=True)
    phi0 = pe.Q**2 * pe.kF / (2 * sp.pi**2 * pe.eps0)
    f_in = sp.lambdify(y, (pe.fock_potential("inside") / phi0).subs(pe.k, y * pe.kF).subs(pe.kF, 1), "numpy")
    f_out = sp.lambdify(y, (pe.fock_potential("outside") / phi0).subs(pe.k, y * pe.kF).subs(pe.kF, 1),
                        "numpy")
    ys_in = np.linspace(1e-3, 1 - 1e-6, 400)
    ys_out = np.linspace(1 + 1e-6, 3, 400)
    fig, ax = plt.subplots(figsize=(5, 3.5))
    ax.plot(np.r_[ys_in, ys_out], np.r_[f_in(ys_in), f_out(ys_out)], "C0")
    ax.axvline(1, color="grey", lw=0.5)
    ax.set(xlabel=r"$k/k_F$", ylabel=r"$\Phi^F(k)/\Phi^F_0$")
    path = out / "plasma_photons_fig2.png"
    return save_figure(fig, path, "Fig. 2",
                       "Normalised degenerate exchange potential Φ^F(k)/Φ^F_0 = −G(k_F/k), "
                       "from the SymPy derivation of Eq. (34) (both branches).", CMD, started=t0)


def fig3(out: Path, full: bool) -> Figure:
    t0 = time.perf_counter()
    dens = [1e21, 1e22, pp.critical_density() / 1e6, 1e23, 1e25]
    fig, (ax, axi) = plt.subplots(1, 2, figsize=(9, 3.8))
    for n_cm3 in dens:
        s = pp.plasma_scales(n_cm3 * 1e6)
        x = np.linspace(0, 3, 600 if full else 300)            # q v_F/ω_p
        qv = x * s.omega_p / s.v_F
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pp.ValidityWarning)
            w = pp.plasmon_omega(qv, n_cm3 * 1e6) / s.omega_p
        ax.plot(x, w.real, label=f"{n_cm3:.2g}")
        axi.plot(x, w.imag, label=f"{n_cm3:.2g}")
    x = np.linspace(0, 3, 300)
    ax.plot(x, np.sqrt(1 + x**2 / 3), "k--", label="no exchange")
    ax.set(xlabel=r"$q v_F/\omega_p$", ylabel=r"Re $\omega/\omega_p$")
    axi.set(xlabel=r"$q v_F/\omega_p$", ylabel=r"Im $\omega/\omega_p$")
    ax.legend(fontsize=7, title=r"$n$ (cm$^{-3}$)", title_fontsize=7)
    path = out / "plasma_photons_fig3.png"
    return save_figure(fig, path, "Fig. 3",
                       "Plasmon dispersion (84) with v_eff² = v_F²/3 − ṽ²/2 for several "
                       f"densities; flat at n_c = {dens[2]:.2g} cm⁻³ (critical_density); right: imaginary "
                       "parts (separate panel instead of an inset). Beyond q ~ 0.3 k_F the fluid closure is "
                       "outside its validity (the model warns).", CMD, started=t0)


def fig4(out: Path, full: bool) -> Figure:
    t0 = time.perf_counter()
    qv = np.linspace(0, 3, 600 if full else 300)
    v2 = -0.1
    we, wph = pp.polariton_bare_modes(qv, v2)
    fig, ax = plt.subplots(figsize=(5, 3.8))
    ax.plot(qv, we.real, "k--", lw=0.8)
    ax.plot(qv, wph, "k--", lw=0.8)
    for cstar, col in ((0.3, "C0"), (0.5, "C1")):
        wpl, wmi = pp.polariton_branches(qv, v2, cstar)
        ax.plot(qv, wpl.real, col, label=fr"$c_*={cstar}c$")
        ax.plot(qv, wmi.real, col)
    ax.set(xlabel=r"$cq/\omega_p$", ylabel=r"$\omega/\omega_p$", ylim=(0, 3.2))
    ax.legend(fontsize=8)
    path = out / "plasma_photons_fig4.png"
    return save_figure(fig, path, "Fig. 4",
                       "Plasmon–intensiton polaritons ω± of Eq. (87), v_eff² = −0.1c², "
                       "constant coupling c_p = c_* = 0.3c and 0.5c (as in the caption); dashed: bare "
                       "modes ω_e, ω_ph.", CMD, started=t0)


def fig6(out: Path, full: bool) -> Figure:
    t0 = time.perf_counter()
    s = pp.plasma_scales(1e27 * 1e6)
    v2 = s.v_eff2 / C.c**2
    a_hbar = C.hbar * s.omega_p / (C.m_e * C.c**2)
    qv = np.linspace(0.005, 4, 800 if full else 400)
    fig, axes = plt.subplots(2, 2, figsize=(9, 6), sharex=True)
    for col, gamma in enumerate((0.1, 10.0)):
        roots = track_roots(lambda q, g=gamma: pp.cubic_coefficients(q, v2, g, -1.0, a_hbar), qv)
        for ax, part in ((axes[0, col], np.real), (axes[1, col], np.imag)):
            if part is np.real:
                we = np.sqrt(1 + v2 * qv**2)
                for g in (we, -we, pp.omega_ph_laser(qv)):
                    ax.plot(qv, g, color="0.7", lw=1)
            for j in range(roots.shape[1]):
                ax.plot(qv, part(roots[:, j]), lw=1.2)
        axes[0, col].set_title(fr"$\gamma={gamma}$, $\theta=\pi$")
        axes[1, col].set_xlabel(r"$cq/\omega_p$")
    axes[0, 0].set_ylabel(r"Re $\omega/\omega_p$")
    axes[1, 0].set_ylabel(r"Im $\omega/\omega_p$")
    path = out / "plasma_photons_fig6.png"
    return save_figure(fig, path, "Fig. 6",
                       "Roots of the PRINTED cubic (104)-(105) (Γ as printed, not derived) "
                       "tracked along q (n₀ = 1e27 cm⁻³, "
                       f"θ = π, v_eff²/c² = {v2:.3g}, ħω_p/m_ec² = {a_hbar:.3g}); grey: uncoupled ±ω_e, "
                       "ω̃_ph. Complex-conjugate pairs mark the unstable band. The coupling derived from "
                       "the fluid equations differs: see 'Fig. 6 (derived vs printed)'.", CMD, started=t0)


def figures(out_dir: Path, full: bool = False) -> list[Figure]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [f(out_dir, full) for f in (fig1, fig2, fig3, fig4, fig6)]
