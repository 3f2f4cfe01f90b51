"""scikit-learn + scikeras side of bench/search/grid-vs-sklearn.ts: the seed's GridSearchCV over
cell_type x initial_units (cv 3, n_jobs=-1) on Keras 3 / TensorFlow, timed wall-clock, one JSON line
(the last line of stdout).

The model is bench/rnn/keras_train_speed.py's build() (the seed's build_rnn_progressive, compiled
with Adam 0.001 and binary cross-entropy, the same layers as rnnlab's buildRnnProgressive + compileRnn),
with the seed's create_model defaults (2 layers, dropout 0.3); the data are that script's make_data()
(numpy RandomState(seed) standard normal), which --dump writes for the rnnlab side to read.

  .venv-tf/bin/python bench/search/sklearn_grid.py --dump data.bin      # x float32 then y float32
  .venv-tf/bin/python bench/search/sklearn_grid.py --epochs 10
"""
import argparse
import json
import os
import sys
import time
from types import SimpleNamespace

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rnn"))
from keras_train_speed import build, make_data  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--samples", type=int, default=512)
    p.add_argument("--timesteps", type=int, default=100)
    p.add_argument("--features", type=int, default=10)
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--cv", type=int, default=3)
    p.add_argument("--units", default="64,128", help="the initial_units of the grid")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--dump", help="write the data (x then y, float32) to this file and exit")
    return p.parse_args()


def create_model(cell_type="LSTM", initial_units=128, num_layers=2, dropout_rate=0.3, timesteps=100, features=10):
    args = SimpleNamespace(cell=cell_type, units=initial_units, layers=num_layers, dropout=dropout_rate,
                           bidirectional=False, timesteps=timesteps, features=features)
    return build(args)


def main():
    a = parse_args()
    x, y, _, _ = make_data(a)
    if a.dump:
        with open(a.dump, "wb") as f:
            f.write(x.tobytes())
            f.write(y.tobytes())
        return
    import keras
    import sklearn
    import scikeras
    from scikeras.wrappers import KerasClassifier
    from sklearn.model_selection import GridSearchCV

    keras.utils.set_random_seed(a.seed)
    estimator = KerasClassifier(model=create_model, model__timesteps=a.timesteps, model__features=a.features,
                                epochs=a.epochs, batch_size=a.batch, verbose=0)
    grid = GridSearchCV(estimator=estimator, cv=a.cv, n_jobs=-1, param_grid={
        "model__cell_type": ["LSTM", "GRU"],
        "model__initial_units": [int(u) for u in a.units.split(",")],
    })
    started = time.perf_counter()
    grid.fit(x, y.ravel())
    seconds = time.perf_counter() - started
    print(json.dumps({
        "ok": True,
        "seconds": seconds,
        "meanFitSeconds": [float(t) for t in grid.cv_results_["mean_fit_time"]],
        "meanTestScore": [float(s) for s in grid.cv_results_["mean_test_score"]],
        "params": [{k.replace("model__", ""): v for k, v in p.items()} for p in grid.cv_results_["params"]],
        "versions": {"sklearn": sklearn.__version__, "scikeras": scikeras.__version__, "keras": keras.__version__},
    }))


if __name__ == "__main__":
    try:
        main()
    except Exception as error:
        print(json.dumps({"ok": False, "error": f"{type(error).__name__}: {error}"}))
        sys.exit(1)
