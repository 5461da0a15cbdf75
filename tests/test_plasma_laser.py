"""Laser-driven perturbations of seed 001 (Eqs. (67)-(68), (93)-(106)): model and claims.

Expected values are hand derivations (comments), never copies of a run.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import sympy as sp

from derivations.plasma_photons import laser_claims as lc
from symlight.checks import ClaimBook
from symlight.errors import InputError
from symlight.models import plasma_laser as pl
from symlight.models.plasma_photons import ValidityWarning


def _book() -> ClaimBook:
    return ClaimBook("plasma-photons", "001_acf7c75771656388.txt")


def test_pump_renormalisations_by_hand():
    # J^(2) = V n with V = Q²/(2ε₀m)(c²k₀cosθ N₀/ω₀³ + c²q δn_ph/ω_q³): d/dε gives
    # Q²c²k₀cosθN₀δn_e/(2ε₀mω₀³) + Q²n₀c²qδn_ph/(2ε₀mω_q³) (both +); F: −Q²ħ iq δn_ph/(2ε₀mω_q)
    r = pl.pump_renormalisations()
    Q, m, e0, c, q = pl.Q, pl.m, pl.eps0, pl.c, pl.q
    hand = (Q**2 * c**2 * pl.k0 * pl.cos_t * pl.N0 * r["dn_e"] / (2 * e0 * m * pl.w0**3)
            + Q**2 * pl.n0 * c**2 * q * r["dn_ph"] / (2 * e0 * m * pl.wq**3))
    assert sp.simplify(r["dJ2"] - hand) == 0
    assert sp.simplify(r["dF"] + Q**2 * pl.hbar * sp.I * q * r["dn_ph"] / (2 * e0 * m * pl.wq)) == 0


def test_period_average():
    a, b = sp.symbols("a b")
    ph = sp.exp(-sp.I * pl.w0 * pl.t)
    assert pl.period_average(a * ph + b + a * ph**2) == b
    assert pl.period_average(a * ph * sp.conjugate(ph)) == a


def test_transverse_matrix_roots_numeric():
    # (101) + (27): (ω² − c²q² − ω_p²)·ω = 0 by hand; values ω_p² = Q²n₀/(ε₀m) = 2.25·0.8/1.1
    M = pl.transverse_system()["matrix"]
    vals = {pl.Q: -1.5, pl.n0: 0.8, pl.eps0: 1.1, pl.m: 1.0, pl.c: 1.3, pl.q: 0.7}
    f = sp.lambdify(pl.omega, M.subs(vals).det())
    wp2 = 2.25 * 0.8 / 1.1
    w = math.sqrt(wp2 + 1.69 * 0.49)
    assert abs(f(w)) < 1e-12 and abs(f(1.1 * w)) > 1e-3


def test_cubic_decouples_and_matrix_roots():
    # N₀ = 0: roots ±ω_e, ω̃_ph (hand: ω_e² = ω_p² + v_eff²q², ω̃ = c²q²/ω_q − ω_p²c²q²/(2ω_q³))
    vals = {pl.Q: -1, pl.m: 1, pl.eps0: 1, pl.n0: 1, pl.c: 1, pl.hbar: 1e-3, pl.veff2: 0.05, pl.k0: 40,
            pl.w0: 40, pl.cos_t: -1, pl.N0: 0.0, pl.q: 0.9, pl.wq: math.sqrt(1.81)}
    roots = pl.numeric_longitudinal_roots(vals)
    we = math.sqrt(1 + 0.05 * 0.81)
    wt = 0.81 / math.sqrt(1.81) - 0.81 / (2 * 1.81**1.5)
    assert np.allclose(np.sort(roots.real), np.sort([-we, we, wt]), atol=1e-12)
    # with a pump the matrix roots equal the roots of the symbolic cubic (independent routes)
    vals[pl.N0] = 3e3
    cub = [complex(cf.subs(vals)) for cf in pl.laser_cubic()]
    assert np.allclose(np.sort_complex(np.roots(cub)), pl.numeric_longitudinal_roots(vals), atol=1e-10)


def test_pump_current_ode_against_hand_solution():
    # (99)-(100), e/m = ω₀ = n₀ = 1: J_⊥ = a₀e^{−it} + O(a₀³), J_∥ = (a₀²/2)(e^{−2it} − 1) + O(a₀⁴)
    a0 = 0.02
    s = pl.pump_current_ode(a0, periods=5, samples=500)
    assert np.max(np.abs(s["J_perp"] - a0 * np.exp(-1j * s["t"]))) < 10 * a0**3
    assert np.max(np.abs(s["J_par"] - a0**2 / 2 * (np.exp(-2j * s["t"]) - 1))) < 10 * a0**4


def test_photon_rate_box_and_printed_u():
    # ⟨j·E⟩ = 2Re(j₀*E₀) by hand; the box gives ħω_q∂_t n_ph = −⟨j·E⟩
    j0, E0 = 0.4 - 0.3j, 1.1 + 0.2j
    rate, jE = lc.photon_rate_box(j0, E0)
    assert jE == pytest.approx(2 * (np.conj(j0) * E0).real, rel=1e-12)
    assert rate == pytest.approx(-jE, rel=1e-10)
    # ∫₀^∞K₁(κr)sin(qr)dr = πq/(2κ√(κ²+q²)) (tables) ⇒ printed u (4π²) gives exactly 1/2
    assert lc.printed_u_transform(0.8, 1.1) == pytest.approx(0.5, rel=1e-9)
    assert lc.printed_u_transform(0.8, 1.1, factor=2.0) == pytest.approx(1.0, rel=1e-9)


def test_vlasov_power_is_joule():
    mom, jE = lc._gauss_hermite_power(np.array([0.2, 0.1, -0.4]), np.array([0.5, -1.0, 0.3]))
    assert mom == pytest.approx(jE, rel=1e-10)
    # a pure magnetic field does no work
    mom0, _ = lc._gauss_hermite_power(np.zeros(3), np.array([0.5, -1.0, 0.3]))
    assert abs(mom0) < 1e-13


def test_gamma_and_relativistic_line():
    # I_rel/I_c = (λ_c/λ)² by hand; I_rel λ² ≈ 1.37e18 W cm⁻² μm² (textbook, linear polarisation)
    lam = np.array([1e-6, 1e-8])
    lc_ = 2 * math.pi * 1.054571817e-34 / (9.1093837015e-31 * 299792458.0)
    assert np.allclose(pl.relativistic_intensity_ratio(lam), (lc_ / lam) ** 2, rtol=1e-9)
    I_rel_1um = pl.relativistic_intensity_ratio(np.array([1e-6]))[0] * pl.schwinger_intensity() / 1e4
    assert I_rel_1um == pytest.approx(1.37e18, rel=0.01)
    assert pl.coupling_gamma(1e20, 1e-6) == pytest.approx(
        pl.intensity_for_gamma(1.0, np.array([1e-6]))[0] ** -1 * 1e20 / pl.schwinger_intensity(), rel=1e-12)


def test_scattering_drift_velocity():
    # V₀ = e²c²k₀N₀/(2ε₀mω₀³), N₀ = I₀/(cħω₀) and γ = 2e²ω₀N₀/(ε₀m c³k₀³) (from (106) by hand) give
    # V₀/c = (γ/4)(ck₀/ω₀)⁴; for a dilute plasma (ω₀ ≈ ck₀) V₀/c = γ/4
    lam, I0 = 1e-9, 1e18
    g = pl.coupling_gamma(I0, lam)
    V = pl.scattering_drift_velocity(I0, lam, 1e20)
    assert V / 299792458.0 == pytest.approx(g / 4, rel=1e-6)
    with pytest.warns(ValidityWarning, match="relativistic"):
        I10 = pl.intensity_for_gamma(10.0, np.array([lam]))[0] * pl.schwinger_intensity()
        pl.scattering_drift_velocity(I10, lam, 1e20)
    with pytest.raises(InputError, match="density"):
        pl.scattering_drift_velocity(I0, lam, -1.0)


def test_bad_input():
    with pytest.raises(InputError, match="I0"):
        pl.coupling_gamma(-1.0, 1e-6)
    with pytest.raises(InputError, match="lambda"):
        pl.intensity_for_gamma(1.0, np.array([1e-6, -1.0]))
    with pytest.raises(InputError, match="a0"):
        pl.pump_current_ode(float("nan"))
    with pytest.raises(InputError, match="wavevectors"):
        pl.check_wavevector(np.array([0.1, -1.0]), 1.0)
    with pytest.warns(ValidityWarning, match="k_F"):
        pl.check_wavevector(0.5, 1.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pl.check_wavevector(0.1, 1.0)
    with pytest.raises(InputError, match="missing"):
        pl.numeric_longitudinal_roots({pl.q: 1.0})


def test_verdicts_67_to_102():
    # hand: (67) holds from (42); the printed u of (66) gives 1/2 (4π² vs 2π²); (68) holds;
    # (93) has the opposite overall sign to the linearised (55); (94) holds; (100): J_∥ ~ e^{−2iω₀t};
    # (102): e∇²δΦ has the wrong dimension (one ∇ too many); D of (97) ∝ 1/(k₀·∇Ω²) → ∞ for the
    # homogeneous plasma of (103); (59)'s Q J×B has an extra density (J = nv), (99) uses v×B
    book = _book()
    lc._claims_67_68(book)
    lc._claims_93_94(book)
    lc._claims_96_102(book)
    got = [(c.equation, c.verdict) for c in book.claims]
    assert got == [("67", "confirmed"), ("67", "confirmed"), ("67", "discrepancy"), ("68", "confirmed"),
                   ("68", "confirmed"), ("68", "confirmed"), ("93", "discrepancy"), ("93", "discrepancy"),
                   ("94", "confirmed"), ("93", "confirmed"), ("94", "confirmed"), ("97", "confirmed"),
                   ("98", "confirmed"), ("97", "discrepancy"), ("99", "confirmed"), ("59", "discrepancy"),
                   ("99", "confirmed"), ("99", "confirmed"), ("100", "discrepancy"), ("101", "confirmed"),
                   ("102", "discrepancy"), ("102", "discrepancy"), ("101", "confirmed")]


def test_verdicts_103_to_106():
    # hand: block diagonal; ω² = ω_p² + c²q²; γ → 0 decoupling holds; (93)'s sign gives
    # ω̃ = (c²q²/ω_q)(1 + ω_p²/2ω_q²) ≠ print; the derived Γ = (γcq cosθ/4)[ħω_p²q²/(2mω_q) +
    # (c²q²/ω_q)ω − ω²] differs from (105), and so does the kinetic-continuity variant; V₀ = γc/4
    # (ω₀ = ck₀) exceeds c at γ = 10
    book = _book()
    lc._claims_103_106(book)
    got = [(c.equation, c.verdict) for c in book.claims]
    assert got == [("103", "confirmed"), ("103", "confirmed"), ("104", "confirmed"), ("104", "discrepancy"),
                   ("106", "confirmed"), ("106", "confirmed"), ("105", "discrepancy"), ("105", "discrepancy"),
                   ("103", "confirmed"),
                   ("104", "discrepancy"), ("104", "discrepancy"), ("104", "discrepancy"),
                   ("Fig. 6", "discrepancy")]


def test_continuity_variants_differ_only_by_the_drift_term():
    # divergence form ∂_x(Vn) minus kinetic form n∂_xV = V₀∂_xδn (linearised); after Fourier the
    # (0, 0) entries differ by iqV₀, V₀ = Q²c²k₀cosθN₀/(2ε₀mω₀³), and nothing else differs
    Md = pl.longitudinal_system("divergence")["matrix"]
    Mk = pl.longitudinal_system("kinetic")["matrix"]
    V0 = pl.Q**2 * pl.c**2 * pl.k0 * pl.cos_t * pl.N0 / (2 * pl.eps0 * pl.m * pl.w0**3)
    diff = (Md - Mk).applyfunc(sp.simplify)
    assert sp.simplify(diff[0, 0] - sp.I * pl.q * V0) == 0
    assert all(diff[i, j] == 0 for i in range(4) for j in range(4) if (i, j) != (0, 0))
    with pytest.raises(InputError, match="continuity"):
        pl.longitudinal_system("bogus")

def test_pump_fields_95():
    # E = −∂_t(A₀e^{iφ}) = iω₀A₀e^{iφ}, B = ∇×A = ik₀×A₀e^{iφ} (hand)
    book = _book()
    lc._claims_95(book)
    assert [c.verdict for c in book.claims] == ["confirmed", "confirmed"]


def test_fig5_claim_and_figure(tmp_path):
    # crossing of γ(λ_c/λ)³ with (λ_c/λ)² at λ = γλ_c (hand)
    book = _book()
    lc._claims_fig5(book)
    assert [c.verdict for c in book.claims] == ["confirmed"]
    from derivations.plasma_photons import laser_figures

    fig = laser_figures.fig5(tmp_path)
    assert fig.name == "Fig. 5" and fig.path.stat().st_size > 10_000


@pytest.mark.slow
def test_all_laser_figures(tmp_path):
    from derivations.plasma_photons import laser_figures

    figs = laser_figures.figures(tmp_path)
    assert [f.name for f in figs] == ["Fig. 5", "Fig. 6 (derived vs printed)"]
    assert all(f.path.stat().st_size > 10_000 for f in figs)


def test_bad_input_existing_models():
    # issue 7: negative densities / temperatures and invalid parameters give a clear InputError
    from symlight.dispersion import track_roots
    from symlight.models import plasma_exchange as pe
    from symlight.models import plasma_photons as pp

    for bad in (-3, 0, sp.Symbol("z", negative=True), float("nan")):
        with pytest.raises(InputError, match="density n"):
            pe.kF_of_density(bad)
    with pytest.raises(InputError, match="density n"):
        pe.plasma_frequency_sq(-1)
    with pytest.raises(InputError, match="k_F"):
        pe.density_of_kF(-2)
    assert pe.kF_of_density(sp.Symbol("n_s", positive=True)).has(sp.Symbol("n_s", positive=True))
    with pytest.raises(InputError, match="density n"):
        pp.plasma_scales(-1e27)
    with pytest.raises(InputError, match="mass"):
        pp.plasma_scales(1e27, m=-1.0)
    with pytest.raises(InputError, match="T_p > 0"):
        pp.bose_moment(1, -0.5)                          # negative photon temperature
    with pytest.raises(InputError, match="T_p > 0"):
        pp.bose_moment(1, float("nan"))
    with pytest.raises(InputError, match="wavevectors"):
        pp.polariton_bare_modes(np.array([0.1, -1.0]), 0.1)
    with pytest.raises(InputError, match="c_p"):
        pp.polariton_branches(np.array([0.5]), 0.1, -0.3)
    with pytest.raises(InputError, match="cos θ"):
        pp.cubic_coefficients(1.0, 0.1, 0.1, 2.0, 1e-3)
    with pytest.raises(InputError, match="γ"):
        pp.cubic_coefficients(1.0, 0.1, -0.1, 1.0, 1e-3)
    with pytest.raises(InputError, match="wavevectors"):
        pp.omega_ph_laser(-1.0)
    with pytest.warns(ValidityWarning, match="k_F"):        # q ≳ k_F stated as a warning
        s = pp.plasma_scales(1e28)
        pp.plasmon_omega(np.array([0.5 * s.k_F]), 1e28)
    # normalised-unit functions: q beyond fraction·k_F (in ω_p/c) is stated as a ValidityWarning
    qlim = pp.fluid_q_limit(1e33)                 # 0.3 k_F c/ω_p at 1e27 cm⁻³ (hand: k_F c/ω_p ≈ 72)
    s27 = pp.plasma_scales(1e33)
    assert qlim == pytest.approx(0.3 * s27.k_F * 299792458.0 / s27.omega_p, rel=1e-12)
    with pytest.warns(ValidityWarning, match="q_max"):
        pp.cubic_coefficients(1.2 * qlim, 0.1, 0.1, -1.0, 1e-3, q_max=qlim)
    with pytest.warns(ValidityWarning, match="q_max"):
        pp.polariton_branches(np.array([0.5, 2 * qlim]), 0.1, 0.3, q_max=qlim)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pp.cubic_coefficients(0.5 * qlim, 0.1, 0.1, -1.0, 1e-3, q_max=qlim)
    with pytest.raises(InputError, match="finite coefficients"):
        track_roots(lambda q: [1.0, float("nan"), 1.0], [0.1, 0.2])
    with pytest.raises(InputError, match="finite"):
        track_roots(lambda q: [1.0, 0.0, 1.0], [0.1, float("inf")])


def test_gamma_against_hand_elimination():
    # hand (this reviewer): eliminate δJ, δΦ, δn_ph from the linearised rows (∂_x → iq, ∂_t → −iω):
    # continuity (−ω + qV₀)δn + qδJ + qn₀bδn_ph = 0, momentum −ωδJ + (qv² + ω_p²/q)δn + hδn_ph = 0,
    # photon (ω̃ − ω)δn_ph = qV₀δn, with V₀ = (ω_p²/2n₀)c²k₀cosθN₀/ω₀³, b = (ω_p²/2n₀)c²q/ω_q³,
    # h = ω_p²ħq/(2mω_q), ω̃ = c²q²/ω_q − qn₀b. Then det/(monic) = (ω² − ω_e²)(ω − ω̃) + Γ with
    # Γ = qV₀[qh + (c²q²/ω_q)ω − ω²] (divergence form) and Γ = qV₀[qh + qn₀bω] (kinetic form).
    Q, m, e0, c, q, w, n0 = pl.Q, pl.m, pl.eps0, pl.c, pl.q, pl.omega, pl.n0
    wp2 = Q**2 * n0 / (e0 * m)
    V0 = wp2 / (2 * n0) * c**2 * pl.k0 * pl.cos_t * pl.N0 / pl.w0**3
    b = wp2 / (2 * n0) * c**2 * q / pl.wq**3
    h = wp2 * pl.hbar * q / (2 * m * pl.wq)
    wt = c**2 * q**2 / pl.wq - q * n0 * b
    bare = (w**2 - wp2 - pl.veff2 * q**2) * (w - wt)
    for form, gam in (("divergence", q * V0 * (q * h + c**2 * q**2 / pl.wq * w - w**2)),
                      ("kinetic", q * V0 * (q * h + q * n0 * b * w))):
        cub = pl.laser_cubic(form)
        det = sum(cf * w ** (3 - i) for i, cf in enumerate(cub))
        assert sp.simplify(sp.expand(det - bare - gam)) == 0, form
    # numeric twin at one point: the cubic's roots solve the 4×4 matrix (generalised eigenvalues)
    vals = {Q: -1, m: 1, e0: 1, n0: 1, c: 1, pl.hbar: 2e-3, pl.veff2: 0.05, pl.k0: 30, pl.w0: 30,
            pl.cos_t: 1.0, pl.N0: 2e3, q: 0.7, pl.wq: math.sqrt(1.49)}
    hand = [complex(cf.subs(vals)) for cf in sp.Poly(sp.expand(bare + q * V0 * (
        q * h + c**2 * q**2 / pl.wq * w - w**2)), w).all_coeffs()]
    assert np.allclose(np.sort_complex(np.roots(hand)), pl.numeric_longitudinal_roots(vals), atol=1e-9)
