"""`rnnlab worker`: workers on one database study; a worker killed with SIGKILL leaves a trial that
becomes FAIL once its heartbeat is older than the grace period, and the other workers finish."""
import os
import signal
import subprocess
import time
from pathlib import Path

import optuna

from rdb_helpers import ROOT

WORKER = [str(ROOT / "kernel" / "bin" / "rnnlab.js"), "worker"]

OBJECTIVE = """
exports.objective = async (trial) => {
  const x = trial.suggestFloat("x", -10, 10);
  if (process.env.HANG_ON_FIRST === "1") await new Promise((r) => setTimeout(r, 1e9));  // a worker that stops answering
  return x * x;
};
"""


def start_worker(db_url, objective, *extra, env=None):
    return subprocess.Popen(["node", *WORKER, "--storage", db_url, "--study", "cli", "--objective", str(objective), *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


def test_workers_share_the_study_and_a_killed_workers_trial_fails_after_the_grace_period(db_url, tmp_path):
    objective = tmp_path / "objective.js"
    objective.write_text(OBJECTIVE)
    # A worker that hangs in its first trial, with heartbeats every second; killed once its trial runs.
    hanging = start_worker(db_url, objective, "--n-trials", "1", "--heartbeat-interval", "1", "--grace-period", "2",
                           env={"HANG_ON_FIRST": "1"})
    # The worker says so once it has opened (and, on an empty database, created) the study; polling the
    # database with Python before that would race it creating the schema.
    first = hanging.stdout.readline()
    assert first.startswith(f"worker {hanging.pid}: study 'cli'"), first + hanging.stderr.read()
    deadline = time.monotonic() + 60
    while not any(t.state.name == "RUNNING" for t in optuna.load_study(study_name="cli", storage=db_url).trials):
        assert time.monotonic() < deadline, "the hanging worker never started a trial"
        time.sleep(0.3)
    time.sleep(1.5)  # at least one heartbeat recorded
    hanging.send_signal(signal.SIGKILL)
    hanging.wait(timeout=10)
    time.sleep(2.5)  # longer than the grace period
    workers = [start_worker(db_url, objective, "--n-trials", "4", "--heartbeat-interval", "1", "--grace-period", "2")
               for _ in range(2)]
    outputs = [w.communicate(timeout=120) for w in workers]
    assert all(w.returncode == 0 for w in workers), [err[-2000:] for _out, err in outputs]
    assert all("4 trials done" in out for out, _err in outputs), outputs

    trials = optuna.load_study(study_name="cli", storage=db_url).trials
    assert [t.number for t in trials] == list(range(9))
    assert trials[0].state.name == "FAIL"
    # On another machine only the heartbeat tells that the worker died; on the same host rnnlab also
    # sees that its process is gone, whichever check runs first (the heartbeat path: rdb-storage.spec.ts).
    reason = trials[0].system_attrs["fail_reason"]
    assert "no heartbeat" in reason or f"pid {hanging.pid}" in reason, reason
    assert all(t.state.name == "COMPLETE" for t in trials[1:])


def test_worker_rejects_bad_flags_before_connecting(tmp_path):
    bad = subprocess.run(["node", *WORKER, "--storage", "mysql://x/y", "--study", "s", "--objective", "o.js", "--n-trials", "0"],
                         cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "`--n-trials` must be a positive integer, got '0'" in bad.stderr
