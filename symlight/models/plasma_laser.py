"""Laser-driven perturbations of a degenerate plasma, seed 001_acf7c75771656388.txt Sec. VI.2.

A pump beam A₀e^{i(k₀·r − ω₀t)} (Eq. (95)) carries the uniform photon density N₀ at k₀; the
collective modes (91)-(92) put the photon and electron perturbations δn_ph, δn_e at the
modulation wavevector q. Everything here is *derived* from the printed fluid equations:

* ``pump_renormalisations`` linearises the scattering velocity J^(2) = V n of (55) and the
  ponderomotive force (48) about (n₀, N₀) → δJ^(2), δF (the printed (93)-(94) are the claims);
* ``longitudinal_system`` / ``transverse_system`` linearise the electron continuity (52),
  momentum (53)/(102), Poisson, the photon continuity (61) with J_ph = v_ph(q)δn_ph, and the
  transverse (101) + wave equation (27); Fourier (∂_x → iq, ∂_t → −iω) and build the matrices
  of Eq. (103) with ``symlight.dispersion``; ``laser_cubic`` gives det D_∥ as a monic cubic;
* ``pump_current_ode`` integrates the zeroth-order pump currents (99)-(100);
* ``coupling_gamma``, ``relativistic_intensity_ratio`` give γ of (106) and the a₀ = 1 line of
  Fig. 5 (I_rel/I_c = (λ_c/λ_L)²).

Units: SI symbols; fast terms ∝ e^{−iω₀t} are removed by a period average (``period_average``).
"""

from __future__ import annotations

import math
import warnings
from functools import cache

import numpy as np
import sympy as sp
from scipy import constants as C
from scipy.integrate import solve_ivp

from symlight.dispersion import dispersion_matrix, fourier_substitute, linearize
from symlight.errors import InputError
from symlight.models.plasma_photons import (
    ValidityWarning,
    check_wavevector,
    compton_wavelength,
    plasma_scales,
    schwinger_intensity,
)

__all__ = ["SYMBOLS", "pump_renormalisations", "longitudinal_system", "transverse_system",
           "laser_cubic", "period_average", "coupling_gamma", "relativistic_intensity_ratio",
           "pump_current_ode", "numeric_longitudinal_roots", "check_wavevector", "scattering_drift_velocity",
           "intensity_for_gamma", "full_matrix"]

x, y, t = sp.symbols("x y t", real=True)
q, omega = sp.symbols("q omega", positive=True)
Q = sp.Symbol("Q", real=True)                     # charge (Q = −e for electrons)
m, eps0, hbar, c = sp.symbols("m epsilon_0 hbar c", positive=True)
n0, N0, k0, w0, veff2 = sp.symbols("n_0 N_0 k_0 omega_0 v_eff2", positive=True)
wq = sp.Symbol("omega_q", positive=True)          # ω_q = √(ω_p² + c²q²), kept as a symbol
cos_t = sp.Symbol("cos_theta", real=True)
eps = sp.Symbol("epsilon", positive=True)         # book-keeping parameter of the linearisation

SYMBOLS = {s.name: s for s in (q, omega, Q, m, eps0, hbar, c, n0, N0, k0, w0, veff2, wq, cos_t)}
WP2 = Q**2 * n0 / (eps0 * m)                      # ω_p², Eq. (37) at n₀


def _check_finite_positive(name: str, value: float) -> float:
    if not (isinstance(value, (int, float, np.floating)) and math.isfinite(value) and value > 0):
        raise InputError(f"{name} must be a finite positive number, got {value!r}")
    return float(value)


def _wavelengths(lambda_L: np.ndarray) -> np.ndarray:
    lam = np.asarray(lambda_L, dtype=float)
    if np.any(~np.isfinite(lam)) or np.any(lam <= 0):
        raise InputError("wavelengths lambda_L must be finite and > 0 (m)")
    return lam


# ----------------------------------------------------------------------------- (93)-(94)
def pump_renormalisations() -> dict[str, sp.Expr]:
    """δJ^(2)·q̂ and δF·q̂ (Fourier amplitudes) from (55) and (48) with the pump + (91)-(92).

    N(k) = V δ_{k,k₀} N₀ + V δ_{k,q} ε δn_ph, n_e = n₀ + ε δn_e; V_e = Q²/(2ε₀m) Σ_k c²k N/ω_k³
    (55), F = −Q²/(2ε₀m) ∇ Σ_k ħN/ω_k (48), with the perturbation ∝ e^{iq·r} (∇ → iq q̂).
    The q̂-components use q̂·k₀ = k₀ cos θ. Returns the first-order parts (d/dε at ε = 0).
    """
    dn_e, dn_ph = sp.symbols("deltan_e deltan_ph")
    V_q = Q**2 / (2 * eps0 * m) * (c**2 * k0 * cos_t * N0 / w0**3 + c**2 * q * eps * dn_ph / wq**3)
    J2 = V_q * (n0 + eps * dn_e)                           # (55): J^(2) = V_α n_α
    F = -Q**2 / (2 * eps0 * m) * sp.I * q * hbar * eps * dn_ph / wq   # (48): only δN varies in r
    first = {name: sp.expand(sp.diff(e, eps).subs(eps, 0)) for name, e in (("dJ2", J2), ("dF", F))}
    return {**first, "dn_e": dn_e, "dn_ph": dn_ph}


# ----------------------------------------------------------------------------- averaging
def period_average(expr: sp.Expr, omega0: sp.Symbol = w0) -> sp.Expr:
    """(ω₀/2π)∫₀^{2π/ω₀} dt of ``expr`` with the slow amplitudes frozen: every term is split into
    its t-dependence (e^{±inω₀t}) and the rest, and the t-part is integrated exactly by SymPy."""
    period = 2 * sp.pi / omega0
    out = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(expr)):
        dep, indep = sp.S.One, sp.S.One
        for f in sp.Mul.make_args(term):
            if f.has(t):
                dep *= f
            else:
                indep *= f
        out += indep * sp.simplify(sp.integrate(dep, (t, 0, period)) / period)
    return sp.simplify(out)


# ----------------------------------------------------------------------------- (101)-(103)
def _fields(names: tuple[str, ...]) -> list[sp.Function]:
    return [sp.Function(nm)(x, t) for nm in names]


CONTINUITY_FORMS = ("divergence", "kinetic")


@cache
def longitudinal_system(continuity: str = "divergence") -> dict[str, object]:
    """Linearised longitudinal equations along q̂ = x̂ and the matrix D_∥ of (103).

    ``continuity``: "divergence" uses (52) with J^(2) = V n inside the divergence, as printed in
    (52), (55); "kinetic" uses the zeroth k-moment of the first-order Compton term (39)/(47),
    ∂_tn + ∇·J = −n∇·V (no V·∇n drift term), the only difference between the two.

    Rows (residuals = 0): electron continuity (52) with J^(2) = V n (55); electron momentum
    (53)/(102) with the pressure + exchange terms linearised to v_eff²∂_xδn (Eq. (83), derived in
    ``plasmon_claims``), −Q∂_xΦ and the ponderomotive force (48); Poisson; photon continuity (61)
    with J_ph = v_ph(q)δn_ph (the perturbation photons sit at k = q, Eq. (91)) and −J^(2).
    The fast pump terms (∝ e^{−iω₀t}) are dropped (see ``period_average``); S ∝ e^{−iω₀t} too.
    """
    n, J, Phi, nph = _fields(("n", "J", "Phi", "n_ph"))
    dn, dJ, dPhi, dnph = _fields(("delta_n", "delta_J", "delta_Phi", "delta_n_ph"))
    V_x = Q**2 / (2 * eps0 * m) * (c**2 * k0 * cos_t * N0 / w0**3 + c**2 * q * nph / wq**3)
    F_x = -Q**2 / (2 * eps0 * m) * hbar * sp.diff(nph / wq, x)
    if continuity not in CONTINUITY_FORMS:
        raise InputError(f"continuity must be one of {CONTINUITY_FORMS}, got {continuity!r}")
    cont = (sp.diff(n, t) + sp.diff(J + V_x * n, x) if continuity == "divergence"
            else sp.diff(n, t) + sp.diff(J, x) + n * sp.diff(V_x, x))
    eqs = [cont,
           sp.diff(J, t) + veff2 * sp.diff(n, x) + (n / m) * Q * sp.diff(Phi, x) - (n / m) * F_x,
           sp.diff(Phi, x, 2) + Q * (n - n0) / eps0,
           sp.diff(nph, t) + sp.diff(c**2 * q / wq * nph - V_x * n, x)]
    lin = linearize(eqs, {n: (n0, dn), J: (0, dJ), Phi: (0, dPhi), nph: (0, dnph)})
    amps = sp.symbols("deltahat_n deltahat_J deltahat_Phi deltahat_nph")
    four = fourier_substitute(lin, dict(zip((dn, dJ, dPhi, dnph), amps, strict=True)), [x], [q], t, omega)
    return {"equations": eqs, "linear": lin, "fourier": four, "amplitudes": amps,
            "matrix": dispersion_matrix(four, amps)}


@cache
def transverse_system() -> dict[str, object]:
    """Transverse block of (103): (101) ∂_tδJ_⊥ = (Q n₀/m)δE with δE = −∂_tδA, and the wave
    equation (27) (∂_t² − c²∂_x²)δA = QδJ_⊥/ε₀, fields along ŷ, varying along q̂ = x̂."""
    J, A = _fields(("J_perp", "A_perp"))
    dJ, dA = _fields(("delta_J_perp", "delta_A"))
    n_ = n0                                       # (101): the slow part keeps n₀ only
    eqs = [sp.diff(J, t) + Q * n_ / m * sp.diff(A, t),
           sp.diff(A, t, 2) - c**2 * sp.diff(A, x, 2) - Q * J / eps0]
    lin = linearize(eqs, {J: (0, dJ), A: (0, dA)})
    amps = sp.symbols("deltahat_Jperp deltahat_A")
    four = fourier_substitute(lin, dict(zip((dJ, dA), amps, strict=True)), [x], [q], t, omega)
    return {"equations": eqs, "linear": lin, "fourier": four, "amplitudes": amps,
            "matrix": dispersion_matrix(four, amps)}


def full_matrix() -> sp.Matrix:
    """The 6×6 slow matrix for (δJ_⊥, δA, δn, δJ_∥, δΦ, δn_ph): both systems stacked with every
    cross coefficient computed (the transverse amplitudes in the longitudinal rows and back)."""
    lon, tra = longitudinal_system(), transverse_system()
    amps = list(tra["amplitudes"]) + list(lon["amplitudes"])
    return dispersion_matrix(list(tra["fourier"]) + list(lon["fourier"]), amps)


@cache
def laser_cubic(continuity: str = "divergence") -> list[sp.Expr]:
    """Monic coefficients (ω³, ω², ω, 1) of det D_∥(q, ω) = 0 (Poisson row eliminated by the det)."""
    M = longitudinal_system(continuity)["matrix"]
    det = sp.expand(M.det(method="berkowitz"))
    poly = sp.Poly(sp.numer(sp.together(det)), omega)
    lead = poly.LC()
    return [sp.cancel(cf / lead) for cf in poly.all_coeffs()]


@cache
def _pencil(continuity: str) -> tuple[tuple[sp.Symbol, ...], object, object]:
    """D_∥ = A − iωB as NumPy functions of the remaining symbols (lambdify, cse)."""
    M = longitudinal_system(continuity)["matrix"]
    B = -(M.diff(omega)) / sp.I
    A = M.subs(omega, 0)
    syms = tuple(sorted((M.free_symbols - {omega}), key=lambda s_: s_.name))
    return syms, sp.lambdify(syms, A, "numpy", cse=True), sp.lambdify(syms, B, "numpy", cse=True)


def numeric_longitudinal_roots(values: dict[sp.Symbol, float], continuity: str = "divergence") -> np.ndarray:
    """Roots ω of det D_∥ = 0 from the matrix itself, without the determinant: D_∥ = A − iωB is
    linear in ω, so the roots are the finite generalized eigenvalues of (A, iB) (scipy.linalg)."""
    from scipy.linalg import eig

    syms, fA, fB = _pencil(continuity)
    missing = [s_.name for s_ in syms if s_ not in values]
    if missing:
        raise InputError(f"values for {missing} are missing")
    args = [complex(values[s_]) for s_ in syms]
    A = np.array(fA(*args), dtype=complex)
    B = np.array(fB(*args), dtype=complex)
    vals = eig(A, 1j * B, right=False)
    return np.sort_complex(vals[np.isfinite(vals)])


# ----------------------------------------------------------------------------- (99)-(100)
def pump_current_ode(a0: float, *, periods: float = 40.0, samples: int = 4096,
                     n_e: float = 1.0) -> dict[str, np.ndarray]:
    """Integrate (99)-(100) at r = 0 with the complex pump of (95), units e/m_e = ω₀ = c = 1:
    E₀ = iA₀e^{−it} ŷ, B₀ = i k₀×A₀ e^{−it} with k₀ = x̂ (B₀ ∝ ẑ); J_⊥ = J_y, J_∥ = J_x.

    ``a0`` is the pump amplitude eA₀/(m_e c). The start is the first-order solution
    J_⊥ = (e n₀/m_e)A₀ (exact for B₀ = 0), J_∥ = 0. Returns t, J_perp, J_par (complex).
    """
    _check_finite_positive("a0", a0)
    _check_finite_positive("n_e", n_e)

    def rhs(tt: float, yv: np.ndarray) -> np.ndarray:
        jy, jx = yv[0] + 1j * yv[1], yv[2] + 1j * yv[3]
        ph = np.exp(-1j * tt)
        Ey, Bz = 1j * a0 * ph, 1j * a0 * ph            # |k₀| = ω₀ = 1, k₀×A₀ = x̂×ŷ A₀ = ẑA₀
        # (J×B)_y = −J_x B_z for J = J_x x̂ + J_y ŷ, B = B_z ẑ; (J×B)_x = J_y B_z
        djy = -(n_e * Ey + (-jx * Bz))                  # (99): −(e/m)(n₀E₀ + J_∥×B₀), e/m = 1
        djx = -(jy * Bz)                                # (100): −(e/m) J_⊥×B₀
        return np.array([djy.real, djy.imag, djx.real, djx.imag])

    ts = np.linspace(0.0, 2 * math.pi * periods, samples, endpoint=False)
    jy0 = n_e * a0                                       # −(e n₀/m)∫E₀dt = (e n₀/m)A₀e^{−it} at t = 0
    sol = solve_ivp(rhs, (0.0, ts[-1]), np.array([jy0, 0.0, 0.0, 0.0]), t_eval=ts, rtol=1e-10,
                    atol=1e-13, method="DOP853")
    jy = sol.y[0] + 1j * sol.y[1]
    jx = sol.y[2] + 1j * sol.y[3]
    return {"t": ts, "J_perp": jy, "J_par": jx}


# ----------------------------------------------------------------------------- (106), Fig. 5
def coupling_gamma(I0: float, lambda_L: float) -> float:
    """γ = (I₀/I_c)(λ_L/λ_c)³ of Eq. (106); I₀ in W/m², λ_L in m."""
    _check_finite_positive("I0 (W/m^2)", I0)
    _check_finite_positive("lambda_L (m)", lambda_L)
    return I0 / schwinger_intensity() * (lambda_L / compton_wavelength()) ** 3


def scattering_drift_velocity(I0: float, lambda_L: float, n_e: float, *, warn_fraction: float = 0.1) -> float:
    """|V₀| (m/s) of the scattering-induced electron velocity of Eq. (55) for a pump of intensity I₀
    (W/m², photon density N₀ = I₀/(cħω₀), Eq. (106)) and wavelength λ_L in a plasma of density n_e
    (m⁻³): V₀ = e²c²k₀N₀/(2ε₀m_eω₀³) with ω₀ = √(ω_p² + c²k₀²). Warns (ValidityWarning) above
    ``warn_fraction``·c: the fluid model is non-relativistic."""
    _check_finite_positive("I0 (W/m^2)", I0)
    _check_finite_positive("lambda_L (m)", lambda_L)
    _check_finite_positive("electron density n_e (m^-3)", n_e)
    k = 2 * math.pi / lambda_L
    w = math.sqrt(plasma_scales(n_e).omega_p ** 2 + (C.c * k) ** 2)
    N = I0 / (C.c * C.hbar * w)
    V = C.e**2 * C.c**2 * k * N / (2 * C.epsilon_0 * C.m_e * w**3)
    if V > warn_fraction * C.c:
        warnings.warn(f"scattering drift V0 = {V / C.c:.3g}c exceeds {warn_fraction}c: electrons are "
                      "relativistic, outside the model of Secs. IV-VI", ValidityWarning, stacklevel=2)
    return V


def intensity_for_gamma(gamma: float, lambda_L: np.ndarray) -> np.ndarray:
    """I₀/I_c at fixed γ: γ (λ_c/λ_L)³ (Eq. (106) solved for I₀), the curves of Fig. 5."""
    _check_finite_positive("gamma", gamma)
    lam = _wavelengths(lambda_L)
    return gamma * (compton_wavelength() / lam) ** 3


def relativistic_intensity_ratio(lambda_L: np.ndarray) -> np.ndarray:
    """I_rel/I_c where a₀ = eA₀/(m_ec) = 1: I_rel = ε₀c ω₀²A₀²/2 (linear polarisation, cycle
    average) with A₀ = m_ec/e, divided by I_c = ε₀m_e⁴c⁷/(2ħ²e²) — computed from CODATA here;
    the closed form is (λ_c/λ_L)²."""
    lam = _wavelengths(lambda_L)
    w = 2 * math.pi * C.c / lam
    A = C.m_e * C.c / C.e
    return C.epsilon_0 * C.c * w**2 * A**2 / 2 / schwinger_intensity()
