"""symlight.dispersion: linearise → Fourier → matrix → det on systems with known modes."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symlight.dispersion import (
    coupled_modes,
    dispersion_matrix,
    dispersion_relation,
    fourier_substitute,
    linearize,
    row_scale,
    solve_frequency,
    track_roots,
)
from symlight.errors import InputError

x, t = sp.symbols("x t", real=True)
q, w, c, n0 = sp.symbols("q omega c n_0", positive=True)


def _acoustic():
    n, u = sp.Function("n")(x, t), sp.Function("u")(x, t)
    dn, du = sp.Function("dn")(x, t), sp.Function("du")(x, t)
    eqs = [sp.diff(n, t) + sp.diff(n * u, x), sp.diff(u, t) + u * sp.diff(u, x) + c**2 / n * sp.diff(n, x)]
    lin = linearize(eqs, {n: (n0, dn), u: (0, du)})
    A = sp.symbols("A_n A_u")
    four = fourier_substitute(lin, {dn: A[0], du: A[1]}, [x], [q], t, w)
    return dispersion_matrix(four, A)


def test_isothermal_sound_modes():
    M = _acoustic()
    roots = solve_frequency(M, w)
    assert set(sp.simplify(r) for r in roots) == {c * q}  # ω is declared positive
    assert sp.simplify(dispersion_relation(M).subs(w, c * q)) == 0
    assert sp.simplify(dispersion_relation(M).subs(w, 2 * c * q)) != 0


def test_linearize_rejects_non_equilibrium():
    n = sp.Function("n")(x, t)
    with pytest.raises(InputError):
        linearize([sp.diff(n, t) + 1], {n: (n0, sp.Function("dn")(x, t))})


def test_row_scale():
    a = sp.Matrix([[1, 2, 0]])
    assert row_scale(a, 3 * a) == 3


def test_track_roots_keeps_branches_through_coalescence():
    # ω² = q² − 1 (real for q > 1, imaginary pair below) and ω = 0.5: branches must stay smooth
    qs = np.linspace(0.0, 2.0, 401)
    roots = track_roots(lambda qq: np.polymul([1, 0, 1 - qq**2], [1, -0.5]), qs)
    jumps = np.abs(np.diff(roots, axis=0)).max()
    assert jumps < 0.2
    flat = [j for j in range(3) if np.allclose(roots[:, j], 0.5)]
    assert len(flat) == 1
    for qq, r in zip(qs, roots, strict=True):
        assert np.allclose(np.polyval(np.polymul([1, 0, 1 - qq**2], [1, -0.5]), r), 0, atol=1e-9)


def test_coupled_modes_weights_and_eigenvalues():
    rng = np.random.default_rng(1)
    wa, wb, g2 = rng.uniform(0.5, 2, 20), rng.uniform(0.5, 2, 20), rng.uniform(0.01, 0.5, 20)
    up2, lo2, u2, v2 = coupled_modes(wa, wb, g2)
    assert np.allclose(u2 + v2, 1)
    # eigenvalues solve (W − ωa²)(W − ωb²) = g⁴ (independent closed form)
    for W in (up2, lo2):
        assert np.allclose((W - wa**2) * (W - wb**2), g2**2)
    # far detuned: the upper branch is the higher bare mode
    up2, _, u2, _ = coupled_modes(np.array([3.0]), np.array([1.0]), np.array([1e-6]))
    assert u2[0] > 1 - 1e-9


def test_bad_inputs():
    with pytest.raises(InputError):
        track_roots(lambda qq: [1, 0, -1], [])
    with pytest.raises(InputError):
        dispersion_relation(sp.Matrix([[1, 2]]))


def test_fourier_sign_convention_and_drift():
    # e^{i(qx − ωt)} (seed 001): ∂_t → −iω, ∂_x → iq; continuity with a drift U: ∂_tn + ∂_x(nU) + ∂_xJ
    # gives rows −iω + iqU and iq; a wave that drifts at U has ω = qU (Doppler sign fixed by hand)
    U = sp.Symbol("U", positive=True)
    dn, dJ = sp.Function("dn")(x, t), sp.Function("dJ")(x, t)
    A = sp.symbols("A_n A_J")
    eqs = [sp.diff(dn, t) + U * sp.diff(dn, x) + sp.diff(dJ, x), sp.diff(dJ, t) + U * sp.diff(dJ, x)]
    four = fourier_substitute(eqs, {dn: A[0], dJ: A[1]}, [x], [q], t, w)
    M = dispersion_matrix(four, A)
    expected = sp.Matrix([[-sp.I * w + sp.I * q * U, sp.I * q], [0, -sp.I * w + sp.I * q * U]])
    assert (M - expected).applyfunc(sp.expand) == sp.zeros(2, 2)
    assert solve_frequency(M, w) == [q * U]
