"""Topic ``plasma-photons``: seed 001_acf7c75771656388.txt (photon kinetics in degenerate plasmas).

Parts (equation labels each one emits claims for):

* ``hamiltonian_claims``: (12)-(13).
* ``kinetic_claims`` (Moyal engine): (31), (36), (40)-(41), (43)-(45), (48)-(49), (55), (120),
  (133), (141), (143).
* ``fluid_claims``: (50), (52)-(53) as moments of the kinetic equations.
* ``photon_fluid_claims``: (61)-(62), (66) as moments of the photon kinetic equation.
* ``exchange_claims``: (70)-(81), Table 1.
* ``plasmon_claims``: (82)-(84), n_c, Fig. 3.
* ``polariton_claims``: (85)-(90); (104)-(106) and Fig. 6 on the PRINTED cubic (the print's
  internal consistency: does Fig. 6 follow from (104)-(105) as printed).
* ``kinetic_terms_claims`` (optional): the kinetic terms (35), (38), (42), (46), the source S and
  (66), the M part of (12), (49), (112)-(113), the Compton limit (124)-(126) → (131)-(133), (135),
  (136).
* ``laser_claims`` (optional): (59), (67)-(68), (93)-(106) with det D_∥ DERIVED from the
  linearised fluid equations (the physics verdict on (104)-(105) and Fig. 6; closure stated in
  each evidence), Fig. 5 and the validity of Fig. 6.
* ``field_equation_claims`` (optional): the Hamiltonian pieces (1)-(11) and the Wigner-transformed
  kinetic equations (29)-(39) not covered above.
* ``fluid_closure_claims`` (optional): the fluid equations (50)-(65) not covered above.
* Figures: ``figure_plots`` (Figs. 1-4; Fig. 6 from the printed cubic) and ``laser_figures``
  (Fig. 5; Fig. 6 derived vs printed).
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
                "laser_claims", "field_equation_claims", "fluid_closure_claims")
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
