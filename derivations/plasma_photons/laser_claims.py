"""Joule law (67)-(68) and the laser-driven perturbations (93)-(106) of seed 001, derived.

* (67): the source Λ^(1) of (42) for a monochromatic field, E^(+) = E₀e^{iqx}, j = j₀e^{iqx} + c.c.,
  summed over k (∫dr' e^{iαr'} = 2πδ(α), then ∫dk/2π) and averaged over a wavelength; a discrete
  periodic-box twin; the plane-wave transform of the printed u(r) of (66) by quadrature.
* (68): the kinetic-energy moment of the Vlasov equation with the Lorentz force (46) (symbolic
  identity + Gauss–Hermite quadrature twin) is the power absorbed by the plasma.
* (93)-(94): linearisation of (55) and (48) about the pump; (99)-(102): pump currents (ODE) and
  slow linearised equations (period average); (103)-(105): matrices built with
  ``symlight.dispersion``, det D_∥ against the printed cubic; dimensions by
  ``symlight.numerics.units`` (the tool finds a wrong dimension by itself).

All printed forms below are transcribed data with their equation labels; derived forms are
computed in ``symlight.models.plasma_laser`` or here.
"""

from __future__ import annotations

import math

import numpy as np
import sympy as sp

from symlight.checks import Claim, ClaimBook
from symlight.dispersion import dispersion_relation
from symlight.models import plasma_laser as pl
from symlight.models import plasma_photons as pp
from symlight.numerics.units import check_dimension, length, mass, time

TOPIC, SOURCE = "plasma-photons", "001_acf7c75771656388.txt"

Q, m, eps0, hbar, c = pl.Q, pl.m, pl.eps0, pl.hbar, pl.c
q, w, n0, N0, k0, w0, wq, ct, veff2 = pl.q, pl.omega, pl.n0, pl.N0, pl.k0, pl.w0, pl.wq, pl.cos_t, pl.veff2
e_ch = sp.Symbol("e", positive=True)
gam = sp.Symbol("gamma", positive=True)
WP2 = pl.WP2
WQ_EXPR = sp.sqrt(WP2 + c**2 * q**2)

# ---- printed forms (data, transcribed) -------------------------------------------------------
dn_e, dn_ph = sp.symbols("deltan_e deltan_ph")
wp_s = sp.Symbol("omega_p", positive=True)
PRINTED_93 = -wp_s**2 / 2 * (c**2 * q / wq**3 * dn_ph + N0 / n0 * c**2 * k0 * ct / w0**3 * dn_e)  # q̂·(93)
PRINTED_94 = -wp_s**2 / (2 * n0) * hbar / wq * sp.I * q * dn_ph                                 # ∇ → iq
PRINTED_WT = c**2 * q**2 * (1 - wp_s**2 / (2 * wq**2)) / wq                                     # after (104)
PRINTED_105 = (gam * ct * (hbar * wp_s**2 / (2 * m * c**2) * c * q / w - wp_s**3 / wq**2)
               * c**2 * q**2 * w / wq)
Om2, gradOm2, lapOm2, kv, w0s = sp.symbols("Omega2 gradOmega2 lapOmega2 k0 omega0", positive=True)
PRINTED_97 = (1 + Om2 / w0s**2) ** 2 * c**2 * w0s / (kv * gradOm2) * kv * kv     # |D|, k₀⊗k₀ → k₀²
PRINTED_98 = w0s * (1 + Om2 / w0s**2) * lapOm2 / (kv * gradOm2)                 # G
PRINTED_TRANSVERSE = [-sp.sqrt(wp_s**2 + c**2 * q**2), sp.sqrt(wp_s**2 + c**2 * q**2)]         # after (103)

#: the closure on which det D_∥ rests (stated in every evidence that uses it)
CLOSURE = ("closure: electrons only (static ions), pressure + exchange as v_eff²∂_xδn (83), J^(1), J^F "
           "dropped, fast pump terms (∝ e^{−iω₀t}, and S) averaged out, photon current convective "
           "J_ph = (c²q/ω_q)δn_ph at k = q (not the diffusive law (96)), ω₀ = ck₀, N₀ from γ (106)")


def _wp_subs(expr: sp.Expr) -> sp.Expr:
    return expr.subs(wp_s, sp.sqrt(WP2))


# ============================================================================ (67)-(68)
r, rp, kk = sp.symbols("r rprime k", real=True)
j_re, j_im, E_re, E_im = sp.symbols("j_r j_i E_r E_i", real=True)
wp1 = sp.Symbol("omega_p", positive=True)


def _plane_wave_integral(expr: sp.Expr) -> sp.Expr:
    """∫dr' of a sum of terms f·e^{iαr'} (α independent of r') as Σ f·2πδ(α)."""
    out = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(sp.powsimp(sp.expand(expr), combine="exp"))):
        term = sp.powsimp(term, combine="exp")
        expo = sp.Integer(0)
        rest = sp.Integer(1)
        for f in sp.Mul.make_args(term):
            if isinstance(f, sp.exp) and f.has(rp):
                expo += f.args[0]
            else:
                rest *= f
        alpha = sp.simplify(sp.diff(expo, rp) / sp.I)
        if alpha.has(rp):
            raise ValueError(f"exponent not linear in r': {expo}")
        out += rest * sp.exp(expo.subs(rp, 0)) * 2 * sp.pi * sp.DiracDelta(alpha)
    return out


def photon_rate_monochromatic() -> tuple[sp.Expr, sp.Expr]:
    """(ħω_q ∂_t n_ph averaged over a wavelength, ⟨j·E⟩) from Λ^(1) of (42) in one dimension."""
    j0 = j_re + sp.I * j_im
    E0 = E_re + sp.I * E_im
    om = lambda kv: sp.sqrt(wp1**2 + c**2 * kv**2)  # noqa: E731
    jx = lambda xv: j0 * sp.exp(sp.I * q * xv) + sp.conjugate(j0) * sp.exp(-sp.I * q * xv)  # noqa: E731
    Ep = lambda xv: E0 * sp.exp(sp.I * q * xv)  # noqa: E731
    integrand = sp.exp(sp.I * kk * rp) * jx(r + rp / 2) * Ep(r - rp / 2)
    lam1 = -_plane_wave_integral(integrand) / (hbar * om(kk))
    lam1 = lam1 + sp.conjugate(lam1)                                   # + c.c. of (42)
    rate = sp.integrate(sp.expand(lam1), (kk, -sp.oo, sp.oo)) / (2 * sp.pi)   # ∂_t n_ph = ∫dk/2π Λ^(1)
    lam = 2 * sp.pi / q
    avg = sp.simplify(sp.integrate(sp.expand(rate), (r, 0, lam)) / lam)
    Efull = lambda xv: Ep(xv) + sp.conjugate(Ep(xv))  # noqa: E731
    jE = sp.simplify(sp.integrate(sp.expand(jx(r) * Efull(r)), (r, 0, lam)) / lam)
    return sp.simplify(hbar * om(q) * avg), jE


def photon_rate_box(j0: complex, E0: complex, qi: int = 2, n_grid: int = 64, kmax: int = 12,
                    hb: float = 0.7, cc: float = 1.3, wpv: float = 0.9) -> tuple[float, float]:
    """Numeric twin on a periodic box L = 2π (k integer, q = ``qi`` even so that r' ↦ r ± r'/2
    stays periodic): Λ^(1)(k) by the trapezoid rule in r', ∂_t n_ph = L⁻¹Σ_k Λ^(1), averaged over
    x; returns (ħω_q ⟨∂_t n_ph⟩, ⟨j·E⟩)."""
    L = 2 * math.pi
    rps = np.arange(n_grid) * L / n_grid
    xs = np.arange(n_grid) * L / n_grid
    ks = np.arange(-kmax, kmax + 1)
    jf = lambda xv: j0 * np.exp(1j * qi * xv) + np.conj(j0) * np.exp(-1j * qi * xv)  # noqa: E731
    Ef = lambda xv: E0 * np.exp(1j * qi * xv)  # noqa: E731
    rates = []
    for x0 in xs:
        prod = jf(x0 + rps / 2) * Ef(x0 - rps / 2)
        lam = np.array([-(np.sum(np.exp(1j * kv * rps) * prod) * L / n_grid)
                        / (hb * math.sqrt(wpv**2 + cc**2 * kv**2)) for kv in ks])
        lam = lam + np.conj(lam)
        rates.append(np.sum(lam).real / L)
    jE = np.mean((jf(xs) * (Ef(xs) + np.conj(Ef(xs)))).real)
    return hb * math.sqrt(wpv**2 + cc**2 * qi**2) * float(np.mean(rates)), float(jE)


def printed_u_transform(qv: float, kappa: float, factor: float = 4.0) -> float:
    """ħω_q·∫d³r e^{−iq·r}u(r) for u = ω_pK₁(ω_pr/c)/(factor·π²ħc²r) (printed: factor 4),
    ħ = c = 1: (4π/q)∫₀^∞ r u(r) sin(qr) dr by adaptive quadrature (QUADPACK, scipy K₁; the
    integrand K₁(κr)sin(qr) → q/κ at r → 0 and decays as e^{−κr}, cut at κr = 60)."""
    from scipy.integrate import quad
    from scipy.special import kv

    def f(rr: float) -> float:
        return qv / kappa if rr == 0 else kv(1, kappa * rr) * math.sin(qv * rr)

    val, _ = quad(f, 0.0, 60.0 / kappa, limit=400, epsabs=1e-14, epsrel=1e-12)
    return 4 * math.pi / qv * kappa / (factor * math.pi**2) * val * math.sqrt(kappa**2 + qv**2)


def _gauss_hermite_power(Ev: np.ndarray, Bv: np.ndarray, Qv: float = -1.3, mv: float = 0.8,
                         n_nodes: int = 24) -> tuple[float, float]:
    """Kinetic-energy moment −∫d³p (p²/2m) F_L·∇_pW of (46) and j·E = Q E·∫(p/m)W, for a drifting
    anisotropic Gaussian W(p) (tensor Gauss–Hermite quadrature, ∇_pW analytic)."""
    xg, wg = np.polynomial.hermite.hermgauss(n_nodes)
    s = np.array([0.7, 1.1, 0.9])
    u = np.array([0.3, -0.2, 0.5])
    P = np.stack(np.meshgrid(*[u[i] + math.sqrt(2) * s[i] * xg for i in range(3)], indexing="ij"), -1)
    Wt = np.einsum("i,j,k->ijk", wg, wg, wg) * np.prod(math.sqrt(2) * s)  # W·d³p weights (W·e^{x²})
    Wt = Wt * 1.0 / (np.prod(s) * (2 * math.pi) ** 1.5)
    gradW_over_W = -(P - u) / s**2
    v = P / mv
    F = Qv * (Ev + np.cross(v, Bv))
    ekin = (P**2).sum(-1) / (2 * mv)
    moment = float(np.sum(Wt * ekin * -(F * gradW_over_W).sum(-1)))
    jE = float(Qv * np.sum(Wt[..., None] * v, axis=(0, 1, 2)) @ Ev)
    return moment, jE


def _claims_67_68(book: ClaimBook) -> None:
    rate, jE = photon_rate_monochromatic()
    book.equal("67", "∂_t[ħω_q n_ph] = −j·E: the k-sum of Λ^(1) (42) for a monochromatic field E^(+) = "
               "E₀e^{iqx} and current j₀e^{iqx} + c.c. (∫dr'e^{iαr'} = 2πδ(α), averaged over a wavelength)",
               -jE, rate)
    pairs = [photon_rate_box(j0, E0) for j0, E0 in ((0.4 - 0.3j, 1.1 + 0.2j), (-0.2 + 0.9j, 0.5 - 0.7j))]
    book.close("67", "numeric twin: periodic box (L = 2π, q = 2, 25 k-modes, 64-point r' rule): "
               "ħω_q⟨∂_t n_ph⟩ = −⟨j·E⟩", [-p[1] for p in pairs], [p[0] for p in pairs], rtol=1e-10,
               how="trapezoid rule in r' (exact for trigonometric polynomials), discrete Σ_k")
    qs, kap = (0.5, 1.7), 1.2
    got = [printed_u_transform(qv, kap) for qv in qs]
    book.close("67", "(67) from the source (66) with the printed u(r) = ω_pK₁(ω_pr/c)/(4π²ħc²r): "
               "ħω_q ∫d³r e^{−iq·r}u(r) must be 1 for ∂_t[ħω_q n_ph] = −j·E",
               [1.0, 1.0], got, rtol=1e-8,
               how=f"QUADPACK quadrature (ħ = c = 1, ω_p/c = {kap}, q = {qs}): the printed u gives "
               f"{np.round(got, 10).tolist()}; with 2π² instead of 4π² it gives "
               f"{[round(printed_u_transform(qv, kap, 2.0), 10) for qv in qs]}")
    # (68): kinetic-energy moment of the Vlasov term of (46)
    px, py, pz, Ex, Ey, Ez, Bx, By, Bz = sp.symbols("p_x p_y p_z E_x E_y E_z B_x B_y B_z", real=True)
    p = sp.Matrix([px, py, pz])
    E = sp.Matrix([Ex, Ey, Ez])
    B = sp.Matrix([Bx, By, Bz])
    F = Q * (E + (p / m).cross(B))
    div = sum(sp.diff(p.dot(p) / (2 * m) * F[i], p[i]) for i in range(3))
    book.equal("68", "dP/dV|plasma = j·E: integrating −(p²/2m)F_L·∇_pW of (46) by parts leaves "
               "W ∇_p·((p²/2m)F_L) = W Q E·p/m, whose p-integral is j·E (magnetic part does no work)",
               Q * E.dot(p) / m, sp.expand(div))
    fields = (((0.3, -0.5, 0.8), (1.2, 0.4, -0.7)), ((-1.0, 0.2, 0.1), (0.0, 2.0, 0.5)))
    mom, je = zip(*(_gauss_hermite_power(np.array(Ev), np.array(Bv)) for Ev, Bv in fields), strict=True)
    book.close("68", "numeric twin: −∫d³p (p²/2m)F_L·∇_pW = j·E for a drifting anisotropic Gaussian W",
               list(je), list(mom), rtol=1e-10, how="24³-node Gauss–Hermite quadrature, two (E, B)")
    book.equal("68", "energy balance: the photon side −∂_t[ħω_q n_ph] (derived from (42)) equals the "
               "plasma side j·E (derived from (46)) for the monochromatic field", jE, -rate)


# ============================================================================ (93)-(94)
def _j2_finite_difference(eps_: float = 1e-6) -> tuple[float, float]:
    """q̂·δJ^(2) by a finite difference of the k-sum (55) over an explicit two-mode photon
    distribution (pump at k₀, perturbation at q, both 3-vectors), SI-free numbers."""
    Qv, mv, e0, cv = -1.1, 0.9, 1.3, 1.7
    n0v, N0v = 2.0, 0.7
    wpv = math.sqrt(Qv**2 * n0v / (e0 * mv))
    qv = np.array([0.6, 0.0, 0.0])
    k0v = np.array([3.0 * math.cos(2.2), 3.0 * math.sin(2.2), 0.0])
    wk = lambda kv: math.sqrt(wpv**2 + cv**2 * kv @ kv)  # noqa: E731

    def J2(dne: float, dnph: float) -> np.ndarray:
        V = Qv**2 / (2 * e0 * mv) * (cv**2 * k0v * N0v / wk(k0v) ** 3 + cv**2 * qv * dnph / wk(qv) ** 3)
        return V * (n0v + dne)

    base = J2(0, 0)
    fd = [(J2(eps_ * a, eps_ * b) - base)[0] / eps_ for a, b in ((1.3, 0.0), (0.0, 0.9))]
    # the printed (93) at the same numbers (ω_p² = Q²n₀/(ε₀m) here by construction)
    wp2 = Qv**2 * n0v / (e0 * mv)
    pr = [-wp2 / 2 * N0v / n0v * cv**2 * k0v[0] / wk(k0v) ** 3 * 1.3,
          -wp2 / 2 * cv**2 * qv[0] / wk(qv) ** 3 * 0.9]
    return fd, pr


def _claims_93_94(book: ClaimBook) -> dict:
    ren = pl.pump_renormalisations()
    d93 = ren["dJ2"].subs({ren["dn_e"]: dn_e, ren["dn_ph"]: dn_ph})
    p93 = _wp_subs(PRINTED_93)
    cl = book.equal("93", "δJ_e^(2) (q̂ component) from linearising J^(2) = V n (55) about the pump N₀ at "
                    "k₀ with (91)-(92)", p93, d93)
    ratios = {str(v): sp.simplify(sp.diff(d93, v) / sp.diff(p93, v)) for v in (dn_e, dn_ph)}
    cl.evidence += (f"; derived/printed coefficient of each term: {ratios} (V of (55) is +Q²/(2ε₀m)Σc²kN/ω³, "
                    "so J^(2) points along the photon wavevectors)")
    fd, pr = _j2_finite_difference()
    book.close("93", "independent check: finite difference of the k-sum (55) over an explicit "
               "pump + perturbation photon distribution vs the printed (93)", pr, fd, rtol=1e-5,
               how=f"δJ^(2)_x per unit (δn_e, δn_ph) step: finite difference {np.round(fd, 6).tolist()}, "
               f"printed {np.round(pr, 6).tolist()}: ratios finite difference/printed = "
               f"{np.round(np.array(fd) / np.array(pr), 6).tolist()}")
    d94 = ren["dF"].subs(ren["dn_ph"], dn_ph)
    book.equal("94", "δF_e from linearising the ponderomotive force (48): −(ω_p²/2n₀)(ħ/ω_q)∇δn_ph "
               "(∇ → iq)", _wp_subs(PRINTED_94), d94)
    # dimensions of (93), (94), by the tool
    dims = {"omega_p": 1 / time, "c": length / time, "q": 1 / length, "omega_q": 1 / time,
            "deltan_ph": length**-3, "deltan_e": length**-3, "N_0": length**-3, "n_0": length**-3,
            "k_0": 1 / length, "omega_0": 1 / time, "cos_theta": 1, "hbar": mass * length**2 / time}
    ok93, ev93 = check_dimension(PRINTED_93, dims, length**-2 / time)
    ok94, ev94 = check_dimension(PRINTED_94 / sp.I, dims, mass * length / time**2)
    book.holds("93", "(93) is a particle-current density [L⁻²T⁻¹] (both terms)", ok93, ev93)
    book.holds("94", "(94) is a force [MLT⁻²]", ok94, ev94)
    return ren


# ============================================================================ (96)-(102)
def _claims_96_102(book: ClaimBook) -> None:
    # (96)-(98): dimensions of D and G as printed (scalar magnitudes of the k₀⊗k₀ structure)
    dims = {"Omega2": time**-2, "gradOmega2": 1 / (length * time**2), "lapOmega2": 1 / (length**2 * time**2),
            "k0": 1 / length, "omega0": 1 / time, "c": length / time}
    D97, G98 = PRINTED_97, PRINTED_98
    okD, evD = check_dimension(D97, dims, length**2 / time)
    okG, evG = check_dimension(G98, dims, 1 / time)
    book.holds("97", "the diffusion tensor D of (97) has the dimension of a diffusion coefficient "
               "[L²T⁻¹], as (96) needs", okD, evD)
    book.holds("98", "the absorption coefficient G of (98) is a rate [T⁻¹], as (96) needs", okG, evG)
    limD = sp.limit(D97 / (kv * kv), gradOm2, 0, "+")
    G_num, G_den = sp.fraction(sp.together(G98))
    book.holds("97", "(96)-(98) can be linearised about the homogeneous plasma of (103)-(105): D and G "
               "stay finite as k₀·∇Ω_e² → 0", limD.is_finite is True and G_den.subs(gradOm2, 0) != 0,
               f"SymPy: lim_(k₀·∇Ω²→0⁺) |D|/k₀² = {limD}; G = {sp.sstr(G_num)}/({sp.sstr(G_den)}) is 0/0 at "
               "∇Ω² = ∇²Ω² = 0. The matrices of (103) are therefore built from the convective "
               "photon continuity (61) with J_ph = v_ph(q)δn_ph instead (see the (104) claims)")
    dims99 = {"J": length**-2 / time, "n_0": length**-3, "eE": mass * length / time**2,
              "eB": mass / time, "m": mass, "t": time}
    Jf, eEf, eBf = sp.Function("J")(sp.Symbol("t")), sp.Symbol("eE"), sp.Symbol("eB")
    res99 = sp.Derivative(Jf, sp.Symbol("t")) + (n0 * eEf + Jf * eBf) / m
    ok99, ev99 = check_dimension(res99, {**dims99, "J": length**-2 / time}, length**-2 / time**2)
    book.holds("99", "(99)-(100) are dimensionally consistent (∂_tJ, (e/m)n₀E₀, (e/m)J×B₀)", ok99, ev99)
    # (99)-(100) from the momentum equation (53) with the Lorentz part of (59): the printed
    # Q(E + J_α×B) is dimensionally wrong (J = nv); with Q(E + v×B), v = J/n, the x, y parts of
    # (n/m)F̃ are (100), (99) for k₀ ∥ x̂, A₀ ∥ ŷ (E₀ ∥ ŷ, B₀ ∥ ẑ)
    dims59 = {"E": mass * length / time**2,
              "J": length**-2 / time, "B": mass / time, "v": length / time}
    QE, J_, QB, v_ = sp.symbols("E J B v", positive=True)    # charge folded into QE, QB (force, M/T)
    ok59, ev59 = check_dimension(QE + J_ * QB, dims59, mass * length / time**2)
    ok59v, _ = check_dimension(QE + v_ * QB, dims59, mass * length / time**2)
    book.holds("59", "the Lorentz part Q(E + J_α×B) of the total force (59) is dimensionally consistent",
               ok59, f"as printed: {ev59}; with v×B = J_α×B/n_α instead: "
               f"{'consistent' if ok59v else 'inconsistent'}")
    Jx_, Jy_, Ey_, Bz_, nn_ = sp.symbols("J_x J_y E_y B_z n", real=True)
    Jv, Ev, Bv = sp.Matrix([Jx_, Jy_, 0]), sp.Matrix([0, Ey_, 0]), sp.Matrix([0, 0, Bz_])
    force = (nn_ / m) * (-e_ch) * (Ev + (Jv / nn_).cross(Bv))        # (n/m)Q(E + v×B), Q = −e
    printed_99 = -(e_ch / m) * (nn_ * Ey_ + (sp.Matrix([Jx_, 0, 0]).cross(Bv))[1])
    printed_100 = -(e_ch / m) * (sp.Matrix([0, Jy_, 0]).cross(Bv))[0]
    book.equal("99", "(99)-(100) are the ŷ (J_⊥) and x̂ (J_∥) components of (n/m)Q(E + v×B) in (53) "
               "(k₀ ∥ x̂, A₀ ∥ ŷ)", [printed_99, printed_100], [sp.expand(force[1]), sp.expand(force[0])])
    # (99)-(100): pump currents by ODE integration
    a0 = 0.01
    sol = pl.pump_current_ode(a0)
    tt = sol["t"]
    closed = a0 * np.exp(-1j * tt)                    # J_⊥ = (e n₀/m)A₀e^{−iω₀t}, units e/m = n₀ = 1
    book.close("99", "J_⊥,0 from (99)-(100) is the fast drift (e n₀/m_e)A₀e^{−iω₀t} (to O(a₀²))",
               closed, sol["J_perp"], rtol=0, atol=5 * a0**3,
               how=f"DOP853 integration over 40 pump periods, a₀ = eA₀/(m_ec) = {a0}")
    spec = np.fft.fft(sol["J_par"]) / tt.size
    freq = np.fft.fftfreq(tt.size, d=tt[1] - tt[0]) * 2 * math.pi
    amp = lambda f0: float(np.abs(spec[np.argmin(np.abs(freq - f0))]))  # noqa: E731
    a1, a2, adc = amp(-1.0), amp(-2.0), amp(0.0)
    # first iterate of (100) by SymPy: J_∥ = −∫₀^t J_⊥,0 B₀ dt' with J_⊥,0 = a₀e^{−it'}, B₀ = ia₀e^{−it'}
    a0s, tau, ts_ = sp.Symbol("a_0", positive=True), sp.Symbol("tau", real=True), sp.Symbol("t", real=True)
    jpar_first = sp.simplify(sp.integrate(-(a0s * sp.exp(-sp.I * tau)) * (sp.I * a0s * sp.exp(-sp.I * tau)),
                                          (tau, 0, ts_)))
    book.holds("100", "J_∥,0 from (100) oscillates as e^{−iω₀t} (as stated below (100))", a1 > max(a2, adc),
               f"spectrum of the integrated J_∥: |ω₀ component| = {a1:.2e}, |2ω₀| = {a2:.2e}, "
               f"|DC| = {adc:.2e} (a₀ = {a0}); first iterate of (100) by SymPy (e/m = n₀ = ω₀ = 1): "
               f"J_∥ = {sp.sstr(jpar_first)}: the product J_⊥×B₀ of two e^{{−iω₀t}} factors is a second "
               "harmonic plus a constant")
    # (101): linearise the ŷ component of (99), average over a pump period
    dE, dnn, dJx, dB, E0y, B0z, Jp0 = sp.symbols("deltaE deltan deltaJ_par deltaB E0 B0 J_par0")
    ph = sp.exp(-sp.I * w0 * pl.t)
    epsl = pl.eps
    n_ = n0 + epsl * dnn
    Ey = E0y * ph + epsl * dE
    Jx = Jp0 * ph**2 + epsl * dJx
    Bz = B0z * ph + epsl * dB
    rhs99 = -(e_ch / m) * (n_ * Ey - Jx * Bz)               # (J_∥×B₀)_y = −J_x B_z
    lin = sp.diff(rhs99, epsl).subs(epsl, 0)
    book.equal("101", "∂_tδJ_⊥ = −(e n₀/m_e)δE: slow part (pump-period average) of the linearised (99)",
               -(e_ch * n0 / m) * dE, pl.period_average(lin))
    # (102): longitudinal momentum, Hartree term and Lorentz terms
    dPhi, dJy, dBz, Jy0 = sp.symbols("deltaPhi deltaJ_perp deltaB_z J_perp0")
    Qe = -e_ch
    force = (n0 / m) * (-Qe * sp.I * q * dPhi) + (Qe / m) * (dJy * B0z * ph + Jy0 * ph * dBz)
    derived_102 = pl.period_average(force)
    printed_102 = (n0 / m) * e_ch * (sp.I * q) ** 2 * dPhi       # (n₀/m)e∇²δΦ^H, ∇ → iq
    book.equal("102", "Hartree term of (102): slow part of (n₀/m)(−Q∇δΦ^H) + Lorentz terms, Q = −e "
               "(printed: (n₀/m)e∇²δΦ^H)", printed_102, derived_102)
    X, T_ = sp.symbols("x t", real=True)
    dJf, dPf, dPFf, dPhif, dff, dFf, dEf, dJpf = (sp.Function(nm)(X, T_) for nm in
                                                    ("dJ", "dP", "dPF", "dPhi", "df", "dF", "dE", "dJp"))
    # the charge enters (102) only through eδΦ^H (an energy) and eδE (a force): declared so
    dims102 = {"dJ": length**-2 / time, "dJp": length**-2 / time, "dP": mass / (length * time**2),
               "dPF": mass / (length * time**2), "dPhi": mass * length**2 / time**2,
               "df": mass * length / time**2, "dF": mass * length / time**2,
               "dE": mass * length / time**2, "x": length, "t": time, "m": mass, "n_0": length**-3}
    printed_res = (sp.Derivative(dJpf, T_) + (sp.Derivative(dPf, X) + sp.Derivative(dPFf, X)) / m
                   - (n0 / m) * (sp.Derivative(dPhif, (X, 2)) + dff + dFf))
    fixed_res = printed_res.subs(sp.Derivative(dPhif, (X, 2)), sp.Derivative(dPhif, X))
    ok_p, ev_p = check_dimension(printed_res, dims102, length**-2 / time**2)
    ok_f, ev_f = check_dimension(fixed_res, dims102, length**-2 / time**2)
    book.holds("102", "(102) as printed is dimensionally consistent (e∇²δΦ^H beside δf^F, δF)", ok_p,
               f"printed: {ev_p}; with e∇δΦ^H instead: {ev_f}")
    ok_101, ev_101 = check_dimension(sp.Derivative(dJf, T_) + (n0 / m) * dEf, dims102, length**-2 / time**2)
    book.holds("101", "(101) is dimensionally consistent", ok_101, ev_101)


# ============================================================================ (103)-(106)
def n0_of_gamma() -> sp.Expr:
    """N₀ from γ = (I₀/I_c)(λ_L/λ_c)³ (106), I₀ = cħω₀N₀, I_c = ε₀m⁴c⁷/(2ħ²e²), solved by SymPy."""
    Ic = eps0 * m**4 * c**7 / (2 * hbar**2 * Q**2)
    lamL, lamc = 2 * sp.pi / k0, 2 * sp.pi * hbar / (m * c)
    sol = sp.solve(sp.Eq(gam, c * hbar * w0 * N0 / Ic * (lamL / lamc) ** 3), N0)
    return sol[0]


def _claims_95(book: ClaimBook) -> None:
    X = sp.symbols("x_1:4", real=True)
    K = sp.symbols("k_1:4", real=True)
    A = sp.symbols("A_1:4")
    phase = sp.exp(sp.I * (sum(ki * xi for ki, xi in zip(K, X, strict=True)) - w0 * pl.t))
    Avec = sp.Matrix(A) * phase
    E = -Avec.diff(pl.t)                                               # E = −∂_tA
    B = sp.Matrix([Avec[2].diff(X[1]) - Avec[1].diff(X[2]), Avec[0].diff(X[2]) - Avec[2].diff(X[0]),
                   Avec[1].diff(X[0]) - Avec[0].diff(X[1])])          # B = ∇×A
    book.equal("95", "pump fields of (95): E₀ = iω₀A₀e^{i(k₀·r − ω₀t)} from E = −∂_tA",
               sp.I * w0 * sp.Matrix(A) * phase, E)
    book.equal("95", "pump fields of (95): B₀ = ik₀×A₀e^{i(k₀·r − ω₀t)} from B = ∇×A",
               sp.I * sp.Matrix(K).cross(sp.Matrix(A)) * phase, B)


def _claims_103_106(book: ClaimBook) -> None:
    full = pl.full_matrix()
    off = ([full[i, j] for i in range(2) for j in range(2, 6)]
           + [full[i, j] for i in range(2, 6) for j in range(2)])
    nonzero = [v for v in off if sp.simplify(v) != 0]
    book.holds("103", "the slow dispersion matrix is block diagonal: D_⊥ for (δJ_⊥, δA), D_∥ for "
               "(δn_e, δJ_∥, δΦ, δn_ph)", not nonzero,
               f"6×6 matrix from the linearised (52), (53)/(102), Poisson, (61), (101), (27): "
               f"{len(nonzero)} non-zero entries of {len(off)} in the off-diagonal "
               "blocks")
    Mt = pl.transverse_system()["matrix"]
    wr = sp.Symbol("omega_r", real=True)              # both signs of ω (pl.omega is positive)
    rt = sp.solve(sp.numer(sp.together(dispersion_relation(Mt))).subs(w, wr), wr)
    zero_modes = [e for e in rt if e == 0]          # static δJ_⊥ + (Qn₀/m)δA = const of (101)
    unit = {Q: -1, n0: 1, eps0: 1, m: 1, c: 1, q: 1}
    rt = sorted((e for e in rt if e != 0), key=lambda e: float(e.subs(unit)))
    cl = book.equal("103", "transverse roots of det D_⊥ = 0: ω = ±√(ω_p² + c²q²)",
                    _wp_subs(sp.Matrix(PRINTED_TRANSVERSE)), sp.Matrix(rt))
    cl.evidence += (f" (plus {len(zero_modes)} static root ω = 0: (101) fixes only ∂_t(δJ_⊥ + Qn₀δA/m), "
                    "no propagating mode)")
    cub = pl.laser_cubic()
    ren = pl.pump_renormalisations()
    d93_for_wt = _wp_subs(ren["dJ2"].subs({ren["dn_e"]: dn_e, ren["dn_ph"]: dn_ph}))
    we2 = WP2 + veff2 * q**2
    wt = _wp_subs(PRINTED_WT)
    bare = sp.Poly(sp.expand((w**2 - we2) * (w - wt)), w).all_coeffs()
    cl = book.equal("104", "γ → 0 (N₀ = 0): det D_∥ = (ω² − ω_e²)(ω − ω̃_ph) with ω_e² = ω_p² + v_eff²q² "
                    "and the printed ω̃_ph = c²q²(1 − ω_p²/2ω_q²)/ω_q", bare, [cf.subs(N0, 0) for cf in cub])
    cl.evidence += "; " + CLOSURE
    # ω̃_ph with the sign of (93) as printed in the photon continuity (61)
    wt93 = c**2 * q**2 / wq - q * sp.diff(_wp_subs(PRINTED_93), dn_ph)
    cl = book.equal("104", "ω̃_ph from the photon continuity (61) with δJ^(2) of (93) as printed",
                    wt, sp.simplify(wt93))
    wt55 = c**2 * q**2 / wq - q * sp.diff(d93_for_wt, dn_ph)
    cl.evidence += (f"; with (93) as printed ω̃_ph = {sp.sstr(sp.factor(sp.simplify(wt93)))}, with δJ^(2) "
                    f"linearised from (55) ω̃_ph = {sp.sstr(sp.factor(sp.simplify(wt55)))}, printed ω̃_ph = "
                    f"{sp.sstr(sp.factor(wt))}: the printed intensiton follows the sign of (55), not of (93)"
                    if sp.simplify(wt55 - wt) == 0 else "")
    # pump only through γ cos θ (ω₀ = ck₀), and the coupling Γ
    sub = {N0: n0_of_gamma()}
    cub_g = [sp.cancel(cf.subs(sub).subs(w0, c * k0)) for cf in cub]
    book.equal("106", "with ω₀ = ck₀ the pump enters det D_∥ only through γ of (106) (∂/∂k₀ at fixed γ "
               "vanishes for every coefficient)", [0, 0, 0, 0],
               [sp.cancel(sp.diff(cf, k0)) for cf in cub_g])
    book.equal("106", "transverse propagation (cos θ = 0) decouples plasmon and intensiton at any γ "
               "(text after (106)): det D_∥ = (ω² − ω_e²)(ω − ω̃_ph)", bare, [cf.subs(ct, 0) for cf in cub_g])
    det_g = sum(cf * w ** (3 - i) for i, cf in enumerate(cub_g))
    gamma_derived = sp.collect(sp.expand(sp.cancel(det_g - sp.expand((w**2 - we2) * (w - wt)))), w)
    printed_G = sp.expand(_wp_subs(PRINTED_105).subs(wq, WQ_EXPR))
    readable = sp.factor(sp.expand(gamma_derived.subs(n0, wp_s**2 * eps0 * m / Q**2)))
    cl = book.equal("105", "coupling Γ(q, ω) = det D_∥ − (ω² − ω_e²)(ω − ω̃_ph) (derived, ω₀ = ck₀, N₀ "
                    "from γ)", printed_G, sp.expand(gamma_derived.subs(wq, WQ_EXPR)),
                    domains={"cos_theta": (-1, 1), "Q": (-2, -0.5)})
    cl.evidence += (f"; derived Γ = {sp.sstr(readable)}; "
                    + _gamma_comparison(readable) + " (the ω² term is the electron drift "
                    "V₀·∇δn_e with the scattering velocity V₀ of (55)); " + CLOSURE
                    + "; electron continuity (52) with J̃ = J + J^(2), J^(2) = Vn (55) inside the divergence")
    # the same with the kinetic-consistent electron continuity ∂_tn + ∇·J = −n∇·V of (39)/(47)
    cub_k = [sp.cancel(cf.subs(sub).subs(w0, c * k0)) for cf in pl.laser_cubic("kinetic")]
    det_k = sum(cf * w ** (3 - i) for i, cf in enumerate(cub_k))
    gamma_k = sp.expand(sp.cancel(det_k - sp.expand((w**2 - we2) * (w - wt))))
    readable_k = sp.factor(sp.expand(gamma_k.subs(n0, wp_s**2 * eps0 * m / Q**2)))
    cl = book.equal("105", "coupling Γ(q, ω) from det D_∥ with the electron continuity as the zeroth moment "
                    "of the first-order Compton term (39) (∂_tn + ∇·J = −n∇·V, no V₀·∇δn_e drift)",
                    printed_G, sp.expand(gamma_k.subs(wq, WQ_EXPR)),
                    domains={"cos_theta": (-1, 1), "Q": (-2, -0.5)})
    cl.evidence += (f"; derived Γ = {sp.sstr(readable_k)}; " + _gamma_comparison(readable_k)
                    + "; " + CLOSURE + "; electron continuity ∂_tn + ∇·J = −n∇·V (zeroth moment of (39))")
    _numeric_twins(book, cub_g, readable)
    _instability(book, cub_g, cub_k)
    # validity: the scattering-induced electron velocity V₀ = Q²c²k₀N₀/(2ε₀mω₀³) of (55) at the pump
    V0 = sp.simplify((Q**2 * c**2 * k0 * N0 / (2 * eps0 * m * w0**3)).subs(sub))
    ratio = sp.simplify(V0.subs(w0, c * k0) / c)
    book.holds("Fig. 6", "the strong-coupling case γ = 10 of Fig. 6(b) keeps the electrons non-relativistic: "
               "the scattering-induced velocity V₀ of (55) at the pump stays below c",
               bool(ratio.subs(gam, 10) < 1),
               f"V₀ = {sp.sstr(V0)} (N₀ from (106)) = {sp.sstr(ratio)}·c for ω₀ = ck₀: V₀/c = "
               f"{float(ratio.subs(gam, 10)):.3g} at γ = 10 and {float(ratio.subs(gam, 0.1)):.3g} at "
               f"γ = 0.1, so γ ≥ {sp.sstr(sp.solve(sp.Eq(ratio, 1), gam)[0])} gives V₀ ≥ c, outside the "
               "non-relativistic model")


def _dimensionless_values(gamma_v: float, cos_v: float) -> tuple[dict, float]:
    """Units ω_p = c = m = ε₀ = n₀ = 1, Q = −1 at n₀ = 10²⁷ cm⁻³ (ħ = ħω_p/(m_ec²), v_eff²/c²)."""
    from scipy import constants as C

    s = pp.plasma_scales(1e27 * 1e6)
    a_hbar = C.hbar * s.omega_p / (C.m_e * C.c**2)
    k0v = 50.0
    vals = {Q: -1, m: 1, eps0: 1, n0: 1, c: 1, hbar: a_hbar, veff2: s.v_eff2 / C.c**2, k0: k0v, w0: k0v,
            ct: cos_v}
    N0v = float(n0_of_gamma().subs({gam: gamma_v}).subs(vals))
    vals[N0] = N0v
    return vals, a_hbar


def _cubic_function(cub: list[sp.Expr]):
    """The cubic's coefficients as a NumPy function of (γ, cos θ, q, and the unit values)."""
    syms = (gam, ct, q, Q, m, eps0, n0, c, hbar, veff2, k0)
    return sp.lambdify(syms, [cf.subs(wq, WQ_EXPR) for cf in cub], "numpy", cse=True)


def _cubic_at(fn, vals: dict, gamma_v: float, cos_v: float, qv: float) -> list[complex]:
    return [complex(v) for v in fn(gamma_v, cos_v, qv, vals[Q], vals[m], vals[eps0], vals[n0], vals[c],
                                   vals[hbar], vals[veff2], vals[k0])]


def _numeric_twins(book: ClaimBook, cub_g: list[sp.Expr], readable: sp.Expr) -> None:
    qs = (0.4, 1.0, 1.6)
    fn = _cubic_function(cub_g)
    mat, cubic, printed = [], [], []
    for gamma_v, cos_v in ((0.1, -1.0), (10.0, -1.0), (10.0, 0.5)):
        vals, a_hbar = _dimensionless_values(gamma_v, cos_v)
        for qv in qs:
            v = {**vals, q: qv, wq: math.sqrt(1 + qv**2)}
            mat.append(pl.numeric_longitudinal_roots(v))
            cubic.append(np.sort_complex(np.roots(_cubic_at(fn, vals, gamma_v, cos_v, qv))))
            printed.append(np.sort_complex(np.roots(pp.cubic_coefficients(qv, float(vals[veff2]), gamma_v,
                                                                          cos_v, a_hbar))))
    book.close("103", "numeric twin: roots of det D_∥ from the matrix (generalized eigenvalues of the "
               "ω-linear pencil, no determinant) equal the roots of the derived cubic", np.array(cubic),
               np.array(mat), rtol=1e-8, atol=1e-10,
               how="scipy.linalg.eig vs numpy.roots; n₀ = 1e27 cm⁻³, γ ∈ {0.1, 10}, cos θ ∈ {−1, 0.5}, "
               "q ∈ {0.4, 1, 1.6} ω_p/c")
    book.close("104", "roots of the printed cubic (104)-(105) equal the roots of the derived det D_∥",
               np.array(printed), np.array(mat), rtol=1e-3, atol=1e-6,
               how="same 9 (γ, cos θ, q) points; printed cubic from symlight.models.plasma_photons. "
               f"Derived Γ (ω₀ = ck₀): {sp.sstr(readable)}; " + CLOSURE + ", (52) in divergence form")


def _gamma_comparison(derived: sp.Expr) -> str:
    """Term-by-term comparison of a derived Γ (in ω_p, ω_q) with the printed (105), computed: the
    derived Γ over γcq cosθ/4, and the derived/printed ratio of the coefficient of each power of ω."""
    pr, de = sp.expand(PRINTED_105), sp.expand(derived)
    scaled = sp.collect(sp.expand(de / (gam * c * q * ct / 4)), w)
    parts = []
    for i in range(3):
        d_i, p_i = de.coeff(w, i), pr.coeff(w, i)
        parts.append(f"ω^{i}: " + ("both 0" if d_i == 0 and p_i == 0 else "absent from the print" if p_i == 0
                                  else "absent from the derived Γ" if d_i == 0
                                  else f"derived/printed = {sp.sstr(sp.factor(sp.simplify(d_i / p_i)))}"))
    return f"Γ/(γcq cosθ/4) = {sp.sstr(scaled)}; " + ", ".join(parts)


def _instability_rows(cub: list[sp.Expr]) -> list[tuple[float, float, float, np.ndarray]]:
    from symlight.dispersion import track_roots

    qs = np.linspace(0.02, 4.0, 120)
    fn = _cubic_function(cub)
    rows = []
    for gamma_v in (0.1, 10.0):
        for cos_v in (-1.0, 1.0):
            vals, _ = _dimensionless_values(gamma_v, cos_v)
            im = track_roots(lambda qq, g=gamma_v, cv=cos_v, vals=vals: _cubic_at(fn, vals, g, cv, qq),
                             qs).imag.max(axis=1)
            rows.append((gamma_v, cos_v, float(im.max()), qs[im > 1e-9]))
    return rows


def _instability(book: ClaimBook, cub_g: list[sp.Expr], cub_k: list[sp.Expr]) -> None:
    def text(rows: list) -> str:
        return "; ".join(f"γ={g}, cos θ={cv:+.0f}: max Im ω = {mi:.3g}ω_p"
                         + (f" on q ∈ [{b.min():.3g}, {b.max():.3g}]ω_p/c" if b.size else "")
                         for g, cv, mi, b in rows)

    linear = all(sp.diff(cf, ct, 2) == 0 and not cf.subs(ct, 0).has(gam) for cf in cub_g + cub_k)
    flip = ("; every pump term of det D_∥ is linear in γ cos θ (checked: ∂²/∂cos²θ = 0, no γ at cos θ = 0), "
            "so flipping the sign of the N₀ term of δJ^(2) (as (93) prints it) maps θ ↔ π − θ: with that "
            "sign the cos θ = +1 and −1 rows below swap" if linear else "")
    for cub, tag in ((cub_g, "(52) with J^(2) = Vn inside the divergence"),
                     (cub_k, "the kinetic-consistent continuity ∂_tn + ∇·J = −n∇·V")):
        rows = _instability_rows(cub)
        unstable_pi = all(r_[2] > 1e-6 for r_ in rows if r_[1] < 0)
        stable_0 = all(r_[2] < 1e-9 for r_ in rows if r_[1] > 0)
        book.holds("104", f"with det D_∥ derived from {tag}: counter-propagating modes (θ = π) become "
                   "unstable and co-propagating ones (θ = 0) are stable (Fig. 6, text after (106))",
                   unstable_pi and stable_0,
                   flip.lstrip("; ") + ("; " if flip else "") + text(rows)
                   + " (n₀ = 1e27 cm⁻³, 120 q values, branches by symlight.dispersion.track_roots); "
                   + CLOSURE)


def _claims_fig5(book: ClaimBook) -> None:
    from scipy.optimize import brentq

    from symlight.models.plasma_photons import compton_wavelength

    lam_c = compton_wavelength()
    cross = []
    for g in (0.1, 10.0):
        f = lambda ln_l, g=g: math.log(pl.intensity_for_gamma(g, np.array([math.exp(ln_l)]))[0]  # noqa: E731
                                       / pl.relativistic_intensity_ratio(np.array([math.exp(ln_l)]))[0])
        cross.append(math.exp(brentq(f, math.log(1e-16), math.log(1e-3), xtol=1e-14)) / lam_c)
    book.close("Fig. 5", "the curve of fixed γ (I₀/I_c = γ(λ_c/λ_L)³, from (106)) meets the relativistic "
               "line a₀ = 1 at λ_L = γλ_c, so the model (below the line) needs λ_L > γλ_c",
               [0.1, 10.0], cross, rtol=1e-9,
               how="brentq on the CODATA curves (I_rel = ε₀cω₀²(m_ec/e)²/2 over I_c); λ_L/λ_c at the "
               "crossing")


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    _claims_67_68(book)
    _claims_93_94(book)
    _claims_95(book)
    _claims_96_102(book)
    _claims_103_106(book)
    _claims_fig5(book)
    return book.claims
