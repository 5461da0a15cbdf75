"""Property-based tests (hypothesis): symbol names never reach generated code; size bounds.

Random symbol names (any printable text, code fragments, quotes, newlines, C comment markers,
NUL-free binary junk decoded with surrogates) are used as kernel arguments through
``symlight.kernels.generate``: the source never contains them, nothing they say is executed, and
the kernel evaluates the expression right (checked against a plain NumPy evaluation written in
the test). Resource bounds: inputs over ``max_nodes`` and literals outside the double range are
refused with an InputError.
"""

from __future__ import annotations

import os
import shutil

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symlight.errors import InputError
from symlight.kernels import generate

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

FRAGMENTS = ["__import__('os').system('touch {s}')", "'); open('{s}','w')#", "*/ system(\"{s}\"); /*",
             "\n#include <stdlib.h>\n", "x\\", "exp", "np", "out", "_a0", "_c0", "kernel", "lambda",
             "def", "return", "import", "{{", "%s", "\x1b[2J", "\u202e", "π", "a b", "a-b", "1x", "",
             "numpy.exp", "os"]
name_st = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(min_size=1, max_size=30),
    st.binary(min_size=1, max_size=20).map(lambda b: os.fsdecode(b.replace(b"\x00", b"_"))),
)


@pytest.fixture(scope="module", autouse=True)
def _cache(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("SYMLIGHT_CACHE", str(tmp_path_factory.mktemp("kernel-cache")))
    yield
    mp.undo()


@SETTINGS
@given(names=st.lists(name_st, min_size=1, max_size=4, unique=True), seed=st.integers(0, 2**31))
def test_hostile_symbol_names_give_safe_correct_numpy_kernels(tmp_path, names, seed):
    sentinel = tmp_path / "PWNED"
    names = [n.replace("{s}", str(sentinel)) for n in names]
    def build(syms):
        return sp.Matrix([[sum((k + 1) * s for k, s in enumerate(syms)), sp.exp(-syms[0] ** 2)],
                          [sp.sin(syms[-1]) * syms[0], sp.sqrt(1 + syms[-1] ** 2)]])

    syms = [sp.Symbol(n, real=True) for n in names]
    k = generate(build(syms), syms, backend="numpy")
    # the generated source does not depend on the names at all: same as with neutral names
    neutral = [sp.Symbol(f"x{i}", real=True) for i in range(len(names))]
    assert k.source == generate(build(neutral), neutral, backend="numpy").source
    rng = np.random.default_rng(seed)
    vals = rng.normal(size=(len(syms), 5))
    out = k(*vals)
    first, last = vals[0], vals[-1]
    expected = np.stack([np.stack([sum((i + 1) * v for i, v in enumerate(vals)), np.exp(-first**2)], -1),
                         np.stack([np.sin(last) * first, np.sqrt(1 + last**2)], -1)], -2)
    np.testing.assert_allclose(out, expected, rtol=1e-13, atol=1e-13)
    np.testing.assert_array_equal(k.call_dict(dict(zip(names, vals, strict=True))), out)
    assert not sentinel.exists()


@pytest.mark.skipif(not shutil.which("gcc"), reason="no C compiler: the C backend is not available")
@settings(max_examples=4, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(names=st.lists(name_st, min_size=2, max_size=3, unique=True))
def test_hostile_symbol_names_give_safe_c_kernels(tmp_path, names):
    sentinel = tmp_path / "PWNED"
    names = [n.replace("{s}", str(sentinel)) for n in names]
    syms = [sp.Symbol(n, real=True) for n in names]
    k = generate([syms[0] * syms[1] + 3, sp.cos(syms[-1])], syms, backend="c")
    neutral = [sp.Symbol(f"x{i}", real=True) for i in range(len(names))]
    ref = generate([neutral[0] * neutral[1] + 3, sp.cos(neutral[-1])], neutral, backend="c")
    assert k.source == ref.source
    vals = np.linspace(0.1, 1.0, len(syms))
    np.testing.assert_allclose(k(*vals), [vals[0] * vals[1] + 3, np.cos(vals[-1])], rtol=1e-14)
    assert not sentinel.exists()


def test_kernel_size_cap_refuses_before_codegen():
    x = sp.Symbol("x", real=True)
    big = [sum(x ** k / (k + 1) for k in range(200))] * 30  # ~6000 nodes per entry
    with pytest.raises(InputError, match=r"more than 1000 expression nodes.*max_nodes=N"):
        generate(big, [x], max_nodes=1000)
    k = generate(big[:1], [x], max_nodes=100_000)
    np.testing.assert_allclose(k(0.5), sum(0.5 ** j / (j + 1) for j in range(200)), rtol=1e-12)
    for bad in (0, -1, 2.5, True):
        with pytest.raises(InputError, match="max_nodes"):
            generate([x], [x], max_nodes=bad)


@pytest.mark.parametrize("number", [sp.Integer(10) ** 400, sp.Rational(1, 10**400),
                                    sp.Float("1e400", 30), -sp.Integer(10) ** 309])
def test_literals_outside_double_range_are_refused(number):
    x = sp.Symbol("x", real=True)
    with pytest.raises(InputError, match="outside the range of a double"):
        generate([number * x], [x])
    # in range (subnormal included) they are kept
    k = generate([sp.Float("1e-310") * x + sp.Integer(10) ** 300], [x])
    assert np.isfinite(k(1.0)).all()
