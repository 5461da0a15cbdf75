"""Claims of seed 002_796c9b23bedf2618.txt, Sec. III: vapour physics (19)-(21) and the conclusions
drawn from Figs. 2-5, each with a computed verdict.

Printed numbers are transcribed below as data; derived numbers are computed by
``symlight.models.vapour*``. Numeric tolerances follow the printed precision: half a unit of the
last printed digit (the paper's "≈"/"∼" are read that way), except (21), whose 5/9 is an
approximation and is tested at 0.5 %.

Figure conclusions are tested on ensembles of ``CLAIM_PAIRS`` pairs per point (the figures use
1500) on a τ grid [0, 1.2]/Γ, with the derived equations (the verdict) and, reported in the
evidence, the equations as printed. A conclusion is *confirmed* when it holds under both averaging
rules (mean of per-pair ratios, ratio of averaged numerator and denominator), a *discrepancy*
when it fails under both, and *inconclusive* when the two rules disagree.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import mpmath
import numpy as np
import sympy

from symlight.checks import Claim, ClaimBook, Verdict
from symlight.models import vapour
from symlight.models.vapour_ensemble import EnsembleG2, VapourPoint, ensemble_g2

TOPIC = "thermal-pairs"
SOURCE = "002_796c9b23bedf2618.txt"
CLAIM_PAIRS = 500
CLAIM_TAUS = np.linspace(0.0, 1.2, 121)
SEED = 20021

# --- printed data (transcribed) -------------------------------------------------------------
PRINTED_LOG10_TORR_PER_ATM = 2.881  # Eq. (19): "2.881 + 4.312 - 4040/T"
PRINTED_PA_PER_TORR = 133.323  # N = 133.323 p / (k_B T)
PRINTED_NN_PREFACTOR = sympy.Rational(5, 9)  # Eq. (21)
PRINTED_ABSTRACT = {350.0: 0.7, 450.0: 0.1}  # "350 to 450 K ... between 0.7λ and 0.1λ"
PRINTED_SPACING_380K = 0.35  # captions of Figs. 2 and 4, text of Sec. III: "0.35λ"
PRINTED_WINDOW = 5.0  # Sec. III: Δ_i in [Δ_av - 5Γ, Δ_av + 5Γ]


def _half_unit(printed: float) -> float:
    text = repr(printed)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10.0 ** (-decimals)


def physics_claims(book: ClaimBook) -> None:
    """Eqs. (19)-(21), the abstract's spacings, the 380 K spacing and the Doppler window."""
    book.close("19", "the constant 2.881 of Eq. (19) is log10(760 torr/atm), so p is in torr",
               PRINTED_LOG10_TORR_PER_ATM, math.log10(760.0),
               atol=_half_unit(PRINTED_LOG10_TORR_PER_ATM), rtol=0.0,
               how="derived: log10(760) = 2.88081", printed_form=sympy.Float(2.881),
               derived_form=sympy.log(760, 10))
    book.close("19", "133.323 Pa per torr in N = 133.323 p/(k_B T)", PRINTED_PA_PER_TORR,
               101325.0 / 760.0, atol=_half_unit(PRINTED_PA_PER_TORR), rtol=0.0,
               how="derived: 101325/760 Pa", printed_form=sympy.Float(133.323),
               derived_form=sympy.Rational(101325, 760))
    from sympy.physics import units as u
    from sympy.physics.units.systems.si import SI, dimsys_SI

    expr = PRINTED_PA_PER_TORR * u.pascal / u.torr * u.torr / (u.boltzmann_constant * u.kelvin)
    got = SI.get_dimensional_expr(expr)
    same = (dimsys_SI.get_dimensional_dependencies(got)
            == dimsys_SI.get_dimensional_dependencies(u.length ** -3))
    book.holds("19", "N = 133.323 p/(k_B T) (p in torr, converted to Pa) is a number density",
               same, f"dimension of (Pa/torr)·torr/((J/K)·K) by SymPy units (SI): {got}")
    r, n = sympy.symbols("r N", positive=True)
    w3d = 4 * sympy.pi * n * r**2 * sympy.exp(-sympy.Rational(4, 3) * sympy.pi * n * r**3)
    book.equal("20", "W3D(r) = 4πN r² exp(-(4π/3) N r³) is normalised", sympy.Integer(1),
               sympy.integrate(w3d, (r, 0, sympy.oo)))
    book.timed(lambda: _poisson_twin_claim(book))
    exact, value = vapour.nn_prefactor()
    with mpmath.workdps(30):
        quad = mpmath.quad(lambda x: x * 4 * mpmath.pi * x**2 * mpmath.exp(-4 * mpmath.pi / 3 * x**3),
                           [0, 1, mpmath.inf])
    book.close("21", "r_av = ∫ r W3D dr = Γ(4/3)(4πN/3)^(-1/3) (derived by SymPy), against "
               "30-digit quadrature at N = 1", float(quad), value, rtol=1e-14,
               how="mpmath quad", derived_form=exact * n ** sympy.Rational(-1, 3))
    book.close("21", "r_av ≈ (5/9) N^(-1/3): the printed prefactor approximates the exact "
               f"Γ(4/3)(3/(4π))^(1/3) = {value:.6f} (tolerance 0.5 % for '≈'; "
               f"5/9 is {100 * (5 / 9 - value) / value:.2f} % high)",
               float(PRINTED_NN_PREFACTOR), value, rtol=5e-3, printed_form=PRINTED_NN_PREFACTOR,
               derived_form=exact)
    temps = sorted(PRINTED_ABSTRACT)
    got = [float(vapour.mean_spacing_lam(t)) for t in temps]
    book.close("Abstract", "350-450 K correspond to mean spacings between 0.7λ and 0.1λ "
               "(Eqs. (19)-(21), λ = 780 nm)", [PRINTED_ABSTRACT[t] for t in temps], got,
               atol=0.05, rtol=0.0, how=f"derived r_av/λ at 350 K, 450 K = {got[0]:.3f}, {got[1]:.3f}")
    s380 = float(vapour.mean_spacing_lam(380.0))
    s380_paper = float(vapour.mean_spacing_lam(380.0, prefactor="paper"))
    t_match = _temperature_for_spacing(PRINTED_SPACING_380K)
    book.close("Fig. 2", f"T = 380 K corresponds to ⟨r12/λ⟩ ∼ 0.35 (captions of Figs. 2, 4; "
               f"Sec. III). Derived {s380:.4f} (exact prefactor), {s380_paper:.4f} with 5/9; "
               f"0.35 needs T = {t_match:.1f} K", PRINTED_SPACING_380K, s380,
               atol=_half_unit(PRINTED_SPACING_380K), rtol=0.0)
    sigma = float(vapour.doppler_sigma(380.0))
    inside = math.erf(PRINTED_WINDOW / (sigma * math.sqrt(2)))
    flat = math.exp(-PRINTED_WINDOW**2 / (2 * sigma**2))
    book.holds("Sec. III", "Δ_i drawn in [Δ_av - 5Γ, Δ_av + 5Γ] 'according to the Boltzmann "
               "distribution' represents the thermal Doppler broadening (holds if the window "
               "carries most, > 50 %, of the Maxwell-Boltzmann weight)", inside > 0.5,
               f"85Rb at 380 K, Γ = 2π·6 MHz: Doppler σ = {sigma:.1f}Γ; the ±5Γ window carries "
               f"{100 * inside:.1f} % of the distribution and inside it the density varies by "
               f"only {100 * (1 - flat):.2f} % (effectively uniform detunings)")


def _temperature_for_spacing(target: float) -> float:
    from scipy.optimize import brentq

    return float(brentq(lambda t: float(vapour.mean_spacing_lam(t)) - target, 330.0, 450.0))


def _poisson_twin_claim(book: ClaimBook) -> Claim:
    from scipy import stats
    from scipy.spatial import cKDTree

    rng = np.random.default_rng(2020)
    n_pts = 20000
    pts = rng.random((n_pts, 3))
    d, _ = cKDTree(pts, boxsize=1.0).query(pts, k=2)
    lam3 = 4 * np.pi / 3 * n_pts
    p = stats.kstest(d[:, 1], lambda x: 1 - np.exp(-lam3 * np.asarray(x) ** 3)).pvalue
    mean = d[:, 1].mean() * n_pts ** (1 / 3)
    return book.holds("20", "W3D is the nearest-neighbour distance law of a uniform random gas",
                      p > 1e-3, f"Monte Carlo twin: {n_pts} uniform points in a periodic unit box; "
                      f"Kolmogorov-Smirnov p = {p:.3f} against the W3D CDF; mean NN distance "
                      f"{mean:.4f} N^(-1/3) vs {vapour.nn_prefactor()[1]:.4f}")


# --- figure conclusions ----------------------------------------------------------------------
TEMPS = (450.0, 425.0, 400.0, 380.0, 370.0, 360.0, 350.0)
OMEGAS = (5.0, 10.0, 15.0, 50.0)
DELTAS = (0.0, 5.0, 10.0, 15.0)
RULES = ("mean_of_ratios", "ratio_of_means")


def claim_points() -> list[VapourPoint]:
    pts = [VapourPoint(380.0, om, 0.0) for om in OMEGAS]
    pts += [VapourPoint(t, 20.0, 0.0) for t in TEMPS]
    pts += [VapourPoint(380.0, 20.0, s * d) for d in DELTAS[1:] for s in (1, -1)]
    pts += [VapourPoint(t, 20.0, 35.0) for t in TEMPS]
    pts += [VapourPoint(t, 20.0, d) for t in (450.0, 425.0) for d in (15.0, 20.0)]
    return list(dict.fromkeys(pts))


def _ensembles(engine_name: str, n_pairs: int) -> dict[VapourPoint, EnsembleG2]:
    from derivations.thermal_pairs.vapour_figures import engine

    pts = claim_points()
    res = ensemble_g2(pts, engine(engine_name), CLAIM_TAUS, n_pairs=n_pairs, seed=SEED,
                      couplings="derived" if engine_name == "derived" else "printed",
                      progress=False)
    return dict(zip(pts, res, strict=True))


Getter = Callable[[VapourPoint], tuple[float, float, float]]  # (g2(0), s.e., FWHM)


def _getter(data: dict[VapourPoint, EnsembleG2], rule: str) -> Getter:
    def get(p: VapourPoint) -> tuple[float, float, float]:
        g, se, fw = data[p].rule(rule)
        return float(g[0]), float(se[0]), float(fw)

    return get


def _conclusions() -> list[tuple[str, str, Callable[[Getter], tuple[bool, str]]]]:
    def spread(vals: list[float]) -> float:
        return (max(vals) - min(vals)) / abs(np.mean(vals))

    def c_fig2b(get: Getter):
        g = [get(VapourPoint(380.0, om, 0.0))[0] for om in OMEGAS]
        return spread(g) < 0.1, f"g2(0) at Ω_R = 5,10,15,50: {_fmt(g)} (spread {spread(g):.0%}; <10 %)"

    def c_fig2c(get: Getter):
        w = [get(VapourPoint(380.0, om, 0.0))[2] for om in OMEGAS]
        ok = all(np.isfinite(w)) and all(a > b for a, b in zip(w, w[1:], strict=False))
        return ok, f"FWHM at Ω_R = 5,10,15,50: {_fmt(w)}"

    def c_fig3_plateau(get: Getter):
        g, se, _ = get(VapourPoint(350.0, 20.0, 0.0))
        return abs(g - 2) < max(0.05, 3 * se), f"g2(0) at 350 K = {g:.3f} ± {se:.3f}"

    def c_fig3_antibunch(get: Getter):
        g_hi, se_hi, _ = get(VapourPoint(450.0, 20.0, 0.0))
        g_lo, se_lo, _ = get(VapourPoint(350.0, 20.0, 0.0))
        ok = g_hi < g_lo - 2 * math.hypot(se_hi, se_lo)
        return ok, f"g2(0): 450 K {g_hi:.3f} ± {se_hi:.3f}, 350 K {g_lo:.3f} ± {se_lo:.3f}"

    def c_fig3c(get: Getter):
        w_hi, w_lo = get(VapourPoint(450.0, 20.0, 0.0))[2], get(VapourPoint(350.0, 20.0, 0.0))[2]
        return bool(w_hi < w_lo), f"FWHM: 450 K {w_hi:.4f}, 350 K {w_lo:.4f}"

    def c_fig4_sym(get: Getter):
        ok, parts = True, []
        for d in DELTAS[1:]:
            gp, sp_, _ = get(VapourPoint(380.0, 20.0, d))
            gm, sm, _ = get(VapourPoint(380.0, 20.0, -d))
            ok &= abs(gp - gm) <= max(0.05 * abs(gp), 3 * math.hypot(sp_, sm))
            parts.append(f"±{d:g}: {gp:.3f}/{gm:.3f}")
        return ok, "g2(0) at Δ_av = " + ", ".join(parts)

    def c_fig4_decrease(get: Getter):
        g0, s0, _ = get(VapourPoint(380.0, 20.0, 0.0))
        g15, s15, _ = get(VapourPoint(380.0, 20.0, 15.0))
        return (g15 < g0 - 2 * math.hypot(s0, s15),
                f"g2(0): Δ=0 {g0:.3f} ± {s0:.3f}, Δ=15 {g15:.3f} ± {s15:.3f}")

    def c_fig4c(get: Getter):
        w = [get(VapourPoint(380.0, 20.0, d))[2] for d in DELTAS]
        return spread(w) < 0.1, f"FWHM at Δ_av = 0,5,10,15: {_fmt(w)} (spread {spread(w):.0%}; <10 %)"

    def c_fig5_flat(get: Getter):
        g0 = [get(VapourPoint(t, 20.0, 0.0))[0] for t in TEMPS]
        g35 = [get(VapourPoint(t, 20.0, 35.0))[0] for t in TEMPS]
        r0, r35 = max(g0) - min(g0), max(g35) - min(g35)
        ok = r35 < r0 and abs(np.mean(g35) - 1) < abs(np.mean(g0) - 1)
        return ok, f"g2(0) over 350-450 K: Δ=0 {_fmt(g0)}; Δ=35 {_fmt(g35)}"

    def c_sub_poisson(get: Getter):
        cands = [VapourPoint(t, 20.0, d) for t in (450.0, 425.0) for d in (0.0, 15.0, 20.0, 35.0)]
        vals = [(get(p)[0] + 2 * get(p)[1], p) for p in cands]
        best, p = min(vals, key=lambda v: v[0])
        return best < 1.0, (f"smallest g2(0) + 2 s.e. at T >= 425 K: {best:.3f} "
                            f"(T = {p.temperature:g} K, Δ_av = {p.delta_av:g})")

    return [
        ("Fig. 2(b)", "the driving strength does not significantly affect g2(0) (T = 380 K)", c_fig2b),
        ("Fig. 2(c)", "the first-peak FWHM decreases as Ω_R increases", c_fig2c),
        ("Fig. 3(b)", "at low density (350 K) g2(0) plateaus at the thermal value 2", c_fig3_plateau),
        ("Fig. 3(b)", "stronger dipole-dipole interaction (higher T) lowers g2(0): more "
         "antibunching at small spacings", c_fig3_antibunch),
        ("Fig. 3(c)", "the FWHM decreases with decreasing mean spacing", c_fig3c),
        ("Fig. 4(b)", "g2(0) is almost symmetric around Δ_av = 0", c_fig4_sym),
        ("Fig. 4(b)", "g2(0) decreases for larger Δ_av", c_fig4_decrease),
        ("Fig. 4(c)", "the FWHM does not depend significantly on Δ_av", c_fig4c),
        ("Fig. 5", "larger Δ_av flattens g2(0)(density) towards 1", c_fig5_flat),
        ("Fig. 5", "at high temperature g2(0) < 1 (sub-Poissonian) is reached", c_sub_poisson),
    ]


def _fmt(vals: list[float]) -> str:
    return "[" + ", ".join(f"{v:.3g}" for v in vals) + "]"


def _engines_claim(data: dict[str, dict[VapourPoint, EnsembleG2]], n_pairs: int) -> Claim:
    """Printed vs derived equations on the very same pairs: g2(0) of Fig. 3(b) (Ω_R = 20, Δ_av = 0)."""
    from symlight.checks import claim_close

    pts = [VapourPoint(t, 20.0, 0.0) for t in TEMPS]
    printed = [data["printed"][p].rule("ratio_of_means")[0][0] for p in pts]
    derived = [data["derived"][p].rule("ratio_of_means")[0][0] for p in pts]
    return claim_close(TOPIC, SOURCE, "54-55", "the vapour g2(0) of Fig. 3(b) computed from Eqs. "
                       "(48)-(62) as printed (2γ12 S15 in (54)-(55)) equals that of the derived "
                       "equations (4γ12 S15), on the same random pairs", printed, derived, rtol=0.02,
                       how=f"ratio of means, {n_pairs} identical pairs per T = 450 ... 350 K; "
                       f"printed {_fmt(printed)}, derived {_fmt(derived)}")


def conclusion_claims(n_pairs: int = CLAIM_PAIRS) -> list[Claim]:
    """The paper's conclusions from Figs. 2-5, tested (see the module docstring)."""
    start = time.perf_counter()
    data = {name: _ensembles(name, n_pairs) for name in ("derived", "printed")}
    seconds = (time.perf_counter() - start) / len(_conclusions())
    out = [_engines_claim(data, n_pairs)]
    for label, statement, test in _conclusions():
        results = {(eng, rule): test(_getter(data[eng], rule)) for eng in data for rule in RULES}
        derived = [results[("derived", r)][0] for r in RULES]
        if all(derived):
            verdict = Verdict.CONFIRMED
        elif not any(derived):
            verdict = Verdict.DISCREPANCY
        else:
            verdict = Verdict.INCONCLUSIVE
        lines = [f"{eng} equations, {rule.replace('_', ' ')}: {'holds' if ok else 'fails'} ({why})"
                 for (eng, rule), (ok, why) in results.items()]
        evidence = (f"ensembles of {n_pairs} pairs/point, τ grid [0, 1.2]/Γ; verdict from the "
                    "derived equations under both averaging rules. " + "; ".join(lines))
        out.append(Claim(topic=TOPIC, source=SOURCE, equation=label, statement=statement,
                         verdict=verdict, evidence=evidence, seconds=seconds,
                         details={"results": {f"{e}/{r}": ok for (e, r), (ok, _) in results.items()}}))
    return out


def claims() -> list[Claim]:
    """Every vapour claim of Sec. III (physics first, then the figure conclusions)."""
    book = ClaimBook(TOPIC, SOURCE)
    physics_claims(book)
    book.extend(conclusion_claims())
    return book.claims
