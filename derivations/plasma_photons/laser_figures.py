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

from symlight.models import plasma_laser as pl  # noqa: E402
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


def figures(out_dir: Path, full: bool = False) -> list[Figure]:
    """Fig. 5 (201 wavelengths; 801 with ``full``)."""
    return [fig5(Path(out_dir), full)]
