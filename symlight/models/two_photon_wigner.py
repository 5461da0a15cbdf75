"""Liouville equation (68) / Appendix B of seed 000_afe20a70b32bac1d.txt from the Wigner matrix (64).

Symbolic part: with Psi(y) = int dp/(2pi)^3 e^{ip.y} Psi_hat(p) and the operator convention (B5)
(symbol A_hat(eps p)), the x'-integral of (B2) is a delta function; solving its phase condition
together with k' = p - q (the x-frequency) gives the arguments at which the symbol enters (B4), and
the shifts / phases of the random terms (B6)-(B7). Nothing is assumed about the parity of A_hat.

Numeric twin (1-D, scalar): a Gaussian wave packet evolved exactly in Fourier space under a symbol
a(p) that is *not* even; W(x, k, t) by direct quadrature of (64); i eps dW/dt by central
differences in t, against the right side of (68) evaluated by FFT in x with either the derived or
the printed arguments of the symbol; and the random term for eta(y) = cos(q0 y) against (B6).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

from symlight.errors import InputError

k, kp, eps, x, xp, p, q, qq = sp.symbols("k kprime epsilon x xprime p q q_eta", real=True)


def symbol_arguments() -> dict[str, sp.Expr]:
    """Arguments of A_hat in (B4) and the random-term shift/phase of (B6), derived in 1-D (each
    Cartesian component of the 3-D integrals is the same computation).

    Phase of e^{-ik x'} Psi(x - eps x'/2) Psi^dag(x + eps x'/2): i p (x - eps x'/2) - i q (x + eps x'/2);
    the x'-integral sets its x'-coefficient to zero, and p - q = k' is the frequency in x."""
    phase = -sp.I * k * xp + sp.I * p * (x - eps * xp / 2) - sp.I * q * (x + eps * xp / 2)
    cond = sp.expand(phase).coeff(xp)
    sol = sp.solve([cond, p - q - kp], [p, q], dict=True)[0]
    left, right = sp.expand(eps * sol[p]), sp.expand(eps * sol[q])
    # random term: eta(x/eps - x'/2) = int dq/(2pi) e^{i q (x/eps - x'/2)} eta_hat(q)
    ph_eta = -sp.I * k * xp + sp.I * qq * (x / eps - xp / 2)
    shift = sp.solve(sp.Eq(sp.expand(ph_eta).coeff(xp), -sp.I * sp.Symbol("kk")), sp.Symbol("kk"))[0]
    phase_left = sp.expand(ph_eta).subs(xp, 0)
    ph_eta_r = -sp.I * k * xp + sp.I * qq * (x / eps + xp / 2)
    shift_r = sp.solve(sp.Eq(sp.expand(ph_eta_r).coeff(xp), -sp.I * sp.Symbol("kk")), sp.Symbol("kk"))[0]
    return {"left": left, "right": right, "eta_shift_left": shift, "eta_shift_right": shift_r,
            "eta_phase": phase_left}


# ------------------------------------------------------------------ numeric twin
class Packet1D:
    """1-D wave packet on a periodic grid, evolved exactly: i eps d_t Psi = a(eps D) Psi (B5)."""

    def __init__(self, symbol: Callable[[np.ndarray], np.ndarray], *, eps: float = 0.5, p0: float = 0.8,
                 width: float = 1.0, x0: float = 0.0, m: int = 1024, box: float = 40.0) -> None:
        if not (eps > 0 and width > 0 and m >= 16 and box > 0):
            raise InputError(f"Packet1D needs eps > 0, width > 0, m >= 16, box > 0 "
                             f"(got eps={eps}, width={width}, m={m}, box={box})")
        self.eps, self.symbol = eps, symbol
        self.y = (np.arange(m) - m // 2) * (box / m)
        self.dy = box / m
        self.pgrid = 2 * np.pi * np.fft.fftfreq(m, d=self.dy)
        psi0 = np.exp(-(self.y - x0) ** 2 / (2 * width ** 2) + 1j * p0 * self.y / eps)
        self.psi0_hat = np.fft.fft(psi0)

    def psi(self, t: float) -> np.ndarray:
        ph = np.exp(-1j * self.symbol(self.eps * self.pgrid) * t / self.eps)
        return np.fft.ifft(self.psi0_hat * ph)

    def wigner(self, t: float, kvals: np.ndarray, jmax: int | None = None) -> np.ndarray:
        """W(x, k) on the whole x grid for each k: sum over x'_j = 2 j dy/eps (so x -+ eps x'/2 are
        grid points) of e^{-i k x'} Psi(x - eps x'/2) Psi*(x + eps x'/2) dx'/(2pi)."""
        ps = self.psi(t)
        m = ps.size
        jmax = jmax or m // 4
        js = np.arange(-jmax, jmax + 1)
        dxp = 2 * self.dy / self.eps
        prod = np.stack([np.roll(ps, j) * np.conj(np.roll(ps, -j)) for j in js])  # (J, m)
        ph = np.exp(-1j * np.outer(np.asarray(kvals, float), js * dxp))  # (K, J)
        return ph @ prod * dxp / (2 * np.pi)  # (K, m)

    def liouville_rhs(self, W: np.ndarray, kvals: np.ndarray, convention: str) -> np.ndarray:
        """Deterministic right side of (68) (scalar, 1-D) on W(x, k) by FFT in x.

        ``convention="derived"``: a(-k + eps k'/2) W_hat - W_hat a(-k - eps k'/2);
        ``"printed"``: a(k - eps k'/2) W_hat - W_hat a(k + eps k'/2) as in (68)/(B4);
        ``"printed73"``: both arguments k - eps k'/2, as (73) prints them (at K = 0)."""
        kx = 2 * np.pi * np.fft.fftfreq(W.shape[-1], d=self.dy)
        out = np.empty_like(W)
        for i, kv in enumerate(np.asarray(kvals, float)):
            if convention == "derived":
                mult = self.symbol(-kv + self.eps * kx / 2) - self.symbol(-kv - self.eps * kx / 2)
            elif convention == "printed":
                mult = self.symbol(kv - self.eps * kx / 2) - self.symbol(kv + self.eps * kx / 2)
            elif convention == "printed73":  # (73) at K = 0: both arguments k - eps k'/2
                mult = self.symbol(kv - self.eps * kx / 2) - self.symbol(kv - self.eps * kx / 2)
            else:
                raise InputError(f"convention={convention!r}: use 'derived', 'printed' or 'printed73'")
            out[i] = np.fft.ifft(mult * np.fft.fft(W[i]))
        return out


def liouville_twin(symbol: Callable[[np.ndarray], np.ndarray], *, eps: float = 0.5, t: float = 0.7,
                   h: float = 1e-4) -> dict[str, float]:
    """Relative residuals of (68) (deterministic part) for both conventions: i eps dW/dt (central
    difference of the exactly evolved packet) minus the right side, divided by max|i eps dW/dt|."""
    pk = Packet1D(symbol, eps=eps)
    kv = np.array([-1.6, -0.9, -0.3, 0.2, 0.8])
    W = pk.wigner(t, kv)
    lhs = 1j * eps * (pk.wigner(t + h, kv) - pk.wigner(t - h, kv)) / (2 * h)
    sc = float(np.max(np.abs(lhs)))
    return {conv: float(np.max(np.abs(lhs - pk.liouville_rhs(W, kv, conv))) / sc)
            for conv in ("derived", "printed", "printed73")} | {"scale": sc}


def random_term_twin(*, eps: float = 0.5, q0: float = 0.9, x_eval: float = 0.37) -> dict[str, float]:
    """(B6) for eta(y) = cos(q0 y) (eta_hat = pi[delta(q - q0) + delta(q + q0)]), scalar K = 1:
    direct int dx'/(2pi) e^{-ikx'}[eta(x/eps - x'/2) - eta(x/eps + x'/2)] Phi against
    (1/2) sum_{s=+-} e^{i s q0 x/eps}[W(x, k + s q0/2) - W(x, k - s q0/2)] and against the
    particle-2 form with the phase taken at a different point (the x1 of the printed (B7)).

    Returns relative differences (derived form, wrong-point phase)."""
    pk = Packet1D(lambda v: v, eps=eps, p0=0.3)
    ps = pk.psi(0.0)
    m = ps.size
    ix = int(np.argmin(np.abs(pk.y - x_eval)))
    xv = pk.y[ix]
    js = np.arange(-(m // 4), m // 4 + 1)
    dxp = 2 * pk.dy / eps
    xps = js * dxp
    prod = np.array([ps[(ix - j) % m] * np.conj(ps[(ix + j) % m]) for j in js])
    kv = np.array([-0.7, 0.1, 0.6])
    eta = lambda yv: np.cos(q0 * yv)
    direct = np.array([np.sum(np.exp(-1j * kk * xps) * (eta(xv / eps - xps / 2) - eta(xv / eps + xps / 2))
                              * prod) * dxp / (2 * np.pi) for kk in kv])
    Wk = lambda kk: np.sum(np.exp(-1j * kk * xps) * prod) * dxp / (2 * np.pi)
    form = lambda xph: np.array([0.5 * sum(np.exp(1j * s * q0 * xph / eps) * (Wk(kk + s * q0 / 2)
                                                                              - Wk(kk - s * q0 / 2))
                                           for s in (1, -1)) for kk in kv])
    sc = float(np.max(np.abs(direct)))
    return {"derived": float(np.max(np.abs(direct - form(xv))) / sc),
            "wrong_point": float(np.max(np.abs(direct - form(xv + 1.3))) / sc), "scale": sc}


def streaming_coefficient() -> sp.Expr:
    """Coefficient alpha of the O(eps) part of (68) (deterministic, K = 0, scalar symbol a, 1-D):
    a(k - eps k'/2) W_hat - W_hat a(k + eps k'/2) = eps alpha {a'(k) d_x, W} + O(eps^2), with
    k' -> -i d_x (W = int dk'/(2pi) e^{i x k'} W_hat). (C10) prints -{M, W0}, M = (i/2) grad_k A.grad_x,
    i.e. alpha = -i/2."""
    a_ = sp.Function("a")
    dx = sp.Symbol("D_x")
    lead = sp.series(a_(k - eps * kp / 2) - a_(k + eps * kp / 2), eps, 0, 2).removeO().doit()
    term = sp.expand(lead.coeff(eps).subs(kp, -sp.I * dx))
    return sp.simplify(term / (2 * sp.diff(a_(k), k) * dx))


def streaming_twin(symbol: Callable[[np.ndarray], np.ndarray], dsymbol: Callable[[np.ndarray], np.ndarray],
                   *, eps: float = 0.5, p0: float = 0.8, t: float = 2.0) -> dict[str, float]:
    """Numeric twin of :func:`streaming_coefficient`: a packet with momentum p0/eps (B5) moves with
    velocity a'(p0); the Wigner function (64)/(B2) peaks at k_peak. Returns the measured centroid
    velocity, k_peak, a'(k_peak) and -a'(k_peak) (the velocity implied by alpha = +i/2 is -a'(k))."""
    pk = Packet1D(symbol, eps=eps, p0=p0, width=4.0, box=80.0)  # momentum spread eps/4: velocity ~ a'(p0)
    kv = np.linspace(-2.0, 2.0, 81)
    W = pk.wigner(0.0, kv)
    kpk = float(kv[np.argmax(np.real(W).sum(axis=1))])
    cen = [float(np.sum(pk.y * np.abs(pk.psi(tv)) ** 2) / np.sum(np.abs(pk.psi(tv)) ** 2)) for tv in (0.0, t)]
    return {"velocity": (cen[1] - cen[0]) / t, "k_peak": kpk, "plus": float(dsymbol(np.array(kpk))),
            "minus": float(-dsymbol(np.array(kpk)))}
