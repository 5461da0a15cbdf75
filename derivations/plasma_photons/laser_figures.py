"""Figure 5 of seed 001_acf7c75771656388.txt: beam intensity vs wavelength at fixed γ (Eq. (106)).

Curves I₀/I_c = γ(λ_c/λ_L)³ (Eq. (106) solved for I₀) and the dashed relativistic line a₀ = 1,
I_rel/I_c = (λ_c/λ_L)², computed from CODATA in ``symlight.models.plasma_laser``; the model holds
below the line (non-relativistic electrons), i.e. for λ_L > γλ_c on a curve of fixed γ.
"""

from __future__ import annotations

import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import sympy as sp  # noqa: E402

from symlight.dispersion import track_roots  # noqa: E402
from symlight.models import plasma_laser as pl  # noqa: E402
from symlight.models import plasma_photons as pp  # noqa: E402
from symlight.models.plasma_photons import compton_wavelength  # noqa: E402
from symlight.report import Figure, save_figure  # noqa: E402

CMD = "symlight reproduce plasma-photons --out DIR"
GAMMAS = (1e-2, 1e-1, 1.0, 10.0, 1e2)


def fig5(out: Path, full: bool = False) -> Figure:
    t0 = time.perf_counter()
    lam = np.logspace(-13, -5, 801 if full else 201)          # m
    fig, ax = plt.subplots(figsize=(6, 4.5))
    for g in GAMMAS:
        ax.plot(lam * 1e9, pl.intensity_for_gamma(g, lam), label=rf"$\gamma = {g:g}$")
    ax.plot(lam * 1e9, pl.relativistic_intensity_ratio(lam), "k--", label=r"$a_0 = 1$ (relativistic)")
    ax.axvline(compton_wavelength() * 1e9, color="0.6", lw=0.8, ls=":")
    ax.set(xscale="log", yscale="log", xlabel=r"$\lambda_L$ (nm)", ylabel=r"$I_0/I_c$",
           ylim=(1e-24, 1e4))
    ax.legend(fontsize=7)
    return save_figure(fig, Path(out) / "plasma_photons_fig5.png", "Fig. 5",
                       "Normalised beam intensity I₀/I_c = γ(λ_c/λ_L)³ vs wavelength at fixed γ (Eq. (106)); "
                       "dashed: a₀ = eA₀/(m_ec) = 1, I_rel/I_c = (λ_c/λ_L)² (derived, CODATA); the model "
                       "holds below it, i.e. λ_L > γλ_c. Dotted: λ_c.", CMD, started=t0)


def fig6_derived(out: Path, full: bool = False) -> Figure:
    """Modes of det D_∥ derived from the linearised fluid equations (solid) vs the printed cubic
    (104)-(105) (dashed), n₀ = 10²⁷ cm⁻³, γ ∈ {0.1, 10}, θ ∈ {π, 0}."""
    from derivations.plasma_photons import laser_claims as lc

    t0 = time.perf_counter()
    qs = np.linspace(0.02, 4.0, 400 if full else 120)
    sub = {pl.N0: lc.n0_of_gamma()}
    cub = [sp.cancel(cf.subs(sub).subs(pl.w0, pl.c * pl.k0)) for cf in pl.laser_cubic()]
    fn = lc._cubic_function(cub)
    fig, axes = plt.subplots(2, 4, figsize=(12, 5), sharex=True)
    growth = []
    for col, (g, cv) in enumerate(((0.1, -1.0), (10.0, -1.0), (0.1, 1.0), (10.0, 1.0))):
        vals, a_hbar = lc._dimensionless_values(g, cv)
        der = track_roots(lambda qq, g=g, cv=cv, vals=vals: lc._cubic_at(fn, vals, g, cv, qq), qs)
        v2 = float(vals[pl.veff2])
        pr = track_roots(lambda qq, g=g, cv=cv, v2=v2, a=a_hbar: pp.cubic_coefficients(qq, v2, g, cv, a), qs)
        for j in range(3):
            lab_d, lab_p = (r"derived det $D_\parallel$", "printed (104)-(105)") if j == 0 else (None, None)
            axes[0, col].plot(qs, der[:, j].real, "C0-", lw=1.2, label=lab_d)
            axes[0, col].plot(qs, pr[:, j].real, "C3--", lw=1.0, label=lab_p)
            axes[1, col].plot(qs, der[:, j].imag, "C0-", lw=1.2)
            axes[1, col].plot(qs, pr[:, j].imag, "C3--", lw=1.0)
        im_d, im_p = max(der.imag.max(), 0.0), max(pr.imag.max(), 0.0)
        growth.append(f"γ={g:g}, θ={'π' if cv < 0 else '0'}: max Im ω = {im_d:.2g} (derived), "
                      f"{im_p:.2g} (printed)")
        theta = r"\pi" if cv < 0 else "0"
        axes[0, col].set_title(rf"$\gamma={g:g}$, $\theta={theta}$", fontsize=9)
        axes[1, col].set_xlabel(r"$cq/\omega_p$")
    axes[0, 0].set_ylabel(r"Re $\omega/\omega_p$")
    axes[1, 0].set_ylabel(r"Im $\omega/\omega_p$")
    axes[0, 0].legend(fontsize=7)
    return save_figure(fig, Path(out) / "plasma_photons_fig6_derived.png", "Fig. 6 (derived vs printed)",
                       "Laser-driven modes at n₀ = 10²⁷ cm⁻³: roots of det D_∥ derived from the linearised "
                       "(52), (53)/(102), Poisson and (61) with (55), (48), (91)-(92) (solid) vs the printed "
                       "cubic (104)-(105) (dashed). Computed growth rates (ω_p): " + "; ".join(growth)
                       + ". Closure of the derived det: (52) with J^(2) = Vn inside the divergence; see "
                       "claims (104), (105).", CMD, started=t0)


def figures(out_dir: Path, full: bool = False) -> list[Figure]:
    """Fig. 5 (201 wavelengths; 801 with ``full``) and the derived-vs-printed Fig. 6 panels."""
    return [fig5(Path(out_dir), full), fig6_derived(Path(out_dir), full)]
