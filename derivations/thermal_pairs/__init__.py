"""Topic ``thermal-pairs``: seed 002_796c9b23bedf2618.txt (driven dipole pair, thermal vapour).

Owned in parts: the moment equations (48)-(62), couplings (38)-(39), limits and Appendix C
live in ``pair_claims``; vapour physics (19)-(21) and Figs. 2-5 in ``vapour_claims`` and
``vapour_figures``. Each part exposes ``claims()`` and/or ``figures(out_dir)``.
"""

from __future__ import annotations

from pathlib import Path

from derivations import topic_parts
from symlight.checks import Claim
from symlight.report import Figure

TOPIC = "thermal-pairs"
SOURCE = "002_796c9b23bedf2618.txt"
TITLE = "Driven dipole-dipole pairs and thermal vapour g2(tau) (seed 002)"

_CLAIM_PARTS = ("pair_claims", "vapour_claims")
_FIGURE_PARTS = ("pair_figures", "vapour_figures")


def claims() -> list[Claim]:
    """Every printed equation of seed 002 that symlight rebuilds, with computed verdicts."""
    out: list[Claim] = []
    for part in topic_parts(__name__, _CLAIM_PARTS):
        out.extend(part.claims())
    return out


def figures(out_dir: Path) -> list[Figure]:
    """Reproduced figures of seed 002."""
    out: list[Figure] = []
    for part in topic_parts(__name__, _FIGURE_PARTS):
        out.extend(part.figures(out_dir))
    return out
