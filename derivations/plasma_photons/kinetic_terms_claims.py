"""Light–matter kinetic terms of seed 001 derived from the Hamiltonian (1)-(11).

Equations: the M part of (12); the correlator equations (112)-(113) (Heisenberg equations with the
App. A factorisation, ``symlight.algebra``); C^(1) (38)/(131) exactly and its first order (46);
Λ^(1) (124)-(125), its trace (35), the semiclassical (42) and the source S of (66); the Compton
terms (126), (132), the local kernel (133) and the high-frequency limits (135), (136) with the
decay term of (49).

Derivations (``symlight.models.plasma_kinetic_terms``): C^(1) as the Moyal bracket of the exact
Weyl symbol −(Q/m)ħk·A of the paramagnetic coupling, checked independently with Weyl-ordered
operators (McCoy); the photon and plasma terms by evaluating the correlator equations directly on
sparse plane-wave correlators in a periodic box with explicit transverse polarisation vectors, then
Wigner-transforming (121). Printed forms are transcribed as data (their operators applied by the
phase-space engine or as shifts, the shift rule itself checked against the engine's series).
"""

from __future__ import annotations

import math

import mpmath as mp
import sympy as sp
from scipy.integrate import dblquad

from symlight.checks import Claim, ClaimBook
from symlight.models import plasma_kinetic_terms as pk
from symlight.phasespace import weyl_quantize

TOPIC, SOURCE = "plasma-photons", "001_acf7c75771656388.txt"

hbar, Q, m = pk.hbar, pk.Q, pk.m
x, y, z, t = sp.symbols("x y z t", real=True)
kx, ky, kz = sp.symbols("k_x k_y k_z", real=True)
px, py = sp.symbols("p_x p_y", real=True)
DPS = 30


# ----------------------------------------------------------------------------- C^(1)
def _claims_38_131(book: ClaimBook) -> None:
    stream = x**2 * y / 3 + y**3 / 5 - x * y + x**3 / 7          # A = ∇×(ψ ẑ): ∇·A = 0 (Eq. (3))
    A = [sp.diff(stream, y), -sp.diff(stream, x)]
    Wp = x * px**2 + y**2 * py - px * py * x * y + py**3 / 2 + x**2 * px
    Wk = Wp.subs({px: hbar * kx, py: hbar * ky})
    exact = pk.linear_matter_exact(Wk, A, [x, y], [kx, ky])
    printed = pk.linear_matter_printed(Wk, A, [x, y], [kx, ky], order=4)
    book.equal("38", "C^(1) of (38)/(131) (cos/sin series with arrows, summed exactly) equals −𝒦[W, h] with "
               "h = −(Q/m)ħk·A the Weyl symbol of the paramagnetic coupling (8) (2-D, polynomial W, "
               "solenoidal polynomial A)", printed, exact)
    # independent: Weyl-ordered operators (McCoy), Op(C^(1)) = (iħ)⁻¹[ĥ, Ŵ] with ĥ = −(Q/m)A·p̂
    f = sp.Function("f")(x, y)

    def h_op(g):
        return -(Q / m) * sum(a * (-sp.I * hbar * sp.diff(g, v)) for a, v in zip(A, (x, y), strict=True))

    W_op = weyl_quantize(Wp, [x, y], [px, py], hbar)
    comm = sp.expand((h_op(W_op(f)) - W_op(h_op(f))) / (sp.I * hbar))
    printed_p = sp.expand(printed.subs({kx: px / hbar, ky: py / hbar}))
    book.equal("131", "Weyl quantisation of the printed C^(1) (137) equals the commutator "
               "(iħ)⁻¹[−(Q/m)A(x̂)·p̂, Ŵ] (McCoy-ordered operators, no Moyal series)",
               weyl_quantize(printed_p, [x, y], [px, py], hbar)(f), comm)


def _claims_46(book: ClaimBook) -> None:
    rs, ks = (x, y, z), (kx, ky, kz)
    Af = [sp.Function(f"A_{c}")(x, y, z, t) for c in "xyz"]
    Wf = sp.Function("W")(x, y, z, kx, ky, kz)
    derived = pk.linear_matter_exact(Wf, Af, rs, ks, order=1)
    printed = pk.lorentz_first_order_printed(Wf, Af, rs, ks, t)
    v = [hbar * kk / m for kk in ks]
    dAdt = [sp.diff(a, t) + sum(vi * sp.diff(a, r) for vi, r in zip(v, rs, strict=True)) for a in Af]
    gap = (Q / hbar) * sum(d * sp.diff(Wf, kk) for d, kk in zip(dAdt, ks, strict=True))
    book.equal("46", "printed (46) − first order of the derived C^(1) is (Q/ħ)(∂_tA + (v·∇)A)·∇_kW "
               "(the E + v×B of (46) replaces the canonical-momentum force (Q/m)[(p·∇)A + p×B] of (143))",
               sp.expand(printed - derived), sp.expand(gap))
    # explicit solenoidal A(r, t) and W: the printed form is not the first order of (38)
    psi = [sp.sin(t) * y * z, x * z**2 / 3 + t * x, sp.cos(t) * x * y]               # A = ∇×ψ
    A = [sp.diff(psi[2], y) - sp.diff(psi[1], z), sp.diff(psi[0], z) - sp.diff(psi[2], x),
         sp.diff(psi[1], x) - sp.diff(psi[0], y)]
    W = sp.exp(-(x**2 + y**2 + z**2) / 2 - (kx - 1)**2 - ky**2 / 2 - (kz + sp.Rational(1, 2))**2)
    vals = {hbar: sp.Rational(7, 10), Q: sp.Rational(13, 10), m: sp.Rational(9, 10)}
    explicit = dict(zip(Af, A, strict=True))
    book.equal("46", "first order (semiclassical) of C^(1): printed (46) vs the derived first order, "
               "explicit solenoidal A(r,t) and Gaussian W",
               printed.subs(explicit).subs(Wf, W).doit().subs(vals),
               derived.subs(explicit).subs(Wf, W).doit().subs(vals),
               domains={s: (-1.0, 1.0) for s in (x, y, z, t, kx, ky, kz)}, samples=4)
    # decision: uniform A(t) = A₀ sin t x̂. Exact: [p̂, (p̂ − QA(t))²/2m] = 0, canonical momentum
    # is conserved; printed (46) gives d⟨ħk_x⟩/dt = QE_x ∫∫W.
    xx, kk = sp.symbols("x k", real=True)
    A0 = sp.Rational(3, 4)
    At = A0 * sp.sin(t)
    g = sp.Function("g")(xx)
    H = (lambda u: ((-sp.I * hbar * sp.diff(u, xx)) - Q * At * u))
    Hop = (lambda u: H(H(u)) / (2 * m))
    pop = (lambda u: -sp.I * hbar * sp.diff(u, xx))
    comm = sp.simplify(sp.expand(pop(Hop(g)) - Hop(pop(g))))          # [p̂, Ĥ] g
    W1 = sp.exp(-xx**2 - (kk - 1)**2) / (2 * sp.pi)
    E = -sp.diff(At, t)
    c1_printed = Q / m * At * sp.diff(W1, xx) - Q * E * sp.diff(W1, kk) / hbar      # (46), 1-D, B = 0
    t0 = sp.Rational(1, 3)
    integrand = sp.lambdify((kk, xx), (hbar * kk * c1_printed).subs(vals).subs(t, t0), "math")
    pr = dblquad(integrand, -12, 12, -12, 12, epsabs=1e-13)[0]      # Gaussian: tails < e⁻¹²⁰
    de = float(sp.simplify(comm / g).subs(vals).subs(t, t0))       # d⟨p̂⟩/dt = ⟨[p̂,Ĥ]⟩/(iħ) = 0
    book.close("46", "decision: uniform A(t) (E ≠ 0, B = 0): d⟨ħk⟩/dt from printed (46) vs the exact "
               "⟨[p̂, Ĥ]⟩/(iħ) = 0 (Gaussian W, t = 1/3)", [pr], [de], atol=1e-12,
               how=f"printed gives QE_x∫∫W = {pr:.6g}; the commutator is {comm}")


# ----------------------------------------------------------------------------- photon Λ^(1)
def _half(v):
    return tuple(mp.mpf(a) / 2 for a in v)


def _lambda1_setup(K1, K2, particles, frak, p):
    V = pk.VOLUME
    Wc = {}
    for n, c in particles:
        Wc[(n, tuple(a + b for a, b in zip(n, K1, strict=True)))] = V * mp.mpf(c)
    _, J = pk.current_amplitude(Wc, p)
    kv = pk._vec(K2)
    amp = pk._add(frak, pk._scale(kv, pk._dot(frak, kv) / pk._dot(kv, kv)), -1)   # transverse to K2
    Ck = mp.sqrt(2 * p.eps0 * pk.omega_k(K2, p) * V / p.hbar)                     # C_k of (107)
    eps = pk.polarizations(K2)
    Amodes = {tuple(K2): (Ck * pk._dot(eps[0], amp), Ck * pk._dot(eps[1], amp))}
    Efield = pk._scale(amp, 1j * pk.omega_k(K2, p))                                 # E⁽⁺⁾ = iω A⁽⁺⁾
    k = tuple(mp.mpf(b - a) / 2 for a, b in zip(K1, K2, strict=True))
    return Wc, J, Amodes, Efield, k


def _claims_124(book: ClaimBook) -> None:
    p = pk.Params()
    V = pk.VOLUME
    K1, K2 = (-3, 1, 2), (2, 1, -1)
    frak = (mp.mpf("0.3"), mp.mpf("-0.8"), mp.mpf("0.45"))
    Wc, J, Amodes, Ef, k = _lambda1_setup(K1, K2, [((1, 0, 0), "0.7"), ((0, 2, 1), "-0.4"),
                                                   ((-1, 1, 3), "0.25")], frak, p)
    r = (mp.mpf("0.3"), mp.mpf("0.1"), mp.mpf("-0.2"))
    der = pk.wigner_of_rate(pk.lambda1_modes(Wc, Amodes, p), k, r, 4)
    phase = mp.expj(pk._dot(pk._add(K1, K2), r))
    pr = pk.lambda1_printed_124(K1, J, K2, Ef, k, p) * V * phase
    book.close("124", "Λ^(1)_{μμ'} of (124)-(125) equals the Wigner transform (121) of the M-part of the "
               "correlator equation (112) (plane-wave current at K1 = (−3,1,2), transverse field at "
               "K2 = (2,1,−1), explicit polarisation vectors, 30 digits)",
               [complex(v) for v in pr], [complex(v) for v in der], rtol=1e-20)
    book.close("35", "(35): the polarisation trace Σ_μ of (124)-(125) equals the trace of the derived "
               "Λ^(1)_{μμ}", [complex(pr[0, 0] + pr[1, 1])], [complex(der[0, 0] + der[1, 1])], rtol=1e-20)
    # (42): zeroth order (U → 1/ω_k) — slow modulation q = K1 + K2 ≪ k on the lattice
    q = (2, 0, -2)
    rels = []
    for s in (16, 64, 256):
        kk = (3 * s, s, 2 * s)
        K1s = tuple(-a + b // 2 for a, b in zip(kk, q, strict=True))
        K2s = tuple(a + b // 2 for a, b in zip(kk, q, strict=True))
        d = (s, 1 - 3 * s, 0)                       # d·K1 = 0: J ∝ d is purely transverse to K1
        Wc, J, Amodes, Ef, k = _lambda1_setup(K1s, K2s, [(d, "1"), ((0, 0, 0), "-1")], frak, p)
        der = pk.wigner_of_rate(pk.lambda1_modes(Wc, Amodes, p), k, (0, 0, 0), 2)
        pr42 = pk.lambda1_printed_42(K1s, J, K2s, Ef, k, p) * V
        rels.append((s, der[0, 0] + der[1, 1], pr42))
    s, d, p42 = rels[-1]
    table = ", ".join(f"k/q={s_}: {float(abs(p_ - d_) / abs(d_)):.2e}" for s_, d_, p_ in rels)
    book.close("42", "(42) (U → 1/ω_k, j·E) is the slow-modulation limit of the trace of the derived Λ^(1) "
               "(current transverse to K1; k = s(3,1,2), q = K1+K2 = (2,0,−2), s = 256)",
               [complex(p42)], [complex(d)], rtol=3e-3, how="relative difference vs k/q: " + table)
    # longitudinal current J ∥ K1: (112) gives no photons at any order (𝓐_{−K1}·J = 0); (42) does
    vals = []
    for s in (16, 64, 256):
        kk = (3 * s, s, 2 * s)
        K1s = tuple(-a + b // 2 for a, b in zip(kk, q, strict=True))
        K2s = tuple(a + b // 2 for a, b in zip(kk, q, strict=True))
        Wc, J, Amodes, Ef, k = _lambda1_setup(K1s, K2s, [((0, 0, 0), "1")], frak, p)
        der = pk.wigner_of_rate(pk.lambda1_modes(Wc, Amodes, p), k, (0, 0, 0), 2)
        pr42 = pk.lambda1_printed_42(K1s, J, K2s, Ef, k, p) * V
        scale = mp.sqrt(abs(pk._dot(J, J)) * abs(pk._dot(Ef, tuple(mp.conj(e) for e in Ef)))) \
            / (p.hbar * pk.omega_k(k, p)) * V
        vals.append((s, der[0, 0] + der[1, 1], pr42, scale))
    slope = math.log(float(abs(vals[-1][2] / vals[-1][3])) / float(abs(vals[0][2] / vals[0][3]))) \
        / math.log(vals[-1][0] / vals[0][0])
    book.close("42", "longitudinal current (J ∥ K1, one particle at (j+½)K1): the derived Λ^(1) vanishes; "
               "printed (42) does not (relative to |J||E|/ħω_k)",
               [complex(v[2] / v[3]) for v in vals], [complex(v[1] / v[3]) for v in vals], atol=1e-12,
               how=f"printed/(|J||E|V/ħω) at k/q = 16, 64, 256 falls with slope {slope:.3f}: a first-order "
                   "(gradient) error, while the paper states the corrections are ≥ 2nd order")


def _claims_S(book: ClaimBook) -> None:
    p = pk.Params(hbar=1.0, c=1.0, wp=1.2)
    kappas = (mp.mpf("0.7"), mp.mpf("2.5"))
    J, Ef = (mp.mpf("0.4"), mp.mpf("-1.1"), mp.mpf("0.3")), (mp.mpf("0.9"), mp.mpf("0.2"), mp.mpf("0.5"))
    derived = []
    for kap in kappas:                       # (1/V)Σ_k V δ_{k,κ}(...) of (42), per unit −J·𝔈
        K1, K2 = (-kap + mp.mpf("0.1"), mp.mpf("0.2"), 0), (kap + mp.mpf("0.1"), mp.mpf("0.2"), 0)
        derived.append(-pk.lambda1_printed_42(K1, J, K2, Ef, (kap, 0, 0), p) / pk._dot(J, Ef))
    printed = [pk.photon_source_printed_66_factor(kap, p) for kap in kappas]
    book.close("66", "source S: Σ_k/V of Λ^(1) of (42) on plane waves j = Je^{iK1·r}, E = 𝔈e^{iK2·r} gives "
               "S = −J·𝔈 e^{i(K1+K2)·r}/(ħω_κ) + c.c., κ = (K2−K1)/2; printed (66) gives −J·𝔈 ũ(κ) with "
               "ũ the Fourier transform of the printed u(r) (mpmath quadrature, ħ = c = 1, ω_p = 6/5)",
               [float(v) for v in printed], [float(v) for v in derived], rtol=1e-10,
               how=f"ratio printed/derived = {float(printed[0] / derived[0]):.12f}, "
                   f"{float(printed[1] / derived[1]):.12f}")


# ----------------------------------------------------------------------------- Compton Λ^(2)
def _F(k):
    k = pk._vec(k)
    g = 1 / (1 + pk._dot(k, k) / mp.mpf(400))
    return mp.matrix([[g * (1 + k[0] / 50), g * mp.mpf("0.2")], [g * mp.mpf("0.2"), g * (1 - k[1] / 70)]])


def _F_diag(k):
    k = pk._vec(k)
    g = (1 + k[0] / 50) / (1 + pk._dot(k, k) / mp.mpf(400))
    return mp.matrix([[g, 0], [0, g]])


def _compton_exact(K, P, k, r, p, real: bool = False, F=_F):
    """Wigner transform of the D-part of (112) for n = e^{iK·r} (or cos K·r), 𝒩 = e^{iP·r}F(k)
    (or cos P·r F(k)): W_{k1,k2} on two 'particles', N_{k1,k2} = δ_{k2−k1,±P} F((k1+k2)/2)."""
    V = pk.VOLUME
    Ks = [tuple(K)] + ([tuple(-a for a in K)] if real else [])
    Ps = [tuple(P)] + ([tuple(-a for a in P)] if real else [])
    Wc = {}
    for KK in Ks:
        for n, c in (((0, 0, 0), mp.mpf("0.6")), ((1, -2, 0), mp.mpf("0.4"))):
            key = (n, tuple(a + b for a, b in zip(n, KK, strict=True)))
            Wc[key] = Wc.get(key, 0) + V * c / len(Ks)

    def N(k1, k2):
        d = tuple(b - a for a, b in zip(k1, k2, strict=True))
        if d in Ps:
            return F(tuple(mp.mpf(a + b) / 2 for a, b in zip(k1, k2, strict=True))) / len(Ps)
        return None
    qbox = max(abs(a) + abs(b) for a, b in zip(K, P, strict=True))
    return pk.wigner_of_rate(pk.compton_modes(Wc, N, p), k, r, qbox)


def _rel(a, b):
    return float(mp.mnorm(a - b, 1) / mp.mnorm(b, 1))


def _flat(mat):
    return [complex(mat[i, j]) for i in range(2) for j in range(2)]


def _claims_compton(book: ClaimBook) -> None:
    p = pk.Params()
    P = (0, 2, 2)
    r0 = (0, 0, 0)
    # uniform density: D_{k,k} is exactly diagonal, no high-frequency approximation needed
    k = (3, 1, 2)
    ex = _compton_exact((0, 0, 0), P, k, r0, p)
    pr = pk.compton_printed_135((0, 0, 0), P, _F, k, p)
    book.close("135", "uniform density: (135) vs the Wigner transform of the Compton part of (112) "
               "(exact for K = 0; 𝒩 = e^{iP·r}F(k), P = (0,2,2), k = (3,1,2))", _flat(pr), _flat(ex),
               rtol=1e-20, how=f"|exact + printed|/|printed| = {_rel(ex, -pr):.1e}: opposite sign")
    book.close("135", "diagnostic: −(135) (the refraction sign, photon energy ħω_k + ħΩ²/(2ω_k)) equals the "
               "uniform-density term of (112)", _flat(-pr), _flat(ex), rtol=1e-20)
    # inhomogeneous density n = e^{iK·r}: high-frequency limit k = s(3,1,2) → ∞ at fixed K, P,
    # polarisation-diagonal 𝒩 = e^{iP·r} f(k) 1; compared on the trace N = Σ_μ 𝒩_μμ
    K = (2, 0, -2)
    rows = []
    for s in (4, 16, 64, 256):
        kk = (3 * s, s, 2 * s)
        ex = _compton_exact(K, P, kk, r0, p, F=_F_diag)
        pr = pk.compton_printed_135(K, P, _F_diag, kk, p)
        rows.append((s, ex[0, 0] + ex[1, 1], pr[0, 0] + pr[1, 1]))
    table = ", ".join(f"s={s}: {float(abs(e + q) / abs(q)):.2e}" for s, e, q in rows)
    slope = math.log(float(abs(rows[-1][1] + rows[-1][2]) / abs(rows[-1][2]))
                     / float(abs(rows[-3][1] + rows[-3][2]) / abs(rows[-3][2]))) / math.log(16)
    s, ex, pr = rows[-1]
    book.close("135", "high-frequency limit of the Compton term: trace of (112) at k = s(3,1,2), s = 256, "
               "fixed "
               "K = (2,0,−2), P = (0,2,2), n = e^{iK·r}, 𝒩 = e^{iP·r}f(k)1, vs printed (135)",
               [complex(pr)], [complex(ex)], rtol=1e-3, how=f"|exact + printed|/|printed| by s: {table}")
    book.close("135", "diagnostic: −(135) is the high-frequency limit of the trace of (112) (s = 256)",
               [complex(-pr)], [complex(ex)], rtol=1e-4,
               how=f"|exact + printed|/|printed| by s: {table}; decays as s^{slope:.2f} (s = 16 → 256)")
    # "no longer couples different polarisation elements": 𝒩 with off-diagonal elements
    rows = []
    for s in (16, 64, 256):
        kk = (3 * s, s, 2 * s)
        ex = _compton_exact(K, P, kk, r0, p)
        pr = pk.compton_printed_135(K, P, _F, kk, p)
        rows.append((s, _rel(ex, -pr)))
    book.close("135", "polarisation decoupling stated after (135): −(135) vs the full 2×2 matrix of (112) "
               "for an 𝒩 with off-diagonal polarisation elements (s = 256), in the basis ε_{k,1} ∝ n₀×k, "
               "ε_{k,2} = k̂×ε_{k,1} (fixed n₀; the paper names no basis: the first-order mixing is the "
               "connection ε₁·∇_kε₂ of the basis, which a k-dependent rotation can remove at one k only)",
               _flat(-pr), _flat(ex), rtol=1e-2,
               how="|exact + printed|/|printed| (matrix 1-norm) by s: "
                   + ", ".join(f"s={s}: {d:.3f}" for s, d in rows)
                   + ": does not decay; the overlap ε_{k−K/2,μ}·ε_{k+K/2,σ} − δ_{μσ} is first order in K/k "
                     "(antisymmetric, basis dependent) and mixes 𝒩_{12} into the diagonal at the order of "
                     "the retained refraction term")
    # printed (126) itself, real inputs n = cos K·r, 𝒩 = cos P·r F(k)
    r = (mp.mpf("0.3"), mp.mpf("-0.2"), mp.mpf("0.5"))
    rows126 = []
    for s in (1, 16):
        kk = (3 * s, s, 2 * s)
        ex = _compton_exact(K, P, kk, r, p, real=True)
        pr = pk.compton_printed_126(K, P, _F, kk, r, p)
        rows126.append((s, _rel(pr, ex)))
    book.close("126", "(126)-(127) (with +h.c.) vs the Wigner transform of the Compton part of (112), "
               "real inputs n = cos K·r, 𝒩 = cos(P·r)F(k), k = 16(3,1,2), r = (0.3,−0.2,0.5)",
               _flat(pr), _flat(ex), rtol=1e-10,
               how="relative difference " + ", ".join(f"s={s}: {d:.3g}" for s, d in rows126)
                   + "; (126) has no ∇_r acting on 𝒩 (its 𝒩 is evaluated at r with k-shifts only), so it "
                     "cannot produce the ∇_k(1/ω_k)·∇_r𝒩 (velocity) term of (135)")


def _claims_shift(book: ClaimBook) -> None:
    series, shift = pk.shift_rule_check()
    book.equal("125", "exp(i/2 ∇^(+)_r·∇^(−)_k) of (125) on plane waves shifts the left factor to k − P "
               "and the "
               "right to k + P (engine series, cubic test functions, terminating)", series, shift)


def _n_terms(expr: sp.Expr) -> int:
    e = sp.expand(expr)
    return 0 if e == 0 else len(sp.Add.make_args(e))


def _claims_12(book: ClaimBook) -> None:
    from symlight.algebra import normal_order
    for pv in ((0, 0, 0), (1, 0, 0)):
        printed, derived = (normal_order(e) for e in pk.heisenberg_linear_part(pv))
        even_gap = _n_terms(printed - derived)                  # the p = (1, 0, 0) one is quoted below
        book.equal("12", f"M part of (12): [c_p, H^(1)] with H^(1) of (8), p = {pv}, on a truncated 3-D "
                   "mode set (9 lattice vectors, explicit transverse ε with ε_{−k} = ε_k)",
                   printed, derived)

    def odd(k):
        e1, e2 = pk.even_polarizations(k)
        sgn = 1 if next((v for v in k if v != 0), 0) > 0 else -1
        return tuple(sgn * c for c in e1), e2

    def longitudinal(k):
        e1, e2 = pk.even_polarizations(k)
        sgn = 1 if next((v for v in k if v != 0), 0) > 0 else -1
        n = sp.sqrt(sum(v**2 for v in k))
        return tuple(sgn * sp.Integer(v) / n for v in k), e2

    for pol, why in ((odd, "a polarisation odd in k (ε_{−k,1} = −ε_{k,1})"),
                     (longitudinal, "a longitudinal (even) vector ε_{k,1} = ±k̂, not transverse")):
        printed, derived = pk.heisenberg_linear_part((1, 0, 0), pol)
        gap = sp.expand(normal_order(printed) - normal_order(derived))
        book.holds("12", f"the M part of (12) needs 𝓐_k·k = 0 and 𝓐_{{−k}} = 𝓐_k: with {why} the "
                   "printed form and the commutator differ", gap != 0,
                   f"computed [c_p, H^(1)] − printed has {_n_terms(gap)} non-zero terms "
                   f"(with the transverse even basis: {even_gap})")


def _claims_112_113(book: ClaimBook) -> None:
    import itertools

    from symlight.algebra import Boson, Fermion, dagger

    A, N, W = sp.Function("A"), sp.Function("N"), sp.Function("W")
    Df, om, xi = sp.Function("D", real=True), sp.Function("omega"), sp.Function("xi")
    I = sp.I

    def D_fn(k, mu, kp, nu):                     # D^{μν}_{k,k'} real and symmetric (H^(2) Hermitian)
        a, b = sorted([(k, mu), (kp, nu)])
        flat = [*a[0], a[1], *b[0], b[1]] if isinstance(k, tuple) else [*a, *b]
        return Df(*flat)
    # (112) on 1-D modes {−1, 0, 1} with generic real M(k, k', μ) (its form does not matter here)
    KS = (-1, 0, 1)
    Mf = sp.Function("M", real=True)

    def M1(k, kp, mu):
        return Mf(k, kp, mu)
    H = pk.mode_hamiltonian(KS, M1, D_fn, om, xi)
    ks = set(KS)

    def printed112(k, mu, kp, mup):
        out = I / hbar * (hbar * om(k) * N(k, mu, kp, mup) - N(k, mu, kp, mup) * hbar * om(kp))
        for q in KS:
            if k + q in ks:
                out += I / hbar * M1(k, q, mu) * A(kp, mup) * W(k + q, q)
            if kp + q in ks:
                out -= I / hbar * M1(kp, q, mup) * sp.conjugate(A(k, mu)) * W(q, kp + q)  # W* = W swapped
        for q, pp, sg in itertools.product(KS, KS, range(2)):
            if q + pp - k in ks:
                out += I / hbar * D_fn(k, mu, q, sg) * N(q, sg, kp, mup) * W(pp, q + pp - k)
            if q + pp - kp in ks:
                out -= I / hbar * D_fn(kp, mup, q, sg) * N(k, mu, q, sg) * W(q + pp - kp, pp)
        return sp.expand(out)
    for lab in ((1, 0, -1, 1), (0, 1, 1, 1)):
        op = dagger(Boson("a", lab[:2])) * Boson("a", lab[2:])
        book.equal("112", "photon correlator equation (112) from the Heisenberg equation of "
                   f"⟨a†_{{k,μ}}a_{{k',μ'}}⟩ "
                   f"with H of (6)-(9) and the factorisation of App. A, (k,μ,k',μ') = {lab} (1-D modes "
                   "{−1,0,1}, generic M, D)", printed112(*lab), pk.heisenberg_rate(H, op))
    # (113) needs the transverse M of (10): 3-D axes and 0, explicit even polarisations
    KS3 = pk.MODE_SET[:7]
    ks3 = set(KS3)
    ph = [k for k in KS3 if k != (0, 0, 0)]
    H3 = pk.mode_hamiltonian(KS3, pk.linear_coupling_M, D_fn, lambda k: om(*k), lambda k: xi(*k),
                             photon_ok=lambda k: k != (0, 0, 0))
    ad = pk._vadd
    k, kp = (1, 0, 0), (0, 0, 0)
    free_M = I / hbar * (xi(*k) - xi(*kp)) * W(*k, *kp)
    for q in ph:
        for mu in range(2):
            M3 = pk.linear_coupling_M
            if ad(k, q) in ks3:
                free_M += I / hbar * M3(q, k, mu) * A(*q, mu) * W(*ad(k, q), *kp)
            if ad(k, q, -1) in ks3:
                free_M += I / hbar * M3(q, k, mu) * sp.conjugate(A(*q, mu)) * W(*ad(k, q, -1), *kp)
            if ad(kp, q, -1) in ks3:
                free_M -= I / hbar * M3(q, kp, mu) * A(*q, mu) * W(*k, *ad(kp, q, -1))
            if ad(kp, q) in ks3:
                free_M -= I / hbar * M3(q, kp, mu) * sp.conjugate(A(*q, mu)) * W(*k, *ad(kp, q))
    compton = sp.Integer(0)
    for q, qp in itertools.product(ph, ph):
        for mu, nu in itertools.product(range(2), range(2)):
            d = ad(q, qp, -1)
            t1, t2 = ad(kp, d), ad(k, d, -1)
            term = (W(*k, *t1) if t1 in ks3 else 0) - (W(*t2, *kp) if t2 in ks3 else 0)
            compton += I / hbar * D_fn(q, mu, qp, nu) * N(*q, mu, *qp, nu) * term
    derived = pk.heisenberg_rate(H3, dagger(Fermion("c", k)) * Fermion("c", kp))
    derived_M = sp.expand(derived.subs(Df, sp.Lambda(tuple(sp.symbols("d0:8")), 0)).doit())
    book.equal("113", "fermion correlator equation (113), free and linear (M) parts, from the Heisenberg "
               "equation of ⟨c†_k c_k'⟩ (3-D modes: 0 and ±axes, transverse M of (10)), k = (1,0,0), k' = 0",
               sp.expand(free_M), derived_M)
    d_compton = sp.expand(derived - derived_M)
    undef = sp.core.function.AppliedUndef
    atoms = sorted(compton.atoms(undef) | d_compton.atoms(undef), key=str)
    values = {a: sp.Rational(2 + i, 7) + sp.I * sp.Rational(i % 5, 11) for i, a in enumerate(atoms)}
    claim = book.equal("113", "fermion correlator equation (113), Compton (D) part, from the Heisenberg "
                       "equation (same modes; every correlator and D replaced by distinct complex rationals)",
                       sp.expand(compton.subs(values)), sp.expand(d_compton.subs(values)))
    claim.printed, claim.derived = compton, d_compton
    book.equal("113", "diagnostic: the Compton part of (113) with the opposite overall sign (equivalently "
               "N_{q,q'} → N_{q',q}) equals the Heisenberg result", sp.expand(-compton),
               sp.expand(derived - derived_M))


def _G(k):
    k = pk._vec(k)
    return (1 + k[0] / 7) / (1 + pk._dot(k, k) / mp.mpf(9))


def _fermion_compton(s, G, p):
    """Exact (Heisenberg-sign) fermion Compton term and printed (136) for 𝒲 = e^{iK·r}G(k) and a photon
    distribution of two momenta Q_j = s·(3,1,2), s·(1,−2,3) (weights 0.7, 0.3, both polarisations)
    modulated as e^{iP·r}; at r = 0, k = (1,0,1)."""
    V = pk.VOLUME
    K, P, k = (2, 0, -2), (0, 2, 2), (1, 0, 1)

    def Wfun(k1, k2):
        if tuple(b - a for a, b in zip(k1, k2, strict=True)) == K:
            return G(tuple(mp.mpf(a + b) / 2 for a, b in zip(k1, k2, strict=True)))
        return None
    Qs, fs = [(3 * s, s, 2 * s), (s, -2 * s, 3 * s)], [mp.mpf("0.7"), mp.mpf("0.3")]
    Nc = {}
    for Qj, fj in zip(Qs, fs, strict=True):
        a = tuple(u - v // 2 for u, v in zip(Qj, P, strict=True))
        b = tuple(u + v // 2 for u, v in zip(Qj, P, strict=True))
        for mu in range(2):
            Nc[((a, mu), (b, mu))] = V * fj / 2
    exact = pk.wigner_of_rate(pk.fermion_compton_modes(Nc, Wfun, p), k, (0, 0, 0), 4)
    half = mp.mpf(1) / 2
    # printed (136): (Q²/ε₀m)(1/V)Σ_q 𝒩(r,q) sin(½∇←_r·∇→_k + ½∇←_r·∇→_q) 𝒲(r,k) (1/ω_q), ∇←_r → iP
    printed = p.Q**2 / (p.eps0 * p.m) * sum(
        fj * (G(pk._add(k, pk._scale(P, -half))) / pk.omega_k(pk._add(Qj, pk._scale(P, -half)), p)
              - G(pk._add(k, pk._scale(P, half))) / pk.omega_k(pk._add(Qj, pk._scale(P, half)), p)) / 2j
        for Qj, fj in zip(Qs, fs, strict=True))
    return exact, printed


def _claims_136(book: ClaimBook) -> None:
    p = pk.Params()
    rows = [(s, *_fermion_compton(s, _G, p)) for s in (8, 32, 128)]
    table = ", ".join(f"s={s}: {float(abs(e - q) / abs(q)):.2e}" for s, e, q in rows)
    s, ex, pr = rows[-1]
    book.close("136", "high-frequency limit of the plasma Compton term: the D-part of ∂_tW derived from (9) "
               "(Heisenberg sign), Wigner-transformed, vs printed (136) (photons at s(3,1,2), s(1,−2,3), "
               "s = 128; 𝒲 = e^{iK·r}G(k), 𝒩 ∝ e^{iP·r})", [complex(pr)], [complex(ex)], rtol=2e-2,
               how=f"relative difference by s: {table} (∝ 1/s: the W-proportional term, next claim); "
                   "so the sign error of (113) does not propagate to (136)")
    one = (lambda kk: mp.mpf(1))
    ex1, pr1 = _fermion_compton(32, one, p)
    book.close("49", "k-independent 𝒲 (G = 1): the Compton term derived from (9) vanishes identically (the "
               "mean-field Compton coupling is the potential Q²⟨Â²⟩/2m, which cannot produce a term ∝ 𝒲); "
               "printed (136) leaves −τ⁻¹𝒲 of (47)/(49) (the J^(2) of (55))", [complex(pr1)], [complex(ex1)],
               atol=1e-25, how=f"printed {complex(pr1):.4g}, derived {complex(ex1):.2g} (s = 32)")


def _claims_132(book: ClaimBook) -> None:
    p = pk.Params()
    V = pk.VOLUME
    K, P, k = (2, 0, -2), (0, 2, 2), (1, 0, 1)
    r = (mp.mpf("0.3"), mp.mpf("-0.2"), mp.mpf("0.5"))

    def Wfun(k1, k2):                                     # 𝒲 = cos(K·r) G(k)
        d = tuple(b - a for a, b in zip(k1, k2, strict=True))
        if d in (K, tuple(-v for v in K)):
            return _G(tuple(mp.mpf(a + b) / 2 for a, b in zip(k1, k2, strict=True))) / 2
        return None
    rows = []
    for s in (1, 8, 64):
        photons = [((3 * s, s, 2 * s), "0.7"), ((s, -2 * s, 3 * s), "0.3")]
        Nc = {}
        for Qj, fj in photons:                            # 𝒩 = cos(P·r) Σ_j V f_j δ_{q,Q_j} 1/2
            for sg in (1, -1):
                a = tuple(u - sg * v // 2 for u, v in zip(Qj, P, strict=True))
                b = tuple(u + sg * v // 2 for u, v in zip(Qj, P, strict=True))
                for mu in range(2):
                    Nc[((a, mu), (b, mu))] = V * mp.mpf(fj) / 4
        ex = pk.wigner_of_rate(pk.fermion_compton_modes(Nc, Wfun, p), k, r, 4)
        pr = pk.plasma_compton_printed_132(K, P, photons, _G, k, r, p)
        rows.append((s, ex, pr))
    s, ex, pr = rows[0]
    book.close("132", "general plasma Compton term (132) (+c.c., D̃ of (127)) vs the D-part of ∂_tW derived "
               "from (9), Wigner-transformed (real inputs 𝒲 = cos(K·r)G(k), 𝒩 = cos(P·r) on two photon "
               "momenta s(3,1,2), s(1,−2,3), s = 1)", [complex(pr)], [complex(ex)], rtol=1e-10,
               how="relative difference by s: " + ", ".join(f"s={s_}: {float(abs(e - q) / abs(e)):.3g}"
                                                           for s_, e, q in rows)
                   + " (∝ 1/s): same sign and leading order, but (132) evaluates D̃ at q and 𝒩 at q − P/2, "
                     "off-centre by P against the symmetric D_{Q−P/2,Q+P/2} of (113)")


def _claims_133(book: ClaimBook) -> None:
    p = pk.Params()
    K = (2, 0, -2)
    rows = []
    for s in (4, 16, 64, 256):
        kk = (3 * s, s, 2 * s)
        weight = p.hbar * p.Q**2 / (2 * p.eps0 * p.m * pk.omega_k(kk, p))          # printed (133)
        # ∫dr e^{−iK·r} D̃^{μμ'}(r, k) = V D^{μμ'}_{k−K,k} (Eq. (127)), explicit ε
        mat = mp.matrix(2, 2)
        for mu in range(2):
            for nu in range(2):
                mat[mu, nu] = pk.VOLUME * pk._D(pk._add(kk, K, -1), kk, mu, nu, p) / weight
        rows.append((s, mat))
    s, mat = rows[-1]
    diag = ", ".join(f"s={s_}: {float(abs(m_[0, 0] - 1)):.1e}/{float(abs(m_[0, 1])):.1e}"
                     for s_, m_ in rows)
    book.close("133", "high-frequency (local) Compton kernel: the Fourier transform V D_{k−K,k} of D̃ (127) "
               "at wavevector K = (2,0,−2), k = s(3,1,2), s = 256, in units of the printed weight "
               "ħQ²/(2ε₀mω_k), vs δ_{μμ'}", [1, 0, 0, 1],
               [complex(mat[i, j]) for i in range(2) for j in range(2)],
               atol=1e-2, how=f"|diag − 1| / |off-diagonal| by s: {diag}; the off-diagonal (polarisation "
                              "rotation) falls as K/k, not as the printed O(ω_p²/ω²)")


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    with mp.workdps(DPS):
        _claims_38_131(book)
        _claims_46(book)
        _claims_124(book)
        _claims_S(book)
        _claims_compton(book)
        _claims_shift(book)
        _claims_12(book)
        _claims_112_113(book)
        _claims_136(book)
        _claims_132(book)
        _claims_133(book)
    return book.claims
