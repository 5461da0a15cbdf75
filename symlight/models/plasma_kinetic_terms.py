"""Light–matter terms of the kinetic equations of seed 001_acf7c75771656388.txt, from the Hamiltonian.

* Linear matter term C^(1) (Eqs. (38), (131), (137)): the mean-field one-body Hamiltonian of the
  paramagnetic coupling (8), ĥ = −(Q/2m)(p̂·Â + Â·p̂), has the exact Weyl symbol h = −(Q/m)ħk·A(r);
  the Wigner equation gives C^(1) = −𝒦[W, h] (Moyal sine bracket, ``symlight.phasespace``).
  ``linear_matter_printed`` builds the printed cos/sin form with arrowed gradients (bidiff).
* Photon terms from the correlator equation (112) evaluated *directly* on sparse correlators
  (dicts / callables indexed by lattice wavevectors, box L = 2π so k ∈ ℤ³, V = (2π)³): the linear
  (M, Eq. (10)) part and the Compton (D, Eq. (11)) part of ∂_t N_{k1μ,k2μ'}, then the Wigner
  transform (121) Λ(r, k) = Σ_q e^{iq·r} Ṅ_{k−q/2, k+q/2}. Polarisation vectors are explicit,
  transverse, orthonormal 3-vectors (``polarizations``), so the transversality 𝓐_k·k = 0 used in
  (123) is a property of the input, not an assumption of the code.
* Printed forms on plane waves: (124)-(125), (35), (42), (126)-(127), (135) and S of (66), with the
  arrowed exponentials/sines applied as shifts (exp(a·∇_k) f(k) = f(k + a)); ``shift_rule_check``
  compares that rule with the phase-space engine's Taylor series of the same operator.

* Heisenberg equations on finite mode sets (``mode_hamiltonian``, ``heisenberg_rate``,
  ``factorise``): (12)'s M part, (112), (113) from H of (6)-(9) with ``symlight.algebra``.
* Plasma Compton term (``fermion_compton_modes``, with the Heisenberg sign) and the printed (132).

Units: ħ, Q, m, ε₀, c, ω_p are parameters (mpmath numbers); the box volume V = (2π)³.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import mpmath as mp
import sympy as sp
from scipy.integrate import quad
from scipy.special import k1 as bessel_k1

from symlight.errors import InputError, ModelError
from symlight.phasespace import bidiff, sine_bracket

__all__ = ["hbar", "m", "Q", "paramagnetic_symbol", "linear_matter_exact", "linear_matter_printed",
           "lorentz_first_order_printed", "Params", "polarizations", "omega_k", "calA",
           "current_amplitude", "lambda1_modes", "lambda1_printed_124", "lambda1_printed_42",
           "compton_modes", "compton_printed_126", "compton_printed_135", "wigner_of_rate",
           "photon_source_printed_66_factor", "shift_rule_check", "VOLUME"]

hbar, m, Q = sp.symbols("hbar m Q", positive=True)
#: a 3-vector: lattice integers, mpmath or SymPy numbers
Vec = Sequence[Any]

# ----------------------------------------------------------------------------- C^(1), symbolic


def paramagnetic_symbol(A: Sequence[sp.Expr], ks: Sequence[sp.Symbol]) -> sp.Expr:
    """Weyl symbol of −(Q/2m)(p̂·Â + Â·p̂) in (r, k) variables: −(Q/m) ħ k·A(r) (exact, p = ħk)."""
    if len(A) != len(ks):
        raise InputError(f"vector potential has {len(A)} components but k has {len(ks)}")
    return -(Q / m) * hbar * sum(kk * a for kk, a in zip(ks, A, strict=True))


def linear_matter_exact(W: sp.Expr, A: Sequence[sp.Expr], rs: Sequence[sp.Symbol],
                        ks: Sequence[sp.Symbol], *, order: int | None = None) -> sp.Expr:
    """C^(1) = −𝒦[W, h] with h the paramagnetic symbol: the Wigner transform of −(iħ)⁻¹[ρ̂, ĥ].

    ``order=None`` sums the sine bracket exactly (needs a polynomial A); otherwise to ``order``
    in the gradients (order 1 = the semiclassical truncation of Sec. III.2).
    """
    h = paramagnetic_symbol(A, ks)
    if order is None:
        br = sine_bracket(W, h, rs, ks, hbar=1, exact=True)
    else:
        br = sine_bracket(W, h, rs, ks, hbar=1, order=order)
    return sp.expand(-br / hbar)


def linear_matter_printed(W: sp.Expr, A: Sequence[sp.Expr], rs: Sequence[sp.Symbol],
                          ks: Sequence[sp.Symbol], order: int) -> sp.Expr:
    """Printed Eq. (38)/(131): (Q/m) cos(½∇_r·∇_k) A·∇_rW − (Q/m)(k·A) 2 sin(½∇←_r·∇→_k) W.

    In the cosine, ∇_r acts on A and ∇_k on ∇_rW (A does not depend on k); the series is summed
    to ``order`` (terminating for polynomial W).
    """
    if len(A) != len(rs) or len(rs) != len(ks):
        raise InputError("A, r and k must have the same dimension")
    arg = bidiff.dot(0, rs, 1, ks) / 2
    cos_op = sp.Add(*bidiff.series_of("cos", arg, order))
    sin_op = sp.Add(*bidiff.series_of("sin", arg, order))
    term1 = sp.Add(*[bidiff.apply(cos_op, [a, sp.diff(W, r)]) for a, r in zip(A, rs, strict=True)])
    kA = sp.Add(*[kk * a for kk, a in zip(ks, A, strict=True)])
    term2 = 2 * bidiff.apply(sin_op, [kA, W])
    return sp.expand(Q / m * (term1 - term2))


def lorentz_first_order_printed(W: sp.Expr, A: Sequence[sp.Expr], rs: Sequence[sp.Symbol],
                                ks: Sequence[sp.Symbol], t: sp.Symbol) -> sp.Expr:
    """Printed Eq. (46): (Q/m)A·∇_rW − Q(E + v×B)·∇_kW/ħ, E = −∂_tA, B = ∇×A, v = ħk/m (3-D)."""
    if len(A) != 3:
        raise InputError("Eq. (46) needs a 3-D vector potential")
    x, y, z = rs
    E = [-sp.diff(a, t) for a in A]
    B = [sp.diff(A[2], y) - sp.diff(A[1], z), sp.diff(A[0], z) - sp.diff(A[2], x),
         sp.diff(A[1], x) - sp.diff(A[0], y)]
    v = [hbar * kk / m for kk in ks]
    vxB = [v[1] * B[2] - v[2] * B[1], v[2] * B[0] - v[0] * B[2], v[0] * B[1] - v[1] * B[0]]
    return sp.expand(Q / m * sum(a * sp.diff(W, r) for a, r in zip(A, rs, strict=True))
                     - Q * sum((e + f) * sp.diff(W, kk) for e, f, kk in zip(E, vxB, ks, strict=True))
                     / hbar)


# ----------------------------------------------------------------------------- photon modes
VOLUME = (2 * mp.pi) ** 3            # box L = 2π: wavevectors are integer vectors


class Params:
    """Physical constants of one evaluation (mpmath numbers): ħ, charge Q, mass m, ε₀, c, ω_p."""

    def __init__(self, hbar: float = 0.7, Q: float = 1.3, m: float = 0.9, eps0: float = 1.1,
                 c: float = 1.0, wp: float = 0.6) -> None:
        vals = {"hbar": hbar, "Q": Q, "m": m, "eps0": eps0, "c": c}
        for name, val in vals.items():
            if not val > 0:
                raise InputError(f"Params: {name} must be > 0, got {val!r}")
        if not wp >= 0:
            raise InputError(f"Params: omega_p must be >= 0, got {wp!r}")
        self.hbar, self.Q, self.m = mp.mpf(hbar), mp.mpf(Q), mp.mpf(m)
        self.eps0, self.c, self.wp = mp.mpf(eps0), mp.mpf(c), mp.mpf(wp)



def _vec(k) -> tuple:
    if len(k) != 3:
        raise InputError(f"wavevector must have 3 components, got {k!r}")
    return tuple(mp.mpf(v) if not isinstance(v, mp.mpc) else v for v in k)


def _dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _add(a, b, s=1):
    return tuple(x + s * y for x, y in zip(a, b, strict=True))


def _scale(a, s):
    return tuple(s * x for x in a)


_REF = (mp.mpf("0.37"), mp.mpf("-0.52"), mp.mpf("0.77"))


def polarizations(k: Vec) -> tuple[tuple, tuple]:
    """Real orthonormal polarisations ε_{k,1} ∝ n₀×k, ε_{k,2} = k̂×ε_{k,1} (n₀ a fixed generic
    direction): transverse, ε·ε' = δ, Σ_λ ε_λ ε_λ = 1 − k̂k̂ (Eq. (3), Coulomb gauge)."""
    k = _vec(k)
    nk = mp.sqrt(_dot(k, k))
    if nk == 0:
        raise ModelError("polarizations: k = 0 has no transverse plane")
    e1 = _cross(_REF, k)
    n1 = mp.sqrt(_dot(e1, e1))
    if n1 < mp.mpf(10) ** (-mp.mp.dps // 2) * nk:
        raise ModelError(f"polarizations: k = {k} is parallel to the reference direction")
    e1 = _scale(e1, 1 / n1)
    e2 = _scale(_cross(k, e1), 1 / nk)
    return e1, e2


def omega_k(k: Vec, p: Params) -> mp.mpf:
    """ω_k = √(ω_p² + c²k²) (below Eq. (3))."""
    k = _vec(k)
    return mp.sqrt(p.wp**2 + p.c**2 * _dot(k, k))


def calA(k: Vec, mu: int, p: Params) -> tuple:
    """𝓐_{k,μ} = ε_{k,μ}(ħ/2ε₀ω_k)^{1/2} (Eq. (3))."""
    return _scale(polarizations(k)[mu], mp.sqrt(p.hbar / (2 * p.eps0 * omega_k(k, p))))


def _M(k, kp, mu: int, p: Params):
    """M^{μ}_{k,k'} = −(Q/(m√V)) 𝓐_{k,μ}·ħk' (Eq. (10))."""
    return -p.Q / (p.m * mp.sqrt(VOLUME)) * _dot(calA(k, mu, p), _scale(_vec(kp), p.hbar))


def _D(k, kp, mu: int, nu: int, p: Params):
    """D^{μν}_{k,k'} = (Q²/(mV)) 𝓐_{k,μ}·𝓐_{k',ν} (Eq. (11))."""
    return p.Q**2 / (p.m * VOLUME) * _dot(calA(k, mu, p), calA(kp, nu, p))


def _key(k) -> tuple[int, int, int]:
    out = []
    for v in k:
        iv = int(mp.nint(v))
        if abs(v - iv) > mp.mpf(10) ** (-10):
            return None
        out.append(iv)
    return tuple(out)


Sparse = Mapping[tuple, complex]


def current_amplitude(Wc: Sparse, p: Params) -> tuple[tuple, tuple]:
    """(K, J) with j(r) = J e^{iK·r} from Eq. (28), for a fermion correlator W_{k1,k2} supported on
    one difference k2 − k1 = K: W(r,k) = Σ_q e^{iq·r} W_{k−q/2,k+q/2} (Eq. (26))."""
    Ks = {tuple(b - a for a, b in zip(k1, k2, strict=True)) for k1, k2 in Wc}
    if len(Ks) != 1:
        raise InputError(f"current_amplitude: W must carry one Fourier component, got {sorted(Ks)}")
    K = next(iter(Ks))
    J = (0, 0, 0)
    for (k1, k2), val in Wc.items():
        kmid = tuple(mp.mpf(a + b) / 2 for a, b in zip(k1, k2, strict=True))
        J = _add(J, _scale(kmid, p.Q * p.hbar / p.m * val / VOLUME))
    return K, J


def wigner_of_rate(rate: Callable[[tuple, tuple], object], k: Vec, r: Vec, qbox: int) -> object:
    """Λ(r, k) = Σ_q e^{iq·r} rate(k − q/2, k + q/2) over integer q with |q_i| ≤ qbox (Eq. (121));
    terms whose endpoints are not lattice vectors are absent (the correlators vanish there)."""
    total = None
    rng = range(-qbox, qbox + 1)
    for q in ((a, b, c) for a in rng for b in rng for c in rng):
        k1 = _key(_add(k, _scale(q, mp.mpf(-1) / 2)))
        k2 = _key(_add(k, _scale(q, mp.mpf(1) / 2)))
        if k1 is None or k2 is None:
            continue
        val = rate(k1, k2)
        if val is None:
            continue
        term = val * mp.expj(_dot(q, r))
        total = term if total is None else total + term
    return total if total is not None else mp.zeros(2, 2)


def lambda1_modes(Wc: Sparse, Amodes: Mapping[tuple, Sequence], p: Params) -> Callable:
    """First (non-h.c.) M-term of (112): Ṅ_{k1μ,k2μ'} = (i/ħ) Σ_q M^μ_{k1,q} A_{k2,μ'} W_{k1+q,q},
    summed over the support of the sparse correlator W (dict {(k1,k2): value}); A_{k,μ} from
    ``Amodes`` {k: (A_{k,1}, A_{k,2})}. Returns rate(k1, k2) → 2×2 matrix or None."""
    def rate(k1, k2):
        if k2 not in Amodes:
            return None
        out = mp.zeros(2, 2)
        hit = False
        for (w1, w2), val in Wc.items():
            if tuple(a - b for a, b in zip(w1, w2, strict=True)) != tuple(k1):
                continue                      # W_{k1+q,q}: w1 − w2 = k1, q = w2
            hit = True
            for mu in range(2):
                Mval = _M(k1, w2, mu, p)
                for nu in range(2):
                    out[mu, nu] += 1j / p.hbar * Mval * Amodes[k2][nu] * val
        return out if hit else None
    return rate


def _transverse_check(K, amp) -> None:
    if abs(_dot(_vec(K), amp)) > mp.mpf(10) ** (-20) * (1 + mp.sqrt(abs(_dot(amp, amp)))):
        raise ModelError(f"the field amplitude {amp} is not transverse to its wavevector {K}")


def lambda1_printed_124(K1: Vec, J: Vec, K2: Vec, Efield: Vec, k: Vec, p: Params) -> mp.matrix:
    """Printed (124)-(125) on plane waves j = J e^{iK1·r}, E^(+) = 𝔈 e^{iK2·r}: the coefficient c with
    Λ^(1)_{μμ'} = c V δ_{k,(K2−K1)/2} e^{i(K1+K2)·r} (first term). exp(i/2 ∇^(+)_r·∇^(−)_k) with
    ∇^(+)_r → i(K1+K2) shifts the left ε/√ω to k − P and the right one to k + P, P = (K1+K2)/2."""
    K1, K2, k = _vec(K1), _vec(K2), _vec(k)
    target = _scale(_add(K2, K1, -1), mp.mpf(1) / 2)
    out = mp.zeros(2, 2)
    if max(abs(a - b) for a, b in zip(k, target, strict=True)) > mp.mpf(10) ** (-20):
        return out
    P = _scale(_add(K1, K2), mp.mpf(1) / 2)
    kl, kr = _add(k, P, -1), _add(k, P)
    el, er = polarizations(kl), polarizations(kr)
    w = mp.sqrt(omega_k(kl, p) * omega_k(kr, p))
    for mu in range(2):
        for nu in range(2):
            out[mu, nu] = -1 / p.hbar * _dot(J, el[mu]) * _dot(er[nu], Efield) / w
    return out


def lambda1_printed_42(K1: Vec, J: Vec, K2: Vec, Efield: Vec, k: Vec, p: Params) -> mp.mpf | mp.mpc:
    """Printed (42) on the same plane waves: −(1/ħω_k) J·𝔈 (the coefficient of V δ e^{i(K1+K2)·r})."""
    K1, K2, k = _vec(K1), _vec(K2), _vec(k)
    target = _scale(_add(K2, K1, -1), mp.mpf(1) / 2)
    if max(abs(a - b) for a, b in zip(k, target, strict=True)) > mp.mpf(10) ** (-20):
        return mp.mpf(0)
    return -_dot(J, Efield) / (p.hbar * omega_k(k, p))


def photon_source_printed_66_factor(kappa: float, p: Params) -> float:
    """∫d³r' u(r') e^{−iκ·r'} for the printed kernel u(r) = ω_pK₁(ω_pr/c)/(4π²ħc²r) below (66):
    (4π/κ)∫₀^∞ r sin(κr) u(r) dr by adaptive quadrature (scipy, K₁ from scipy.special; the
    integrand is finite at r = 0 and decays like e^{−ω_pr/c}; cut at 60 c/ω_p)."""
    kappa_f, wp, c, hb = float(kappa), float(p.wp), float(p.c), float(p.hbar)
    if not (kappa_f > 0 and wp > 0):
        raise InputError(f"need κ > 0 and ω_p > 0, got κ={kappa_f}, ω_p={wp}")
    a = wp / c

    def f(r: float) -> float:
        return math.sin(kappa_f * r) * wp * bessel_k1(a * r) / (4 * math.pi**2 * hb * c**2) if r > 0 \
            else kappa_f * wp / a / (4 * math.pi**2 * hb * c**2)
    val = quad(f, 0.0, 60.0 / a, limit=400, epsabs=1e-14, epsrel=1e-13)[0]
    return 4 * math.pi / kappa_f * val


def compton_modes(Wc: Sparse, Nfun: Callable[[tuple, tuple], object], p: Params) -> Callable:
    """Compton (D) part of (112): Ṅ_{k1μ,k2μ'} = (i/ħ) Σ_{q,q',σ} (D^{μσ}_{k1,q} N_{qσ,k2μ'}
    W_{k1+q',q+q'} − D^{μ'σ}_{k2,q} N_{k1μ,qσ} W_{q+q',k2+q'}), the sums over q' run over the
    support of W (dict), q then fixed by the indices; ``Nfun(k1, k2)`` → 2×2 matrix or None."""
    def rate(k1, k2):
        out = mp.zeros(2, 2)
        hit = False
        for (w1, w2), val in Wc.items():
            # first term: w1 = k1 + q', w2 = q + q' → q' = w1 − k1, q = w2 − q', factor N_{qσ,k2μ'};
            # second (mirrored): w1 = q + q', w2 = k2 + q' → q' = w2 − k2, q = w1 − q', factor N_{k1μ,qσ}
            for first, kk, w_k, w_q in ((True, k1, w1, w2), (False, k2, w2, w1)):
                qp = tuple(a - b for a, b in zip(w_k, kk, strict=True))
                q = tuple(a - b for a, b in zip(w_q, qp, strict=True))
                Nq = Nfun(q, k2) if first else Nfun(k1, q)
                if Nq is None:
                    continue
                hit = True
                for a in range(2):            # a: the index D carries (μ in the first term, μ' in the second)
                    for b in range(2):
                        t = 1j / p.hbar * val * sum(
                            _D(kk, q, a, s, p) * (Nq[s, b] if first else Nq[b, s]) for s in range(2))
                        if first:
                            out[a, b] += t
                        else:
                            out[b, a] -= t
        return out if hit else None
    return rate


def compton_printed_126_first(K: Vec, P: Vec, F: Callable, k: Vec, p: Params) -> mp.matrix:
    """First term X of printed (126) for n(r) = e^{iK·r}, 𝒩(r,k) = e^{iP·r}F(k), at r = 0:
    ∫dr₁ D̃(r−r₁, k')n(r₁) = e^{iK·r} V D_{k'−K,k'} (from (127)), and exp(i/2 ∇→_{r₁}·∇^(+)_k) shifts
    D̃ and 𝒩 to k' = k − K/2. Returns (i/ħ) V Σ_σ D^{μσ}_{k−3K/2,k−K/2} F_{σμ'}(k − K/2)."""
    K, k = _vec(K), _vec(k)
    kp = _add(k, _scale(K, mp.mpf(-1) / 2))
    ka = _add(kp, K, -1)
    Fv = F(kp)
    out = mp.zeros(2, 2)
    for mu in range(2):
        for nu in range(2):
            out[mu, nu] = 1j / p.hbar * VOLUME * sum(_D(ka, kp, mu, s, p) * Fv[s, nu] for s in range(2))
    return out


def compton_printed_126(K: Vec, P: Vec, F: Callable, k: Vec, r: Vec, p: Params) -> mp.matrix:
    """Printed (126) = X + h.c. for the real inputs n = cos(K·r), 𝒩 = cos(P·r)F(k) (F real
    symmetric), at (r, k); X is linear, so it is the average over the four e^{±iK·r}e^{±iP·r}."""
    X = mp.zeros(2, 2)
    for sK in (1, -1):
        for sP in (1, -1):
            Ks, Ps = _scale(_vec(K), sK), _scale(_vec(P), sP)
            X += compton_printed_126_first(Ks, Ps, F, k, p) * mp.expj(_dot(_add(Ks, Ps), r)) / 4
    return X + X.transpose_conj()


def compton_printed_135(K: Vec, P: Vec, F: Callable, k: Vec, p: Params) -> mp.matrix:
    """Printed (135) for Ω²(r) = (Q²/ε₀m) e^{iK·r}, 𝒩 = e^{iP·r}F(k), at r = 0:
    (Ω²/ω_k) sin(½∇←_k·∇→_r − ½∇←_r·∇→_k) 𝒩 = (Q²/ε₀m)(2i)⁻¹[F(k+K/2)/ω_{k−P/2} − F(k−K/2)/ω_{k+P/2}]."""
    K, P, k = _vec(K), _vec(P), _vec(k)
    half = mp.mpf(1) / 2
    om2 = p.Q**2 / (p.eps0 * p.m)
    g_minus = 1 / omega_k(_add(k, _scale(P, -half)), p)
    g_plus = 1 / omega_k(_add(k, _scale(P, half)), p)
    return om2 / (2j) * (F(_add(k, _scale(K, half))) * g_minus - F(_add(k, _scale(K, -half))) * g_plus)


def shift_rule_check(order: int = 6) -> tuple[sp.Expr, sp.Expr]:
    """The shift rule used for the printed forms, against the engine's Taylor series (1-D):
    exp(i/2 (∇←_r + ∇→_r)(∇←_k − ∇→_k)) applied by ``bidiff`` (series to ``order``) to
    e^{iK1 r}g(k) and e^{iK2 r}g(k) with a cubic g (the series terminates at order 6), against
    e^{i(K1+K2)r} g(k − P) g(k + P), P = (K1+K2)/2. Returns (series, shift) as SymPy expressions."""
    r, kk, K1, K2 = sp.symbols("r k K_1 K_2", real=True)
    g = 1 + kk / 3 - kk**2 / 5 + kk**3 / 7
    arg = sp.I / 2 * (bidiff.D(0, r) + bidiff.D(1, r)) * (bidiff.D(0, kk) - bidiff.D(1, kk))
    op = sp.Add(*bidiff.series_of("exp", arg, order))
    series = bidiff.apply(op, [sp.exp(sp.I * K1 * r) * g, sp.exp(sp.I * K2 * r) * g])
    P = (K1 + K2) / 2
    shift = sp.exp(sp.I * (K1 + K2) * r) * g.subs(kk, kk - P) * g.subs(kk, kk + P)
    return sp.expand(series), sp.expand(shift)


# ----------------------------------------------------------------------------- M part of (12)
#: Lattice vectors (box L = 2π) of the truncated 3-D mode set for the Heisenberg check of (12),
#: closed under k → −k.
MODE_SET = ((0, 0, 0), (1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1),
            (1, 1, 0), (-1, -1, 0))


def even_polarizations(k: Vec) -> tuple[tuple, tuple]:
    """Exact (SymPy) transverse orthonormal polarisations with ε_{−k,μ} = ε_{k,μ} (the convention that
    makes Â of Eq. (3) Hermitian with real ε), for the directions of ``MODE_SET``."""
    k = tuple(int(v) for v in k)
    s = 1 if next((v for v in k if v != 0), 0) > 0 else -1
    kk = tuple(s * v for v in k)
    table = {(1, 0, 0): ((0, 1, 0), (0, 0, 1)), (0, 1, 0): ((0, 0, 1), (1, 0, 0)),
             (0, 0, 1): ((1, 0, 0), (0, 1, 0)),
             (1, 1, 0): ((sp.sqrt(2) / 2, -sp.sqrt(2) / 2, 0), (0, 0, 1))}
    if kk not in table:
        raise ModelError(f"even_polarizations: no transverse basis tabulated for k = {k}; valid "
                         f"directions: {sorted(table)} and their negatives")
    return tuple(tuple(sp.sympify(c) for c in e) for e in table[kk])


def linear_coupling_M(k: Vec, kp: Vec, mu: int, pol: Callable = even_polarizations) -> sp.Expr:
    """M^μ_{k,k'} = −(Q/(m√V)) 𝓐_{k,μ}·ħk' (Eq. (10)) with 𝓐_{k,μ} = ε_{k,μ} 𝔞(|k|²), 𝔞 a generic
    function standing for (ħ/2ε₀ω_k)^{1/2}; ``pol`` gives the polarisation vectors."""
    V = sp.Symbol("V", positive=True)
    a = sp.Function("calA")(sum(v**2 for v in k))
    eps = pol(k)[mu]
    return -Q / (m * sp.sqrt(V)) * a * hbar * sum(e * v for e, v in zip(eps, kp, strict=True))


def _vadd(a, b, s=1):
    if isinstance(a, tuple):
        return tuple(u + s * v for u, v in zip(a, b, strict=True))
    return a + s * b


def _vneg(a):
    return tuple(-u for u in a) if isinstance(a, tuple) else -a


def _a_op(k, mu):
    """Photon mode operator a_{k,μ} (k an integer or an integer tuple)."""
    from symlight.algebra import Boson
    return Boson("a", (*k, mu) if isinstance(k, tuple) else (k, mu))


def _c_op(k):
    """Fermion mode operator c_k."""
    from symlight.algebra import Fermion
    return Fermion("c", k)


def _linear_hamiltonian(kset: Sequence, ph: Sequence, M_fn: Callable) -> sp.Expr:
    """H^(1) of (8) on the mode set ``kset`` (photon modes ``ph``), terms leaving ``kset`` dropped."""
    from symlight.algebra import dagger

    ks = set(kset)
    H = sp.Integer(0)
    for k in ph:
        for kp in kset:
            if _vadd(k, kp) not in ks:
                continue
            for mu in range(2):
                Mv = M_fn(k, kp, mu)
                H += Mv * (_a_op(k, mu) * dagger(_c_op(_vadd(k, kp))) * _c_op(kp)
                           + dagger(_a_op(k, mu)) * dagger(_c_op(kp)) * _c_op(_vadd(k, kp)))
    return H


def heisenberg_linear_part(p_vec: Vec, pol: Callable = even_polarizations) -> tuple[sp.Expr, sp.Expr]:
    """(printed, derived) M part of (12) for the fermion mode c_p on ``MODE_SET``: the derived one is
    the commutator [c_p, H^(1)] with H^(1) of (8) (``symlight.algebra``), the printed one
    Σ_{μ,k'} M^μ_{k',p}(a_{k'μ} + a†_{−k'μ}) c_{p−k'}; terms leaving the mode set are dropped on both
    sides alike; photon modes exclude k = 0."""
    from symlight.algebra import commutator, dagger

    ks = set(MODE_SET)
    photon = [k for k in MODE_SET if k != (0, 0, 0)]

    H1 = _linear_hamiltonian(MODE_SET, photon, lambda k, kp, mu: linear_coupling_M(k, kp, mu, pol))
    p_vec = tuple(p_vec)
    derived = commutator(_c_op(p_vec), H1)
    printed = sp.Integer(0)
    for kp in photon:
        if _vadd(p_vec, kp, -1) not in ks:
            continue
        for mu in range(2):
            Mv = linear_coupling_M(kp, p_vec, mu, pol)
            printed += Mv * (_a_op(kp, mu) + dagger(_a_op(_vneg(kp), mu))) * _c_op(_vadd(p_vec, kp, -1))
    return sp.expand(printed), derived


# ----------------------------------------------------------------------------- (112)-(113)
def mode_hamiltonian(kset: Sequence, M_fn: Callable, D_fn: Callable, omega_fn: Callable, xi_fn: Callable,
                     photon_ok: Callable = lambda k: True) -> sp.Expr:
    """H_pl (free part of (6)) + H_rad (7) + H^(1) (8) + H^(2) (9) on the finite mode set ``kset``
    (integers or integer tuples), two polarisations; a term is kept only when all its mode labels lie
    in ``kset`` (the same truncation is applied to the printed equations)."""
    from symlight.algebra import dagger

    ks = set(kset)
    ph = [k for k in kset if photon_ok(k)]
    H = sum(xi_fn(k) * dagger(_c_op(k)) * _c_op(k) for k in kset)
    H += sum(hbar * omega_fn(k) * dagger(_a_op(k, mu)) * _a_op(k, mu) for k in ph for mu in range(2))
    H += _linear_hamiltonian(kset, ph, M_fn)
    for k in ph:
        for kp in ph:
            for pf in kset:                 # q runs over all shifts with both fermion labels in kset
                q = _vadd(pf, k, -1)
                if _vadd(kp, q) not in ks:
                    continue
                for mu in range(2):
                    for nu in range(2):
                        H += D_fn(k, mu, kp, nu) * dagger(_a_op(k, mu)) * _a_op(kp, nu) \
                            * dagger(_c_op(_vadd(kp, q))) * _c_op(_vadd(k, q))
    return H


def factorise(expr: sp.Expr) -> sp.Expr:
    """Cluster truncation of App. A: ⟨a c†c⟩ = A W, ⟨a† c†c⟩ = A* W, ⟨a†a c†c⟩ = N W, ⟨a†a⟩ = N,
    ⟨c†c⟩ = W, with A(k, μ), N(k, μ, k', μ'), W(p, p') undefined functions of the mode labels."""
    from symlight.algebra import Avg, avg_word

    A, N, W = sp.Function("A"), sp.Function("N"), sp.Function("W")

    def one(avg):
        word = avg_word(avg)
        bos = [o for o in word if o.statistics == "boson"]
        fer = [o for o in word if o.statistics == "fermion"]
        val = sp.Integer(1)
        if fer:
            if len(fer) != 2 or not fer[0].is_dagger or fer[1].is_dagger:
                raise ModelError(f"factorise: unexpected fermion word {word}")
            val *= W(*fer[0].label, *fer[1].label)
        if len(bos) == 1:
            lab = tuple(bos[0].label)
            val *= sp.conjugate(A(*lab)) if bos[0].is_dagger else A(*lab)
        elif len(bos) == 2:
            if not bos[0].is_dagger or bos[1].is_dagger:
                raise ModelError(f"factorise: unexpected boson word {word}")
            val *= N(*bos[0].label, *bos[1].label)
        elif len(bos) > 2:
            raise ModelError(f"factorise: word {word} beyond the truncation")
        return val
    return sp.expand(expr.replace(lambda e: isinstance(e, Avg), one))


def heisenberg_rate(H: sp.Expr, op: sp.Expr) -> sp.Expr:
    """d⟨Ô⟩/dt = (i/ħ)⟨[Ĥ, Ô]⟩, factorised (``factorise``)."""
    from symlight.algebra import commutator, expectation
    return factorise(sp.I / hbar * expectation(commutator(H, op)))


def fermion_compton_modes(Nc: Mapping[tuple, object], Wfun: Callable, p: Params) -> Callable:
    """Compton (D) part of ∂_t W_{k1,k2} as it follows from H^(2) of (9) by the Heisenberg equation
    (the sign computed by ``heisenberg_rate``, opposite to the printed (113)):
    (i/ħ) Σ D^{μν}_{q,q'} N_{qμ,q'ν} (W_{k1+q'−q, k2} − W_{k1, k2+q−q'}), summed over the support of
    the sparse photon correlator ``Nc`` {((q, μ), (q', ν)): value}; ``Wfun(k1, k2)`` → value or None."""
    def rate(k1, k2):
        total = mp.mpc(0)
        hit = False
        for ((q, mu), (qp, nu)), val in Nc.items():
            d = tuple(b - a for a, b in zip(q, qp, strict=True))
            w1 = Wfun(tuple(a + b for a, b in zip(k1, d, strict=True)), k2)
            w2 = Wfun(k1, tuple(a - b for a, b in zip(k2, d, strict=True)))
            if w1 is None and w2 is None:
                continue
            hit = True
            total += 1j / p.hbar * _D(q, qp, mu, nu, p) * val * ((w1 or 0) - (w2 or 0))
        return total if hit else None
    return rate


def plasma_compton_printed_132(K: Vec, P: Vec, photons: Sequence[tuple], G: Callable, k: Vec, r: Vec,
                              p: Params) -> mp.mpc:
    """Printed (132) (+ c.c.) for real inputs 𝒲 = cos(K·r)G(k), 𝒩_{μμ'}(r,q) = cos(P·r) Σ_j V f_j
    δ_{q,Q_j} δ_{μμ'}/2 (``photons`` = [(Q_j, f_j)]), at (r, k). The first term X is linear: for
    e^{iP·r₁} and e^{iK·r}, ∫dr₁ D̃(r₁ − r, q) e^{iP·r₁} = e^{iP·r} V D_{q+P,q} (from (127)) and
    exp(i/2 ∇→_{r₁}·∇→_q − i/2 ∇→_{r₁}·∇→_k) shifts 𝒩 to q − P/2 and 𝒲 to k + P/2."""
    half = mp.mpf(1) / 2
    X = mp.mpc(0)
    for sK in (1, -1):
        for sP in (1, -1):
            Ks, Ps = _scale(_vec(K), sK), _scale(_vec(P), sP)
            for Qj, fj in photons:
                q = _add(_vec(Qj), _scale(Ps, half))            # F(q − P/2) ≠ 0 only at q = Q_j + P/2
                Dsum = sum(_D(_add(q, Ps), q, mu, mu, p) for mu in range(2)) / 2
                X += (1j / p.hbar * VOLUME * Dsum * VOLUME * mp.mpf(fj) / VOLUME
                      * G(_add(_vec(k), _scale(Ps, half))) * mp.expj(_dot(_add(Ps, Ks), r)) / 4)
    return X + mp.conj(X)
