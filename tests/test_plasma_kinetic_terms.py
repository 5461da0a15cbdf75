"""Kinetic light–matter terms of seed 001 (symlight.models.plasma_kinetic_terms) against independent
references: Weyl-ordered operators (McCoy), a brute-force lattice sum of the correlator equation
(112), the effective photon energy ħω_k + ħΩ²/(2ω_k), and a closed-form Bessel integral."""

from __future__ import annotations

import itertools
import math

import mpmath as mp
import pytest
import sympy as sp

from symlight.errors import InputError, ModelError
from symlight.models import plasma_kinetic_terms as pk
from symlight.phasespace import weyl_quantize

x, y = sp.symbols("x y", real=True)
kx, ky = sp.symbols("k_x k_y", real=True)
px, py = sp.symbols("p_x p_y", real=True)
h, Q, m = pk.hbar, pk.Q, pk.m


@pytest.fixture(autouse=True)
def _thirty_digits():
    with mp.workdps(30):
        yield


def _ops(A, ordered_symmetric: bool):
    f = sp.Function("f")(x, y)

    def h_op(g):
        if ordered_symmetric:
            return -(Q / (2 * m)) * sum(a * (-sp.I * h * sp.diff(g, v)) + (-sp.I * h * sp.diff(a * g, v))
                                        for a, v in zip(A, (x, y), strict=True))
        return -(Q / m) * sum(a * (-sp.I * h * sp.diff(g, v))
                              for a, v in zip(A, (x, y), strict=True))
    return f, h_op


def _mccoy_residual(A, Wp, symbol_fn, ordered_symmetric=False):
    f, h_op = _ops(A, ordered_symmetric)
    W_op = weyl_quantize(Wp, [x, y], [px, py], h)
    comm = sp.expand((h_op(W_op(f)) - W_op(h_op(f))) / (sp.I * h))
    Wk = Wp.subs({px: h * kx, py: h * ky})
    sym = sp.expand(symbol_fn(Wk).subs({kx: px / h, ky: py / h}))
    return sp.expand(weyl_quantize(sym, [x, y], [px, py], h)(f) - comm)


STREAM = x**2 * y / 3 - x * y + y**2 / 2
A_SOL = [sp.diff(STREAM, y), -sp.diff(STREAM, x)]
W_P = x * px**2 + y * py - px * py * x + py**2 * y


def test_exact_c1_is_the_commutator_with_the_paramagnetic_operator():
    res = _mccoy_residual(A_SOL, W_P, lambda W: pk.linear_matter_exact(W, A_SOL, [x, y], [kx, ky]))
    assert res == 0


def test_printed_38_holds_and_a_flipped_sine_sign_fails():
    def printed(W):
        return pk.linear_matter_printed(W, A_SOL, [x, y], [kx, ky], order=3)
    assert _mccoy_residual(A_SOL, W_P, printed) == 0
    # (Q/m)(k·A) 2 sin(...) W with the opposite sign must be caught by the operator reference
    assert _mccoy_residual(A_SOL, W_P, lambda W: printed(W) + 4 * Q / m * _sin_term(W)) != 0


def _sin_term(W):
    from symlight.phasespace import bidiff
    arg = bidiff.dot(0, [x, y], 1, [kx, ky]) / 2
    kA = sum(kk * a for kk, a in zip((kx, ky), A_SOL, strict=True))
    return bidiff.apply(sp.Add(*bidiff.series_of("sin", arg, 3)), [kA, W])


def test_transversality_matters_for_the_unsymmetrised_coupling():
    A_div = [x**2, y * x]                           # ∇·A ≠ 0: A·p̂ is not the Weyl operator of k·A
    res_sym = _mccoy_residual(A_div, W_P, lambda W: pk.linear_matter_exact(W, A_div, [x, y], [kx, ky]),
                              ordered_symmetric=True)
    res_plain = _mccoy_residual(A_div, W_P, lambda W: pk.linear_matter_exact(W, A_div, [x, y], [kx, ky]))
    assert res_sym == 0 and res_plain != 0


def test_shift_rule_of_the_exponential_operator():
    series, shift = pk.shift_rule_check()
    assert sp.expand(series - shift) == 0


def test_printed_66_kernel_fourier_transform_closed_form():
    # ∫₀^∞ K₁(ar) sin(br) dr = πb/(2a√(a²+b²)) ⇒ ũ(κ) = 1/(2ħω_κ) for the printed u(r)
    p = pk.Params(hbar=0.8, c=1.3, wp=0.9)
    for kap in (0.4, 3.0):
        closed = 1 / (2 * float(p.hbar) * float(pk.omega_k((kap, 0, 0), p)))
        assert pk.photon_source_printed_66_factor(kap, p) == pytest.approx(closed, rel=1e-10)


def _plus(a, b):
    return tuple(u + v for u, v in zip(a, b, strict=True))


def _brute_compton(Wc, Nfun, k1, k2, p, box):
    """Independent brute force of the D-part of (112): all lattice q, q' in a box, no resolution."""
    out = mp.zeros(2, 2)
    rng = range(-box, box + 1)
    lattice = list(itertools.product(rng, rng, rng))
    for q in lattice:
        for qp in lattice:
            w1 = Wc.get((_plus(k1, qp), _plus(q, qp)))
            n1 = Nfun(q, k2)
            if w1 is not None and n1 is not None:
                for mu, nu, s in itertools.product(range(2), range(2), range(2)):
                    out[mu, nu] += 1j / p.hbar * pk._D(k1, q, mu, s, p) * n1[s, nu] * w1
            w2 = Wc.get((_plus(q, qp), _plus(k2, qp)))
            n2 = Nfun(k1, q)
            if w2 is not None and n2 is not None:
                for mu, nu, s in itertools.product(range(2), range(2), range(2)):
                    out[mu, nu] -= 1j / p.hbar * pk._D(k2, q, nu, s, p) * n2[mu, s] * w2
    return out


def test_compton_mode_sum_matches_brute_force_lattice_sum():
    p = pk.Params()
    K, P = (1, 0, -1), (0, 1, 1)
    Wc = {((0, 0, 0), K): mp.mpf("0.6"), ((1, -1, 0), (2, -1, -1)): mp.mpf("0.4")}

    def N(k1, k2):
        if tuple(b - a for a, b in zip(k1, k2, strict=True)) == P:
            g = 1 / (1 + sum((a + b) ** 2 for a, b in zip(k1, k2, strict=True)) / mp.mpf(40))
            return mp.matrix([[g, g / 5], [g / 5, 2 * g]])
        return None
    rate = pk.compton_modes(Wc, N, p)
    for k1 in ((1, 0, 1), (2, 1, -1)):
        k2 = tuple(a + b + c for a, b, c in zip(k1, P, K, strict=True))
        fast = rate(k1, k2)
        slow = _brute_compton(Wc, N, k1, k2, p, box=3)
        assert float(mp.mnorm(fast - slow, 1)) < 1e-25 * float(mp.mnorm(slow, 1)) + 1e-40
        assert float(mp.mnorm(slow, 1)) > 0


def test_uniform_compton_term_is_the_refraction_by_the_effective_photon_energy():
    # uniform n: ∂_t𝒩 = i[ω_eff(k−P/2) − ω_eff(k+P/2)]𝒩 with ω_eff = ω_k + Ω²/(2ω_k) (Compton part only)
    p = pk.Params()
    V = pk.VOLUME
    Wc = {((0, 0, 0), (0, 0, 0)): V * mp.mpf(1)}       # n = 1
    P, k = (0, 2, 2), (3, 1, 2)

    def N(k1, k2):
        if tuple(b - a for a, b in zip(k1, k2, strict=True)) == P:
            return mp.eye(2)
        return None
    ex = pk.wigner_of_rate(pk.compton_modes(Wc, N, p), k, (0, 0, 0), 3)
    om2 = p.Q**2 / (p.eps0 * p.m)
    half = [mp.mpf(v) / 2 for v in P]
    ref = 1j * om2 / 2 * (1 / pk.omega_k([a - b for a, b in zip(k, half, strict=True)], p)
                          - 1 / pk.omega_k([a + b for a, b in zip(k, half, strict=True)], p))
    assert complex(ex[0, 0]) == pytest.approx(complex(ref), rel=1e-20)
    assert abs(complex(ex[0, 1])) < 1e-25
    printed = pk.compton_printed_135((0, 0, 0), P, lambda kk: mp.eye(2), k, p)
    assert complex(printed[0, 0]) == pytest.approx(-complex(ref), rel=1e-20)   # (135): opposite sign


def test_polarizations_are_transverse_orthonormal_and_complete():
    k = (mp.mpf("0.3"), mp.mpf("-1.2"), mp.mpf("2.0"))
    e1, e2 = pk.polarizations(k)
    nk2 = pk._dot(k, k)
    for i, j in itertools.product(range(3), range(3)):
        proj = e1[i] * e1[j] + e2[i] * e2[j]
        assert float(abs(proj - ((1 if i == j else 0) - k[i] * k[j] / nk2))) < 1e-25
    assert float(abs(pk._dot(e1, k))) < 1e-25 and float(abs(pk._dot(e1, e2))) < 1e-25


def test_bad_input_is_refused_with_clear_errors():
    with pytest.raises(ModelError, match="k = 0"):
        pk.polarizations((0, 0, 0))
    with pytest.raises(InputError, match="hbar"):
        pk.Params(hbar=-1.0)
    with pytest.raises(InputError, match="ω_p"):
        pk.photon_source_printed_66_factor(1.0, pk.Params(wp=0.0))
    with pytest.raises(InputError, match="one Fourier component"):
        pk.current_amplitude({((0, 0, 0), (1, 0, 0)): 1, ((0, 0, 0), (0, 1, 0)): 1}, pk.Params())
    assert math.isfinite(float(pk.omega_k((1, 2, 3), pk.Params())))


def test_linear_part_of_heisenberg_equation_12_needs_transverse_even_polarisations():
    from symlight.algebra import normal_order
    printed, derived = pk.heisenberg_linear_part((1, 0, 0))
    assert sp.expand(normal_order(printed) - normal_order(derived)) == 0

    def longitudinal(k):
        e1, e2 = pk.even_polarizations(k)
        sgn = 1 if next(v for v in k if v != 0) > 0 else -1
        n = sp.sqrt(sum(v**2 for v in k))
        return tuple(sgn * sp.Integer(v) / n for v in k), e2
    printed, derived = pk.heisenberg_linear_part((1, 0, 0), longitudinal)
    assert sp.expand(normal_order(printed) - normal_order(derived)) != 0
    with pytest.raises(ModelError, match="no transverse basis"):
        pk.even_polarizations((1, 2, 3))


def test_heisenberg_rate_free_photons_and_factorisation_guard():
    from symlight.algebra import Boson, Fermion, dagger
    om, xi = sp.Function("omega"), sp.Function("xi")
    zero = (lambda *args: 0)
    H = pk.mode_hamiltonian((0, 1), zero, zero, om, xi)
    rate = pk.heisenberg_rate(H, dagger(Boson("a", (0, 1))) * Boson("a", (1, 0)))
    N = sp.Function("N")
    assert sp.expand(rate - sp.I * (om(0) - om(1)) * N(0, 1, 1, 0)) == 0
    c0, c1 = Fermion("c", 0), Fermion("c", 1)
    from symlight.algebra import expectation
    with pytest.raises(ModelError, match="unexpected fermion word"):
        pk.factorise(expectation(dagger(c0) * dagger(c1) * c1 * c0))


def test_fermion_compton_term_is_a_potential_force():
    # mean field: U(r) = (Q²/2m)⟨Â²⟩; a k-independent W is untouched, and for small P the term is
    # −𝒦[W, U] = (i/ħ) U_P P·∇_k G (first order), U_P = (Q²ħ/(2ε₀m)) Σ_j f_j/ω_{Q_j}
    p = pk.Params()
    V = pk.VOLUME
    P, K, k = (0, 2, 2), (0, 0, 0), (1, 0, 1)
    Qj = (40, 10, 30)
    a = tuple(u - v // 2 for u, v in zip(Qj, P, strict=True))
    b = tuple(u + v // 2 for u, v in zip(Qj, P, strict=True))
    Nc = {((a, mu), (b, mu)): V / 2 for mu in range(2)}

    def make_W(G):
        def Wfun(k1, k2):
            if tuple(v - u for u, v in zip(k1, k2, strict=True)) == K:
                return G(tuple(mp.mpf(u + v) / 2 for u, v in zip(k1, k2, strict=True)))
            return None
        return Wfun
    flat = pk.wigner_of_rate(pk.fermion_compton_modes(Nc, make_W(lambda kk: mp.mpf(1)), p), k, (0, 0, 0), 2)
    assert abs(complex(flat)) < 1e-28

    def lin(kk):
        return 1 + kk[1] / 3 + kk[2] / 5
    ex = pk.wigner_of_rate(pk.fermion_compton_modes(Nc, make_W(lin), p), k, (0, 0, 0), 2)
    ea, eb = pk.polarizations(a), pk.polarizations(b)
    overlap = sum(pk._dot(ea[mu], eb[mu]) for mu in range(2)) / 2        # 𝓐_a·𝓐_b of Eq. (11)
    U = p.Q**2 * p.hbar / (2 * p.eps0 * p.m) * overlap / mp.sqrt(pk.omega_k(a, p) * pk.omega_k(b, p))
    ref = 1j / p.hbar * U * (P[1] / mp.mpf(3) + P[2] / mp.mpf(5))
    assert complex(ex) == pytest.approx(complex(ref), rel=1e-20)
