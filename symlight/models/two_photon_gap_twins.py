"""Derivations and numeric twins for equations of seed 000_afe20a70b32bac1d.txt not covered elsewhere.

Single atom (Sec. III): the Laplace convention (23), the pole-approximated self-energy
(25)-(28) (Re Sigma = delta omega, Im Sigma = Gamma/2, Sokhotski-Plemelj) and the O(g^2)
iterate (33)-(34) of (32). Random medium (Sec. V): the variables (58) and the matrix K (61) of
(59), the marginals (65)-(67) of the Wigner matrix (64), the Fourier conventions (70)/(76), the
two-scale chain rule (72), and the diffusion coefficient (119) by Green-Kubo; App. E: the initial
state (120)-(122). Every function derives a form with SymPy or computes an independent number.
"""

from __future__ import annotations

from functools import lru_cache

import mpmath
import numpy as np
import sympy as sp

from symlight.errors import InputError
from symlight.models.two_photon_reduced import lattice_operators

g, c, Omega, Sig = sp.symbols("g c Omega Sigma")
k, kp, k0 = sp.symbols("k kprime k0", positive=True)
z = sp.Symbol("z")
rho0 = sp.Symbol("rho0", positive=True)


def _positive(**vals: float) -> None:
    for name, v in vals.items():
        if not (np.isfinite(v) and v > 0):
            raise InputError(f"{name}={v!r} must be a positive finite number")


# ----------------------------------------------------------------------------- (23)
def laplace_of_derivative() -> dict[str, sp.Expr]:
    """(23): L[a](z) = int_0^oo e^{-zt} a(t) dt. Derive L[da/dt] for a(t) = (1 + t) e^{-b t} + A0
    e^{-w t}; returns the transform of a', z L[a] and a(0) (so that (22)'s i[z psi1 - delta]
    is the transform of i d_t psi1 with psi1(0) = delta)."""
    t = sp.Symbol("t", positive=True)
    zz, b, w, A0 = sp.symbols("z b w A0", positive=True)
    a = (1 + t) * sp.exp(-b * t) + A0 * sp.exp(-w * t)
    lap = sp.integrate(sp.exp(-zz * t) * a, (t, 0, sp.oo), conds="none")
    lapd = sp.integrate(sp.exp(-zz * t) * sp.diff(a, t), (t, 0, sp.oo), conds="none")
    return {"L_da": sp.simplify(lapd), "zL_a": sp.simplify(zz * lap), "a0": a.subs(t, 0),
            "symbols": (zz, b, w, A0)}


def laplace_quadrature(z_val: float, b_val: float, w_val: float, A0_val: float) -> float:
    """Numeric twin: int_0^oo e^{-zt} a'(t) dt by mpmath quadrature for the test a(t) above."""
    def da(t):
        return (mpmath.exp(-b_val * t) * (1 - b_val * (1 + t)) - A0_val * w_val * mpmath.exp(-w_val * t))
    return float(mpmath.quad(lambda t: mpmath.exp(-z_val * t) * da(t), [0, mpmath.inf]))


# ----------------------------------------------------------------------------- (25)-(28)
def sigma_pole_limit(g_val: float, Omega_val: float, c_val: float, K_val: float,
                     eps: float = 1e-30) -> complex:
    """Sigma of (25) in the pole approximation z = -i(Omega + c|k|), radial cut-off K:
    g^2/(2 pi^2) int_0^K k^2 dk/(c k - Omega - i eps). The antiderivative is computed by SymPy
    (w = Omega + i eps complex) and evaluated with the principal log at eps -> 0+ (mpmath, 50
    digits); the path c k - w stays in the lower half plane, so the principal log is continuous."""
    _positive(Omega=Omega_val, c=c_val, K=K_val)
    if g_val < 0:
        raise InputError(f"coupling g={g_val!r} must be non-negative (Eq. (11))")
    if K_val * c_val <= Omega_val:
        raise InputError(f"cut-off K={K_val!r} must exceed Omega/c (the pole must lie inside)")
    kk, w, cc = sp.symbols("k w c")
    anti = sp.integrate(kk ** 2 / (cc * kk - w), kk)
    f = sp.lambdify((kk, w, cc), anti, "mpmath")
    with mpmath.workdps(50):
        wv = mpmath.mpf(Omega_val) + 1j * mpmath.mpf(eps)
        val = f(mpmath.mpf(K_val), wv, mpmath.mpf(c_val)) - f(mpmath.mpf(0), wv, mpmath.mpf(c_val))
        out = g_val ** 2 / (2 * mpmath.pi ** 2) * val
    return complex(out)


def sigma_finite_eps_quadrature(g_val: float, Omega_val: float, c_val: float, K_val: float,
                                eps: float) -> complex:
    """Independent twin: the same integral at finite eps by direct complex quadrature (split at
    the near-pole k = Omega/c); it tends to :func:`sigma_pole_limit` as O(eps)."""
    _positive(eps=eps)
    kpole = Omega_val / c_val
    f = lambda kk: kk ** 2 / (c_val * kk - Omega_val - 1j * eps)  # noqa: E731
    pts = [0, kpole - 10 * eps, kpole - eps, kpole, kpole + eps, kpole + 10 * eps, K_val]
    with mpmath.workdps(25):
        val = mpmath.quad(f, pts)
    return complex(g_val ** 2 / (2 * mpmath.pi ** 2) * val)


def plemelj_delta_weight() -> sp.Expr:
    """(28): Im 1/(x - i eps) = eps/(x^2 + eps^2); its integral over the real line (SymPy) is the
    weight of delta(x) on the right of (28)."""
    x = sp.Symbol("x", real=True)
    e = sp.Symbol("epsilon", positive=True)
    im_part = sp.im(sp.simplify(1 / (x - sp.I * e)))
    return sp.simplify(sp.integrate(sp.simplify(im_part), (x, -sp.oo, sp.oo)))


def plemelj_twin(eps: float) -> tuple[complex, complex]:
    """(28) on the test function f(x) = (1 + x) e^{-x^2}: (int f/(x - i eps) by quadrature,
    PV int f/x + i pi f(0) with the PV by symmetric folding)."""
    _positive(eps=eps)
    f = lambda x: (1 + x) * mpmath.exp(-x ** 2)  # noqa: E731
    with mpmath.workdps(25):
        lhs = mpmath.quad(lambda x: f(x) / (x - 1j * eps), [-mpmath.inf, -10 * eps, 0, 10 * eps, mpmath.inf])
        pv = mpmath.quad(lambda x: (f(x) - f(-x)) / x, [0, mpmath.inf])
    return complex(lhs), complex(pv + 1j * mpmath.pi * f(0))


# ----------------------------------------------------------------------------- (33)-(34)
def pole_factor(kk: sp.Expr) -> sp.Expr:
    """1/(z + i(c|k| + Omega) - i Sigma), the resolvent of (32)."""
    return 1 / (z + sp.I * (c * kk + Omega) - sp.I * Sig)


def order_g2_iterate() -> sp.Expr:
    """Insert the zeroth iterate psi1^(0)(k') = delta(k' - k0) P(k') into the integral of (32) and
    sift with SymPy (radial stand-in for d^3k'): the O(g^2) term of psi1(k, z), cf. (33)-(34)."""
    psi0 = sp.DiracDelta(kp - k0) * pole_factor(kp)
    integral = sp.integrate(psi0 / (c * kp - Omega), (kp, 0, sp.oo))
    return sp.I * g ** 2 * pole_factor(k) * integral


def discrete_32(g_val: float, *, z_val: complex = 0.3 + 0.2j, Sigma_val: complex = 0.05 + 0.1j,
                c_val: float = 1.0, Omega_val: float = 1.0, n: int = 40,
                j0: int = 7) -> dict[str, np.ndarray]:
    """Numeric twin of (32)-(34): (32) on a radial grid (weights w_j stand in for d^3k', the grid
    avoids c k = Omega), delta(k - k0) -> e_{j0}/w_{j0}; solved exactly by a linear solve.
    Returns the grid, the exact psi1, the zeroth iterate (index j0 is k0) and (z, Sigma, c, Omega)."""
    if g_val < 0:
        raise InputError(f"coupling g={g_val!r} must be non-negative")
    kg = np.linspace(0.05, 2.9, n) + 0.013  # c k = Omega never on the grid
    w = np.full(n, kg[1] - kg[0])
    P = 1.0 / (z_val + 1j * (c_val * kg + Omega_val) - 1j * Sigma_val)
    delta = np.zeros(n)
    delta[j0] = 1.0 / w[j0]
    M = np.eye(n, dtype=complex) - 1j * g_val ** 2 * P[:, None] * (w / (c_val * kg - Omega_val))[None, :]
    psi = np.linalg.solve(M, P * delta)
    return {"k": kg, "psi": psi, "psi0": P * delta, "P": P, "k0": kg[j0], "j0": j0,
            "params": (z_val, Sigma_val, c_val, Omega_val)}


# ----------------------------------------------------------------------------- (58), (61)
@lru_cache(maxsize=1)  # called by more than one part of the claims
def reduced_generator_in_58() -> dict[str, sp.Matrix]:
    """(54) with rho = rho0 (1 + eta) (55), written in the variables (58) Psi = S (psi2, psi1),
    S = diag(sqrt2, sqrt rho0). D1, D2 stand for c(-Delta_{x_i})^{1/2}. Returns the full matrix,
    its eta = 0 part and the coefficient matrices of eta1 and eta2."""
    D1, D2, e1, e2 = sp.symbols("D1 D2 eta1 eta2")
    gp = sp.Symbol("g", positive=True)
    rho = lambda e: rho0 * (1 + e)  # noqa: E731
    M = sp.Matrix([[D1 + D2, gp / 2 * (rho(e1) + rho(e2))],
                   [2 * gp, (D1 + D2) / 2 + sp.Symbol("Omega", positive=True)]])
    S = sp.diag(sp.sqrt(2), sp.sqrt(rho0))
    MP = (S * M * S.inv()).applyfunc(sp.simplify)
    return {"M": MP, "A": MP.subs({e1: 0, e2: 0}), "B1": MP.diff(e1), "B2": MP.diff(e2)}


def lattice_generator_58(n: int = 5, *, g_val: float = 0.7, rho0_val: float = 1.3, c_val: float = 1.0,
                         Omega_val: float = 0.9, seed: int = 2) -> dict[str, float]:
    """Numeric twin of (58)-(61): the psi-variable generator of (54) on a periodic 1-D lattice per
    particle (:func:`two_photon_reduced.lattice_operators`, c|k| by DFT), rho = rho0 (1 + eta) with
    random eta; in the Psi variables (58) its eta = 0 part must be Hermitian and its eta part must
    equal (g sqrt(rho0)/sqrt2) diag(eta1 + eta2) (x) K."""
    _positive(rho0=rho0_val, c=c_val, Omega=Omega_val)
    if g_val < 0:
        raise InputError(f"coupling g={g_val!r} must be non-negative (Eq. (11))")
    rng = np.random.default_rng(seed)
    eta = rng.uniform(-0.5, 0.5, n)
    s = np.kron(eta, np.ones(n)) + np.kron(np.ones(n), eta)  # eta(x1) + eta(x2) on the grid
    N = n * n
    idn = np.eye(N)
    M = lattice_operators(n, c_val=c_val, Omega_val=Omega_val, g_val=g_val, rho=rho0_val * (1 + eta))["L54"]
    S = np.diag(np.concatenate([np.full(N, np.sqrt(2)), np.full(N, np.sqrt(rho0_val))]))
    MP = S @ M @ np.linalg.inv(S)
    M0 = MP.copy()
    M0[:N, N:] = np.sqrt(2) * g_val * np.sqrt(rho0_val) * idn
    K = np.array([[0.0, 1.0], [0.0, 0.0]])
    rand = np.kron(K, np.diag(s)) * g_val * np.sqrt(rho0_val) / np.sqrt(2)
    return {"herm_A": float(np.abs(M0 - M0.conj().T).max()),
            "herm_psi_vars": float(np.abs(M - M.conj().T).max()),
            "random_part": float(np.abs(MP - M0 - rand).max()),
            "scale": float(np.abs(MP).max())}


# ----------------------------------------------------------------------------- (65)-(67)
def wigner_marginals(eps: float = 0.4, *, x: tuple[float, float] = (0.3, -0.2), n: int = 96,
                     L: float = 24.0) -> dict[str, np.ndarray]:
    """Numeric twin of (64)-(67), one dimension per particle: W(x1,k1,x2,k2) of a non-factorising
    two-component Psi by 2-D quadrature over (x1', x2') on a grid, then integrated over (k1, k2)
    on a grid. Returns int dk W (2x2) and Psi(x) Psi(x)^dagger, plus max |Im W| per entry."""
    _positive(eps=eps)

    def packet(x1, x2, a, p, s):
        return np.exp(-((x1 - a[0]) ** 2 + (x2 - a[1]) ** 2) / (2 * s ** 2) + 1j * (p[0] * x1 + p[1] * x2))

    def Psi(x1, x2):  # components: sqrt2 psi2 (symmetric) and sqrt(rho0) psi1 (anything)
        u = packet(x1, x2, (0.4, -0.5), (0.8, -0.3), 1.0) + packet(x1, x2, (-0.5, 0.4), (-0.3, 0.8), 1.0)
        v = (0.7 * packet(x1, x2, (0.1, 0.6), (1.1, 0.2), 0.8)
             - 0.4j * packet(x1, x2, (-0.7, 0.0), (0.0, -0.9), 1.2))
        return np.stack([u, v])

    xp = np.linspace(-L / 2, L / 2, n)
    dx = xp[1] - xp[0]
    X1, X2 = np.meshgrid(xp, xp, indexing="ij")
    minus = Psi(x[0] - eps * X1 / 2, x[1] - eps * X2 / 2)
    plus = Psi(x[0] + eps * X1 / 2, x[1] + eps * X2 / 2).conj()
    F = np.einsum("iab,jab->ijab", minus, plus)  # Psi(x - eps x'/2) Psi^dagger(x + eps x'/2)
    kmax = np.pi / dx
    kg = np.linspace(-kmax, kmax, n, endpoint=False)
    dk = kg[1] - kg[0]
    E = np.exp(-1j * np.outer(kg, xp)) * dx / (2 * np.pi)
    W = np.einsum("ka,lb,ijab->ijkl", E, E, F)  # W[i, j, k1, k2]
    marg = W.sum(axis=(2, 3)) * dk * dk
    P0 = Psi(np.array(x[0]), np.array(x[1]))
    return {"marginal": marg, "PsiPsi": np.outer(P0, P0.conj()),
            "imag_max": np.abs(W.imag).max(axis=(2, 3)), "scale": np.abs(W).max()}


# ----------------------------------------------------------------------------- (70), (76), (72)
def inverse_kernel() -> dict[str, sp.Expr]:
    """(70)/(76) forward e^{-i x k'} with the inverse measure d k'/(2 pi) e^{i x k'} of (68)/(73):
    inverse(forward f)(y) = int dx f(x) kernel(y - x) with kernel(u) = int dk/(2 pi) e^{i k u}.
    SymPy computes the Gaussian-regularised kernel (e^{-delta k^2}), its total weight and its
    pointwise limit delta -> 0+ away from u = 0: a unit delta means the conventions agree."""
    kk, u = sp.symbols("k u", real=True)
    d = sp.Symbol("delta", positive=True)
    ker = sp.integrate(sp.exp(sp.I * kk * u - d * kk ** 2), (kk, -sp.oo, sp.oo), conds="none") / (2 * sp.pi)
    return {"weight": sp.simplify(sp.integrate(ker, (u, -sp.oo, sp.oo))),
            "off_zero": sp.limit(ker.subs(u, sp.Rational(1, 2)), d, 0, "+")}


def fourier_roundtrip_grid(two_scale: bool = False, n: int = 201) -> float:
    """Numeric twin of (70) (or (76), one slow and one fast variable): forward transform by
    quadrature on a grid, inverse with the (2 pi)^-1-per-variable measure of (68)/(73); returns the
    max error of the round trip against the original Gaussian."""
    x = np.linspace(-12.0, 12.0, n)
    dx = x[1] - x[0]
    kg = np.linspace(-np.pi / dx, np.pi / dx, n)
    dk = kg[1] - kg[0]
    fwd = np.exp(-1j * np.outer(kg, x)) * dx
    inv = np.exp(1j * np.outer(x, kg)) * dk / (2 * np.pi)
    if two_scale:
        xs, Xs = x[:, None], x[None, :]
        f = np.exp(-((xs - 1 / 3) ** 2) / 2 - (Xs + 0.25) ** 2 + 0.3 * xs * Xs)
        back = inv @ (fwd @ f @ fwd.T) @ inv.T
    else:
        f = np.exp(-((x - 1 / 3) ** 2) / 2)
        back = inv @ (fwd @ f)
    return float(np.abs(back - f).max())


def two_scale_derivative() -> tuple[sp.Expr, sp.Expr]:
    """(72): d/dx of F(x, X = x/eps) by SymPy for a concrete F, and the printed replacement
    (d_x + d_X/eps) F evaluated at X = x/eps."""
    x, X = sp.symbols("x X", real=True)
    e = sp.Symbol("epsilon", positive=True)
    F = sp.sin(2 * x) * sp.exp(-X ** 2) * sp.cos(x * X)
    derived = sp.diff(F.subs(X, x / e), x)
    printed = (sp.diff(F, x) + sp.diff(F, X) / e).subs(X, x / e)
    return printed, derived


# ----------------------------------------------------------------------------- (119)
def green_kubo_diffusion() -> sp.Expr:
    """(117)-(119): particle 2 of (110) moves with speed c f2 and is redirected isotropically at
    the rate c mu2 ((1/c) d_t a + f2 k.grad a + mu2 a = mu2 int A a). Its velocity correlation is
    <v(0).v(t)> = (c f2)^2 e^{-c mu2 t}; the diffusion coefficient per axis is the Green-Kubo
    integral (1/3) int_0^oo <v(0).v(t)> dt (SymPy)."""
    cc, f2, mu2, t = sp.symbols("c f2 mu2 t", positive=True)
    return sp.integrate((cc * f2) ** 2 * sp.exp(-cc * mu2 * t), (t, 0, sp.oo)) / 3


# ----------------------------------------------------------------------------- (120)-(122)
@lru_cache(maxsize=1)  # called by more than one part of the claims
def initial_norm_closed_form() -> sp.Expr:
    """(122): C^2 = ||e^{-|x1-r1|^2/2l^2} e^{-|x2-r2|^2/2l^2} + (r1 <-> r2)||^2 in R^3 x R^3,
    computed by SymPy per Cartesian axis (the Gaussians factorise over the 3 axes); returned in
    terms of R = |r1 - r2| (the per-axis separations enter only through sum of squares)."""
    u = sp.Symbol("u", real=True)
    ls = sp.Symbol("l_s", positive=True)
    R = sp.Symbol("R", nonnegative=True)
    a = R / sp.sqrt(3)  # equal separations on the three axes: |r1 - r2| = R
    gsn = lambda y, c0: sp.exp(-(y - c0) ** 2 / (2 * ls ** 2))  # noqa: E731
    diag = sp.integrate(gsn(u, 0) ** 2, (u, -sp.oo, sp.oo))  # one particle, one axis
    cross = sp.integrate(gsn(u, 0) * gsn(u, a), (u, -sp.oo, sp.oo))
    # ||A + B||^2 = 2 <A, A> + 2 <A, B>; each is (one particle, one axis)^(2 particles x 3 axes)
    return sp.simplify(2 * diag ** 6 + 2 * cross ** 6)


def initial_norm_quadrature(ls_val: float, R_val: float, n: int = 161) -> float:
    """Numeric twin of (122) in 1-D-per-axis form: the 2-particle x 1-axis norm by a 2-D trapezoid
    sum, raised to the product over 3 axes for the two terms separately."""
    _positive(l_s=ls_val)
    a = R_val / np.sqrt(3)  # the same separation on each axis gives |r1 - r2| = R
    y = np.linspace(-10 * ls_val - a, 10 * ls_val + a, n)
    dy = y[1] - y[0]
    Y1, Y2 = np.meshgrid(y, y, indexing="ij")
    gs = lambda u, c0: np.exp(-(u - c0) ** 2 / (2 * ls_val ** 2))  # noqa: E731
    A = gs(Y1, 0.0) * gs(Y2, a)
    B = gs(Y1, a) * gs(Y2, 0.0)
    AA = (A * A).sum() * dy * dy
    AB = (A * B).sum() * dy * dy
    return float(2 * AA ** 3 + 2 * AB ** 3)


# ----------------------------------------------------------------------------- (21)-(22)
def transform_rules_1d() -> dict[str, sp.Expr]:
    """Fourier bookkeeping behind (21)-(22) with the convention (7), one dimension per variable
    (the 3-D factors are cubes). Rule A: FT_{x1,x2}[delta(x1) f(x1, x2)](k1, k2) / FT_x[f(0, x)](k2)
    (the factor multiplying psi1(k) in (21)); rule B: FT_x[f(0, x)](k) / int dk' FT[f](k', k)
    (the measure that must multiply int dk' psi2(k', k) in (22)). SymPy on Gaussians."""
    x1, x2, q1, q2 = sp.symbols("x1 x2 q1 q2", real=True)
    u = sp.exp(-x1 ** 2) * (1 + x1)  # f(x1, x2) = u(x1) v(x2)
    v = sp.exp(-2 * x2 ** 2)
    ft = lambda expr, x, q: sp.integrate(expr * sp.exp(-sp.I * q * x), (x, -sp.oo, sp.oo), conds="none")  # noqa: E731
    lhs_a = sp.integrate(sp.DiracDelta(x1) * u * sp.exp(-sp.I * q1 * x1), (x1, -sp.oo, sp.oo)) * ft(v, x2, q2)
    rule_a = sp.simplify(lhs_a / (u.subs(x1, 0) * ft(v, x2, q2)))
    rule_b = sp.simplify(u.subs(x1, 0) / sp.integrate(ft(u, x1, q1), (q1, -sp.oo, sp.oo), conds="none"))
    return {"rule_a": rule_a, "rule_b": rule_b}


def rule_b_quadrature(n: int = 401) -> float:
    """Numeric twin of rule B: u(0) / int dk' u~(k') with u~ of (7) by grid quadrature, u = (1+x)e^{-x^2}."""
    x = np.linspace(-10.0, 10.0, n)
    dx = x[1] - x[0]
    kg = np.linspace(-np.pi / dx, np.pi / dx, n)
    u = (1 + x) * np.exp(-x ** 2)
    uh = np.exp(-1j * np.outer(kg, x)) @ u * dx
    return float((1.0 / (np.trapezoid(uh, kg))).real)


# ----------------------------------------------------------------------------- (6)-(7)
def half_laplacian_squared() -> sp.Expr:
    """(6)-(7) in 1-D: FT[-f''] / FT[f] for f = e^{-x^2/2} (SymPy); (-Delta)^{1/2} applied twice
    multiplies FT[f] by |k| |k|, so this must be k^2."""
    x, kk = sp.symbols("x k", real=True)
    f = sp.exp(-x ** 2 / 2)
    ft = lambda e: sp.integrate(e * sp.exp(-sp.I * kk * x), (x, -sp.oo, sp.oo), conds="none")  # noqa: E731
    return sp.simplify(ft(-sp.diff(f, x, 2)) / ft(f))


def half_laplacian_twin(n: int = 256) -> float:
    """Numeric twin of (6)-(7): (-Delta)^{1/2} by (7) then (6) as grid quadratures, applied twice to
    e^{-x^2/2}, against -f'' = (1 - x^2) e^{-x^2/2}; returns the max error."""
    x = np.linspace(-14.0, 14.0, n, endpoint=False)
    dx = x[1] - x[0]
    kg = 2 * np.pi * np.fft.fftfreq(n, d=dx)
    fwd = np.exp(-1j * np.outer(kg, x)) * dx
    inv = np.exp(1j * np.outer(x, kg)) * (2 * np.pi / (n * dx)) / (2 * np.pi)
    half = inv @ np.diag(np.abs(kg)) @ fwd
    f = np.exp(-x ** 2 / 2)
    return float(np.abs(half @ (half @ f) - (1 - x ** 2) * f).max())


# ----------------------------------------------------------------------------- (97)-(99)
@lru_cache(maxsize=1)  # called by more than one part of the claims
def full_generator_in_36() -> dict[str, sp.Matrix]:
    """(97) with rho = rho0 (1 + eta) (55) acting on (psi2, psi1(x1,x2), psi1(x2,x1), a), written in
    the variables (36) Psi = S (...), S = diag(sqrt2, sqrt(rho0/2), sqrt(rho0/2), sqrt2 rho0).
    D1, D2 stand for c(-Delta_{x_i})^{1/2}. Returns the full matrix and its eta = 0 part."""
    D1, D2, e1, e2 = sp.symbols("D1 D2 eta1 eta2")
    gp, Op = sp.Symbol("g", positive=True), sp.Symbol("Omega", positive=True)
    r1, r2 = rho0 * (1 + e1), rho0 * (1 + e2)
    M = sp.Matrix([[D1 + D2, gp / 2 * r1, gp / 2 * r2, 0],
                   [2 * gp, D2 + Op, 0, -2 * gp * r2],  # psi1(x1, x2): atom at x1, photon at x2
                   [2 * gp, 0, D1 + Op, 2 * gp * r1],  # psi1(x2, x1); a(x2, x1) = -a(x1, x2)
                   [0, -gp / 2, gp / 2, 2 * Op]])
    S = sp.diag(sp.sqrt(2), sp.sqrt(rho0 / 2), sp.sqrt(rho0 / 2), sp.sqrt(2) * rho0)
    MP = (S * M * S.inv()).applyfunc(sp.simplify)
    return {"M": MP, "A": MP.subs({e1: 0, e2: 0})}


def lattice_generator_36(n: int = 4, *, g_val: float = 0.6, rho0_val: float = 1.7, c_val: float = 1.0,
                         Omega_val: float = 0.8) -> dict[str, float]:
    """Numeric twin of (98)-(99): (97) at eta = 0 on a periodic 1-D lattice per particle; in the
    variables (36) the generator must be Hermitian (it is not in the amplitude variables)."""
    _positive(rho0=rho0_val, c=c_val, Omega=Omega_val)
    if g_val < 0:
        raise InputError(f"coupling g={g_val!r} must be non-negative (Eq. (11))")
    F = np.fft.fft(np.eye(n)) / np.sqrt(n)
    kf = 2 * np.pi * np.fft.fftfreq(n)
    D = F.conj().T @ np.diag(c_val * np.abs(kf)) @ F
    one = np.eye(n)
    D1, D2 = np.kron(D, one), np.kron(one, D)
    idn, zero = np.eye(n * n), np.zeros((n * n, n * n))
    g, r, O = g_val, rho0_val, Omega_val
    M = np.block([[D1 + D2, g / 2 * r * idn, g / 2 * r * idn, zero],
                  [2 * g * idn, D2 + O * idn, zero, -2 * g * r * idn],
                  [2 * g * idn, zero, D1 + O * idn, 2 * g * r * idn],
                  [zero, -g / 2 * idn, g / 2 * idn, 2 * O * idn]])
    scale = (np.sqrt(2), np.sqrt(r / 2), np.sqrt(r / 2), np.sqrt(2) * r)
    s = np.concatenate([np.full(n * n, v) for v in scale])
    MP = s[:, None] * M / s[None, :]
    return {"herm_36": float(np.abs(MP - MP.conj().T).max()),
            "herm_amplitudes": float(np.abs(M - M.conj().T).max())}


# ----------------------------------------------------------------------------- (77)/(110)
def collision_conservation(k_val: float = 1.7, lc: float = 0.6, n_theta: int = 24, n_phi: int = 48,
                           seed: int = 3, normalise: bool = True) -> dict[str, float]:
    """(77)/(110) with the phase function (80)/(115) for a Gaussian spectrum Chat(q) = e^{-lc^2 q^2/4}:
    the scattering term mu (int dk' A(k, k') a(k') - a(k)) integrated over the sphere must vanish
    for any a (probability is conserved, as in the transport equation (1)). Product Gauss-Legendre
    (cos theta) x uniform (phi) rule; a is a random smooth anisotropic function. ``normalise=False``
    drops the denominator of (80) (a kernel that does not conserve, for tests)."""
    _positive(k=k_val, lc=lc)
    xg, wg = np.polynomial.legendre.leggauss(n_theta)
    ph = 2 * np.pi * np.arange(n_phi) / n_phi
    ct = np.repeat(xg, n_phi)
    st = np.sqrt(1 - ct ** 2)
    pp = np.tile(ph, n_theta)
    w = np.repeat(wg, n_phi) * (2 * np.pi / n_phi)
    kh = np.stack([st * np.cos(pp), st * np.sin(pp), ct], axis=1)
    q2 = k_val ** 2 * np.sum((kh[:, None, :] - kh[None, :, :]) ** 2, axis=2)
    Cq = np.exp(-lc ** 2 * q2 / 4)
    A = Cq / (Cq @ w)[:, None] if normalise else Cq  # (80): normalised over the second argument
    rng = np.random.default_rng(seed)
    coef = rng.normal(size=4)
    a = np.exp(coef[0] * kh[:, 0] + coef[1] * kh[:, 1] + coef[2] * kh[:, 2]) + coef[3] ** 2
    gain = A @ (w * a)
    return {"net": float(w @ (gain - a)), "total": float(w @ a),
            "norm_first_arg": float(np.abs(w @ A - 1).max())}


def walker_msd(speed: float, rate: float, t_end: float, n: int = 4000, seed: int = 7) -> tuple[float, float]:
    """Mean squared displacement (and its standard error) of ``n`` persistent 3-D walkers of
    :func:`symlight.models.two_photon_transport_mc.walk` at ``t_end``."""
    from symlight.models.two_photon_transport_mc import walk

    pos = walk(speed, rate, t_end, n, np.random.default_rng(seed))
    r2 = np.sum(pos ** 2, axis=1)
    return float(r2.mean()), float(r2.std() / np.sqrt(n))


# ----------------------------------------------------------------------------- (68)/(74) random term
def random_term_matrix_twin(*, eps: float = 0.5, q0: float = 0.9, x: float = 0.37,
                            ks: tuple[float, ...] = (-0.8, 0.1, 0.9), n: int = 801,
                            second: float = 1.0, K: np.ndarray | None = None) -> dict[str, float]:
    """Numeric twin of the random terms of (68) and (74)-(75) with the non-symmetric matrix K of (61):
    for i eps d_t Psi = eta(x/eps) K Psi, eta(y) = cos(q0 y) (eta_hat = pi[delta(q - q0) + delta(q + q0)]),
    the rate of W (64) computed directly, (1/2pi) int dx' e^{-ikx'} [eta(x_-/eps) K F - F K^T eta(x_+/eps)],
    F = Psi(x_-) Psi^dagger(x_+), x_-+ = x -+ eps x'/2, against the form
    (1/2) sum_+- e^{+-i q0 x/eps} [K W(k +- q0/2) - W(k -+ q0/2) K^T] built from W itself.
    ``second`` multiplies the W K^T term of the form (``0`` mimics (74) with W1 -> 0 there); ``K``
    (default (61)) may be any real square matrix, e.g. K1 of (100) for (106).
    Returns the max deviation and the scale (1-D, one particle, two components)."""
    _positive(eps=eps)
    K = np.array([[0.0, 1.0], [0.0, 0.0]]) if K is None else np.asarray(K, float)
    if K.ndim != 2 or K.shape[0] != K.shape[1]:
        raise InputError(f"K must be a square matrix, got shape {K.shape}")
    m = K.shape[0]

    def Psi(y):
        return np.stack([(0.6 + 0.2 * j) * np.exp(-(y - 0.3 + 0.25 * j) ** 2 / (1.5 + 0.3 * j)
                                                  + (0.7 - 0.4 * j) * 1j * y) for j in range(m)])

    xp = np.linspace(-30.0, 30.0, n)
    dx = xp[1] - xp[0]
    xm, xpl = x - eps * xp / 2, x + eps * xp / 2
    F = np.einsum("ia,ja->ija", Psi(xm), Psi(xpl).conj())
    eta = lambda y: np.cos(q0 * y)  # noqa: E731

    def W(k):
        return (F * np.exp(-1j * k * xp)).sum(axis=-1) * dx / (2 * np.pi)

    dev, scale = 0.0, 0.0
    for k in ks:
        ph = np.exp(-1j * k * xp) * dx / (2 * np.pi)
        direct = (np.einsum("ij,jla->ila", K, F * eta(xm / eps))
                  - np.einsum("ila,jl->ija", F * eta(xpl / eps), K)) @ ph
        form = sum(0.5 * np.exp(s * 1j * q0 * x / eps)
                   * (K @ W(k + s * q0 / 2) - second * W(k - s * q0 / 2) @ K.T) for s in (1, -1))
        dev = max(dev, float(np.abs(direct - form).max()))
        scale = max(scale, float(np.abs(direct).max()))
    return {"deviation": dev, "scale": scale}
