"""Single-atom stimulated emission in the real-space formalism (seed 000_afe20a70b32bac1d.txt, Sec. III).

rho(x) = delta(x). The Laplace-Fourier equations (21)-(22) are solved for psi1 (24) with the
self-energy (25); the pole approximation gives the decay rate Gamma = g^2 Omega^2/(pi c^3) (29)-(30)
and the cut-off-dependent Lamb shift (31), whose principal-value integral has the closed form

    delta_omega(Lambda) = g^2/(2 pi^2 c) [K^2/2 + a K + a^2 ln((K - a)/a)],  K = 2 pi/Lambda, a = Omega/c

(K > a); it diverges like K^2 as the cut-off length Lambda -> 0. The O(g^2) solution (33)-(35) is
obtained by inverting the Laplace transform of (34).
"""

from __future__ import annotations

import mpmath
import sympy as sp

from symlight.errors import InputError

g, c, Omega, Lam = sp.symbols("g c Omega Lambda", positive=True)
k, kp, k0, t = sp.symbols("k kprime k0 t", positive=True)
z = sp.Symbol("z")
Sigma, dw, Gam = sp.symbols("Sigma delta_omega Gamma")


def _check(g_val: float, Omega_val: float, c_val: float) -> None:
    if g_val < 0:
        raise InputError(f"coupling g={g_val!r} must be non-negative (Eq. (11))")
    if Omega_val <= 0 or c_val <= 0:
        raise InputError(f"Omega={Omega_val!r} and c={c_val!r} must be positive")


def laplace_solution(measure: sp.Expr = 1 / (2 * sp.pi) ** 3) -> dict[str, sp.Expr]:
    """Solve (21) for psi2 and substitute in (22): returns the coefficients of (24).

    The k'-integrals are kept as symbols: S = int d^3k' measure/(c|k'| + c|k| - i z) (so that
    Sigma = g^2 S, Eq. (25)) and J = int d^3k' measure psi1(k')/(c|k'| + c|k| - i z).
    Returns psi1 = (delta + coefficient_J * J) / denominator, written as in (24).
    """
    psi1k, S, J, delta = sp.symbols("psi1_k S J delta")
    # (21): psi2(k', k) = (g/2)(psi1(k') + psi1(k)) / (i z - c|k'| - c|k|); integrate 2 g * psi2 over k'
    # -> 2 g (g/2) [-(J) - psi1(k) S]  (the denominators are -(c|k'| + c|k| - i z))
    integral = 2 * g * (g / 2) * (-J - psi1k * S)
    eq22 = sp.Eq(sp.I * (z * psi1k - delta), integral + (c * k + Omega) * psi1k)
    sol = sp.solve(eq22, psi1k)[0]
    den = z + sp.I * (c * k + Omega) - sp.I * g ** 2 * S
    return {"psi1": sp.simplify(sol), "form24": delta / den + sp.I * g ** 2 * J / den,
            "S": S, "J": J, "delta": delta}


def gamma_from_delta_integral(measure: sp.Expr = 1 / (2 * sp.pi) ** 3) -> sp.Expr:
    """Gamma = 2 Im Sigma = 2 pi g^2 int d^3k measure delta(c|k| - Omega) (Eq. (29)), done by SymPy."""
    integrand = 4 * sp.pi * k ** 2 * sp.DiracDelta(c * k - Omega) * measure
    return sp.simplify(2 * sp.pi * g ** 2 * sp.integrate(integrand, (k, 0, sp.oo)))


def decay_rate(g_val: float, Omega_val: float, c_val: float) -> float:
    """Gamma = g^2 Omega^2/(pi c^3), Eq. (30)."""
    _check(g_val, Omega_val, c_val)
    return g_val ** 2 * Omega_val ** 2 / (mpmath.pi * c_val ** 3)


def lamb_shift_closed_form() -> sp.Expr:
    """Derived closed form of (31): g^2/(2 pi^2) PV int_0^{2 pi/Lambda} k^2 dk/(c k - Omega)."""
    K, a = 2 * sp.pi / Lam, Omega / c
    # k^2/(c k - Omega) = (1/c) [k + a + a^2/(k - a)]; PV int_0^K dk/(k - a) = ln((K - a)/a), K > a
    return g ** 2 / (2 * sp.pi ** 2 * c) * (K ** 2 / 2 + a * K + a ** 2 * sp.log((K - a) / a))


def lamb_shift_quadrature(g_val: float, Omega_val: float, c_val: float, Lambda_val: float,
                          dps: int = 30) -> mpmath.mpf:
    """Independent twin of (31): principal value by symmetric excision around k = Omega/c (mpmath)."""
    _check(g_val, Omega_val, c_val)
    K, a = 2 * mpmath.pi / Lambda_val, mpmath.mpf(Omega_val) / c_val
    if not K > a:
        raise InputError(f"cut-off 2 pi/Lambda={float(K)} must exceed the resonance Omega/c={float(a)}")
    with mpmath.workdps(dps):
        f = lambda q: q ** 2 / (c_val * q - Omega_val)
        # PV: pair the points a - s and a + s on [0, a], then add the regular tail [2a, K]
        sym = mpmath.quad(lambda s: f(a + s) + f(a - s), [0, a / 2, a], method="gauss-legendre")
        tail = mpmath.quad(f, [2 * a, K]) if K > 2 * a else -mpmath.quad(f, [K, 2 * a])
        return g_val ** 2 / (2 * mpmath.pi ** 2) * (sym + tail)


def order_g2_time_domain() -> dict[str, sp.Expr]:
    """Inverse Laplace transform of the O(g^2) term of (34), derived with SymPy.

    With alpha = c|k| + Omega - Sigma, beta = c|k0| + Omega - Sigma (Sigma = dw + i Gamma/2):
    L^{-1}[i g^2 / ((c|k0| - Omega)(z + i alpha)(z + i beta))]. Returns the derived term and
    the printed (35) term, both as functions of t (delta(k - k0) part omitted: it is the same).
    """
    s = sp.Symbol("s")
    alpha, beta = sp.symbols("alpha beta", positive=True)
    F = sp.I * g ** 2 / ((c * k0 - Omega) * (s + sp.I * alpha) * (s + sp.I * beta))
    # residues at the simple poles s = -i alpha, -i beta: L^{-1}[A/(s - p)] = A exp(p t)
    term = sum(sp.cancel(F * (s - pole)).subs(s, pole) * sp.exp(pole * t)
               for pole in (-sp.I * alpha, -sp.I * beta))
    env = sp.exp(-sp.I * (Omega - dw) * t - Gam * t / 2)
    sub = {alpha: c * k + Omega - dw - sp.I * Gam / 2, beta: c * k0 + Omega - dw - sp.I * Gam / 2}
    derived = sp.powsimp(sp.expand(term.subs(sub) / env))
    printed = sp.I * g ** 2 / ((c * k0 - Omega) * (c * k0 - c * k)) * (
        sp.exp(-sp.I * c * k * t) - sp.exp(-sp.I * c * k0 * t))
    return {"derived": sp.factor_terms(sp.expand(derived)), "printed": printed, "laplace": F}
