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


def test_d2_d3_of_98_decided() -> None:
    from scipy.integrate import quad

    c = sc.coefficients_sym()
    # d2: printed = derived with the Kubo weight p² → |K|² (regularisation before (96))
    assert sp.simplify(sc.d_coefficients_derived()["d2"] - c["d2"]) == 0
    # the exact convergent Σ_p p⁴|G_T|⁴ (residues) against quadrature
    s4 = sc._sum_p4_g4()
    for x in (0.6, 1.7):
        k2 = (x + 0.5j) ** 2
        f = lambda p, k2=k2: p**6 / abs(k2 - p * p) ** 4
        num = (quad(f, 0, 4 * (x + 1), points=[x], limit=400, epsabs=1e-13)[0]
               + quad(f, 4 * (x + 1), np.inf, limit=400)[0]) / (2 * np.pi**2)
        assert num == pytest.approx(float(s4.subs(sc.xs, x)), rel=1e-8)
    # d3: the bracket of (97) does not give the print; Re(G_L Ḡ_T) gives minus the print
    d3 = sc.d_coefficients_derived()["d3"]
    assert sp.simplify(d3 / c["d3"] - (12 * sc.xs**2 - 1) / (4 * sc.xs**2 + 1)) == 0
    assert sp.simplify(sc.d_coefficients_derived(bracket="ReGLGTbar")["d3"] + c["d3"]) == 0


def test_j3_solution_of_88() -> None:
    sol = sc.j3_solution_sym()
    u, rr, ii, j2d = sol["u"], sol["R"], sol["I"], sol["J2D"]
    # numeric twin: solve the 2x2 system of (88) by numpy at a random point
    vals = {u: 0.37, rr: -0.8, ii: 0.45, j2d: -0.3}
    m = np.array([[1 + vals[rr] * vals[u], vals[ii] * vals[u]], [vals[ii] * vals[u], 1 - vals[rr] * vals[u]]])
    j2, j3 = np.linalg.solve(m, [vals[j2d], -vals[ii]])
    assert float(sol["J3"].subs(vals)) == pytest.approx(j3, rel=1e-12)
    assert float(sol["J2"].subs(vals)) == pytest.approx(j2, rel=1e-12)
