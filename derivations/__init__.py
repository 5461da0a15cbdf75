"""One module (or package) per paper: its derivation chain as checks, and its figures.

Each topic module exposes:

* ``TOPIC`` (the id below), ``SOURCE`` (seed file name), ``TITLE`` (one line);
* ``claims() -> list[symlight.checks.Claim]``: every printed equation tested, verdicts computed;
* ``figures(out_dir: pathlib.Path) -> list[symlight.report.Figure]`` (optional): reproduced
  figures and data written into ``out_dir``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType

#: topic id -> (module, seed file). A topic whose module is missing is reported as not available.
TOPICS: dict[str, tuple[str, str]] = {
    "waveguide-pair": ("derivations.waveguide_pair", "004_051fe7d7dc805f6f.txt"),
    "thermal-pairs": ("derivations.thermal_pairs", "002_796c9b23bedf2618.txt"),
    "plasma-photons": ("derivations.plasma_photons", "001_acf7c75771656388.txt"),
    "two-photon-medium": ("derivations.two_photon_medium", "000_afe20a70b32bac1d.txt"),
    "dipole-transport": ("derivations.dipole_transport", "003_7c2b7fccf0028dca.txt"),
}


def topic_parts(package: str, names: tuple[str, ...]) -> Iterator[ModuleType]:
    """Import the part modules ``package.name`` of a topic split into parts; absent parts are skipped."""
    for name in names:
        full = f"{package}.{name}"
        try:
            yield importlib.import_module(full)
        except ModuleNotFoundError as exc:
            if exc.name != full:
                raise


class TopicUnavailable(LookupError):
    """The topic is known but its derivation module has not been written yet."""


def load(topic: str) -> ModuleType:
    """Import the derivation module of ``topic``; raise KeyError for an unknown topic id."""
    if topic not in TOPICS:
        valid = ", ".join(sorted(TOPICS))
        raise KeyError(f"unknown topic {topic!r}; valid topics: {valid}")
    name, _ = TOPICS[topic]
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            raise TopicUnavailable(f"topic {topic!r} has no derivation module yet ({name})") from exc
        raise
