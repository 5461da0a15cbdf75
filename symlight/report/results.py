"""What one topic's run produced: claims, figures, timings, and any failure (for the report)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from symlight.report.figure import Figure

VERDICTS = ("confirmed", "discrepancy", "inconclusive")


@dataclass
class TopicResult:
    """Outcome of running one topic's ``claims()`` and ``figures(out_dir)``.

    ``status`` is "ok", "failed" (claims or figures raised: ``error``/``trace`` say what),
    or "unavailable" (no derivation module yet; not a failure).
    """

    topic: str
    source: str
    title: str = ""
    status: str = "ok"
    claims: list[Any] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    figure_files: list[str] = field(default_factory=list)  # page-relative file of each figure, "" if missing
    claims_seconds: float = 0.0
    figures_seconds: float = 0.0
    claims_error: str = ""
    figures_error: str = ""
    trace: str = ""
    section: str = ""  # the rendered HTML section (typeset where the topic ran)
    math_failures: int = 0  # formulas shown as LaTeX source because mathtext could not parse them

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    @property
    def seconds(self) -> float:
        return self.claims_seconds + self.figures_seconds

    def counts(self) -> dict[str, int]:
        """Number of claims per verdict (every verdict present, zero when none)."""
        out = dict.fromkeys(VERDICTS, 0)
        for claim in self.claims:
            key = str(getattr(claim, "verdict", "inconclusive"))
            out[key] = out.get(key, 0) + 1
        return out
