"""The seed's Optuna block in the real kernel: live study view, and nJobs trials in worker threads."""
import json
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
STUDY_MIME = "application/vnd.rnnlab.study.v1+json"
STUDY_SCHEMA = json.loads((ROOT / "schema" / "study.v1.schema.json").read_text())

SETUP = """
import { buildRnnProgressive, compileRnn, createStudy, TPESampler, type Trial } from "rnnlab";
import * as tf from "@tensorflow/tfjs";
const n = 48;
const X_train = tf.randomNormal([n, 6, 2], 0, 1, "float32", 3);
const y = Array.from(X_train.slice([0, 0, 0], [n, 6, 1]).sum([1, 2]).dataSync()).map((s) => (s > 0 ? 1 : 0));
const y_train = tf.tensor2d(y, [n, 1]);

async function objective(trial: Trial) {
  const model = buildRnnProgressive({
    inputShape: [6, 2],
    cellType: trial.suggestCategorical("cellType", ["LSTM", "GRU"]),
    initialUnits: trial.suggestInt("initialUnits", 2, 8),
    numLayers: trial.suggestInt("numLayers", 1, 2),
    dropoutRate: trial.suggestUniform("dropoutRate", 0.2, 0.5),
  });
  const learningRate = trial.suggestLoguniform("learningRate", 1e-3, 1e-1);
  compileRnn(model, { optimizer: "adam", learningRate, loss: "binaryCrossentropy", metrics: ["accuracy"] });
  const h = await model.fit(X_train, y_train, { batchSize: trial.suggestCategorical("batchSize", [16, 32]), epochs: trial.suggestInt("epochs", 1, 3), verbose: 0 });
  trial.setUserAttr("thread", require("node:worker_threads").threadId);
  const acc = h.history.acc as number[];
  return acc[acc.length - 1];
}
"""


@pytest.fixture(scope="module", autouse=True)
def setup(kernel):
    result = kernel.execute(SETUP)
    assert result.status == "ok", result.reply["content"]


def views(result):
    return [m["content"]["data"][STUDY_MIME] for m in result.outputs
            if m["msg_type"] in ("display_data", "update_display_data") and STUDY_MIME in m["content"]["data"]]


def test_seed_optuna_block_shows_a_live_study_view(kernel):
    result = kernel.execute("""
const study = await createStudy({ direction: "maximize", sampler: new TPESampler({ seed: 0 }) });
await study.optimize(objective, { nTrials: 4 });
console.log("Best Parameters:", JSON.stringify(study.bestParams));
console.log("Best Accuracy:", study.bestValue);
""")
    assert result.status == "ok", result.reply["content"]
    assert "Best Parameters:" in result.stream() and "Best Accuracy:" in result.stream()
    payloads = views(result)
    assert payloads, "no study view"
    for payload in payloads:
        jsonschema.validate(payload, STUDY_SCHEMA)
    final = payloads[-1]
    assert final["kind"] == "study" and final["status"] == "finished" and final["controls"] is None
    assert [t["state"] for t in final["trials"]] == ["COMPLETE"] * 4
    assert payloads[0]["controls"]["commTarget"] == "rnnlab.study"


def test_n_jobs_runs_trials_in_worker_threads(kernel):
    result = kernel.execute("""
const parallel = await createStudy({ direction: "maximize", sampler: new TPESampler({ seed: 1 }) });
await parallel.optimize(objective, { nTrials: 4, nJobs: 2, show: false });
console.log(JSON.stringify(parallel.trials.map((t) => ({ state: t.state, thread: t.userAttrs.thread, params: Object.keys(t.params).length }))));
""")
    assert result.status == "ok", result.reply["content"]
    trials = json.loads(result.stream().strip().splitlines()[-1])
    assert [t["state"] for t in trials] == ["COMPLETE"] * 4
    assert all(t["params"] == 7 for t in trials)
    threads = {t["thread"] for t in trials}
    assert 0 not in threads and len(threads) == 2, threads


def test_a_study_as_cell_result_shows_its_leaderboard(kernel):
    result = kernel.execute("study")
    [out] = result.of_type("execute_result")
    payload = out["content"]["data"][STUDY_MIME]
    jsonschema.validate(payload, STUDY_SCHEMA)
    assert payload["kind"] == "study" and len(payload["trials"]) == 4
