"""Degenerate-plasma exchange (Fock) physics derived from the Hartree–Fock definitions.

Seed 001_acf7c75771656388.txt, Sec. V, SI units, one fermion species (charge Q, mass m), spin
degeneracy g_s = 2 in the equilibrium Wigner function W₀ = g_s Θ(k_F − k) (Eq. (75), X ≫ 1):

* Φ^F(k) = −Σ_q U_q W₀(k+q) → −(Q²/ε₀)∫d³p/(2π)³ W₀(p)/|p−k|²   (Eq. (34) → (76)-(77));
* P = ∫ħ²k_x²/m W₀, P^F = ∫(∂Φ^F/∂k_x) k_x W₀            (Eqs. (57)-(58) → (78)-(79));
* f^F = −n⁻¹∫W₀ ∂Φ^F/∂r, with Φ^F depending on r through k_F(n(r)) (Eq. (60) → (80));
* ℰ^F = V⁻¹Σ_k∫dr W₀ Φ^F, literally as defined in the text before Eq. (81).

Every result is computed by SymPy integration here (angular integral, then radial, with the
|p − k| branch split at p = k); nothing is typed in from the paper.
"""

from __future__ import annotations

from functools import cache

import sympy as sp

from symlight.errors import InputError

__all__ = ["SYMBOLS", "fock_potential", "G_printed", "pressure", "exchange_pressure",
           "exchange_force_coefficient", "exchange_energy", "density_of_kF", "kF_of_density",
           "effective_velocity_squared", "plasma_frequency_sq", "fermi_velocity", "exchange_velocity"]

hbar, m, Q, eps0 = sp.symbols("hbar m Q epsilon_0", positive=True)
n, k, kF, p = sp.symbols("n k k_F p", positive=True)
y = sp.Symbol("y", positive=True)
g_s = sp.Integer(2)

SYMBOLS = {"hbar": hbar, "m": m, "Q": Q, "epsilon_0": eps0, "n": n, "k": k, "k_F": kF}


def _integrate(expr: sp.Expr, var: sp.Symbol, a: sp.Expr, b: sp.Expr) -> sp.Expr:
    """Definite integral: antiderivative term by term (SymPy's heuristic algorithm first, which
    is much faster here), then one-sided limits of the whole antiderivative at the end points
    (so that endpoint singularities of single terms cancel as they do in the integrand)."""
    anti = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(expr)):
        try:
            part = sp.integrate(term, var, risch=False)
        except (NotImplementedError, ValueError):
            part = sp.integrate(term, var)
        if part.has(sp.Integral):
            part = sp.integrate(term, var)
        anti += part
    anti = sp.expand(anti)
    return sp.simplify(_endpoint(anti, var, b, "-") - _endpoint(anti, var, a, "+"))


def _endpoint(anti: sp.Expr, var: sp.Symbol, point: sp.Expr, side: str) -> sp.Expr:
    """One-sided limit of the antiderivative at an end point; plain substitution when it is
    finite (the antiderivatives here are elementary and continuous where they are finite, so the
    two agree), ``sp.limit`` where a term is singular (zoo/nan from log 0, 0·log 0, ...)."""
    val = anti.subs(var, point)
    if not val.has(sp.zoo, sp.nan, sp.oo, -sp.oo, sp.Piecewise):
        return val
    return sp.limit(anti, var, point, side)


def _positive_arg(name: str, value: object) -> sp.Expr:
    """A density, wavevector or temperature argument: symbols allowed unless known non-positive;
    numbers must be finite and > 0 (else InputError naming the argument)."""
    try:
        v = sp.sympify(value, strict=True)
    except (sp.SympifyError, TypeError) as exc:
        raise InputError(f"{name} must be a positive number or a SymPy expression, got {value!r}") from exc
    if v.is_number:
        if not (v.is_real and v.is_finite and bool(v > 0)):
            raise InputError(f"{name} must be finite and > 0 (a degenerate plasma), got {value!r}")
    elif v.is_positive is False or v.is_real is False:
        raise InputError(f"{name} must be positive, got the expression {value!r}")
    return v


def density_of_kF(kf: sp.Expr = kF) -> sp.Expr:
    """n = ∫d³k/(2π)³ g_s Θ(k_F − k) = g_s k_F³/(6π²), by integration."""
    kf = _positive_arg("Fermi wavevector k_F", kf)
    return _integrate(4 * sp.pi * p**2 * g_s / (2 * sp.pi)**3, p, 0, kf)


def kF_of_density(nn: sp.Expr = n) -> sp.Expr:
    """k_F(n), the positive root of density_of_kF(k_F) = n."""
    nn = _positive_arg("density n", nn)
    sol = sp.solve(sp.Eq(density_of_kF(kF), nn), kF)
    return [s for s in sol if s.is_positive is not False][0]


@cache
def _angular_radial_kernel() -> tuple[sp.Expr, sp.Expr]:
    """I(k) = ∫_0^{k_F} dp p² ∫_{-1}^{1} dx 1/(p²+k²−2pkx), for k < k_F and for k > k_F."""
    x = sp.Symbol("x", real=True)
    ang = _integrate(1 / (p**2 + k**2 - 2 * p * k * x), x, -1, 1)
    # ang = (log(p+k) - log|p-k|)/(p k); write the |p-k| branches explicitly
    ang_gt = (sp.log(p + k) - sp.log(p - k)) / (p * k)   # p > k
    ang_lt = (sp.log(p + k) - sp.log(k - p)) / (p * k)   # p < k
    for branch, pt in ((ang_gt, {p: 3, k: 1}), (ang_lt, {p: 1, k: 3})):
        assert abs(sp.N(branch.subs(pt) - ang.subs(pt))) < 1e-12, "angular integral branch"
    inside = _integrate(p**2 * ang_lt, p, 0, k) + _integrate(p**2 * ang_gt, p, k, kF)  # k < k_F
    outside = _integrate(p**2 * ang_lt, p, 0, kF)                                       # k > k_F
    return sp.simplify(inside), sp.simplify(outside)


def fock_potential(branch: str = "inside") -> sp.Expr:
    """Φ^F(k) of Eq. (34) for W₀ = g_s Θ(k_F − k), derived; ``branch`` 'inside' (k<k_F) or
    'outside' (k>k_F)."""
    inside, outside = _angular_radial_kernel()
    radial = inside if branch == "inside" else outside
    return -(Q**2 / eps0) * g_s / (2 * sp.pi)**3 * 2 * sp.pi * radial


def G_printed(x: sp.Expr) -> sp.Expr:
    """Eq. (77) as printed: G(x) = 1 + (x²−1)/(2x) log((1+x)/|1−x|) (transcribed data)."""
    return 1 + (x**2 - 1) / (2 * x) * sp.log((1 + x) / sp.Abs(1 - x))


@cache
def pressure() -> sp.Expr:
    """Kinetic pressure P(n) from Eq. (57): P = ∫d³k/(2π)³ (ħ²k²/(3m)) g_sΘ, as a function of n."""
    P_kF = _integrate(4 * sp.pi * p**2 * g_s / (2 * sp.pi)**3 * hbar**2 * p**2 / (3 * m), p, 0, kF)
    return sp.simplify(P_kF.subs(kF, kF_of_density()))


def _log_split(expr: sp.Expr) -> sp.Expr:
    """Split log(k_F·(1 ± y)) into log k_F + log(1 ± y) (all arguments positive here)."""
    def split(arg: sp.Expr) -> sp.Expr:
        rest = sp.expand(arg / kF)
        if rest.has(kF):
            return sp.log(arg)
        return sp.log(kF) + sp.log(rest)
    return sp.expand(sp.expand_log(expr, force=True).replace(sp.log, split))


@cache
def fock_shape() -> sp.Expr:
    """h(y) with Φ^F(k = y k_F) = −(Q² k_F/(4π² ε₀)) h(y), 0 < y < 1, from ``fock_potential``."""
    phi = fock_potential("inside").subs(k, y * kF)
    return sp.expand(_log_split(phi) / (-(Q**2 * kF / (4 * sp.pi**2 * eps0))))


def _phi_y() -> sp.Expr:
    return -(Q**2 * kF / (4 * sp.pi**2 * eps0)) * fock_shape()


@cache
def exchange_pressure() -> sp.Expr:
    """P^F(n) from Eq. (58): (1/3)∫d³k/(2π)³ k ∂Φ^F/∂k g_sΘ (isotropic trace), derived.

    With k = y k_F: k³ ∂_kΦ dk = k_F³ y³ ∂_yΦ dy.
    """
    radial = _integrate(kF**3 * y**3 * sp.diff(_phi_y(), y), y, 0, 1)
    PF_kF = g_s / (2 * sp.pi)**3 * 4 * sp.pi / 3 * radial
    return sp.simplify(PF_kF.subs(kF, kF_of_density()))


@cache
def exchange_force_coefficient() -> sp.Expr:
    """c(n) in f^F = c(n) ∇n from Eq. (60), with Φ^F(r,k) = Φ^F(k; k_F(n(r))), derived.

    ∂_{k_F}Φ at fixed k, by the chain rule through y = k/k_F: ∂_{k_F} = ∂_{k_F}|_y − (y/k_F)∂_y.
    """
    phi = _phi_y()
    dphi = sp.diff(phi, kF) - y / kF * sp.diff(phi, y)
    radial = _integrate(kF**3 * y**2 * dphi, y, 0, 1)          # ∫_0^{k_F} k² ∂_{k_F}Φ dk
    kf_n = kF_of_density()
    coeff = -(1 / n) * g_s / (2 * sp.pi)**3 * 4 * sp.pi * radial * sp.diff(kf_n, n)
    return sp.simplify(coeff.subs(kF, kf_n))


@cache
def exchange_energy() -> sp.Expr:
    """ℰ^F/V = ∫d³k/(2π)³ g_sΘ Φ^F(k), the literal definition before Eq. (81), as a function of k_F."""
    radial = _integrate(kF**3 * y**2 * _phi_y(), y, 0, 1)
    return sp.simplify(g_s / (2 * sp.pi)**3 * 4 * sp.pi * radial)


def plasma_frequency_sq(nn: sp.Expr = n) -> sp.Expr:
    """ω_p² = n Q²/(ε₀ m)."""
    nn = _positive_arg("density n", nn)
    return nn * Q**2 / (eps0 * m)


def fermi_velocity(nn: sp.Expr = n) -> sp.Expr:
    """v_F = ħ k_F/m."""
    return hbar * kF_of_density(nn) / m


def exchange_velocity(nn: sp.Expr = n) -> sp.Expr:
    """ṽ = ħ ω_p/(m v_F) (after Eq. (83))."""
    return hbar * sp.sqrt(plasma_frequency_sq(nn)) / (m * fermi_velocity(nn))


def effective_velocity_squared() -> sp.Expr:
    """m v_eff² = dP/dn + dP^F/dn − n c(n): the δn coefficient of the linearised momentum
    equation (53) with the equations of state derived above (see symlight.dispersion)."""
    return sp.simplify((sp.diff(pressure(), n) + sp.diff(exchange_pressure(), n)
                        - n * exchange_force_coefficient()) / m)
