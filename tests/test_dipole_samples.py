"""Finite-sample numerics of seed 003: executor routing, Appendix B fields and flux, Fig. 2."""

from __future__ import annotations

import numpy as np
import pytest

from symlight.errors import InputError
from symlight.numerics import dipole_spectra as ds


def _same(a, b):
    return all(np.array_equal(p["curve"], q["curve"]) and float(p["area_total"]) == float(q["area_total"])
               for p, q in zip(a, b, strict=True))


def _close(a, b, rtol=1e-12):
    """Equal to rounding: worker processes run one BLAS thread, this process may run several, and
    a different thread count changes LAPACK's summation order (last-bit differences)."""
    return all(np.allclose(p["curve"], q["curve"], rtol=rtol, atol=0)
               and np.isclose(float(p["area_total"]), float(q["area_total"]), rtol=rtol, atol=0)
               for p, q in zip(a, b, strict=True))


def test_configurations_identical_serial_local_checkpoint(tmp_path):
    d = np.linspace(-2, 2, 9)
    args = (0.05, 30)
    serial = ds.run_configurations(ds.mean_im_tmm, range(3), *args, deltas=d, executor="serial")
    # the plain sequential loop of the previous implementation (the reference path)
    plain = [ds.mean_im_tmm(*args, seed=s, deltas=d) for s in range(3)]
    local = ds.run_configurations(ds.mean_im_tmm, range(3), *args, deltas=d, executor="local", workers=2)
    first = ds.run_configurations(ds.mean_im_tmm, range(3), *args, deltas=d, executor="serial",
                                  checkpoint=tmp_path)
    resumed = ds.run_configurations(ds.mean_im_tmm, range(3), *args, deltas=d, executor="serial",
                                    checkpoint=tmp_path)
    assert _same(serial, plain) and _same(serial, first) and _same(serial, resumed)
    assert _close(serial, local)
    assert len(list(tmp_path.glob("task-*.npz"))) == 3
    # a different seed gives a different configuration (the comparison above can fail)
    other = ds.run_configurations(ds.mean_im_tmm, [5], *args, deltas=d, executor="serial")
    assert not np.array_equal(other[0]["curve"], serial[0]["curve"])


def test_configuration_task_keys_follow_the_physics_function():
    from symlight.sweeps import task_key

    task = {"seed": 1, "args": [0.1, 10], "kwargs": {"deltas": np.zeros(2)}}
    wrapped = ds.ConfigurationTask(ds.mean_im_tmm)
    assert task_key(wrapped, task) == task_key(ds.mean_im_tmm, task)
    assert task_key(wrapped, task) != task_key(ds.ConfigurationTask(ds.spectrum), task)
    with pytest.raises(InputError):
        ds.ConfigurationTask(3)


# ---------------------------------------------------------------- Fig. 2, (21)-(22)
def test_u_channel_integrals_match_radial_quadpack_and_log_form():
    from symlight.numerics import dipole_pair_dos as pd
    from symlight.numerics import dipole_radial as rad

    for d in (-0.5, 0.5):
        mine = pd.dos_loop_from_u(d)
        ref = rad.fig3_curve(np.array([d]))
        assert mine["P"] == pytest.approx(ref["P"][0], rel=1e-9)
        assert mine["Q"] == pytest.approx(ref["Q"][0], rel=1e-9)
    # the log form (21) by finite differences in δ: an independent route to the same number
    assert pd.dos_loop_from_log(0.5) == pytest.approx(pd.dos_loop_from_u(0.5)["total"], rel=1e-7)
    # negative control: a wrong δ-derivative factor (dt/dδ without the 2 of (10)) is detected
    assert abs(pd.dos_loop_from_log(0.5) / 2 - pd.dos_loop_from_u(0.5)["total"]) > 1e-2


def test_u_channels_limits_and_bad_input():
    from symlight.numerics import dipole_pair_dos as pd

    # r → 0: t³g²/(1 - t²g²) → -t, so U_P → (2/12π) Im t r², U_Q → (1/12π) Im t r²
    r = np.array([1e-3])
    t = pd.t_value(0.3)
    up, uq = pd.u_channels(r, 0.3)
    assert up[0] == pytest.approx(2 * t.imag * r[0] ** 2 / (12 * np.pi), rel=1e-4)
    assert uq[0] == pytest.approx(t.imag * r[0] ** 2 / (12 * np.pi), rel=1e-4)
    with pytest.raises(InputError):
        pd.u_channels(np.array([0.0, 1.0]), 0.3)
    with pytest.raises(InputError):
        pd.pair_integral(0.3, form="other")
    with pytest.raises(InputError, match="channel"):
        pd.subradiant_peak(0.5, "X")
    with pytest.raises(InputError, match="step"):
        pd.dos_loop_from_log(0.5, h=0.0)


def test_subradiant_channels_and_pair_twin():
    from derivations.dipole_transport.samples import FIG2_PRINTED_SIGNS, pair_mode_evidence, subradiant_signs

    signs, _ = subradiant_signs(0.5)
    twin, _ = pair_mode_evidence(0.5)
    assert signs == twin == (-1, 1)
    assert signs != FIG2_PRINTED_SIGNS  # the caption's statement is the opposite (a finding, see claims)


def test_fig12_asymmetry_verdict_rule():
    from derivations.dipole_transport.samples import asymmetry_verdict
    from symlight.checks import Verdict

    ok = np.array([5.0, 4.0])  # both diffuse slopes negative at > 2σ
    assert asymmetry_verdict([1.0, 2.0], [0.2, 0.2], ok)[0] is Verdict.CONFIRMED      # +3.5σ
    assert asymmetry_verdict([2.0, 1.0], [0.2, 0.2], ok)[0] is Verdict.DISCREPANCY    # -3.5σ
    assert asymmetry_verdict([1.0, 1.2], [0.2, 0.2], ok)[0] is Verdict.INCONCLUSIVE   # 0.7σ
    verdict, why, gap = asymmetry_verdict([1.0, 2.0], [0.2, 0.2], np.array([5.0, 1.0]))
    assert verdict is Verdict.INCONCLUSIVE and "slope" in why and gap > 3    # ℓ* undetermined at δ = +1
    assert asymmetry_verdict([1.0, np.nan], [0.2, 0.2], ok)[0] is Verdict.INCONCLUSIVE
    with pytest.raises(InputError, match="non-negative"):
        asymmetry_verdict([1.0, 2.0], [-0.2, 0.2], ok)


def test_b13_bound_verdict_rule():
    from derivations.dipole_transport.samples import bound_verdict
    from symlight.checks import Verdict

    assert bound_verdict(1.9, 0.3, 0.4, 3.8) is Verdict.CONFIRMED
    assert bound_verdict(0.2, 0.05, 0.4, 3.8) is Verdict.DISCREPANCY
    assert bound_verdict(0.6, 0.2, 0.4, 3.8) is Verdict.INCONCLUSIVE
    assert bound_verdict(0.2, 0.05, 0.4, 1.0) is Verdict.INCONCLUSIVE   # flat diffuse profile: no ℓ*
    assert bound_verdict(float("nan"), 0.1, 0.4, 3.8) is Verdict.INCONCLUSIVE
    with pytest.raises(InputError, match="non-negative"):
        bound_verdict(1.0, -0.1, 0.4, 3.0)


# ---------------------------------------------------------------- Appendix B fields
def _solved(m=6, seed=4, delta=0.3):
    from symlight.greens.coupled import green_matrix
    from symlight.greens.tmatrix import t_value

    pos = np.random.default_rng(seed).random((m, 3)) * 3
    t = complex(t_value(delta))
    e0 = np.zeros((m, 3), complex)
    e0[:, 0] = np.exp(1j * pos[:, 2])
    et = np.linalg.solve(np.eye(3 * m) - t * green_matrix(pos), e0.ravel()).reshape(-1, 3)
    return pos, et, t


def test_magnetic_field_is_curl_of_electric_field():
    from symlight.numerics import dipole_energy as de

    pos, et, t = _solved()
    p0 = np.array([[4.0, 1.0, -0.5]])
    h = 1e-5
    jac = np.array([(de.fields_at(p0 + h * e, pos, et, t)[0][0] - de.fields_at(p0 - h * e, pos, et, t)[0][0])
                    / (2 * h) for e in np.eye(3)])
    curl = np.array([jac[1, 2] - jac[2, 1], jac[2, 0] - jac[0, 2], jac[0, 1] - jac[1, 0]]) / 1j
    assert np.allclose(curl, de.fields_at(p0, pos, et, t)[1][0], rtol=1e-7, atol=1e-9)


def test_electric_field_equals_the_generated_green_matrix_sum():
    """E(r) of (B1) from ``fields_at`` (vector form, no 3x3 blocks) against t Σ_j G0(r - r_j)·Ẽ_j with
    G0 from ``greens.coupled.green_matrix`` (the lambdified symbolic (B2))."""
    from symlight.greens.coupled import green_matrix
    from symlight.numerics import dipole_energy as de

    pos, et, t = _solved()
    pts = np.array([[4.0, 1.0, -0.5], [1.2, 1.7, 1.1], [0.3, -2.0, 5.0]])
    e, _ = de.fields_at(pts, pos, et, t)
    for i, p0 in enumerate(pts):
        g = green_matrix(np.vstack([p0, pos]))[:3, 3:]
        ref = t * g @ et.ravel() + np.array([np.exp(1j * p0[2]), 0, 0])
        assert np.allclose(e[i], ref, rtol=1e-12, atol=1e-14)


def test_magnetic_matrix_blocks_and_b_tilde_consistency():
    from symlight.greens import magnetic
    from symlight.numerics import dipole_energy as de

    pos, et, t = _solved()
    gb = de.magnetic_matrix(pos)
    assert np.allclose(gb[3:6, 9:12], magnetic.magnetic_kernel(pos[1] - pos[3]), atol=1e-15)
    assert np.allclose(gb[0:3, 0:3], 0)
    # B̃ on dipole 0 from (B7) equals B(r) of (B3) at r_0 with dipole 0 removed from the sum
    bt = (-1j * t * (gb @ et.ravel())).reshape(-1, 3)
    bt[:, 1] += np.exp(1j * pos[:, 2])
    _, b = de.fields_at(pos[:1], pos[1:], et[1:], t)
    assert np.allclose(bt[0], b[0], rtol=1e-12)
    with pytest.raises(InputError, match="coincides"):
        de.fields_at(pos[:1], pos, et, t)


def test_closed_surface_flux_vanishes_and_fails_with_wrong_sign():
    from symlight.numerics import dipole_energy as de

    pos, et, t = _solved(m=5, seed=2, delta=-0.4)
    x, w = np.polynomial.legendre.leggauss(40)
    ph = np.arange(80) * 2 * np.pi / 80
    c, p = np.meshgrid(x, ph, indexing="ij")
    s = np.sqrt(1 - c**2)
    nrm = np.stack([s * np.cos(p), s * np.sin(p), c], -1).reshape(-1, 3)
    wts = np.repeat(w, 80) * (2 * np.pi / 80) * 100

    def net(e, b):
        return float(np.sum(np.sum(np.real(np.cross(e, np.conj(b))) * nrm, axis=1) * wts))

    e, b = de.fields_at(1.5 + 10 * nrm, pos, et, t)
    assert abs(net(e, b)) < 1e-9
    inc = np.exp(1j * (1.5 + 10 * nrm)[:, 2])
    b_wrong = 2 * inc[:, None] * np.array([0, 1, 0]) - b  # flip the sign of the scattered B of (B3)
    assert abs(net(e, b_wrong)) > 1.0


def test_slab_pipeline_small_identical_across_executors(tmp_path):
    from symlight.numerics import dipole_energy as de

    kw = dict(radius=5.0, length=3.0, core=3.0, bins=6, plane_points=10)
    a = de.slab_ensemble(0.1, [0.0, 1.0], 3, executor="serial", **kw)
    b = de.slab_ensemble(0.1, [0.0, 1.0], 3, executor="local", workers=2, checkpoint=str(tmp_path), **kw)
    for key in ("rho", "rho_dif", "E", "Kz"):
        assert np.array_equal(a["avg"][key], b["avg"][key])
    assert np.all(np.isfinite(a["transport"]["ell_star"]))
    assert np.all(a["transport"]["ell_star_jk_err"] > 0)
    with pytest.raises(InputError, match="max_dipoles"):
        de.slab_ensemble(0.1, [0.0], 2, executor="serial", max_dipoles=10, **kw)
    with pytest.raises(InputError, match="core radius"):
        de.configuration(0.1, [0.0], seed=0, radius=3.0, length=4.0)


def test_flux_interpolation_and_fick_formula():
    from symlight.numerics import dipole_energy as de

    z = np.array([-3.0, -2.0, -1.0, 11.0, 12.0, 13.0])
    assert de.flux_at(z, 0.5 - 0.01 * z, 10.0) == pytest.approx(0.5 - 0.01 * 6.5)
    # (B13) on a synthetic linear profile: ρ = 2 - 0.3 z, K = 0.25, k_e = 1.1 → ℓ* = 3 K/(0.3 k_e)
    avg = {"z": np.linspace(0.25, 9.75, 20), "zflux": z}
    avg["rho_dif"] = (2 - 0.3 * avg["z"])[None, :]
    avg["Kz"] = np.full((1, 6), 0.25)
    tr = de.transport_mean_free_path(avg, 10.0, 1.1)
    assert tr["ell_star"][0] == pytest.approx(3 * 0.25 / (0.3 * 1.1))


def test_entry_points_refuse_too_many_dipoles_before_allocating():
    from symlight.numerics import dipole_coherent as dc

    with pytest.raises(InputError, match=r"M = 1000000000 dipoles.*max_dipoles"):
        ds.sphere_positions(10**9, 0.1, np.random.default_rng(0))  # would need 24 GB of positions alone
    with pytest.raises(InputError, match="max_dipoles = 50"):
        ds.mean_im_tmm(0.1, 60, seed=0, deltas=np.zeros(2), max_dipoles=50)
    assert ds.mean_im_tmm(0.1, 20, seed=0, deltas=np.zeros(2), max_dipoles=50)["curve"].shape == (2,)
    # the paper's densest Appendix B sample (k0R = 30, k0L = 10, n = 0.5: M ≈ 14137) against a 16 GB machine
    with pytest.raises(InputError, match="M = 14138"):
        dc.cylinder_positions(0.5, 30.0, 10.0, np.random.default_rng(0), max_dipoles=6000)
    with pytest.raises(InputError, match="max_dipoles"):
        dc.coherent_profile(0.1, 0.0, [0], radius=6.0, length=3.0, max_dipoles=5)


def test_regime_warnings_for_densities_outside_the_paper():
    from symlight.models.dipole_medium import RegimeWarning
    from symlight.numerics import dipole_energy as de

    with pytest.warns(RegimeWarning, match="beyond the range"):
        ds.mean_im_tmm(2.0, 10, seed=0, deltas=np.zeros(1))
    with pytest.warns(RegimeWarning, match="outside the range"):
        de.configuration(1.5, [0.0], seed=0, radius=1.5, length=1.0, core=1.0, bins=2, plane_points=4)


def test_coherent_profile_same_on_every_executor():
    from symlight.numerics import dipole_coherent as dc

    kw = dict(radius=6.0, length=4.0, bins=8)
    a = dc.coherent_profile(0.05, -1.0, range(3), executor="serial", **kw)
    b = dc.coherent_profile(0.05, -1.0, range(3), executor="local", workers=2, **kw)
    assert np.array_equal(a["E"], b["E"]) and np.array_equal(a["count"], b["count"])
    # the sums equal a direct per-configuration solve of (B6)
    acc = np.zeros(8, complex)
    for s in range(3):
        pos = dc.cylinder_positions(0.05, 6.0, 4.0, np.random.default_rng(s))
        e = dc.fields_on_dipoles(pos, -1.0)
        sel = np.hypot(pos[:, 0], pos[:, 1]) < 2.0
        np.add.at(acc, np.clip(np.digitize(pos[sel, 2], np.linspace(0, 4, 9)) - 1, 0, 7), e[sel, 0])
    assert np.allclose(a["E"] * np.maximum(a["count"], 1), acc, rtol=1e-12, atol=1e-12)


def test_fig2_written(tmp_path):
    from derivations.dipole_transport.samples import fig2

    f = fig2(tmp_path)
    assert f.path.exists() and f.path.stat().st_size > 10_000
    assert "opposite" in f.caption and f.seconds > 0


@pytest.mark.slow
def test_must_show_m2000_assembly_versus_lapack_and_200_detunings():
    """Issue 9 must-show at full size: M = 2000 (6000 x 6000), CPU seconds (robust to load)."""
    from bench.bench_dipoles import run

    r = run(2000)
    assert r["assembly_s"] < 0.05 * r["eig_s"]
    assert r["sweep200_s"] < 1.0


@pytest.mark.slow
def test_paper_size_slab_transport_mean_free_path():
    """App. B at the paper's size k0L = 10, k0R = 30 (M ≈ 2827 at n/k0³ = 0.1), R1 = R - L, δ = 0:
    ℓ* of (B13) is finite with a significant diffuse gradient and lies above the bound (93), q = 1/2."""
    from symlight.models.dipole_selfconsistent import lower_bound_kell_star
    from symlight.numerics import dipole_energy as de

    out = de.slab_ensemble(0.1, [0.0], 4, radius=30.0, length=10.0, bins=20, executor="serial")
    tr = out["transport"]
    assert -tr["slope"][0] > 2 * tr["slope_err"][0]
    ell = out["fits"][0]["ell"]
    x = out["k_e"][0] * ell
    assert tr["ell_star"][0] / ell > float(lower_bound_kell_star(x, 0.5)) / x
