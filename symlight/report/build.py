"""``symlight reproduce``: run each topic's claims and figures, write ``DIR/index.html``.

The whole directory is built in a staging sibling and swapped in at the end, so an interrupted
run leaves the previous report (or none), never a half-written one.
"""

from __future__ import annotations

import html
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from symlight.io import atomic_write_text, replace_directory


def build_report(topics: Sequence[str], out: Path, *, progress: bool = True,
                 debug: bool = False) -> bool:
    """Write the report for ``topics`` into ``out``; return False if any topic failed."""
    from tqdm import tqdm

    import derivations

    sections: list[str] = []
    ok = True
    with replace_directory(out) as staging:
        bar = tqdm(topics, desc="reproduce", unit="topic", disable=not progress, file=sys.stderr)
        for topic in bar:
            bar.set_postfix_str(topic)
            module_name, source = derivations.TOPICS[topic]
            try:
                module = derivations.load(topic)
            except derivations.TopicUnavailable as exc:
                sections.append(f"<section><h2>{html.escape(topic)}</h2><p>Not available yet: "
                                f"{html.escape(str(exc))}</p></section>")
                continue
            start = time.perf_counter()
            try:
                claims = list(module.claims())
                figdir = staging / topic
                figdir.mkdir(parents=True, exist_ok=True)
                figures = list(module.figures(figdir)) if hasattr(module, "figures") else []
            except Exception as exc:  # noqa: BLE001 - report the failure, keep other topics
                ok = False
                if debug:
                    traceback.print_exc()
                sections.append(f"<section><h2>{html.escape(topic)}</h2><p class='fail'>Failed: "
                                f"{html.escape(type(exc).__name__)}: {html.escape(str(exc))}"
                                "</p></section>")
                continue
            seconds = time.perf_counter() - start
            rows = "".join(
                f"<tr class='{c.verdict}'><td>({html.escape(str(c.equation))})</td>"
                f"<td>{html.escape(c.statement)}</td><td>{c.verdict}</td>"
                f"<td>{html.escape(c.evidence)}</td></tr>" for c in claims)
            figs = "".join(
                f"<figure><img src='{html.escape(str(f.path.relative_to(staging)))}' "
                f"alt='{html.escape(f.name)}'><figcaption>{html.escape(f.name)}: "
                f"{html.escape(f.caption)}</figcaption></figure>" for f in figures
                if f.path.suffix.lower() in (".png", ".svg"))
            sections.append(
                f"<section><h2>{html.escape(getattr(module, 'TITLE', topic))}</h2>"
                f"<p>Topic <code>{html.escape(topic)}</code>, source "
                f"<code>{html.escape(source)}</code>, {seconds:.1f} s</p>"
                "<table class='claims'><tr><th>eq.</th><th>claim</th><th>verdict</th>"
                f"<th>evidence</th></tr>{rows}</table>{figs}</section>")
        page = ("<!doctype html><html><head><meta charset='utf-8'><title>symlight report</title>"
                "<style>body{font-family:sans-serif;max-width:70em;margin:auto}"
                "tr.discrepancy{background:#fdd}tr.inconclusive{background:#ffd}"
                "td,th{border:1px solid #ccc;padding:2px 6px}img{max-width:100%}</style></head>"
                "<body><h1>symlight report</h1>" + "".join(sections) + "</body></html>")
        atomic_write_text(staging / "index.html", page)
    print(f"wrote {out / 'index.html'}")
    return ok
