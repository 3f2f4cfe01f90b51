"""Reference values for rnnlab's scikit-learn-compatible search (kernel/src/search/fixtures).

Run with a Python that has scikit-learn and scipy:
    python tools/reference/sklearn_search_reference.py > kernel/src/search/fixtures/sklearn-reference.json
"""
import json

import numpy as np
import scipy
import sklearn
from scipy.stats import loguniform, randint, uniform
from sklearn.model_selection import KFold, ParameterGrid, ParameterSampler, StratifiedKFold, TimeSeriesSplit


def folds(splitter, n, y=None):
    X = np.zeros((n, 1))
    return [[train.tolist(), test.tolist()] for train, test in splitter.split(X, y)]


Y_BINARY = [0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1]
Y_THREE = [2, 0, 1, 1, 2, 0, 2, 2, 1, 0, 2, 1, 0, 2, 2]
Y_STRINGS = ["b", "a", "a", "b", "c", "a", "b", "c", "a", "b"]

SPLITS = {
    "kfold_n10_k3": dict(kind="KFold", args=dict(n_splits=3), n=10),
    "kfold_n11_k5": dict(kind="KFold", args=dict(n_splits=5), n=11),
    "kfold_n10_k3_shuffle0": dict(kind="KFold", args=dict(n_splits=3, shuffle=True, random_state=0), n=10),
    "kfold_n13_k4_shuffle42": dict(kind="KFold", args=dict(n_splits=4, shuffle=True, random_state=42), n=13),
    "skf_binary_k3": dict(kind="StratifiedKFold", args=dict(n_splits=3), y=Y_BINARY),
    "skf_three_k3": dict(kind="StratifiedKFold", args=dict(n_splits=3), y=Y_THREE),
    "skf_three_k4_shuffle1": dict(kind="StratifiedKFold", args=dict(n_splits=4, shuffle=True, random_state=1), y=Y_THREE),
    "skf_strings_k3_shuffle7": dict(kind="StratifiedKFold", args=dict(n_splits=3, shuffle=True, random_state=7), y=Y_STRINGS),
    "tss_n10_k3": dict(kind="TimeSeriesSplit", args=dict(n_splits=3), n=10),
    "tss_n12_k4_gap1_max3": dict(kind="TimeSeriesSplit", args=dict(n_splits=4, gap=1, max_train_size=3), n=12),
    "tss_n10_k2_test2": dict(kind="TimeSeriesSplit", args=dict(n_splits=2, test_size=2), n=10),
}

CLASSES = {"KFold": KFold, "StratifiedKFold": StratifiedKFold, "TimeSeriesSplit": TimeSeriesSplit}


def main():
    out = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
           "splits": {}, "grids": {}, "samplers": {}}
    for name, spec in SPLITS.items():
        splitter = CLASSES[spec["kind"]](**spec["args"])
        y = spec.get("y")
        n = len(y) if y is not None else spec["n"]
        out["splits"][name] = dict(spec, n=n, folds=folds(splitter, n, y))

    seed_grid = {"cell_type": ["LSTM", "GRU"], "initial_units": [64, 128], "num_layers": [2, 3],
                 "dropout_rate": [0.2, 0.5], "learning_rate": [0.001, 0.01], "batch_size": [32, 64],
                 "epochs": [10, 20]}
    out["grids"]["seed"] = dict(grid=seed_grid, candidates=list(ParameterGrid(seed_grid)))
    two = [{"kernel": ["linear"], "C": [1, 10]}, {"kernel": ["rbf"], "C": [1, 10], "gamma": [0.1, 0.01]}]
    out["grids"]["list_of_grids"] = dict(grid=two, candidates=list(ParameterGrid(two)))

    seed_dist = {"cell_type": ["LSTM", "GRU"], "initial_units": randint(64, 256), "num_layers": randint(1, 4),
                 "dropout_rate": uniform(0.2, 0.5), "learning_rate": uniform(1e-4, 1e-2),
                 "batch_size": [16, 32, 64], "epochs": randint(10, 30)}
    for seed in (0, 42):
        sampled = list(ParameterSampler(seed_dist, n_iter=6, random_state=seed))
        out["samplers"][f"seed_dist_rs{seed}"] = dict(random_state=seed, n_iter=6, candidates=[
            {k: (v.item() if hasattr(v, "item") else v) for k, v in c.items()} for c in sampled])
    log_dist = {"lr": loguniform(1e-5, 1e-2), "units": randint(8, 64)}
    sampled = list(ParameterSampler(log_dist, n_iter=5, random_state=3))
    out["samplers"]["loguniform_rs3"] = dict(random_state=3, n_iter=5, candidates=[
        {k: (v.item() if hasattr(v, "item") else v) for k, v in c.items()} for c in sampled])
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
