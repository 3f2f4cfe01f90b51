"""kill -9 at random instants of journal and SQLite studies: nothing a worker was told is stored is lost,
nothing is left RUNNING once the next worker has opened the study, and that worker opens it within
seconds (a journal lock left by the killed worker is broken after the grace period, 1 s here; a last line
cut mid-append is repaired before the next append). Python Optuna loads the study at the end (and, for
the journal, after every kill)."""
import random
import time

import pytest

from fault_helpers import events, fault_worker, python_trials, running_owners

ROUNDS = 8


@pytest.mark.parametrize("kind", ["journal", "sqlite"])
def test_kill_9_loses_nothing_acknowledged_and_leaves_nothing_running(kind, tmp_path):
    target = tmp_path / "studies.log" if kind == "journal" else f"sqlite:///{tmp_path / 'studies.db'}"
    rng = random.Random(18)
    acknowledged = {}
    for _ in range(ROUNDS):
        started = time.monotonic()
        worker = fault_worker(kind, target, "killed", 10_000, grace=1)
        worker.wait_for(lambda line: '"opened"' in line, timeout=30)
        assert time.monotonic() - started < 10, "reopening the study took more than 10 s"
        # The killed workers' trials are FAIL now: only the new worker's may be RUNNING.
        owners = running_owners(kind, target, "killed")
        assert set(owners.values()) <= {worker.pid}, owners
        time.sleep(rng.uniform(0.05, 0.6))
        for e in events(worker.kill9(), "done"):
            acknowledged[e["number"]] = e["value"]

    last = fault_worker(kind, target, "killed", 3, grace=1)
    acknowledged.update({e["number"]: e["value"] for e in events(last.finish(timeout=60), "done")})

    trials = python_trials(kind, target, "killed")
    assert [t.number for t in trials] == list(range(len(trials)))
    assert len(acknowledged) >= ROUNDS  # the loop did kill workers mid-study, not before their first trial
    for number, value in acknowledged.items():
        assert trials[number].state.name == "COMPLETE" and trials[number].value == value, (number, trials[number])
    assert not [t.number for t in trials if t.state.name == "RUNNING"]
    assert all(t.system_attrs.get("fail_reason", "").startswith("the process running it") for t in trials if t.state.name == "FAIL")
