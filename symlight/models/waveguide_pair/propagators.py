"""Finite-coupling building blocks of seed 004_051fe7d7dc805f6f.txt: σ_s, poles, X_s (43), Σ₂ (19).

Paper units (c = 1) and conventions: σ_s = Σ_s(ω₀ + i0) (text under Eq. (43)); the single-
excitation propagator [E − ω₀ − Σ_s(E)]⁻¹ with E = z − ω(k) (Eqs. (19), (26)); real arguments
mean E + i0. The massive mode (27) is used throughout (``self_energy.sigma``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from scipy.optimize import brentq

from symlight.errors import ModelError
from symlight.models.waveguide_pair.params import PairParams
from symlight.models.waveguide_pair.self_energy import sigma, sigma_below_threshold, sigma_real_fast
from symlight.numerics.peak_quadrature import graded_breakpoints, panel_rule


@dataclass
class Propagators:
    """Σ_s, σ_s, the complex single-excitation poles, E_p and Σ₂(z) for one parameter set."""

    par: PairParams
    k_max: float = 400.0
    n: int = 8
    ratio: float = 2.0
    _cache: dict = field(default_factory=dict, repr=False)

    # -- one-excitation self-energy on the real axis (fast table) and elsewhere -----------------
    def sig_real(self, E: np.ndarray, s: int) -> np.ndarray:
        """Σ_s(E + i0) for real E (Eq. (20) through the derived (29))."""
        p = self.par
        return sigma_real_fast(E, s, p.lam, p.M, p.d)

    def sig(self, z: np.ndarray, s: int) -> np.ndarray:
        p = self.par
        return sigma(z, s, p.lam, p.M, p.d)

    @cached_property
    def sigma_on_shell(self) -> dict[int, complex]:
        """σ_s = Σ_s(ω₀ + i0) including the O(e^{−Md}) term ξ (text under Eq. (43))."""
        return {s: complex(self.sig(np.array(self.par.omega0), s)) for s in (1, -1)}

    @cached_property
    def complex_poles(self) -> dict[int, complex]:
        """Resonance poles E_s of [E − ω₀ − Σ_s(E)]⁻¹ on the second sheet (Newton from ω₀ + σ_s).

        Their real parts are the peak centres and |Im| the half-widths of the photon lines.
        """
        out = {}
        for s in (1, -1):
            E = self.par.omega0 + self.sigma_on_shell[s]
            for _ in range(50):
                h = 1e-7 * max(1.0, abs(E))
                f = E - self.par.omega0 - complex(self.sig(np.array(E), s))
                up, dn = complex(self.sig(np.array(E + h), s)), complex(self.sig(np.array(E - h), s))
                fp = 1 - (up - dn) / (2 * h)
                step = f / fp
                E -= step
                if abs(step) < 1e-15 * abs(E):
                    break
            if not np.isfinite(E) or E.real <= self.par.M:
                E = self.par.omega0 + self.sigma_on_shell[s]
            out[s] = complex(E)
        return out

    # -- pole below threshold, Eq. (34) ----------------------------------------------------------
    def _below_threshold_fn(self, s: int):
        M = self.par.M

        def F(qv: float) -> float:
            # q·(E − ω₀ − Σ_s(E)) with E = √(M² − q²): smooth in q ∈ (0, M]
            E = np.sqrt(M * M - qv * qv)
            sb = sigma_below_threshold(np.array(qv), s, self.par.lam, M, self.par.d)
            return float(qv * (E - self.par.omega0 - sb))
        return F

    def below_threshold_pole(self, s: int = 1) -> tuple[float, float, float] | None:
        """(E_p, residue, q_p = √(M² − E_p²)) of [E − ω₀ − Σ_s(E)]⁻¹ below threshold (0 < E < M), or None.

        Found from the exact Σ_s (Eq. (34) is its small-λ form). The residue is
        1/(1 − Σ_s'(E_p)).
        """
        key = ("bt", s)
        if key in self._cache:
            return self._cache[key]
        M = self.par.M
        F = self._below_threshold_fn(s)
        qs = M * np.geomspace(1e-12, 1.0, 200)
        vals = np.array([F(v) for v in qs])
        sign = np.nonzero(np.sign(vals[:-1]) != np.sign(vals[1:]))[0]
        if sign.size == 0:
            self._cache[key] = None
            return None
        i = sign[0]
        qp = brentq(F, qs[i], qs[i + 1], xtol=1e-300, rtol=1e-15)
        Ep = float(np.sqrt(M * M - qp * qp))
        # dΣ/dE = (dΣ/dq)(dq/dE), dq/dE = −E/q
        h = 1e-5 * qp
        lam, d = self.par.lam, self.par.d
        dSdq = (sigma_below_threshold(np.array(qp + h), s, lam, M, d)
                - sigma_below_threshold(np.array(qp - h), s, lam, M, d)) / (2 * h)
        dS = float(dSdq) * (-Ep / qp)
        self._cache[key] = (Ep, float(1.0 / (1.0 - dS)), float(qp))
        return self._cache[key]

    def threshold_gap(self, s: int = 1) -> float | None:
        """M − E_p computed as q_p²/(M + E_p) (no cancellation)."""
        r = self.below_threshold_pole(s)
        if r is None:
            return None
        Ep, _, qp = r
        return float(qp * qp / (self.par.M + Ep))

    # -- vertex approximation (43) ----------------------------------------------------------------
    def vertex_shift(self, z: np.ndarray) -> dict[int, np.ndarray]:
        """Σ_s(z − ω₀ − σ_s), the z-only part of X_s in Eq. (43)."""
        z = np.asarray(z, dtype=complex)
        return {s: self.sig(z - self.par.omega0 - self.sigma_on_shell[s], s) for s in (1, -1)}

    def X(self, wk: np.ndarray, sig_other: np.ndarray, shift: np.ndarray, s: int) -> np.ndarray:
        """X_s(k, z) of Eq. (43): [Σ_s(z − ω₀ − σ_s) − Σ_s(z − ω(k))]/(ω₀ + σ_s − ω(k))."""
        den = self.par.omega0 + self.sigma_on_shell[s] - wk
        tiny = 1e-13 * self.par.omega0   # removable 0/0 (divided difference) at exact resonance
        den = np.where(np.abs(den) < tiny, tiny, den)
        return (shift - sig_other) / den

    # -- two-excitation self-energy (19) with (43) ------------------------------------------------
    def _k_of(self, w: float) -> float:
        M = self.par.M
        return float(np.sqrt(max(w - M, 0.0) * (w + M)))

    def sigma2(self, z: np.ndarray) -> np.ndarray:
        """Σ₂(z + i0) of Eq. (19) with the vertex approximation (43), by peak-aware quadrature.

        Over k ∈ [0, k_max] (×2 by parity): panels graded at the complex poles ω(k) ≈ z − ω₀ − σ_s,
        at the threshold ω(k) = z − M of Σ_s(z − ω(k)), at E = 0 and at ω(k) = ω₀ + Re σ_s (the
        scale of X_s). The real pole below threshold (E = z − ω(k) = E_p) is subtracted on a
        symmetric window (principal value 0) and its −iπ·residue added. Tail beyond k_max:
        −2·Σ_s λ²∫dk/ω(k)² in closed form (the cos kd parts cancel between s = ±).
        """
        z = np.atleast_1d(np.asarray(z, dtype=float))
        par, M, lam = self.par, self.par.M, self.par.lam
        poles = self.complex_poles
        bt = self.below_threshold_pole(1)
        shifts = self.vertex_shift(z)
        Km = self.k_max
        base_c, base_w = [], []
        for s in (1, -1):
            wX = par.omega0 + self.sigma_on_shell[s].real
            base_c.append(self._k_of(wX))
            base_w.append(max(abs(self.sigma_on_shell[s].imag), 1e-14) / par.c0)
        base_c.append(0.0)
        base_w.append(0.05 * M)
        K, W, IZ, WIN = [], [], [], []
        for i, zi in enumerate(z):
            centers, widths = list(base_c), list(base_w)
            for s in (1, -1):
                Ec = zi - poles[s].real          # ω(k) at the resonance pole of the propagator
                if Ec > M:
                    kc = self._k_of(Ec)
                    centers.append(kc)
                    widths.append(max(abs(poles[s].imag), 1e-14) * Ec / max(kc, 1e-12))
            kt = self._k_of(zi - M)
            centers += [kt, self._k_of(zi) if zi > M else 0.0]
            widths += [1e-6 * M, 1e-3 * M]
            win = None
            if bt is not None:
                kp = self._k_of(zi - bt[0])
                gap = kp - kt
                if kp > 0 and gap > 0:
                    a = 0.5 * gap
                    win = (kp, a)
                    centers += [kp - a, kp + a]
                    widths += [0.25 * a, 0.25 * a]
            k1 = min(Km, 2.0 * zi + 4.0 * M)
            brk = graded_breakpoints(0.0, k1, centers, widths, ratio=self.ratio, inner=0.5,
                                     hmax=0.5 * M)
            if k1 < Km:   # geometric panels in the 1/k² tail
                nt = int(np.ceil(np.log(Km / k1) / np.log(1.5)))
                brk = np.concatenate([brk, k1 * (Km / k1) ** (np.arange(1, nt + 1) / nt)])
            if win is not None:
                kp, a = win
                keep = (brk < kp - a) | (brk > kp + a)
                brk = np.unique(np.concatenate([brk[keep], [kp - a, kp, kp + a]]))
            kk, ww = panel_rule(brk, self.n)
            K.append(kk)
            W.append(ww)
            IZ.append(np.full(kk.size, i))
            WIN.append(np.full((kk.size, 2), np.nan) if win is None else np.tile(win, (kk.size, 1)))
        kk, ww, iz, win = map(np.concatenate, (K, W, IZ, WIN))
        zz = z[iz]
        wk = np.sqrt(kk * kk + M * M)
        E = zz - wk
        g2 = lam ** 2 / wk
        out = np.zeros(z.size, dtype=complex)
        for s in (1, -1):
            sE = self.sig_real(E, s)
            Xs = self.X(wk, sE, shifts[s][iz], s)
            with np.errstate(invalid="ignore", divide="ignore"):
                integ = g2 * (1 + Xs) * (1 + s * np.cos(kk * par.d)) / (E - par.omega0 - sE)
            # at E = M exactly Σ_s diverges and the propagator vanishes (limit 0)
            integ = np.where(np.isfinite(integ), integ, 0.0)
            if s == 1 and bt is not None:
                resE = bt[1]
                has = np.isfinite(win[:, 0])
                kp = np.where(has, win[:, 0], 1.0)
                a = np.where(has, win[:, 1], 0.0)
                wkp = np.sqrt(kp * kp + M * M)
                Ep = zz - wkp
                sEp = self.sig_real(Ep, s)
                Xp = self.X(wkp, sEp, shifts[s][iz], s)
                # near k_p: integrand ≈ r_k/(k − k_p), r_k = g²(1 + X)(1 + cos kd)·res·(−ω/k) at k_p
                rk = (lam ** 2 / wkp) * (1 + Xp) * (1 + np.cos(kp * par.d)) * resE * (-wkp / kp)
                inw = has & (np.abs(kk - kp) < a)
                with np.errstate(divide="ignore", invalid="ignore"):
                    integ = np.where(inw, integ - rk / (kk - kp), integ)
                first = np.ones(kk.size, dtype=bool)
                first[1:] = iz[1:] != iz[:-1]
                out += np.bincount(iz[first & has], weights=(-2j * np.pi * rk[first & has]).real,
                                   minlength=z.size)
                out += 1j * np.bincount(iz[first & has], weights=(-2j * np.pi * rk[first & has]).imag,
                                        minlength=z.size)
            contrib = 2.0 * ww * integ
            out += np.bincount(iz, weights=contrib.real, minlength=z.size)
            out += 1j * np.bincount(iz, weights=contrib.imag, minlength=z.size)
        out += 2.0 * (-2.0 * lam ** 2) * (np.pi / 2 - np.arctan(Km / M)) / M
        return out

    def check_inputs(self) -> None:
        if self.k_max <= 10 * self.par.omega0:
            raise ModelError(f"k_max={self.k_max} must be well above omega0={self.par.omega0}")
