"""PostgreSQL stopped (every session ended with an admin shutdown) and restarted under two `rnnlab worker`s:
both finish every trial, and every trial is COMPLETE (the ones running during the outage are written once
the server is back). Workers starting together on an empty database all create or find the schema."""
import time

import optuna
import pytest

from fault_helpers import RNNLAB, Process

OBJECTIVE = """
exports.objective = async (trial) => {
  const x = trial.suggestFloat("x", -10, 10);
  trial.report(x, 0);
  await new Promise((r) => setTimeout(r, 150));
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
