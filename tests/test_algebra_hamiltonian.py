"""Hamiltonian checks: hermiticity and [H, N] for the two-atom waveguide model (seed 004, Eq. (1))."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from symlight.algebra import (
    Boson,
    TwoLevel,
    commutator,
    conserves,
    dagger,
    is_hermitian,
    normal_order,
    require_hermitian,
    to_matrix,
)
from symlight.errors import ModelError

KS = (-2, -1, 1, 2)  # a few discretised guided modes
omega0, d = sympy.symbols("omega_0 d", positive=True)
w = {k: sympy.Symbol(f"omega_{k + 3}", positive=True) for k in KS}
g = {k: sympy.Symbol(f"g_{k + 3}", positive=True) for k in KS}


def _model(rwa: bool):
    atoms = [TwoLevel(1), TwoLevel(2)]
    xs = [0, d]
    modes = {k: Boson("a", k) for k in KS}
    h = sum(w[k] * modes[k].dag * modes[k] for k in KS)
    h += omega0 * sum(at.ee for at in atoms)
    for k in KS:
        for at, x in zip(atoms, xs, strict=True):
            phase = sympy.exp(sympy.I * k * x)
            field = g[k] * (phase * modes[k] + sympy.conjugate(phase) * modes[k].dag)
            if rwa:  # Eq. (1)-(2): keep a σ+ and a† σ- only
                h += g[k] * (phase * modes[k] * at.raise_ + sympy.conjugate(phase) * modes[k].dag * at.lower)
            else:
                h += field * (at.raise_ + at.lower)
    number = sum(modes[k].dag * modes[k] for k in KS) + sum(at.ee for at in atoms)
    return h, number


def test_rwa_hamiltonian_conserves_excitation_number():
    h, n = _model(rwa=True)
    assert is_hermitian(h)
    assert conserves(h, n)


def test_without_rwa_excitation_number_is_not_conserved():
    h, n = _model(rwa=False)
    assert is_hermitian(h)
    c = commutator(h, n)
    assert c != 0
    # the counter-rotating terms a σ- and a† σ+ change N by ∓2: [H, N] contains them
    a1 = Boson("a", 1)
    assert any(a1 in term.atoms(type(a1)) for term in sympy.Add.make_args(c))


def test_commutator_matches_matrices_for_the_waveguide_model():
    h, n = _model(rwa=False)
    values = {omega0: 1.3, d: 0.7, **{w[k]: 1.0 + 0.1 * k for k in KS}, **{g[k]: 0.2 for k in KS}}
    # two modes only keep the matrices small
    h2 = h.subs({g[-2]: 0, g[2]: 0, w[-2]: 0, w[2]: 0})
    n2 = n - Boson("a", -2).dag * Boson("a", -2) - Boson("a", 2).dag * Boson("a", 2)
    c = commutator(h2, n2)
    dims = 4
    mh = to_matrix(h2, subs=values, boson_dim=dims)
    mn = to_matrix(n2, subs=values, boson_dim=dims)
    mc = to_matrix(c, subs=values, boson_dim=dims)
    from symlight.algebra import modes_of
    modes = modes_of(h2)
    # columns with every boson occupation <= dims - 3 are free of truncation effects
    idx = np.indices([dims if m[0] == "boson" else 2 for m in modes]).reshape(len(modes), -1).T
    ok = np.all(idx[:, [j for j, m in enumerate(modes) if m[0] == "boson"]] <= dims - 3, axis=1)
    assert np.allclose((mh @ mn - mn @ mh)[:, ok], mc[:, ok])
    assert np.abs(mc).max() > 0.1


def test_non_hermitian_hamiltonian_is_detected():
    a = Boson("a")
    atom = TwoLevel(1)
    gr = sympy.Symbol("g", positive=True)
    h = gr * a * atom.raise_  # missing its Hermitian conjugate
    assert not is_hermitian(h)
    with pytest.raises(ModelError, match="not Hermitian"):
        require_hermitian(h)
    assert is_hermitian(h + dagger(h))
    # a complex coefficient without its conjugate is not Hermitian either
    assert not is_hermitian(sympy.I * a.dag * a)
    assert normal_order(dagger(dagger(h)) - h) == 0
