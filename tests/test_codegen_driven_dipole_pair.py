"""The committed standalone module codegen/generated/driven_dipole_pair.py: fresh, NumPy-only, correct.

Correctness is checked against an independent derivation (symlight.kernels.dipole_pair: the 15
moments as 4×4 matrices, M, b and the Appendix C tables by basis decomposition), which in
turn is checked against QuTiP in tests/test_kernels_batched.py.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import numpy as np
import pytest

from symlight.kernels import batched, generate
from symlight.kernels import dipole_pair as dp
from symlight.kernels.standalone import pair_regression_tables, render

ROOT = Path(__file__).resolve().parent.parent
MODULE = ROOT / "codegen" / "generated" / "driven_dipole_pair.py"


@pytest.fixture(scope="module")
def rendered() -> str:
    return render("driven_dipole_pair")


@pytest.fixture(scope="module")
def standalone():
    spec = importlib.util.spec_from_file_location("standalone_driven_dipole_pair", MODULE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_committed_module_is_not_stale(rendered):
    committed = MODULE.read_text()
    assert committed == rendered, (
        "codegen/generated/driven_dipole_pair.py is stale: run `symlight codegen --all`")


def test_module_imports_only_numpy_and_names_its_derivation():
    src = MODULE.read_text()
    imports = set()
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Import):
            imports |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imports.add((node.module or "").split(".")[0])
    assert imports == {"numpy"}
    head = src[:1500]
    from symlight._version import __version__

    assert "002_796c9b23bedf2618.txt" in head and f"symlight {__version__}" in head
    assert "sha256:" in head


def _params(P, seed=21):
    rng = np.random.default_rng(seed)
    return (rng.uniform(0.3, 9, P) * np.exp(2j * np.pi * rng.uniform(size=P)),
            rng.uniform(0.3, 9, P) * np.exp(2j * np.pi * rng.uniform(size=P)),
            rng.normal(0, 5, P), rng.normal(0, 5, P), rng.normal(0, 2, P), rng.uniform(-0.95, 0.95, P))


def test_standalone_matches_independent_derivation(standalone):
    params = _params(25)
    M2, b2 = dp.linear_system()
    syms = dp.parameters()
    Mref, bref = generate(M2, syms)(*params), generate(b2, syms)(*params)[..., 0]
    np.testing.assert_allclose(standalone.M(*params), Mref, rtol=1e-14, atol=1e-14)
    np.testing.assert_allclose(standalone.b(*params), bref, rtol=1e-14, atol=1e-14)
    s = standalone.steady_state(*params)
    np.testing.assert_allclose(np.einsum("pkl,pl->pk", Mref, s) + bref, 0, atol=1e-11)
    taus = np.linspace(0, 10, 150)
    ref = batched.g2(Mref, bref, dp.g2_spec(), taus)
    got = standalone.g2(taus, *params)
    assert got.shape == (25, 150)
    np.testing.assert_allclose(got, ref.values, atol=1e-11)
    one = standalone.g2(taus, *(p[3] for p in params))
    np.testing.assert_allclose(one, ref.values[3], atol=1e-11)
    assert one.shape == (150,)


def test_model_regression_tables_equal_the_4x4_derivation():
    from symlight.models.driven_pair_moments import driven_dipole_pair

    tables = pair_regression_tables(driven_dipole_pair())
    spec = dp.g2_spec()
    np.testing.assert_array_equal(tables["A"], spec.A)
    np.testing.assert_array_equal(tables["a0"], spec.a0)
    np.testing.assert_array_equal(tables["cvec"], spec.cvec)
    np.testing.assert_array_equal(tables["w"], spec.w)
    np.testing.assert_array_equal(tables["Q"], spec.Q)
    np.testing.assert_array_equal(tables["conj_perm"], spec.conj_perm)


def test_cli_codegen_all_writes_the_same_module(tmp_path, rendered):
    from symlight.cli import main

    assert main(["codegen", "--all", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "driven_dipole_pair.py").read_text() == rendered
    assert main(["codegen", "driven_dipole_pair", "--backend", "c", "--out", str(tmp_path)]) == 2
