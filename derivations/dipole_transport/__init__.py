"""Topic ``dipole-transport``: seed 003_7c2b7fccf0028dca.txt (van Tiggelen & Skipetrov, PRB 103,
174204 (2021), "Longitudinal modes in diffusion and localization of light").

Claims are grouped by the paper's sections: Green tensors and the dipole t-matrix (``greens``),
density of states, Drude currents and the Q0-singular terms (``transport``), the self-consistent
theory (``selfconsistent``) and coupled-dipole numerics (``simulation``).  ``figures`` rebuilds
Figs. 1, 3, 4 and 8.  Optional parts, used when present, each with ``add_claims(book, quick=...)``
and ``make_figures(out_dir, full=...)``: ``weak_localization`` (the J2 terms of (71), F(delta),
(62), (98); Figs. 7-9), ``samples`` (finite-sample numerics: Fig. 2, (B9)-(B13), Figs. 11-14),
``effective_medium`` (Sec. III equations not covered above: (1)-(27)) and ``kubo_force`` (Secs. IV-VI
equations not covered above: the Kubo chain (31)-(60), the radiative force (73)-(76), (77)-(91)).
"""

from __future__ import annotations

from pathlib import Path

from derivations import topic_parts
from symlight.checks import Claim, ClaimBook

TOPIC = "dipole-transport"
SOURCE = "003_7c2b7fccf0028dca.txt"
TITLE = "Light among point electric dipoles: Green tensors, longitudinal channels, localization"
_OPTIONAL_PARTS = ("weak_localization", "samples", "effective_medium", "kubo_force")


def claims(*, quick: bool = False) -> list[Claim]:
    """Every reproduced equation of seed 003 tested; verdicts computed."""
    from derivations.dipole_transport import greens, selfconsistent, simulation, transport

    book = ClaimBook(TOPIC, SOURCE)
    greens.add_claims(book)
    transport.add_claims(book)
    selfconsistent.add_claims(book)
    simulation.add_claims(book, quick=quick)
    for part in topic_parts(__name__, _OPTIONAL_PARTS):
        part.add_claims(book, quick=quick)
    return book.claims


def figures(out_dir: Path, *, full: bool = False) -> list:
    """Figs. 1, 3, 4, 8 and the optional parts' (coarser grids than the paper unless ``full``)."""
    from derivations.dipole_transport.figures import make_figures

    out = make_figures(Path(out_dir), full=full)
    for part in topic_parts(__name__, _OPTIONAL_PARTS):
        out.extend(part.make_figures(Path(out_dir), full=full))
    return out
