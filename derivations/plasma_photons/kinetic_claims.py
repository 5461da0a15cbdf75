"""Kinetic equations: Moyal/sine-bracket structure and the semiclassical truncation, seed 001.

Eqs. (31)/(120) (the operator 𝒦), (40)-(41) (its first order), (43)-(45) from (36)/(135),
(47)-(49) from (39)/(136), (141)-(143) (Appendix A.4), (133) (weight of the local Compton
kernel). Derivatives with arrows are built with ``symlight.phasespace.bidiff``; the sine series
is cut at first order (the paper's "semiclassical" truncation, terms ∝ ħ⁰ in the (r, k)
variables).
"""

from __future__ import annotations

import sympy as sp

from symlight.checks import Claim, ClaimBook
from symlight.phasespace import bidiff, sine_bracket, weyl_quantize

TOPIC, SOURCE = "plasma-photons", "001_acf7c75771656388.txt"

hbar, m, Q, eps0, c, wp = sp.symbols("hbar m Q epsilon_0 c omega_p", positive=True)
rs = sp.symbols("x y z", real=True)
ks = sp.symbols("k_x k_y k_z", real=True)
qs = sp.symbols("q_x q_y q_z", real=True)


def _grad(f: sp.Expr, vs) -> list[sp.Expr]:
    return [sp.diff(f, v) for v in vs]


def _dot(a, b) -> sp.Expr:
    return sum(x * y for x, y in zip(a, b, strict=True))


def _sin_first_order(arg: sp.Expr, factors: list[sp.Expr]) -> sp.Expr:
    """First (linear) term of sin(arg) applied to the product of ``factors``."""
    return sp.expand(bidiff.apply(bidiff.series_of("sin", arg, 1)[1], factors))


def _K(f: sp.Expr, g: sp.Expr, order: int, r=rs, k=ks) -> sp.Expr:
    """Eq. (31): f (2/ħ) sin(½∇←_r·∇→_k − ½∇←_k·∇→_r) g, series to ``order`` in the gradients."""
    arg = (bidiff.dot(0, r, 1, k) - bidiff.dot(0, k, 1, r)) / 2
    return sp.expand(2 / hbar * bidiff.apply(sum(bidiff.series_of("sin", arg, order)), [f, g]))


def _test_functions(expr: sp.Expr) -> dict:
    """Concrete quadratic polynomials for the undefined functions (N, W, Ω², ...): the identities
    are first-order differential and linear in each function, so a non-zero difference shows up
    at random points, and a zero one stays zero."""
    out = {}
    for i, f in enumerate(sorted(expr.atoms(sp.core.function.AppliedUndef), key=str)):
        args = f.args
        lin = sum(sp.Rational(j + 2 + i, 3 + j) * a for j, a in enumerate(args))
        quad_ = sum(args[j] * args[l] / (j + 2 * l + 3 + i) for j in range(len(args))
                    for l in range(j, len(args)))
        out[f] = 1 + lin + quad_
    return out


def _equal(book: ClaimBook, eq: str, statement: str, printed: sp.Expr, derived: sp.Expr) -> None:
    """book.equal with generic functions; when the difference is not shown zero symbolically, the
    comparison is decided on concrete test functions (stated in the evidence)."""
    diff = sp.expand(sp.sympify(printed) - sp.sympify(derived))
    if diff == 0 or not diff.atoms(sp.core.function.AppliedUndef):
        book.equal(eq, statement, printed, derived)
        return
    subs = _test_functions(diff)
    consts = sorted((s for s in diff.free_symbols if s.is_positive), key=lambda s: s.name)
    values = {s: sp.Rational(5 + 2 * i, 4 + i) for i, s in enumerate(consts)}
    claim = book.equal(eq, statement, sp.sympify(printed).subs(subs).doit().subs(values),
                       sp.sympify(derived).subs(subs).doit().subs(values),
                       domains={s.name: (-1.5, 1.5) for s in diff.free_symbols if not s.is_positive},
                       samples=4)
    claim.evidence = ("generic difference not zero; decided on explicit test functions "
                      f"({', '.join(str(f.func) for f in subs)} = quadratic polynomials) and "
                      f"constants {', '.join(f'{k}={v}' for k, v in values.items())}: " + claim.evidence)
    claim.printed, claim.derived = printed, derived


def _claims_31_41(book: ClaimBook) -> None:
    x, p = sp.symbols("x p", real=True)
    f, g = x**3 * p**2 + p * x, x**2 * p**3 - 2 * x * p
    # (120): 𝒦[f, g] is the Weyl symbol of the commutator (1/(iħ))[f̂, ĝ] (McCoy operators)
    Kfg = sine_bracket(f, g, [x], [p], hbar=hbar, exact=True)
    psi = sp.Function("psi")(x)
    F, G = weyl_quantize(f, [x], [p], hbar), weyl_quantize(g, [x], [p], hbar)
    comm = sp.expand((F(G(psi)) - G(F(psi))) / (sp.I * hbar))
    book.equal("120", "𝒦[f, g] = f (2/ħ) sin(ħΛ/2) g is the Wigner transform of (iħ)⁻¹[f̂, ĝ] "
               "(polynomial symbols, exact series vs Weyl-ordered operators)",
               comm, weyl_quantize(Kfg, [x], [p], hbar)(psi))
    # (31): the arrowed sine series equals the sine bracket of the star product (ħ = 1 in (r, k))
    r1, k1 = rs[0], ks[0]
    Wf = sp.Function("W")(r1, k1)
    Ef = sp.Function("E")(r1, k1)
    via_star = sp.expand(sine_bracket(Wf, Ef, [r1], [k1], hbar=1, order=5) / hbar)
    book.equal("31", "𝒦 of Eq. (31) (sin series with arrows, to fifth order, 1-D) equals "
               "(W⋆E − E⋆W)/(iħ) with the Moyal star product in (r, k); the print's second term "
               "'−½∇←_k·' has lost its ∇→_r (incomplete as printed), read as in (128)", via_star,
               _K(Wf, Ef, 5, [r1], [k1]))
    # (40): photons, ħω_k with no r dependence
    N = sp.Function("N")(*rs, *ks)
    k2 = sum(kk**2 for kk in ks)
    omega_k = sp.sqrt(wp**2 + c**2 * k2)
    vph = [c**2 * kk / omega_k for kk in ks]
    book.equal("40", "first order of 𝒦[N, ħω_k] is v_ph·∇_r N with v_ph = c²k/ω_k",
               _dot(vph, _grad(N, rs)), _K(N, hbar * omega_k, 1))
    # (41): fermions, ℰ = ħ²k²/2m + QΦ^H(r) + Φ^F(r, k)
    W = sp.Function("W")(*rs, *ks)
    PhiH = sp.Function("Phi_H")(*rs)
    PhiF = sp.Function("Phi_F")(*rs, *ks)
    E = hbar**2 * k2 / (2 * m) + Q * PhiH + PhiF
    v = [hbar * kk / m for kk in ks]
    printed41 = (_dot([vi + sp.diff(PhiF, kk) / hbar for vi, kk in zip(v, ks, strict=True)],
                      _grad(W, rs))
                 - _dot([Q * sp.diff(PhiH, r) + sp.diff(PhiF, r) for r in rs], _grad(W, ks)) / hbar)
    book.equal("41", "first order of 𝒦[W, ℰ]: Fock-renormalised velocity and force", printed41,
               _K(W, E, 1))
    # third order of the kinetic (free) part vanishes: the ħ²k²/2m dispersion is exact at 1st order
    W1 = sp.Function("W")(rs[0], ks[0])
    free = hbar**2 * ks[0]**2 / (2 * m)
    higher = _K(W1, free, 7, [rs[0]], [ks[0]]) - _K(W1, free, 1, [rs[0]], [ks[0]])
    book.equal("41", "for ℰ = ħ²k²/2m the series terminates: 𝒦 = v·∇W exactly (orders 3-7 vanish)",
               0, higher)


def _claims_43_49(book: ClaimBook) -> None:
    N = sp.Function("N")(*rs, *ks)
    Om2 = sp.Function("Omega2")(*rs)                    # Σ_α Ω_α²(r)
    k2 = sum(kk**2 for kk in ks)
    omega_k = sp.sqrt(wp**2 + c**2 * k2)
    # (36)/(135): (Ω²/ω_k) sin(½∇←_k·∇→_r − ½∇←_r·∇→_k) N, first order
    arg = (bidiff.dot(0, ks, 1, rs) - bidiff.dot(0, rs, 1, ks)) / 2
    lam2 = _sin_first_order(arg, [Om2 / omega_k, N])
    Vph = [c**2 * kk / (2 * omega_k**3) * Om2 for kk in ks]                         # printed (45)
    Fph = [hbar / omega_k * sp.diff(Om2, r) for r in rs]                            # printed (44)
    printed43 = -_dot(Vph, _grad(N, rs)) - _dot(Fph, _grad(N, ks)) / hbar
    _equal(book, "43", "first order of Λ^(2) (36) is −V_ph·∇N − F_ph·∇_kN/ħ with (44)-(45)",
               printed43, lam2)
    _equal(book, "45", "refractive velocity V_ph = c²kΣΩ²/(2ω_k³): the ∇_rN part of the first order of "
               "(36)", -_dot(Vph, _grad(N, rs)),
               lam2.subs({sp.Derivative(N, kk): 0 for kk in ks}).doit())
    _equal(book, "44", "refractive force F_ph = (ħ/ω_k)∇ΣΩ²: the ∇_kN part of the first order of (36)",
               -_dot(Fph, _grad(N, ks)) / hbar,
               lam2.subs({sp.Derivative(N, r): 0 for r in rs}).doit())
    # ray-optics check: the Compton energy ħΩ²/(2ω_k) (from the A² term, positive) must enter as
    # ∂_tN + 𝒦[N, ħω_k + ħΩ²/(2ω_k)] = 0, i.e. Λ^(2) = −𝒦[N, ħΩ²/(2ω_k)] at first order
    ray = -_K(N, hbar * Om2 / (2 * omega_k), 1)
    _equal(book, "36", "Λ^(2) equals −𝒦[N, ħΩ²/(2ω_k)] (refraction by the local plasma density, "
               "photon energy ħ√(ω_k² + δΩ²))", ray, lam2)
    # (39)/(136): plasma Compton term, summand for one photon wavevector q, first order; one
    # dimension (x, k, q) keeps the expressions small (the structure is the same per component)
    x1, k1, q1 = rs[0], ks[0], qs[0]
    W = sp.Function("W")(x1, k1)
    Nq = sp.Function("N")(x1, q1)
    omega_q = sp.sqrt(wp**2 + c**2 * q1**2)
    arg39 = (bidiff.dot(0, [x1], 1, [k1]) + bidiff.dot(0, [x1], 2, [q1])) / 2
    pref = Q**2 / (eps0 * m)
    c2 = pref * _sin_first_order(arg39, [Nq, W, 1 / omega_q])
    c2_W = c2.subs(sp.Derivative(W, k1), 0).doit()                      # terms ∝ W (no ∂_kW)
    F_sum = -Q**2 / (2 * eps0 * m) * sp.diff(hbar * Nq / omega_q, x1)              # (48)
    tau_sum = -Q**2 / (2 * eps0 * m) * sp.diff(c**2 * q1 * Nq / omega_q**3, x1)     # (49)
    _equal(book, "48", "ponderomotive force (48): the ∇_kW part of the first order of (39)",
           -F_sum * sp.diff(W, k1) / hbar, sp.expand(c2 - c2_W))
    _equal(book, "49", "space-dependent decay (49): the W-proportional part of the first order of "
           "(39) is −τ⁻¹W", -tau_sum * W, c2_W)
    # (55) with (52): the same term must be −(∇·V_α)W for the continuity equation (52)
    V_alpha = Q**2 / (2 * eps0 * m) * c**2 * q1 * Nq / omega_q**3
    _equal(book, "55", "the W-proportional first-order term of (39) is −(∇·V_α)W, V_α of (55) "
           "(as continuity (52) with J^(2) = V_α n requires)", -sp.diff(V_alpha, x1) * W, c2_W)


def _claims_appendix(book: ClaimBook) -> None:
    px, py, pz = ps = sp.symbols("p_x p_y p_z", real=True)
    A = [sp.Function(f"A_{i}")(*rs) for i in "xyz"]
    B = [sp.diff(A[2], rs[1]) - sp.diff(A[1], rs[2]), sp.diff(A[0], rs[2]) - sp.diff(A[2], rs[0]),
         sp.diff(A[1], rs[0]) - sp.diff(A[0], rs[1])]
    pxB = [ps[1] * B[2] - ps[2] * B[1], ps[2] * B[0] - ps[0] * B[2], ps[0] * B[1] - ps[1] * B[0]]
    printed141 = [sum(ps[l] * sp.diff(A[l], rs[j]) - ps[l] * sp.diff(A[j], rs[l]) for l in range(3))
                  for j in range(3)]
    book.equal("141", "(p×B)_j = p_l∂_jA_l − p_l∂_lA_j", printed141, pxB)
    # (137) → (142)/(143): first order of the linear matter term, in momentum variables p = ħk
    W = sp.Function("W")(*rs, *ps)
    pA = _dot(ps, A)
    cos_term = sp.expand(bidiff.apply(bidiff.series_of("cos", bidiff.dot(1, rs, 1, ps) * hbar / 2, 1)[0]
                                      + bidiff.series_of("cos", bidiff.dot(1, rs, 1, ps) * hbar / 2,
                                                         1)[1], [1, _dot(A, _grad(W, rs))]))
    sin_term = sp.expand(bidiff.apply(bidiff.series_of("sin", bidiff.dot(0, rs, 1, ps) * hbar / 2, 1)[1],
                                      [pA, W]) * 2 / hbar)
    c1 = Q / m * (cos_term - sin_term)
    Ftilde = [Q / m * (_dot(ps, _grad(A[j], rs)) + pxB[j]) for j in range(3)]            # (143)
    printed = -_dot([-Q * a / m for a in A], _grad(W, rs)) - _dot(Ftilde, _grad(W, ps))   # (138)
    book.equal("143", "first order of (137): −V_L·∇W − F̃_L·∇_pW with F̃_L = (Q/m)[(p·∇)A + p×B]",
               printed, c1)


def compton_weight(w: sp.Expr) -> sp.Expr:
    """V·D_{k,k}, the weight ∫dr D̃(r, k) of the local Compton kernel, from Eq. (11) at k' = k with
    𝓐_k·𝓐_k = ħ/(2ε₀ω_k) (Eq. (3), ε·ε = 1); ``w`` stands for ω_k."""
    Vol = sp.Symbol("V", positive=True)
    calA2 = hbar / (2 * eps0 * w)                   # 𝓐_k·𝓐_k with ε·ε = 1, Eq. (3)
    D_kk = Q**2 / (m * Vol) * calA2                 # Eq. (11) at k' = k
    return Vol * D_kk


def _claims_133(book: ClaimBook) -> None:
    w = sp.Symbol("omega_k", positive=True)
    book.equal("133", "weight of the local Compton kernel ∫dr D̃(r, k) = V D_{k,k} = ħQ²/(2ε₀mω_k)",
               hbar * Q**2 / (2 * eps0 * m * w), compton_weight(w))


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    _claims_31_41(book)
    _claims_43_49(book)
    _claims_appendix(book)
    _claims_133(book)
    return book.claims
