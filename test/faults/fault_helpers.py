"""Helpers of the fault-injection tests: workers whose output is read as it comes, and Python Optuna's view."""
import json
import os
import queue
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import optuna
from optuna.storages import JournalStorage
from optuna.storages.journal import JournalFileBackend

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
RNNLAB = [str(ROOT / "kernel" / "bin" / "rnnlab.js"), "worker"]

optuna.logging.set_verbosity(optuna.logging.WARNING)


class Process:
    """A child process whose stdout lines are queued by a thread as they arrive."""

    def __init__(self, args: list, env: dict | None = None):
        self.proc = subprocess.Popen(["node", *map(str, args)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env={**os.environ, **(env or {})})
        self.pid = self.proc.pid
        self.lines: queue.Queue = queue.Queue()
        self.seen: list = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self, timeout: float) -> str | None:
        """The next stdout line, or None at the end of the output; raises queue.Empty after `timeout` s."""
        line = self.lines.get(timeout=timeout)
        if line is not None:
            self.seen.append(line)
        return line

    def wait_for(self, predicate, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            line = self.next_line(max(0.01, deadline - time.monotonic()))
            assert line is not None, f"ended ({self.proc.wait()}) before the line: {self.seen[-5:]} {self.proc.stderr.read()[-2000:]}"
            if predicate(line):
                return line

    def kill9(self) -> list:
        """SIGKILL, then every line it printed."""
        self.proc.kill()
        self.proc.wait(timeout=10)
        while self.next_line(10) is not None:
            pass
        return self.seen

    def finish(self, timeout: float) -> list:
        """Waits for a normal exit (asserting status 0); returns every line it printed."""
        rc = self.proc.wait(timeout=timeout)
        while self.next_line(10) is not None:
            pass
        assert rc == 0, self.seen[-5:] + [self.proc.stderr.read()[-3000:]]
        return self.seen


def fault_worker(kind: str, target, study: str, n_trials: int, grace: float = 30) -> Process:
    return Process([HERE / "fault_worker.js", kind, target, study, n_trials, grace])


def events(lines: list, kind: str) -> list:
    return [e for e in (json.loads(line) for line in lines if line.startswith("{")) if e["event"] == kind]


def python_storage(kind: str, target):
    return JournalStorage(JournalFileBackend(str(target))) if kind == "journal" else str(target)


def running_owners(kind: str, target, study: str) -> dict:
    """{number: owner pid} of the study's RUNNING trials, read while a worker writes: Python Optuna for a
    journal; plain `sqlite3` for SQLite (Optuna's first load of a busy SQLite file waits seconds for its lock)."""
    if kind == "journal":
        return {t.number: t.system_attrs["rnnlab:worker"]["pid"] for t in python_trials(kind, target, study) if t.state.name == "RUNNING"}
    with sqlite3.connect(str(target).removeprefix("sqlite:///"), timeout=30) as db:
        rows = db.execute(
            "SELECT t.number, a.value_json FROM trials t JOIN studies s ON s.study_id = t.study_id "
            "LEFT JOIN trial_system_attributes a ON a.trial_id = t.trial_id AND a.key = 'rnnlab:worker' "
            "WHERE s.study_name = ? AND t.state = 'RUNNING'", (study,)).fetchall()
    return {number: json.loads(owner)["pid"] if owner else None for number, owner in rows}


def python_trials(kind: str, target, study: str) -> list:
    """The study's trials as Python Optuna loads them."""
    return optuna.load_study(study_name=study, storage=python_storage(kind, target)).trials
