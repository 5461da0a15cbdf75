"""Symbol names are never trusted: code-like names give safe kernels or clear refusals, never execution."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import sympy as sp

from symlight.errors import InputError
from symlight.kernels import generate
from symlight.kernels.numpy_backend import _audit

BACKENDS = ["numpy", "c"] if shutil.which("gcc") else ["numpy"]


@pytest.fixture(autouse=True, scope="module")
def _cache(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("SYMLIGHT_CACHE", str(tmp_path_factory.mktemp("kernel-cache")))
    yield
    mp.undo()


def _evil_names(sentinel) -> list[str]:
    s = str(sentinel)
    return [
        f"__import__('pathlib').Path('{s}').touch()",
        f'x"); open("{s}", "w").write("pwned"); ("',
        f"x; system(\"touch {s}\"); double y",
        f"*/ int z = system(\"touch {s}\"); /*",
        "\n#include </etc/passwd>\n",
        "x')\nimport os\nos.system('touch " + s + "')\n#",
        "os.system",
    ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_code_like_symbol_names_yield_safe_kernels(tmp_path, backend):
    sentinel = tmp_path / "pwned"
    names = _evil_names(sentinel)
    syms = [sp.Symbol(n) for n in names]
    expr = sp.Matrix([[sum((k + 1) * s for k, s in enumerate(syms)), syms[0] * syms[1]]])
    k = generate(expr, syms, backend=backend)
    for n in names:
        assert n not in k.source
    assert "pathlib" not in k.source and "system" not in k.source and "passwd" not in k.source
    vals = np.arange(1.0, len(syms) + 1)
    out = k(*vals)
    assert not sentinel.exists()
    np.testing.assert_allclose(out[0, 0], sum((i + 1) * v for i, v in enumerate(vals)))
    np.testing.assert_allclose(out[0, 1], vals[0] * vals[1])
    by_name = k.call_dict(dict(zip(names, vals, strict=True)))
    np.testing.assert_array_equal(by_name, out)
    assert not sentinel.exists()


def test_undefined_functions_with_code_names_are_refused(tmp_path):
    sentinel = tmp_path / "pwned"
    x = sp.Symbol("x")
    f = sp.Function(f"__import__('os').system('touch {sentinel}')")
    with pytest.raises(InputError, match="cannot generate kernel code"):
        generate([f(x)], [x])
    # a user function that merely *calls itself* exp is not SymPy's exp
    fake_exp = sp.Function("exp")
    with pytest.raises(InputError):
        generate([fake_exp(x)], [x])
    assert not sentinel.exists()


def test_strings_are_never_parsed():
    with pytest.raises(InputError, match="never evaluates"):
        generate(["__import__('os').system('true')"], [sp.Symbol("x")])


def test_non_symbol_arguments_and_foreign_nodes_are_refused():
    x = sp.Symbol("x")
    with pytest.raises(InputError, match="Symbols"):
        generate([x], ["x"])
    with pytest.raises(InputError):
        generate([sp.Indexed(sp.IndexedBase("A"), 0) * x], [x])
    with pytest.raises(InputError):
        generate([sp.MatrixSymbol("A", 2, 2)[0, 0] + x], [x])


def test_source_audit_rejects_anything_but_arithmetic():
    names = {"kernel", "_a0", "out", "numpy"}
    _audit("def kernel(_a0, out=None):\n    return numpy.exp(_a0)\n", names)
    for bad in ["def kernel(_a0, out=None):\n    return __import__('os')\n",
                "def kernel(_a0, out=None):\n    return 'text'\n",
                "def kernel(_a0, out=None):\n    return numpy._core\n",
                "def kernel(_a0, out=None):\n    import os\n",
                "def kernel(_a0, out=None):\n    return (lambda: 1)()\n",
                "def kernel(_a0, out=None):\n    return _a0.__class__\n"]:
        with pytest.raises(InputError, match="audit"):
            _audit(bad, names)
