"""A reproduced figure: the file written, the paper's caption, and how to regenerate it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Figure:
    """One reproduced figure (or data file) of a paper, written by a topic's ``figures()``."""

    name: str  # e.g. "Fig. 7(a)"
    path: Path  # the PNG/SVG (or data) file, inside the output directory
    caption: str = ""  # the paper's caption, paraphrased, plus what was reproduced
    command: str = ""  # exact command that regenerates it
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
