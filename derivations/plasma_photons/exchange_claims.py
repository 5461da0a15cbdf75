"""Equilibrium and exchange, seed 001 Eqs. (69)-(81) and Table 1 (SI units, electrons, g_s = 2)."""

from __future__ import annotations

import math
import warnings

import mpmath
import numpy as np
import sympy as sp
from scipy import constants as C
from scipy.integrate import IntegrationWarning, quad

from symlight.checks import Claim, ClaimBook
from symlight.models import plasma_exchange as pe
from symlight.numerics import fermi_dirac as fd

TOPIC, SOURCE = "plasma-photons", "001_acf7c75771656388.txt"

# ---- printed forms, transcribed from the paper (data) ----------------------------------------
hbar, m, Q, eps0, n, k, kF = pe.hbar, pe.m, pe.Q, pe.eps0, pe.n, pe.k, pe.kF
V = sp.Symbol("V", positive=True)
PRINTED_PHI0 = Q**2 * kF / (2 * sp.pi**2 * eps0)                                   # after (76)
PRINTED_78 = 3**sp.Rational(2, 3) * sp.pi**sp.Rational(4, 3) * hbar**2 / (5 * m) * n**sp.Rational(5, 3)
PRINTED_79 = 3**sp.Rational(1, 3) * Q**2 / (4 * sp.pi**sp.Rational(4, 3) * eps0) * n**sp.Rational(4, 3)
PRINTED_80 = 3**sp.Rational(1, 3) * Q**2 / (2 * sp.pi**sp.Rational(4, 3) * eps0 * n**sp.Rational(2, 3))
PRINTED_81 = -2 * V / (2 * sp.pi)**3 * Q**2 / (4 * sp.pi * eps0) * kF**4
#: Table 1: (name, n [cm^-3], T [K], X, R), orders of magnitude as printed
TABLE1 = [("Magnetic fusion", 1e15, 1e7, 1e-12, 1e-13), ("Discharge", 1e15, 1e4, 1e-7, 1e-7),
          ("Laser fusion", 1e23, 1e7, 1e-4, 1e-5), ("Stellar cores", 1e27, 1e7, 10.0, 0.1),
          ("Solid-state", 1e22, 1e2, 1e3, 10.0)]


def _fd(xi: float, u2: float) -> float:
    return 1.0 / (1.0 + math.exp(u2) / xi) if u2 < 700 else 0.0


def _claims_69_75(book: ClaimBook) -> None:
    # (70): n λ³ 4π^{3/2} = −Li_{3/2}(−ξ) by quadrature of the k-integral (λ_B = 1 units)
    xis = [1e-3, 0.5, 1.0, 30.0, 1e4]
    quad_X = [4 * math.pi**1.5 * 2 * quad(lambda kk, xi=xi: 4 * math.pi * kk**2 * _fd(xi, kk**2)
                                          / (2 * math.pi) ** 3, 0, np.inf, limit=200)[0] for xi in xis]
    poly_X = [fd.fd_integral(1.5, math.log(xi)) for xi in xis]
    book.close("70", "n = ∫d³k/(2π)³ g_s/(1+ξ⁻¹e^{λ²k²}) gives X = 4π^{3/2}nλ_B³ = −Li_{3/2}(−ξ)",
               poly_X, quad_X, rtol=1e-8, how="quadrature of Eq. (70) vs mpmath polylog, "
               f"ξ = {xis}")
    # μ(n,T) inversion round trip and the limits of Eq. (75)
    Xs = [1e-6, 0.3, 3.0, 1e3]
    back = [fd.fd_integral(1.5, fd.eta_from_degeneracy(X)) for X in Xs]
    book.close("70", "μ(n,T) by numerical inversion: −Li_{3/2}(−e^{μ/k_BT}) reproduces X", Xs, back,
               rtol=1e-10, how="brentq inversion on η = ln ξ")
    X_small = 1e-7
    book.close("75", "non-degenerate limit X ≪ 1: W₀ → g_s X e^{−λ²k²}, i.e. ξ → X",
               X_small, math.exp(fd.eta_from_degeneracy(X_small)), rtol=1e-6,
               how="fugacity from the inversion at X = 1e-7 (next order ξ²/2^{3/2})")
    X_big = 1e4
    eF = (3 * math.sqrt(math.pi) * X_big / 4) ** (2 / 3)     # E_F/k_BT from X = 4(k_Fλ)³/(3√π)
    sommerfeld = eF * (1 - math.pi**2 / 12 / eF**2)
    book.close("75", "degenerate limit X ≫ 1: W₀ → g_sΘ(k_F−k), μ → E_F(1 − π²/12 (k_BT/E_F)²)",
               sommerfeld, fd.eta_from_degeneracy(X_big), rtol=1e-8,
               how="η from the inversion at X = 1e4 vs Sommerfeld expansion")


def _phi71_printed(klam: float, xi: float) -> float:
    """Eq. (71) double integral (without the prefactor −Q²/(2π²ε₀λ_B)): nested quadrature, the
    x-integral numerically, the q-integral split at the log singularity q = kλ_B."""
    def inner(qq: float) -> float:
        a, b = qq**2 + klam**2, 2 * klam * qq
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", IntegrationWarning)   # log singularity at q = kλ_B
            val, _ = quad(lambda xx: 1.0 / (a - b * xx), -1.0, 1.0, limit=200, epsabs=1e-13)
        return qq**2 * val * _fd(xi, qq**2)
    top = 12.0 + 3 * math.sqrt(max(math.log(xi), 0) + 1)
    val, _ = quad(inner, 0, top, points=[klam], limit=400, epsabs=1e-11, epsrel=1e-10)
    return val


def _phi34_radial(klam: float, xi: float) -> float:
    """Eq. (34) with W₀ = Fermi–Dirac after the angular integral (done analytically):
    (1/(2k))∫ p ln|(p+k)/(p−k)| f(p) dp, same prefactor as (71)."""
    f = lambda pp: pp * math.log(abs((pp + klam) / (pp - klam))) * _fd(xi, pp**2) / klam  # noqa: E731
    top = 12.0 + 3 * math.sqrt(max(math.log(xi), 0) + 1)
    val, _ = quad(f, 0, top, points=[klam], limit=400, epsabs=1e-11, epsrel=1e-10)
    return val


def _claims_71_74(book: ClaimBook) -> None:
    pts = [(0.3, 0.5), (1.0, 5.0), (2.0, 50.0)]
    printed = [_phi71_printed(kl, xi) for kl, xi in pts]
    derived = [_phi34_radial(kl, xi) for kl, xi in pts]
    book.close("71", "Fock potential (34) for a Fermi–Dirac W₀ reduces to the double integral (71)",
               printed, derived, rtol=1e-6,
               how=f"nested quadrature of (71) vs radial quadrature of (34) at (kλ_B, ξ) = {pts}")
    # (72): exact k = 0 value of (71): −Q²/(2π²ε₀λ)·2∫f = Q² Li_{1/2}(−ξ)/(2π^{3/2}ε₀λ)
    xis = [0.01, 1.0, 100.0, 1e4]
    exact0 = [2 * quad(lambda qq, xi=xi: _fd(xi, qq**2), 0, np.inf, limit=200)[0] / (2 * math.pi**2)
              for xi in xis]                                     # |Φ^F(0)| in units Q²/(ε₀λ_B)
    estimate = [fd.fd_integral(0.5, math.log(xi)) for xi in xis]  # |(72)| in the same units
    ratio = float(np.mean(np.array(exact0) / np.array(estimate)))
    book.close("72", "Φ^F ~ Q²Li_{1/2}(−ξ)/(ε₀λ_B) is the order of magnitude of Φ^F(0) from (71)",
               np.log10(estimate), np.log10(exact0), atol=1.0, rtol=0.0,
               how=f"log10 values must agree within one decade; exact Φ^F(0)/estimate = {ratio:.5f} "
               f"(1/(2π^(3/2)) = {1 / (2 * math.pi**1.5):.5f}) at ξ = {xis}")
    # (73): exact mean kinetic energy per particle by quadrature, vs the printed K
    pts73 = [(1e21, 1e7), (1e27, 1e7), (1e28, 1e2)]
    printed73, derived73 = [], []
    for n_si, T in pts73:
        eta = fd.eta_from_degeneracy(fd.degeneracy(n_si, T))
        xi = math.exp(eta)
        top = math.sqrt(max(eta, 0) + 60)
        num = quad(lambda u, xi=xi: u**4 * _fd(xi, u**2), 0, top, limit=400)[0]
        den = quad(lambda u, xi=xi: u**2 * _fd(xi, u**2), 0, top, limit=400)[0]
        derived73.append(C.k * T * num / den)                    # <λ²k²> k_BT
        printed73.append(fd.kinetic_energy(n_si, T))
    r73 = float(np.mean(np.array(printed73) / np.array(derived73)))
    book.close("73", "K = −k_BT Li_{5/2}(−ξ)/(nλ_B³) is the mean kinetic energy of the Fermi gas",
               printed73, derived73, rtol=1e-6,
               how=f"⟨ħ²k²/2m⟩ by quadrature over the Fermi–Dirac W₀; printed/derived = {r73:.5f} "
               f"(8π^(3/2)/3 = {8 * math.pi**1.5 / 3:.5f}) at (n [m^-3], T [K]) = {pts73}")
    # (74) as the ratio of the two printed estimates: symbolic
    kB, T, lam, Li12, Li52 = sp.symbols("k_B T lambda_B L_12 L_52", positive=True)
    phi72 = Q**2 / (eps0 * lam) * Li12
    K73 = kB * T / (n * lam**3) * Li52
    lamD = sp.sqrt(eps0 * kB * T / (n * Q**2))
    book.equal("74", "R ≡ |Φ^F|/K = (λ_B/λ_D)² Li_{1/2}(−ξ)/Li_{5/2}(−ξ) from (72) and (73)",
               (lam / lamD) ** 2 * Li12 / Li52, phi72 / K73)
    exact_R = []
    for (n_si, T), kin in zip(pts73, derived73, strict=True):
        xi = math.exp(fd.eta_from_degeneracy(fd.degeneracy(n_si, T)))
        phi0 = 2 * quad(lambda qq, xi=xi: _fd(xi, qq**2), 0, np.inf, limit=300)[0] / (2 * math.pi**2)
        exact_R.append(phi0 * C.e**2 / (C.epsilon_0 * fd.de_broglie_length(T)) / kin)
    printed_R = [fd.exchange_ratio(n_si, T) for n_si, T in pts73]
    rr = float(np.mean(np.array(exact_R) / np.array(printed_R)))
    book.close("74", "R of (74) equals |Φ^F(0)|/K with the exact Φ^F(0) of (71) and exact K",
               printed_R, exact_R, rtol=1e-6,
               how=f"exact/printed = {rr:.5f} (4/3 = {4 / 3:.5f}): the dropped factors of (72) and "
               "(73) nearly cancel")
    book.close("74", "R of (74) is within an order of magnitude of the exact |Φ^F(0)|/K",
               np.log10(printed_R), np.log10(exact_R), atol=1.0, rtol=0.0,
               how="log10 values within one decade")


def _claims_table1(book: ClaimBook) -> None:
    X_comp = [fd.degeneracy(nc * 1e6, T) for _, nc, T, _, _ in TABLE1]
    R_comp = [fd.exchange_ratio(nc * 1e6, T) for _, nc, T, _, _ in TABLE1]
    names = ", ".join(f"{nm}: X={xv:.2g}, R={rv:.2g}" for (nm, *_), xv, rv in
                      zip(TABLE1, X_comp, R_comp, strict=True))
    book.close("Table 1", "degeneracy X = 4π^{3/2}nλ_B³ for the five electron plasmas (orders of "
               "magnitude)", np.log10([row[3] for row in TABLE1]), np.log10(X_comp), atol=1.0,
               rtol=0.0, how=f"log10 within one decade; computed {names}")
    book.close("Table 1", "exchange ratio R of Eq. (74) for the five electron plasmas (orders of "
               "magnitude)", np.log10([row[4] for row in TABLE1]), np.log10(R_comp), atol=1.0,
               rtol=0.0, how="log10 within one decade (values above)")


def _claims_76_81(book: ClaimBook) -> None:
    y = sp.Symbol("y", positive=True)
    derived_in = pe.fock_potential("inside").subs(k, y * kF)
    derived_out = pe.fock_potential("outside").subs(k, y * kF)
    printed = -PRINTED_PHI0 * pe.G_printed(kF / k)
    book.equal("76", "degenerate Fock potential Φ^F(k) = −Φ₀G(k_F/k), k < k_F (derived from (34))",
               printed.subs(k, y * kF), derived_in, domains={"y": (0.02, 0.98)})
    book.equal("77", "G(x) = 1 + (x²−1)/(2x) log((1+x)/|1−x|), k > k_F branch (derived from (34))",
               printed.subs(k, y * kF), derived_out, domains={"y": (1.02, 4.0)})
    # the textbook Hartree-Fock exchange self-energy of a spin-1/2 gas (Ashcroft-Mermin (17.19), SI)
    textbook = -(Q**2 * kF / (2 * sp.pi**2 * eps0)) * (
        sp.Rational(1, 2) + (1 - y**2) / (4 * y) * sp.log((1 + y) / (1 - y)))
    book.equal("76", "Φ^F of (76) vs the textbook HF exchange self-energy of a spin-½ electron gas "
               "(same-spin exchange only)", textbook, derived_in, domains={"y": (0.02, 0.98)})
    book.equal("78", "kinetic pressure P(n) from (57) with W₀ = g_sΘ(k_F−k)", PRINTED_78, pe.pressure())
    book.equal("79", "exchange pressure P^F(n) from (58) with the derived Φ^F", PRINTED_79,
               pe.exchange_pressure())
    book.equal("80", "exchange force f^F = c(n)∇n from (60), Φ^F depending on r through k_F(n(r))",
               PRINTED_80, pe.exchange_force_coefficient())
    literal = V * pe.exchange_energy()
    book.equal("81", "ℰ^F = V⁻¹Σ_k∫dr W₀Φ^F (the definition in the text) gives (81)", PRINTED_81,
               literal)
    standard = literal / 2 / 2     # ½ for double counting, per-spin W₀/g_s inside Φ^F
    book.equal("81", "(81) equals the standard HF exchange energy (½ double counting, Φ^F from "
               "same-spin W₀/g_s)", PRINTED_81, standard)


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    with mpmath.workdps(30):
        _claims_69_75(book)
        _claims_71_74(book)
        _claims_table1(book)
        _claims_76_81(book)
    return book.claims
