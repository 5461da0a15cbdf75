"""Green tensors, contact term, magnetic kernel and t-matrix of seed 003 (independent twins)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symlight.errors import InputError
from symlight.greens import dyadic, identities, magnetic, tmatrix
from symlight.greens.coupled import green_matrix, green_matrix_loop


def test_green_tensor_matches_scalar_route_numerically():
    x, y, z = sp.symbols("x y z", real=True)
    k = sp.Symbol("k", positive=True)
    a = dyadic.green_from_scalar_sym((x, y, z), k)
    pt = {x: 0.3, y: -0.7, z: 1.1, k: 1.3}
    num = np.array(a.subs(pt).evalf(), dtype=complex)
    ref = dyadic.green_tensor(np.array([0.3, -0.7, 1.1]), 1.3)
    assert np.allclose(num, ref, rtol=1e-12)


def test_contact_identity_quadrature_and_negative_control():
    q = identities.quadrature_check(n_r=100, n_theta=32, n_phi=64)
    assert np.allclose(q["lhs"], q["rhs"], atol=1e-9)
    # without the δ/3 contact term the identity fails by f(0)/3 on the diagonal
    assert np.abs(np.diag(q["lhs"] - q["pv"])).min() > 0.1


def test_contact_weight_is_one_third():
    assert identities.contact_weight() == sp.eye(3) / 3


def test_magnetic_kernel_is_curl_of_green_fd():
    r = np.array([0.4, 0.9, -0.3])
    h = 1e-5
    curl = np.zeros((3, 3), complex)
    for a in range(3):
        e = np.zeros(3)
        e[a] = h
        dg = (dyadic.green_tensor(r + e) - dyadic.green_tensor(r - e)) / (2 * h)
        for i in range(3):
            for b in range(3):
                curl[i] += int(sp.LeviCivita(i, a, b)) * dg[b]
    assert np.allclose(curl, magnetic.magnetic_kernel(r), atol=1e-7)
    # the printed sign of (B5) matters: flipping it breaks the identity
    assert not np.allclose(curl, -magnetic.magnetic_kernel(r), atol=1e-3)


def test_tmatrix_chain_and_optical_theorem():
    assert sp.simplify(tmatrix.t_derived() - tmatrix.t_printed_eq9()) == 0
    assert tmatrix.optical_theorem_residual() == 0
    d = np.linspace(-3, 3, 13)
    t = tmatrix.t_value(d)
    assert np.allclose(-t.imag, np.abs(t) ** 2 / (6 * np.pi))  # k = k0 = 1
    assert abs(tmatrix.transverse_delta_sum_numeric() - 1 / (6 * np.pi)) < 1e-6


def test_green_matrix_vectorised_equals_loop_and_is_symmetric():
    rng = np.random.default_rng(3)
    pos = rng.random((12, 3)) * 4
    a = green_matrix(pos)
    assert np.allclose(a, green_matrix_loop(pos), rtol=1e-13, atol=1e-15)
    assert np.allclose(a, a.T)  # reciprocity


def test_overlapping_dipoles_raise():
    pos = np.array([[0.0, 0, 0], [1.0, 0, 0], [0.0, 0, 0]])
    with pytest.raises(InputError, match="overlap"):
        green_matrix(pos)
    with pytest.raises(InputError):
        dyadic.green_tensor(np.zeros(3))
    with pytest.raises(InputError):
        green_matrix(np.zeros((3, 2)))


def test_nearly_overlapping_dipoles_raise_not_overflow():
    pos = np.array([[0.0, 0, 0], [1e-120, 0, 0], [1.0, 1.0, 0]])
    with pytest.raises(InputError, match="nearly overlap"):
        green_matrix(pos)
    close = np.array([[0.0, 0, 0], [1e-6, 0, 0]])  # close but resolvable: finite (subradiant pair)
    assert np.all(np.isfinite(green_matrix(close)))


def test_max_dipoles_cap_refuses_before_allocating(monkeypatch):
    from symlight.greens import coupled

    pos = np.column_stack([np.arange(10.0), np.zeros(10), np.zeros(10)])
    with pytest.raises(InputError, match=r"M = 10 dipoles.*max_dipoles = 5.*max_dipoles=10"):
        green_matrix(pos, max_dipoles=5)
    assert green_matrix(pos, max_dipoles=10).shape == (30, 30)
    monkeypatch.setenv(coupled.MAX_DIPOLES_ENV, "4")
    with pytest.raises(InputError, match="SYMLIGHT_MAX_DIPOLES"):
        green_matrix(pos)
    monkeypatch.setenv(coupled.MAX_DIPOLES_ENV, "many")
    with pytest.raises(InputError, match="positive integer"):
        green_matrix(pos)
    monkeypatch.delenv(coupled.MAX_DIPOLES_ENV)
    # default from memory: the paper's M = 14137 (Appendix B) would need 28.8 GB per matrix
    monkeypatch.setattr(coupled, "_available_bytes", lambda: 16 * 1024**3)
    cap = coupled.default_max_dipoles()
    assert 4 * coupled.matrix_bytes(cap) <= 16 * 1024**3 < 4 * coupled.matrix_bytes(cap + 1)
    with pytest.raises(InputError, match="M = 14137"):
        coupled.check_dipole_count(14137)
    # a transient dip of MemAvailable (shared machine) keeps the floor: small ensembles still run
    monkeypatch.setattr(coupled, "_available_bytes", lambda: 0)
    assert coupled.default_max_dipoles() == coupled.MIN_DEFAULT_CAP
    coupled.check_dipole_count(coupled.MIN_DEFAULT_CAP)
    with pytest.raises(InputError, match="0.0 GB available"):
        coupled.check_dipole_count(coupled.MIN_DEFAULT_CAP + 1)
