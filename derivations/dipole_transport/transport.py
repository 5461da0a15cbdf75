"""Claims of Secs. III B–E, IV and Appendix A: ISA medium, DOS, equipartition, Drude currents,
the Q0-singular terms and their cancellation (72), the weak-localization coefficient (70)."""

from __future__ import annotations

import mpmath as mp
import numpy as np
import sympy as sp

from symlight.checks import ClaimBook
from symlight.models import dipole_medium

k, n, Q0, ell, ke = sp.symbols("k n Q_0 ell k_e", positive=True)
ta, tb = sp.symbols("t_r t_i", real=True)  # t = t_r + i t_i
t = ta + sp.I * tb
tc = ta - sp.I * tb


def _re(e):
    return sp.expand((e + e.subs(sp.I, -sp.I)) / 2)


def _im(e):
    return sp.expand((e - e.subs(sp.I, -sp.I)) / (2 * sp.I))


def _half_line_even(f, p, poles_uhp):
    """∫_0^∞ f(p) dp for an even rational f decaying as 1/p^2: πi Σ residues in the upper half plane."""
    return sp.simplify(sp.pi * sp.I * sum(sp.residue(f, p, z) for z in poles_uhp))


def add_claims(book: ClaimBook) -> None:
    _isa(book)
    _dos(book)
    _equipartition(book)
    _drude(book)
    _singular(book)
    _weak_localization(book)


def _isa(book: ClaimBook) -> None:
    tt = sp.Symbol("t")
    kt = k - n * tt / (2 * k) - n**2 * tt**2 / (8 * k**3)
    series = sp.series(sp.expand(kt**2), n, 0, 3).removeO()
    book.equal("A10", "K_T = k - nt/2k - n²t²/8k³ squares to k² - nt up to O(n³) (ISA recovered)",
               k**2 - n * tt, series)
    kl = sp.series(1 / (k**2 - n * tt), n, 0, 2).removeO()
    book.equal("A9", "1/K_L²(∞) = 1/k² + nt/k⁴ at first order: the ISA medium K² = k² - nt",
               1 / k**2 + n * tt / k**4, kl)
    from symlight.numerics.dipole_radial import appendix_a_trace_integral

    ht = appendix_a_trace_integral()
    book.close("A10", "∫d³r Tr G0(r)·H_T(kr) = i/(4k²) (used to recover the ISA from (A10)); contact term "
               "δ(r)/3k² of G0 included", 0.25j, ht["total"], rtol=1e-8, atol=1e-10,
               how=f"contact i/3 + r>0 part {ht['offorigin']:.6f} (mpmath near 0, QUADPACK, rotated tail); "
               "without the contact term the value would be -i/12")
    dens = 1e-5
    with np.errstate(all="ignore"):
        ell0 = dipole_medium.mean_free_path(0.0, dens)
    book.close("III B", "ISA mean free path on resonance: ℓ = 1/(nσ), σ = 6π/k0² (low density), from "
               "ℓ = 1/(2 Im K), K² = k² - nt", 1 / (dens * 6 * np.pi), ell0, rtol=1e-4,
               how="n/k0³ = 1e-5, exact ISA square root")


def _dos(book: ClaimBook) -> None:
    eta = sp.Symbol("eta", positive=True)  # 1/(2ℓ)
    K = k + sp.I * eta
    ratio = -Q0 * k**2 * sp.im(sp.expand_complex(1 / K**2))  # k0³/k_T = k² at k = k0 = k_T
    lead = sp.limit(ratio / eta, eta, 0) * eta
    book.equal("20", "N_L/N_T = -Q0 (k0³/k_T) Im 1/K_L²(∞) → Q0/(kℓ) at low density (K_L ≈ k + i/2ℓ)",
               Q0 / (k * ell), sp.simplify(lead.subs(eta, 1 / (2 * ell))))
    vq = 1 / (1 + Q0 / (k * ell))
    book.equal("54", "v_E/c0 = N_T/(N_L + N_T) = 1/(1 + Q0/kℓ) at low density (from (20))", vq,
               sp.simplify(1 / (1 + lead.subs(eta, 1 / (2 * ell)))))
    # Σ_p |G_T|² = ℓ/4π and the Drude ratio (54)
    p = sp.Symbol("p")
    b = sp.Symbol("b", positive=True)
    K = ke + sp.I * b
    Kc = ke - sp.I * b
    poles = (K, -Kc)
    s_gt2 = _half_line_even(p**2 / ((K**2 - p**2) * (Kc**2 - p**2)), p, poles) / (2 * sp.pi**2)
    s_gt2 = sp.simplify(s_gt2.subs(b, 1 / (2 * ell)))
    book.equal("96", "Σ_p |G_T(p)|² = ℓ/4π exactly for G_T = 1/(K² - p²), K = k_e + i/2ℓ (residues)",
               ell / (4 * sp.pi), s_gt2)
    for kev, lv in ((1.0, 1.0), (2.0, 0.7)):
        kk = mp.mpc(kev, 1 / (2 * lv))
        val = mp.quad(lambda q, kk=kk: q**2 / abs(kk**2 - q**2) ** 2, [0, kev, mp.inf]) / (2 * mp.pi**2)
        book.close("96", f"Σ_p |G_T|² = ℓ/4π by quadrature (k_e = {kev}, ℓ = {lv})",
                   lv / (4 * np.pi), float(val), rtol=1e-10, how="mpmath tanh-sinh")
    im2 = (2 * ke * b) ** 2 / ((K**2 - p**2) ** 2 * (Kc**2 - p**2) ** 2)
    num = 2 * _half_line_even(p**2 * im2, p, poles)
    den = _half_line_even(2 * ke * b / ((K**2 - p**2) * (Kc**2 - p**2)), p, poles)
    book.equal("54", "Σ 2p² Im²G_T / Σ -Im G_T = k_e ℓ (exactly, for a p-independent pole K)",
               ke * ell, sp.simplify((num / den).subs(b, 1 / (2 * ell))))
    s86 = _half_line_even(p**4 / ((K**2 - p**2) * (Kc**2 - p**2)) - 1, p, poles)
    s86 = sp.simplify((sp.Rational(4, 3) * s86 / (2 * sp.pi**2)).subs(b, 1 / (2 * ell)))
    book.equal("86", "σ_c = (4/3)Σ_p (p²|G_T|² - 1/p²) = (k_e²ℓ/3π)(1 - 3/(4(k_eℓ)²)) (residues)",
               ke**2 * ell / (3 * sp.pi) * (1 - 3 / (4 * (ke * ell) ** 2)), s86)
    # Appendix A: area of the resonance and number of states
    kk, k0, g = sp.symbols("k k_0 gamma_k", positive=True)  # γ_k = γ/c0 (width in k)
    t10 = -(6 * sp.pi / k0) * (g / 2) / (k0 - kk - sp.I * g / 2)
    xx = sp.Symbol("x", real=True)
    lo = sp.Symbol("L", positive=True)
    integ = sp.integrate(sp.expand_complex(sp.im(t10.subs(kk, k0 + xx))), (xx, -lo, lo))
    area_im = sp.limit(integ, lo, sp.oo)
    area_re = sp.limit(sp.integrate(sp.expand_complex(sp.re(t10.subs(kk, k0 + xx))), (xx, -lo, lo)),
                       lo, sp.oo)
    derived_area = sp.simplify((area_re + sp.I * area_im).subs(g, k0 / Q0))
    book.equal("A7", "∫ dk t(k) over the resonance = -6π²i/Q0 (printed); derived from (10) by "
               "symmetric integration (Q0 = k0/γ_k)", -6 * sp.pi**2 * sp.I / Q0, derived_area)
    per_line = sp.simplify(-Q0 / (2 * sp.pi**2) * sp.im(derived_area))
    total = 2 * per_line  # each state counts 1/2 at +ω and 1/2 at -ω: ∫_{-∞}^{∞} dω N = TR
    book.holds("A7", "each dipole adds 3 states (∫dΠ = 3)", total == 3,
               f"∫dΠ over the positive-frequency line of (A7) = {per_line}; the normalisation "
               "∫_(-∞)^(∞) dω N_tot = TR counts each state half at +ω and half at -ω, so the two lines "
               f"give {total}: the count 3 holds, but only with the derived area -3π²i/Q0 per line and "
               "both frequency signs", printed=sp.Integer(3), derived=total)


def _equipartition(book: ClaimBook) -> None:
    th, ph = sp.symbols("theta phi", positive=True)
    nhat = sp.Matrix([sp.sin(th) * sp.cos(ph), sp.sin(th) * sp.sin(ph), sp.cos(th)])
    avg = lambda e: sp.integrate(e * sp.sin(th), (ph, 0, 2 * sp.pi), (th, 0, sp.pi)) / (4 * sp.pi)
    ghat = sp.Matrix([1, 0, 0])
    t2 = ta**2 + tb**2
    rho_l = -n * tb / k**4
    reg = Q0 * k**3 / (2 * sp.pi)  # Σ_p regularised
    rate_tl = n * t2 * avg((nhat.dot(ghat)) ** 2) * rho_l * reg
    book.equal("25", "ρ_T/τ(T→L') = Σ_p' U^ISA ρ_L (p̂'·ĝ)² with Σ_p = Q0k³/2π", -Q0 * n**2 * t2 * tb /
               (6 * sp.pi * k), sp.simplify(rate_tl))
    # transverse → transverse: Σ over two transverse polarisations, ρ_T = π δ(k² - p²)
    pp = sp.Symbol("p", positive=True)
    shell = sp.integrate(pp**2 * sp.pi * sp.DiracDelta(k**2 - pp**2), (pp, 0, sp.oo)) / (2 * sp.pi**2)
    rate_tt = n * t2 * avg(1 - (nhat.dot(ghat)) ** 2) * shell
    # optical theorem Im(1/t) = k/6π: t = 1/(s + ik/6π), s real
    sr = sp.Symbol("s", real=True)
    topt = 1 / (sr + sp.I * k / (6 * sp.pi))
    opt = {ta: sp.re(sp.expand_complex(topt)), tb: sp.im(sp.expand_complex(topt))}
    inv_ell = sp.simplify((-n * tb / k).subs(opt))
    book.equal("29", "ρ_T/τ(T→T') = k/ℓ with 1/ℓ = -n Im t/k (ISA, optical theorem)", k * inv_ell,
               sp.simplify(rate_tt.subs(opt)))
    rl = -Q0 * n**2 * t2**2 / (6 * sp.pi) ** 2
    book.equal("28", "secular rates (25) and (28) are equal and opposite (optical theorem)",
               sp.simplify(-rl.subs(opt)), sp.simplify(rate_tl.subs(opt)))
    ratio = sp.simplify((rate_tl / rate_tt).subs(opt))
    ell_s = 1 / inv_ell
    book.equal("29", "τ⁻¹(T→L')/τ⁻¹(T→T') = (1/3) Q0/(kℓ) (printed)", Q0 / (3 * k * ell_s), ratio)
    book.equal("30", "E_L/E_T = Q0/(kℓ): one longitudinal (ρ_L = -n Im t/k⁴, Σ_p = Q0k³/2π) against "
               "two transverse polarisations (ρ_T = Σ_p πδ(k²-p²))", Q0 / (k * ell_s),
               sp.simplify((rho_l * reg / (2 * shell)).subs(opt)))


def _drude(book: ClaimBook) -> None:
    p = sp.Symbol("p", positive=True)
    w = sp.Symbol("w", positive=True)  # w = 1/p
    gt = 1 / (k**2 - n * t - p**2)
    gl = 1 / (k**2 - n * t)
    integrand = _im(gt) * _im(gl) * sp.Rational(2, 3) * p**2  # angular average of p² - (p·q̂)²
    lead = sp.limit(sp.simplify(integrand.subs(p, 1 / w)) / w**2, w, 0)
    lead_n2 = sp.series(lead, n, 0, 3).removeO()
    derived = sp.simplify(lead_n2 * Q0 * k / (4 * sp.pi))  # Σ_p 1/p² = Q0 k/4π
    book.equal("57", "πND₂^D from (56): coefficient of Σ_p 1/p² at large p, regularised as Q0k/4π",
               Q0 * (n * tb) ** 2 / (6 * sp.pi * k**3), derived)


def _kubo_trace_angular(xtensor_fn) -> sp.Expr:
    """(1/4) ⟨Tr L(p, q̂)·X⟩ over directions of p̂ (|p| = 1), q̂ = ẑ."""
    th, ph = sp.symbols("theta phi", positive=True)
    ph_ = sp.Matrix([sp.sin(th) * sp.cos(ph), sp.sin(th) * sp.sin(ph), sp.cos(th)])
    qv = sp.Matrix([0, 0, 1])
    L = 2 * ph_.dot(qv) * sp.eye(3) - ph_ * qv.T - qv * ph_.T
    X = xtensor_fn(ph_, qv)
    tr = sp.simplify((L * X).trace())
    return sp.integrate(tr * sp.sin(th), (ph, 0, 2 * sp.pi), (th, 0, sp.pi)) / (4 * sp.pi) / 4


def _singular(book: ClaimBook) -> None:
    # (61): J^{δΣ} = -Re(n²t²/k² G_T G_L)(1/p)(2p̂p̂(p̂·q) - p̂q - qp̂); large p: G_T → -1/p², G_L → 1/k²
    ang = _kubo_trace_angular(lambda ph_, qv: 2 * ph_ * ph_.T * ph_.dot(qv) - ph_ * qv.T - qv * ph_.T)
    # Σ_p (1/4)Tr L·J: L carries one power of p, J^{δΣ} ~ Re(n²t²)/(k⁴ p³) → ang · Re(n²t²)/k⁴ Σ 1/p²
    d61 = sp.simplify(ang * _re(n**2 * t**2) / k**4 * Q0 * k / (4 * sp.pi))
    p61 = Q0 * _re(n**2 * t**2) / (12 * sp.pi * k**3)
    book.equal("61", "πND₂^{δΣ} from the local-field term of (13) inserted in (51), Σ1/p² → Q0k/4π",
               p61, d61)
    y = sp.Symbol("y", positive=True)
    j2int = sp.integrate(sp.expand_func(sp.jn(2, y)) / y, (y, 0, sp.oo))
    book.equal("65", "lim p f₂(p) = -(3/4πk²)∫d³y j₂(y)/y³ = -1/k² (needs ∫₀^∞ j₂(y)/y dy = 1/3)",
               -1 / k**2, -3 / (4 * sp.pi * k**2) * 4 * sp.pi * j2int)
    numint = mp.quadosc(lambda yy: mp.sqrt(mp.pi / (2 * yy)) * mp.besselj(2.5, yy) / yy, [0, mp.inf],
                        omega=1)
    book.close("65", "∫₀^∞ j₂(y)/y dy = 1/3 (numeric twin, mpmath quadosc)", 1 / 3, float(numint),
               rtol=1e-10)
    # (13): large-p limit of the boomerang self-energy from the PV transform of (1-3r̂r̂)/4πr³
    x_ = sp.Symbol("x", positive=True)
    j0, j1 = sp.expand_func(sp.jn(0, x_)), sp.expand_func(sp.jn(1, x_))
    ker_t = sp.simplify(j0 - 3 * j1 / x_ + sp.expand_func(sp.jn(2, x_)))  # = 0: kernel is -j2
    ker_l = sp.simplify(-2 * j0 + 6 * j1 / x_ - 2 * sp.expand_func(sp.jn(2, x_)))  # = 0: kernel is 2 j2
    pv_t, pv_l = -j2int, 2 * j2int  # FT of +G0L(r>0): T and L coefficients (units 1/k²)
    contact = sp.Rational(1, 3)
    lim_t = -(contact + pv_t)  # Σ_B includes -G0 (contact + PV part); regular part → 0
    lim_l = -(contact + pv_l)
    ok_kernels = ker_t == 0 and ker_l == 0
    book.equal("13", "lim_{p→∞} Σ_B = -n²t²/k² p̂p̂: transverse coefficient 0, longitudinal -1 (units n²t²/k²; "
               "contact 1/3 plus PV transforms ∓∫j₂/x)" + ("" if ok_kernels else " [kernel identity failed]"),
               [0, -1], [lim_t, lim_l])
    from symlight.numerics.dipole_boomerang import boomerang

    bm = boomerang(np.array([25.0, 40.0]), 0.0, r_max=150.0)
    unit = -bm["t"] ** 2 / (16 * np.pi**2)
    book.close("13", "numeric twin (Fig. 1 integrals, δ = 0, p = 25k and 40k): Σ_T → 0, Σ_L → -n²t²",
               [0, 0, unit, unit], [bm["T"][0], bm["T"][1], bm["L"][0], bm["L"][1]], atol=0.02 * abs(unit),
               how="panel Gauss–Legendre, units (4πn/k³)²k²")
    # (66): -(1/3)n²|t|² Σ p f2 Re G0L conj(G0T), large p: p f2 → -1/k², G0L = 1/k², G0T → -1/p²
    d66 = sp.Rational(-1, 3) * n**2 * (ta**2 + tb**2) * (-1 / k**2) * (1 / k**2) * (-1) * Q0 * k / (4 * sp.pi)
    p66 = -Q0 * n**2 * (ta**2 + tb**2) / (12 * sp.pi * k**3)
    book.equal("66", "πND₂^{δG}: large-p part of (65) regularised with Σ1/p² = Q0k/4π", p66,
               sp.simplify(d66))
    p57 = Q0 * (n * tb) ** 2 / (6 * sp.pi * k**3)
    total = sp.simplify(sp.expand(p57 + p61 + p66))
    printed72 = Q0 / (6 * sp.pi * k**3) * n**2 * (tb**2 + _re(t**2) / 2 - (ta**2 + tb**2) / 2)
    book.equal("72", "the three Q0-singular terms (57)+(61)+(66) equal the printed bracket", printed72,
               p57 + p61 + p66)
    book.equal("72", "... and cancel identically for every complex t", 0, total)


def _weak_localization(book: ClaimBook) -> None:
    # radial integral: ∫₀^∞ dr (4/5 j1(kr) - 1/5 j3(kr))(4/5 j1(pr) - 1/5 j3(pr)) (k = 1)
    from symlight.numerics.dipole_radial import wl_radial_integral

    vals, printed = [], []
    for pv in (1.0, 1.7, 3.0):
        vals.append(wl_radial_integral(pv))
        printed.append(float((3 * np.pi / 20) * (2 / pv**2 + 9 / 7 / pv**4) / (9 / 2)))
    book.close("70", "J₀^MC radial integral = (π/30k)(2k²/p² + 9k⁴/7p⁴) for p ≥ k (quadrature at "
               "p/k = 1, 1.7, 3)", printed, vals, rtol=1e-7,
               how="vectorised Gauss–Legendre to r = 3000/k plus asymptotic tail")
    # Kubo: ΔD = (1/4πN) Σ_p Tr L·Δ_p (p̂·q̂) J δ(k²-p²), J = -(3π²/20k)(23/7), N = k²/(2π² v_E)
    vE = sp.Symbol("v_E", positive=True)
    ang = _kubo_trace_angular(lambda ph_, qv: (sp.eye(3) - ph_ * ph_.T) * ph_.dot(qv)) * 4
    pp = sp.Symbol("p", positive=True)
    shell = sp.integrate(pp**2 * pp * ang * sp.DiracDelta(k**2 - pp**2), (pp, 0, sp.oo)) / (2 * sp.pi**2)
    amp = -3 * sp.pi**2 / (20 * k) * (2 + sp.Rational(9, 7))
    dd = sp.simplify(shell * amp / (4 * sp.pi * k**2 / (2 * sp.pi**2 * vE)))
    book.equal("70", "ΔD₀^WL = -(1/3)(v_E/k)(69π/280) from the Kubo formula (44) with |G_T|² → "
               "(πℓ/k)δ(k²-p²)", -vE / (3 * k) * sp.Rational(69, 280) * sp.pi, dd)
    coef = float(sp.Rational(69, 280) * sp.pi)
    book.close("70", "ΔD₀^WL/D^T = -0.774/kℓ (printed number)", 0.774, coef, rtol=1e-3)
    book.holds("70", "the EM coefficient exceeds the scalar one π/6 = 0.523", coef > np.pi / 6,
               f"69π/280 = {coef:.4f} > π/6 = {np.pi / 6:.4f}")
    book.close("70", "J₂ Drude (59) compensates the J₀ weak localization for kℓ < 1.3: root of "
               "1/(kℓ) = 69π/280", 1.3, 280 / (69 * np.pi), rtol=0.01, how="closed form 280/(69π)")
