"""Topic ``dipole-transport``: seed 003_7c2b7fccf0028dca.txt (van Tiggelen & Skipetrov, PRB 103,
174204 (2021), "Longitudinal modes in diffusion and localization of light").

Claims are grouped by the paper's sections: Green tensors and the dipole t-matrix (``greens``),
density of states, Drude currents and the Q0-singular terms (``transport``), the self-consistent
theory (``selfconsistent``) and coupled-dipole numerics (``simulation``).  ``figures`` rebuilds
Figs. 1, 3, 4 and 8.
"""

from __future__ import annotations

from pathlib import Path

from symlight.checks import Claim, ClaimBook

TOPIC = "dipole-transport"
SOURCE = "003_7c2b7fccf0028dca.txt"
TITLE = "Light among point electric dipoles: Green tensors, longitudinal channels, localization"


def claims(*, quick: bool = False) -> list[Claim]:
    """Every reproduced equation of seed 003 tested; verdicts computed."""
    from derivations.dipole_transport import greens, selfconsistent, simulation, transport

    book = ClaimBook(TOPIC, SOURCE)
    greens.add_claims(book)
    transport.add_claims(book)
    selfconsistent.add_claims(book)
    simulation.add_claims(book, quick=quick)
    return book.claims


def figures(out_dir: Path, *, full: bool = False) -> list:
    """Figs. 1, 3, 4, 8 (coarser grids than the paper unless ``full``)."""
    from derivations.dipole_transport.figures import make_figures

    return make_figures(Path(out_dir), full=full)
