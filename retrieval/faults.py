"""Deterministic crash points, so tests can kill an ingest at each of its phases.

Set ``QUOTEBOT_CRASH_AT`` to a point's name and the process kills itself with SIGKILL there,
exactly as a power cut or the OOM killer would: no cleanup, no ``finally`` blocks. Unset (always,
outside the fault tests), a crash point costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

CRASH_ENV = "QUOTEBOT_CRASH_AT"
# In the order an ingest reaches them.
POINTS = ("before-cleanup", "embedded", "vectors-written", "catalogue-committed")


def crash_point(name: str) -> None:
    """Kill this process now when the fault test asked for this point."""
    assert name in POINTS, name
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
