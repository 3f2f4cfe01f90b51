"""Parameters Python Optuna's seeded RandomSampler, GridSampler and TPESampler (start-up trials) draw.

rnnlab's samplers use numpy's legacy RandomState (MT19937) in the same way, so for the same seed and
the same suggest calls they draw the same values; kernel/src/study/samplers/python-draws.spec.ts
compares them with this file's output.

Run: .venv/bin/python tools/reference/optuna_sampler_reference.py > kernel/src/study/fixtures/optuna-draws.json
"""
import json
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def objective(trial: optuna.Trial) -> float:
    # One suggestion of every distribution kind, in a fixed order (the order of draws matters).
    x = trial.suggest_float("x", -10.0, 10.0)
    lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    rate = trial.suggest_float("rate", 0.0, 0.5, step=0.05)
    layers = trial.suggest_int("layers", 1, 4)
    units = trial.suggest_int("units", 8, 256, log=True)
    batch = trial.suggest_int("batch", 16, 128, step=16)
    cell = trial.suggest_categorical("cell", ["LSTM", "GRU", "RNN"])
    flag = trial.suggest_categorical("flag", [True, False, None, 3])
    return x * x + layers


def grid_objective(trial: optuna.Trial) -> float:
    cell = trial.suggest_categorical("cellType", ["LSTM", "GRU", "RNN"])
    units = trial.suggest_categorical("initialUnits", [32, 64, 128, 256])
    return float(units) + len(cell)


def params_of(study: optuna.Study) -> list[dict]:
    return [t.params for t in study.trials]


def main() -> None:
    out = {"optuna": optuna.__version__, "random": {}, "grid": {}, "tpeStartup": {}}
    for seed in (0, 7, 12345):
        study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=seed))
        study.optimize(objective, n_trials=25)
        out["random"][str(seed)] = params_of(study)
    for seed in (0, 3):
        grid = {"cellType": ["LSTM", "GRU", "RNN"], "initialUnits": [32, 64, 128, 256]}
        study = optuna.create_study(sampler=optuna.samplers.GridSampler(grid, seed=seed))
        study.optimize(grid_objective, n_trials=12)
        out["grid"][str(seed)] = params_of(study)
    for seed in (1,):
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed, n_startup_trials=10))
        study.optimize(objective, n_trials=10)
        out["tpeStartup"][str(seed)] = params_of(study)
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
