"""Topic ``waveguide-pair``: seed 004_051fe7d7dc805f6f.txt (two atoms in a waveguide, ratio R).

Each printed equation is transcribed as data (``_printed_*``) and compared with what symlight
derives (``symlight.models.waveguide_pair``). Paper units (c = 1).
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import sympy as sp

from symlight.checks import Claim, ClaimBook
from symlight.report import Figure, save_figure

TOPIC = "waveguide-pair"
SOURCE = "004_051fe7d7dc805f6f.txt"
TITLE = "Correlated photon emission by two excited atoms in a waveguide (ratio R of parallel/antiparallel)"


# ------------------------------------------------------------------------------------------------
# printed forms, transcribed from the paper (data, not derivations)
# ------------------------------------------------------------------------------------------------
def _printed_29(S):
    z = sp.sqrt(S.p ** 2 + S.M ** 2)
    return 2 * S.lam ** 2 / S.p * ((1 + S.s * S.xi_sym) * sp.log((z + S.p) / S.M)
                                    - sp.I * sp.pi * (1 + S.s * sp.exp(sp.I * S.p * S.d)))


def _claims_hamiltonian(book: ClaimBook) -> None:
    from symlight.models.waveguide_pair.hamiltonian import number_commutators, symmetric_form

    c_rwa, c_full = number_commutators(2)
    book.holds("1", "[H, N] = 0 in the rotating-wave approximation (Eqs. (1), (3); 2 discrete modes, "
               "operator algebra)", c_rwa == 0, f"[H_RWA, N] normal-ordered = {c_rwa}")
    book.holds("1", "without the RWA (dipole coupling with counter-rotating terms) [H, N] ≠ 0",
               c_full != 0, f"[H_full, N] = {sp.sstr(c_full)[:200]}...")
    sf = symmetric_form()
    book.holds("5", "Eq. (5) equals the emission part of Eq. (1) rewritten in b± = (bA ± bB)/√2",
               sf["printed_minus_derived"] == 0,
               f"printed − derived = {sf['printed_minus_derived']}; with d → −d in the print the "
               f"difference is {sf['printed_with_d_reversed_minus_derived']} (the print has e^{{+ikd}} "
               "where Eq. (1) gives e^{-ikd}: a mirror image k → −k; Σ_s, P⇔, P⇄ and R are invariant)")
    book.holds("6", "b₊b₋ = 0 and |eA,eB⟩ = ±(b±†)²|0⟩ (operator identities)",
               sf["bplus_bminus"] == 0 and sf["bplus_dag_sq"] == 0 and sf["bminus_dag_sq"] == 0,
               f"b₊b₋ = {sf['bplus_bminus']}, (b₊†)² − bA†bB† = {sf['bplus_dag_sq']}, "
               f"(b₋†)² + bA†bB† = {sf['bminus_dag_sq']}")


def _claims_sigma(book: ClaimBook) -> None:
    from symlight.models.waveguide_pair import symbolic as S
    from symlight.models.waveguide_pair.self_energy import massive_mode, sigma, sigma_quadrature, xi

    D = S.derive_sigma_closed_form()
    book.equal("29", "Σ_s(z) closed form for the massive mode, derived by contour integration of (20) "
               "(residue at k = p plus the branch cut [iM, i∞) of ω(k)), ξ defined by the cut",
               _printed_29(S), D.sigma)
    # ξ: its definition, reality and size, numerically from the derived cut integral (mpmath)
    pts = []
    for zv, dv in ((1.4, 1.0), (0.6, 1.5), (2.5, 0.7)):
        pv = sp.sqrt(sp.Float(zv) ** 2 - 1) if zv > 1 else sp.I * sp.sqrt(1 - sp.Float(zv) ** 2)
        L = sp.log((zv + pv) / 1)
        xl = D.xi_L.subs({S.M: 1, S.d: dv}).subs(S.p, pv) if zv > 1 else None
        if xl is None:
            # p imaginary: evaluate the same integral with p² = z² − M² < 0 directly
            kap = S.kappa
            xl = pv * zv * sp.Integral(sp.exp(-kap * dv) / (sp.sqrt(kap ** 2 - 1) * (kap ** 2 + pv ** 2)),
                                       (kap, 1, sp.oo))
        ref = complex(sp.N(xl / L, 15))
        pts.append((ref, complex(xi(np.array(zv), 1.0, dv))))
    ref = np.array([a for a, _ in pts])
    got = np.array([b for _, b in pts])
    book.close("29", "ξ(z) = e^{−Md} + p z R_d(z)/L(z): the model's ξ equals the derived cut integral "
               "(SymPy/mpmath quadrature) at z = 1.4, 0.6, 2.5 (M = 1)", ref, got, rtol=1e-8,
               how="mpmath quadrature of the derived ξL integral vs Gauss–Legendre in the model")
    imag = float(np.max(np.abs(got.imag)))
    dd = np.array([4.0, 8.0, 16.0, 32.0])
    scaled = np.array([complex(xi(np.array(1.3), 1.0, dv)).real / float(
        sp.N(D.xi_large_d.subs({S.M: 1, S.d: dv, S.p: sp.sqrt(sp.Float(1.3) ** 2 - 1)}))) for dv in dd])
    book.holds("29", "ξ(z) is real for real z and O(e^{−Md}) (ratio to the derived large-d form "
               "p z K₀(Md)/(z² L) → 1)", imag < 1e-12 and abs(scaled[-1] - 1) < abs(scaled[0] - 1)
               and abs(scaled[-1] - 1) < 0.05,
               f"max |Im ξ| = {imag:.1e}; ξ/[pK₀(Md)/(zL)] at Md = {dd.tolist()}: "
               f"{np.round(scaled, 4).tolist()}")
    # numeric twin: the closed form against direct quadrature of Eq. (20)
    lam, M, d = 0.1, 1.0, 2.3
    om, g, dw = massive_mode(lam, M)
    zs = [1.3 + 0.2j, 0.5 + 0.1j, -0.7 + 0.3j, 3.0 + 1e-3j, 1.5, 2.2, 0.6, -0.4]
    quad = np.array([sigma_quadrature(zv, sv, d, om, g, domega=dw) for zv in zs for sv in (1, -1)])
    closed = np.array([complex(sigma(np.array(zv), sv, lam, M, d)) for zv in zs for sv in (1, -1)])
    book.close("29", "Σ_s(z) closed form (with ξ) vs QUADPACK quadrature of Eq. (20), off the real axis "
               "and at z = ω + i0 (Sokhotski–Plemelj), s = ±1, λ = 0.1, M = 1, d = 2.3",
               quad, closed, rtol=1e-7, how="8 points × 2 signs")


def _claims_onshell(book: ClaimBook) -> None:
    from symlight.models.waveguide_pair import symbolic as S

    on = S.derive_on_shell()
    phi = sp.Symbol("phi", real=True)
    G0 = S.lam ** 2 / S.k0            # g₀²/c₀ = (λ²/ω₀)/(k₀/ω₀)
    for sv in (1, -1):
        printed = on.delta0 + 2 * sp.pi * sv * G0 * sp.sin(phi)
        book.equal("30", f"δ_s = δ₀ + 2πs g₀²/c₀ sin(k₀d), s = {sv:+d} (ξ neglected; δ₀ = 2λ²/k₀ "
                   "ln((ω₀+k₀)/M) identified)", printed, on.delta[sv])
        printed_g = 4 * sp.pi * sv * G0 * (1 + sv * sp.cos(phi))
        book.equal("31", f"γ_s = 4πs g₀²/c₀ [1 + s cos(k₀d)] as printed, s = {sv:+d}", printed_g,
                   on.gamma[sv], domains={"phi": (0.1, 3.0)})
    book.equal("31", "γ_s = 4π g₀²/c₀ [1 + s cos(k₀d)] (the print without its leading s), s = −1",
               4 * sp.pi * G0 * (1 - sp.cos(phi)), on.gamma[-1])
    book.equal("31", "γ₊ + γ₋ = twice the single-atom rate 4π g₀²/c₀ (text after Eq. (31))",
               8 * sp.pi * G0, sp.simplify(on.gamma[1] + on.gamma[-1]))
    book.equal("32", "σ₂ = Σ₂⁽²⁾(2ω₀ + i0) = 2δ₀ − 4πi g₀²/c₀", 2 * on.delta0 - 4 * sp.pi * sp.I * G0,
               on.sigma2)


def _claims_ep(book: ClaimBook) -> None:
    from symlight.models.waveguide_pair.params import PairParams
    from symlight.models.waveguide_pair.propagators import Propagators

    # small-λ form derived: q·(E − ω₀ − Σ₊(E)) = 0 with E = √(M² − q²), q = aλ² + …
    lam, M, w0, a, d, q = sp.symbols("lambda M omega_0 a d q", positive=True)
    E = sp.sqrt(M ** 2 - q ** 2)
    theta = sp.atan(q / E)
    F = q * (E - w0) - 2 * lam ** 2 * (theta - sp.pi * (1 + sp.exp(-q * d)))   # ξ-term: O(λ²q)
    lead = sp.series(F.subs(q, a * lam ** 2), lam, 0, 3).removeO().coeff(lam, 2)
    a_sol = sp.solve(sp.Eq(lead, 0), a)[0]
    gap = sp.series((M - E).subs(q, a_sol * lam ** 2), lam, 0, 5).removeO()
    derived = sp.simplify(M - gap)
    printed = M * (1 - 8 * sp.pi ** 2 * lam ** 4 / (M ** 2 * (w0 - M) ** 2))
    book.equal("34", "E_p ≈ M(1 − 8π²λ⁴/(M²(ω₀ − M)²)): leading order of the exact pole condition",
               printed, derived, domains={"omega_0": (1.1, 3.0), "M": (0.5, 1.0)})
    lams = np.array([1e-3, 3e-3, 1e-2])
    ratios, res = [], []
    for lv in lams:
        pr = Propagators(PairParams.from_k0d(np.pi / 2, lv, 1.1))
        ratios.append(pr.threshold_gap(1) / (8 * np.pi ** 2 * lv ** 4 / (1.0 * 0.1 ** 2)))
        res.append(pr.below_threshold_pole(1)[1])
    ratios = np.array(ratios)
    slope = np.polyfit(np.log(lams[:2]), np.log(res[:2]), 1)[0]
    none_minus = Propagators(PairParams.from_k0d(np.pi / 2, 1e-2, 1.1)).below_threshold_pole(-1) is None
    book.holds("34", "exact E_p (root of E − ω₀ − Σ₊(E), exact Σ) approaches the small-λ form as λ → 0; "
               "its residue scales like λ⁴; no antisymmetric pole below threshold",
               bool(abs(ratios[0] - 1) < 0.02 and np.all(np.diff(np.abs(ratios - 1)) > 0)
                    and abs(slope - 4) < 0.1 and none_minus),
               f"(M − E_p)/(printed gap) at λ = {lams.tolist()}: {np.round(ratios, 5).tolist()}; "
               f"residue log-slope (λ = 1e-3…3e-3) {slope:.3f}; "
               f"s = −1 pole below threshold: {not none_minus}")


def _claims_weak(book: ClaimBook) -> None:
    from symlight.models.waveguide_pair import symbolic as S

    W = S.derive_weak_amplitude()
    phi = S.phi
    printed_F = {sv: S.lam ** 2 / (2 * S.omega0) / (S.c0 * (S.kap1 + S.kap2) - S.sig_2)
                 * (1 / (S.c0 * S.kap1 - S.SIG[sv]) + 1 / (S.c0 * S.kap2 - S.SIG[sv])) for sv in (1, -1)}
    A36 = sum(sv * (1 + sv * sp.exp(sp.I * phi)) ** 2 * printed_F[sv] for sv in (1, -1))
    A37 = sum(sv * (1 + sv * sp.exp(sp.I * phi)) * (1 + sv * sp.exp(-sp.I * phi)) * printed_F[sv]
              for sv in (1, -1))
    book.equal("36", "A⇔ near (k₀, k₀) from Eq. (26) at leading order = Σ_s s(1 + s e^{ik₀d})² F_s",
               A36, W.A_parallel)
    book.equal("37", "A⇄ near (k₀, −k₀) from Eq. (26) = Σ_s s|1 + s e^{ik₀d}|² F_s(k₁−k₀, −k₂−k₀)",
               A37, W.A_antiparallel)
    book.equal("38", "F_s(k₁, k₂) = λ²/(2ω₀) [c₀(k₁+k₂) − σ₂]⁻¹ [(c₀k₁ − σ_s)⁻¹ + (c₀k₂ − σ_s)⁻¹]",
               printed_F[1], W.F[1])
    on = S.derive_on_shell()
    sig_derived = on.delta[1] - sp.I * on.gamma[1] / 2
    sig_printed = on.delta0 + on.delta[1] - sp.I * on.gamma[1] / 2
    J = S.quadrant_integrals()
    shift = sp.Symbol("c", real=True)
    inv = all(sp.simplify(v.subs({S.u_p: S.u_p + shift, S.u_m: S.u_m + shift}) - v) == 0 for v in J.values())
    book.holds("38", "σ_s = δ₀ + δ_s − iγ_s/2 as printed under (38) equals σ_s = Σ_s(ω₀+i0) = δ_s − iγ_s/2",
               sp.simplify(sig_printed - sig_derived) == 0,
               f"printed − derived = {sp.simplify(sig_printed - sig_derived)} (δ₀ counted twice: δ_s of "
               f"(30) already contains δ₀). Consequence: none for (40)–(42) — the derived quadrant "
               f"integrals depend only on σ̄_s' − σ_s and Im σ₂ (invariant under a common shift: {inv})")
    # (39): |A|² in terms of F± (complex symbols) against the printed bracket
    a1, b1, a2, b2 = sp.symbols("a1 b1 a2 b2", real=True)
    Fp, Fm = a1 + sp.I * b1, a2 + sp.I * b2
    for sign, name in ((1, "parallel"), (-1, "antiparallel")):
        amp = {1: (1 + sp.exp(sp.I * phi)) ** 2, -1: -(1 - sp.exp(sp.I * phi)) ** 2} if sign == 1 else \
            {1: (1 + sp.exp(sp.I * phi)) * (1 + sp.exp(-sp.I * phi)),
             -1: -(1 - sp.exp(sp.I * phi)) * (1 - sp.exp(-sp.I * phi))}
        A = amp[1] * Fp + amp[-1] * Fm
        derived = sp.expand(A * sp.conjugate(A))
        printed = 8 * (2 * sp.cos(phi / 2) ** 4 * (a1 ** 2 + b1 ** 2)
                       + 2 * sp.sin(phi / 2) ** 4 * (a2 ** 2 + b2 ** 2)
                       + sign * sp.sin(phi) ** 2 * sp.re(sp.conjugate(Fp) * Fm))
        book.equal("39", f"P(k₁,k₂) near the on-shell points, {name} sign", printed, derived)
    Q = S.derive_quadrants()
    s2 = sp.sin(phi) ** 2
    book.equal("40", "P⇔ = ½(1 + sin²(k₀d)/(1 + sin²(k₀d))) from residue integration of |A⇔|²",
               sp.Rational(1, 2) * (1 + s2 / (1 + s2)), Q.P_parallel, domains={"phi": (0.1, 3.0)})
    book.equal("41", "P⇄ = ½(1 − sin²(k₀d)/(1 + sin²(k₀d))) from residue integration of |A⇄|²",
               sp.Rational(1, 2) * (1 - s2 / (1 + s2)), Q.P_antiparallel, domains={"phi": (0.1, 3.0)})
    book.equal("40", "P⇔ + P⇄ = 1 (normalisation, Eq. (8), emerges from the residues)", sp.Integer(1),
               Q.normalisation)
    book.equal("42", "R(λ → 0) = P⇔/P⇄ = 1 + 2 sin²(k₀d), derived (residues), ξ neglected",
               1 + 2 * s2, Q.R, domains={"phi": (0.1, 3.0)})


def _claims_numeric_limit(book: ClaimBook) -> None:
    from symlight.models.waveguide_pair.params import PairParams
    from symlight.models.waveguide_pair.ratio import quadrant_probabilities
    from symlight.models.waveguide_pair.weak_limit import weak_limit_ratio

    kds = [np.pi / 2, 1.0, 2.0, 5 * np.pi / 2]
    lam = 3e-4
    fin = [quadrant_probabilities(PairParams.from_k0d(kd, lam, 1.1)).R for kd in kds]
    lim_xi = [weak_limit_ratio(PairParams.from_k0d(kd, lam, 1.1)) for kd in kds]
    book.close("42", f"finite-λ R (Eqs. (26), (43), peak-aware quadrature) at λ = {lam} vs the weak-coupling "
               "limit with the O(e^{−Md}) term ξ kept, k₀d = π/2, 1, 2, 5π/2 (ω₀ = 1.1M)",
               np.array(lim_xi), np.array(fin), rtol=2e-3)
    closed = 1 + 2 * np.sin(np.array(kds)) ** 2
    book.close("42", f"finite-λ R at λ = {lam} vs the printed limit 1 + 2 sin²(k₀d) (which drops "
               "O(e^{−Md}); at k₀d = π/2, ω₀ = 1.1M, e^{−Md} = 0.03)", closed, np.array(fin), rtol=2e-3)
    book.close("42", f"finite-λ R at λ = {lam}, k₀d = 5π/2 (e^{{−Md}} ≈ 4e−8) vs 1 + 2 sin²(k₀d) = 3",
               np.array([3.0]), np.array([fin[-1]]), rtol=1e-3)


def _claims_vertex(book: ClaimBook) -> None:
    from scipy import integrate

    from symlight.models.waveguide_pair.self_energy import sigma

    # (43): partial fractions in ω(q) (symbolic) and a quadrature twin
    wq, A, B = sp.symbols("omega_q A B")
    lhs = 1 / ((A - wq) * (B - wq))
    rhs = (1 / (A - wq) - 1 / (B - wq)) / (B - A)
    book.equal("43", "1/((z−ω(k)−ω(q))(z−ω₀−ω(q)−σ_s)) = [1/(A−ω_q) − 1/(B−ω_q)]/(B−A) ⇒ "
               "X_s = [Σ_s(z−ω₀−σ_s) − Σ_s(z−ω(k))]/(ω₀+σ_s−ω(k))", lhs, rhs)
    lam, M, d, w0, s = 0.1, 1.0, 2.0, 1.1, 1
    sig_s = complex(sigma(np.array(w0), s, lam, M, d))
    zc, wk = 2.35 + 0.05j, 1.3
    closed = (sigma(np.array(zc - w0 - sig_s), s, lam, M, d) - sigma(np.array(zc - wk), s, lam, M, d)) \
        / (w0 + sig_s - wk)

    def integrand(qv: float) -> complex:
        wqv = np.sqrt(qv * qv + M * M)
        return lam ** 2 / wqv * (1 + s * np.cos(qv * d)) / ((zc - wk - wqv) * (zc - w0 - wqv - sig_s))

    re = integrate.quad(lambda x: integrand(x).real, 0, np.inf, limit=800, epsabs=1e-13)[0]
    im = integrate.quad(lambda x: integrand(x).imag, 0, np.inf, limit=800, epsabs=1e-13)[0]
    book.close("43", "X_s closed form (43) vs direct quadrature of its first line (z = 2.35 + 0.05i)",
               np.array([2 * (re + 1j * im)]), np.array([complex(closed)]), rtol=1e-7)
    # (21) as printed has ω(k) in the inner propagator; the first line of (43), confirmed just above
    # against quadrature, has ω(q): compare the two propagator factors (computed verdict)
    zs, w0s, sgs = sp.symbols("z omega_0 sigma_s")
    ks, qs, ms = sp.symbols("k q M", positive=True)
    printed_21 = 1 / (zs - w0s - sp.sqrt(ks**2 + ms**2) - sgs)
    from_43 = 1 / (zs - w0s - sp.sqrt(qs**2 + ms**2) - sgs)
    book.equal("21", "Eq. (21) as printed (ω(k) in the propagator inside the q-integral) against the "
               "propagator of the first line of (43) (ω(q)), which matches quadrature above; with ω(k) "
               "the propagator would factor out of the q-integral", printed_21, from_43)


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    for part in (_claims_hamiltonian, _claims_sigma, _claims_onshell, _claims_ep, _claims_weak,
                 _claims_vertex, _claims_numeric_limit):
        t0 = time.perf_counter()
        n0 = len(book.claims)
        part(book)
        for c in book.claims[n0:]:
            c.seconds = c.seconds or (time.perf_counter() - t0) / max(1, len(book.claims) - n0)
    return book.claims


# ------------------------------------------------------------------------------------------------
# figures
# ------------------------------------------------------------------------------------------------
#: λ grid of Fig. 7(a), (b) (units of M) and k₀d grid of Fig. 7(c); 25 points per curve.
FIG7_LAMBDAS = np.linspace(1e-3, 3e-2, 25)
FIG7_K0D = np.linspace(0.05, 2 * np.pi, 25)
FIG7_CURVES = {
    "a": [(k0d, 1.1, f"k₀d = {lab}") for k0d, lab in ((np.pi / 2, "π/2"), (3 * np.pi / 2, "3π/2"),
                                                       (5 * np.pi / 2, "5π/2"))],
    "b": [(5 * np.pi / 2, w0, f"ω₀ = {w0}M") for w0 in (1.1, 1.2, 1.3, 1.4)],
    "c": [(lam, 1.1, f"λ = {lam:g}M") for lam in (1e-3, 1e-2, 2e-2)],
}


def _r_task(args: tuple[float, float, float]) -> float:
    from symlight.models.waveguide_pair import emission_ratio

    k0d, lam, w0 = args
    return emission_ratio(k0d, lam, w0)


def fig7_data(workers: int = 2, lambdas: np.ndarray | None = None, k0ds: np.ndarray | None = None
              ) -> dict[str, list[tuple[str, np.ndarray, np.ndarray]]]:
    """R for every curve of Fig. 7 (a), (b), (c), in parallel over ``workers`` processes."""
    from concurrent.futures import ProcessPoolExecutor

    lambdas = FIG7_LAMBDAS if lambdas is None else np.asarray(lambdas)
    k0ds = FIG7_K0D if k0ds is None else np.asarray(k0ds)
    tasks: dict[tuple[float, float, float], float] = {}
    layout = {}
    for panel, curves in FIG7_CURVES.items():
        layout[panel] = []
        for a, w0, label in curves:
            if panel == "c":
                keys = [(float(kd), a, w0) for kd in k0ds]
                xs = k0ds
            else:
                keys = [(a, float(lv), w0) for lv in lambdas]
                xs = lambdas
            for key in keys:
                tasks.setdefault(key, np.nan)
            layout[panel].append((label, xs, keys))
    keys = list(tasks)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            vals = list(pool.map(_r_task, keys, chunksize=4))
    else:
        vals = [_r_task(k) for k in keys]
    tasks = dict(zip(keys, vals, strict=True))
    return {panel: [(label, xs, np.array([tasks[k] for k in ks])) for label, xs, ks in curves]
            for panel, curves in layout.items()}


def figures(out_dir: Path, full: bool = False) -> list[Figure]:
    """Fig. 6 (P(k₁,k₂) density and the two magnified peaks) and Fig. 7 (a), (b), (c)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from symlight.models.waveguide_pair import PairParams, distribution

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cmd = f"symlight reproduce {TOPIC} --out {out_dir}"
    figs: list[Figure] = []
    # Fig. 6
    t0 = time.perf_counter()
    par = PairParams.from_k0d(np.pi / 2, 1e-2, 1.1)
    k0 = par.k0
    n_full = 400 if full else 240   # even: no node at k = 0 (threshold, Σ diverges)
    kk = np.linspace(-1.0, 1.0, n_full)
    K1, K2 = np.meshgrid(kk, kk, indexing="xy")
    P = distribution(par, K1, K2)
    half = 0.03
    zoom = np.linspace(-half, half, 121)
    Za, Zb = np.meshgrid(zoom, zoom, indexing="xy")
    Pa = distribution(par, -k0 + Za, k0 + Zb)
    Pb = distribution(par, k0 + Za, k0 + Zb)
    top = max(np.nanmax(P), np.nanmax(Pa), np.nanmax(Pb))
    fig = plt.figure(figsize=(7, 8))
    ax = fig.add_subplot(2, 1, 1)
    ax.imshow(P / top, origin="lower", extent=(-1, 1, -1, 1), cmap="Blues_r", vmin=0, vmax=1)
    for c1, c2 in ((-k0, k0), (k0, k0)):
        ax.add_patch(plt.Rectangle((c1 - 0.08, c2 - 0.08), 0.16, 0.16, fill=False, color="orange"))
    ax.set_xlabel("k₁/M")
    ax.set_ylabel("k₂/M")
    ax.set_title("P(k₁,k₂)/max, ω₀ = 1.1M, λ = 10⁻²M, k₀d = π/2")
    for j, (Pz, c1, lab) in enumerate(((Pa, -k0, "(a) around (−k₀, k₀)"), (Pb, k0, "(b) around (k₀, k₀)"))):
        ax2 = fig.add_subplot(2, 2, 3 + j)
        ax2.imshow(Pz / top, origin="lower", cmap="Blues_r", vmin=0, vmax=1,
                   extent=(c1 - half, c1 + half, k0 - half, k0 + half))
        ax2.set_title(lab)
        ax2.set_xlabel("k₁/M")
    figs.append(save_figure(
        fig, out_dir / "fig6_distribution.png", "Fig. 6",
        "Two-photon distribution P(k₁,k₂) (Eq. (35) with (26), (43)) for ω₀ = 1.1M, λ = 10⁻²M, "
        f"k₀d = π/2, normalised to its maximum; grid {n_full}² (full=True: 400²), zooms 121² over "
        "±0.03M around (−k₀,k₀) and (k₀,k₀).", cmd, started=t0, dpi=110))
    # Fig. 7
    t0 = time.perf_counter()
    data = fig7_data()
    secs = time.perf_counter() - t0
    fig, axes = plt.subplots(1, 3, figsize=(14, 4))
    styles = ["-", "--", "-.", ":"]
    for ax, panel in zip(axes, "abc", strict=True):
        for i, (label, xs, R) in enumerate(data[panel]):
            ax.plot(xs, R, styles[i], label=label)
        ax.set_xlabel("k₀d" if panel == "c" else "λ/M")
        ax.set_ylabel("R = P⇔/P⇄")
        ax.set_title(f"({panel})")
        ax.legend(fontsize=8)
    fig7 = save_figure(
        fig, out_dir / "fig7_ratio.png", "Fig. 7",
        "R = P⇔/P⇄ at finite coupling (vertex approximation (43)). (a) vs λ at ω₀ = 1.1M for "
        "k₀d = π/2, 3π/2, 5π/2; (b) vs λ at k₀d = 5π/2 for ω₀ = 1.1–1.4M; (c) vs k₀d at ω₀ = 1.1M for "
        f"λ = 10⁻³, 10⁻², 2×10⁻²M. 25 points per curve, λ ∈ [10⁻³, 3×10⁻²]M; computed in {secs:.1f} s "
        "(2 processes).", cmd, seconds=secs, dpi=110)
    np.savez(out_dir / "fig7_ratio.npz", **{f"{p}{i}": np.vstack([xs, R]) for p in data
                                            for i, (_, xs, R) in enumerate(data[p])})
    figs.append(fig7)
    return figs
