"""Boomerang self-energy of two dipoles versus wave number, seed 003 Eqs. (11)–(13) and Fig. 1.

Σ_B(p) = n²t² ∫d³r [G0/(1 - t²G0²) - G0] e^{ip·r}  (the third term of (11), rewritten as in (12)),
including the Lorentz contact term δ(r)/3k² of G0, which gives -n²t²/3k² (Lorenz–Lorentz).  With
the eigenvalues f_c = t²g_c³/(1 - t²g_c²) (c = P, Q) of the r > 0 integrand one splits
f_c = h_c - gL_c, gL = (1 - 3r̂r̂)/(4πk²r³) the static longitudinal part; its principal-value Fourier
transform is exactly (1/3)Δ_p - (2/3)p̂p̂ (∫₀^∞ j₂(x)/x dx = 1/3), so (k = 1)

    Σ_T/(n²t²) = H_T(p),        Σ_L/(n²t²) = H_L(p) - 1,

H = the Fourier transform of the regular remainder h (→ 0 as p → ∞): this is Eq. (13).  H is
computed on composite Gauss–Legendre panels refined at the subradiant near-poles, with the angular
kernels j₀(pr), j₁(pr)/(pr) of the isotropic tensor F_P Δ_r + F_Q r̂r̂.
"""

from __future__ import annotations

import numpy as np
from scipy.special import spherical_jn

from symlight.errors import InputError
from symlight.greens.tmatrix import t_value
from symlight.numerics.dipole_radial import _g, near_poles


def _panels(delta: float, r_max: float, nodes: int = 16) -> tuple[np.ndarray, np.ndarray]:
    edges = list(np.geomspace(1e-3, 1.0, 25)) + list(np.arange(1.25, r_max + 1e-9, 0.25))
    for p in near_poles(delta, 8.0):
        edges += list(p + np.array([-0.05, -0.01, -0.002, 0.0, 0.002, 0.01, 0.05]))
    edges = np.unique(np.clip(edges, 1e-3, r_max))
    x, w = np.polynomial.legendre.leggauss(nodes)
    a, b = edges[:-1], edges[1:]
    r = (0.5 * (b - a)[:, None] * (x[None, :] + 1) + a[:, None]).ravel()
    wr = (0.5 * (b - a)[:, None] * w[None, :]).ravel()
    return r, wr


def boomerang(p: np.ndarray, delta: float, r_max: float = 120.0) -> dict[str, np.ndarray]:
    """Σ_T, Σ_L of the boomerang diagrams in units of (4πn/k³)² k² (Fig. 1), k = k0 = 1.

    Returns {"T", "L", "HT", "HL", "t"}; H are the regular parts (Σ/(n²t²) = H_T, H_L - 1).
    """
    pv = np.asarray(p, float)
    if np.any(pv <= 0):
        raise InputError("wave numbers p must be > 0 (units of k)")
    t = t_value(delta)
    r, wr = _panels(delta, r_max)
    gp, gq = _g(r)
    glp, glq = 1 / (4 * np.pi * r**3), -2 / (4 * np.pi * r**3)
    hp = (glp - gp) + gp / (1 - t**2 * gp**2)
    hq = (glq - gq) + gq / (1 - t**2 * gq**2)
    x = pv[:, None] * r[None, :]
    j0 = spherical_jn(0, x)
    j1x = spherical_jn(1, x) / x
    wgt = 4 * np.pi * r**2 * wr
    ht = (j0 * hp + j1x * (hq - hp)) @ wgt
    hl = (j0 * hp + (j0 - 2 * j1x) * (hq - hp)) @ wgt
    unit = t**2 / (16 * np.pi**2)
    return {"T": unit * ht, "L": unit * (hl - 1), "HT": ht, "HL": hl, "t": t}
