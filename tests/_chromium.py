"""Minimal headless-Chromium driver over the DevTools protocol on a pipe (no extra packages).

Chromium started with ``--remote-debugging-pipe`` reads NUL-terminated JSON commands on fd 3
and writes replies and events on fd 4. This module opens a page, records console errors,
uncaught exceptions, failed loads and log errors, evaluates JavaScript and takes screenshots.
"""

from __future__ import annotations

import base64
import fcntl
import itertools
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio", "--no-default-browser-check",
    "--remote-debugging-pipe",
)


def _high_fd(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class BrowserError(RuntimeError):
    """Chromium did not answer, or answered a command with an error."""


class Chromium:
    """A headless Chromium process driven over the DevTools pipe; use as a context manager."""

    def __init__(self, binary: str = "/usr/bin/chromium", timeout: float = 20.0) -> None:
        self.binary = binary
        self.timeout = timeout
        self._ids = itertools.count(1)
        self._replies: dict[int, dict[str, Any]] = {}
        self._events: queue.Queue[dict[str, Any]] = queue.Queue()
        self._cond = threading.Condition()
        self.session: str | None = None
        self.problems: list[str] = []

    def __enter__(self) -> Chromium:
        self._profile = tempfile.mkdtemp(prefix="symlight-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Move the child's ends above fd 9, so that the redirections below cannot clobber them.
        to_chrome_r, from_chrome_w = (_high_fd(fd) for fd in (to_chrome_r, from_chrome_w))
        # bash moves the pipe ends onto fds 3 and 4 (multi-digit fd numbers need bash, not sh).
        script = f'exec "$0" "$@" 3<&{to_chrome_r} 4>&{from_chrome_w} {to_chrome_r}<&- {from_chrome_w}>&-'
        args = [*FLAGS, f"--user-data-dir={self._profile}", "about:blank"]
        self._proc = subprocess.Popen(["bash", "-c", script, self.binary, *args],
                                      pass_fds=(to_chrome_r, from_chrome_w),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.send("Browser.close", session=False, wait=False)
        except Exception:  # noqa: BLE001 - closing a dead browser is fine
            pass
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=5)
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)

    def _read_loop(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._from_chrome, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._replies[-1] = {"error": {"message": "chromium closed the pipe"}}
                    self._cond.notify_all()
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" in message:
                    with self._cond:
                        self._replies[message["id"]] = message
                        self._cond.notify_all()
                else:
                    self._events.put(message)

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: bool = True,
             wait: bool = True) -> dict[str, Any]:
        """Send one command (to the page session unless ``session=False``); return its result."""
        ident = next(self._ids)
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        if not wait:
            return {}
        deadline = time.monotonic() + self.timeout
        with self._cond:
            while ident not in self._replies:
                if -1 in self._replies:
                    raise BrowserError(f"{method}: {self._replies[-1]['error']['message']}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"{method}: no answer from chromium in {self.timeout} s")
                self._cond.wait(left)
            reply = self._replies.pop(ident)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _note(self, event: dict[str, Any]) -> None:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            self.problems.append(f"console.{params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.problems.append(f"uncaught exception: {details.get('text')} "
                                 f"{details.get('exception', {}).get('description', '')}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.problems.append(f"log error: {entry.get('text')} {entry.get('url', '')}")
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            self.problems.append(f"load failed: {params.get('errorText')} "
                                 f"(request {params.get('requestId')})")

    def open(self, url: str) -> list[str]:
        """Navigate to ``url``, wait for the load event; return the problems seen (console etc.)."""
        self.problems = []
        while not self._events.empty():
            self._events.get_nowait()
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + self.timeout
        loaded = False
        while time.monotonic() < deadline:
            try:
                event = self._events.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            self._note(event)
            if event.get("method") == "Page.loadEventFired":
                loaded = True
                break
        if not loaded:
            raise BrowserError(f"{url} did not finish loading in {self.timeout} s")
        # Late console messages and failed loads arrive just after the load event.
        settle = time.monotonic() + 0.3
        while time.monotonic() < settle:
            try:
                self._note(self._events.get(timeout=0.05))
            except queue.Empty:
                pass
        return list(self.problems)

    def evaluate(self, expression: str) -> Any:
        """Evaluate JavaScript in the page and return its (JSON-serialisable) value."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"JavaScript error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path, *, full_page: bool = True, max_height: int = 12000) -> Path:
        """Save a PNG screenshot of the page (the whole page, up to ``max_height`` px)."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"],
                              "height": min(size["height"], max_height), "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params)["data"]
        path = Path(path)
        path.write_bytes(base64.b64decode(data))
        return path
