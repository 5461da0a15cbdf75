"""Topic ``two-photon-medium``: seed 000_afe20a70b32bac1d.txt (two-photon light in random media of
two-level atoms). Printed equations are transcribed below as data (with their labels); every
derived form is computed by ``symlight.models.two_photon_*``; verdicts come from ClaimBook.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import sympy as sp

from symlight.checks import Claim, ClaimBook
from symlight.models import two_photon_densities as dens
from symlight.models import two_photon_medium as hm
from symlight.models import two_photon_single_atom as sa
from symlight.models import two_photon_transport_mc as mc
from symlight.numerics.units import check_dimension, length
from symlight.numerics.units import time as T_

TOPIC = "two-photon-medium"
SOURCE = "000_afe20a70b32bac1d.txt"
TITLE = "Two-photon light in random media of two-level atoms: spectra, kinetic and diffusion limits"

k1, k2, c, Om, G, lam = hm.k1, hm.k2, hm.c, hm.Omega, hm.G, hm.lam
g, rho0 = hm.g, hm.rho0
DIMS = hm.DIMENSIONS
POS = {"k1": (0.1, 3.0), "k2": (0.1, 3.0), "c": (0.5, 2.0), "Omega": (0.3, 2.0), "G": (0.2, 1.5)}

# ------------------------------------------------------------------ printed forms (transcribed)
PRINTED_40 = sp.Matrix([[c * k1 + c * k2, G, G, 0], [G, c * k2 + Om, 0, -G],
                        [G, 0, c * k1 + Om, G], [0, -G, G, 2 * Om]])
P_b1 = Om + c * k1 / 2 + c * k2 / 2
P_b2 = 2 * Om ** 2 + 8 * G ** 2 + c ** 2 * k1 ** 2 + c ** 2 * k2 ** 2 - 2 * Om * c * k1 - 2 * Om * c * k2
P_b3 = (Om ** 4 - 2 * Om ** 3 * c * k1 - 2 * Om ** 3 * c * k2 + Om ** 2 * c ** 2 * k1 ** 2
        + 4 * Om ** 2 * c ** 2 * k1 * k2 + Om ** 2 * c ** 2 * k2 ** 2 + 8 * Om ** 2 * G ** 2
        - 2 * Om * c ** 3 * k1 ** 2 * k2 - 2 * Om * c ** 3 * k1 * k2 ** 2 - 8 * Om * c * G ** 2 * k1
        - 8 * Om * c * G ** 2 * k2 + c ** 4 * k1 ** 2 * k2 ** 2 + 4 * c ** 2 * G ** 2 * k1 ** 2
        + 4 * c ** 2 * G ** 2 * k2 ** 2)
_den = G ** 2 * (c * k1 - c * k2)
P_v1 = (-(2 * Om ** 3 - 2 * Om * G ** 2 + 2 * Om ** 2 * c * k1 + 2 * Om ** 2 * c * k2 - c * G ** 2 * k1
          - c * G ** 2 * k2 + 2 * Om * c ** 2 * k1 * k2) / _den
        - (4 * Om + c * k1 + c * k2) * lam ** 2 / _den
        + lam * (5 * Om ** 2 - 2 * G ** 2 + 3 * Om * c * k1 + 3 * Om * c * k2 + c ** 2 * k1 * k2) / _den
        + lam ** 3 / _den)
_den2 = G * (c * k1 - c * k2)
P_v2 = lam ** 2 / _den2 + 2 * (Om ** 2 + c * k1 * Om - G ** 2) / _den2 - (3 * Om + c * k1) * lam / _den2
P_v3 = lam ** 2 / _den2 + 2 * (Om ** 2 + c * k2 * Om - G ** 2) / _den2 - (3 * Om + c * k2) * lam / _den2
d_ = c * (k1 + k2) / 2


def _printed_lpm(sign):  # (C2)
    return (3 * d_ + Om + sign * sp.sqrt((d_ - Om) ** 2 + 8 * G ** 2)) / 2


def _printed_f(sign):  # (81)
    X = _printed_lpm(sign) - d_ - Om
    return (X ** 2 + G ** 2) / (X ** 2 + 2 * G ** 2)


def _printed_K(sign):  # (C9) with m = n
    X = _printed_lpm(sign) - d_ - Om
    return sp.sqrt(2) * G * X / (X ** 2 + 2 * G ** 2)


#: (C20)/(78): printed Jacobian |d lambda_+/d|k1|| = (c/4)|d - Omega + (3/2) sqrt((d-Omega)^2 + 8G^2)|
P_JAC = c / 4 * sp.Abs(d_ - Om + sp.Rational(3, 2) * sp.sqrt((d_ - Om) ** 2 + 8 * G ** 2))
Chat = sp.Function("Chat")


def _printed_mu1(sign):
    """(78): g^2 rho0 pi/2 K^2 / [(c/4)|...|] |k1|^2 int dk'/(2pi)^3 Chat (white noise: 4 pi Chat0)."""
    return (g ** 2 * rho0 * sp.pi / 2 * _printed_K(sign).subs(G, g * sp.sqrt(rho0)) ** 2
            / P_JAC.subs(G, g * sp.sqrt(rho0)) * k1 ** 2 * 4 * sp.pi * hm.Chat0 / (2 * sp.pi) ** 3)


def _close_random(book: ClaimBook, eq: str, statement: str, printed: sp.Expr, derived: sp.Expr,
                  n: int = 40, seed: int = 3) -> Claim:
    """Numeric-only verdict for large radical expressions: both sides lambdified and compared at
    ``n`` random points of POS (rtol 1e-9); the SymPy forms are attached as evidence."""
    syms = sorted(printed.free_symbols | derived.free_symbols, key=lambda x: x.name)
    rng = np.random.default_rng(seed)
    pts = [rng.uniform(*POS.get(x.name, (0.3, 2.0)), n) for x in syms]
    fp = sp.lambdify(syms, printed, "numpy")(*pts)
    fd = sp.lambdify(syms, derived, "numpy")(*pts)
    return book.close(eq, statement, np.broadcast_to(fp, (n,)), np.broadcast_to(fd, (n,)), rtol=1e-9,
                      how=f"{n} random points, numpy double precision", printed_form=printed,
                      derived_form=derived)


def _rand_points(n, seed=7):
    rng = np.random.default_rng(seed)
    return (rng.uniform(0.05, 4, n), rng.uniform(0.05, 4, n), rng.uniform(0.3, 2, n),
            rng.uniform(0.3, 3, n), rng.uniform(0.5, 2, n))


# ------------------------------------------------------------------ claims
def _homogeneous(book: ClaimBook) -> None:
    # (37)-(38)/(40) from (16)-(18) at constant density: coefficient matrix in (psi2, psi1, psi1~, a)
    D1, D2 = sp.symbols("D1 D2", positive=True)  # c(-Delta_x)^{1/2} -> c|k|
    E = sp.Matrix([[D1 + D2, g * rho0 / 2, g * rho0 / 2, 0],   # (16), psi1(x2,x1) = psi1~
                   [2 * g, D2 + Om, 0, -2 * g * rho0],          # (17) / rho(x1)
                   [2 * g, 0, D1 + Om, 2 * g * rho0],           # (17) with x1<->x2, a odd
                   [0, -g / 2, g / 2, 2 * Om]])                 # (18) / (rho rho)
    S = sp.diag(sp.sqrt(2), sp.sqrt(rho0 / 2), sp.sqrt(rho0 / 2), sp.sqrt(2) * rho0)  # (36)
    A = sp.simplify(S * E * S.inv()).subs({D1: c * k1, D2: c * k2, g: G / sp.sqrt(rho0)})
    book.equal("40", "Fourier symbol of (37): (16)-(18) at rho = rho0 in the variables (36)",
               PRINTED_40, sp.simplify(A))
    ch = hm.characteristic_data()
    book.holds("41", "characteristic polynomial of (40) is biquadratic in lambda - b1",
               ch["odd_mu3"] == 0 and ch["odd_mu1"] == 0,
               f"coefficients of mu^3, mu^1 after lambda = b1 + mu: {ch['odd_mu3']}, {ch['odd_mu1']}")
    book.equal("41", "b1 (mean of the diagonal of (40))", P_b1, ch["b1"])
    book.equal("42", "b2 = -2p from mu^4 + p mu^2 + q", P_b2, ch["b2"])
    book.equal("43", "b3 = p^2 - 4q", P_b3, ch["b3"])
    a, b, cc, om, gg = _rand_points(400)
    closed = hm.eigenvalues_closed(a, b, c_val=1.0, Omega_val=1.0, G_val=1.0)
    num = hm.eigenpairs(a, b).lam
    closed = np.stack([hm.eigenvalues_closed(a[i], b[i], c_val=cc[i], Omega_val=om[i], G_val=gg[i])
                       for i in range(a.size)])
    num = np.stack([hm.eigenpairs(a[i], b[i], c_val=cc[i], Omega_val=om[i], G_val=gg[i]).lam
                    for i in range(a.size)])
    scale = np.max(np.abs(num), axis=1, keepdims=True)
    book.close("41-43", "closed-form eigenvalues vs numpy.linalg.eigh at 400 random (|k1|,|k2|,c,Omega,G)",
               closed / scale, num / scale, rtol=0, atol=1e-12,
               how="scaled by max|lambda|; labels lambda3 < lambda1 < lambda2 < lambda4")
    vp = hm.eigenvector_polynomials()
    book.equal("44", "eigenvector component v_i1 (v_i4 = 1), reduced mod the char. polynomial",
               P_v1, vp[0], domains=POS)
    book.equal("45", "eigenvector component v_i2", P_v2, vp[1], domains=POS)
    book.equal("46", "eigenvector component v_i3", P_v3, vp[2], domains=POS)
    # numeric twin: A v = lambda v with the printed components at the closed-form eigenvalues
    f = sp.lambdify((lam, k1, k2, c, Om, G), [P_v1, P_v2, P_v3, 1], "numpy")
    worst = 0.0
    for i in range(60):
        lv = closed[i]
        V = np.array([np.broadcast_to(x, lv.shape) for x in f(lv, a[i], b[i], cc[i], om[i], gg[i])])
        Am = hm.symbol_matrix_numeric(a[i], b[i], c_val=cc[i], Omega_val=om[i], G_val=gg[i])
        res = Am @ V - V * lv
        worst = max(worst, float(np.max(np.abs(res) / np.linalg.norm(V, axis=0) / np.abs(lv).max())))
    book.holds("44-47", "printed eigenvectors satisfy A v = lambda v (60 random points, 4 branches)",
               worst < 1e-9, f"max relative residual {worst:.2e}")
    # limits: G -> 0 and |k1| = |k2|
    lim0 = hm.eigenvalues_closed(a, b, G_val=0.0)
    diag = np.sort(np.stack([a + b, b + 1, a + 1, 2 + 0 * a], -1), -1)
    book.close("41", "G -> 0: eigenvalues tend to the diagonal of (40) (c = Omega = 1)",
               np.sort(lim0, -1), diag, rtol=0, atol=1e-7)
    kk = 1.3
    ep = hm.eigenpairs(kk, kk)
    kk2 = kk * (1 + 1e-7)
    lam_near = hm.eigenvalues_closed(kk, kk2)
    Vp = np.array([np.broadcast_to(x, (4,)) for x in f(lam_near, kk, kk2, 1.0, 1.0, 1.0)], dtype=float)
    Vp = Vp / np.linalg.norm(Vp, axis=0)
    overlap = np.abs(np.sum(Vp * ep.v, axis=0))
    book.holds("44-46", "|k1| = |k2|: printed v divide by zero; the normalised limit k2 -> k1 exists and "
               "equals the eigenvectors of (40) at |k1| = |k2|", bool(np.all(np.abs(overlap - 1) < 1e-5)),
               f"|<v_limit, v_eigh>| = {np.round(overlap, 8).tolist()} (b3 at k1=k2 factorises as "
               f"{sp.factor(hm.characteristic_data()['b3'].subs(k2, k1))})")
    # Hellmann-Feynman speed factors (111)-(112)
    h = 1e-6
    ep0 = hm.eigenpairs(a, b)
    fd1 = (hm.eigenvalues_closed(a + h, b) - hm.eigenvalues_closed(a - h, b)) / (2 * h)
    fd2 = (hm.eigenvalues_closed(a, b + h) - hm.eigenvalues_closed(a, b - h)) / (2 * h)
    book.close("111-112", "f_1i = v_i1^2 + v_i3^2 and f_2i = v_i1^2 + v_i2^2 equal d lambda_i/d(c|k_j|) "
               "(finite differences of the closed forms)", np.stack([ep0.f1, ep0.f2]),
               np.stack([fd1, fd2]), rtol=0, atol=1e-6)
    sums = np.concatenate([ep0.f1.sum(-1), ep0.f2.sum(-1)])
    inside = bool(np.all((ep0.f1 >= -1e-15) & (ep0.f1 <= 1 + 1e-15) & (ep0.f2 >= -1e-15)
                         & (ep0.f2 <= 1 + 1e-15)))
    book.holds("111-112", "sum_i f_ji = tr(dA/d(c|k_j|)) = 2 and 0 <= f <= 1",
               bool(np.allclose(sums, 2, atol=1e-12)) and inside,
               f"max |sum - 2| = {np.max(np.abs(sums - 2)):.1e} over 400 points; 0<=f<=1: {inside}")
    # (48): units of the exponent g sqrt(rho0) lambda t
    t = sp.Symbol("t")
    ok, ev = check_dimension(G * lam * t, DIMS, 1)
    book.holds("48", "exponent -i g sqrt(rho0) lambda_i t of (48) is dimensionless", ok,
               ev + " (lambda_i of (41) is already a frequency; the derived phase is lambda_i t)",
               printed=sp.sqrt(rho0) * g * lam * t, derived=lam * t)
    # (48) numeric twin: eigen-expansion vs direct ODE integration at one (k1, k2)
    from scipy.integrate import solve_ivp

    Am = hm.symbol_matrix_numeric(0.7, 1.9)
    w, v = np.linalg.eigh(Am)
    psi0 = np.array([0, 0, 0, 1.0], complex)
    tt = 3.7
    eig = v @ (np.exp(-1j * w * tt) * (v.T @ psi0))
    ode = solve_ivp(lambda _t, y: -1j * Am @ y, (0, tt), psi0, rtol=1e-11, atol=1e-13).y[:, -1]
    book.close("48-49", "eigen-expansion exp(-i lambda_i t) v_i C_i vs direct integration of (39)",
               eig, ode, rtol=0, atol=1e-8)
    # (52) units: a must be dimensionless by (14)
    ls = sp.Symbol("l_s")
    ok, ev = check_dimension((1 / (sp.pi * ls ** 2)) ** sp.Rational(3, 2), DIMS, 1)
    book.holds("52", "amplitude a of (52) has the dimension required by the norm (14)", ok,
               ev + "; a ~ rho0^-1 per (14)")
    # Fourier/angular pipeline of (48)-(52) at t = 0 against the initial data (52) directly
    a0 = fig1_amplitudes([0.0], points="offaxis", n=48)["a"][0]
    direct = np.pi ** -1.5 * (np.exp(-1.0) - np.exp(-1.0) * np.exp(-2.0))  # x1 = r1, x2 = (1,0,0)
    book.close("48-52", "solution (48) at t = 0 reproduces a(x1, x2, 0) of (52) (x1 = r1, x2 = (l,0,0))",
               a0, direct, rtol=1e-8, how="48 x 49 Gauss-Legendre in (|k1|, |k2|), sinc angular integrals")
    # Fig. 1 evaluation points: antisymmetric bracket vanishes identically
    val = fig1_amplitudes([1.0, 2.0], points="paper")
    mx = float(np.max(np.abs(val["a"])) + np.max(np.abs(val["psi1"])) + np.max(np.abs(val["psi2"])))
    book.holds("Fig. 1", "amplitudes are non-zero at points with |x1-r1|=|x2-r1|=|x1-r2|=|x2-r2|=l_s",
               mx > 1e-12, f"derived: the k-integrand carries sinc(k1 l)sinc(k2 l) - sinc(k1 l)sinc(k2 l) "
               f"= 0, so all amplitudes vanish there (max |amplitude| by quadrature {mx:.1e})")


def _single_atom(book: ClaimBook) -> None:
    L = sa.laplace_solution()
    book.equal("24", "psi1 from (21)-(22) (k'-integrals kept as symbols)", L["form24"], L["psi1"])
    book.equal("29-30", "Gamma = 2 pi g^2 int d^3k/(2pi)^3 delta(c|k| - Omega)",
               sa.g ** 2 * sa.Omega ** 2 / (sp.pi * sa.c ** 3), sa.gamma_from_delta_integral())
    book.equal("25", "Gamma = 2 Im Sigma with Sigma as printed in (25) (measure d^3k') equals (30)",
               sa.g ** 2 * sa.Omega ** 2 / (sp.pi * sa.c ** 3), sa.gamma_from_delta_integral(1))
    ok, ev = check_dimension(sa.g ** 2 * sa.Omega ** 2 / (sp.pi * sa.c ** 3), DIMS, 1 / T_)
    book.holds("30", "Gamma is a rate", ok, ev)
    ok, ev = check_dimension(sa.lamb_shift_closed_form(), DIMS, 1 / T_)
    book.holds("31", "Lamb shift closed form is a frequency", ok, ev)
    pts = [(1.0, 1.0, 1.0, 1.0), (0.3, 1.7, 0.8, 0.5), (2.0, 0.5, 1.5, 0.2)]
    closed = [float(sa.lamb_shift_closed_form().subs({sa.g: p[0], sa.Omega: p[1], sa.c: p[2],
                                                       sa.Lam: p[3]})) for p in pts]
    quad = [float(sa.lamb_shift_quadrature(*p, dps=15)) for p in pts]  # 15 digits: ample for rtol 1e-10
    book.close("31", "PV integral (31) = g^2/(2pi^2 c)[K^2/2 + aK + a^2 ln((K-a)/a)], K=2pi/Lambda",
               closed, quad, rtol=1e-10,
               how="mpmath principal value (15 digits, Gauss-Legendre), symmetric excision",
               derived_form=sa.lamb_shift_closed_form())
    lim = sp.limit(sa.lamb_shift_closed_form() * sa.Lam ** 2, sa.Lam, 0)
    book.equal("31", "cut-off dependence: delta_omega ~ g^2/(c Lambda^2) as Lambda -> 0",
               sa.g ** 2 / sa.c, lim)
    o = sa.order_g2_time_domain()
    book.equal("35", "O(g^2) term of psi1(k,t) (envelope exp(-i(Omega - dw)t - Gamma t/2) removed)",
               o["printed"], o["derived"], domains={"k": (0.1, 2), "k0": (2.5, 4)})


def _random_medium(book: ClaimBook) -> None:
    # (59): coefficient of eta in the variables (58) from (54)
    eta1 = sp.Symbol("eta1")
    # sqrt2 * (g/2) rho psi1 with psi1 = Psi2/sqrt(rho0)
    row1 = sp.sqrt(2) * (g / 2) * rho0 * (2 + eta1) / sp.sqrt(rho0)
    coef = sp.simplify(sp.diff(row1, eta1))
    book.equal("59", "coefficient of eta(x1) K in (59) from (54) with Psi = (sqrt2 psi2, sqrt(rho0) psi1)",
               g * sp.sqrt(rho0) / 2, coef)
    book.equal("60", "deterministic off-diagonal of (60)", sp.sqrt(2) * g * sp.sqrt(rho0),
               sp.simplify(row1.subs(eta1, 0)))
    e = hm.reduced_eigen()
    for s, name in ((1, "+"), (-1, "-")):
        book.equal("C2", f"lambda_{name} of (69)", _printed_lpm(s), e[f"lambda{name}"], domains=POS)
        book.holds("C3", f"v_{name} of (C3) is a normalised eigenvector of (69)",
                   e[f"residual{name}"] == sp.zeros(2, 1), f"(A - lambda) v = {list(e[f'residual{name}'])}")
        book.equal("81", f"f_{name} = d lambda_{name}/d(c|k1|) (Hellmann-Feynman)", _printed_f(s),
                   e[f"f{name}"], domains=POS)
        book.equal("C9", f"K_{name}{name} = v^T K v", _printed_K(s), e[f"K{name}"], domains=POS)
        _close_random(book, "C20", f"|d lambda_{name}/d|k1|| (Jacobian of the energy-shell delta)",
                      P_JAC, sp.Abs(e[f"dlam_dk1{name}"]))
    fsum = sp.simplify(e["f+"] + e["f-"])
    book.holds("81", "sum f_+ + f_- = tr(diag(1, 1/2)) = 3/2 and 1/2 <= f <= 1 (2x2 model)",
               fsum == sp.Rational(3, 2), f"derived sum = {fsum}")
    ok, ev = check_dimension(P_JAC, DIMS, length / T_)
    book.holds("C20", "printed Jacobian has the dimension of d lambda/d|k| (a speed)", ok, ev)
    ok, ev = check_dimension(_printed_mu1(1), DIMS, 1 / length)
    book.holds("78", "printed mu_1+ is an inverse length (as (77) with (1/c) d_t requires)", ok, ev)
    ok, ev = check_dimension(_printed_mu1(1).subs(P_JAC.subs(G, g * sp.sqrt(rho0)), 1), DIMS,
                             T_ / length ** 2)
    mu_d = hm.reduced_rates()["mu1+"]
    ok2, ev2 = check_dimension(mu_d, DIMS, 1 / length)
    book.holds("78", "derived mu_1+ (golden rule / c) is an inverse length", ok2, ev2,
               derived=mu_d)
    pt = {k1: 0.9, k2: 1.4, c: 1.0, Om: 1.0, G: 0.8, hm.Chat0: 1.0}
    p_val = float(_printed_mu1(1).subs({g: 0.8, rho0: 1.0}).subs(pt))
    for coefname, cf in (("derived (59) coefficient G/sqrt2", None), ("printed (59) coefficient G/2", G / 2)):
        d_val = float(hm.reduced_rates(coefficient=cf)["mu1+"].subs(pt))
        book.close("78", f"mu_1+ printed vs derived with the {coefname} (k1=.9,k2=1.4,c=Omega=1,G=.8)",
                   p_val, d_val, rtol=1e-6)
    kr = hm.reduced_kinetic_coefficients(0.9, 1.4, G_val=0.8)
    mu_sym = [float(hm.reduced_rates()[f"mu1{n}"].subs({k1: 0.9, k2: 1.4, c: 1, Om: 1, G: 0.8, hm.Chat0: 1}))
              for n in ("+", "-")]
    book.close("78", "derived mu_1+- : numeric eigh path vs the symbolic closed form", kr["mu1"], mu_sym,
               rtol=1e-9, how="k1=.9, k2=1.4, c=Omega=Chat=1, G=.8")
    # Appendix D: D = c f^2/(3 mu) from the P1 closure
    u, J, f_, m_, cc = sp.symbols("u J f mu c", positive=True)
    x = sp.Symbol("x")
    uf = sp.Function("u")(x)
    Jss = sp.solve(sp.Eq(m_ * J, -f_ / 3 * sp.diff(uf, x)), J)[0]  # (D17) at long times
    dudt = -cc * f_ * sp.diff(Jss, x)  # (D6)
    Dder = sp.simplify(dudt / sp.diff(uf, x, 2))
    book.equal("84", "diffusion coefficient D = c f^2/(3 mu) from (D6), (D17)", cc * f_ ** 2 / (3 * m_), Dder)
    th, ph = sp.symbols("theta phi")
    kz = sp.cos(th)
    second = sp.integrate(sp.integrate(kz * kz * sp.sin(th), (th, 0, sp.pi)), (ph, 0, 2 * sp.pi))
    book.equal("D14", "int dk k_z k_z = 4 pi/3, so div sigma1 = grad u / 3 with (D2)",
               4 * sp.pi / 3, second)
    # 4x4: (98)-(100) from (97) in the variables (36)
    e1, e2 = sp.symbols("eta1 eta2")
    S = sp.diag(sp.sqrt(2), sp.sqrt(rho0 / 2), sp.sqrt(rho0 / 2), sp.sqrt(2) * rho0)
    E = sp.Matrix([[0, g / 2 * rho0 * (1 + e1), g / 2 * rho0 * (1 + e2), 0],
                   [2 * g, 0, 0, -2 * g * rho0 * (1 + e2)],
                   [2 * g, 0, 0, 2 * g * rho0 * (1 + e1)],
                   [0, -g / 2, g / 2, 0]])
    M = sp.expand(S * E * S.inv())
    K1p = sp.Matrix([[0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 0, 0]])
    K2p = sp.Matrix([[0, 0, 1, 0], [0, 0, 0, -1], [0, 0, 0, 0], [0, 0, 0, 0]])
    book.equal("100", "K1 = d(97)/d eta(x1) / (g sqrt rho0) in the variables (36)", K1p,
               sp.simplify(M.diff(e1) / (g * sp.sqrt(rho0))))
    book.equal("100", "K2 = d(97)/d eta(x2) / (g sqrt rho0)", K2p,
               sp.simplify(M.diff(e2) / (g * sp.sqrt(rho0))))
    a_ = sp.Symbol("a")
    book.equal("105", "|Psi_4|^2 with Psi_4 = sqrt2 rho0 a (36)", rho0 ** 2 * a_ ** 2,
               (sp.sqrt(2) * rho0 * a_) ** 2)
    book.equal("104", "|Psi_2|^2 with Psi_2 = sqrt(rho0/2) psi1 (36)", rho0 / 2 * a_ ** 2,
               (sp.sqrt(rho0 / 2) * a_) ** 2)
    # (113): units of the printed rate vs the derived one
    dlam = sp.Symbol("dlam")
    Kii = sp.Symbol("K1ii")
    dims = dict(DIMS) | {"dlam": length / T_, "K1ii": 1}
    ok, ev = check_dimension(g ** 2 * rho0 * sp.pi * Kii ** 2 * k1 ** 2 / dlam, dims, 1 / length)
    book.holds("113", "printed mu_1i = g^2 rho0 pi K^2 |k1|^2/|d lambda/dk1| is an inverse length", ok, ev)
    derived113 = (2 * sp.pi * G ** 2 * Kii ** 2 * k1 ** 2 * 4 * sp.pi * hm.Chat0
                  / ((2 * sp.pi) ** 3 * c * dlam))
    ok, ev = check_dimension(derived113, dims, 1 / length)
    book.holds("113", "derived mu_1i = 2 pi G^2 K^2 |k1|^2 (4 pi Chat/(2pi)^3)/(c |d lambda/dk1|) is an "
               "inverse length", ok, ev, derived=derived113)
    kc = hm.kinetic_coefficients(np.array([0.9]), np.array([1.4]))
    ok, ev = check_dimension(c * sp.Symbol("f") ** 2 / (3 * derived113), dims | {"f": 1}, length ** 2 / T_)
    book.holds("118", "D_1i = c f^2/(3 mu_1i) is a diffusion coefficient (length^2/time)", ok, ev)
    # phase function normalisation (80)/(115) for a Gaussian correlation, by quadrature
    from scipy.integrate import quad

    kk, lc = 1.7, 0.6
    Cg = lambda q2: np.exp(-lc ** 2 * q2 / 4)
    norm = quad(lambda mu_: 2 * np.pi * Cg(kk ** 2 * (2 - 2 * mu_)), -1, 1)[0]
    tot = quad(lambda mu_: 2 * np.pi * Cg(kk ** 2 * (2 - 2 * mu_)) / norm, -1, 1)[0]
    book.close("80", "int dk' A(k, k') = 1 (Gaussian correlation, quadrature)", tot, 1.0, rtol=1e-12)
    book.holds("113-114", "derived rates are finite and positive on a test point", bool(
        np.all(np.isfinite(kc["mu1"])) and np.all(kc["mu1"] > 0)), f"mu1 = {kc['mu1'].round(4).tolist()}")


def _densities(book: ClaimBook, fast: bool = True) -> None:
    # Wigner transform of the Gaussian data: closed form vs quadrature per Cartesian factor
    r1, r2, ls = np.array([0.3, -0.2, 1.0]), np.array([0.1, 0.4, -1.0]), 0.8
    x, kv = np.array([0.5, 0.1, -0.3]), np.array([0.7, -1.1, 0.4])
    num = np.prod([dens.wigner_quadrature_1d(x[i], kv[i], r1[i], r2[i], ls) for i in range(3)])
    book.close("64", "Wigner transform of phi_r1 phi_r2 (cross term): closed form vs quadrature",
               complex(dens.gaussian_cross_wigner(x, kv, r1, r2, ls)), complex(num), rtol=1e-9)
    s = dens.Setup()
    tot = dens.total_probability_t0(s, n=48)
    book.close("14", "derived densities at t = 0 integrate to the norm (14) = 1", tot, 1.0, rtol=1e-8)
    Csq = sp.Symbol("C2")
    ls_ = sp.Symbol("l_s")
    kint = sp.Symbol("kint")  # int dk1 dk2 k1^2 k2^2 (...) ~ length^-6
    dims = dict(DIMS) | {"C2": length ** 6, "kint": length ** -6}
    ok, ev = check_dimension(kint / (2 * Csq), dims, length ** -6)
    book.holds("126", "printed prefactor 1/(2C^2) gives <|psi2|^2> the dimension length^-6", ok, ev,
               printed=kint / (2 * Csq), derived=8 * ls_ ** 6 * kint / (sp.pi * Csq))
    ok, ev = check_dimension(8 * ls_ ** 6 * kint / (sp.pi * Csq), dims, length ** -6)
    book.holds("126", "derived prefactor 8 l_s^6/(pi C^2) gives length^-6", ok, ev)
    # (123) initial modal amplitudes: the V^{-1} rule reproduces the initial densities (86) at t = 0
    kc = hm.kinetic_coefficients(np.array([0.7, 1.9, 2.5]), np.array([1.2, 0.4, 2.6]))
    V = kc["v"] ** 2  # (V)_ji = v_ji^2 (124): the diagonal of W0 = sum_i a_i v_i v_i^T is V a
    start = np.zeros(V.shape[:-1])
    start[..., 0] = 1.0  # initial data in component 1 only (85)-(86)
    miss = {rule: float(np.max(np.abs(np.einsum("...ji,...i->...j", V, dens.initial_mode_weights(
        kc["v"], rule)) - start))) for rule in ("paper", "projection")}
    book.holds("123", "the rule (123) a_i(0) = (V^-1)_i1 reproduces the initial diagonal of W (densities "
               "(86)) exactly; the modal projection a_i = v_i^T W0 v_i does not", miss["paper"] < 1e-10
               and miss["projection"] > 1e-3, f"max |V a - e1| at 3 points: rule (123) {miss['paper']:.1e}, "
               f"projection {miss['projection']:.3f} (V is near-singular at |k1| = |k2|, so (123)'s "
               "amplitudes are large there)")
    # long-time expansion (129)-(134): series of one diffusion kernel
    t, D1, D2, A2, B2, l = sp.symbols("t D1 D2 A2 B2 l", positive=True)
    P = (l ** 2 / (l ** 2 + 4 * t * D1)) ** sp.Rational(3, 2) * (l ** 2 / (l ** 2 + 4 * t * D2)) ** \
        sp.Rational(3, 2) * sp.exp(-A2 / (l ** 2 + 4 * t * D1) - B2 / (l ** 2 + 4 * t * D2))
    eps = sp.Symbol("epsilon", positive=True)
    ser = sp.series(P.subs(t, 1 / eps), eps, 0, 5).removeO()
    lead = (l ** 2 / (4 * D1)) ** sp.Rational(3, 2) * (l ** 2 / (4 * D2)) ** sp.Rational(3, 2)
    c3 = sp.simplify(ser.coeff(eps, 3))
    c4 = sp.simplify(ser.coeff(eps, 4))
    book.equal("129", "t^-3 coefficient of one diffusion kernel", lead, c3)
    book.equal("133", "t^-4 coefficient: -(l^2/4D1)^{3/2}(l^2/4D2)^{3/2}(|x1-r|^2/4D1 + |x2-r'|^2/4D2)",
               -lead * (A2 / (4 * D1) + B2 / (4 * D2)), c4)
    # numeric: derived asymptote vs quadrature at late time
    tl = np.array([3e4, 1e5])
    ex = dens.densities(tl, s, n=48)
    asy = dens.densities(tl, s, n=48, asymptotic=True)
    book.close("129-131", "derived t^-3 - t^-4 asymptote vs the diffusion-limit densities at t = 3e4, 1e5",
               np.concatenate([asy["psi2"], asy["psi1"], asy["a"]]),
               np.concatenate([ex["psi2"], ex["psi1"], ex["a"]]), rtol=0.05,
               how="48 x 49 Gauss-Legendre grid on [0, 6/l_s]^2")
    # Fig. 5 remark: negative densities "due to the breakdown of the DA at short times"
    tt = np.logspace(-1, 2, 10)
    dp = dens.densities(tt, s, n=32)
    dq = dens.densities(tt, s, n=32, rule="paper")
    pos = min(float(np.min(dp[k])) for k in ("psi2", "psi1", "a"))
    neg = min(float(np.min(dq[k])) for k in ("psi2", "psi1", "a"))
    d0 = {rule: dens.densities(np.array([1e-9]), s, n=32, rule=rule) for rule in ("paper", "projection")}
    off = {rule: max(abs(float(d[k][0])) for k in ("psi1", "a")) / float(d["psi2"][0])
           for rule, d in d0.items()}
    book.holds("Fig. 5", "negative densities at short times come from the diffusion approximation itself "
               "(with initial modes that reproduce the initial data (86))",
               neg < 0 and off["paper"] < 1e-2 and pos >= 0 and off["projection"] > 0.1,
               f"same diffusion kernels: with the rule (123), which reproduces the initial data at t → 0 "
               f"(rho0|psi1|^2, rho0|a|^2 relative to |psi2|^2: {off['paper']:.1e}), min density {neg:.2e} "
               f"for 0.1 <= Omega t <= 100; the modal projection stays >= 0 (min {pos:.2e}) only by starting "
               f"from wrong initial data ({off['projection']:.2f}). The diffusion approximation cannot both "
               "match the initial state and stay positive at short times, as the paper says")
    # (89)-(90): printed eta, zeta vs the paper's own rule (123) in the 2x2 model
    e = hm.reduced_eigen()
    Xp, Xm = e["lambda+"] - d_ - Om, e["lambda-"] - d_ - Om
    cp, cm = Xp / (Xp + Xm), Xm / (Xp + Xm)  # V^{-1} e1 for V = [[v+1^2, v-1^2], [v+2^2, v-2^2]]
    v1p, v1m = e["v+"][0] ** 2, e["v-"][0] ** 2
    _close_random(book, "90", "zeta_+ (weight of a_+ in <|psi2|^2>) = c_+ v_{+1}^2",
                  Xp ** 2 / (Xp ** 2 - Xm ** 2),
               cp * v1p)
    _close_random(book, "90", "zeta_- (weight of a_- in <|psi2|^2>) = c_- v_{-1}^2",
                  Xp ** 2 / (Xp ** 2 - Xm ** 2),
               cm * v1m)
    v2p = e["v+"][1] ** 2
    _close_random(book, "87", "weight of a_+ in rho0<|psi1|^2>: printed (g^2 rho0) eta_+ vs derived "
                  "c_+ v_{+2}^2"
               " (W22 = rho0|psi1|^2, prefactor 32/pi)", G ** 2 / (Xp ** 2 - Xm ** 2), cp * v2p)


def _monte_carlo(book: ClaimBook, n: int = 20000) -> None:
    kc = hm.kinetic_coefficients(1.5, 1.6)
    i = 3
    f1, f2, m1, m2 = (float(kc[k][i]) for k in ("f1", "f2", "mu1", "mu2"))
    t_end = 200.0 / min(m1, m2)
    r = mc.compare_with_diffusion(f1, f2, m1, m2, t_end=t_end, n=n, seed=11)
    book.close("1, D21", f"two independent walkers (mode 4, |k1|=1.5, |k2|=1.6; {n} pairs, c mu t >= 200) vs "
               "the product of diffusion kernels on 16 joint radial cells", r["observed"], r["expected"],
               rtol=0, atol=float(4 * np.max(r["stderr"])),
               how=f"chi2 = {r['chi2']:.1f} for {r['dof']} dof, max |z| = {r['max_z']:.2f}; "
               f"MSD ratios {r['msd1'] / r['msd1_diffusion']:.4f}, {r['msd2'] / r['msd2_diffusion']:.4f}")


def claims() -> list[Claim]:
    """Every claim of the topic (seed 000_afe20a70b32bac1d.txt): (3)-(52) homogeneous medium and
    single atom, (53)-(96) stimulated emission in a random medium, (97)-(134) two-photon transport,
    Appendices A-F; verdicts computed by ClaimBook."""
    book = ClaimBook(TOPIC, SOURCE)
    for part in (_homogeneous, _single_atom, _random_medium, _densities, _monte_carlo):
        part(book)
    from symlight.models import two_photon_amplitudes as amp
    from symlight.models import two_photon_amplitudes3d as amp3

    amp3.add_claims(book)  # (16)-(18), (F5)-(F7), (14), (F3) with 3-D positions
    amp.add_claims(book)  # lattice twin: symmetric generator, conserved norm
    from derivations import two_photon_longtime

    two_photon_longtime.add_claims(book)  # (53)-(54), (68)/App. B, (91)-(96), (129)-(134)
    from derivations import topic_parts

    for gaps in topic_parts("derivations", ("two_photon_equation_gaps",)):
        gaps.add_claims(book)  # the remaining numbered equations, when that part is present
    return book.claims


# ------------------------------------------------------------------ figures
def fig1_amplitudes(times, *, points: str = "paper", n: int = 80, kmax: float = 8.0,
                    rho0_val=1.0) -> dict[str, np.ndarray]:
    """psi2, psi1, a at (x1, x2) by the exact solution (48)-(52), Omega = G = c = l_s = 1.

    r1 = (0,0,1), r2 = (0,0,-1). ``points="paper"``: |x_i - r_j| = l_s for all i, j (caption of
    Fig. 1); ``"diagonal"``: x1 = r1, x2 = r2 (psi2 vanishes there by inversion + exchange symmetry);
    ``"offaxis"``: x1 = r1, x2 = (1, 0, 0). Angular integrals give sinc factors.
    """
    if points == "paper":
        d11 = d22 = d12 = d21 = 1.0
    elif points == "diagonal":
        d11 = d22 = 0.0
        d12 = d21 = 2.0
    elif points == "offaxis":
        d11, d12 = 0.0, 2.0  # x1 = r1
        d22 = d21 = np.sqrt(2.0)  # x2 = (1, 0, 0)
    else:
        raise ValueError(f"points={points!r}: use 'paper', 'diagonal' or 'offaxis'")
    k, w = dens.k_grid(n, kmax)
    kb, wb = dens.k_grid(n + 1, kmax)
    K1, K2 = np.meshgrid(k, kb, indexing="ij")
    W = np.outer(w, wb)
    ep = hm.eigenpairs(K1, K2)
    sinc = lambda q, dd: np.sinc(q * dd / np.pi)
    # a-hat(k1,k2) angular-integrated: FT of (52) -> (1/(pi l^2))^{3/2} (2 pi l^2)^3 e^{-l^2(k1^2+k2^2)/2}
    amp0 = np.sqrt(2) * rho0_val * np.pi ** -1.5 * (2 * np.pi) ** 3 * np.exp(-(K1 ** 2 + K2 ** 2) / 2)
    bracket = sinc(K1, d11) * sinc(K2, d22) - sinc(K1, d21) * sinc(K2, d12)
    pref = (4 * np.pi) ** 2 / (2 * np.pi) ** 6 * K1 ** 2 * K2 ** 2 * W * amp0 * bracket
    out = {"psi2": [], "psi1": [], "a": []}
    for t in np.atleast_1d(times):
        U4 = np.einsum("...ji,...i,...i->...j", ep.v, np.exp(-1j * ep.lam * t), ep.v[..., 3, :])
        Psi = np.einsum("ab,abj->j", pref, U4)
        out["psi2"].append(Psi[0] / np.sqrt(2))
        out["psi1"].append(Psi[1] / np.sqrt(rho0_val / 2))
        out["a"].append(Psi[3] / (np.sqrt(2) * rho0_val))
    return {k_: np.asarray(v_) for k_, v_ in out.items()}


def figures(out_dir: Path, *, full: bool = False) -> list:
    """Figures 1-8 of seed 000_afe20a70b32bac1d.txt rebuilt from the derived densities (PNG into
    ``out_dir``); ``full=True`` uses the paper's finer grids."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from symlight.report import Figure

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cmd = f"symlight reproduce {TOPIC} --out DIR"
    figs = []
    n = 96 if full else 48
    # Fig. 1
    t0 = time.perf_counter()
    ts = np.linspace(0, 10, 101 if full else 51)
    r = fig1_amplitudes(ts, points="offaxis", n=n)
    fig, ax = plt.subplots(figsize=(5, 3.5))
    for key in ("a", "psi1", "psi2"):
        ax.plot(ts, np.abs(r[key]) ** 2, label=f"|{key}|^2")
    ax.set_xlabel("G t"), ax.set_yscale("log"), ax.legend()
    ax.set_title("Fig. 1 (homogeneous medium), x1 = r1, x2 = (l,0,0)")
    p = out_dir / "two_photon_fig1.png"
    fig.tight_layout(), fig.savefig(p, dpi=110), plt.close(fig)
    figs.append(Figure("Fig. 1", p, "Homogeneous medium, exact solution (48)-(52) (Omega=G=c=l_s=1, "
                       "rho0=1). At the paper's points (all distances l_s) every amplitude vanishes "
                       "identically, and at x1=r1, x2=r2 psi2 vanishes by symmetry, so x1=r1, "
                       "x2=(l,0,0) is shown.", cmd, time.perf_counter() - t0))
    # Figs. 2-4: stimulated emission (2x2 model), derived (projection) and the paper's rule
    t0 = time.perf_counter()
    s = dens.Setup()
    ts = np.logspace(-1, 3, 41 if full else 25)
    rp = dens.densities_reduced(ts, s, n=n)
    rq = dens.densities_reduced(ts, s, n=n, rule="paper")
    fig, axs = plt.subplots(1, 2, figsize=(9, 3.5))
    for key in ("psi2", "rho0_psi1"):
        axs[0].loglog(ts, np.abs(rp[key]), label=key)
        axs[1].semilogx(ts, rq[key], label=key)
    axs[0].set_title("modal projection (misses the initial state)", fontsize=9)
    axs[1].set_title("paper's rule (123)/(C5): initial state exact", fontsize=9)
    for a_ in axs:
        a_.set_xlabel("Omega t"), a_.legend()
    p = out_dir / "two_photon_fig2.png"
    fig.tight_layout(), fig.savefig(p, dpi=110), plt.close(fig)
    figs.append(Figure("Fig. 2", p, "Stimulated emission, densities (87)-(88) at x1=(l,0,0), x2=(-l,0,0) "
                       f"(Omega=G=c=l=1, Chat=1, derived rate coefficient G/sqrt2); {n}x{n + 1} grid.", cmd,
                       time.perf_counter() - t0))
    t0 = time.perf_counter()
    tl = np.logspace(1, 5, 17)
    ex = dens.densities_reduced(tl, s, n=n)
    asy = dens.densities_reduced(tl, s, n=n, asymptotic=True)
    for fig_name, key in (("Fig. 3", "rho0_psi1"), ("Fig. 4", "psi2")):
        fig, ax = plt.subplots(figsize=(5, 3.5))
        ax.loglog(tl, np.abs(ex[key]), "k-", label="diffusion limit (quadrature)")
        ax.loglog(tl, np.abs(asy[key]), "r--", label="t^-3 - t^-4 asymptote (derived)")
        ax.set_xlabel("Omega t"), ax.legend(), ax.set_title(f"{fig_name}: {key}")
        p = out_dir / f"two_photon_{fig_name.replace('. ', '').lower()}.png"
        fig.tight_layout(), fig.savefig(p, dpi=110), plt.close(fig)
        figs.append(Figure(fig_name, p, f"Diffusion limit vs long-time form (91)-(92) for {key}.", cmd,
                           time.perf_counter() - t0))
    # Figs. 5-8: 4x4 densities, derived (projection) and the paper's rule (123)
    t0 = time.perf_counter()
    s = dens.Setup()
    ts = np.logspace(-1, 3, 41 if full else 25)
    dp = dens.densities(ts, s, n=n)
    dq = dens.densities(ts, s, n=n, rule="paper")
    fig, axs = plt.subplots(1, 2, figsize=(9, 3.5))
    for key in ("psi2", "psi1", "a"):
        axs[0].loglog(ts, np.abs(dp[key]), label=key)
        axs[1].semilogx(ts, dq[key], label=key)
    axs[0].set_title("modal projection (misses the initial state), |density|", fontsize=9)
    axs[1].set_title("paper's rule (123): initial state exact", fontsize=9)
    for a_ in axs:
        a_.set_xlabel("Omega t"), a_.legend()
    p = out_dir / "two_photon_fig5.png"
    fig.tight_layout(), fig.savefig(p, dpi=110), plt.close(fig)
    figs.append(Figure("Fig. 5", p, f"Densities (126)-(128) at x1=(l,0,0), x2=(-l,0,0); {n}x{n + 1} "
                       "Gauss-Legendre grid on [0,6/l]^2 (paper grid unknown), Chat=1. Right: the "
                       "paper's initial modes (123), which reproduce the initial state, go negative at "
                       "short times (the diffusion approximation's limit); left: the modal projection "
                       "stays positive but starts from the wrong state.", cmd,
                       time.perf_counter() - t0))
    t0 = time.perf_counter()
    tl = np.logspace(1, 5, 17)
    ex = dens.densities(tl, s, n=n)
    asy = dens.densities(tl, s, n=n, asymptotic=True)
    for fig_name, key in (("Fig. 6", "psi2"), ("Fig. 7", "psi1"), ("Fig. 8", "a")):
        fig, ax = plt.subplots(figsize=(5, 3.5))
        ax.loglog(tl, np.abs(ex[key]), "k-", label="diffusion limit (quadrature)")
        ax.loglog(tl, np.abs(asy[key]), "r--", label="t^-3 - t^-4 asymptote (derived)")
        ax.set_xlabel("Omega t"), ax.legend(), ax.set_title(f"{fig_name}: <|{key}|^2>")
        p = out_dir / f"two_photon_{fig_name.replace('. ', '').lower()}.png"
        fig.tight_layout(), fig.savefig(p, dpi=110), plt.close(fig)
        figs.append(Figure(fig_name, p, f"Diffusion limit vs long-time form (129)-(131) for {key}.", cmd,
                           time.perf_counter() - t0))
    return figs
