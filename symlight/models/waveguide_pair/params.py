"""Parameters of seed 004_051fe7d7dc805f6f.txt (two atoms in a waveguide), validated.

Paper units (c = 1, ħ = 1): massive guided mode ω(k) = √(k² + M²), form factor
g(k) = λ / (k² + M²)^{1/4} (Eq. (27)); on-shell k₀ > 0 with ω(k₀) = ω₀, group velocity
c₀ = k₀/ω₀ and g₀ = λ/√ω₀ (Eq. (28)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from symlight.errors import InputError


def _real(name: str, value: object) -> float:
    try:
        out = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a real number, got {value!r}") from None
    if not math.isfinite(out):
        raise InputError(f"{name} must be finite, got {value!r}")
    return out


@dataclass(frozen=True)
class PairParams:
    """Validated parameters: mass gap ``M`` > 0, coupling ``lam`` > 0, ``omega0`` > M, ``d`` ≥ 0."""

    M: float
    lam: float
    omega0: float
    d: float

    def __post_init__(self) -> None:
        M = _real("M", self.M)
        lam = _real("lam (coupling λ)", self.lam)
        w0 = _real("omega0 (atomic frequency ω₀)", self.omega0)
        d = _real("d (interatomic distance)", self.d)
        if M <= 0:
            raise InputError(f"M (mode cutoff) must be > 0, got M={M!r}")
        if lam <= 0:
            raise InputError(f"lam (coupling λ) must be > 0, got lam={lam!r}")
        if w0 <= M:
            raise InputError(f"omega0={w0!r} must exceed the cutoff M={M!r}: for ω₀ ≤ M no guided "
                             "mode propagates at the atomic frequency (seed 004, Sec. II)")
        if d < 0:
            raise InputError(f"d (interatomic distance) must be ≥ 0, got d={d!r}")

    @property
    def k0(self) -> float:
        """On-shell momentum, ω(k₀) = ω₀ (Eq. (28))."""
        return math.sqrt((self.omega0 - self.M) * (self.omega0 + self.M))

    @property
    def c0(self) -> float:
        """Group velocity dω/dk at k₀ (Eq. (28))."""
        return self.k0 / self.omega0

    @property
    def g0sq(self) -> float:
        """g₀² = λ²/ω₀ (Eq. (28))."""
        return self.lam ** 2 / self.omega0

    @classmethod
    def from_k0d(cls, k0d: float, lam: float, omega0: float, M: float = 1.0) -> PairParams:
        """Build from the dimensionless product k₀d (as in Fig. 7)."""
        k0d = _real("k0d", k0d)
        if k0d < 0:
            raise InputError(f"k0d must be ≥ 0 (d ≥ 0), got k0d={k0d!r}")
        M_ = _real("M", M)
        w0 = _real("omega0 (atomic frequency ω₀)", omega0)
        if M_ <= 0:
            raise InputError(f"M (mode cutoff) must be > 0, got M={M!r}")
        if w0 <= M_:
            raise InputError(f"omega0={w0!r} must exceed the cutoff M={M_!r}: for ω₀ ≤ M no guided "
                             "mode propagates at the atomic frequency (seed 004, Sec. II)")
        k0 = math.sqrt((w0 - M_) * (w0 + M_))
        return cls(M=M_, lam=lam, omega0=w0, d=k0d / k0)
