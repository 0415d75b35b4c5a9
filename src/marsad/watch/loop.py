"""Rounds of polling: every source once a round, retried with exponential back-off.

Within a round a failing source is tried ``retries`` times, waiting
``retry_base_s``, then twice that, and so on. A source that still fails is
counted as failed in its state and left alone for 1, 2, 4, … rounds (at most
``max_backoff_s``), so a dead feed is not hammered every 15 minutes; the first
success resets it. Each source gets one log line a round.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from marsad.ingest.errors import InputError
from marsad.model import Article
from marsad.pipeline import Pipeline, default_pipeline
from marsad.watch.sources import FeedSource, FolderSource, Outcome, SourceError
from marsad.workflow import IngestReport, ingest_items

Log = Callable[[str], None]


@dataclass
class WatchOptions:
    every_s: float = 15 * 60           # GDELT's cadence
    retries: int = 3                   # tries of a failing source within one round
    retry_base_s: float = 2.0          # first wait between tries; doubled each time
    max_backoff_s: float = 6 * 3600    # longest a failing source is left alone


def _utc(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:g} h"
    if seconds >= 60:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


class Watcher:
    """Polls ``sources`` into ``store``. ``stop`` (an Event) ends ``run`` between
    sources and cuts short the waits; a signal may also interrupt it anywhere
    (KeyboardInterrupt): what was not committed is read again on restart."""

    def __init__(self, store, sources: list[FeedSource | FolderSource], options: WatchOptions | None = None,
                 *, log: Log = print, pipeline: Pipeline | None = None,
                 stop: threading.Event | None = None, clock: Callable[[], float] = time.time):
        self.store = store
        self.sources = sources
        self.options = options or WatchOptions()
        self.log = log
        self.pipeline = pipeline or default_pipeline()
        self.stop = stop or threading.Event()
        self.clock = clock
        self.rounds = 0

    def _ingest(self, items: Iterable[Article | InputError]) -> IngestReport:
        return ingest_items(self.store, items, pipeline=self.pipeline)

    def run(self, once: bool = False) -> list[Outcome]:
        """Poll round after round (``once``: a single round); the last round's outcomes."""
        while True:
            started = self.clock()
            outcomes = self.round(started)
            if once or self.stop.is_set():
                return outcomes
            wait = self.options.every_s - (self.clock() - started)
            if wait > 0:
                self.log(f"next round at {_utc(started + self.options.every_s)}")
                if self.stop.wait(wait):
                    return outcomes

    def round(self, started: float | None = None) -> list[Outcome]:
        """Poll every source once; ``started`` is the round's time (for back-off)."""
        started = self.clock() if started is None else started
        self.rounds += 1
        outcomes = []
        for source in self.sources:
            if self.stop.is_set():
                break
            outcome = self.poll(source, started)
            self.log(outcome.line())
            outcomes.append(outcome)
        return outcomes

    def poll(self, source: FeedSource | FolderSource, started: float) -> Outcome:
        state = self.store.watch_state(source.key) or {}
        failures = state.get("failures", 0)
        if state.get("next_attempt", 0) > started:
            return Outcome(source.label, source.kind, "error",
                           error=f"skipped, {failures} failed round(s) in a row "
                                 f"(last: {state.get('last_error')})",
                           detail=f"next try at {_utc(state['next_attempt'])}")
        last_error = ""
        for attempt in range(1, self.options.retries + 1):
            try:
                outcome, new_state = source.poll(state, self._ingest)
            except SourceError as exc:
                last_error = str(exc)
            except Exception as exc:  # the store, a stage: reported, and the other sources go on
                last_error = f"{type(exc).__name__}: {exc}"
            else:
                if attempt > 1:
                    outcome.detail = ", ".join(filter(None, [outcome.detail, f"after {attempt - 1} retr"
                                                             + ("y" if attempt == 2 else "ies")]))
                new_state.update(failures=0, next_attempt=0, last_error=None, last_ok=_utc(started))
                self.store.save_watch_state(source.key, new_state)
                return outcome
            if attempt < self.options.retries and self.stop.wait(self.options.retry_base_s * 2 ** (attempt - 1)):
                break
        failures += 1
        delay = min(self.options.every_s * 2 ** (failures - 1), self.options.max_backoff_s)
        state.update(failures=failures, last_error=last_error, next_attempt=started + delay)
        self.store.save_watch_state(source.key, state)
        return Outcome(source.label, source.kind, "error",
                       error=f"{last_error} ({self.options.retries} tries)",
                       detail=f"failed {failures} round(s) in a row, next try in {_duration(delay)}")
