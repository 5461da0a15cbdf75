"""Seed 003 (003_7c2b7fccf0028dca.txt), Sec. III: the equations of the effective medium, the two-dipole
self-energy and the DOS/equipartition chain not covered by ``greens`` and ``transport``.

Claims (printed forms typed in as data with their labels, derived forms computed, a numeric twin each):
  (1)  Ward identity at ISA order: -Im nt = n|t|² Σ_p' Δ_p' πδ(k² - p'²) (quadrature twin).
  (2)  the inverse of k² - p²Δ_p - Σ splits into p̂p̂/(k² - Σ_L) + Δ_p/(k² - p² - Σ_T) (NumPy twin).
  (4)  near field: r³ G_T(K, r) → 0, so G → G_{0,L}(K_L(∞), r) (complex K, numeric twin).
  (12) the two lines add up to the boomerang term of (11); the second line is -G_{0,L}(p) (contact
       term + ∫j₂/x quadrature); the first line vanishes at large p (Fig. 1 integrals).
  (14) G_L(r → ∞) = G_{0,L}(K_L(0), r) to O(n²);  (15) G_L(r → 0) = G_{0,L}(K_L(∞), r) + D(0) to O(n²),
       with D(0) a convergent integral (radial quadrature with two cut-offs).
  (16) both lines in free space;  (18) ⟨r|T·G0|r⟩ = -n(r) (coupled-dipole matrices);
  (19) the DOS with a transverse pole (residues,
       quadrature twin);  (24) energy conservation and equipartition of the rate equation (matrix
       exponential twin);  (26) the r → 0 divergence of the subtracted G0G0* and its repair with G_{0,T};
       (27) the regularised singular ladder vertex from (26) (angular quadrature
       and principal-value twin).  Skipped: (16) beyond free space and (17) (see ``SKIPPED``),
       (26) (a definition; used in (27)).
"""

from __future__ import annotations

from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp
from scipy import integrate
from scipy.linalg import expm

from symlight.checks import ClaimBook
from symlight.greens import dyadic
from symlight.greens.coupled import collective_tmatrix, green_matrix
from symlight.greens.tmatrix import t_value

SKIPPED = {
    "(16) beyond free space": "identity between the Hilbert-space trace of the Helmholtz operator and "
            "the magnetic projection; with a p-independent Σ (the only model available here) both lines need "
            "different, unspecified UV regularisations (Σ_p vs Σ_p 1/p²), so nothing definite to test",
    "(17)": "definition of the M-dipole T operator (its consequence ⟨r|T·G0|r⟩ = -n(r) is checked as (18))",
    "(26)": "definition of the irreducible ladder vertex (only its r → 0 behaviour is checked); its "
            "regularised singular part is checked as (27)",
}

k, n, c0, Q0, k0 = sp.symbols("k n c_0 Q_0 k_0", positive=True)
tr, ti = sp.symbols("t_r t_i", real=True)


def _im(e: sp.Expr) -> sp.Expr:
    return sp.expand((e - e.subs(sp.I, -sp.I)) / (2 * sp.I))


def _re(e: sp.Expr) -> sp.Expr:
    return sp.expand((e + e.subs(sp.I, -sp.I)) / 2)


def add_claims(book: ClaimBook, *, quick: bool = False) -> None:
    _ward_isa(book)
    _dyson_split(book)
    _near_field(book)
    _boomerang_split(book)
    _longitudinal_limits(book)
    _dos_free(book)
    _t_g0(book)
    _dos_pole(book)
    _rate_equation(book)
    _ladder_vertex(book)


# --- (1) ------------------------------------------------------------------------------------------
def ward_isa_rhs() -> sp.Expr:
    """Σ_p' Δ_p' π δ(k² - p'²) per tensor component: (1/2π²)(2/3) ∫ p² π δ(k² - p²) dp = k/6π."""
    u = sp.Symbol("u", positive=True)  # u = p², p² dp = sqrt(u) du / 2
    radial = sp.integrate(sp.sqrt(u) / 2 * sp.pi * sp.DiracDelta(k**2 - u), (u, 0, sp.oo))
    return sp.Rational(2, 3) * radial / (2 * sp.pi**2)


def _ward_isa(book: ClaimBook) -> None:
    from symlight.greens.tmatrix import Gam, t_printed_eq9, transverse_delta_sum_numeric
    from symlight.greens.tmatrix import k as kt
    from symlight.greens.tmatrix import k0 as k0t

    t9 = t_printed_eq9()
    kern = ward_isa_rhs().subs(k, kt)
    lhs = -n * sp.im(sp.expand_complex(t9))
    rhs = n * sp.simplify(sp.expand_complex(t9 * sp.conjugate(t9))) * kern
    book.equal("1", "Ward identity at ISA order: -Im Σ_ISA = Σ_p' U^ISA·(-Im G0(p')) with U^ISA = n|t|², "
               "-Im G0 = Δ_p πδ(k² - p²) (longitudinal 1/k² real), t from (9)",
               sp.simplify(lhs), sp.simplify(rhs),
               domains={kt: (0.5, 2.0), k0t: (0.5, 2.0), Gam: (0.01, 1.0)})
    twin = transverse_delta_sum_numeric(k_val=1.0, width=1e-4)
    book.close("1", "numeric twin: Σ_p' Δ_p' πδ(k² - p'²) = k/6π with a Lorentzian δ of width 1e-4 (k = 1)",
               1 / (6 * np.pi), twin, rtol=1e-3, how="QUADPACK over p with the peak as a break point")


# --- (2) ------------------------------------------------------------------------------------------
def _pvec():
    p1, p2, p3 = sp.symbols("p_1 p_2 p_3", real=True)
    pv = sp.Matrix([p1, p2, p3])
    return pv, (p1, p2, p3), p1**2 + p2**2 + p3**2


def _dyson_split(book: ClaimBook) -> None:
    sl, st = sp.symbols("Sigma_L Sigma_T")
    p1, p3 = sp.symbols("p_1 p_3", real=True)
    pv = sp.Matrix([p1, 0, p3])  # a generic direction in the x-z plane (rotational covariance)
    p2 = p1**2 + p3**2
    proj = pv * pv.T / p2
    delta = sp.eye(3) - proj
    op = k**2 * sp.eye(3) - p2 * delta - sl * proj - st * delta
    printed = proj / (k**2 - sl) + delta / (k**2 - p2 - st)
    derived = op.LUsolve(sp.eye(3)).applyfunc(sp.factor)
    book.equal("2", "G(k, p) = [k² - p²Δ_p - Σ]^{-1} = p̂p̂/(k² - Σ_L) + Δ_p/(k² - p² - Σ_T) for "
               "Σ = Σ_L p̂p̂ + Σ_T Δ_p (symbolic inverse, p in the x-z plane)", printed, derived)
    rng = np.random.default_rng(3)
    pvn = rng.normal(size=3)
    sln, stn = 0.3 + 0.2j, -0.1 + 0.4j
    pp = np.outer(pvn, pvn) / (pvn @ pvn)
    dd = np.eye(3) - pp
    num = np.linalg.inv(1.3**2 * np.eye(3) - (pvn @ pvn) * dd - sln * pp - stn * dd)
    form = pp / (1.3**2 - sln) + dd / (1.3**2 - pvn @ pvn - stn)
    book.close("2", "numeric twin: numpy inverse at a random p, k = 1.3, complex Σ_L, Σ_T", form, num,
               rtol=1e-12, atol=1e-14)


# --- (4) ------------------------------------------------------------------------------------------
def _near_field(book: ClaimBook) -> None:
    kk = sp.Symbol("K", positive=True)
    r = sp.Symbol("r", positive=True)
    tp, tq = dyadic.transverse_eigen_sym(kk, r)
    lim = [sp.limit(r**3 * e, r, 0) for e in (tp, tq)]
    book.equal("4", "r³ G_T(K, r) → 0 as r → 0 (both eigenvalues), so G(k, r → 0) → G_{0,L}(K_L(∞), r) "
               "= (1 - 3r̂r̂)/(4πK_L²r³)", sp.Matrix([0, 0]), sp.Matrix(lim))
    f = sp.lambdify((kk, r), [tp, tq], modules="mpmath")
    kc = mp.mpc(1.1, 0.25)
    rr = mp.mpf("1e-3")
    tv = f(kc, rr)
    lv = (1 / (4 * mp.pi * kc**2 * rr**3), -2 / (4 * mp.pi * kc**2 * rr**3))
    ratio = max(abs(tv[0] / lv[0]), abs(tv[1] / lv[1]))
    book.holds("4", "numeric twin: |G_T/G_{0,L}| at K = 1.1 + 0.25i, r = 10⁻³ is O((Kr)²)",
               float(ratio) < 1e-5, f"max eigenvalue ratio {float(ratio):.2e} (mpmath)")


# --- (12) -----------------------------------------------------------------------------------------
def _boomerang_split(book: ClaimBook) -> None:
    g, gt, t = sp.symbols("g g_T t")
    printed = n**2 * t**2 * (g / (1 - t**2 * g**2) - gt) + n**2 * t**2 * (gt - g)
    derived = n**2 * t**4 * g**3 / (1 - t**2 * g**2)
    book.equal("12", "the two lines of (12) add up to the boomerang term n²∫t⁴G0³/(1 - t²G0²)e^{ipr} of "
               "(11) (per eigenvalue g of G0(r), G_{0,T} any)", printed, derived)
    j2 = mp.quadosc(lambda x: (mp.sin(x) * (3 / x**2 - 1) / x - 3 * mp.cos(x) / x**2) / x, [0, mp.inf],
                    omega=1)
    # k²·FT[G_{0,L}] = contact δ/3 (→ 1/3 on both) + 3(p̂p̂ - 1/3)∫j₂/x (PV part); coefficients (L, T)
    derived_ft = [1 / 3 + 3 * (2 / 3) * float(j2), 1 / 3 - 3 * (1 / 3) * float(j2)]
    book.close("12", "second line: ∫[G_{0,T} - G0]e^{ipr} = -G_{0,L}(p) = -p̂p̂/k² (longitudinal coefficient "
               "1, transverse 0): contact δ(r)/3k² plus the PV part 3(p̂p̂ - 1/3)∫₀^∞ j₂(x)/x dx",
               [1.0, 0.0], derived_ft, rtol=1e-10, atol=1e-10, how="mpmath quadosc")
    from symlight.numerics.dipole_boomerang import boomerang

    out = boomerang(np.array([0.5, 60.0]), -0.75, r_max=60.0)
    small = np.abs([out["HT"][1], out["HL"][1]])
    ref = np.abs([out["HT"][0], out["HL"][0]])
    book.holds("12", "first line (regular at r = 0) vanishes for large p: |H_{T,L}(60k)| ≪ |H_{T,L}(k/2)| "
               "(δ = -0.75, Fig. 1 integrals)", bool(np.all(small < 0.02 * ref)),
               f"|H_T|, |H_L| at p = 60k: {small[0]:.2e}, {small[1]:.2e}; "
               f"at p = k/2: {ref[0]:.2e}, {ref[1]:.2e}")


# --- (14), (15) -----------------------------------------------------------------------------------
def _longitudinal_limits(book: ClaimBook) -> None:
    t, lp, b0 = sp.symbols("t L B_0")
    sig0 = n * t + n**2 * lp  # Σ_ISA + Σ_Loop
    printed14 = sp.series(1 / (k**2 - sig0 - n**2 * b0), n, 0, 3).removeO()  # K_L(0)² = k² - Σ(p = 0)
    derived14 = sp.series(1 / (k**2 - sig0) + n**2 * b0 / k**4, n, 0, 3).removeO()
    book.equal("14", "G_L(k, r → ∞) = G_{0,L}(K_L(0), r): 1/(k² - Σ0) + Σ_B(0)/k⁴ = 1/K_L(0)² to O(n²) "
               "(Σ_B(0) = n²B₀, coefficient of (1 - 3r̂r̂)/4πr³)", sp.expand(printed14), sp.expand(derived14))
    pv, _, p2 = _pvec()
    proj = pv * pv.T / p2
    g0 = proj / k**2 + (sp.eye(3) - proj) / (k**2 - p2)
    book.equal("15", "convolution G_{0,L} * G0 = G_{0,L}/k² (in Fourier space p̂p̂/k²·G0(p) = p̂p̂/k⁴): the "
               "second term of G_L(r → 0) is -(n²t²/k⁴)G_{0,L}(r)", proj / k**4,
               (proj / k**2 * g0).applyfunc(sp.cancel))
    printed15 = sp.series(1 / (k**2 - sig0 + n**2 * t**2 / k**2), n, 0, 3).removeO()  # K_L(∞)² from (13)
    derived15 = sp.series(1 / (k**2 - sig0) - n**2 * t**2 / k**6, n, 0, 3).removeO()  # G_{0,L} ∝ 1/k²
    book.equal("15", "coefficient of (1 - 3r̂r̂)/4πr³: 1/(k² - Σ0) - (n²t²/k⁴)(1/k²) = 1/K_L²(∞), "
               "K_L²(∞) = k² - Σ0 + n²t²/k² (13), to O(n²): G_L(r → 0) = G_{0,L}(K_L(∞), r) + D(0)",
               sp.expand(printed15), sp.expand(derived15))
    d_short, d_long = d_zero(0.5, 40.0), d_zero(0.5, 80.0)
    book.close("15", "D(0) = (n²t²/k²)∫G_{0,L}·G0/(1 - t²G0²) is finite: radial quadrature with cut-offs "
               "40/k and 80/k agree (δ = 0.5, k = k0 = 1, per unit n²t²)",
               d_short, d_long, rtol=2e-2, how=f"value {d_long:.4g}; integrand ~ r² at 0 and ~ 1/r² at ∞")


def d_zero(delta: float, r_max: float) -> complex:
    """(1/3)Tr of D(0)/(n²t²) in Eq. (15), k = k0 = 1, t = 6π/(2δ + i) (Gauss–Legendre panels)."""
    from symlight.numerics.dipole_boomerang import _panels
    from symlight.numerics.dipole_radial import _g

    t = t_value(delta)
    r, wr = _panels(delta, r_max)
    gp, gq = _g(r)
    lp, lq = 1 / (4 * np.pi * r**3), -2 / (4 * np.pi * r**3)
    integrand = 2 * lp * gp / (1 - t**2 * gp**2) + lq * gq / (1 - t**2 * gq**2)
    return complex(np.sum(4 * np.pi * r**2 * wr * integrand) / 3)


# --- (16) -----------------------------------------------------------------------------------------
def _dos_free(book: ClaimBook) -> None:
    u = sp.Symbol("u", positive=True)  # u = p²; Im 1/(k² - p² + i0) = -πδ(k² - u), p² dp = sqrt(u)du/2

    def sum_p_delta(weight: sp.Expr) -> sp.Expr:  # Σ_p weight(p²)·(-π δ(k² - p²))
        return sp.integrate(weight * sp.sqrt(u) / 2 * (-sp.pi) * sp.DiracDelta(k**2 - u), (u, 0, sp.oo)) / (
            2 * sp.pi**2)

    electric = -(k / (sp.pi * c0)) * 2 * sum_p_delta(1)  # Tr G0: 1/k² (real) + 2/(k² - p² + i0)
    magnetic = -(k / (sp.pi * c0)) * 2 * sum_p_delta(u / k**2)  # Tr (p²Δ/k²)·G0 = 2p²/(k²(k² - p² + i0))
    book.equal("16", "free space (Σ = 0): the electric (first) and magnetic (second) lines of (16) both give "
               "N0 = k²/2π²c0 (the value used in (21)); with Σ ≠ 0 see SKIPPED",
               sp.Matrix([k**2 / (2 * sp.pi**2 * c0)] * 2), sp.Matrix([electric, magnetic]))


# --- (18) -----------------------------------------------------------------------------------------
def _t_g0(book: ClaimBook) -> None:
    rng = np.random.default_rng(18)
    pos = rng.uniform(0, 6.0, size=(25, 3))
    t = t_value(0.3)
    tm = collective_tmatrix(pos, t)
    gfull = green_matrix(pos) - np.eye(3 * len(pos)) / t  # diagonal blocks ⟨r_m|G0|r_m⟩ = -1/t (8)
    err = float(np.max(np.abs(tm @ gfull + np.eye(3 * len(pos)))))
    book.holds("18", "⟨r|T·G0|r⟩ = -1 at every dipole (T_mm' the inverse of -G0(r_m, r_m'), (17)): real, "
               "cancels in N(k, r), leaving (18)", err < 1e-9,
               f"25 dipoles, δ = 0.3: max |T·G0 + 1| = {err:.1e}")


# --- (19) -----------------------------------------------------------------------------------------
def transverse_pole_sum() -> sp.Expr:
    """Σ_p [1/(K² - p²) + 1/p²] = -iK/4π for Im K > 0 (residue at p = K; the added Σ 1/p² is real)."""
    p = sp.Symbol("p")
    kr, ki = sp.symbols("k_T kappa", positive=True)
    kk = kr + sp.I * ki
    f = kk**2 / (kk**2 - p**2)
    half = sp.pi * sp.I * sp.residue(f, p, kk)  # ∫₀^∞ = (1/2)∫_ℝ, closed above
    return sp.simplify(half / (2 * sp.pi**2)), kr, ki


def _dos_pole(book: ClaimBook) -> None:
    s, kr, ki = transverse_pole_sum()
    book.equal("19", "Σ_p [1/(K_T² - p²) + 1/p²] = -iK_T/4π (residue, K_T = k_T + i/2ℓ)",
               -sp.I * (kr + sp.I * ki) / (4 * sp.pi), s)
    a, b = sp.symbols("a b", real=True)  # 1/K_L²(∞) = a + ib
    kl_inv = a + sp.I * b
    derived = -(k / (sp.pi * c0)) * (_im(kl_inv) * Q0 * k0**3 / (2 * sp.pi) + _im(2 * s))
    printed = k / (2 * sp.pi**2 * c0) * (-Q0 * _im(k0**3 * kl_inv) + kr)
    book.equal("19", "⟨N(k)⟩ = (k/2π²c0)[-Q0 Im(k0³/K_L²(∞)) + k_T] from the line above it, with "
               "Σ_p = k0³Q0/2π and the transverse pole", printed, sp.expand(derived))
    kc = 1.2 + 0.1j
    def fim(p: float) -> float:
        return (2 * kc**2 / (kc**2 - p**2)).imag

    val = integrate.quad(fim, 0, 4, points=[1.2], limit=400)[0] + integrate.quad(fim, 4, np.inf)[0]
    book.close("19", "numeric twin: Im Σ_p 2/(K² - p²) = -k_T/2π at K = 1.2 + 0.1i (the divergent part is "
               "real)", -1.2 / (2 * np.pi), val / (2 * np.pi**2), rtol=1e-6, how="QUADPACK to ∞")


# --- (24) -----------------------------------------------------------------------------------------
def rate_energy_change(condition: str, m: int = 3) -> sp.Expr:
    """d/dt Σ ρ_i n_i for (24), dn_i/dt = -n_i/τ_i + Σ_j ρ_j n_j U_ji, with 1/τ_i fixed by ``condition``:

    "printed": ρ_i/τ_i = Σ_j ρ_j U_ij (as printed after (24)); "ward": 1/τ_i = Σ_j ρ_j U_ij (the form of
    the Ward identity (1), -Im Σ_i ∝ 1/τ_i).
    """
    rho = sp.symbols(f"rho1:{m + 1}", positive=True)
    nn = sp.symbols(f"n1:{m + 1}")
    u = sp.Matrix(m, m, lambda i, j: sp.Symbol(f"U_{i + 1}{j + 1}"))
    if condition == "printed":
        inv_tau = [sum(rho[j] * u[i, j] for j in range(m)) / rho[i] for i in range(m)]
    else:
        inv_tau = [sum(rho[j] * u[i, j] for j in range(m)) for i in range(m)]
    dn = [-nn[i] * inv_tau[i] + sum(rho[j] * nn[j] * u[j, i] for j in range(m)) for i in range(m)]
    return sp.expand(sum(rho[i] * dn[i] for i in range(m)))


def _rate_equation(book: ClaimBook) -> None:
    book.equal("24", "energy Σ ρ_i n_i is conserved by (24) under the printed condition "
               "ρ_i/τ_i = Σ_j ρ_j U_ij (three modes, U arbitrary); derived: it is not — "
               "the coefficient of n_j is ρ_j(Σ_i ρ_i U_ji - 1/τ_j), so conservation needs "
               "1/τ_i = Σ_j ρ_j U_ij (no ρ_i on the left)",
               0, rate_energy_change("printed"))
    book.equal("24", "with 1/τ_i = Σ_j ρ_j U_ij (Ward-identity form) (24) conserves Σ ρ_i n_i exactly, "
               "for any U",
               0, rate_energy_change("ward"))
    rng = np.random.default_rng(24)
    mm = 5
    rh = rng.uniform(0.5, 3.0, mm)
    un = rng.uniform(0.1, 1.0, (mm, mm))
    un = un + un.T
    a = np.diag(-(un @ rh)) + un * rh[None, :]  # dn_i/dt = -n_i Σ_j ρ_j U_ij + Σ_j U_ij ρ_j n_j
    n0 = rng.uniform(0, 2, mm)
    n_late = expm(a * 40.0) @ n0
    e0, e1 = rh @ n0, rh @ n_late
    book.close("24", "numeric twin (5 modes, symmetric U, 1/τ_i = Σ_j ρ_j U_ij, matrix exponential to "
               "t = 40): energy conserved and n_i → common value (equipartition)",
               np.r_[e0, np.full(mm, e0 / rh.sum())],
               np.r_[e1, n_late], rtol=1e-8)
    a_pr = np.diag(-(un @ rh) / rh) + un * rh[None, :]
    drift = float(rh @ (expm(a_pr * 0.1) @ n0) / e0 - 1)
    book.holds("24", "numeric twin of the printed condition ρ_i/τ_i = Σ_j ρ_j U_ij: Σ ρ_i n_i drifts",
               abs(drift) < 1e-8, f"relative energy change after t = 0.1: {drift:.3g} (same 5 modes)")


# --- (27) -----------------------------------------------------------------------------------------
def ladder_singular_coefficients() -> tuple[sp.Expr, sp.Expr]:
    """Coefficients of S and (1/3)11 - S in n²|t|⁴ Σ_p [G0T⊗G0T* - G0⊗G0*] (26): G0 = p̂p̂/k² + Δg.

    The difference is -(p̂p̂⊗p̂p̂)/k⁴ - (p̂p̂⊗Δ) ḡ/k² - (Δ⊗p̂p̂) g/k²; angular averages S and 11/3 - S
    ((AB)_{ij|kl} = A_ik B_lj); radial sums Σ_p 1 = Q0k³/2π and Re Σ_p g = -Σ_p 1/p² = -Q0k0/4π (the
    principal value of ∫dp k²/(k² - p²) vanishes), the imaginary parts cancel between g and ḡ.
    """
    p = sp.Symbol("p", positive=True)
    lam = sp.Symbol("Lambda", positive=True)
    pv = sp.integrate(p**2 / (k**2 - p**2) + 1, (p, 0, lam), conds="none")  # (Σ_p g + Σ_p 1/p²)·2π²
    pv_lim = sp.limit(sp.re(sp.simplify(pv)), lam, sp.oo)
    re_g = -Q0 * k0 / (4 * sp.pi) + pv_lim / (2 * sp.pi**2)
    sum1 = Q0 * k**3 / (2 * sp.pi)
    return sp.simplify(-sum1 / k**4), sp.simplify(-2 * re_g / k**2)


def _ladder_integrand_slopes() -> tuple[float, float]:
    """Log-slopes near r = 0 of r²·[|g/(1 - t²g²)|² - |g_X|²] (Q channel) with g_X = G0 and g_X = G_{0,T}."""
    from symlight.numerics.dipole_radial import _g

    t = t_value(0.3)
    rs = np.array([1e-3, 1e-4])
    gp, gq = _g(rs)
    tq = gq - (-2 / (4 * np.pi * rs**3))  # G_{0,T} eigenvalue along r̂ (contact-free, ~1/r)
    dressed = np.abs(gq / (1 - t**2 * gq**2)) ** 2
    bare = rs**2 * np.abs(dressed - np.abs(gq) ** 2)
    trans = rs**2 * np.abs(dressed - np.abs(tq) ** 2)
    slope = np.log(bare[0] / bare[1]) / np.log(10.0)
    slope_t = np.log(trans[0] / trans[1]) / np.log(10.0)
    return float(slope), float(slope_t)


def _ladder_vertex(book: ClaimBook) -> None:
    slope, slope_t = _ladder_integrand_slopes()
    book.holds("26", "subtracting G0G0* in (26) makes the integrand diverge at r = 0 (r²|G0|² ~ r⁻⁴, not "
               "integrable), subtracting G_{0,T}G_{0,T}* instead leaves it bounded (the repaired first term)",
               abs(slope + 4) < 0.05 and abs(slope_t) < 0.05,
               f"log-slope of r²·|integrand| between r = 10⁻³ and 10⁻⁴: {slope:.3f} with G0, {slope_t:.3f} "
               "with G_{0,T} (δ = 0.3, Q channel)")
    c_s, c_11 = ladder_singular_coefficients()
    printed = sp.Matrix([-Q0 * 3 / (6 * sp.pi * k), Q0 / (6 * sp.pi * k0)])
    derived = sp.Matrix([c_s, c_11])
    book.equal("27", "U^(LAD,s)/(n²|t|⁴): coefficients of S and (11/3 - S) from (26) with Σ_p = Q0k³/2π, "
               "Σ_p 1/p² = Q0k0/4π (printed second coefficient Q0/6πk0; derived Q0k0/2πk², a factor 3 "
               "larger at k = k0)", printed, derived)
    ratio = sp.simplify((derived[1] / printed[1]).subs(k, k0))
    book.equal("27", "ratio derived/printed of the (11/3 - S) coefficient on resonance k = k0 "
               "(what differs)",
               3, ratio)
    book.equal("27", "first coefficient alone (the one that feeds (28)): -3Q0/(6πk)",
               printed[0], derived[0])
    # numeric twin: angular averages by Gauss quadrature on the sphere
    x, w = np.polynomial.legendre.leggauss(12)
    phi = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    ct, ph = np.meshgrid(x, phi, indexing="ij")
    st = np.sqrt(1 - ct**2)
    u = np.stack([st * np.cos(ph), st * np.sin(ph), ct], -1).reshape(-1, 3)
    wt = (np.repeat(w, len(phi)) * (2 * np.pi / len(phi)) / (4 * np.pi))
    pp = u[:, :, None] * u[:, None, :]
    dd = np.eye(3) - pp
    avg_pd = np.einsum("a,aik,alj->ijkl", wt, pp, dd)
    avg_s = np.einsum("a,ai,aj,ak,al->ijkl", wt, u, u, u, u)
    eye = np.eye(3)
    form = np.einsum("ik,lj->ijkl", eye, eye) / 3 - avg_s
    book.close("27", "numeric twin: ⟨p̂p̂⊗Δ⟩ = 11/3 - S by Gauss quadrature on the sphere", form, avg_pd,
               rtol=1e-12, atol=1e-13)
    # contraction that enters (28): p̂p̂ · (11/3 - S) · Δ_p' averaged over p̂' vanishes
    d_ = np.array([0.0, 0.0, 1.0])
    contr = np.einsum("i,j,ijkl,akl,a->", d_, d_, form, dd, wt)
    book.close("27", "the (11/3 - S) term drops out of the L → T' rate (28): p̂p̂·(11/3 - S)·Δ_p' averaged "
               "over p̂' is 0, so the factor 3 in its coefficient does not reach (28)", 0.0, contr, atol=1e-13)
    lam = 400.0
    pv = integrate.quad(lambda p: p**2 / (1 + p), 0, lam, weight="cauchy", wvar=1.0)[0]
    # ∫₀^Λ p²/(1 - p²) dp = -PV∫ p²/((p-1)(p+1)) dp: the Cauchy weight 1/(p - 1)
    val = -pv + lam
    book.close("27", "numeric twin: Re Σ_p g + Σ_p 1/p² → 0 (cut-off Λ = 400k; value ~ k²/Λ)", 0.0,
               val / (2 * np.pi**2), atol=1e-3, how="QUADPACK Cauchy weight")


def make_figures(out_dir: Path, *, full: bool = False) -> list:
    return []
