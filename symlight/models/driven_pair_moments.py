"""The laser-driven dipole–dipole pair of seed 002_796c9b23bedf2618.txt (Appendix B conventions).

Two two-level atoms, driven with Rabi frequencies Ωᵢ (complex: Ωᵢ = Ω_R e^{−i k_L·rᵢ}) and
detunings Δᵢ, coupled by the dipole–dipole shift g₁₂ (Eq. (38)) and the collective decay γ₁₂
(Eq. (39)); master equation (40) with γ₁₁ = γ₂₂ = Γ = 1 (so a population decays at 2Γ).
In the frame rotating at ω_L the Hamiltonian (41)–(44) reads

    H = Σᵢ [−Δᵢ σᵢ⁺σᵢ⁻ − ½(Ωᵢ σᵢ⁺ + Ωᵢ* σᵢ⁻)] + g₁₂ (σ₁⁺σ₂⁻ + σ₂⁺σ₁⁻),

which is the convention of the printed Eqs. (48)–(62): Ṡ₁ contains −(1 + iΔ₁)S₁ and
−iΩ₁*/2 (so Δᵢ = ω_L − ω₀ with σᶻ = (|e⟩⟨e| − |g⟩⟨g|)/2 in Eq. (42), and the drive of Eq. (44)
must carry e^{−iω_L t} on σ⁺ for the rotating frame to be static; see the topic's claims).
The 15 moments S₁…S₁₅ are those of Eq. (3) in the paper's order; the dissipator is the Lindblad
form with jump operators σ₁⁻, σ₂⁻ and rate matrix R = 2[[1, γ₁₂], [γ₁₂, 1]].

``params`` maps the names ``Omega1, Omega2`` (complex), ``Delta1, Delta2, g12, gamma12`` (real)
to numbers or 1-D arrays of one length P; results then gain a leading axis of length P.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

import numpy as np
import sympy

from symlight.algebra import TwoLevel, dagger
from symlight.errors import InputError, ModelError, describe
from symlight.moments import (
    MomentSystem,
    linear_system,
    meanfield,
    regression_vectors,
    word_of,
)
from symlight.moments import numeric as nm
from symlight.moments.dissipation import check_rates_numeric

PARAMS = ("Omega1", "Omega2", "Delta1", "Delta2", "g12", "gamma12")
_REAL = ("Delta1", "Delta2", "g12", "gamma12")


class DrivenDipolePair:
    """Moment system of seed 002, Appendix B: ``.operators``, ``.equations``, ``.linear_system()``, ..."""

    def __init__(self) -> None:
        self.Omega1, self.Omega2 = sympy.symbols("Omega1 Omega2")
        self.Delta1, self.Delta2, self.g12, self.gamma12 = sympy.symbols(
            "Delta1 Delta2 g12 gamma12", real=True)
        self.s1, self.s2 = TwoLevel(1), TwoLevel(2)
        self.symbols = (self.Omega1, self.Omega2, self.Delta1, self.Delta2, self.g12, self.gamma12)
        #: moment symbols S1..S15 of Eq. (3)
        self.S = sympy.symbols("S1:16")
        s1, s2 = self.s1, self.s2
        p1, m1, p2, m2 = s1.raise_, s1.lower, s2.raise_, s2.lower
        # Eq. (3), in the paper's order (products as printed; normal-ordered by the algebra)
        self._printed_products = [
            p1, m1, p2, m2, p1 * m1, p2 * m2, p1 * m2, p2 * m1, p1 * p2, m1 * m2,
            p1 * m1 * m2, p1 * p2 * m1, p2 * m1 * m2, p1 * p2 * m2, p1 * p2 * m1 * m2]
        self.hamiltonian = self._hamiltonian()
        self.jumps = [m1, m2]
        self.rates = 2 * sympy.Matrix([[1, self.gamma12], [self.gamma12, 1]])

    # -- model -------------------------------------------------------------------------
    def _hamiltonian(self) -> sympy.Expr:
        s1, s2 = self.s1, self.s2
        h = 0
        for s, om, de in ((s1, self.Omega1, self.Delta1), (s2, self.Omega2, self.Delta2)):
            h += -de * s.ee - (om * s.raise_ + sympy.conjugate(om) * s.lower) / 2
        return h + self.g12 * (s1.raise_ * s2.lower + s2.raise_ * s1.lower)

    @cached_property
    def system(self) -> MomentSystem:
        """The derived moment system (d⟨O⟩/dt = ⟨i[H, O] + L†(O)⟩ for the 15 words, closed)."""
        sysm = meanfield([word_of(op) for op in self._printed_products], self.hamiltonian,
                         self.jumps, self.rates)
        if not sysm.closed:  # pragma: no cover - the two-atom algebra closes on 15 words
            raise ModelError("the 15 moments of Eq. (3) are not closed under the dynamics")
        return sysm

    @property
    def words(self) -> list[tuple]:
        return self.system.words

    @property
    def operators(self) -> list[sympy.Expr]:
        """S₁…S₁₅ of Eq. (3) as operator expressions (normal ordered), in the paper's order."""
        return self.system.operators

    def moment_index(self, op: Any) -> int:
        """1-based index k with S_k = ⟨op⟩; InputError for an operator outside the model."""
        try:
            w = word_of(op)
        except InputError as exc:
            raise InputError(f"{describe(op)} is not one of the 15 moments S1..S15: {exc}") from exc
        if w not in self.words:
            raise InputError(f"{describe(op)} is outside the model: the moments are S1..S15 = "
                             f"{[str(o) for o in self.operators]} (sites 1 and 2 only)")
        return self.words.index(w) + 1

    @cached_property
    def symbol_of_word(self) -> dict[tuple, sympy.Symbol]:
        return dict(zip(self.words, self.S, strict=True))

    @property
    def equations(self) -> list[sympy.Eq]:
        """dS_k/dt = ... (k = 1..15) in the symbols S1..S15, derived from H and the dissipator."""
        t = sympy.Symbol("t")
        return [sympy.Eq(sympy.Derivative(sk, t, evaluate=False),
                         self.system.rhs_expr(w, self.symbol_of_word), evaluate=False)
                for w, sk in zip(self.words, self.S, strict=True)]

    def rhs(self, k: int) -> sympy.Expr:
        """Right-hand side of dS_k/dt (k = 1..15) in S1..S15."""
        return self.system.rhs_expr(self.words[k - 1], self.symbol_of_word)

    @cached_property
    def _linear(self) -> tuple[sympy.Matrix, sympy.Matrix]:
        lin = linear_system(self.system)
        return lin.M, lin.b

    def linear_system(self) -> tuple[sympy.Matrix, sympy.Matrix]:
        """(M, b) of Ṡ = M S + b, Eq. (2), as SymPy matrices (15×15 and 15×1)."""
        M, b = self._linear
        return M.copy(), b.copy()

    # -- numerics ----------------------------------------------------------------------
    @cached_property
    def _compiled(self):
        return self._numeric_system()

    def _numeric_system(self):
        """(m_of, b_of): callables params ↦ M (P, 15, 15) and params ↦ b (P, 15), complex.

        ``params`` maps the six names of ``PARAMS`` to numbers or 1-D arrays of one length P
        (validation of reality/PSD happens before, in ``_prepare``). Generated NumPy kernels
        (``symlight.kernels.generate``: sympy.cse, vectorised over P, zero entries never
        computed; symbol names never enter the generated code).
        """
        from symlight.kernels import generate

        M, b = self._linear
        k_m, k_b = generate(M, list(self.symbols)), generate(list(b), list(self.symbols))

        def _args(params: Mapping[str, Any]) -> list[np.ndarray]:
            arrays, _, _ = nm.batch_params(params, PARAMS)
            return [arrays[s.name].real if s.name in _REAL else arrays[s.name] for s in self.symbols]

        def m_of(params: Mapping[str, Any]) -> np.ndarray:
            return np.ascontiguousarray(k_m(*_args(params)), dtype=complex)

        def b_of(params: Mapping[str, Any]) -> np.ndarray:
            return np.ascontiguousarray(k_b(*_args(params)), dtype=complex)

        return m_of, b_of

    def _prepare(self, params: Mapping[str, Any]) -> tuple[dict[str, np.ndarray], int, bool]:
        if not isinstance(params, Mapping):
            raise InputError(f"params {describe(params)} must be a mapping of {list(PARAMS)}")
        arrays, P, batched = nm.batch_params(params, PARAMS)
        for name in _REAL:
            if np.any(np.abs(arrays[name].imag) > 1e-12 * np.maximum(1, np.abs(arrays[name].real))):
                raise InputError(f"parameter {name} must be real, got {arrays[name][:5]}")
            arrays[name] = arrays[name].real.astype(complex)
        g = arrays["gamma12"].real
        rates = 2 * np.stack([np.stack([np.ones(P), g], -1), np.stack([g, np.ones(P)], -1)], -2)
        check_rates_numeric(rates, what="rate matrix 2[[1, gamma12], [gamma12, 1]] of parameter set")
        return arrays, P, batched

    def numeric_system(self, params: Mapping[str, Any]) -> tuple[np.ndarray, np.ndarray]:
        """M (P, 15, 15) and b (P, 15) at the given parameters (validated)."""
        arrays, _, _ = self._prepare(params)
        m_of, b_of = self._compiled
        return m_of(arrays), b_of(arrays)

    def _dicke_sets(self, arrays: Mapping[str, np.ndarray]) -> np.ndarray:
        return ((np.abs(np.abs(arrays["gamma12"]) - 1) < 1e-9)
                & (np.abs(arrays["Omega1"] - np.sign(arrays["gamma12"].real) * arrays["Omega2"]) < 1e-12)
                & (np.abs(arrays["Delta1"] - arrays["Delta2"]) < 1e-12))

    def steady_state(self, params: Mapping[str, Any], *, singular: str = "raise") -> np.ndarray:
        """S_ss = −M⁻¹ b, Eq. (16): shape (15,) or (P, 15) for a batch.

        At the Dicke point |γ₁₂| = Γ with identical drive (Ω₁ = ±Ω₂, Δ₁ = Δ₂) one collective state
        neither decays nor is driven, M is singular and the stationary state depends on the
        initial state: a ModelError explains this; ``singular="limit"`` returns instead the limit
        γ₁₂ → ±Γ from inside the physical range (Richardson extrapolation, error O(ε²)).
        """
        if singular not in ("raise", "limit"):
            raise InputError(f"singular={singular!r}; valid: 'raise' or 'limit'")
        arrays, P, batched = self._prepare(params)
        m_of, b_of = self._compiled
        sss = self._steady_from(arrays, m_of(arrays), b_of(arrays), singular)
        return sss if batched else sss[0]

    def _steady_from(self, arrays: Mapping[str, np.ndarray], M: np.ndarray, b: np.ndarray,
                     singular: str = "raise") -> np.ndarray:
        """Steady states (P, 15) of the already assembled M, b (see ``steady_state``)."""
        m_of, b_of = self._compiled
        P = M.shape[0]
        bad, _ = nm.singular_sets(M)
        if bad.size:
            dicke = self._dicke_sets(arrays)[bad]
            if singular == "raise":
                why = ("at |gamma12| = Gamma = 1 with identical drive (Omega1 = +-Omega2, "
                       "Delta1 = Delta2) the collective state (|eg> -+ |ge>)/sqrt(2) has decay rate "
                       "Gamma - |gamma12| = 0 and is not driven, so it traps population and the "
                       "stationary state depends on the initial state"
                       if np.all(dicke) else "M has a null vector (a conserved combination of moments)")
                raise ModelError(f"M is singular for parameter set(s) {bad.tolist()[:10]}: {why}. Pass "
                                 "singular='limit' for the limit |gamma12| -> Gamma from below.")
            out = nm.steady_state(M[~np.isin(np.arange(P), bad)], b[~np.isin(np.arange(P), bad)]) \
                if bad.size < P else None
            sub = {k: v[bad] for k, v in arrays.items()}
            sign = np.sign(sub["gamma12"].real)

            def build(eps: float) -> tuple[np.ndarray, np.ndarray]:
                q = dict(sub)
                q["gamma12"] = (sign * (1 - eps)).astype(complex)
                return m_of(q), b_of(q)

            lim, _ = nm.steady_state_limit(build, eps=1e-4)
            full = np.empty((P, M.shape[-1]), dtype=complex)
            mask = np.isin(np.arange(P), bad)
            full[mask] = lim
            if out is not None:
                full[~mask] = out
            sss = full
        else:
            sss = nm.steady_state(M, b, check=False)
        return sss

    def transient(self, times: Any, params: Mapping[str, Any], s0: Any = None) -> np.ndarray:
        """S(t) = e^{Mt}(S(0) − S_ss) + S_ss: shape (T, 15) or (P, T, 15); S(0) defaults to |gg⟩ (all 0)."""
        times = self._taus(times)
        arrays, P, batched = self._prepare(params)
        m_of, b_of = self._compiled
        M, b = m_of(arrays), b_of(arrays)
        start = np.zeros((P, 15), dtype=complex) if s0 is None else np.broadcast_to(
            np.asarray(s0, dtype=complex), (P, 15))
        out = nm.transient(M, b, start, times)
        return out if batched else out[0]

    # -- two-time correlations ---------------------------------------------------------
    @cached_property
    def _regression_tables(self) -> dict[tuple[int, int], Any]:
        sig = {1: (self.s1.raise_, self.s1.lower), 2: (self.s2.raise_, self.s2.lower)}
        return {(i, j): regression_vectors(self.system, sig[i][0], sig[j][1])
                for i in (1, 2) for j in (1, 2)}

    @cached_property
    def _regression_arrays(self) -> dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray, complex]]:
        return {key: (np.array(reg.T, dtype=complex), np.array(reg.t0, dtype=complex).reshape(-1),
                      np.array(reg.c, dtype=complex).reshape(-1), complex(reg.c0))
                for key, reg in self._regression_tables.items()}

    def regression_table(self, i: int, j: int) -> sympy.Matrix:
        """⟨σᵢ⁺ S σⱼ⁻⟩_ss in the symbols S1..S15 (the tables of Appendix C), as a 15×1 matrix."""
        self._check_site(i, j)
        reg = self._regression_tables[(i, j)]
        return reg.T * sympy.Matrix(self.S) + reg.t0

    def _check_site(self, *sites: Any) -> None:
        for s in sites:
            if s not in (1, 2):
                raise InputError(f"site {describe(s)} is outside the model: the pair has sites 1 and 2")

    def regression(self, i: int, j: int, taus: Any, params: Mapping[str, Any]) -> np.ndarray:
        """X^{ij}(τ) = ⟨σᵢ⁺(0) S(τ) σⱼ⁻(0)⟩ of Eq. (18): shape (T, 15) or (P, T, 15)."""
        self._check_site(i, j)
        taus = self._taus(taus)
        M, sss, batched = self._propagation_inputs(params)
        x = self._regression_numeric(M, sss, i, j, taus)
        return x if batched else x[0]

    def _propagation_inputs(self, params: Mapping[str, Any]) -> tuple[np.ndarray, np.ndarray, bool]:
        """(M (P, 15, 15), steady states (P, 15), batched): M assembled once for both."""
        arrays, _, batched = self._prepare(params)
        m_of, b_of = self._compiled
        M = m_of(arrays)
        return M, self._steady_from(arrays, M, b_of(arrays)), batched

    def _regression_numeric(self, M: np.ndarray, sss: np.ndarray, i: int, j: int,
                            taus: np.ndarray) -> np.ndarray:
        T, t0, cvec, c0 = self._regression_arrays[(i, j)]
        c = sss @ cvec + c0
        x0 = sss @ T.T + t0
        return nm.regression(M, sss, x0, c, taus)

    @cached_property
    def _g2_spec(self):
        """Eq. (12) terms and Eq. (15) denominator as constant tables (symlight.kernels)."""
        from symlight.kernels.batched import RegressionSpec
        from symlight.kernels.standalone import pair_regression_tables

        t = pair_regression_tables(self)
        return RegressionSpec(t["A"], t["a0"], t["cvec"], t["w"], t["Q"], conj_perm=t["conj_perm"])

    @staticmethod
    def _taus(taus: Any) -> np.ndarray:
        arr = np.asarray(taus, dtype=float)
        if arr.ndim > 1 or not np.all(np.isfinite(arr)) or np.any(arr < 0):
            raise InputError(f"taus {describe(taus)} must be a 1-D array of finite delays tau >= 0")
        return arr.reshape(-1)

    def g2(self, taus: Any, params: Mapping[str, Any]) -> np.ndarray:
        """g⁽²⁾(τ) of the pair estimator, Eqs. (7), (12), (15): shape (T,) or (P, T).

        G⁽²⁾ = ⟨σ₁⁺σ₂⁺(τ)σ₁⁻(τ)σ₂⁻⟩ + ⟨σ₂⁺σ₁⁺(τ)σ₂⁻(τ)σ₁⁻⟩ + ⟨σ₂⁺σ₁⁺(τ)σ₁⁻(τ)σ₂⁻⟩ +
        ⟨σ₁⁺σ₂⁺(τ)σ₂⁻(τ)σ₁⁻⟩ = X¹²₈ + X²¹₇ + X²²₅ + X¹¹₆, over the steady-state denominator
        S₅S₆ + S₆S₅ + S₇S₈ + S₈S₇ (single-atom terms dropped, as in the paper).
        """
        taus = self._taus(taus)
        M, sss, batched = self._propagation_inputs(params)
        # symlight.kernels.batched: the four terms X12_8 + X21_7 + X22_5 + X11_6 of Eq. (12)
        # projected before propagation, one eigendecomposition per pair (expm fallback when M is
        # defective or ill-conditioned); denominator S5S6 + S6S5 + S7S8 + S8S7 of Eq. (15)
        from symlight.kernels import batched as kb

        out = kb.g2_given_state(M, sss, self._g2_spec, taus).values
        return out if batched else out[0]

    # -- export ------------------------------------------------------------------------
    def to_qutip(self, params: Mapping[str, Any]) -> tuple[Any, list[Any]]:
        """(H, c_ops) as QuTiP objects for one parameter set (tensor order: atom 1, atom 2; basis
        |g⟩ = basis(2, 0), |e⟩ = basis(2, 1)). The collective dissipator is diagonalised:
        c± = sqrt(2(1 ± γ₁₂)) (σ₁⁻ ± σ₂⁻)/√2. Requires the optional dependency qutip."""
        try:
            import qutip
        except ImportError as exc:  # pragma: no cover - optional dependency
            raise InputError("QuTiP export needs the optional dependency qutip "
                             "(pip install 'symlight[qutip]')") from exc
        arrays, P, batched = self._prepare(params)
        if batched and P != 1:
            raise InputError(f"to_qutip takes one parameter set, got a batch of {P}")
        v = {k: complex(a[0]) for k, a in arrays.items()}
        sm = qutip.destroy(2)
        eye = qutip.qeye(2)
        m1, m2 = qutip.tensor(sm, eye), qutip.tensor(eye, sm)
        h = 0 * m1
        for m, om, de in ((m1, v["Omega1"], v["Delta1"].real), (m2, v["Omega2"], v["Delta2"].real)):
            h += -de * m.dag() * m - 0.5 * (om * m.dag() + np.conj(om) * m)
        h += v["g12"].real * (m1.dag() * m2 + m2.dag() * m1)
        g = v["gamma12"].real
        c_ops = [np.sqrt(max(2 * (1 + g), 0.0)) * (m1 + m2) / np.sqrt(2),
                 np.sqrt(max(2 * (1 - g), 0.0)) * (m1 - m2) / np.sqrt(2)]
        return h, c_ops


def driven_dipole_pair(**options: Any) -> DrivenDipolePair:
    """The moment system of seed 002_796c9b23bedf2618.txt, Appendix B (see module docstring)."""
    if options:
        raise InputError(f"driven_dipole_pair() takes no options, got {sorted(options)}")
    return DrivenDipolePair()


def hermitian_check(model: DrivenDipolePair) -> sympy.Expr:
    """H − H† (zero): the rotating-frame Hamiltonian is Hermitian."""
    return sympy.expand(model.hamiltonian - dagger(model.hamiltonian))
