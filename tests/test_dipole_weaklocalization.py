"""Seed 003, Sec. VI B: c₄ of (96) derived from (89)–(90); shell sums twinned by quadrature."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symlight.errors import InputError
from symlight.models import dipole_selfconsistent as sc


def test_shell_sums_residues_match_quadrature() -> None:
    sums = sc.shell_sums_sym()
    assert sp.simplify(sums["G2"] - 1 / (4 * sp.pi)) == 0  # printed before (96): Σ|G_T|² = ℓ/4π
    for x in (0.35, 1.0, 3.0):
        num = sc.shell_sums_quad(x)
        for key, val in sums.items():
            assert num[key] == pytest.approx(float(val.subs(sc.xs, x)), rel=1e-8)


def test_c4_derived_equals_printed_and_numeric_twin() -> None:
    # printed (96): c4 = (3q/2π)(9/8 + x²/2)(x² + 1/4)⁻², typed from the paper
    h = sc.xs**2 + sp.Rational(1, 4)
    printed = 3 * sc.qs / (2 * sp.pi) * (sp.Rational(9, 8) + sc.xs**2 / 2) / h**2
    assert sp.simplify(sc.c4_derived() - printed) == 0
    # numeric twin: the ratio (U/σ_D)Σp²C₂/Σp²(-J₂ᴰ) built from quadrature sums (q = 1, ℓ = 1)
    for x in (0.7, 1.5):
        s = sc.shell_sums_quad(x)
        h = x * x + 0.25
        ratio = 3 / np.pi * (h * s["G2"] + h**2 * s["p2G4"]) / (2 * h**3 * s["G2"])
        assert ratio == pytest.approx(float(printed.subs({sc.xs: x, sc.qs: 1})), rel=1e-8)


def test_shell_sums_bad_input() -> None:
    with pytest.raises(InputError, match="k_e ℓ"):
        sc.shell_sums_quad(-1.0)
