"""Magnetic kernel of a point electric dipole, seed 003_7c2b7fccf0028dca.txt Eqs. (B3)–(B5).

B = ∇×E/(ik0) applied to the scattered field t G0·Ẽ gives -i t G0^(B)·Ẽ (Eq. (B3)) with

    G0^(B)(k0, r) = -(k0/4π) (ε·r̂) exp(ik0 r) [1 - P(k0 r)],      (ε·r̂)_ij = ε_ijl r̂_l   (B4, B5),

i.e. the identity ∇×(G0·e_j) = k0 G0^(B)·e_j off the origin.  G0^(B) diverges only as 1/r^2 and
its angular average vanishes (it is odd in r̂).
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from symlight.errors import InputError
from symlight.greens.dyadic import P_sym, green_tensor_sym

X, Y, Z = sp.symbols("x y z", real=True)
K0 = sp.Symbol("k_0", positive=True)


def eps_rhat_sym(rvec=(X, Y, Z)) -> sp.Matrix:
    """The antisymmetric matrix (ε·r̂) as printed in Eq. (B5)."""
    x, y, z = rvec
    rr = sp.sqrt(x**2 + y**2 + z**2)
    return sp.Matrix([[0, z / rr, -y / rr], [-z / rr, 0, x / rr], [y / rr, -x / rr, 0]])


def magnetic_kernel_sym(rvec=(X, Y, Z), k0: sp.Expr = K0) -> sp.Matrix:
    """Printed G0^(B)(k0, r) of Eq. (B4)."""
    rr = sp.sqrt(sum(c**2 for c in rvec))
    return -(k0 / (4 * sp.pi)) * eps_rhat_sym(rvec) * sp.exp(sp.I * k0 * rr) * (1 - P_sym(k0 * rr))


def curl_of_scalar_route_sym(rvec=(X, Y, Z), k0: sp.Expr = K0) -> sp.Matrix:
    """Derived (∇×G0)_ij/k0 via G0 = -(1 + ∇∇/k0^2) g, g = e^{ik0r}/4πr: the ∇∇ part is curl-free,
    so (∇×G0)_ij = -ε_iaj ∂_a g (cheap symbolic route)."""
    rr = sp.sqrt(sum(c**2 for c in rvec))
    g = sp.exp(sp.I * k0 * rr) / (4 * sp.pi * rr)
    return sp.Matrix(3, 3, lambda i, j: sp.simplify(
        -sum(sp.LeviCivita(i, a, j) * sp.diff(g, rvec[a]) for a in range(3)) / k0))


def curl_of_green_sym(rvec=(X, Y, Z), k0: sp.Expr = K0) -> sp.Matrix:
    """Derived (∇×G0)_ij = ε_iab ∂_a G0_bj from the symbolic G0 of Eq. (B2), divided by k0
    (slow to simplify symbolically; evaluate it at points)."""
    g = green_tensor_sym(rvec, k0)
    out = sp.zeros(3, 3)
    for i in range(3):
        for j in range(3):
            s = 0
            for a in range(3):
                for b in range(3):
                    e = sp.LeviCivita(i, a, b)
                    if e != 0:
                        s += e * sp.diff(g[b, j], rvec[a])
            out[i, j] = s / k0
    return out


def magnetic_kernel(rvec: np.ndarray, k0: float = 1.0) -> np.ndarray:
    """Numeric G0^(B)(k0, r) for separations (..., 3) → (..., 3, 3); r = 0 is an InputError."""
    rv = np.asarray(rvec, float)
    rr = np.linalg.norm(rv, axis=-1)
    if np.any(rr == 0):
        raise InputError("G0^(B) at zero separation (overlapping dipoles): give distinct positions")
    u = rv / rr[..., None]
    e = np.zeros(rv.shape[:-1] + (3, 3))
    e[..., 0, 1], e[..., 0, 2] = u[..., 2], -u[..., 1]
    e[..., 1, 0], e[..., 1, 2] = -u[..., 2], u[..., 0]
    e[..., 2, 0], e[..., 2, 1] = u[..., 1], -u[..., 0]
    xx = k0 * rr
    one_minus_p = 1 / (1j * xx) + 1 / xx**2
    return (-(k0 / (4 * np.pi)) * np.exp(1j * xx) * one_minus_p)[..., None, None] * e
