"""Journal files shared by rnnlab and Python Optuna (the version pinned in requirements.txt), both ways."""
import math

import optuna

from study_helpers import journal_storage, read_with_rnnlab, run_node, same_number

STATES = {"COMPLETE": optuna.trial.TrialState.COMPLETE, "PRUNED": optuna.trial.TrialState.PRUNED,
          "FAIL": optuna.trial.TrialState.FAIL, "RUNNING": optuna.trial.TrialState.RUNNING,
          "WAITING": optuna.trial.TrialState.WAITING}


def test_python_reads_what_rnnlab_writes(journal):
    printed = run_node("journal_writer.ts", journal, "from-rnnlab", 10)
    assert printed.count('"state"') == 10
    study = optuna.load_study(study_name="from-rnnlab", storage=journal_storage(journal))
    assert study.direction == optuna.study.StudyDirection.MINIMIZE
    trials = study.trials
    assert [t.number for t in trials] == list(range(10))
    # The writer completes trials 0, 4, 5, 9; prunes 1, 6; fails 2, 7 (RangeError) and 3, 8 (NaN).
    assert [t.state.name for t in trials] == ["COMPLETE", "PRUNED", "FAIL", "FAIL", "COMPLETE"] * 2
    for t in trials:
        assert set(t.params) == {"x", "lr", "q", "n", "k", "c"}
        assert isinstance(t.params["x"], float) and -10 <= t.params["x"] <= 10
        assert 1e-5 <= t.params["lr"] <= 1e-1
        assert t.params["q"] in (0.0, 0.25, 0.5, 0.75, 1.0)
        assert isinstance(t.params["n"], int) and t.params["n"] in (1, 3, 5, 7, 9)
        assert isinstance(t.params["k"], int) and 1 <= t.params["k"] <= 64
        assert t.params["c"] in ("a", "b", None, True, 2.5, "é")
        assert t.distributions["x"] == optuna.distributions.FloatDistribution(-10, 10)
        assert t.distributions["lr"] == optuna.distributions.FloatDistribution(1e-5, 1e-1, log=True)
        assert t.distributions["q"] == optuna.distributions.FloatDistribution(0, 1, step=0.25)
        assert t.distributions["n"] == optuna.distributions.IntDistribution(1, 9, step=2)
        assert t.distributions["k"] == optuna.distributions.IntDistribution(1, 64, log=True)
        assert t.distributions["c"] == optuna.distributions.CategoricalDistribution(["a", "b", None, True, 2.5, "é"])
        iv = t.intermediate_values
        assert iv[0] == t.params["x"] ** 2 and math.isnan(iv[1]) and iv[2] == math.inf and iv[3] == -math.inf
        assert t.user_attrs == {"tag": f"t{t.number}"}
        assert t.datetime_start is not None and t.datetime_complete is not None
    complete = [t for t in trials if t.state.name == "COMPLETE"]
    for t in complete:
        assert t.value == t.params["x"] ** 2 + t.params["q"]
    assert trials[1].values == [-math.inf]  # a pruned trial keeps its last intermediate value, as Optuna
    assert trials[2].system_attrs["fail_reason"] == "RangeError: bad trial"
    assert "NaN" in trials[3].system_attrs["fail_reason"]
    assert study.best_trial.number == min(complete, key=lambda t: t.value).number


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
    if trial.number % 4 == 1:
        raise optuna.TrialPruned()
    if trial.number % 4 == 2:
        return float("nan")
    return x * x + q


def test_rnnlab_reads_and_extends_what_python_writes(journal):
    study = optuna.create_study(study_name="from-python", storage=journal_storage(journal),
                                sampler=optuna.samplers.RandomSampler(seed=0))
    study.optimize(python_objective, n_trials=8)
    study.enqueue_trial({"x": 1.5})
    expected = study.trials

    seen = read_with_rnnlab(journal, "from-python")
    assert seen["directions"] == ["minimize"]
    assert len(seen["trials"]) == 9
    for t, r in zip(expected, seen["trials"]):
        assert r["number"] == t.number
        assert STATES[r["state"]] == t.state
        assert r["params"] == t.params
        assert [(s, v) for s, v in r["intermediate"]] == [(s, r["intermediate"][i][1]) for i, s in enumerate(sorted(t.intermediate_values))]
        for (s, v) in r["intermediate"]:
            assert same_number(t.intermediate_values[s], v)
        if t.values is None:
            assert r["values"] is None
        else:
            assert all(same_number(a, b) for a, b in zip(t.values, r["values"]))
        assert r["userAttrs"] == t.user_attrs
    assert seen["trials"][8]["state"] == "WAITING"

    # rnnlab runs the queued trial first, then new ones; Python sees all of them.
    run_node("journal_writer.ts", journal, "from-python", 5, "plain")
    again = optuna.load_study(study_name="from-python", storage=journal_storage(journal))
    assert [t.number for t in again.trials] == list(range(13))
    assert again.trials[8].state.name == "COMPLETE" and again.trials[8].params["x"] == 1.5
    assert all(t.state.name == "COMPLETE" for t in again.trials[8:])
    assert [t.state for t in again.trials[:8]] == [t.state for t in expected[:8]]
