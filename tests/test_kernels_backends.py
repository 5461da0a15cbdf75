"""Generated kernels (NumPy and C backends): values, broadcasting, dtypes, branches, special functions.

References are independent of the generated code: SymPy's own ``lambdify`` per point, direct
NumPy/SciPy formulas, and mpmath at 50 digits (tests/test_kernels_mpmath.py).
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.special as sps
import sympy as sp

from symlight.errors import InputError
from symlight.kernels import generate
from symlight.kernels.cache import openmp_available

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


def _backends() -> list[str]:
    import shutil

    return ["numpy", "c"] if shutil.which("gcc") else ["numpy"]


@pytest.fixture(autouse=True, scope="module")
def _cache(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("SYMLIGHT_CACHE", str(tmp_path_factory.mktemp("kernel-cache")))
    yield
    mp.undo()


x, y = sp.symbols("x y")
r = sp.Symbol("r", real=True)


@pytest.mark.parametrize("backend", _backends())
def test_matrix_kernel_matches_lambdify_pointwise_and_broadcasts(backend):
    M = sp.Matrix([[x * y + 1 / (2 + x), 0, sp.exp(r) * x],
                   [sp.conjugate(x) - r**3, sp.Rational(1, 3), sp.sin(y) / (3 + r**2)]])
    k = generate(M, [x, y, r], backend=backend)
    rng = np.random.default_rng(0)
    P = 7
    xs = rng.normal(size=P) + 1j * rng.normal(size=P)
    ys = rng.normal(size=P) + 1j * rng.normal(size=P)
    rs = rng.normal(size=P)
    out = k(xs, ys, rs)
    assert out.shape == (P, 2, 3) and out.dtype == np.complex128
    ref = sp.lambdify([x, y, r], M, modules="numpy")
    for p in range(P):
        np.testing.assert_allclose(out[p], np.asarray(ref(xs[p], ys[p], rs[p]), dtype=complex),
                                   rtol=1e-13, atol=1e-14)
    # scalars broadcast against arrays; a single point gives the bare matrix shape
    mixed = k(xs, 0.5, rs[0])
    np.testing.assert_allclose(mixed[3], np.asarray(ref(xs[3], 0.5, rs[0]), dtype=complex), rtol=1e-13)
    assert k(xs[0], ys[0], rs[0]).shape == (2, 3)
    by_name = k.call_dict({"x": xs, "y": ys, "r": rs})
    np.testing.assert_array_equal(by_name, out)


@pytest.mark.parametrize("backend", _backends())
def test_real_kernel_is_real_and_complex_is_inferred(backend):
    a, b = sp.symbols("a b", real=True)
    k = generate([a**2 + sp.cos(b), sp.exp(-a * b)], [a, b], backend=backend)
    assert not k.complex_output
    v = k(np.array([0.5, 2.0]), np.array([1.0, -1.0]))
    assert v.dtype == np.float64
    np.testing.assert_allclose(v[:, 0], [0.25 + np.cos(1.0), 4 + np.cos(-1.0)], rtol=1e-15)
    assert generate([sp.sqrt(a)], [a], backend=backend).complex_output  # sqrt(a<0) is complex


@pytest.mark.parametrize("backend", _backends())
def test_principal_branches_match_sympy(backend):
    """sqrt/log/fractional powers take SymPy's principal branch, also for real-declared input."""
    exprs = [sp.sqrt(r), sp.log(r), r ** sp.Rational(1, 3), sp.sqrt(x), sp.log(x), 1 / sp.sqrt(x)]
    k = generate(exprs, [r, x], backend=backend)
    pts = [(-4.0, -1 + 1e-300j), (-2.0, complex(-1, -0.0)), (3.0, 1j), (-0.5, -3 - 4j)]
    for rv, xv in pts:
        got = k(rv, xv)
        ref = [complex(e.subs({r: rv, x: sp.sympify(xv)}).evalf(30)) for e in exprs[:3]]
        np.testing.assert_allclose(got[:3], ref, rtol=1e-14)
    np.testing.assert_allclose(k(-4.0, 1j)[0], 2j, rtol=1e-15)
    np.testing.assert_allclose(k(-1.0, 1j)[1], 1j * np.pi, rtol=1e-15)


def test_bessel_and_spherical_bessel_numpy_backend():
    n2 = sp.Integer(2)
    exprs = [sp.besselj(1, x), sp.bessely(0, r + 3), sp.jn(n2, x), sp.yn(1, r + 3), sp.besseli(0, x),
             sp.besselk(1, r + 3), sp.hankel1(0, r + 3)]
    k = generate(exprs, [x, r])
    xs = np.array([0.3 + 0.2j, 2.5 - 1j, 7.0 + 0j])
    rs = np.array([0.1, 1.7, 4.0])
    v = k(xs, rs)
    np.testing.assert_allclose(v[:, 0], sps.jv(1, xs), rtol=1e-13)
    np.testing.assert_allclose(v[:, 1], sps.yv(0, rs + 3), rtol=1e-13)
    # spherical Bessel against its elementary closed form j2(z) = (3/z^3 - 1/z) sin z - 3 cos z / z^2
    j2 = (3 / xs**3 - 1 / xs) * np.sin(xs) - 3 * np.cos(xs) / xs**2
    np.testing.assert_allclose(v[:, 2], j2, rtol=1e-12)
    y1 = -np.cos(rs + 3) / (rs + 3) ** 2 - np.sin(rs + 3) / (rs + 3)
    np.testing.assert_allclose(v[:, 3], y1, rtol=1e-12)
    np.testing.assert_allclose(v[:, 6], sps.jv(0, rs + 3) + 1j * sps.yv(0, rs + 3), rtol=1e-13)


@pytest.mark.skipif("c" not in _backends(), reason="no C compiler")
def test_c_backend_refuses_bessel_clearly():
    with pytest.raises(InputError, match="numpy"):
        generate([sp.besselj(0, x)], [x], backend="c")


@pytest.mark.parametrize("backend", _backends())
def test_out_buffer_is_filled_and_reused(backend):
    M = sp.Matrix([[x, 0], [0, 2 * x]])
    k = generate(M, [x], backend=backend)
    out = np.full((4, 2, 2), 99.0 + 0j)
    res = k(np.arange(4.0) + 0j, out=out)
    assert res is out
    np.testing.assert_array_equal(out[:, 0, 1], 0)
    np.testing.assert_array_equal(out[:, 1, 1], 2 * np.arange(4.0))


@pytest.mark.skipif("c" not in _backends() or not openmp_available(), reason="no OpenMP")
def test_c_threads_give_identical_results():
    M = sp.Matrix([[sp.exp(x) * y, x / (1 + y * y)]])
    k = generate(M, [x, y], backend="c")
    xs = np.linspace(-1, 1, 1001) + 0.5j
    a = k(xs, 0.3)
    k.set_threads(1)
    b = k(xs, 0.3)
    k.set_threads(2)
    np.testing.assert_array_equal(a, b)


def test_bad_input_is_refused_with_names():
    with pytest.raises(InputError, match="not among the kernel arguments"):
        generate([x + y], [x])
    with pytest.raises(InputError, match="backend"):
        generate([x], [x], backend="fortran")
    with pytest.raises(InputError, match="finite"):
        generate([x + sp.oo], [x])
    with pytest.raises(InputError, match="Piecewise"):
        generate([sp.Piecewise((x, r > 0), (0, True))], [x, r])
    k = generate([x], [x])
    with pytest.raises(InputError, match="missing"):
        k.call_dict({"y": 1.0})
    with pytest.raises(InputError, match="arguments"):
        k(1.0, 2.0)


@pytest.mark.parametrize("backend", _backends())
def test_arrays_scalars_and_constant_kernels(backend):
    k = generate(sp.Array([[x, 2 * x], [x**-2, sp.E]]), [x], backend=backend)
    v = k(np.array([1.0, 2.0]))
    assert v.shape == (2, 2, 2)
    np.testing.assert_allclose(v[1], [[2, 4], [0.25, np.e]], rtol=1e-15)
    c = generate(sp.Matrix([[3, sp.pi]]), [], backend=backend)
    np.testing.assert_allclose(np.asarray(c()).reshape(-1), [3, np.pi], rtol=1e-15)
    s = generate(x ** sp.Rational(5, 2) + x**-3 + x**7, [x], backend=backend)
    z = -1.5 + 0.3j
    ref = complex((x ** sp.Rational(5, 2) + x**-3 + x**7).subs(x, z).evalf(30))
    np.testing.assert_allclose(s(z), ref, rtol=1e-14)
