"""A reproduced figure: the file written, the paper's caption, and how to regenerate it."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from symlight.io.atomic import atomic_write_bytes


@dataclass
class Figure:
    """One reproduced figure (or data file) of a paper, written by a topic's ``figures()``."""

    name: str  # e.g. "Fig. 7(a)"
    path: Path  # the PNG/SVG (or data) file, inside the output directory
    caption: str = ""  # the paper's caption, paraphrased, plus what was reproduced
    command: str = ""  # exact command that regenerates it
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def _repr_html_(self) -> str:
        """Notebook display: the image (embedded, so it shows without a file server) and caption."""
        import base64
        import html

        path = Path(self.path)
        kinds = {".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
        kind = kinds.get(path.suffix.lower())
        if kind and path.is_file():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            media = f"<img src='data:{kind};base64,{data}' alt='{html.escape(self.name, quote=True)}'>"
        else:
            media = f"<p>file: <code>{html.escape(str(path))}</code></p>"
        command = f"<br><small>{html.escape(self.command)}</small>" if self.command else ""
        return (f"<figure>{media}<figcaption><b>{html.escape(self.name)}</b> "
                f"{html.escape(self.caption)}{command}</figcaption></figure>")


def save_figure(fig: Any, path: str | Path, name: str, caption: str, command: str, *,
                started: float | None = None, seconds: float | None = None, dpi: int = 120,
                tight: bool = True, notes: list[str] | None = None) -> Figure:
    """Lay out, write atomically and close a matplotlib figure; return its :class:`Figure` record.

    ``started`` is a ``time.perf_counter()`` reading taken before the figure's computation (its
    time is then measured up to now); ``seconds`` gives the time directly. The PNG is rendered in
    memory and renamed into place, so an interrupted run never leaves a truncated image.
    """
    import matplotlib.pyplot as plt

    target = Path(path)
    try:
        if tight:
            fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, dpi=dpi, format=target.suffix.lstrip(".") or "png")
    finally:
        plt.close(fig)
    atomic_write_bytes(target, buffer.getvalue())
    if seconds is None:
        seconds = time.perf_counter() - started if started is not None else 0.0
    return Figure(name, target, caption, command, seconds, list(notes or []))
