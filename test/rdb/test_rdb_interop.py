"""RDB databases shared by rnnlab and Python Optuna (pinned in requirements.txt), both ways, on
SQLite and on PostgreSQL: Python's `optuna.load_study(storage=url)` opens what rnnlab writes, and
rnnlab opens, reads and extends what Python writes."""
import math

import optuna
import pytest

from rdb_helpers import python_value, read_with_rnnlab, run_node


def test_python_reads_what_rnnlab_writes(db_url):
    printed = run_node("rdb_writer.ts", db_url, "from-rnnlab", 10)
    assert printed.count('"state"') == 10
    study = optuna.load_study(study_name="from-rnnlab", storage=db_url)
    assert study.direction == optuna.study.StudyDirection.MINIMIZE
    trials = study.trials
    assert [t.number for t in trials] == list(range(10))
    # The writer completes trials 0, 3 (+Infinity), 4, 5, 8, 9; prunes 1, 6; fails 2, 7 (RangeError).
    assert [t.state.name for t in trials] == ["COMPLETE", "PRUNED", "FAIL", "COMPLETE", "COMPLETE"] * 2
    for t in trials:
        assert t.distributions == {
            "x": optuna.distributions.FloatDistribution(-10, 10),
            "lr": optuna.distributions.FloatDistribution(1e-5, 1e-1, log=True),
            "q": optuna.distributions.FloatDistribution(0, 1, step=0.25),
            "n": optuna.distributions.IntDistribution(1, 9, step=2),
            "k": optuna.distributions.IntDistribution(1, 64, log=True),
            "c": optuna.distributions.CategoricalDistribution(["a", "b", None, True, 2.5, "é"]),
        }
        assert isinstance(t.params["n"], int) and t.params["n"] in (1, 3, 5, 7, 9)
        assert t.params["c"] in ("a", "b", None, True, 2.5, "é")
        iv = t.intermediate_values
        assert iv[0] == t.params["x"] ** 2 and math.isnan(iv[1]) and iv[2] == math.inf and iv[3] == -math.inf
        assert t.user_attrs == {"tag": f"t{t.number}"}
        assert t.datetime_start is not None and t.datetime_complete is not None
        assert t.system_attrs["rnnlab:worker"]["pid"] > 0
    assert trials[0].value == trials[0].params["x"] ** 2 + trials[0].params["q"]
    assert trials[3].value == math.inf
    assert trials[1].values == [-math.inf]  # a pruned trial keeps its last intermediate value
    assert trials[2].system_attrs["fail_reason"] == "RangeError: bad trial"
    finite = [t for t in trials if t.state.name == "COMPLETE" and math.isfinite(t.value)]
    assert study.best_trial.number == min(finite, key=lambda t: t.value).number
    # Python continues the study rnnlab created.
    study.optimize(lambda t: t.suggest_float("x", -10, 10) ** 2, n_trials=2)
    assert [t.number for t in optuna.load_study(study_name="from-rnnlab", storage=db_url).trials] == list(range(12))


def python_objective(trial):
    x = trial.suggest_float("x", -10, 10)
    trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    q = trial.suggest_float("q", 0, 1, step=0.25)
    trial.suggest_int("n", 1, 9, step=2)
    trial.suggest_int("k", 1, 64, log=True)
    trial.suggest_categorical("c", ["a", "b", None, True, 2.5, "é"])
    trial.set_user_attr("tag", f"py{trial.number}")
    trial.report(x * x, 0)
    trial.report(float("nan"), 1)
    trial.report(float("-inf"), 2)
    if trial.number % 4 == 1:
        raise optuna.TrialPruned()
    if trial.number % 4 == 2:
        return float("inf")
    return x * x + q


def test_rnnlab_reads_and_extends_what_python_writes(db_url):
    study = optuna.create_study(study_name="from-python", storage=db_url, sampler=optuna.samplers.RandomSampler(seed=0))
    study.set_user_attr("owner", "python")
    study.optimize(python_objective, n_trials=8)
    study.enqueue_trial({"x": 1.5})
    expected = study.trials

    seen = read_with_rnnlab(db_url, "from-python")
    assert seen["directions"] == ["minimize"]
    assert len(seen["trials"]) == 9
    for t, r in zip(expected, seen["trials"]):
        assert (r["number"], r["state"]) == (t.number, t.state.name)
        assert r["params"] == t.params
        assert [s for s, _v in r["intermediate"]] == sorted(t.intermediate_values)
        for s, v in r["intermediate"]:
            a, b = t.intermediate_values[s], python_value(v)
            assert a == b or (math.isnan(a) and math.isnan(b))
        assert r["values"] is None if t.values is None else [python_value(v) for v in r["values"]] == t.values
        assert r["userAttrs"] == t.user_attrs
    assert seen["trials"][8]["state"] == "WAITING"

    # rnnlab runs the queued trial first, then new ones; Python sees all of them.
    run_node("rdb_writer.ts", db_url, "from-python", 5, "plain")
    again = optuna.load_study(study_name="from-python", storage=db_url)
    assert [t.number for t in again.trials] == list(range(13))
    assert again.trials[8].state.name == "COMPLETE" and again.trials[8].params["x"] == 1.5
    assert all(t.state.name == "COMPLETE" for t in again.trials[8:])
    assert [(t.state, t.params, t.values) for t in again.trials[:8]] == [(t.state, t.params, t.values) for t in expected[:8]]
    assert again.user_attrs == {"owner": "python"}


def test_refuses_a_database_at_another_schema_revision(sqlite_url):
    optuna.create_study(study_name="old", storage=sqlite_url)
    import sqlite3
    with sqlite3.connect(sqlite_url[len("sqlite:///"):]) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'v3.0.0.d'")
    with pytest.raises(AssertionError, match="alembic revision 'v3.0.0.d'"):
        read_with_rnnlab(sqlite_url, "old")
