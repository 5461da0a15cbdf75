"""The Claim record: one printed statement of a paper, tested.

A Claim never carries a verdict typed in by hand: it is built by the comparison functions in
``symlight.checks.compare`` from a printed form (transcribed from the paper, as data) and a
derived form (computed by symlight).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

import sympy


class Verdict(enum.StrEnum):
    """Outcome of testing a printed claim against symlight's derivation."""

    CONFIRMED = "confirmed"
    DISCREPANCY = "discrepancy"
    INCONCLUSIVE = "inconclusive"

    def __str__(self) -> str:
        return self.value


def _latex(obj: Any) -> str:
    if obj is None:
        return ""
    if isinstance(obj, str):
        return obj
    try:
        return sympy.latex(obj)
    except Exception:  # noqa: BLE001 - any printable object is acceptable evidence
        return str(obj)


@dataclass
class Claim:
    """One tested statement: ``source`` seed file, ``equation`` label as printed ("54", "A7")."""

    topic: str
    source: str
    equation: str
    statement: str
    verdict: Verdict
    evidence: str
    printed: Any = None
    derived: Any = None
    seconds: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, str]:
        """The public JSON contract of ``symlight check --json`` (see docs/design.md)."""
        return {
            "topic": self.topic,
            "source": self.source,
            "equation": str(self.equation),
            "claim": self.statement,
            "verdict": str(self.verdict),
            "evidence": self.evidence,
            "printed": _latex(self.printed),
            "derived": _latex(self.derived),
        }

    def _repr_html_(self) -> str:
        from symlight.report.jupyter import claim_html  # presentation lives in report

        return claim_html(self)

    def _repr_latex_(self) -> str:
        from symlight.report.jupyter import claim_latex

        return claim_latex(self)

    def __str__(self) -> str:
        return f"[{self.verdict}] ({self.equation}) {self.statement}: {self.evidence}"
