"""Dyadic Green tensors, transverse/longitudinal split, t-matrices, coupled-dipole matrices.

Built for seed 003_7c2b7fccf0028dca.txt (light among point electric dipoles).  Modules:

* ``dyadic``     — free G0(k, r) (Eq. (B2)), momentum space (Eq. (2)), L/T split, contact term;
* ``identities`` — -∇∇(1/4πr) = δ(r)/3 + (1 - 3r̂r̂)/(4πr^3), symbolic and by quadrature;
* ``magnetic``   — the magnetic kernel G0^(B) of Eqs. (B3)–(B5);
* ``tmatrix``    — the point-dipole t-matrix (8)→(9)→(10) and the optical theorem;
* ``coupled``    — the 3M x 3M coupled-dipole Green matrix and collective T-matrix (A2)–(A3);
* ``radial``     — Fourier/angular reductions of isotropic tensor fields F_P Δ_r + F_Q r̂r̂.
"""

from symlight.greens.coupled import collective_tmatrix, green_matrix, pair_diagonal_exact
from symlight.greens.dyadic import green_eigen, green_tensor
from symlight.greens.magnetic import magnetic_kernel
from symlight.greens.tmatrix import t_dimensionless, t_value

__all__ = [
    "collective_tmatrix",
    "green_eigen",
    "green_matrix",
    "green_tensor",
    "magnetic_kernel",
    "pair_diagonal_exact",
    "t_dimensionless",
    "t_value",
]
