"""Distributional identities of the dipole field, shown symbolically and checked by quadrature.

Seed 003_7c2b7fccf0028dca.txt, Sec. III C (below Eq. (13)) and Eq. (3):

    -∇∇ (1/4πr) = δ(r)/3 + (1 - 3r̂r̂)/(4πr^3)   (= k^2 G0L(r)),

where the second term is understood as a principal value (angular integral first).  Off the
origin the Hessian is computed by SymPy; the weight of the contact term follows from Gauss'
theorem on a small ball (a surface integral, independent of the radius), and the traceless part
integrates to zero over angles.  The numeric twin integrates both sides against a smooth,
anisotropic, off-centre Gaussian test function on a product quadrature grid.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

X, Y, Z = sp.symbols("x y z", real=True)
_R = sp.sqrt(X**2 + Y**2 + Z**2)


def hessian_offorigin() -> tuple[sp.Matrix, sp.Matrix]:
    """(derived -∂i∂j(1/4πr), printed (1 - 3r̂r̂)/(4πr^3)) for r ≠ 0, as 3x3 SymPy matrices."""
    phi = 1 / (4 * sp.pi * _R)
    coords = (X, Y, Z)
    derived = sp.Matrix(3, 3, lambda i, j: -sp.diff(phi, coords[i], coords[j]))
    rhat = sp.Matrix(coords) / _R
    printed = (sp.eye(3) - 3 * rhat * rhat.T) / (4 * sp.pi * _R**3)
    return derived, printed


def contact_weight() -> sp.Matrix:
    """∫_{|r|<ε} -∂i∂j(1/4πr) d^3r by Gauss' theorem: -∮ n̂_j ∂_i(1/4πr) dS (exact, any ε).

    Returns the 3x3 matrix of weights of δ(r); the identity predicts δ_ij/3.
    """
    th, ph, eps = sp.symbols("theta phi epsilon", positive=True)
    n = sp.Matrix([sp.sin(th) * sp.cos(ph), sp.sin(th) * sp.sin(ph), sp.cos(th)])
    # ∂_i (1/4πr) = -x_i/(4π r^3) → on the sphere: -n_i/(4π ε^2)
    grad = -n / (4 * sp.pi * eps**2)
    out = sp.zeros(3, 3)
    for i in range(3):
        for j in range(3):
            integrand = -n[j] * grad[i] * eps**2 * sp.sin(th)
            out[i, j] = sp.simplify(sp.integrate(integrand, (ph, 0, 2 * sp.pi), (th, 0, sp.pi)))
    return out


def traceless_angular_average() -> sp.Matrix:
    """∫ dΩ (1 - 3r̂r̂): zero, so the 1/r^3 part has no δ-weight as a principal value."""
    th, ph = sp.symbols("theta phi", positive=True)
    n = sp.Matrix([sp.sin(th) * sp.cos(ph), sp.sin(th) * sp.sin(ph), sp.cos(th)])
    m = sp.eye(3) - 3 * n * n.T
    return m.applyfunc(lambda e: sp.integrate(e * sp.sin(th), (ph, 0, 2 * sp.pi), (th, 0, sp.pi)))


def _gauss_test(pts: np.ndarray, widths: np.ndarray, centre: np.ndarray):
    d = (pts - centre) / widths
    f = np.exp(-np.sum(d**2, axis=-1))
    # ∂i∂j f = f * (4 d_i d_j / (w_i w_j) - 2 δ_ij / w_i^2)
    g = d / widths
    hess = f[..., None, None] * (4 * g[..., :, None] * g[..., None, :]
                                 - 2 * np.diag(1 / widths**2))
    return f, hess


def quadrature_check(widths: tuple[float, float, float] = (0.7, 1.0, 1.4),
                     centre: tuple[float, float, float] = (0.15, -0.1, 0.2),
                     n_r: int = 160, n_theta: int = 48, n_phi: int = 96,
                     r_max: float = 9.0) -> dict[str, np.ndarray]:
    """Both sides of -∇∇(1/4πr) = δ/3 + PV(1-3r̂r̂)/4πr^3 integrated against a test function f.

    lhs_ij = ∫ (1/4πr) (-∂i∂j f) d^3r   (two integrations by parts, absolutely convergent);
    rhs_ij = f(0) δ_ij/3 + ∫ (δ_ij - 3r̂_i r̂_j) f /(4πr^3) d^3r  (angular integral first).
    Gauss–Legendre in r and cos θ, trapezoid in φ.  Returns {"lhs", "rhs", "contact", "pv"}.
    """
    w = np.asarray(widths, float)
    c = np.asarray(centre, float)
    xr, wr = np.polynomial.legendre.leggauss(n_r)
    rr = 0.5 * r_max * (xr + 1)
    wr = 0.5 * r_max * wr
    xc, wc = np.polynomial.legendre.leggauss(n_theta)
    phis = np.arange(n_phi) * 2 * np.pi / n_phi
    wphi = np.full(n_phi, 2 * np.pi / n_phi)
    ct, ph = np.meshgrid(xc, phis, indexing="ij")
    st = np.sqrt(1 - ct**2)
    nhat = np.stack([st * np.cos(ph), st * np.sin(ph), ct], axis=-1)  # (nt, nphi, 3)
    wang = wc[:, None] * wphi[None, :]
    lhs = np.zeros((3, 3))
    pv = np.zeros((3, 3))
    kern = np.eye(3) - 3 * nhat[..., :, None] * nhat[..., None, :]
    for ri, wri in zip(rr, wr, strict=True):
        pts = ri * nhat
        f, hess = _gauss_test(pts, w, c)
        # volume element r^2 dr dΩ
        lhs += wri * ri**2 * np.einsum("ab,abij->ij", wang, -hess / (4 * np.pi * ri))
        pv += wri * ri**2 * np.einsum("ab,ab,abij->ij", wang, f / (4 * np.pi * ri**3), kern)
    f0, _ = _gauss_test(np.zeros(3), w, c)
    contact = float(f0) * np.eye(3) / 3
    return {"lhs": lhs, "rhs": contact + pv, "contact": contact, "pv": pv}
