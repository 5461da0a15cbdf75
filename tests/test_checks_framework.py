"""The checks framework: verdicts are computed from printed vs derived forms."""

from __future__ import annotations

import json

import sympy as sp

from symlight.checks import ClaimBook, Verdict, compare_expressions, compare_values
from symlight.cli import main

x, y = sp.symbols("x y", positive=True)
z = sp.Symbol("z")


def test_symbolic_identity_confirmed():
    assert compare_expressions(sp.sin(x) ** 2 + sp.cos(x) ** 2, 1).verdict is Verdict.CONFIRMED


def test_wrong_sign_is_a_discrepancy_with_a_point():
    cmp = compare_expressions(sp.exp(-x) * sp.sin(y), sp.exp(x) * sp.sin(y))
    assert cmp.verdict is Verdict.DISCREPANCY
    assert "x=" in cmp.evidence


def test_numeric_referee_confirms_what_simplify_cannot():
    # polylog inversion identity, not reduced by expand/cancel: decided by 50-digit numerics
    lhs = sp.polylog(2, -z) + sp.polylog(2, -1 / z)
    rhs = -sp.pi**2 / 6 - sp.log(z) ** 2 / 2
    cmp = compare_expressions(lhs, rhs, domains={z: (0.3, 4.0)})
    assert cmp.verdict is Verdict.CONFIRMED
    assert cmp.max_error < 1e-30


def test_tiny_relative_error_is_inconclusive_not_confirmed():
    cmp = compare_expressions(x, x * (1 + sp.Rational(1, 10**12)))
    assert cmp.verdict is Verdict.INCONCLUSIVE


def test_matrix_and_equation_comparisons():
    m1 = sp.Matrix([[x, 1], [0, y]])
    assert compare_expressions(m1, m1.T.T).verdict is Verdict.CONFIRMED
    cmp = compare_expressions(m1, sp.Matrix([[x, 1], [0, 2 * y]]))
    assert cmp.verdict is Verdict.DISCREPANCY and "[1,1]" in cmp.evidence
    assert compare_expressions(sp.Eq(z, x + y), sp.Eq(z, y + x)).verdict is Verdict.CONFIRMED
    assert compare_expressions(m1, sp.Matrix([x, y])).verdict is Verdict.DISCREPANCY


def test_values():
    assert compare_values([1.0, 2.0], [1.0, 2.0 + 1e-9]).verdict is Verdict.CONFIRMED
    assert compare_values([1.0, 2.0], [1.0, 2.1], rtol=1e-3).verdict is Verdict.DISCREPANCY
    assert compare_values([1.0], [1.0, 2.0]).verdict is Verdict.DISCREPANCY


def test_claim_json_contract():
    book = ClaimBook("demo", "000_x.txt")
    book.equal("A7", "Pythagoras", sp.sin(x) ** 2, 1 - sp.cos(x) ** 2)
    row = book.claims[0].to_json()
    assert set(row) == {"topic", "source", "equation", "claim", "verdict", "evidence",
                        "printed", "derived"}
    assert row["verdict"] == "confirmed" and row["equation"] == "A7"
    assert "sin" in row["printed"]


def test_cli_version_and_unknown_topic(capsys, tmp_path):
    assert main(["check", "no-such-topic", "--json", str(tmp_path / "c.json")]) == 2
    err = capsys.readouterr().err
    assert "no-such-topic" in err and "valid topics" in err
    assert not (tmp_path / "c.json").exists()


def _fake_topic(monkeypatch, claims_fn):
    from tests._report_fakes import install_claims_topic

    install_claims_topic(monkeypatch, claims_fn)


def test_cli_check_writes_json_list(tmp_path, monkeypatch):
    def claims():
        book = ClaimBook("fake", "999_fake.txt")
        book.equal("1", "identity", sp.cos(x) ** 2, 1 - sp.sin(x) ** 2)
        book.equal("2", "wrong sign", sp.exp(-x), sp.exp(x))
        return book.claims

    _fake_topic(monkeypatch, claims)
    out = tmp_path / "claims.json"
    assert main(["check", "--json", str(out)]) == 0
    rows = json.loads(out.read_text())
    assert [r["verdict"] for r in rows] == ["confirmed", "discrepancy"]
    assert rows[0]["topic"] == "fake" and rows[1]["equation"] == "2"


def test_cli_check_failing_topic_exits_nonzero_without_partial_json(tmp_path, monkeypatch, capsys):
    def claims():
        raise RuntimeError("derivation exploded")

    _fake_topic(monkeypatch, claims)
    out = tmp_path / "claims.json"
    assert main(["check", "--json", str(out)]) == 1
    err = capsys.readouterr().err
    assert "derivation exploded" in err and "partial" in err
    assert not out.exists()  # no partial claims file


def test_cli_bad_arguments_no_traceback(capsys):
    assert main(["frobnicate"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_clear_numeric_discrepancy_skips_simplify(monkeypatch):
    """simplify is only paid for when the numbers do not already show a discrepancy."""
    import sympy as sp

    from symlight.checks import compare as cmp

    x = sp.Symbol("x", positive=True)
    calls = []
    real_simplify = sp.simplify
    monkeypatch.setattr(cmp.sympy, "simplify", lambda e, *a, **k: calls.append(e) or real_simplify(e))
    wrong = cmp.compare_expressions(sp.sin(x) ** 2 + sp.cos(x) ** 2, 2)
    assert wrong.verdict == "discrepancy" and calls == []
    right = cmp.compare_expressions(sp.sin(x) ** 2 + sp.cos(x) ** 2, 1)
    assert right.verdict == "confirmed" and "simplifies to 0" in right.evidence and len(calls) == 1
    unsampled = cmp.compare_expressions(sp.Function("f")(x) * (sp.sin(x) ** 2 + sp.cos(x) ** 2),
                                        sp.Function("f")(x))
    assert unsampled.verdict == "confirmed"  # undefined function: only the symbolic route decides


def test_text_is_never_parsed_as_a_form(monkeypatch):
    """A string handed to the comparison is refused, not evaluated by sympify."""
    import numpy as np
    import pytest
    import sympy as sp

    from symlight.checks.compare import compare_expressions

    with pytest.raises(TypeError, match="parse_expression"):
        compare_expressions("__import__('os').getcwd()", sp.Integer(1))
    with pytest.raises(TypeError, match="not the text"):
        compare_expressions([sp.Integer(1)], ["x"])
    assert compare_expressions([1, np.float64(2.0)], [sp.Integer(1), 2]).verdict == "confirmed"
