"""PostgreSQL stopped (every session ended with an admin shutdown) and restarted under two `rnnlab worker`s:
both finish every trial, and every trial is COMPLETE (the ones running during the outage are written once
the server is back). Workers starting together on an empty database all create or find the schema."""
import re
import time

import optuna
import pytest

from fault_helpers import RNNLAB, Process

OBJECTIVE = """
exports.objective = async (trial) => {
  const x = trial.suggestFloat("x", -10, 10);
  trial.report(x, 0);
  if (process.env.SAY_RUNNING) console.log(`running ${trial.number}`);
  await new Promise((r) => setTimeout(r, trial.number > 0 ? Number(process.env.LATER_TRIALS_MS || 150) : 150));
  return x * x;
};
"""
TRIALS_EACH = 12


def worker(url, objective, n_trials, study="outage", grace=30):
    return Process([*RNNLAB, "--storage", url, "--study", study, "--objective", objective, "--n-trials", n_trials,
                    "--heartbeat-interval", "1", "--grace-period", grace])


@pytest.mark.parametrize("grace", [30, 2])
def test_two_workers_finish_through_a_postgresql_restart(postgres, tmp_path, grace):
    """With a grace period shorter than the outage, a worker back first may fail the other's running
    trial as stale (its heartbeats stopped): that trial ends FAIL with the reason, and both workers go on."""
    objective = tmp_path / "objective.js"
    objective.write_text(OBJECTIVE)
    url = postgres.new_database()  # empty: the two workers also race to create Optuna's schema
    workers = [worker(url, objective, TRIALS_EACH, grace=grace) for _ in range(2)]
    for w in workers:
        for _ in range(2):  # both mid-study: two trials done, ten to go
            w.wait_for(lambda line: line.startswith("trial "), timeout=60)
    postgres.stop("fast")
    time.sleep(3)
    postgres.start()
    outputs = [w.finish(timeout=120) for w in workers]
    assert all(f"{TRIALS_EACH} trials done" in out[-1] for out in outputs), outputs

    trials = optuna.load_study(study_name="outage", storage=url).trials
    assert [t.number for t in trials] == list(range(2 * TRIALS_EACH))
    if grace == 30:
        assert [t.state.name for t in trials] == ["COMPLETE"] * (2 * TRIALS_EACH)
    else:
        assert {t.state.name for t in trials} <= {"COMPLETE", "FAIL"}
        assert all("no heartbeat" in t.system_attrs["fail_reason"] for t in trials if t.state.name == "FAIL")
    assert all(t.intermediate_values == {0: t.params["x"]} for t in trials if t.state.name == "COMPLETE")


def test_workers_starting_together_on_an_empty_database_all_run(postgres, tmp_path):
    objective = tmp_path / "objective.js"
    objective.write_text(OBJECTIVE)
    for _ in range(3):
        url = postgres.new_database()
        workers = [worker(url, objective, 1, study="together") for _ in range(4)]
        for w in workers:
            w.finish(timeout=60)
        assert [t.state.name for t in optuna.load_study(study_name="together", storage=url).trials] == ["COMPLETE"] * 4


def test_an_outage_longer_than_retry_timeout_ends_the_worker_with_a_clear_error(postgres, tmp_path):
    objective = tmp_path / "objective.js"
    objective.write_text(OBJECTIVE)
    url = postgres.new_database()
    first = Process([*RNNLAB, "--storage", url, "--study", "long", "--objective", objective, "--n-trials", 1000,
                     "--retry-timeout", 1], env={"LATER_TRIALS_MS": "3000", "SAY_RUNNING": "1"})
    first.wait_for(lambda line: line == "running 1", timeout=60)  # trial 1 runs for 3 s: the outage comes in it
    postgres.stop("fast")
    try:
        rc = first.proc.wait(timeout=60)
        error = first.proc.stderr.read()
    finally:
        postgres.start()
    assert rc == 1, first.seen
    masked = url.replace("rnnlab-test-secret", "***")
    assert re.match(rf"RDBStorage\('{re.escape(masked)}'\) failed in setTrial\w+\([^)]*\) of trial 1: Error: could not use the "
                    rf"PostgreSQL database {re.escape(masked)} for 1\.\d s \(retried for up to retryTimeout = 1 s\): ", error), error
    assert "rnnlab-test-secret" not in error and "Unhandled" not in error and "    at " not in error, (error, first.seen)

    # Back up: the next worker on this host fails the trial the first one left, and runs.
    second = Process([*RNNLAB, "--storage", url, "--study", "long", "--objective", objective, "--n-trials", 2])
    second.finish(timeout=60)
    trials = optuna.load_study(study_name="long", storage=url).trials
    assert "RUNNING" not in {t.state.name for t in trials}
    failed = [t for t in trials if t.state.name == "FAIL"]
    assert len(failed) == 1 and f"pid {first.pid}" in failed[0].system_attrs["fail_reason"], (error, [(t.number, t.state.name) for t in trials])
