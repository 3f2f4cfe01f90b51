"""Computes the expected pruner decisions of kernel/src/study/pruners/*.spec.ts with Python Optuna.

Each case runs learning curves one trial after another through study.ask/tell: after each report the
pruner decides; a pruned trial stops there (PRUNED), the others complete with their last value.
Writes kernel/src/study/pruners/fixtures/pruner-cases.json.
Run: .venv/bin/python test/study/reference/pruner_reference.py
"""
import json
import math
from pathlib import Path

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)
OUT = Path(__file__).resolve().parents[3] / "kernel/src/study/pruners/fixtures/pruner-cases.json"


def curves(seed, n_trials, n_steps, nan_at=None):
    rng = np.random.RandomState(seed)
    out = []
    for i in range(n_trials):
        level = rng.uniform(0.2, 1.0)
        curve = [round(float(level * math.exp(-0.3 * s) + rng.uniform(0, 0.05)), 6) for s in range(n_steps)]
        if nan_at is not None and i == nan_at[0]:
            curve[nan_at[1]] = float("nan")
        out.append(curve)
    return out


def run(pruner, data, direction, study_name):
    study = optuna.create_study(direction=direction, pruner=pruner, study_name=study_name,
                                sampler=optuna.samplers.RandomSampler(seed=0))
    decisions = []
    for curve in data:
        trial = study.ask()
        trial_decisions = []
        for step, value in enumerate(curve):
            trial.report(value, step)
            pruned = trial.should_prune()
            trial_decisions.append(bool(pruned))
            if pruned:
                break
        decisions.append(trial_decisions)
        if trial_decisions[-1]:
            study.tell(trial, state=optuna.trial.TrialState.PRUNED)
        else:
            study.tell(trial, curve[-1])
    return decisions


CASES = [
    ("median-default", "MedianPruner", {}, {}, 12, 6, "minimize", None),
    ("median-warmup-interval", "MedianPruner", {"n_startup_trials": 3, "n_warmup_steps": 2, "interval_steps": 2},
     {"nStartupTrials": 3, "nWarmupSteps": 2, "intervalSteps": 2}, 12, 8, "minimize", None),
    ("median-maximize-nan", "MedianPruner", {"n_startup_trials": 2}, {"nStartupTrials": 2}, 10, 5, "maximize", (6, 2)),
    ("median-min-trials", "MedianPruner", {"n_startup_trials": 1, "n_min_trials": 3}, {"nStartupTrials": 1, "nMinTrials": 3}, 8, 5, "minimize", None),
    ("percentile-25", "PercentilePruner", {"percentile": 25.0, "n_startup_trials": 3}, {"percentile": 25, "nStartupTrials": 3}, 12, 6, "minimize", None),
    ("sha-default-auto", "SuccessiveHalvingPruner", {}, {}, 14, 9, "minimize", None),
    ("sha-min1-eta2", "SuccessiveHalvingPruner", {"min_resource": 1, "reduction_factor": 2}, {"minResource": 1, "reductionFactor": 2}, 14, 9, "minimize", None),
    ("sha-maximize-rate1", "SuccessiveHalvingPruner", {"min_resource": 1, "reduction_factor": 3, "min_early_stopping_rate": 1},
     {"minResource": 1, "reductionFactor": 3, "minEarlyStoppingRate": 1}, 12, 9, "maximize", None),
    ("hyperband-27", "HyperbandPruner", {"min_resource": 1, "max_resource": 27, "reduction_factor": 3},
     {"minResource": 1, "maxResource": 27, "reductionFactor": 3}, 20, 27, "minimize", None),
    ("hyperband-auto", "HyperbandPruner", {}, {}, 16, 9, "minimize", None),
]

cases = []
for seed, (name, cls, py_kwargs, ts_options, n_trials, n_steps, direction, nan_at) in enumerate(CASES):
    kwargs = dict(py_kwargs)
    if cls == "PercentilePruner":
        pruner = optuna.pruners.PercentilePruner(kwargs.pop("percentile"), **kwargs)
    else:
        pruner = getattr(optuna.pruners, cls)(**kwargs)
    data = curves(seed, n_trials, n_steps, nan_at)
    decisions = run(pruner, data, direction, f"case-{name}")
    cases.append({"name": name, "pruner": cls, "options": ts_options, "direction": direction,
                  "studyName": f"case-{name}", "curves": [[None if math.isnan(v) else v for v in c] for c in data],
                  "decisions": decisions})

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"optuna": optuna.__version__, "cases": cases}, indent=1) + "\n")
print(f"wrote {len(cases)} cases to {OUT}")
