import os, json
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras


def progressive_units(initial_units, num_layers):
    units, u = [], initial_units
    for _ in range(num_layers):
        units.append(u)
        u = max(u // 2, 1)
    return units


def build(input_shape, initial_units=128, num_layers=3, cell_type='LSTM', dropout_rate=0.3,
          bidirectional=False, output_units=1, output_activation='sigmoid', merge_mode='concat',
          units_list=None):
    units = list(units_list) if units_list is not None else progressive_units(initial_units, num_layers)
    RNN = {'LSTM': keras.layers.LSTM, 'GRU': keras.layers.GRU, 'RNN': keras.layers.SimpleRNN}[cell_type]
    model = keras.Sequential([keras.Input(shape=input_shape)])
    for i, u in enumerate(units):
        layer = RNN(u, return_sequences=(i < len(units) - 1))
        if bidirectional:
            layer = keras.layers.Bidirectional(layer, merge_mode=merge_mode)
        model.add(layer)
        model.add(keras.layers.Dropout(dropout_rate))
    model.add(keras.layers.Dense(output_units, activation=output_activation))
    return model, units


CONFIGS = {
    "seed_lstm": dict(input_shape=(100, 10)),
    "seed_gru": dict(input_shape=(100, 10), cell_type='GRU'),
    "seed_rnn": dict(input_shape=(100, 10), cell_type='RNN'),
    "bilstm_concat": dict(input_shape=(100, 10), cell_type='LSTM', bidirectional=True, merge_mode='concat'),
    "bigru_sum": dict(input_shape=(20, 5), cell_type='GRU', initial_units=32, num_layers=2, bidirectional=True, merge_mode='sum'),
    "bilstm_ave": dict(input_shape=(20, 5), cell_type='LSTM', initial_units=16, num_layers=3, bidirectional=True, merge_mode='ave'),
    "birnn_mul": dict(input_shape=(20, 5), cell_type='RNN', initial_units=16, num_layers=2, bidirectional=True, merge_mode='mul'),
    "fixed_lstm": dict(input_shape=(50, 8), cell_type='LSTM', units_list=[64, 64, 64]),
    "explicit_gru_softmax": dict(input_shape=(30, 4), cell_type='GRU', units_list=[96, 48, 16], output_units=3, output_activation='softmax'),
    "progressive_min2_rnn": dict(input_shape=(10, 3), cell_type='RNN', units_list=[8, 4, 2, 2, 2], output_activation='linear'),
    "single_lstm": dict(input_shape=(12, 6), cell_type='LSTM', initial_units=16, num_layers=1),
    "seed_floor1": dict(input_shape=(7, 2), cell_type='LSTM', initial_units=4, num_layers=4),
    "gru_regression": dict(input_shape=(24, 1), cell_type='GRU', initial_units=32, num_layers=2, output_units=1, output_activation='linear'),
}


def weight_shapes(layer):
    return [{"name": w.path, "shape": list(w.shape)} for w in layer.weights]


def main():
    out = {"keras_version": keras.__version__, "backend": keras.backend.backend(), "configs": {}}
    for name, args in CONFIGS.items():
        model, units = build(**args)
        layers = []
        for l in model.layers:
            shp = l.output.shape
            layers.append({"class": type(l).__name__,
                           "outputShape": [int(d) for d in shp[1:]],
                           "params": int(l.count_params())})
        full_args = dict(args)
        full_args["input_shape"] = list(args["input_shape"])
        entry = {"args": full_args, "units": units, "total": int(model.count_params()), "layers": layers}
        assert entry["total"] == sum(x["params"] for x in layers)
        if name == "seed_gru":
            first = model.layers[0]
            entry["weightShapes"] = {"layer": type(first).__name__, "reset_after": first.cell.reset_after,
                                     "weights": weight_shapes(first)}
        if name == "bilstm_concat":
            first = model.layers[0]
            entry["weightShapes"] = {"layer": type(first).__name__, "weights": weight_shapes(first)}
        out["configs"][name] = entry
        print(f"{name:24s} units={units} total={entry['total']}")
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "keras_reference.json"), "w") as f:
        json.dump(out, f, indent=2)
    print("keras", out["keras_version"], "backend", out["backend"])
    print("seed_lstm == 133025:", out["configs"]["seed_lstm"]["total"] == 133025)


if __name__ == "__main__":
    main()
