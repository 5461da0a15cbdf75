"""Small fake topic modules for the report tests (no dependency on the real derivations).

``install(monkeypatch, *names)`` registers the named fakes in ``derivations.TOPICS`` and makes
``derivations.load`` return them. Verdicts are computed by the real ClaimBook from forms typed
in here, as a topic module would do.
"""

from __future__ import annotations

import types
from pathlib import Path

import sympy

SOURCE = "fake_seed.txt"


def _optics_claims():
    from symlight.checks import ClaimBook

    x = sympy.Symbol("x", real=True)
    gamma = sympy.Symbol("Gamma", positive=True)
    book = ClaimBook("fake-optics", SOURCE)
    book.equal("1", "Factorised polynomial", x**2 - 1, (x - 1) * (x + 1))
    book.equal("2", r"Decay rate of the pair, $\Gamma_{\rm pair}$", gamma / 2, gamma)
    book.equal("A3", "Coupling matrix", sympy.Matrix([[1, x], [x, 1]]),
               sympy.Matrix([[1, x], [x, 2]]))
    book.close("4", "Peak value of g2", 2.0, 2.0 + 1e-12, rtol=1e-9)
    book.holds("5", "Piecewise rate (not typeset by mathtext)", True, "checked case by case",
               printed=r"\begin{cases} a & x>0 \\ b & x<0 \end{cases}", derived=r"\frac{a+b}{2}")
    return book.claims


def _optics_figures(out_dir: Path):
    from matplotlib.figure import Figure as MplFigure  # Agg canvas, no pyplot state

    from symlight.report import Figure

    fig = MplFigure(figsize=(4, 3), dpi=80)
    ax = fig.add_subplot()
    ax.plot([0, 1, 2], [1, 0.5, 0.25])
    ax.set_xlabel("tau Gamma")
    path = Path(out_dir) / "fig2.png"
    fig.savefig(path)
    return [Figure(name="Fig. 2", path=path, caption=r"Decay of $g^{(2)}(\tau)$ (coarse grid).",
                   command="symlight reproduce fake-optics --out DIR", seconds=0.01)]


def _module(topic: str, title: str, claims, figures=None) -> types.ModuleType:
    mod = types.ModuleType(f"fake_{topic.replace('-', '_')}")
    mod.TOPIC, mod.SOURCE, mod.TITLE = topic, SOURCE, title
    mod.claims = claims
    if figures is not None:
        mod.figures = figures
    return mod


def _raise(exc: BaseException):
    def claims():
        raise exc
    return claims


def _hard_crash():
    import os

    os._exit(3)  # as a segfault in a compiled extension would: no exception, the process is gone


def _slow():
    import time

    time.sleep(60)
    return []


def _stubborn():
    import time

    while True:  # derivation code that swallows ordinary exceptions must still be stoppable
        try:
            time.sleep(0.05)
        except Exception:  # noqa: BLE001, S110
            pass


FAKES = {
    "fake-optics": lambda: _module("fake-optics", "Fake optics paper", _optics_claims, _optics_figures),
    "fake-broken": lambda: _module("fake-broken", "A topic whose derivation crashes",
                                   _raise(RuntimeError("derivation exploded"))),
    "fake-slow": lambda: _module("fake-slow", "Takes a minute", _slow),
    "fake-stubborn": lambda: _module("fake-stubborn", "Never ends", _stubborn),
    "fake-crash": lambda: _module("fake-crash", "Crashes its process", _hard_crash),
    "fake-interrupt": lambda: _module("fake-interrupt", "Interrupted", _raise(KeyboardInterrupt())),
}


def install(monkeypatch, *names: str, unavailable: tuple[str, ...] = ()) -> None:
    """Replace the topic registry by the named fakes (and names reported as not yet written)."""
    import derivations

    topics = {name: (f"fake.{name}", SOURCE) for name in (*names, *unavailable)}
    monkeypatch.setattr(derivations, "TOPICS", topics)

    def load(topic: str):
        if topic in unavailable:
            raise derivations.TopicUnavailable(f"topic {topic!r} has no derivation module yet")
        return FAKES[topic]()

    monkeypatch.setattr(derivations, "load", load)


def install_claims_topic(monkeypatch, claims_fn, module_name: str = "derivations._fake_topic") -> None:
    """Register one fake topic ``fake`` whose module is importable by name (``derivations.load``
    stays the real loader) and whose ``claims()`` is ``claims_fn``."""
    import sys

    import derivations

    module = types.ModuleType(module_name)
    module.TOPIC, module.SOURCE, module.TITLE = "fake", "999_fake.txt", "Fake topic"
    module.claims = claims_fn
    monkeypatch.setitem(sys.modules, module_name, module)
    monkeypatch.setattr(derivations, "TOPICS", {"fake": (module_name, "999_fake.txt")})
