"""A time budget per topic for ``symlight reproduce``: a topic over its budget fails alone.

``SYMLIGHT_TOPIC_TIMEOUT`` (seconds; ``reproduce --topic-timeout``) bounds ``claims()`` plus
``figures()`` of each topic. The budget is enforced with ``SIGALRM`` in the process that runs the
topic (each topic runs in its own worker's main thread, or in the main thread with one job).
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import threading
import time
from collections.abc import Iterator

from symlight.errors import InputError

TIMEOUT_ENV = "SYMLIGHT_TOPIC_TIMEOUT"


class TopicTimeout(BaseException):
    """Raised inside a topic that ran past its budget.

    A BaseException, so that ``except Exception`` blocks inside derivation code cannot swallow it.
    """


def parse_timeout(value: str | float | None, where: str = TIMEOUT_ENV) -> float | None:
    """Seconds as a positive finite float, ``None`` for unset/empty; InputError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{where}={value!r} is not a number of seconds; give e.g. 600") from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise InputError(f"{where}={value!r} must be a positive, finite number of seconds")
    return seconds


def topic_timeout() -> float | None:
    """The per-topic budget from ``$SYMLIGHT_TOPIC_TIMEOUT`` (None: no budget)."""
    return parse_timeout(os.environ.get(TIMEOUT_ENV))


class Budget:
    """Seconds left of one topic's budget, shared by its stages."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._end = None if seconds is None else time.monotonic() + seconds

    def left(self) -> float | None:
        return None if self._end is None else self._end - time.monotonic()

    @contextlib.contextmanager
    def stage(self, what: str) -> Iterator[None]:
        """Run a stage under the remaining budget; raise TopicTimeout when it runs out."""
        left = self.left()
        usable = (left is not None and hasattr(signal, "setitimer")
                  and threading.current_thread() is threading.main_thread())
        if not usable:
            yield
            return
        if left <= 0:
            raise TopicTimeout(f"no time left of the {self.seconds:g} s topic budget before {what}")

        def expire(signum: int, frame: object) -> None:
            raise TopicTimeout(f"{what} ran past the {self.seconds:g} s topic budget "
                               f"(set by {TIMEOUT_ENV} / --topic-timeout)")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, left)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
