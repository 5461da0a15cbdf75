"""Fluid variables (51), (54), (56)-(58), (60), (63)-(65) as moments of the kinetic equations, seed 001.

Seed 001_acf7c75771656388.txt. ``fluid_claims`` checks the full continuity (52) and momentum (53)
equations; here each printed fluid variable is isolated by switching on only the term of the
first-order kinetic equation that produces it, and compared with the printed definition:

* (51) J = ∫v W (Φ^F = 0) and J_ph = ∫v_ph N; (56) J^F with a momentum-dependent Φ^F;
* (57) P (Φ^F = 0); (58) P^F with an x-independent, anisotropic Φ^F(k) in two dimensions (which
  index of the non-symmetric tensor carries the divergence is decided by the derivation);
* (60) f^F with a k-independent Φ^F(x); (54) J^(1) from the first order of the linear term (38);
* (63) P_ph (Ω² = 0), (64) p_α (uniform Ω²), (65) T_α (inhomogeneous Ω²(x)) from the photon
  equation (29) with (40) and the first order of (36).

Fermion k-moments are exact Gaussian moments (``fluid_claims.k_moment`` in 1-D,
``plasma_wigner_equations.gaussian_poly_integral`` in 2-D); photon moments are quadratures
(``photon_fluid_claims.k_integral``) because v_ph = c²k/ω_k is not polynomial.
"""

from __future__ import annotations

import sympy as sp
from scipy.integrate import quad

from derivations.plasma_photons import fluid_claims as fc
from derivations.plasma_photons import photon_fluid_claims as pfc
from symlight.checks import Claim, ClaimBook
from symlight.models.plasma_wigner_equations import gaussian_poly_integral
from symlight.phasespace import bidiff

TOPIC, SOURCE = "plasma-photons", "001_acf7c75771656388.txt"

x, k, hbar, m, Q = fc.x, fc.k, fc.hbar, fc.m, fc.Q
W, n_x, PhiH = fc.W, fc.n_x, fc.PhiH


def _dt_W(phiF: sp.Expr) -> sp.Expr:
    """∂_tW = −𝒦₁[W, ℰ] (30) with (41), ℰ = ħ²k²/2m + QΦ^H + Φ^F, no light (1-D)."""
    return -fc._first_order_K(W, hbar**2 * k**2 / (2 * m) + Q * PhiH + phiF)


def _J(w: sp.Expr) -> sp.Expr:
    return fc.k_moment(hbar * k / m * w)


def _P(w: sp.Expr) -> sp.Expr:
    return fc.k_moment(hbar**2 * k**2 / m * w)


_A_X = 1 + x / 3 - x**2 / 5                                                # explicit A(x)


def _linear_C1() -> sp.Expr:
    """First order of the linear matter term (38), 1-D: (Q/m)[A∂_xW − (kA)·2·½∂←_x∂→_k W]."""
    sin1 = bidiff.apply(bidiff.series_of("sin", bidiff.D(0, x) * bidiff.D(1, k) / 2, 1)[1], [k * _A_X, W])
    return Q / m * (_A_X * sp.diff(W, x) - 2 * sin1)


def _fermion_claims(book: ClaimBook) -> None:
    J = _J(W)                                                               # printed (51)
    dW0 = _dt_W(sp.Integer(0))
    book.equal("51", "J = ∫(ħk/m)W dk (51): with Φ^F = 0 the zeroth k-moment of the kinetic equation is "
               "∂_tn = −∇·J (explicit inhomogeneous W, exact Gaussian moments)",
               -sp.diff(J, x), fc.k_moment(dW0))
    phiF = fc.PhiF                                                          # x- and k-dependent
    JF = fc.k_moment(sp.diff(phiF, k) / hbar * W)                           # printed (56)
    book.equal("56", "degeneracy current J^F = ∫(1/ħ)∂_kΦ^F W dk (56): with the explicit Φ^F(x, k) the "
               "zeroth moment gives ∂_tn + ∇·J = −∇·J^F", -sp.diff(JF, x),
               fc.k_moment(_dt_W(phiF)) + sp.diff(J, x))
    n = fc.k_moment(W)
    force_H = -n / m * Q * sp.diff(PhiH, x)
    P = _P(W)                                                               # printed (57)
    book.equal("57", "kinetic pressure P = ∫ħk⊗ħk W/m dk (57): with Φ^F = 0 the (ħk/m)-moment gives "
               "∂_tJ − (n/m)(−Q∇Φ^H) = −∇P/m", -sp.diff(P, x) / m,
               fc.k_moment(hbar * k / m * dW0) - force_H)
    phiF_x = x**3 / 5 + x / 4 - x**2 / 6                                    # Φ^F(x), k-independent
    fF = -fc.k_moment(W * sp.diff(phiF_x, x)) / n                            # printed (60)
    book.equal("60", "exchange force f^F = −(1/n)∫W ∂_rΦ^F dk (60): for a k-independent Φ^F(x) (P^F = 0, "
               "J^F = 0) the momentum moment leaves ∂_tJ + ∇P/m + (n/m)Q∇Φ^H = (n/m)f^F",
               n / m * fF, fc.k_moment(hbar * k / m * _dt_W(phiF_x)) + sp.diff(P, x) / m - force_H)
    A = _A_X
    C1 = _linear_C1()
    J1 = -Q / m * A * n                                                     # printed (54)
    book.equal("54", "linear current J^(1) = −(Q/m)A n (54): the k-integral of the first order of the "
               "linear term 𝒞^(1) of (38) is −∇·J^(1) (1-D, explicit A(x); the E and v×B force terms of "
               "(46) integrate to zero over k)", -sp.diff(J1, x), fc.k_moment(C1))


def _numeric_twin(book: ClaimBook) -> None:
    """Quadrature twin of (51), (56), (57), (60): the k-integrals of the kinetic equation evaluated by
    scipy.integrate.quad (not the Gaussian-moment formula) at fixed x, ħ = 7/10, m = 13/10, Q = 3/2."""
    vals = {hbar: sp.Rational(7, 10), m: sp.Rational(13, 10), Q: sp.Rational(3, 2)}
    xs_ = (-0.8, 0.35, 1.2)

    def kint(expr, x0):
        f = sp.lambdify(k, expr.subs(vals).subs(x, x0), "numpy", cse=True)
        return quad(f, -30.0, 30.0, points=(-2.0, 0.0, 2.0), epsabs=1e-13, epsrel=1e-12, limit=200)[0]

    def at(expr, x0):
        return float(expr.subs(vals).subs(x, x0))
    phiF_x = x**3 / 5 + x / 4 - x**2 / 6
    J, JF = _J(W), fc.k_moment(sp.diff(fc.PhiF, k) / hbar * W)
    P, n = _P(W), fc.k_moment(W)
    fF = -fc.k_moment(W * sp.diff(phiF_x, x)) / n
    force_H = -n / m * Q * sp.diff(PhiH, x)
    rows = [("51", -sp.diff(J, x), _dt_W(sp.Integer(0)), 0),
            ("56", -sp.diff(JF, x), _dt_W(fc.PhiF), sp.diff(J, x)),
            ("57", -sp.diff(P, x) / m, hbar * k / m * _dt_W(sp.Integer(0)), -force_H),
            ("60", n / m * fF, hbar * k / m * _dt_W(phiF_x), sp.diff(P, x) / m - force_H),
            ("54", -sp.diff(-Q / m * _A_X * n, x), _linear_C1(), 0)]
    for eq, printed, integrand, extra in rows:
        book.close(eq, f"numeric twin of ({eq}): k-integral of the kinetic equation by adaptive quadrature "
                   f"at x = {xs_} (ħ = 7/10, m = 13/10, Q = 3/2) vs the printed fluid variable",
                   [at(printed, x0) for x0 in xs_],
                   [kint(integrand, x0) + at(sp.sympify(extra), x0) for x0 in xs_], rtol=1e-9, atol=1e-12)


def _tensor_claim_58(book: ClaimBook) -> None:
    """2-D check of the exchange pressure tensor (58) with an anisotropic, x-independent Φ^F(k)."""
    x1, x2 = sp.symbols("x1 x2", real=True)
    k1, k2 = sp.symbols("k1 k2", real=True)
    xs, ks = (x1, x2), (k1, k2)
    n2 = 1 + x1**2 / 4 + x2 / 5
    u = (sp.Rational(1, 3), -sp.Rational(1, 2))              # drift; n(x) carries the inhomogeneity
    gauss = sp.exp(-(k1 - u[0]) ** 2 - (k2 - u[1]) ** 2) / sp.pi
    W2 = n2 * gauss
    phiF = k1 * k2 / 3 + k1**2 * k2 / 5 + k2**2 / 7                       # Φ^F(k), not isotropic
    one_d = {}

    def m1(var, shift, power):
        key = (var, power)
        if key not in one_d:
            one_d[key] = gaussian_poly_integral(var**power * sp.exp(-(var - shift) ** 2), var)
        return one_d[key]

    def moment(expr: sp.Expr) -> sp.Expr:
        """∫d²k expr for expr = polynomial(k) × the Gaussian of W2 (exact, monomial by monomial)."""
        poly = sp.Poly(sp.expand(sp.cancel(expr / gauss)), k1, k2)
        return sp.expand(sum(coef * m1(k1, u[0], a) * m1(k2, u[1], b) for (a, b), coef in poly.terms())
                         / sp.pi)

    grad_k = [sp.diff(phiF, kk) for kk in ks]
    # first order of 𝒦[W, ℰ] with ℰ = ħ²k²/2m + Φ^F(k): (ħk/m + ∇_kΦ^F/ħ)·∇_rW (no forces)
    dW = -sum((hbar * kk / m + g / hbar) * sp.diff(W2, xx) for kk, g, xx in zip(ks, grad_k, xs, strict=True))
    derived, printed_first, printed_second = [], [], []
    for i in range(2):
        dJ = moment(hbar * ks[i] / m * dW)
        P_div = sum(sp.diff(moment(hbar**2 * ks[i] * ks[j] / m * W2), xs[j]) for j in range(2)) / m
        derived.append(sp.expand(dJ + P_div))
        # printed (58): P^F_{ab} = ∫(∂_{k_a}Φ^F) k_b W; divergence on the first index a vs the second b
        printed_first.append(-sum(sp.diff(moment(grad_k[j] * ks[i] * W2), xs[j]) for j in range(2)) / m)
        printed_second.append(-sum(sp.diff(moment(grad_k[i] * ks[j] * W2), xs[j]) for j in range(2)) / m)
    book.equal("58", "exchange pressure P^F = ∫(∂Φ^F/∂k ⊗ k)W (58), 2-D with anisotropic Φ^F(k): the "
               "momentum "
               "moment gives ∂_tJ_i + ∂_jP_ij/m = −∂_jP^F_ji/m, i.e. ∇(P^F) in (53) is the divergence on the "
               "FIRST index of the printed ∂Φ/∂k ⊗ k", printed_first, derived)
    other = [sp.expand(a - b) for a, b in zip(printed_second, derived, strict=True)]
    book.holds("58", "the other contraction, ∂_jP^F_ij, does not reproduce the moment for anisotropic Φ^F "
               "(the "
               "tensor is not symmetric, so the index convention matters; the print does not state it)",
               any(o != 0 for o in other), f"difference with ∂_jP^F_ij: {other}")


def _photon_claims(book: ClaimBook) -> None:
    N = pfc.N_test
    v, om, mph = pfc.v_ph, pfc.omega, pfc.m_ph
    pts = pfc.X_POINTS
    free = -pfc.kinetic_K1(N, hbar * om)                                   # (29) with (40), Λ = 0

    def integ(expr):
        return [pfc.k_integral(expr, x0) for x0 in pts]
    book.close("51", "photon current J_ph = ∫v_ph N dk (51) with β = ph: the zeroth moment of (29) with (40) "
               f"gives ∂_tn_ph = −∇·J_ph (explicit N(x, k), quadrature at x = {pts})",
               integ(-sp.diff(v * N, pfc.x)), integ(free), rtol=1e-9, atol=1e-12)
    book.close("63", "photon pressure P_ph = m_ph∫v_ph⊗v_ph N dk (63): with Ω² = 0 the v_ph-moment gives "
               "∂_tJ_ph = −∇P_ph/m_ph", integ(-sp.diff(mph * v**2 * N, pfc.x) / mph), integ(v * free),
               rtol=1e-9, atol=1e-12)
    om2 = sp.Rational(3, 5)                                                 # uniform Ω²
    lam_u = pfc.compton_lambda2_first_order(om2, N)
    p_u = mph * om2 * N * v**2 / (2 * om**2)                                # printed (64) integrand
    book.close("64", "Compton pressure p_α = m_phΩ²∫N v_ph⊗v_ph/(2ω_k²) dk (64): for uniform Ω² (T_α = 0) "
               "the "
               "Λ^(2) part of the v_ph-moment is −∇p_α/m_ph", integ(-sp.diff(p_u, pfc.x) / mph),
               integ(v * lam_u), rtol=1e-9, atol=1e-12)
    om2x = pfc.OMEGA2[0]                                                    # Ω²(x)
    lam_x = pfc.compton_lambda2_first_order(om2x, N)
    p_x = mph * om2x * N * v**2 / (2 * om**2)
    T = N / (2 * om**2) * (pfc.c**2 - v**2) * sp.diff(om2x, pfc.x)          # printed (65) integrand
    book.close("65", "plasma-inhomogeneity force T_α = ∫N(c²𝟙 − v_ph⊗v_ph)∇Ω²/(2ω_k²) dk (65): for Ω²(x) the "
               "Λ^(2) part of the v_ph-moment minus −∇p_α/m_ph (64) is T_α", integ(T),
               integ(v * lam_x + sp.diff(p_x, pfc.x) / mph), rtol=1e-9, atol=1e-12)


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    _fermion_claims(book)
    _numeric_twin(book)
    _tensor_claim_58(book)
    _photon_claims(book)
    return book.claims
