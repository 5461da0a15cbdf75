"""Wigner transforms of the mean-field Heisenberg equations, seed 001_acf7c75771656388.txt.

The kinetic equations (29)-(30) of the seed are the Wigner transforms of the correlator equations
that follow from the Heisenberg equations (12)-(13). This module rebuilds the single-particle
(left-hand) parts independently of the Moyal engine:

* fermions (30)-(32): the one-body kernel ρ(x, y) = ⟨Ψ̂†(y)Ψ̂(x)⟩ evolves under the mean-field
  Hamiltonian h = −ħ²∂²/2m + QΦ^H(x) as iħ∂_tρ = h_xρ − h_y*ρ; its Wigner transform
  𝒲(r, k) = ∫ds e^{−iks} ρ(r + s/2, r − s/2) (which equals Eq. (26) with plane waves (2)) is
  computed exactly for Gaussian kernels (polynomial × Gaussian integrals);
* photons (29): ⟨â†_k â_k'⟩ evolves as i(ω_k − ω_k')⟨â†_k â_k'⟩ (Eq. (13) without light–matter
  terms), so a Fourier component e^{iqr} of 𝒩 gains the rate i(ω_{k−q/2} − ω_{k+q/2});
* the Fock potential (34) as the Wigner transform of the exchange kernel (117) on a finite 1-D
  mode lattice (exact finite sums);
* the Hartree potential (33) of a Gaussian charge cloud (closed form and shell quadrature).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import sympy as sp
from scipy.integrate import quad

from symlight.errors import InputError
from symlight.phasespace import bidiff, integrate_gaussian

__all__ = [
    "gaussian_poly_integral", "wigner_of_kernel", "mean_field_kernel_rate", "kinetic_K",
    "photon_rate_exact", "wigner_lattice", "fock_kernel", "fock_wigner_printed",
    "hartree_gaussian", "hartree_shell_quadrature", "wigner_of_kernel_numeric", "fock_kernel_rate",
]


def gaussian_poly_integral(expr: sp.Expr, var: sp.Symbol) -> sp.Expr:
    """∫_{−∞}^{∞} expr d(var) for expr = Σ polynomial(var) × exp(quadratic in var), exactly.

    Each monomial var^n is produced by n derivatives of a source term exp(J·var) at J = 0, so the
    integral reduces to ``integrate_gaussian`` (symlight.phasespace.gaussian).
    """
    J = sp.Dummy("J")
    total = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(sp.powsimp(sp.expand(expr), combine="exp"))):
        if term == 0:
            continue
        poly_part, gauss_part = sp.Integer(1), sp.Integer(1)
        for fac in sp.Mul.make_args(term):
            if isinstance(fac, sp.exp) or (isinstance(fac, sp.Pow) and isinstance(fac.base, sp.exp)):
                gauss_part *= fac
            else:
                poly_part *= fac
        if not poly_part.is_polynomial(var):
            raise InputError(f"gaussian_poly_integral: factor {poly_part} is not polynomial in {var}")
        poly = sp.Poly(poly_part, var)
        for (n,), coeff in poly.terms():
            base = integrate_gaussian(gauss_part * sp.exp(J * var), var)
            total += coeff * sp.diff(base, J, n).subs(J, 0)
    return total


def wigner_of_kernel(kernel: sp.Expr, x: sp.Symbol, y: sp.Symbol, r: sp.Symbol, k: sp.Symbol) -> sp.Expr:
    """𝒲(r, k) = ∫ds e^{−iks} ρ(r + s/2, r − s/2) for ρ(x, y) = polynomial × Gaussian (exact).

    With Ψ̂ = Σφ_kĉ_k (2) and ρ(x, y) = ⟨Ψ̂†(y)Ψ̂(x)⟩ this is the Wigner function (26)."""
    s = sp.Dummy("s", real=True)
    integrand = kernel.subs({x: r + s / 2, y: r - s / 2}, simultaneous=True) * sp.exp(-sp.I * k * s)
    return sp.simplify(gaussian_poly_integral(integrand, s))


def wigner_of_kernel_numeric(kernel: sp.Expr, x: sp.Symbol, y: sp.Symbol, values: Mapping,
                             r0: float, k0: float, half_width: float = 30.0) -> complex:
    """The same transform by adaptive quadrature (scipy.integrate.quad), the numeric twin."""
    s = sp.Dummy("s", real=True)
    f = sp.lambdify(s, kernel.subs(values).subs({x: r0 + s / 2, y: r0 - s / 2}, simultaneous=True)
                    * sp.exp(-sp.I * k0 * s), "numpy", cse=True)
    re = quad(lambda t: complex(f(t)).real, -half_width, half_width, epsabs=1e-13, epsrel=1e-12,
              limit=200)[0]
    im = quad(lambda t: complex(f(t)).imag, -half_width, half_width, epsabs=1e-13, epsrel=1e-12,
              limit=200)[0]
    return complex(re, im)


def mean_field_kernel_rate(kernel: sp.Expr, x: sp.Symbol, y: sp.Symbol,
                           potential: Callable[[sp.Expr], sp.Expr], hbar: sp.Expr, m: sp.Expr) -> sp.Expr:
    """∂_tρ(x, y) for ρ(x, y) = ⟨Ψ̂†(y)Ψ̂(x)⟩ when iħ∂_tΨ̂(x) = [−ħ²∂_x²/2m + U(x)]Ψ̂(x) (the
    fermion Heisenberg equation (12) with the Hartree closure, U = QΦ^H real):
    iħ∂_tρ = [−ħ²∂_x²/2m + U(x)]ρ − [−ħ²∂_y²/2m + U(y)]ρ."""
    hx = -hbar**2 / (2 * m) * sp.diff(kernel, x, 2) + potential(x) * kernel
    hy = -hbar**2 / (2 * m) * sp.diff(kernel, y, 2) + potential(y) * kernel
    return (hx - hy) / (sp.I * hbar)


def fock_kernel_rate(kernel: sp.Expr, x: sp.Symbol, y: sp.Symbol,
                     pair: Callable[[sp.Expr], sp.Expr], hbar: sp.Expr) -> sp.Expr:
    """Exchange part of ∂_tρ(x, y) in the Hartree–Fock closure (14): the Fock kernel
    h_F(x, z) = −U(x − z)ρ(x, z) (the position form of (117)) enters as
    iħ∂_tρ = ∫dz [h_F(x, z)ρ(z, y) − ρ(x, z)h_F(z, y)] (exact for Gaussian ρ and U)."""
    z = sp.Dummy("z", real=True)

    def hF(a, b):
        return -pair(a - b) * kernel.subs({x: a, y: b}, simultaneous=True)
    integrand = hF(x, z) * kernel.subs(x, z) - kernel.subs(y, z) * hF(z, y)
    return gaussian_poly_integral(sp.expand(integrand), z) / (sp.I * hbar)


def kinetic_K(f: sp.Expr, g: sp.Expr, r: sp.Symbol, k: sp.Symbol, hbar: sp.Expr, order: int) -> sp.Expr:
    """𝒦[f, g] = f (2/ħ) sin(½∇←_r∇→_k − ½∇←_k∇→_r) g of Eqs. (31)/(128), 1-D, sine series to
    ``order`` (bidirectional gradients of symlight.phasespace.bidiff)."""
    arg = (bidiff.D(0, r) * bidiff.D(1, k) - bidiff.D(0, k) * bidiff.D(1, r)) / 2
    return sp.expand(2 / hbar * bidiff.apply(sum(bidiff.series_of("sin", arg, order)), [f, g]))


def photon_rate_exact(omega: Callable[[sp.Expr], sp.Expr], k: sp.Expr, q: sp.Expr) -> sp.Expr:
    """Rate of the Fourier component e^{iqr} of 𝒩(r, k) from (13) without light–matter terms:
    ∂_t⟨â†_{k−q/2}â_{k+q/2}⟩ = i(ω_{k−q/2} − ω_{k+q/2})⟨â†_{k−q/2}â_{k+q/2}⟩ (per unit 𝒩)."""
    return sp.I * (omega(k - q / 2) - omega(k + q / 2))


# --- finite 1-D mode lattice: Wigner transform (26) and the Fock potential (34)/(117) ------------------

def wigner_lattice(W: Mapping[tuple[int, int], complex], r: float, K: float) -> complex:
    """𝒲(r, K) = Σ_q e^{iqr} W_{K−q/2, K+q/2} (Eq. (26), 1-D, integer modes, K ∈ ℤ/2); W maps
    (k, k') → ⟨ĉ†_k ĉ_k'⟩ with finite support."""
    twoK = round(2 * K)
    if abs(2 * K - twoK) > 1e-12:
        raise InputError(f"wigner_lattice: K must be a multiple of 1/2 on the integer lattice, got {K}")
    out = 0j
    for (k1, k2), val in W.items():
        if k1 + k2 == twoK:
            out += np.exp(1j * (k2 - k1) * r) * val
    return out


def fock_kernel(W: Mapping[tuple[int, int], complex],
                U: Callable[[int], float]) -> dict[tuple[int, int], complex]:
    """Φ^F_{k,k'} = −Σ_{q≠0} U_q W_{k+q, k'+q} (Eq. (117)), for every (k, k') it reaches."""
    out: dict[tuple[int, int], complex] = {}
    for (a, b), val in W.items():
        for q in range(-40, 41):
            if q == 0:
                continue
            key = (a - q, b - q)
            out[key] = out.get(key, 0j) - U(q) * val
    return out


def fock_wigner_printed(W: Mapping[tuple[int, int], complex], U: Callable[[int], float], r: float,
                        K: float) -> complex:
    """Printed (34): Φ^F(r, K) = −Σ_{q≠0} U_q 𝒲(r, K + q)."""
    return -sum(U(q) * wigner_lattice(W, r, K + q) for q in range(-40, 41) if q != 0)


# --- Hartree potential (33) -----------------------------------------------------------------------------

def hartree_gaussian(rr: sp.Expr, charge: sp.Expr, width: sp.Expr, eps0: sp.Expr) -> sp.Expr:
    """Potential of the charge density σ = charge (2πw²)^{-3/2} exp(−r²/2w²) solving the Poisson
    equation ∇²Φ = −σ/ε₀ with Φ → 0 at infinity: charge erf(r/(√2 w))/(4πε₀ r)."""
    return charge * sp.erf(rr / (sp.sqrt(2) * width)) / (4 * sp.pi * eps0 * rr)


def hartree_shell_quadrature(sigma: Callable[[float], float], r0: float, eps0: float = 1.0) -> float:
    """(1/4πε₀)∫d³r' σ(|r'|)/|r − r'| for a spherical σ, with the angular integral
    ∫dΩ'/|r − r'| = 4π/max(r, r'): (1/ε₀)[∫₀^r σr'² dr'/r + ∫_r^∞ σ r' dr'] (quadrature)."""
    if r0 <= 0:
        raise InputError(f"hartree_shell_quadrature: need r0 > 0, got {r0}")
    inner = quad(lambda t: sigma(t) * t * t, 0.0, r0, epsabs=1e-14, epsrel=1e-12)[0] / r0
    outer = quad(lambda t: sigma(t) * t, r0, np.inf, epsabs=1e-14, epsrel=1e-12)[0]
    return (inner + outer) / eps0
