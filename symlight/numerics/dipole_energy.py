"""Energy density, diffuse gradient and Poynting flux of a dipole slab, seed 003 App. B (B1)-(B13).

Sample: a cylinder (radius R, thickness L along z) of point dipoles (``dipole_coherent``) lit by
E0 = x̂ e^{ik0 z}, B0 = ∇×E0/(ik0) = ŷ e^{ik0 z}.  Per configuration and detuning δ (units k0 = 1,
t = 6π/(2δ + i), Eq. (10)):

* (B6)  Ẽ_m = E0(r_m) + t Σ_{j≠m} G0(r_m - r_j)·Ẽ_j            (one dense solve per δ);
* (B7)  B̃_m = B0(r_m) - i t Σ_{j≠m} G0^(B)(r_m - r_j)·Ẽ_j     (kernel (B4)-(B5));
* (B1), (B3)  E(r), B(r) at observation points off the scatterers, and the flux
  K_z = Re(E × B̄)_z of (B11) (the common factor c0/8π of (B9)-(B11) cancels in (B13)).

Averages (configurations and the core ρ < R1 of the cylinder, slices in z) give the energy density
ρ̃ = ⟨|B̃|²⟩ (B9), its diffuse part ρ̃ - |⟨B̃⟩|² (B10), the coherent field ⟨Ẽ_x⟩ (fit (B8)), and the
flux ⟨K_z⟩ from planes in front of (z/L ∈ [-0.3, -0.1]) and behind (z/L ∈ [1.1, 1.3]) the sample,
linearly interpolated to z/L = 0.65.  Fick's law (B12) then gives (B13):

    ℓ* = -3 (k0/k_e) ⟨K_z⟩ / (dρ̃_dif/dz),   the slope fitted on k0 z ∈ [0.4 L, 0.9 L].

``configuration`` returns per-configuration sums (picklable, checkpointable: a dict of arrays), so
ensembles run through ``symlight.sweeps.run_sweep`` (``dipole_spectra.run_configurations``) and
``combine`` averages them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from symlight.errors import InputError
from symlight.greens.coupled import check_dipole_count, green_matrix
from symlight.greens.tmatrix import t_value
from symlight.numerics.dipole_coherent import cylinder_positions, fit_b8

#: flux planes of App. B: z/L in front of and behind the sample, and the interpolation point
FRONT = (-0.3, -0.1)
BACK = (1.1, 1.3)
Z_FLUX = 0.65


def _eps_rhat(u: np.ndarray) -> np.ndarray:
    """(ε·r̂)_ab = ε_abl r̂_l of Eq. (B5) for unit vectors (..., 3) → (..., 3, 3)."""
    e = np.zeros(u.shape[:-1] + (3, 3))
    e[..., 0, 1], e[..., 0, 2] = u[..., 2], -u[..., 1]
    e[..., 1, 0], e[..., 1, 2] = -u[..., 2], u[..., 0]
    e[..., 2, 0], e[..., 2, 1] = u[..., 1], -u[..., 0]
    return e


def _magnetic_kernel(sep: np.ndarray) -> np.ndarray:
    """G0^(B)(r) of (B4)-(B5) at k0 = 1 for nonzero separations (..., 3) → (..., 3, 3)."""
    rr = np.linalg.norm(sep, axis=-1)
    u = sep / rr[..., None]
    ex = np.exp(1j * rr) / (4 * np.pi * rr)
    return (-ex * rr * (1 / (1j * rr) + 1 / rr**2))[..., None, None] * _eps_rhat(u)


def magnetic_matrix(positions: np.ndarray, *, max_dipoles: int | None = None) -> np.ndarray:
    """3M x 3M matrix of G0^(B)(r_m - r_j) (zero diagonal blocks), Eq. (B4), row index 3m+a."""
    pos = np.asarray(positions, float)
    m = len(pos)
    check_dipole_count(m, max_dipoles)
    sep = pos[:, None, :] - pos[None, :, :]
    sep[np.arange(m), np.arange(m)] = 1.0  # placeholder, zeroed below
    blk = _magnetic_kernel(sep)
    blk[np.arange(m), np.arange(m)] = 0.0
    return blk.transpose(0, 2, 1, 3).reshape(3 * m, 3 * m)


def fields_at(points: np.ndarray, positions: np.ndarray, e_tilde: np.ndarray,
              t: complex) -> tuple[np.ndarray, np.ndarray]:
    """E(r) and B(r) of (B1), (B3) at points off the scatterers: (P, 3) each, incident x̂/ŷ e^{iz}."""
    pts = np.asarray(points, float)
    sep = pts[:, None, :] - np.asarray(positions, float)[None, :, :]
    rr = np.linalg.norm(sep, axis=-1)
    if np.any(rr == 0):
        raise InputError("an observation point coincides with a dipole (zero separation): the field "
                         "of a point dipole is singular there; move the point off the scatterers")
    u = sep / rr[..., None]
    ex = np.exp(1j * rr) / (4 * np.pi * rr)
    # the kernels applied to Ẽ_j without forming 3x3 blocks (cost P·M·3, 3x less than the blocks):
    # G0·Ẽ = -ex [P Ẽ + (Q - P) r̂ (r̂·Ẽ)] (B2);  G0^(B)·Ẽ = c (Ẽ × r̂), c = -ex r (1/(ir) + 1/r²) (B4)-(B5)
    p = 1 - 1 / (1j * rr) - 1 / rr**2
    q = 2 / (1j * rr) + 2 / rr**2
    ue = np.einsum("pjb,jb->pj", u, e_tilde)
    e = -t * ((ex * p) @ e_tilde + np.einsum("pj,pja->pa", ex * (q - p) * ue, u))
    c = -ex * rr * (1 / (1j * rr) + 1 / rr**2)
    b = -1j * t * np.einsum("pj,pja->pa", c, np.cross(np.asarray(e_tilde)[None, :, :], u))
    phase = np.exp(1j * pts[:, 2])
    e[:, 0] += phase
    b[:, 1] += phase
    return e, b


def flux_z(e: np.ndarray, b: np.ndarray) -> np.ndarray:
    """K_z = Re(E × B̄)_z (Eq. (B11) without the factor c0/8π)."""
    return (e[:, 0] * np.conj(b[:, 1]) - e[:, 1] * np.conj(b[:, 0])).real


def _plane_points(radius: float, z: float, n: int) -> np.ndarray:
    """n points on a sunflower (Vogel) spiral filling the disc ρ < radius at height z."""
    i = np.arange(n) + 0.5
    rho = radius * np.sqrt(i / n)
    ph = i * np.pi * (3 - np.sqrt(5))
    return np.column_stack([rho * np.cos(ph), rho * np.sin(ph), np.full(n, z)])


def configuration(density: float, deltas: Sequence[float], *, seed: int, radius: float, length: float,
                  bins: int = 20, core: float | None = None, planes: int = 3, plane_points: int = 40,
                  max_dipoles: int | None = None) -> dict[str, np.ndarray]:
    """One random cylinder: slice sums of Ẽ_x, B̃, |B̃|² over the core and the plane-averaged flux.

    Returns arrays with a leading axis over ``deltas``: ``sumE`` (D, bins), ``sumB`` (D, bins, 3),
    ``sumB2`` (D, bins), ``count`` (bins), ``zflux`` (2·planes), ``Kz`` (D, 2·planes), ``M``.
    """
    r1 = radius - length if core is None else core
    if not 0 < r1 <= radius:
        raise InputError(f"core radius R1 = {r1} must lie in (0, R = {radius}]: use R > L or give core=")
    if not 0 < 4 * np.pi * density <= 10:
        import warnings

        from symlight.models.dipole_medium import RegimeWarning

        warnings.warn(f"4πn/k0³ = {4 * np.pi * density:.3g} is outside the range simulated in seed 003 "
                      "(0.25–6.28, App. B); point dipoles with G0 at k0 may not describe it",
                      RegimeWarning, stacklevel=2)
    rng = np.random.default_rng(int(seed))
    pos = cylinder_positions(density, radius, length, rng, max_dipoles=max_dipoles)
    m = len(pos)
    check_dipole_count(m, max_dipoles)
    g = green_matrix(pos, max_dipoles=max_dipoles)
    gb = magnetic_matrix(pos, max_dipoles=max_dipoles)
    e0 = np.zeros((m, 3), complex)
    e0[:, 0] = np.exp(1j * pos[:, 2])
    b0 = np.zeros((m, 3), complex)
    b0[:, 1] = e0[:, 0]
    sel = np.hypot(pos[:, 0], pos[:, 1]) < r1
    edges = np.linspace(0, length, bins + 1)
    idx = np.clip(np.digitize(pos[sel, 2], edges) - 1, 0, bins - 1)
    zf = np.concatenate([np.linspace(*FRONT, planes), np.linspace(*BACK, planes)]) * length
    pts = np.concatenate([_plane_points(r1, z, plane_points) for z in zf])
    nd = len(deltas)
    out = {"sumE": np.zeros((nd, bins), complex), "sumB": np.zeros((nd, bins, 3), complex),
           "sumB2": np.zeros((nd, bins)), "count": np.bincount(idx, minlength=bins).astype(float),
           "zflux": zf, "Kz": np.zeros((nd, len(zf))), "M": np.array(m)}
    eye = np.eye(3 * m)
    for a, d in enumerate(deltas):
        t = complex(t_value(d))  # single dipole, Eq. (10), k0 = 1
        et = np.linalg.solve(eye - t * g, e0.ravel())
        bt = b0.ravel() - 1j * t * (gb @ et)
        et, bt = et.reshape(-1, 3), bt.reshape(-1, 3)
        np.add.at(out["sumE"][a], idx, et[sel, 0])
        np.add.at(out["sumB"][a], idx, bt[sel])
        np.add.at(out["sumB2"][a], idx, np.sum(np.abs(bt[sel]) ** 2, axis=1))
        e, b = fields_at(pts, pos, et, t)
        out["Kz"][a] = flux_z(e, b).reshape(len(zf), plane_points).mean(axis=1)
    return out


def combine(results: Sequence[dict[str, Any]], length: float) -> dict[str, np.ndarray]:
    """Ensemble averages: z, ⟨Ẽ_x⟩, ρ̃ (B9), coherent |⟨B̃⟩|², ρ̃_dif (B10), ⟨K_z⟩ on the planes."""
    cnt = np.sum([r["count"] for r in results], axis=0)
    c = np.maximum(cnt, 1)
    se = np.sum([r["sumE"] for r in results], axis=0)
    sb = np.sum([r["sumB"] for r in results], axis=0)
    sb2 = np.sum([r["sumB2"] for r in results], axis=0)
    bins = cnt.size
    edges = np.linspace(0, length, bins + 1)
    rho = sb2 / c
    coh = np.sum(np.abs(sb / c[None, :, None]) ** 2, axis=-1)
    kz = np.array([r["Kz"] for r in results])
    return {"z": 0.5 * (edges[1:] + edges[:-1]), "E": se / c, "rho": rho, "rho_coh": coh,
            "rho_dif": rho - coh, "count": cnt, "zflux": np.asarray(results[0]["zflux"]),
            "Kz": kz.mean(axis=0), "Kz_err": kz.std(axis=0, ddof=1) / np.sqrt(len(kz)) if len(kz) > 1
            else np.zeros(kz.shape[1:]), "configurations": np.array(len(results))}


def flux_at(zflux: np.ndarray, kz: np.ndarray, length: float, z: float = Z_FLUX) -> float:
    """Linear fit of ⟨K_z⟩ over the front and back planes, evaluated at z/L = ``z`` (App. B)."""
    p = np.polyfit(np.asarray(zflux) / length, kz, 1)
    return float(np.polyval(p, z))


def transport_mean_free_path(avg: dict[str, np.ndarray], length: float, k_e: np.ndarray | float,
                             window: tuple[float, float] = (0.4, 0.9)) -> dict[str, np.ndarray]:
    """(B12)-(B13) per detuning: slope of ρ̃_dif on z ∈ window·L, flux at 0.65 L, ℓ* and its σ."""
    z = avg["z"]
    sel = (z >= window[0] * length) & (z <= window[1] * length)
    k_e = np.broadcast_to(np.asarray(k_e, float), (avg["rho_dif"].shape[0],))
    slope, slope_err, flux, ell = [], [], [], []
    for a in range(avg["rho_dif"].shape[0]):
        coef, cov = np.polyfit(z[sel], avg["rho_dif"][a, sel], 1, cov=True)
        slope.append(coef[0])
        slope_err.append(np.sqrt(cov[0, 0]))
        flux.append(flux_at(avg["zflux"], avg["Kz"][a], length))
        ell.append(-3 / k_e[a] * flux[-1] / coef[0])
    slope, slope_err, ell = np.array(slope), np.array(slope_err), np.array(ell)
    return {"slope": slope, "slope_err": slope_err, "flux": np.array(flux), "ell_star": ell,
            "ell_star_err": np.abs(ell) * slope_err / np.abs(slope)}


def coherent_fits(avg: dict[str, np.ndarray], length: float, k_guess: float = 1.0) -> list[dict[str, float]]:
    """Fit (B8) of Re⟨Ẽ_x(z)⟩ per detuning (k_e, ℓ with their σ)."""
    return [fit_b8(avg["z"], avg["E"][a], length, k_guess=k_guess) for a in range(avg["E"].shape[0])]


def slab_ensemble(density: float, deltas: Sequence[float], configurations: int, *, radius: float,
                  length: float, bins: int = 12, core: float | None = None, seed0: int = 0,
                  executor: Any = "serial", workers: int | None = None, checkpoint: str | None = None,
                  max_dipoles: int | None = None, **kw: Any) -> dict[str, Any]:
    """Appendix B pipeline on ``configurations`` random cylinders (through ``symlight.sweeps``):
    averages (``combine``), the (B8) fits per δ, and ℓ* of (B13) with k_e from the fits; ℓ* errors
    from the slope fit (``ell_star_err``) and a jackknife over configurations (``ell_star_jk_err``)."""
    from symlight.numerics.dipole_spectra import run_configurations

    if configurations < 2:
        raise InputError(f"configurations = {configurations!r}: need at least 2 for error bars")
    deltas = [float(d) for d in deltas]
    res = run_configurations(configuration, range(seed0, seed0 + configurations), density, deltas,
                             radius=radius, length=length, bins=bins, core=core,
                             max_dipoles=max_dipoles, executor=executor, workers=workers,
                             checkpoint=checkpoint, **kw)
    avg = combine(res, length)
    fits = coherent_fits(avg, length)
    k_e, fit_ok = _usable_k_e(fits, deltas, density)
    tr = transport_mean_free_path(avg, length, k_e)
    # jackknife over configurations (k_e held fixed): honest errors for the heavy-tailed ⟨|B̃|²⟩
    loo = np.array([transport_mean_free_path(combine(res[:i] + res[i + 1:], length), length, k_e)["ell_star"]
                    for i in range(len(res))])
    nres = len(res)
    tr["ell_star_jk_err"] = np.sqrt((nres - 1) / nres * np.sum((loo - loo.mean(axis=0)) ** 2, axis=0))
    return {"avg": avg, "fits": fits, "k_e": k_e, "k_e_from_fit": fit_ok, "transport": tr,
            "deltas": np.array(deltas),
            "M_mean": float(np.mean([r["M"] for r in res])), "density": density,
            "radius": radius, "length": length, "configurations": configurations}


def _usable_k_e(fits: Sequence[dict[str, float]], deltas: Sequence[float],
                density: float) -> tuple[np.ndarray, np.ndarray]:
    """k_e of the (B8) fit where it is determined (0.2 < k_e < 3, σ < 20%), else the ISA Re K
    (flagged False): a failed fit must not turn (B13) into nonsense."""
    import warnings

    from symlight.models.dipole_medium import RegimeWarning, isa_wavenumber

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RegimeWarning)
        isa = isa_wavenumber(np.asarray(deltas, float), density).real
    ke = np.array([f["k_e"] for f in fits])
    err = np.array([f["k_e_err"] for f in fits])
    ok = np.isfinite(ke) & np.isfinite(err) & (ke > 0.2) & (ke < 3.0) & (err < 0.2 * np.abs(ke))
    return np.where(ok, ke, isa), ok
