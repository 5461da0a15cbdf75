"""Generated kernels agree with symbolic evaluation at 50 digits (mpmath) to 1e-12 relative.

The matrix is a random 15×15 matrix of rational functions of four complex parameters (and one
real), the shape of the moment matrices the kernels are built for. The reference evaluates
the SymPy expressions with mpmath at 50 significant digits (``lambdify(modules="mpmath")``
under ``mp.dps = 50``), not with any code path of the kernels.
"""

from __future__ import annotations

import shutil

import mpmath
import numpy as np
import pytest
import sympy as sp

from symlight.kernels import generate

a, b, c, d = sp.symbols("a b c d")
t = sp.Symbol("t", real=True)
ARGS = [a, b, c, d, t]


def random_matrix(seed: int = 7, n: int = 15) -> sp.Matrix:
    """Sparse random rational functions; denominators bounded away from zero on |params| < 1."""
    rng = np.random.default_rng(seed)
    monomials = [sp.Integer(1), a, b, c, d, t, a * b, sp.conjugate(a), c * d, t * a, b**2, d**3,
                 sp.conjugate(c) * t]
    denominators = [sp.Integer(1), 3 + a * b, 4 - c * d + t / 3, 5 + t**2, 3 + sp.conjugate(b) * d]
    M = sp.zeros(n, n)
    for i in range(n):
        for j in range(n):
            if rng.random() < 0.45:
                continue
            num = sum(sp.Rational(int(rng.integers(-9, 10)), int(rng.integers(1, 7)))
                      * monomials[int(k)] for k in rng.choice(len(monomials), 3, replace=False))
            M[i, j] = num / denominators[int(rng.integers(len(denominators)))] + sp.I * (i - j) / 7
    return M


def random_points(n: int, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    z = rng.uniform(0, 1, (4, n)) ** 0.5 * np.exp(2j * np.pi * rng.uniform(0, 1, (4, n)))
    return z, rng.uniform(-1, 1, n)


def mp_reference(M: sp.Matrix, z: np.ndarray, tt: np.ndarray) -> np.ndarray:
    nz = [(i, j) for i in range(M.rows) for j in range(M.cols) if M[i, j] != 0]
    f = sp.lambdify(ARGS, [M[i, j] for i, j in nz], modules="mpmath")
    out = np.zeros((tt.size,) + M.shape, dtype=complex)
    with mpmath.workdps(50):
        for p in range(tt.size):
            args = [mpmath.mpc(complex(v)) for v in z[:, p]] + [mpmath.mpf(float(tt[p]))]
            for (i, j), v in zip(nz, f(*args), strict=True):
                out[p, i, j] = complex(v)
    return out


def _check(npoints: int, n: int = 15) -> dict[str, float]:
    M = random_matrix(n=n)
    z, tt = random_points(npoints)
    ref = mp_reference(M, z, tt)
    nz = np.abs(ref) > 0
    worst = {}
    for backend in ["numpy", "c"] if shutil.which("gcc") else ["numpy"]:
        k = generate(M, ARGS, backend=backend)
        got = k(*z, tt)
        rel = np.abs(got - ref)[nz] / np.abs(ref)[nz]
        worst[backend] = float(rel.max())
        assert np.all(got[~nz] == 0)
    return worst


def test_kernels_agree_with_mpmath_50_digits(tmp_path, monkeypatch):
    monkeypatch.setenv("SYMLIGHT_CACHE", str(tmp_path))
    worst = _check(60, n=8)
    assert all(v < 1e-12 for v in worst.values()), worst


@pytest.mark.slow
def test_kernels_agree_with_mpmath_50_digits_1000_points(tmp_path, monkeypatch):
    monkeypatch.setenv("SYMLIGHT_CACHE", str(tmp_path))
    worst = _check(1000)
    print("max relative error vs mpmath(50 digits), 1000 points:", worst)
    assert all(v < 1e-12 for v in worst.values()), worst


def test_special_functions_agree_with_mpmath():
    z = sp.Symbol("z")
    exprs = [sp.besselj(sp.Rational(3, 2), z), sp.exp(z) * sp.sqrt(z + 2), sp.log(1 + z**2),
             sp.atan(z) / (2 + z), sp.jn(3, z)]
    k = generate(exprs, [z])
    rng = np.random.default_rng(5)
    zs = rng.uniform(0.2, 6, 200) * np.exp(1j * rng.uniform(-1.2, 1.2, 200))
    got = k(zs)
    with mpmath.workdps(50):
        for p, zv in enumerate(zs):
            w = mpmath.mpc(complex(zv))
            ref = [mpmath.besselj(1.5, w), mpmath.exp(w) * mpmath.sqrt(w + 2), mpmath.log(1 + w**2),
                   mpmath.atan(w) / (2 + w), mpmath.sqrt(mpmath.pi / (2 * w)) * mpmath.besselj(3.5, w)]
            for q, rv in enumerate(ref):
                rv = complex(rv)
                assert abs(got[p, q] - rv) <= 1e-12 * abs(rv), (exprs[q], zv, got[p, q], rv)
