"""Reference runs of Keras 3's EarlyStopping and ReduceLROnPlateau (kernel/src/model/callbacks/fixtures).

Each case drives the Keras callback with scripted epoch logs on a stand-in model whose "weights" are
the epoch number, so the fixture records when training stops, the best epoch, which epoch's weights
are restored, and the learning rate after each epoch. Run with a Python that has Keras 3 and a backend
(e.g. the .venv-tf that scripts/tensorflow-cpu.mjs makes):
    KERAS_BACKEND=tensorflow .venv-tf/bin/python tools/reference/keras_callbacks_reference.py
"""
import json
import os
import pathlib

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
import keras  # noqa: E402
import numpy as np  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parents[2] / "kernel/src/model/callbacks/fixtures/keras-callbacks.json"


class Optimizer:
    def __init__(self, lr):
        self.learning_rate = lr


class Model:
    def __init__(self, lr=0.01):
        self.epoch = -1
        self.stop_training = False
        self.restored = None
        self.optimizer = Optimizer(lr)

    def get_weights(self):
        return [np.array(self.epoch)]

    def set_weights(self, weights):
        self.restored = int(weights[0])


LOSS = [1.0, 0.8, 0.85, 0.79, 0.9, 0.95, 0.7, 0.99, 1.0, 1.1, 1.2, 1.3]
ACC = [0.5, 0.6, 0.62, 0.61, 0.6, 0.7, 0.69, 0.68, 0.7, 0.65]

EARLY = {
    "patience2_delta": dict(monitor="val_loss", logs=LOSS, args=dict(patience=2, min_delta=0.02, restore_best_weights=True)),
    "patience0": dict(monitor="val_loss", logs=LOSS, args=dict()),
    "patience3_no_restore": dict(monitor="val_loss", logs=LOSS, args=dict(patience=3)),
    "baseline": dict(monitor="val_loss", logs=[0.9, 0.8, 0.75, 0.74, 0.73, 0.72, 0.69, 0.71, 0.72, 0.73], args=dict(patience=2, baseline=0.7, restore_best_weights=True)),
    "start_from_epoch": dict(monitor="val_loss", logs=[0.1, 0.2, 0.3, 0.9, 0.8, 0.85, 0.86, 0.87, 0.88], args=dict(patience=1, start_from_epoch=3, restore_best_weights=True)),
    "max_mode": dict(monitor="val_accuracy", logs=ACC, args=dict(mode="max", patience=2, restore_best_weights=True)),
    "negative_delta": dict(monitor="val_loss", logs=LOSS, args=dict(patience=1, min_delta=-0.05)),
}

REDUCE = {
    "factor_half": dict(monitor="val_loss", logs=LOSS, args=dict(factor=0.5, patience=1, min_delta=0.0)),
    "cooldown_min_lr": dict(monitor="val_loss", logs=[1.0] * 12, args=dict(factor=0.1, patience=2, cooldown=1, min_lr=1e-4)),
    "max_mode": dict(monitor="val_accuracy", logs=ACC, args=dict(mode="max", factor=0.2, patience=2)),
}


def run_early(spec):
    model = Model()
    cb = keras.callbacks.EarlyStopping(monitor=spec["monitor"], **spec["args"])
    cb.set_model(model)
    cb.on_train_begin()
    epochs = 0
    for epoch, value in enumerate(spec["logs"]):
        model.epoch = epoch
        cb.on_epoch_end(epoch, {spec["monitor"]: value})
        epochs += 1
        if model.stop_training:
            break
    cb.on_train_end()
    return dict(epochsRun=epochs, stoppedEpoch=cb.stopped_epoch, bestEpoch=cb.best_epoch,
                best=None if cb.best is None else float(cb.best), restored=model.restored)


def run_reduce(spec):
    model = Model(lr=0.01)
    cb = keras.callbacks.ReduceLROnPlateau(monitor=spec["monitor"], **spec["args"])
    cb.set_model(model)
    cb.on_train_begin()
    rates = []
    for epoch, value in enumerate(spec["logs"]):
        cb.on_epoch_end(epoch, {spec["monitor"]: value})
        rates.append(float(model.optimizer.learning_rate))
    return dict(rates=rates)


def camel(args):
    return {"".join(w.capitalize() if i else w for i, w in enumerate(k.split("_"))): v for k, v in args.items()}


def main():
    out = {"keras": keras.__version__, "earlyStopping": {}, "reduceLROnPlateau": {}}
    for name, spec in EARLY.items():
        out["earlyStopping"][name] = dict(monitor=spec["monitor"], logs=spec["logs"], options=camel(spec["args"]), expected=run_early(spec))
    for name, spec in REDUCE.items():
        out["reduceLROnPlateau"][name] = dict(monitor=spec["monitor"], logs=spec["logs"], options=camel(spec["args"]), expected=run_reduce(spec))
    OUT.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
