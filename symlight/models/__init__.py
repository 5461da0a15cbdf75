"""Ready-made models, one per paper, built only from the rooms below (algebra, moments, ...).

* ``driven_dipole_pair()`` — seed 002_796c9b23bedf2618.txt, Appendix B (15 moment equations);
  the model class lives in ``driven_pair_moments``.
* ``waveguide_pair`` — seed 004_051fe7d7dc805f6f.txt (two atoms in a waveguide, ratio R).

Submodules are imported lazily so that ``import symlight`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any


def driven_dipole_pair(**options: Any) -> Any:
    """The driven dipole–dipole pair of seed 002 (Appendix B conventions); see that module."""
    from symlight.models.driven_pair_moments import driven_dipole_pair as build

    return build(**options)


def __getattr__(name: str) -> Any:
    try:
        return importlib.import_module(f"symlight.models.{name}")
    except ModuleNotFoundError as exc:
        raise AttributeError(f"symlight.models has no model {name!r}") from exc
