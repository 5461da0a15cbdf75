"""Claims: a printed equation or value from a paper, the derived counterpart, and a computed verdict."""

from symlight.checks.claim import Claim, Verdict
from symlight.checks.compare import (
    ClaimBook,
    Comparison,
    claim_close,
    claim_equal,
    claim_holds,
    compare_expressions,
    compare_values,
)

__all__ = [
    "Claim",
    "ClaimBook",
    "Comparison",
    "Verdict",
    "claim_close",
    "claim_equal",
    "claim_holds",
    "compare_expressions",
    "compare_values",
]
