"""Independent references for the driven pair of seed 002 (no moment algebra involved).

* ``PairLiouvillian``: the master equation (40) as a 16×16 superoperator on 4×4 density
  matrices, with the 15 operators of Eq. (3) built as NumPy products in the paper's order;
* ``weak_drive_g2_sym``: g⁽²⁾(0) of the pair estimator to leading order in Ω from the amplitudes
  of the non-Hermitian Hamiltonian H_eff = H − iΣγᵢⱼσᵢ⁺σⱼ⁻ (4×4 SymPy matrices);
* ``single_atom_g2_textbook``: resonance fluorescence of one atom (Kimble & Mandel 1976) in the
  paper's units (population decay 2Γ = 2).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import numpy as np
import scipy.linalg
import sympy

from symlight.moments import liouvillian as lv


class PairLiouvillian:
    """Master equation (40) + rotating-frame H of Eqs. (41)–(44) for one parameter set."""

    def __init__(self, params: Mapping[str, complex]) -> None:
        p = {k: complex(v) for k, v in params.items()}
        self.p = p
        m1, m2 = lv.lowering(1, 2), lv.lowering(2, 2)
        p1, p2 = m1.T, m2.T
        self.sig = {("+", 1): p1, ("-", 1): m1, ("+", 2): p2, ("-", 2): m2}
        H = (-p["Delta1"].real * p1 @ m1 - p["Delta2"].real * p2 @ m2
             - 0.5 * (p["Omega1"] * p1 + np.conj(p["Omega1"]) * m1)
             - 0.5 * (p["Omega2"] * p2 + np.conj(p["Omega2"]) * m2)
             + p["g12"].real * (p1 @ m2 + p2 @ m1))
        g = p["gamma12"].real
        gam = np.array([[1.0, g], [g, 1.0]])
        self.H = H
        self.L = lv.liouvillian(H, [m1, m2], 2 * gam)
        # Eq. (3), products exactly as printed
        self.ops = [p1, m1, p2, m2, p1 @ m1, p2 @ m2, p1 @ m2, p2 @ m1, p1 @ p2, m1 @ m2,
                    p1 @ m1 @ m2, p1 @ p2 @ m1, p2 @ m1 @ m2, p1 @ p2 @ m2, p1 @ p2 @ m1 @ m2]

    def rho_ss(self) -> np.ndarray:
        return lv.stationary_state(self.L)

    def moments(self, rho: np.ndarray) -> np.ndarray:
        return np.array([np.trace(rho @ o) for o in self.ops])

    def moment_derivatives(self, rho: np.ndarray) -> np.ndarray:
        """Tr[O_k L(ρ)] for the 15 operators."""
        drho = (self.L @ rho.reshape(-1)).reshape(4, 4)
        return np.array([np.trace(o @ drho) for o in self.ops])

    def _propagated(self, x: np.ndarray, taus: np.ndarray) -> list[np.ndarray]:
        """e^{Lτ} applied to the 4×4 matrix x, for each τ."""
        return [(scipy.linalg.expm(self.L * tau) @ x.reshape(-1)).reshape(4, 4) for tau in taus]

    def regression(self, i: int, j: int, taus: np.ndarray) -> np.ndarray:
        """⟨σᵢ⁺(0) S_k(τ) σⱼ⁻(0)⟩ = Tr[S_k e^{Lτ}(σⱼ⁻ ρ σᵢ⁺)], shape (T, 15)."""
        rho = self.rho_ss()
        A, C = self.sig[("+", i)], self.sig[("-", j)]
        ys = self._propagated(C @ rho @ A, taus)
        return np.array([[np.trace(o @ y) for o in self.ops] for y in ys])

    def g2(self, taus: np.ndarray) -> np.ndarray:
        """Eqs. (12)/(15) from the density matrix."""
        rho = self.rho_ss()
        s = self.sig
        num = np.zeros(len(taus), dtype=complex)
        for (i, k, l, j) in ((1, 2, 1, 2), (2, 1, 2, 1), (2, 1, 1, 2), (1, 2, 2, 1)):
            ys = self._propagated(s[("-", j)] @ rho @ s[("+", i)], taus)
            num += np.array([np.trace(s[("+", k)] @ s[("-", l)] @ y) for y in ys])
        n = lambda a, b: np.trace(rho @ s[("+", a)] @ s[("-", b)])  # noqa: E731
        den = 2 * n(1, 1) * n(2, 2) + n(1, 2) * n(2, 1) + n(2, 1) * n(1, 2)
        return (num / den).real


def random_density_matrix(rng: np.random.Generator, d: int = 4) -> np.ndarray:
    a = rng.normal(size=(d, d)) + 1j * rng.normal(size=(d, d))
    rho = a @ a.conj().T
    return rho / np.trace(rho)


def density_from_moments(S: np.ndarray) -> np.ndarray:
    """The 4×4 ρ with Tr ρ = 1 and Tr(ρ O_k) = S_k (the 15 operators and 1 span all 4×4 matrices)."""
    ops = PairLiouvillian({"Omega1": 0, "Omega2": 0, "Delta1": 0, "Delta2": 0, "g12": 0,
                           "gamma12": 0}).ops
    A = np.array([o.T.reshape(-1) for o in [np.eye(4)] + ops])
    rho = np.linalg.solve(A, np.concatenate([[1.0], S]))
    return rho.reshape(4, 4)


@cache
def weak_drive_g2_sym() -> sympy.Expr:
    """g⁽²⁾(0) → |c₁₂|²/|c₁c₂|² as Ω → 0 (pair estimator, Eqs. (12), (15)); amplitudes from H_eff."""
    O1, O2 = sympy.symbols("Omega1 Omega2")
    D1, D2, g12, gam = sympy.symbols("Delta1 Delta2 g12 gamma12", real=True)
    sm = sympy.Matrix([[0, 1], [0, 0]])  # |g><e| in the basis (|g>, |e>)
    eye = sympy.eye(2)
    m1, m2 = sympy.kronecker_product(sm, eye), sympy.kronecker_product(eye, sm)
    p1, p2 = m1.T, m2.T
    H = (-D1 * p1 * m1 - D2 * p2 * m2 - (O1 * p1 + sympy.conjugate(O1) * m1) / 2
         - (O2 * p2 + sympy.conjugate(O2) * m2) / 2 + g12 * (p1 * m2 + p2 * m1))
    K = p1 * m1 + p2 * m2 + gam * (p1 * m2 + p2 * m1)
    Heff = H - sympy.I * K
    gg, ge, eg, ee = 0, 1, 2, 3
    # stationary amplitudes to leading order: one-excitation sector driven from |gg> (amplitude 1)
    A = sympy.Matrix([[Heff[eg, eg], Heff[eg, ge]], [Heff[ge, eg], Heff[ge, ge]]])
    n1, n2 = A.adjugate() * (-sympy.Matrix([Heff[eg, gg], Heff[ge, gg]]))  # c_i = n_i / det A
    # c12 = -(H_ee,eg c1 + H_ee,ge c2)/H_ee,ee, so c12/(c1 c2) without any rational simplification:
    ratio = -A.det() * (Heff[ee, eg] * n1 + Heff[ee, ge] * n2) / (Heff[ee, ee] * n1 * n2)
    return ratio * sympy.conjugate(ratio)


def single_atom_g2_textbook(tau: np.ndarray, omega: float) -> np.ndarray:
    """Resonant single-atom g⁽²⁾(τ) = 1 − e^{−3γτ/4}[cos λτ + (3γ/4λ) sin λτ], λ = √(Ω² − γ²/16),
    with the population decay γ = 2Γ = 2 of the paper's units (Kimble & Mandel, PRA 13, 2123)."""
    gam = 2.0
    lam = np.sqrt(complex(omega**2 - gam**2 / 16))
    val = 1 - np.exp(-3 * gam * tau / 4) * (np.cos(lam * tau) + 3 * gam / (4 * lam) * np.sin(lam * tau))
    return val.real
