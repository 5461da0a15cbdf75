"""Two-photon distribution P(k₁, k₂) and the ratio R = P⇔/P⇄ at finite coupling (seed 004).

Amplitude: Eq. (26) at z = ω(k₁) + ω(k₂) (the bare two-photon pole, Eq. (33)), with the vertex
approximation (43) and Σ₂(z) from Eq. (19) with (43) (``Propagators.sigma2``). The below-threshold
term A_bt of Eq. (33) is not included (its weight scales like λ⁴). Paper units (c = 1).

P⇔ = ½∫_{k₁k₂>0} P = ∫_{k₁,k₂>0} P (mirror symmetry P(−k₁,−k₂) = P(k₁,k₂)) and
P⇄ = ½∫_{k₁k₂<0} P = ∫_{k₁>0>k₂} P (exchange symmetry), Eqs. (40)–(41).

Quadrature (peak-aware): outer variable z = ω₁ + ω₂ ∈ [2M, z_max], inner θ ∈ [0, π] with
ω₁ = M + (z − 2M) sin²(θ/2), which removes the 1/√ threshold Jacobians; dk₁dk₂ =
ω₁ω₂/√((ω₁+M)(ω₂+M)) dθ dz. Panels are graded geometrically around every peak of width O(λ²):
in z at 2ω₀ + Re σ₂ and at Re(E_s + E_s') (E_s the complex single-excitation poles), in ω₁ at
Re E_s and z − Re E_s.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from symlight.errors import InputError
from symlight.models.waveguide_pair.params import PairParams
from symlight.models.waveguide_pair.propagators import Propagators
from symlight.numerics.peak_quadrature import graded_breakpoints, panel_rule


@dataclass
class Accuracy:
    """Quadrature settings: Gauss nodes per panel, geometric grading ratio, outer cutoff."""

    n: int = 4
    ratio: float = 4.0
    z_max: float = 120.0
    k_max: float = 400.0

    def refined(self) -> Accuracy:
        return Accuracy(n=self.n + 4, ratio=1.0 + (self.ratio - 1.0) / 2.0, z_max=2 * self.z_max,
                        k_max=2 * self.k_max)


@dataclass
class RatioResult:
    R: float
    P_parallel: float
    P_antiparallel: float
    nodes: int

    @property
    def total(self) -> float:
        return self.P_parallel + self.P_antiparallel


def amplitude(pr: Propagators, w1: np.ndarray, w2: np.ndarray, ph1: np.ndarray, ph2: np.ndarray,
              z: np.ndarray, g2inv: np.ndarray, shifts: dict[int, np.ndarray],
              sig1: dict[int, np.ndarray], sig2: dict[int, np.ndarray]) -> np.ndarray:
    """A(k₁, k₂, z) of Eq. (26), from energies ω_j, phases e^{ik_j d}, 1/(z − 2ω₀ − Σ₂(z)) etc.

    v_s(k) = g(k)(1 + s e^{ikd})/√2 (Eq. (16)); X_s from Eq. (43) with z − ω(k_j) = ω_other.
    """
    par = pr.par
    lam = par.lam
    gg = lam * lam / np.sqrt(w1 * w2)          # g(k₁)g(k₂)
    out = np.zeros(np.broadcast(w1, w2).shape, dtype=complex)
    for s in (1, -1):
        vv = gg * (1 + s * ph1) * (1 + s * ph2) / 2.0
        X1 = pr.X(w1, sig2[s], shifts[s], s)   # X_s(k₁, z): Σ_s(z − ω₁) = Σ_s(ω₂)
        X2 = pr.X(w2, sig1[s], shifts[s], s)
        h = (1 + X1) / (w2 - par.omega0 - sig2[s]) + (1 + X2) / (w1 - par.omega0 - sig1[s])
        out += s * vv * h
    return out * g2inv


def _z_rule(pr: Propagators, acc: Accuracy) -> tuple[np.ndarray, np.ndarray]:
    par = pr.par
    E = pr.complex_poles
    sig2 = pr.sigma_on_shell[1] + pr.sigma_on_shell[-1]
    centers = [2 * par.omega0 + sig2.real, par.omega0 + par.M]
    widths = [abs(sig2.imag), max(abs(E[1].imag), abs(E[-1].imag), 1e-14)]
    for a in (1, -1):
        for b in (1, -1):
            c = E[a] + E[b]
            centers.append(c.real)
            widths.append(max(abs(c.imag), 1e-15))
    brk = graded_breakpoints(2 * par.M, acc.z_max, centers, widths, ratio=acc.ratio, inner=0.5,
                             hmax=0.25)
    # geometric panels far out (the distribution decays like z^-3 there)
    far = brk > 2 * par.omega0 + 4
    if np.any(far):
        start = brk[~far][-1]
        tail = start + (acc.z_max - start) * (np.geomspace(1, 2 ** 12, 13) - 1) / (2 ** 12 - 1)
        brk = np.unique(np.concatenate([brk[~far], tail]))
    return panel_rule(brk, acc.n)


def _theta_rule(pr: Propagators, zi: float, acc: Accuracy) -> tuple[np.ndarray, np.ndarray]:
    par = pr.par
    span = zi - 2 * par.M
    centers, widths = [], []

    def theta_of(w: float) -> float:
        x = (w - par.M) / span
        return 2 * np.arcsin(np.sqrt(min(max(x, 0.0), 1.0)))

    for s in (1, -1):
        Es = pr.complex_poles[s]
        for wc in (Es.real, zi - Es.real):
            if par.M < wc < zi - par.M:
                th = theta_of(wc)
                dwdth = 0.5 * span * np.sin(th)
                centers.append(th)
                widths.append(max(abs(Es.imag), 1e-15) / max(dwdth, 1e-300))
    brk = graded_breakpoints(0.0, np.pi, centers, widths, ratio=acc.ratio, inner=0.5, hmax=0.2)
    return panel_rule(brk, acc.n)


def quadrant_probabilities(par: PairParams, acc: Accuracy | None = None) -> RatioResult:
    """P⇔, P⇄ and R at finite coupling (Eqs. (26), (35), (40)–(43)) by peak-aware quadrature."""
    acc = acc or Accuracy()
    pr = Propagators(par, k_max=acc.k_max, n=acc.n, ratio=acc.ratio)
    zn, zw = _z_rule(pr, acc)
    s2 = pr.sigma2(zn)
    g2inv = 1.0 / (zn - 2 * par.omega0 - s2)
    shifts = pr.vertex_shift(zn)
    Ppar = Pan = 0.0
    nodes = 0
    # assemble all (z, θ) nodes, then evaluate in vectorised chunks
    Z, W, TH, IZ = [], [], [], []
    for i, zi in enumerate(zn):
        tn, tw = _theta_rule(pr, zi, acc)
        Z.append(np.full(tn.size, zi))
        W.append(tw * zw[i])
        TH.append(tn)
        IZ.append(np.full(tn.size, i))
    Z, W, TH, IZ = map(np.concatenate, (Z, W, TH, IZ))
    nodes = Z.size
    M = par.M
    span = Z - 2 * M
    w1 = M + span * np.sin(TH / 2) ** 2
    w2 = M + span * np.cos(TH / 2) ** 2
    jac = w1 * w2 / np.sqrt((w1 + M) * (w2 + M))
    k1 = np.sqrt((w1 - M) * (w1 + M))
    k2 = np.sqrt((w2 - M) * (w2 + M))
    sig1 = {s: pr.sig_real(w1, s) for s in (1, -1)}
    sig2 = {s: pr.sig_real(w2, s) for s in (1, -1)}
    sh = {s: shifts[s][IZ] for s in (1, -1)}
    ph1 = np.exp(1j * k1 * par.d)
    ph2 = np.exp(1j * k2 * par.d)
    A_par = amplitude(pr, w1, w2, ph1, ph2, Z, g2inv[IZ], sh, sig1, sig2)
    A_an = amplitude(pr, w1, w2, ph1, np.conj(ph2), Z, g2inv[IZ], sh, sig1, sig2)
    Ppar = float(np.sum(W * jac * np.abs(A_par) ** 2))
    Pan = float(np.sum(W * jac * np.abs(A_an) ** 2))
    return RatioResult(R=Ppar / Pan, P_parallel=Ppar, P_antiparallel=Pan, nodes=nodes)


def emission_ratio(k0d: float, lam: float, omega0: float, M: float = 1.0, *,
                   accuracy: Accuracy | None = None) -> float:
    """R = P⇔/P⇄ of seed 004 at finite coupling λ (paper units, c = 1; vertex approximation (43)).

    ``k0d`` = k₀d with ω(k₀) = ω₀ (Eq. (28)). Raises InputError for ω₀ ≤ M, λ ≤ 0 or k₀d < 0.
    As λ → 0 it tends to 1 + 2 sin²(k₀d) (Eq. (42)).
    """
    par = PairParams.from_k0d(k0d, lam, omega0, M)
    return quadrant_probabilities(par, accuracy).R


def distribution(par: PairParams, k1: np.ndarray, k2: np.ndarray) -> np.ndarray:
    """P(k₁, k₂) = |A(k₁, k₂, ω(k₁) + ω(k₂))|² (Eqs. (33), (35)) on arbitrary momenta (any signs)."""
    k1, k2 = np.broadcast_arrays(np.asarray(k1, float), np.asarray(k2, float))
    if k1.size == 0:
        raise InputError("distribution needs at least one (k1, k2) point")
    pr = Propagators(par)
    M = par.M
    w1, w2 = np.sqrt(k1 ** 2 + M * M), np.sqrt(k2 ** 2 + M * M)
    z = w1 + w2
    zu, inv = np.unique(z.ravel(), return_inverse=True)
    if zu.size > 600:
        # Σ₂(z) varies on scales ≥ the line widths: tabulate on the graded z-rule, spline in z
        from scipy.interpolate import CubicSpline

        acc = Accuracy(n=4, ratio=2.0, z_max=max(float(zu.max()) + 1.0, 2 * par.omega0 + 5))
        zt = np.unique(np.concatenate([[2 * M], _z_rule(pr, acc)[0], [acc.z_max]]))
        st = pr.sigma2(zt)
        s2 = CubicSpline(zt, st.real)(zu) + 1j * CubicSpline(zt, st.imag)(zu)
    else:
        s2 = pr.sigma2(zu)
    g2inv = (1.0 / (zu - 2 * par.omega0 - s2))[inv].reshape(z.shape)
    shifts = {s: v[inv].reshape(z.shape) for s, v in pr.vertex_shift(zu).items()}
    sig1 = {s: pr.sig_real(w1, s) for s in (1, -1)}
    sig2 = {s: pr.sig_real(w2, s) for s in (1, -1)}
    A = amplitude(pr, w1, w2, np.exp(1j * k1 * par.d), np.exp(1j * k2 * par.d), z, g2inv, shifts,
                  sig1, sig2)
    return np.abs(A) ** 2
