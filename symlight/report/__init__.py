"""Report records and the HTML report written by ``symlight reproduce``.

``Figure`` is the record a topic's ``figures()`` returns (``save_figure`` writes one atomically);
``build_report`` (in ``build``) writes ``DIR/index.html``; ``ClaimTable`` displays claims in Jupyter.
"""

from typing import Any

from symlight.report.figure import Figure, save_figure

__all__ = ["ClaimTable", "Figure", "build_report", "claim_html", "claim_latex", "save_figure"]


def __getattr__(name: str) -> Any:
    # Lazy: topic modules import Figure from here and should not pay for the report machinery.
    if name in ("ClaimTable", "claim_html", "claim_latex"):
        from symlight.report import jupyter

        return getattr(jupyter, name)
    if name == "build_report":
        from symlight.report.build import build_report

        return build_report
    raise AttributeError(f"module 'symlight.report' has no attribute {name!r}")
