"""Claims of Secs. III A–B and Appendix B: Green tensors, contact term, magnetic kernel, t-matrix."""

from __future__ import annotations

import numpy as np
import sympy as sp

from symlight.checks import ClaimBook
from symlight.greens import dyadic, identities, magnetic, tmatrix


def add_claims(book: ClaimBook) -> None:
    x, y, z = sp.symbols("x y z", real=True)
    kk = sp.Symbol("k", positive=True)
    # (B2): printed P, Q form against -(1 + ∇∇/k^2) e^{ikr}/4πr
    book.equal("B2", "free dyadic Green tensor G0(k, r≠0) = -e^{ikr}/(4πr)[P Δ_r + Q r̂r̂]",
               dyadic.green_tensor_sym((x, y, z), kk), dyadic.green_from_scalar_sym((x, y, z), kk),
               samples=3)
    # identity below (13): off-origin Hessian, contact weight δ/3, traceless PV
    d, p = identities.hessian_offorigin()
    book.equal("3", "-∇∇(1/4πr) = (1 - 3r̂r̂)/(4πr^3) for r ≠ 0 (SymPy Hessian)", p, d)
    book.equal("3", "contact term of -∇∇(1/4πr): weight δ_ij/3 (Gauss theorem on a ball)",
               sp.eye(3) / 3, identities.contact_weight())
    book.equal("3", "the dipolar term (1 - 3r̂r̂) has zero angular integral (PV carries no δ)",
               sp.zeros(3, 3), identities.traceless_angular_average())
    q = identities.quadrature_check()
    book.close("3", "-∇∇(1/4πr) = δ/3 + PV(1-3r̂r̂)/4πr^3 against an anisotropic off-centre "
               "Gaussian test function", q["rhs"], q["lhs"], rtol=1e-9, atol=1e-11,
               how="product Gauss–Legendre quadrature, both sides independently")
    # transverse part is ~1/r at the origin (no 1/r^3, no δ)
    r = sp.Symbol("r", positive=True)
    gtp, gtq = dyadic.transverse_eigen_sym(kk, r)
    lead = [sp.limit(r * g, r, 0) for g in (gtp, gtq)]
    cubic = [sp.limit(r**3 * g, r, 0) for g in (gtp, gtq)]
    ok = all(c == 0 for c in cubic) and all(v.is_finite and v != 0 for v in lead)
    book.holds("3", "G0T = G0 - G0L is free of the 1/r^3 and δ terms and behaves as 1/r at r→0 "
               "(printed: 'G_T(r) ~ 1/r for kr < 1')", ok,
               f"SymPy limits: r^3·G0T → {cubic}, r·G0T → {lead} on (Δ_r, r̂r̂)",
               derived=sp.Matrix(lead))
    # (6)/(5): the last term of (6) cancels the far-field longitudinal term (5)
    K = sp.Symbol("K", positive=True)
    R = sp.sqrt(x**2 + y**2 + z**2)
    phi = 1 / (4 * sp.pi * K**2 * R)
    co = (x, y, z)
    lap = sum(sp.diff(phi, c, 2) for c in co)
    last6 = sp.Matrix(3, 3, lambda i, j: -lap * (1 if i == j else 0) + sp.diff(phi, co[i], co[j]))
    rhat = sp.Matrix(co) / R
    far5 = (sp.eye(3) - 3 * rhat * rhat.T) / (4 * sp.pi * K**2 * R**3)
    book.equal("6", "last term of (6), (-∇²+∇∇)/(4πK_T²(0) r), cancels the longitudinal far field (5) "
               "when K_T(0) = K_L(0) (sum vanishes for r≠0)", sp.zeros(3, 3),
               sp.simplify(last6 + far5))
    # (7): residue evaluation of the far field
    pp = sp.Symbol("p")
    Kc = sp.Symbol("K_c")  # complex pole, Im K > 0
    integrand = pp * sp.exp(sp.I * pp * r) / (Kc**2 - pp**2)
    res = sp.residue(integrand, pp, Kc)
    far = sp.simplify(2 * sp.pi * sp.I * res / (4 * sp.pi**2 * sp.I * r))
    book.equal("7", "far field (7) by closing Γ in the upper half plane (pole p = K_T) gives "
               "-Δ_r e^{iKr}/(4πr), the P→1 limit of (B2)", -sp.exp(sp.I * Kc * r) / (4 * sp.pi * r), far)
    book.equal("B2", "far-field limit of (B2): P(kr) → 1, Q(kr) → 0",
               [1, 0], [sp.limit(dyadic.P_sym(r), r, sp.oo), sp.limit(dyadic.Q_sym(r), r, sp.oo)])
    # (B3)-(B5)
    book.equal("B4", "∇×G0 = k0 G0^(B) with G0^(B) = -(k0/4π)(ε·r̂)e^{ik0r}[1 - P(k0r)] and (ε·r̂) of (B5) "
               "(curl of -(1+∇∇/k0²)e^{ik0r}/4πr)", magnetic.magnetic_kernel_sym(),
               magnetic.curl_of_scalar_route_sym())
    th, ph = sp.symbols("theta phi", positive=True)
    n = (sp.sin(th) * sp.cos(ph), sp.sin(th) * sp.sin(ph), sp.cos(th))
    eps_n = magnetic.eps_rhat_sym(n).applyfunc(sp.simplify)
    ang = eps_n.applyfunc(lambda e: sp.integrate(e * sp.sin(th), (ph, 0, 2 * sp.pi), (th, 0, sp.pi)))
    book.equal("B4", "the angular integral of G0^(B) vanishes", sp.zeros(3, 3), ang)
    rr = np.array([[0.3, -0.2, 0.5], [1.1, 0.4, -0.7]])
    h = 1e-5
    num = np.zeros((2, 3, 3), complex)
    for a in range(3):
        e = np.zeros(3)
        e[a] = h
        dg = (dyadic.green_tensor(rr + e) - dyadic.green_tensor(rr - e)) / (2 * h)
        for i in range(3):
            for b in range(3):
                lc = int(sp.LeviCivita(i, a, b))
                if lc:
                    num[:, i, :] += lc * dg[:, b, :]
    mk = magnetic.magnetic_kernel(rr)
    nz = np.abs(mk) > 0
    book.close("B4", "numeric twin: finite-difference curl of the numeric (B2) tensor equals k0 G0^(B) "
               "(off-diagonal entries; the diagonal is zero in both)", num[nz], mk[nz], rtol=1e-6,
               how=f"central differences; max |diagonal| of the curl {np.abs(num[~nz]).max():.1e}")
    # (8) → (9) → (10)
    book.equal("8", "finite transverse remainder Σ_p Δ_p[1/(k²-p²+i0) + 1/p²] = -ik/(6π)",
               -sp.I * tmatrix.k / (6 * sp.pi), tmatrix.finite_transverse_sum())
    book.equal("9", "t(k) = -1/⟨r_d|G0|r_d⟩ with Σp̂p̂ = 1/3u, ΣΔ_p/p² = 1/6πΓ, k0² = 2πΓ/u",
               tmatrix.t_printed_eq9(), tmatrix.t_derived())
    book.equal("10", "resonant form of (9) to leading order in k - k0 and Γ, γ = k0² c0 Γ",
               tmatrix.t_printed_eq10(), tmatrix.t_eq9_near_resonance())
    book.equal("10", "static polarizability α(0) = -lim t/k² = 3u", 3 * tmatrix.u,
               tmatrix.static_polarizability())
    g, k0, c0 = sp.symbols("Gamma k_0 c_0", positive=True)
    alpha0 = 3 * tmatrix.u
    book.equal("10", "γ = k0² c0 Γ = α(0) k0⁴ c0/6π (with k0² = 2πΓ/u)",
               (alpha0 * k0**4 * c0 / (6 * sp.pi)).subs(tmatrix.u, 2 * sp.pi * g / k0**2),
               k0**2 * c0 * g)
    book.equal("10", "optical theorem -Im t = |t|² k/6π holds identically for (9)", 0,
               tmatrix.optical_theorem_residual())
    book.close("10", "optical theorem, numeric twin: Σ_p Δ_p π δ(k²-p²) = k/(6π) by quadrature with a "
               "Lorentzian δ of width 1e-3", 1 / (6 * np.pi), tmatrix.transverse_delta_sum_numeric(),
               rtol=1e-5, how="scipy quad")
