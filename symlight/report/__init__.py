"""Report records and the HTML report written by ``symlight reproduce``."""

from symlight.report.figure import Figure

__all__ = ["Figure"]
