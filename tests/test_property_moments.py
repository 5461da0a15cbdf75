"""Property-based tests (hypothesis): the moment engine against the full Liouvillian.

Strategies (seed 002_796c9b23bedf2618.txt, Eqs. (40), (45): Lindblad master equation with a
matrix of collective rates):

* random Hamiltonians of 1–2 two-level sites and an optional bosonic mode: detunings, complex
  drives, exchange couplings σ⁺ᵢσ⁻ⱼ + h.c., a mode frequency, Jaynes–Cummings couplings, a
  coherent drive of the mode and a Kerr term a†a†aa, with small Gaussian-rational coefficients;
* random positive semidefinite rate matrices R = A A† (complex A, rank-deficient ones included:
  collective decay with dark states) for the jumps σ⁻ᵢ (and a);
* random operator words (products of σ⁺, σ⁻, σᵉᵉ of distinct sites and a boson monomial).

Property 1: d⟨w⟩/dt from ``meanfield`` equals Tr[w L(ρ)] of ``symlight.moments.liouvillian`` at a
random density matrix ρ (operators embedded by the independent ``tests.algebra_reference``;
the Fock space is truncated well above the support of ρ and the reach of every word).
Property 2: for two-level systems, the steady state of the closed hierarchy equals the null
vector of the Liouvillian (when that one is unique).
Bounded example counts: a few seconds in all.
"""

from __future__ import annotations

import itertools

import numpy as np
import sympy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from symlight.algebra import Boson, TwoLevel
from symlight.errors import InputError, ModelError
from symlight.moments import complete, linear_system, meanfield
from symlight.moments import liouvillian as lv
from tests.algebra_reference import Space, mode_keys

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NMAX = 2       # ρ is supported on Fock states n <= NMAX
BOSON_DIM = 8  # > NMAX + reach of H (1) + reach of the rhs words (4)

small = st.integers(-3, 3).map(lambda k: sympy.Rational(k, 2))
gauss = st.builds(lambda re, im: sympy.Rational(re, 2) + sympy.I * sympy.Rational(im, 2),
                  st.integers(-3, 3), st.integers(-3, 3))


@st.composite
def models(draw, allow_mode: bool = True):
    n = draw(st.integers(1, 2))
    sites = [TwoLevel(i + 1) for i in range(n)]
    mode = Boson("a") if allow_mode and draw(st.booleans()) else None
    H = sympy.S.Zero
    for s in sites:
        om = draw(gauss)
        H += draw(small) * s.ee + om * s.raise_ + sympy.conjugate(om) * s.lower
    for i, j in itertools.combinations(range(n), 2):
        g = draw(gauss)
        H += g * sites[i].raise_ * sites[j].lower + sympy.conjugate(g) * sites[j].raise_ * sites[i].lower
    jumps = [s.lower for s in sites]
    if mode is not None:
        a = mode
        f = draw(gauss)
        H += draw(small) * a.dag * a + f * a.dag + sympy.conjugate(f) * a
        H += draw(st.sampled_from([0, sympy.Rational(1, 2), -1])) * a.dag * a.dag * a * a
        for s in sites:
            lam = draw(gauss)
            H += lam * a.dag * s.lower + sympy.conjugate(lam) * a * s.raise_
        jumps.append(a)
    k = len(jumps)
    entries = draw(st.lists(gauss, min_size=k * k, max_size=k * k))
    A = sympy.Matrix(k, k, entries)
    R = (A * A.H).applyfunc(sympy.expand)  # Hermitian PSD, possibly singular
    return sites, mode, H, jumps, R


@st.composite
def words(draw, sites, mode):
    out = []
    for _ in range(draw(st.integers(1, 3))):
        factors = []
        for s in sites:
            pick = draw(st.sampled_from([None, "raise_", "lower", "ee"]))
            if pick:
                factors.append(getattr(s, pick))
        if mode is not None:
            a = mode
            factors.append(draw(st.sampled_from([None, a, a.dag, a.dag * a, a.dag * a.dag, a * a])))
        factors = [f for f in factors if f is not None]
        if factors:
            out.append(sympy.Mul(*factors))
    assume(out)
    return out


def _space(sites, mode) -> Space:
    atoms = [s.lower for s in sites] + ([mode] if mode is not None else [])
    return Space(mode_keys(atoms), boson_dim=BOSON_DIM)


def _random_rho(space: Space, rng: np.random.Generator, with_mode: bool) -> np.ndarray:
    d = space.size
    cols = space.safe_columns(BOSON_DIM - 1 - NMAX) if with_mode else np.arange(d)
    a = np.zeros((d, d), complex)
    block = rng.normal(size=(len(cols), len(cols))) + 1j * rng.normal(size=(len(cols), len(cols)))
    a[np.ix_(cols, cols)] = block
    rho = a @ a.conj().T
    return rho / np.trace(rho)


@SETTINGS
@given(st.data())
def test_moment_equations_equal_full_liouvillian(data):
    sites, mode, H, jumps, R = data.draw(models())
    ops = data.draw(words(sites, mode))
    space = _space(sites, mode)
    system = meanfield(ops, H, jumps, R)
    L = lv.liouvillian(space.evaluate(H), [space.evaluate(j) for j in jumps],
                       np.array(R.evalf(), dtype=complex))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    rho = _random_rho(space, rng, mode is not None)
    d = space.size
    drho = (L @ rho.reshape(-1)).reshape(d, d)
    for w in system.words:
        lhs = np.trace(space.evaluate(sympy.Mul(*w)) @ drho)
        rhs = sum(complex(c) * (1.0 if not v else np.trace(space.evaluate(sympy.Mul(*v)) @ rho))
                  for v, c in system.rhs[w].items())
        assert abs(lhs - rhs) < 1e-9 * max(1.0, abs(lhs)), (sympy.Mul(*w), H, R, lhs, rhs)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(allow_mode=False))
def test_closed_hierarchy_steady_state_equals_liouvillian_null_vector(model):
    sites, _, H, jumps, R = model
    space = _space(sites, None)
    L = lv.liouvillian(space.evaluate(H), [space.evaluate(j) for j in jumps],
                       np.array(R.evalf(), dtype=complex))
    sv = np.linalg.svd(L, compute_uv=False)
    assume(sv[-2] > 1e-6 * sv[0])  # unique stationary state (no dark subspace, no symmetry)
    rho = lv.stationary_state(L)
    system = complete(meanfield([sites[0].raise_], H, jumps, R))
    assert system.n == 4 ** len(sites) - 1
    lin = linear_system(system)
    M = np.array(lin.M.evalf(), dtype=complex)
    b = np.array(lin.b.evalf(), dtype=complex).ravel()
    assume(np.linalg.cond(M) < 1e8)
    S = np.linalg.solve(M, -b)
    for w, value in zip(lin.words, S, strict=True):
        expected = np.trace(space.evaluate(sympy.Mul(*w)) @ rho)
        assert abs(value - expected) < 1e-7, (sympy.Mul(*w), value, expected)


@settings(max_examples=6, deadline=None)
@given(st.lists(gauss, min_size=4, max_size=4), st.integers(-4, -1))
def test_non_psd_rate_matrices_are_refused(entries, shift):
    """R = A A† + shift·1 with shift below −λ_min(A A†) is not PSD: a ModelError, never equations."""
    s1, s2 = TwoLevel(1), TwoLevel(2)
    A = sympy.Matrix(2, 2, entries)
    R = (A * A.H).applyfunc(sympy.expand)
    lam_min = min(np.linalg.eigvalsh(np.array(R.evalf(), dtype=complex)))
    R = R + (shift - sympy.Rational(int(np.ceil(lam_min * 8)), 8)) * sympy.eye(2)
    try:
        meanfield([s1.raise_], s1.ee + s2.ee, [s1.lower, s2.lower], R)
    except ModelError as exc:
        assert "positive semidefinite" in str(exc)
    else:
        raise AssertionError(f"non-PSD rate matrix {R} accepted")
    # a non-Hermitian one too (off-diagonal never 0: entries[0] = -1 once made it the identity)
    bad = sympy.Matrix([[1, 1 + abs(entries[0])], [0, 1]])
    try:
        meanfield([s1.raise_], s1.ee, [s1.lower, s2.lower], bad)
    except (ModelError, InputError):
        pass
    else:
        raise AssertionError("non-Hermitian rate matrix accepted")
