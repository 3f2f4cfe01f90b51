"""Live views from a real kernel: the training MIME view with fallbacks, and model summaries (issue 3)."""
import json
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
TRAINING_MIME = "application/vnd.rnnlab.training.v1+json"
TRAINING_SCHEMA = json.loads((ROOT / "schema" / "training.v1.schema.json").read_text())


@pytest.fixture(scope="module", autouse=True)
def imports(kernel):
    assert kernel.execute(
        'import { buildRnnProgressive, compileRnn, fitLive, display } from "rnnlab";\n'
        'import * as tf from "@tensorflow/tfjs";'
    ).status == "ok"


def test_fit_live_shows_a_training_view_that_updates_in_place(kernel):
    result = kernel.execute(
        'const m = compileRnn(buildRnnProgressive({ inputShape: [5, 2], initialUnits: 4, numLayers: 2, seed: 3, name: "tiny<rnn>" }));\n'
        'const x = tf.randomNormal([40, 5, 2], 0, 1, "float32", 5); const y = tf.randomUniform([40, 1], 0, 1, "float32", 6).round();\n'
        'const h = await fitLive(m, x, y, { epochs: 3, batchSize: 10, validationSplit: 0.25, throttleMs: 0 });'
    )
    assert result.status == "ok", result.reply["content"]
    [first] = result.of_type("display_data")
    updates = result.of_type("update_display_data")
    assert updates, "the view never updated"
    display_id = first["content"]["transient"]["display_id"]
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    payloads = [first["content"]["data"][TRAINING_MIME]] + [u["content"]["data"][TRAINING_MIME] for u in updates]
    for payload in payloads:
        jsonschema.validate(payload, TRAINING_SCHEMA)
    assert payloads[0]["status"] == "running"
    final = updates[-1]["content"]["data"]
    assert final[TRAINING_MIME]["status"] == "finished"
    assert [e["epoch"] for e in final[TRAINING_MIME]["epochs"]] == [0, 1, 2]
    # Static fallbacks for frontends without the extension; user strings escaped.
    assert "<svg" in final["text/html"] and "tiny&lt;rnn&gt;" in final["text/html"]
    assert "tiny<rnn>" not in final["text/html"]
    assert "finished" in final["text/plain"]
    # No per-epoch text lines: the view replaces them.
    assert result.stream() == ""


def test_a_model_as_cell_result_shows_the_keras_summary_table(kernel):
    result = kernel.execute('buildRnnProgressive({ inputShape: [100, 10] })')
    [out] = result.of_type("execute_result")
    data = out["content"]["data"]
    assert "Total params: 133,025" in data["text/plain"]
    assert "<table" in data["text/html"] and "133,025" in data["text/html"]
    assert "(None, 100, 128)" in data["text/html"]


def test_a_history_as_cell_result_shows_a_compact_table_under_keras_names(kernel):
    result = kernel.execute(
        'const hm = compileRnn(buildRnnProgressive({ inputShape: [5, 2], initialUnits: 4, numLayers: 1, seed: 3 }));\n'
        'const hx = tf.randomNormal([40, 5, 2], 0, 1, "float32", 5); const hy = tf.randomUniform([40, 1], 0, 1, "float32", 6).round();\n'
        'await fitLive(hm, hx, hy, { epochs: 3, batchSize: 10, validationSplit: 0.25, throttleMs: 0 })'
    )
    assert result.status == "ok", result.reply["content"]
    [out] = result.of_type("execute_result")
    data = out["content"]["data"]
    lines = data["text/plain"].split("\n")
    assert lines[0] == "History: 3 epochs"
    assert [line.split()[0] for line in lines[1:]] == ["loss", "accuracy", "val_loss", "val_accuracy"]
    assert 'class="rnnlab-history"' in data["text/html"] and data["text/html"].count("rnnlab-sparkline") == 4
    # Keras 3 names are the keys; tfjs' short names still read the same arrays.
    keys = kernel.execute(
        'const hh = await hm.fit(hx, hy, { epochs: 1, verbose: 0, validationSplit: 0.25 });\n'
        'console.log(JSON.stringify(Object.keys(hh.history).sort()), hh.history.acc === hh.history.accuracy)'
    )
    assert keys.stream() == '["accuracy","loss","val_accuracy","val_loss"] true\n'
