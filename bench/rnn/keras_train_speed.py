"""Keras side of bench/rnn/train-speed.ts: trains the seed's progressive RNN with Keras 3 on the
TensorFlow backend and prints one JSON line (the last line of stdout) with the epoch times.

The model mirrors rnnlab's buildRnnProgressive + compileRnn defaults exactly:
  [Bidirectional(]LSTM|GRU|SimpleRNN[, merge_mode='concat')] -> Dropout(rate), units halving per
  layer (max(units // 2, 1)), all but the last returning sequences, then Dense(1, 'sigmoid');
  Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7), binary cross-entropy, accuracy.
Keras defaults are the ones rnnlab copies: sigmoid recurrent activation, Glorot-uniform kernels,
orthogonal recurrent kernels, unit_forget_bias for LSTM, reset_after=True for GRU.

Data: numpy RandomState(seed).standard_normal((samples, timesteps, features)) as float32, labels
x[:, 0, 0] + x[:, -1, -1] > 0 — the same values train-speed.ts draws on the rnnlab side.

Run by train-speed.ts; by hand:
  .venv-tf/bin/python bench/rnn/keras_train_speed.py --cell LSTM --epochs 3
"""
import argparse
import json
import os
import platform
import resource
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cell", choices=["LSTM", "GRU", "RNN"], default="LSTM")
    p.add_argument("--bidirectional", action="store_true")
    p.add_argument("--samples", type=int, default=512)
    p.add_argument("--timesteps", type=int, default=100)
    p.add_argument("--features", type=int, default=10)
    p.add_argument("--units", type=int, default=128, help="units of the first recurrent layer")
    p.add_argument("--layers", type=int, default=3)
    p.add_argument("--dropout", type=float, default=0.3)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args()


def make_data(a):
    import numpy as np

    x64 = np.random.RandomState(a.seed).standard_normal((a.samples, a.timesteps, a.features))
    y = (x64[:, 0, 0] + x64[:, -1, -1] > 0).astype("float32").reshape(-1, 1)
    return x64.astype("float32"), y, float(x64.sum()), int(y.sum())


def build(a):
    import keras
    from keras import layers

    cells = {"LSTM": layers.LSTM, "GRU": layers.GRU, "RNN": layers.SimpleRNN}
    units, u = [], a.units
    for _ in range(a.layers):
        units.append(u)
        u = max(u // 2, 1)
    model = keras.Sequential(name="rnn_progressive")
    model.add(keras.Input(shape=(a.timesteps, a.features)))
    for i, n in enumerate(units):
        layer = cells[a.cell](n, return_sequences=i < len(units) - 1)
        if a.bidirectional:
            layer = layers.Bidirectional(layer, merge_mode="concat")
        model.add(layer)
        model.add(layers.Dropout(a.dropout))
    model.add(layers.Dense(1, activation="sigmoid"))
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    return model


def main():
    a = parse_args()
    started = time.perf_counter()
    import keras
    import numpy as np
    import tensorflow as tf

    keras.utils.set_random_seed(a.seed)
    x, y, x_sum, positives = make_data(a)
    model = build(a)

    class EpochTimer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.times, self.cpu_times, self.losses, self._t0, self._cpu0 = [], [], [], 0.0, 0.0

        def on_epoch_begin(self, epoch, logs=None):
            self._t0 = time.perf_counter()
            self._cpu0 = time.process_time()

        def on_epoch_end(self, epoch, logs=None):
            self.times.append(time.perf_counter() - self._t0)
            self.cpu_times.append(time.process_time() - self._cpu0)  # every thread of the process
            self.losses.append(float((logs or {}).get("loss", float("nan"))))

    timer = EpochTimer()
    model.fit(x, y, batch_size=a.batch, epochs=a.epochs, shuffle=True, verbose=0, callbacks=[timer])
    jit = getattr(model, "jit_compile", None)
    print(
        json.dumps(
            {
                "ok": True,
                "epochTimes": timer.times,
                "cpuTimes": timer.cpu_times,
                "losses": timer.losses,
                "params": int(model.count_params()),
                # Linux: ru_maxrss is in KiB.
                "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "dataSum": x_sum,
                "positives": positives,
                "totalSeconds": time.perf_counter() - started,
                "info": {
                    "framework": "keras",
                    "keras": keras.__version__,
                    "tensorflow": tf.__version__,
                    "numpy": np.__version__,
                    "python": platform.python_version(),
                    "kerasBackend": keras.backend.backend(),
                    "jitCompile": jit if isinstance(jit, (bool, str)) else str(jit),
                    "intraOpThreads": tf.config.threading.get_intra_op_parallelism_threads(),
                    "interOpThreads": tf.config.threading.get_inter_op_parallelism_threads(),
                },
            }
        )
    )


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # one JSON line either way, so the parent can report it
        print(json.dumps({"ok": False, "error": f"{type(error).__name__}: {error}"}))
        sys.exit(1)
