"""Claims for equations of seed 000_afe20a70b32bac1d.txt that the ``two-photon-medium`` topic did
not yet check: (2)-(11) (dimensions), (6)-(7), (19)-(23), (26)-(28), (33)-(34), (55)-(58), (61)-(63),
(65)-(67), (69), (70), (72), (74)-(76), (79), (85)-(86), (89), (98)-(99), (101)-(103), (115), (117)/(119),
(120)-(124), (32), (13), (36)-(39), (77)/(110), (83), (97) and the prefactors of (127)-(128).
Printed forms are transcribed below as data with their labels;
derived forms come from :mod:`symlight.models.two_photon_gap_twins` (and the existing
``two_photon_medium`` model); every verdict is computed by :class:`ClaimBook`.

Use: ``add_claims(book)`` appends to a ``ClaimBook("two-photon-medium", SOURCE)``.
"""

from __future__ import annotations

import mpmath
import numpy as np
import sympy as sp

from symlight.checks import ClaimBook
from symlight.models import two_photon_gap_twins as tw
from symlight.models import two_photon_medium as hm
from symlight.models import two_photon_single_atom as sa
from symlight.models import two_photon_transport_mc as mc
from symlight.numerics.units import check_dimension, dimension_of, length, same_dimension
from symlight.numerics.units import time as T_

SOURCE = "000_afe20a70b32bac1d.txt"

g, c, Om, Sig, z = tw.g, tw.c, tw.Omega, tw.Sig, tw.z
k, kp, k0, rho0 = tw.k, tw.kp, tw.k0, tw.rho0
psi2, psi1 = sp.symbols("psi2 psi1")  # complex amplitudes at one point (x1, x2)

# ------------------------------------------------------------------ printed forms (transcribed)
#: (23) as used on the left of (22): L[d_t a] = z a(z) - a(0)
#: (27), (30): Im Sigma = Gamma/2 with Gamma = g^2 Omega^2/(pi c^3)
P_GAMMA_30 = g ** 2 * Om ** 2 / (sp.pi * c ** 3)
#: (28): 1/(x - i eps) = PV 1/x + i pi delta(x): the weight of delta is pi
P_PLEMELJ = sp.pi
#: (33): integrand as printed (the prefactor with k' is read as under the integral), sifted below
P_33_INTEGRAND = (sp.I * g ** 2 / (z + sp.I * (Om - c * kp) - sp.I * Sig) * sp.DiracDelta(kp - k0)
                  / ((Om - c * kp) * (z + sp.I * (c * kp + Om) - sp.I * Sig)))
#: (34)
P_34 = (sp.I * g ** 2 / (z + sp.I * (c * k + Om) - sp.I * Sig)
        / ((c * k0 - Om) * (z + sp.I * (c * k0 + Om) - sp.I * Sig)))
#: (61)
P_K = sp.Matrix([[0, 1], [0, 0]])
#: (65)-(67): 2|psi2|^2, rho0 |psi1|^2, sqrt(2 rho0) psi2 psi1^*
P_65 = 2 * psi2 * sp.conjugate(psi2)
P_66 = rho0 * psi1 * sp.conjugate(psi1)
P_67 = sp.sqrt(2 * rho0) * psi2 * sp.conjugate(psi1)
#: (14) at rho = rho0, a = 0: 2|psi2|^2 + rho0 |psi1|^2
P_14_REDUCED = 2 * psi2 * sp.conjugate(psi2) + rho0 * psi1 * sp.conjugate(psi1)
#: (115) with white noise (text after (115)): A = 1/(4 pi)
P_A_WHITE = 1 / (4 * sp.pi)
#: (119)
_cc, _f2, _mu2 = sp.symbols("c f2 mu2", positive=True)
P_119 = _cc * _f2 ** 2 / (3 * _mu2)

# (79) in the notation of (78)/(C9); G = g sqrt(rho0); white noise int dk'/(2pi)^3 Chat = 4 pi Chat0/(2pi)^3
k1, k2, G = hm.k1, hm.k2, hm.G
_d = hm.c * (k1 + k2) / 2


def _printed_mu2() -> sp.Expr:
    """(79): g^2 rho0 pi/2 K_{++}^2 / [(c/4)|d - Omega + (3/2) sqrt((d-Omega)^2 + 8 g^2 rho0)|] |k2|^2
    int dk'/(2pi)^3 Chat, with K_{++} of (C9)."""
    Gs = hm.g * sp.sqrt(hm.rho0)
    lam = (3 * _d + hm.Omega + sp.sqrt((_d - hm.Omega) ** 2 + 8 * Gs ** 2)) / 2
    X = lam - _d - hm.Omega
    Kpp = sp.sqrt(2) * Gs * X / (X ** 2 + 2 * Gs ** 2)
    jac = hm.c / 4 * sp.Abs(_d - hm.Omega + sp.Rational(3, 2) * sp.sqrt((_d - hm.Omega) ** 2 + 8 * Gs ** 2))
    return (hm.g ** 2 * hm.rho0 * sp.pi / 2 * Kpp ** 2 / jac * k2 ** 2
            * 4 * sp.pi * hm.Chat0 / (2 * sp.pi) ** 3)


def _single_atom(book: ClaimBook) -> None:
    lap = tw.laplace_of_derivative()
    zz, b, w, A0 = lap["symbols"]
    pos = {zz: (0.5, 3.0), b: (0.2, 2.0), w: (0.2, 2.0), A0: (-1.0, 1.0)}
    book.equal("23", "with the transform (23), L[d_t a] = z a(z) - a(0) (the left side i[z psi1 - "
               "delta(k - k0)] of (22)), SymPy on a(t) = (1+t)e^{-bt} + A0 e^{-wt}",
               lap["zL_a"] - lap["a0"], lap["L_da"], domains=pos)
    pv = {zz: 0.7, b: 0.5, w: 1.3, A0: 0.4}
    book.close("23", "quadrature twin: int_0^oo e^{-zt} a'(t) dt vs z a(z) - a(0) (z=.7, b=.5, w=1.3, A0=.4)",
               float((lap["zL_a"] - lap["a0"]).subs(pv)), tw.laplace_quadrature(0.7, 0.5, 1.3, 0.4),
               rtol=1e-10)
    # (26)-(27): Sigma of (25) at the pole z = -i(Omega + c|k|), cut-off K = 2 pi/Lambda of (31)
    gv, Ov, cv, Lv = 0.5, 1.0, 1.0, 2.0
    Kv = 2 * np.pi / Lv
    sig = tw.sigma_pole_limit(gv, Ov, cv, Kv)
    book.close("26", "Re Sigma (pole approximation, eps -> 0+ of the SymPy antiderivative) = delta omega of "
               "(31) (printed PV integral by mpmath)", float(sa.lamb_shift_quadrature(gv, Ov, cv, Lv)),
               sig.real, rtol=1e-10, how="g=.5, Omega=c=1, Lambda=2")
    book.close("27", "Im Sigma = Gamma/2 with Gamma of (30)",
               float(P_GAMMA_30.subs({g: gv, Om: Ov, c: cv})) / 2,
               sig.imag, rtol=1e-10, how="g=.5, Omega=c=1, Lambda=2")
    sig_eps = tw.sigma_finite_eps_quadrature(gv, Ov, cv, Kv, 1e-7)
    book.close("26-27", "twin: Sigma at finite eps = 1e-7 by direct complex quadrature -> the pole limit",
               [sig.real, sig.imag], [sig_eps.real, sig_eps.imag], rtol=1e-5)
    book.equal("28", "weight of delta in (28): int Im 1/(x - i eps) dx (SymPy)", P_PLEMELJ,
               tw.plemelj_delta_weight())
    lhs, rhs = tw.plemelj_twin(1e-7)
    book.close("28", "twin: int (1+x)e^{-x^2}/(x - i eps) dx at eps = 1e-7 vs PV + i pi f(0) (mpmath)",
               [rhs.real, rhs.imag], [lhs.real, lhs.imag], rtol=1e-5)
    # (33)-(34)
    derived = tw.order_g2_iterate()
    printed33 = sp.integrate(P_33_INTEGRAND, (kp, 0, sp.oo))
    dom = {g: (0.1, 1.0), c: (0.5, 2.0), Om: (0.3, 2.0), k: (0.1, 3.0), k0: (0.1, 3.0)}
    book.equal("34", "O(g^2) term of psi1(k, z): one iteration of (32) with psi1^(0) = delta(k'-k0)P(k')",
               P_34, derived, domains=dom)
    book.equal("33", "O(g^2) term as printed in (33) (sifted at k' = k0) vs the iterate of (32): the "
               "prefactor must be z + i(c|k| + Omega) - i Sigma and the denominator c|k'| - Omega",
               printed33, derived, domains=dom)
    swap = (z + sp.I * (Om - c * kp) - sp.I * Sig) / (z + sp.I * (c * k + Om) - sp.I * Sig)
    fixed = sp.integrate(P_33_INTEGRAND * swap, (kp, 0, sp.oo))
    book.equal("33", "diagnosis: printed (33) with the prefactor of (32) restored equals MINUS the iterate "
               "(the remaining difference is the sign of Omega - c|k'| vs c|k'| - Omega of (32))",
               -fixed, derived, domains=dom)
    # numeric twin: (32) on a radial grid, solved exactly; first-order part vs the printed forms
    f34 = sp.lambdify((k, k0, g, z, Sig, c, Om), P_34, "numpy")
    f33 = sp.lambdify((k, k0, g, z, Sig, c, Om), printed33, "numpy")
    gsmall = 1e-3
    sol = tw.discrete_32(gsmall)
    first = sol["psi"] - sol["psi0"]
    args = (sol["k"], sol["k0"], gsmall, *sol["params"])
    off = np.arange(first.size) != sol["j0"]  # away from k = k0 (the zeroth-order delta sits there)
    for lab, fn in (("34", f34), ("33", f33)):
        book.close(lab, f"twin: exact solution of discretised (32) at g = 1e-3, (psi - psi^(0)) vs printed "
                   f"({lab}) "
                   "on the grid k != k0", np.broadcast_to(fn(*args), first.shape)[off], first[off],
                   rtol=1e-4)
    rem = {}
    for gv in (0.02, 0.01):
        sol_g = tw.discrete_32(gv)
        rem[gv] = np.max(np.abs(sol_g["psi"] - sol_g["psi0"] - f34(*args[:2], gv, *args[3:]))[off])
    ratio = float(rem[0.02] / rem[0.01])
    book.holds("34", "remainder of (34) is O(g^4): halving g divides it by ~16", 12 < ratio < 20,
               f"max remainder ratio g=.02 / g=.01 = {ratio:.3f}")


def _reduced_model(book: ClaimBook) -> None:
    eta, C = sp.symbols("eta C")
    r0 = sp.Symbol("rho0")
    dims = {"rho0": length ** -3, "eta": 1, "C": 1, "x": length}
    ok1, ev1 = check_dimension(r0 * (1 + eta), dims, length ** -3)
    chat_dim = dimension_of(sp.Symbol("x") ** 3 * C, dims)  # Chat(q) = int d^3x e^{-iqx} C(x)
    ok2 = same_dimension(chat_dim, hm.DIMENSIONS["Chat"])
    book.holds("55-57", "rho0(1 + eta) is a density only for dimensionless eta; then C of (57) is "
               "dimensionless and Chat = int d^3x e^{-iqx} C has the length^3 the rates (78) use",
               ok1 and ok2, f"{ev1}; Chat: {chat_dim} vs {hm.DIMENSIONS['Chat']}")
    gen = tw.reduced_generator_in_58()
    Psi = sp.Matrix([sp.sqrt(2) * psi2, sp.sqrt(rho0) * psi1])
    book.equal("58", "Psi^dagger Psi with Psi of (58) = density of the norm (14) at rho = rho0, a = 0",
               P_14_REDUCED, sp.expand((Psi.H * Psi)[0]))
    A = gen["A"]
    book.holds("58", "in the variables (58) the eta = 0 generator of (54) is symmetric (SymPy)",
               (A - A.T).applyfunc(sp.simplify) == sp.zeros(2, 2), f"A = {A.tolist()}")
    lat = tw.lattice_generator_58()
    book.holds("58", "lattice twin: (54) on 5x5 sites, Psi-variable deterministic part Hermitian, "
               "psi-variable "
               "generator not", lat["herm_A"] < 1e-12 and lat["herm_psi_vars"] > 0.1,
               f"max|A - A^H| = {lat['herm_A']:.1e}; in psi variables {lat['herm_psi_vars']:.3f}")
    for name in ("B1", "B2"):
        B = gen[name]
        book.equal("61", f"matrix multiplying eta(x{name[1]}) in (54)->(59), normalised by its (1,2) entry",
                   P_K, (B / B[0, 1]).applyfunc(sp.simplify))
    book.holds("61", "lattice twin: random part of the Psi-generator = (g sqrt(rho0)/sqrt2) "
               "diag(eta1+eta2) (x) K",
               lat["random_part"] < 1e-12 * lat["scale"], f"max deviation {lat['random_part']:.1e}")


def _wigner(book: ClaimBook) -> None:
    Psi = sp.Matrix([sp.sqrt(2) * psi2, sp.sqrt(rho0) * psi1])
    PP = Psi * Psi.H  # int d^3k1 d^3k2 W = Psi Psi^dagger (delta from int dk e^{-ik x'})
    for lab, p, d in (("65", P_65, PP[0, 0]), ("66", P_66, PP[1, 1]), ("67", P_67, PP[0, 1])):
        book.equal(lab, f"k-marginal of W entry {'11' if lab == '65' else '22' if lab == '66' else '12'}"
                   " = entry of Psi Psi^dagger with Psi of (58)", p, d, domains={rho0: (0.2, 3.0)})
    wm = tw.wigner_marginals()
    book.close("65-67", "twin: W of (64) by 2-D quadrature (1-D per particle, entangled Psi, eps=.4) "
               "integrated "
               "over (k1, k2) vs Psi Psi^dagger", wm["PsiPsi"].ravel(), wm["marginal"].ravel(), rtol=1e-3)
    im = wm["imag_max"]
    book.holds("64-67", "text after (64) 'the Wigner transform is real-valued': only the diagonal is (W is "
               "Hermitian; W12 of (67) is complex)", bool(np.all(im < 1e-8 * wm["scale"])),
               f"max|Im W| = {im.round(3).tolist()} (scale {wm['scale']:.2f})")
    ker = tw.inverse_kernel()
    book.equal("70", "inverse of (70) with the measure d^3k'/(2pi)^3 e^{i x k'} of (68): unit-weight delta",
               1, ker["weight"])
    book.equal("76", "same convention per variable pair of (76) with (73): kernel vanishes off u = 0", 0,
               ker["off_zero"])
    book.close("70", "twin: forward (70) then inverse (68) of a Gaussian on a grid", 0.0,
               tw.fourier_roundtrip_grid(), atol=1e-10)
    book.close("76", "twin: forward (76) then inverse (73), non-separable Gaussian in (x, X)", 0.0,
               tw.fourier_roundtrip_grid(True), atol=1e-10)
    printed72, derived72 = tw.two_scale_derivative()
    book.equal("72", "d/dx F(x, x/eps) = (d_x + d_X/eps) F at X = x/eps (SymPy, F = sin2x e^{-X^2} cos(xX))",
               printed72, derived72, domains={sp.Symbol("epsilon", positive=True): (0.2, 1.0)})
    xs, es = sp.Symbol("x", real=True), sp.Symbol("epsilon", positive=True)
    fp = sp.lambdify((xs, es), printed72, "mpmath")
    Fx = lambda xv, ev: mpmath.sin(2 * xv) * mpmath.exp(-(xv / ev) ** 2) * mpmath.cos(xv * xv / ev)  # noqa: E731
    pts72 = ((0.3, 0.5), (0.7, 0.9), (-0.4, 0.35))
    fd = [float(mpmath.diff(lambda xv, ev=ev: Fx(xv, ev), xv)) for xv, ev in pts72]
    book.close("72", "twin: mpmath numerical derivative of F(x, x/eps) vs the printed replacement "
               "at 3 points",
               [float(fp(xv, ev)) for xv, ev in pts72], fd, rtol=1e-12)
    _multiscale_operators(book)


def _multiscale_operators(book: ClaimBook) -> None:
    """(74)-(75) from (68)'s random terms with X_i = x_i/eps (72); W, W1 are concrete 2x2 test
    matrices (W1 a different function: the first corrector of (71))."""
    k1_, k2_, q, X1, X2 = sp.symbols("k1 k2 q X1 X2", real=True)
    a = [[sp.Rational(1, 3), sp.Rational(-1, 2)], [sp.Rational(1, 5), sp.Rational(2, 3)]]
    W = lambda u, v: sp.Matrix(2, 2, lambda i, j: sp.exp(-(u - a[i][j]) ** 2 - (v + a[j][i]) ** 2))  # noqa: E731
    W1 = lambda u, v: sp.Matrix(2, 2, lambda i, j: sp.cos(u + 2 * v + a[i][j]))  # noqa: E731
    K = P_K
    ph1, ph2 = sp.exp(sp.I * q * X1), sp.exp(sp.I * q * X2)
    d74 = ph1 * (K * W(k1_ + q / 2, k2_) - W(k1_ - q / 2, k2_) * K.T)  # (68), x1/eps -> X1
    p74 = ph1 * (K * W(k1_ + q / 2, k2_) - W1(k1_ - q / 2, k2_) * K.T)
    d75 = ph2 * (K * W(k1_, k2_ + q / 2) - W(k1_, k2_ - q / 2) * K.T)
    p75 = ph2 * (K * W(k1_, k2_ + q / 2) - W1(k1_, k2_ - q / 2) * K.T)
    dom = {k1_: (-1.0, 1.0), k2_: (-1.0, 1.0), q: (-1.0, 1.0), X1: (-1.0, 1.0), X2: (-1.0, 1.0)}
    book.equal("74", "integrand of L1 W (the random x1-term of (68) at X1 = x1/eps) vs printed (74), whose "
               "second term has W1 where (68) has W", list(p74), list(d74), domains=dom, samples=4)
    book.equal("75", "integrand of L2 W vs printed (75) (same W -> W1 in the second term)",
               list(p75), list(d75), domains=dom, samples=4)
    rt = tw.random_term_matrix_twin()
    book.close("74-75", "twin: rate of W (64) for i eps d_t Psi = cos(q0 x/eps) K Psi computed directly vs "
               "[K W(k+q/2) - W(k-q/2) K^T] built from W (the derived integrand; 3 k's, eps=.5)", 0.0,
               rt["deviation"], atol=1e-10 * rt["scale"])
    K1 = np.array([[0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 0]], float)  # (100), printed
    K2 = np.array([[0, 0, 1, 0], [0, 0, 0, -1], [0, 0, 0, 0], [0, 0, 0, 0]], float)
    r1, r2 = tw.random_term_matrix_twin(K=K1), tw.random_term_matrix_twin(K=K2)
    book.close("106", "twin: random terms of (106) [K_i W(k_i + q/2) - W(k_i - q/2) K_i^T] with K1, K2 "
               "of (100) against the directly computed rate of W (4 components)", [0.0, 0.0],
               [r1["deviation"], r2["deviation"]], atol=1e-10 * max(r1["scale"], r2["scale"]))
    rt0 = tw.random_term_matrix_twin(second=0.0)
    book.close("74-75", "twin: the same with the second term's W replaced by W1 = 0 (leading order of (71), "
               "where W1 is absent), as printed (74)-(75) would give", 0.0, rt0["deviation"],
               atol=1e-10 * rt0["scale"])


def _kinetic(book: ClaimBook) -> None:
    DIMS = hm.DIMENSIONS
    p79 = _printed_mu2()
    ok, ev = check_dimension(p79, DIMS, 1 / length)
    book.holds("79", "printed mu_2+ is an inverse length (as (77) with (1/c) d_t requires)", ok, ev,
               printed=p79)
    e = hm.reduced_eigen()
    jac2 = sp.Abs(sp.diff(e["lambda+"], k2))
    mu2 = 2 * sp.pi * (G / sp.sqrt(2)) ** 2 * e["K+"] ** 2 * k2 ** 2 * 4 * sp.pi * hm.Chat0 / (
        (2 * sp.pi) ** 3 * hm.c * jac2)
    ok2, ev2 = check_dimension(mu2, DIMS, 1 / length)
    book.holds("79", "derived mu_2+ (golden rule for eta(x2) K, coefficient G/sqrt2, / c) is an "
               "inverse length",
               ok2, ev2, derived=mu2)
    pt = {k1: 0.9, k2: 1.4, hm.c: 1.0, hm.Omega: 1.0, G: 0.8, hm.Chat0: 1.0}
    mu1_swapped = hm.reduced_rates()["mu1+"].subs({k1: k2, k2: k1}, simultaneous=True)
    book.close("79", "derived mu_2+ = derived mu_1+ with k1 <-> k2 (exchange symmetry of (54))",
               float(mu1_swapped.subs(pt)), float(mu2.subs(pt)), rtol=1e-12)
    book.close("79", "mu_2+ printed (79) vs derived (k1=.9, k2=1.4, c=Omega=1, G=.8, rho0=1)",
               float(p79.subs({hm.g: 0.8, hm.rho0: 1.0}).subs(pt)), float(mu2.subs(pt)), rtol=1e-6)
    jac_p = hm.c / 4 * sp.Abs(_d - hm.Omega + sp.Rational(3, 2) * sp.sqrt((_d - hm.Omega) ** 2 + 8 * G ** 2))
    fix = float((2 * p79.subs({hm.g: 0.8, hm.rho0: 1.0}) * jac_p / jac2).subs(pt))
    book.close("79", "diagnosis: printed (79) x 2 (coefficient G/sqrt2 of the derived (59), not G/2) x "
               "(printed Jacobian (C20) / derived |d lambda_+/d|k2||) = derived mu_2+", fix,
               float(mu2.subs(pt)), rtol=1e-10)
    # (115): white noise phase function
    th, ph = sp.symbols("theta phi")
    Cw = sp.Symbol("Chat0", positive=True)
    A_white = Cw / sp.integrate(sp.integrate(Cw * sp.sin(th), (th, 0, sp.pi)), (ph, 0, 2 * sp.pi))
    book.equal("115", "white noise: A = Chat0 / int d^2k' Chat0 (SymPy over the sphere)", P_A_WHITE, A_white)
    # (117)/(119): Green-Kubo for walker 2 of (110), MC twin with the existing walker
    book.equal("119", "D_2i = (1/3) int_0^oo <v.v(t)> dt for speed c f2, isotropic redirection rate c mu2",
               P_119, tw.green_kubo_diffusion())
    ok, ev = check_dimension(P_119.subs({_cc: hm.c, _mu2: mu2}), DIMS | {"f2": 1}, length ** 2 / T_)
    book.holds("119", "printed D_2 = c f^2/(3 mu_2) with the derived mu_2 is a diffusion coefficient", ok, ev)
    speed, rate, t_end, n = 1.0 * 0.8, 1.0 * 2.0, 20.0, 4000
    pos = mc.walk(speed, rate, t_end, n, np.random.default_rng(7))
    msd = float(np.mean(np.sum(pos ** 2, axis=1)))
    D = speed ** 2 / (3 * rate)  # = c f^2/(3 mu) for c = 1, f = .8, mu = 2
    exact = 6 * D * (t_end - (1 - np.exp(-rate * t_end)) / rate)
    err = float(np.std(np.sum(pos ** 2, axis=1)) / np.sqrt(n))
    book.close("117", f"MC twin: 4000 persistent walkers (speed .8, rate 2, t = 20), <|x|^2> vs 6 D_2 "
               f"(t - (1 - e^(-rate t))/rate) from (117)/(119) (3 sigma = {3 * err:.3f})", exact, msd,
               atol=3 * err, rtol=0.0)


def _initial_state(book: ClaimBook) -> None:
    C2 = tw.initial_norm_closed_form()
    ls, R = sp.Symbol("l_s", positive=True), sp.Symbol("R", nonnegative=True)
    vals = [(0.7, 1.1), (1.0, 0.0), (0.5, 2.0)]
    book.close("122", "C^2 of (122) in closed form (SymPy) vs 2-D trapezoid quadrature per axis",
               [float(C2.subs({ls: a, R: r})) for a, r in vals],
               [tw.initial_norm_quadrature(a, r) for a, r in vals], rtol=1e-9)
    book.equal("120-122", "limits: C^2 -> 4 (pi l^2)^3 as r1 -> r2 (both terms coincide)",
               4 * (sp.pi * ls ** 2) ** 3, sp.limit(C2, R, 0))


def _model_definitions(book: ClaimBook) -> None:
    """(2)-(11): dimensions; (6)-(7): the half-Laplacian; (19)-(22): the single-atom reduction."""
    phi, sig, rho, vol, nab = sp.symbols("phi sigma rho V nabla")
    # (4): [phi, phi^dag] = delta (length^-3) -> phi ~ length^-3/2; (9): {sigma, sigma^dag} = delta/rho
    # -> sigma dimensionless; V = d^3x, nabla = (-Delta)^{1/2} ~ 1/length
    dims = {"phi": length ** sp.Rational(-3, 2), "sigma": 1, "rho": length ** -3, "V": length ** 3,
            "nabla": 1 / length, "c": length / T_, "Omega": 1 / T_, "g": hm.DIMENSIONS["g"]}
    terms = {"H_F/hbar (3)": c * vol * nab * phi ** 2, "H_A/hbar (8)": Om * vol * rho * sig ** 2,
             "H_I/hbar (11)": g * vol * rho * phi * sig}
    res = {name: check_dimension(e, dims, 1 / T_) for name, e in terms.items()}
    book.holds("2-11", "with phi ~ length^-3/2 from (4) and dimensionless sigma from (9), each term of "
               "H/hbar is "
               "a frequency for g ~ length^3/2/time (the unit the rates (30), (78) use)",
               all(ok for ok, _ in res.values()), "; ".join(f"{k_}: {ev}" for k_, (ok, ev) in res.items()))
    kk = sp.Symbol("k", real=True)
    book.equal("6-7", "(-Delta)^{1/2} of (6)-(7) applied twice is -Delta: FT[-f'']/FT[f] (SymPy, Gaussian)",
               sp.Abs(kk) * sp.Abs(kk), tw.half_laplacian_squared())
    book.close("6-7", "twin: (7) then |k| then (6) by grid quadrature, twice, on e^{-x^2/2} vs -f''", 0.0,
               tw.half_laplacian_twin(), atol=1e-10)
    x1, x2 = sp.symbols("x1 x2", real=True)
    f = sp.Function("f")
    a_anti = f(x1, x2) - f(x2, x1)  # general antisymmetric amplitude (13)
    book.holds("19-20", "with rho = delta, the a-term delta(x1)delta(x2)a(x1,x2) of (17) drops: an "
               "antisymmetric a (13) vanishes at x1 = x2 = 0", a_anti.subs({x1: 0, x2: 0}) == 0,
               f"a(0, 0) = {a_anti.subs({x1: 0, x2: 0})}")
    rules = tw.transform_rules_1d()
    book.equal("21", "FT of delta(x1) psi1(x1, x2) (convention (7)) = psi1(k2) with factor 1, so (21)'s "
               "coefficient g/2 of psi1(k1) + psi1(k2) carries over from (19) unchanged",
               g / 2, g / 2 * rules["rule_a"] ** 3)
    book.equal("22", "measure multiplying int d^3k' psi2(k', k) in (22): FT_x[psi2(0, x)] = "
               "int d^3k'/(2pi)^3 "
               "psi2(k', k) (invariant under a common rescaling of psi1, psi2); printed (22) has 1",
               1, rules["rule_b"] ** 3)
    book.close("22", "twin: 1-D measure u(0)/int dk' u~(k') by grid quadrature (u = (1+x)e^{-x^2}) "
               "vs 1/(2 pi)",
               1 / (2 * np.pi), tw.rule_b_quadrature(), rtol=1e-10)


def _scaling_and_modes(book: ClaimBook) -> None:
    """(62)-(63), (69) from (60); (85)-(86), (89), (124) of the diffusion initial data."""
    gen = tw.reduced_generator_in_58()
    D1, D2 = sp.symbols("D1 D2")
    e = sp.Symbol("epsilon", positive=True)
    gp, Op = sp.Symbol("g", positive=True), sp.Symbol("Omega", positive=True)
    kk1, kk2, cp = sp.symbols("k1 k2 c", positive=True)
    sq = sp.sqrt(2) * gp * sp.sqrt(rho0)
    P69 = sp.Matrix([[cp * kk1 + cp * kk2, sq], [sq, (cp * kk1 + cp * kk2) / 2 + Op]])
    P63 = sp.Matrix([[e * cp * kk1 + e * cp * kk2, sq], [sq, e * cp * kk1 / 2 + e * cp * kk2 / 2 + Op]])
    book.equal("69", "symbol of (60): (-Delta_{x_i})^{1/2} -> |k_i|", P69,
               gen["A"].subs({D1: cp * kk1, D2: cp * kk2}))
    book.equal("62-63", "x -> x/eps makes the symbol |k| -> eps|k| (t -> t/eps gives i eps d_t): "
               "A_eps of (63)",
               P63, gen["A"].subs({D1: cp * e * kk1, D2: cp * e * kk2}))
    # (85): norm (14) of the printed initial state
    C2 = tw.initial_norm_closed_form()
    ls = sp.Symbol("l_s", positive=True)
    norm85 = sp.simplify(2 * C2 / ls ** 6)  # int 2|psi2|^2 with psi2 = [..]/l_s^3, (14) with psi1 = a = 0
    book.equal("85", "normalisation (14) of the printed (85): int 2|psi2|^2 = 4 pi^3 (1 + e^{-R^2/2l^2}), "
               "not 1 "
               "(the prefactor 1/l_s^3 has the right dimension but not the norm; (120) uses 1/C)", 1, norm85)
    book.close("85", "twin: the same norm by quadrature (l_s = .7, |r1 - r2| = 1.1)", 1.0,
               2 * tw.initial_norm_quadrature(0.7, 1.1) / 0.7 ** 6, rtol=1e-6)
    # (89), (86), (124) in the 2x2 model: W0 = sum a_i v_i v_i^T, initial W = diag(w, 0)
    ee = hm.reduced_eigen()
    Xp, Xm = ee["lambda+"] - _d - hm.Omega, ee["lambda-"] - _d - hm.Omega
    args = (k1, k2, hm.c, hm.Omega, G)
    rng = np.random.default_rng(4)
    pts = np.column_stack([rng.uniform(0.1, 3.0, 40), rng.uniform(0.1, 3.0, 40), rng.uniform(0.5, 2.0, 40),
                           rng.uniform(0.3, 2.0, 40), rng.uniform(0.2, 1.5, 40)]).T
    vnum = {n_: np.array([sp.lambdify(args, comp, "numpy")(*pts) * np.ones(40) for comp in ee[f"v{n_}"]])
            for n_ in ("+", "-")}  # (2, 40) each, normalised eigenvectors of (69)
    V = np.moveaxis(np.array([[vnum["+"][0] ** 2, vnum["-"][0] ** 2],
                              [vnum["+"][1] ** 2, vnum["-"][1] ** 2]]), -1, 0)  # (124), shape (40, 2, 2)
    a123 = np.linalg.solve(V, np.broadcast_to(np.array([1.0, 0.0]), (40, 2))[..., None])[..., 0]  # (123)
    aproj = np.stack([vnum["+"][0] ** 2, vnum["-"][0] ** 2], axis=-1)  # a_i = v_i^T W(0) v_i
    w123 = a123 * np.stack([vnum["+"][1] ** 2, vnum["-"][1] ** 2], axis=-1)
    wproj = aproj * np.stack([vnum["+"][1] ** 2, vnum["-"][1] ** 2], axis=-1)
    P89 = [G ** 2 / (Xp ** 2 - Xm ** 2), G ** 2 / (Xm ** 2 - Xp ** 2)]
    p89 = np.stack([sp.lambdify(args, P89[i], "numpy")(*pts) for i in range(2)], axis=-1)
    for i, name in enumerate(("+", "-")):
        book.close("89", f"eta_{name} (times g^2 rho0 as in (87), without k1^2 k2^2 e^(..)) = weight of "
                   f"a_{name} in rho0<|psi1|^2> with the initial modes of (123)-(124)", p89[:, i], w123[:, i],
                   rtol=1e-8,
                   how="40 random (k1, k2, c, Omega, G)")
    ratio = w123 / p89
    book.holds("89", "the ratio derived/printed is the same constant for both modes (a normalisation, not "
               "the shape: it can sit in (87)'s prefactor 32 g^2 rho0/pi)", bool(np.ptp(ratio) < 1e-8),
               f"derived/printed in [{ratio.min():.12f}, {ratio.max():.12f}] over 40 points and both modes")
    z123, zproj = np.abs(w123.sum(axis=1)).max(), np.abs(wproj.sum(axis=1)).max()
    book.holds("86", "at t = 0 the rule (123) gives rho0<|psi1|^2> = 0 as (86) requires (the projection "
               "rule a_i = v_i^T W v_i does not)", z123 < 1e-12 and zproj > 1e-3,
               f"max |sum_i a_i v_i2^2| at 40 points: rule (123) {z123:.1e}, projection {zproj:.3f}")
    vs = sp.Matrix(4, 4, lambda i, j: sp.Symbol(f"v{i + 1}{j + 1}"))  # v_ij: component j of eigenvector i
    aa = sp.Matrix(sp.symbols("a1:5"))
    W0 = sum((aa[i] * vs[i, :].T * vs[i, :] for i in range(4)), sp.zeros(4, 4))
    P124 = sp.Matrix(4, 4, lambda i, j: vs[j, i] ** 2)
    book.equal("123-124", "diag of W0 = sum_i a_i v_i v_i^T equals V a with (V)_ij = v_ji^2",
               list(P124 * aa), [W0[i, i] for i in range(4)])


def _appendix_four_by_four(book: ClaimBook) -> None:
    """(98)-(99), (101)-(102), (103) in the variables (36); (32) from (24) at the pole."""
    gen = tw.full_generator_in_36()
    D1, D2 = sp.symbols("D1 D2")
    e = sp.Symbol("epsilon", positive=True)
    gp, Op = sp.Symbol("g", positive=True), sp.Symbol("Omega", positive=True)
    Gs = gp * sp.sqrt(rho0)
    P99 = sp.Matrix([[D1 + D2, Gs, Gs, 0], [Gs, D2 + Op, 0, -Gs], [Gs, 0, D1 + Op, Gs], [0, -Gs, Gs, 2 * Op]])
    book.equal("98-99", "eta = 0 part of (97) with rho = rho0(1 + eta) in the variables (36)", P99, gen["A"])
    lat = tw.lattice_generator_36()
    book.holds("98-99", "lattice twin: (97) at eta = 0 on 4x4 sites is Hermitian in the variables (36), "
               "not in the amplitudes", lat["herm_36"] < 1e-12 and lat["herm_amplitudes"] > 0.1,
               f"max|A - A^H| = {lat['herm_36']:.1e} in (36); {lat['herm_amplitudes']:.2f} in the amplitudes")
    P102 = P99.subs({D1: e * D1, D2: e * D2})
    book.equal("101-102", "x -> x/eps: (-Delta)^{1/2} -> eps (-Delta)^{1/2}, coupling and Omega unscaled "
               "(102)",
               P102, gen["A"].subs({D1: e * D1, D2: e * D2}, simultaneous=True))
    Psi = sp.Matrix([sp.sqrt(2) * psi2, sp.sqrt(rho0 / 2) * psi1, 0, 0])
    book.equal("103", "k-marginal of (W)_11 = |Psi_1|^2 with Psi_1 = sqrt2 psi2 of (36)", P_65,
               sp.expand((Psi * Psi.H)[0, 0]))
    # (32): denominator of the integral of (24) at z = -i(Omega + c|k|)
    den24 = (c * kp + c * k) - sp.I * z
    book.equal("32", "pole approximation in (24): (c|k'| + c|k|) - i z at z = -i(Omega + c|k|) is the "
               "printed c|k'| - Omega of (32)", c * kp - Om, sp.expand(den24.subs(z, -sp.I * (Om + c * k))))


def _field_algebra(book: ClaimBook) -> None:
    """(13) with symlight.algebra (continuum fields obeying (4)-(5), (9)-(10), sigma weighted by 1/rho);
    (36)-(39) from (16)-(18) at rho = rho0."""
    from symlight.algebra import Boson, Fermion, anticommutator, commutator, dagger, normal_order

    x1, x2, u = sp.symbols("x1 x2 u", real=True)
    rho = sp.Function("rho")
    p1, p2 = Boson("phi", x1, continuous=True), Boson("phi", x2, continuous=True)
    w = sp.Lambda(u, 1 / rho(u))
    s1, s2 = Fermion("sigma", x1, continuous=True, weight=w), Fermion("sigma", x2, continuous=True, weight=w)
    c_pp = normal_order(commutator(dagger(p1), dagger(p2)))
    a_ss = normal_order(anticommutator(dagger(s1), dagger(s2)))
    # twin: two discrete modes, truncated bosons (kron) and Jordan-Wigner fermions
    n = 4
    ad = np.diag(np.sqrt(np.arange(1, n)), -1)
    sm = np.array([[0.0, 0.0], [1.0, 0.0]])
    Z = np.diag([1.0, -1.0])
    b1, b2 = np.kron(ad, np.eye(n)), np.kron(np.eye(n), ad)
    f1, f2 = np.kron(sm, np.eye(2)), np.kron(Z, sm)
    twin = float(np.abs(b1 @ b2 - b2 @ b1).max() + np.abs(f1 @ f2 + f2 @ f1).max())
    book.holds("13", "phi^dag(x1) phi^dag(x2) is symmetric and sigma^dag(x1) sigma^dag(x2) antisymmetric "
               "under x1 <-> x2, so (12) sees only symmetric psi2 and antisymmetric a (algebra + "
               "matrix twin)",
               c_pp == 0 and a_ss == 0 and twin < 1e-14,
               f"[phi^dag, phi^dag] = {c_pp}, {{sigma^dag, sigma^dag}} = {a_ss}; matrices: {twin:.1e}")
    gen = tw.full_generator_in_36()
    e1, e2, D1, D2 = sp.symbols("eta1 eta2 D1 D2")
    A36 = gen["M"].subs({e1: 0, e2: 0})
    gp, Op = sp.Symbol("g", positive=True), sp.Symbol("Omega", positive=True)
    Gs = gp * sp.sqrt(rho0)
    P38 = sp.Matrix([[D1 + D2, Gs, Gs, 0], [Gs, D2 + Op, 0, -Gs], [Gs, 0, D1 + Op, Gs],
                     [0, -Gs, Gs, 2 * Op]])
    book.equal("36-38", "(16)-(18) at rho = rho0 in the variables (36): the matrix A of (38)", P38, A36)
    book.holds("38", "A of (38) is symmetric (the stated advantage of (36))", A36 == A36.T, "A - A^T = 0")
    kk1, kk2, cp = sp.symbols("k1 k2 c", positive=True)
    P39 = P38.subs({D1: cp * kk1, D2: cp * kk2})
    book.equal("39", "Fourier symbol: (-Delta_{x_i})^{1/2} -> |k_i| in (38)", P39,
               A36.subs({D1: cp * kk1, D2: cp * kk2}))


def _transport_structure(book: ClaimBook) -> None:
    """(77)/(110): conservation by the scattering term; (83)-(84): MC twin of the diffusion law."""
    cons = tw.collision_conservation()
    for lab in ("77", "110"):
        book.close(lab, "scattering term integrates to zero over the sphere (gain = loss, as in (1)) "
                   "with the phase function (80)/(115), Gaussian spectrum, random anisotropic a "
                   "(1152-point rule)",
                   0.0, cons["net"], atol=1e-10 * cons["total"])
    pt = {k1: 0.9, k2: 1.4, hm.c: 1.0, hm.Omega: 1.0, G: 0.8, hm.Chat0: 1.0}
    f_p = float(hm.reduced_eigen()["f+"].subs(pt))
    mu_p = float(hm.reduced_rates()["mu1+"].subs(pt))
    D84 = float(P_119.subs({_cc: 1.0, _f2: f_p, _mu2: mu_p}))  # (84) has the same form c f^2/(3 mu)
    rate, t_end = mu_p, 15.0 / mu_p
    msd, err = tw.walker_msd(f_p, rate, t_end, n=4000, seed=9)
    exact = 6 * D84 * (t_end - (1 - np.exp(-rate * t_end)) / rate)
    book.close("83-84", f"MC twin: particle 1 of mode + (speed c f_+ = {f_p:.4f}, rate c mu_1+ = {mu_p:.4f}, "
               "k1=.9, k2=1.4, G=.8), 4000 walkers at c mu t = 15: <|x1|^2> vs "
               "6 D_1+ (t - (1-e^(-c mu t))/c mu) "
               f"with D of (84) (3 sigma = {3 * err:.1f})", exact, msd, atol=3 * err, rtol=0.0)


def _amplitude_rows_97(book: ClaimBook) -> None:
    """(97): (16)-(18) with the overall factors rho(x1), rho(x1)rho(x2) cancelled (Appendix E)."""
    r1, r2, p2, p1, p1s, a, D2 = sp.symbols("rho1 rho2 psi2 psi1 psi1_swapped a D2")
    gp, Op = sp.Symbol("g", positive=True), sp.Symbol("Omega", positive=True)
    rhs17 = 2 * gp * r1 * p2 + r1 * (D2 + Op) * p1 - 2 * gp * r1 * r2 * a  # (17) / i d_t of rho1 psi1
    rhs18 = gp / 2 * r1 * r2 * (p1s - p1) + 2 * Op * r1 * r2 * a  # (18) / i d_t of rho1 rho2 a
    P97_psi1 = 2 * gp * p2 + (D2 + Op) * p1 - 2 * gp * r2 * a
    P97_a = gp / 2 * (p1s - p1) + 2 * Op * a
    book.equal("97", "psi1 row of (97) = (17) divided by rho(x1)", P97_psi1, sp.expand(rhs17 / r1))
    book.equal("97", "a row of (97) = (18) divided by rho(x1) rho(x2)", P97_a, sp.expand(rhs18 / (r1 * r2)))


def _density_prefactors(book: ClaimBook) -> None:
    """(126)-(128): the printed prefactors 1/(2C^2), 2/(rho0 C^2), 1/(2 rho0^2 C^2) relative to each other
    against the weights of (36): <|amplitude_j|^2> = int W_jj / |S_jj|^2 with the same W-integral form."""
    Cs = sp.Symbol("C", positive=True)
    P126, P127, P128 = 1 / (2 * Cs ** 2), 2 / (rho0 * Cs ** 2), 1 / (2 * rho0 ** 2 * Cs ** 2)
    S = [sp.sqrt(2), sp.sqrt(rho0 / 2), sp.sqrt(rho0 / 2), sp.sqrt(2) * rho0]  # (36)
    inv_w = [1 / sj ** 2 for sj in S]
    book.equal("127", "prefactor ratio (127)/(126) = |S_11|^2/|S_22|^2 of (36) (psi1 from W22)",
               P127 / P126, sp.simplify(inv_w[1] / inv_w[0]))
    book.equal("128", "prefactor ratio (128)/(126) = |S_11|^2/|S_44|^2 of (36) (a from W44; consistent with "
               "Psi_4 = sqrt2 rho0 a, not with the printed (105) weight rho0^2)", P128 / P126,
               sp.simplify(inv_w[3] / inv_w[0]))


def add_claims(book: ClaimBook) -> None:
    """Append the claims for the equations listed in the module docstring to ``book``."""
    _model_definitions(book)
    _field_algebra(book)
    _single_atom(book)
    _reduced_model(book)
    _wigner(book)
    _kinetic(book)
    _initial_state(book)
    _scaling_and_modes(book)
    _amplitude_rows_97(book)
    _appendix_four_by_four(book)
    _transport_structure(book)
    _density_prefactors(book)
