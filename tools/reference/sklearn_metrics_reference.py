"""Reference values for rnnlab's metrics and trainTestSplit (kernel/src/metrics/fixtures,
kernel/src/search/fixtures/sklearn-split-reference.json).

Run with a Python that has scikit-learn:
    python tools/reference/sklearn_metrics_reference.py
It writes both files.
"""
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.model_selection import ShuffleSplit, StratifiedShuffleSplit, train_test_split

ROOT = pathlib.Path(__file__).resolve().parents[2]

rng = np.random.RandomState(3)
Y_BIN_TRUE = rng.randint(0, 2, 40).tolist()
Y_BIN_PRED = [int(v) if rng.rand() < 0.75 else 1 - int(v) for v in Y_BIN_TRUE]
Y_BIN_SCORE = np.round(rng.rand(40) * 0.6 + 0.4 * np.array(Y_BIN_TRUE), 3).tolist()
Y_MC_TRUE = rng.randint(0, 3, 30).tolist()
Y_MC_PRED = [v if rng.rand() < 0.6 else int(rng.randint(0, 3)) for v in Y_MC_TRUE]
_raw = rng.rand(30, 3) + np.eye(3)[Y_MC_TRUE]
Y_MC_PROBA = (_raw / _raw.sum(axis=1, keepdims=True)).tolist()
Y_STR_TRUE = ["cat", "dog", "bird", "dog", "cat", "cat", "bird", "dog", "dog", "cat"]
Y_STR_PRED = ["cat", "dog", "dog", "dog", "bird", "cat", "bird", "cat", "dog", "cat"]
Y_REG_TRUE = np.round(rng.randn(25) * 3 + 1, 4).tolist()
Y_REG_PRED = np.round(np.array(Y_REG_TRUE) + rng.randn(25), 4).tolist()
Y_REG2_TRUE = np.round(rng.randn(12, 2), 4).tolist()
Y_REG2_PRED = np.round(np.array(Y_REG2_TRUE) + rng.randn(12, 2) * 0.5, 4).tolist()


def prf(y_true, y_pred, **kw):
    out = {}
    for name, fn in (("precision", metrics.precision_score), ("recall", metrics.recall_score), ("f1", metrics.f1_score)):
        value = fn(y_true, y_pred, **kw)
        out[name] = value.tolist() if isinstance(value, np.ndarray) else float(value)
    return out


def metric_cases():
    cases = {"data": dict(bin_true=Y_BIN_TRUE, bin_pred=Y_BIN_PRED, bin_score=Y_BIN_SCORE, mc_true=Y_MC_TRUE,
                          mc_pred=Y_MC_PRED, mc_proba=Y_MC_PROBA, str_true=Y_STR_TRUE, str_pred=Y_STR_PRED,
                          reg_true=Y_REG_TRUE, reg_pred=Y_REG_PRED, reg2_true=Y_REG2_TRUE, reg2_pred=Y_REG2_PRED)}
    cases["accuracy"] = dict(binary=metrics.accuracy_score(Y_BIN_TRUE, Y_BIN_PRED),
                             multiclass=metrics.accuracy_score(Y_MC_TRUE, Y_MC_PRED),
                             strings=metrics.accuracy_score(Y_STR_TRUE, Y_STR_PRED),
                             count=int(metrics.accuracy_score(Y_MC_TRUE, Y_MC_PRED, normalize=False)))
    cases["prf"] = {
        "binary": prf(Y_BIN_TRUE, Y_BIN_PRED),
        "binary_pos0": prf(Y_BIN_TRUE, Y_BIN_PRED, pos_label=0),
        **{f"mc_{a}": prf(Y_MC_TRUE, Y_MC_PRED, average=a) for a in ("micro", "macro", "weighted")},
        "mc_none": prf(Y_MC_TRUE, Y_MC_PRED, average=None),
        **{f"str_{a}": prf(Y_STR_TRUE, Y_STR_PRED, average=a) for a in ("micro", "macro", "weighted")},
        "mc_macro_labels01": prf(Y_MC_TRUE, Y_MC_PRED, average="macro", labels=[0, 1]),
        "mc_micro_labels21": prf(Y_MC_TRUE, Y_MC_PRED, average="micro", labels=[2, 1]),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cases["prf"]["zero_division_warn"] = prf([0, 0, 1, 1], [0, 0, 0, 0])
        cases["prf"]["zero_division_1"] = prf([0, 0, 1, 1], [0, 0, 0, 0], zero_division=1)
        cases["prf"]["macro_missing_class"] = prf([0, 1, 2, 2], [0, 1, 1, 1], average="macro")
    cases["confusion"] = dict(
        binary=metrics.confusion_matrix(Y_BIN_TRUE, Y_BIN_PRED).tolist(),
        multiclass=metrics.confusion_matrix(Y_MC_TRUE, Y_MC_PRED).tolist(),
        strings=metrics.confusion_matrix(Y_STR_TRUE, Y_STR_PRED).tolist(),
        labels=metrics.confusion_matrix(Y_MC_TRUE, Y_MC_PRED, labels=[2, 0]).tolist(),
        **{f"norm_{n}": metrics.confusion_matrix(Y_MC_TRUE, Y_MC_PRED, normalize=n).tolist() for n in ("true", "pred", "all")},
    )
    cases["roc_auc"] = dict(binary=metrics.roc_auc_score(Y_BIN_TRUE, Y_BIN_SCORE),
                            ties=metrics.roc_auc_score([0, 0, 1, 1, 1, 0], [0.5, 0.5, 0.5, 0.9, 0.1, 0.2]),
                            ovr_macro=metrics.roc_auc_score(Y_MC_TRUE, Y_MC_PROBA, multi_class="ovr"),
                            ovr_weighted=metrics.roc_auc_score(Y_MC_TRUE, Y_MC_PROBA, multi_class="ovr", average="weighted"))
    cases["log_loss"] = dict(binary=metrics.log_loss(Y_BIN_TRUE, Y_BIN_SCORE),
                             multiclass=metrics.log_loss(Y_MC_TRUE, Y_MC_PROBA),
                             clipped=metrics.log_loss([0, 1, 1], [0.0, 1.0, 0.3]),
                             sum=metrics.log_loss(Y_MC_TRUE, Y_MC_PROBA, normalize=False))
    cases["regression"] = dict(
        mse=metrics.mean_squared_error(Y_REG_TRUE, Y_REG_PRED),
        mae=metrics.mean_absolute_error(Y_REG_TRUE, Y_REG_PRED),
        r2=metrics.r2_score(Y_REG_TRUE, Y_REG_PRED),
        mse2=metrics.mean_squared_error(Y_REG2_TRUE, Y_REG2_PRED),
        mae2_raw=metrics.mean_absolute_error(Y_REG2_TRUE, Y_REG2_PRED, multioutput="raw_values").tolist(),
        r2_2=metrics.r2_score(Y_REG2_TRUE, Y_REG2_PRED),
        r2_2_raw=metrics.r2_score(Y_REG2_TRUE, Y_REG2_PRED, multioutput="raw_values").tolist(),
        r2_constant=metrics.r2_score([2, 2, 2], [2, 2, 1]),
    )
    cases["report"] = dict(
        binary=metrics.classification_report(Y_BIN_TRUE, Y_BIN_PRED),
        multiclass_digits4=metrics.classification_report(Y_MC_TRUE, Y_MC_PRED, digits=4),
        strings=metrics.classification_report(Y_STR_TRUE, Y_STR_PRED),
        names=metrics.classification_report(Y_MC_TRUE, Y_MC_PRED, target_names=["rain", "sun", "a long class name"]),
        labels_subset=metrics.classification_report(Y_MC_TRUE, Y_MC_PRED, labels=[0, 1]),
        ties=metrics.classification_report([0, 0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 1, 1]),
        dict=metrics.classification_report(Y_MC_TRUE, Y_MC_PRED, output_dict=True),
    )
    return cases


def as_list(values):
    return [int(v) for v in values]


def split_cases():
    X = np.arange(20)
    y_bin = [0] * 13 + [1] * 7
    y3 = (np.arange(23) % 3 == 0).astype(int) + (np.arange(23) % 5 == 0).astype(int)
    out = {"train_test_split": [], "shuffle_split": [], "stratified_shuffle_split": []}
    specs = [
        dict(n=20, kw=dict(random_state=0)),
        dict(n=20, kw=dict(test_size=0.3, random_state=42)),
        dict(n=20, kw=dict(test_size=5, train_size=10, random_state=7)),
        dict(n=20, kw=dict(train_size=0.6, random_state=1)),
        dict(n=20, kw=dict(test_size=0.25, shuffle=False)),
        dict(n=20, kw=dict(test_size=0.3, random_state=0), stratify=y_bin),
        dict(n=23, kw=dict(test_size=0.2, random_state=5), stratify=y3.tolist()),
        dict(n=10, kw=dict(test_size=0.3, random_state=3), stratify=["a", "b", "a", "b", "c", "c", "a", "b", "c", "a"]),
        dict(n=7, kw=dict(random_state=2)),
    ]
    for spec in specs:
        Xn = np.arange(spec["n"])
        kw = dict(spec["kw"])
        if "stratify" in spec:
            kw["stratify"] = spec["stratify"]
        train, test = train_test_split(Xn, **kw)
        out["train_test_split"].append(dict(n=spec["n"], options=spec["kw"], stratify=spec.get("stratify"),
                                            train=as_list(train), test=as_list(test)))
    for kw in (dict(n_splits=3, test_size=0.25, random_state=0), dict(n_splits=2, test_size=4, train_size=10, random_state=9)):
        splits = [[as_list(a), as_list(b)] for a, b in ShuffleSplit(**kw).split(X)]
        out["shuffle_split"].append(dict(n=20, options=kw, splits=splits))
    for kw, y in ((dict(n_splits=3, test_size=0.3, random_state=0), y_bin), (dict(n_splits=2, test_size=0.2, train_size=0.5, random_state=11), y3.tolist())):
        splits = [[as_list(a), as_list(b)] for a, b in StratifiedShuffleSplit(**kw).split(np.zeros(len(y)), y)]
        out["stratified_shuffle_split"].append(dict(n=len(y), y=y, options=kw, splits=splits))
    return out


def main():
    versions = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    (ROOT / "kernel/src/metrics/fixtures/sklearn-metrics.json").write_text(json.dumps({**versions, **metric_cases()}, indent=1) + "\n")
    (ROOT / "kernel/src/search/fixtures/sklearn-split-reference.json").write_text(json.dumps({**versions, **split_cases()}, indent=1) + "\n")


if __name__ == "__main__":
    main()
