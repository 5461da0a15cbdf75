"""Topic ``plasma-photons``: seed 001_acf7c75771656388.txt (photon kinetics in degenerate plasmas).

Parts: ``hamiltonian_claims`` (Eqs. (12)-(13)), ``kinetic_claims`` (Moyal engine, Eqs. (31),
(40)-(49), (120), (133), (141)-(143)), ``fluid_claims`` (Eqs. (50)-(53) as moments),
``photon_fluid_claims`` (Eqs. (61)-(66) as moments of the photon kinetic equation),
``exchange_claims`` (Eqs. (69)-(81), Table 1), ``plasmon_claims`` (Eqs. (82)-(84), n_c,
oracles), ``polariton_claims`` (Eqs. (85)-(90), (104)-(106)), ``figure_plots`` (Figs. 1-4, 6).
Optional parts (imported when present): ``kinetic_terms_claims`` (the kinetic terms (35), (38),
(42), (46), the source S, the Compton limit (126)->(135)), ``laser_claims`` (the laser-driven
perturbations (67)-(68), (91)-(103)) and ``laser_figures`` (their figures).
"""

from __future__ import annotations

from pathlib import Path

from derivations import topic_parts
from symlight.checks import Claim
from symlight.report import Figure

TOPIC = "plasma-photons"
SOURCE = "001_acf7c75771656388.txt"
TITLE = "Quantum kinetic theory of photons in degenerate plasmas (seed 001)"

_CLAIM_PARTS = ("hamiltonian_claims", "kinetic_claims", "fluid_claims", "exchange_claims",
                "plasmon_claims", "polariton_claims", "photon_fluid_claims", "kinetic_terms_claims",
                "laser_claims")
_FIGURE_PARTS = ("figure_plots", "laser_figures")


def claims() -> list[Claim]:
    """Every printed equation of seed 001 that symlight rebuilds, with computed verdicts."""
    out: list[Claim] = []
    for part in topic_parts(__name__, _CLAIM_PARTS):
        out.extend(part.claims())
    return out


def figures(out_dir: Path, full: bool = False) -> list[Figure]:
    """Figures 1-4 and 6, plus those of the optional parts (coarser grids unless ``full``)."""
    out: list[Figure] = []
    for part in topic_parts(__name__, _FIGURE_PARTS):
        out.extend(part.figures(Path(out_dir), full=full))
    return out
