"""A seed-style notebook with the calls users reach for next, in the real kernel: trainTestSplit (scikit-learn's
rows), a search that predicts and scores after refit with several scorers (also in worker threads), a study in
SQLite given as a URL string, and EarlyStopping with restoreBestWeights under fitLive and next to pruning."""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPLITS = json.loads((ROOT / "kernel/src/search/fixtures/sklearn-split-reference.json").read_text())
TRAINING_MIME = "application/vnd.rnnlab.training.v1+json"

SETUP = """
import * as tf from "@tensorflow/tfjs";
import { buildRnnProgressive, compileRnn, trainTestSplit, KerasClassifier, GridSearchCV, accuracyScore, f1Score,
         createStudy, loadStudy, getAllStudyNames, pruningCallback, EarlyStopping, fitLive, MedianPruner, RandomSampler, type Trial } from "rnnlab";
const n = 60;
const X = tf.randomNormal([n, 6, 2], 0, 1, "float32", 3);
const y = Array.from(X.slice([0, 0, 0], [n, 6, 1]).sum([1, 2]).dataSync()).map((s) => (s > 0 ? 1 : 0));
function createModel({ initialUnits = 3 }: { initialUnits?: number } = {}) {
  return compileRnn(buildRnnProgressive({ inputShape: [6, 2], initialUnits, numLayers: 1, cellType: "GRU", dropoutRate: 0 }), { learningRate: 0.05 });
}
"""


@pytest.fixture(scope="module", autouse=True)
def setup(kernel):
    result = kernel.execute(SETUP)
    assert result.status == "ok", result.reply["content"]


def last_json(result):
    assert result.status == "ok", result.reply["content"]
    return json.loads(result.stream().strip().splitlines()[-1])


def test_train_test_split_gives_scikit_learns_rows(kernel):
    stratified = next(c for c in SPLITS["train_test_split"] if c["stratify"] and c["n"] == 20)
    result = kernel.execute(f"""
const idx = Array.from({{ length: 20 }}, (_v, i) => i);
const [tr, te] = trainTestSplit(idx, {{ testSize: 0.3, randomState: 0, stratify: {json.dumps(stratified["stratify"])} }});
console.log(JSON.stringify({{ tr, te }}));
""")
    assert last_json(result) == {"tr": stratified["train"], "te": stratified["test"]}


def test_split_search_then_predict_and_score_as_scikit_learn(kernel):
    result = kernel.execute("""
const [xTrain, xTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.25, stratify: y, randomState: 42 });
const grid = new GridSearchCV({ estimator: new KerasClassifier({ buildFn: createModel, epochs: 3, batchSize: 15, randomState: 1 }),
  paramGrid: { initialUnits: [2, 4] }, cv: 3, scoring: ["accuracy", "f1"], refit: "accuracy", show: false });
await grid.fit(xTrain, yTrain);
const yPred = await grid.predict(xTest);
console.log(JSON.stringify({ shapes: [xTrain.shape, xTest.shape, yTrain.length, yTest.length],
  keys: Object.keys(grid.cvResults!).filter((k) => k.startsWith("mean_test") || k.startsWith("rank_test")),
  bestScore: grid.bestScore, bestOfAccuracy: Math.max(...(grid.cvResults!.mean_test_accuracy as number[])),
  score: await grid.score(xTest, yTest), accuracy: accuracyScore(yTest, yPred as number[]),
  proba: (await grid.predictProba(xTest)).length }));
""")
    out = last_json(result)
    assert out["shapes"] == [[45, 6, 2], [15, 6, 2], 45, 15]
    assert out["keys"] == ["mean_test_accuracy", "rank_test_accuracy", "mean_test_f1", "rank_test_f1"]
    assert out["bestScore"] == out["bestOfAccuracy"]
    assert out["score"] == out["accuracy"]
    assert out["proba"] == 15


def test_several_scorers_give_the_same_results_in_worker_threads(kernel):
    result = kernel.execute("""
const runWith = async (nJobs: number) => {
  const g = new GridSearchCV({ estimator: new KerasClassifier({ buildFn: createModel, epochs: 2, batchSize: 20 }), paramGrid: { initialUnits: [2, 3] },
    cv: 2, randomState: 5, nJobs, scoring: { acc: "accuracy", f1: "f1" }, refit: "f1", show: false });
  await g.fit(X, y);
  return [g.cvResults!.split0_test_acc, g.cvResults!.split1_test_f1, g.bestIndex];
};
console.log(JSON.stringify({ one: await runWith(1), two: await runWith(2) }));
""")
    out = last_json(result)
    assert out["one"] == out["two"]


def test_study_in_sqlite_given_as_a_url_string(kernel):
    result = kernel.execute("""
async function objective(trial: Trial) {
  const model = createModel({ initialUnits: trial.suggestInt("initialUnits", 2, 4) });
  await model.fit(X, tf.tensor2d(y, [n, 1]), { epochs: 4, validationSplit: 0.25, verbose: 0,
    callbacks: [pruningCallback(trial, { monitor: "val_loss" }), new EarlyStopping({ monitor: "val_loss", patience: 1, restoreBestWeights: true })] });
  return accuracyScore(y, (model.predict(X) as tf.Tensor).greater(0.5).cast("int32"));
}
const study = await createStudy({ studyName: "seed", storage: "sqlite:///seed.db", direction: "maximize", loadIfExists: true,
  sampler: new RandomSampler({ seed: 0 }), pruner: new MedianPruner({ nStartupTrials: 1, nWarmupSteps: 0 }) });
await study.optimize(objective, { nTrials: 4, show: false });
const again = await loadStudy({ studyName: "seed", storage: "sqlite:///seed.db" });
console.log(JSON.stringify({ names: await getAllStudyNames({ storage: "sqlite:///seed.db" }), n: again.trials.length,
  states: again.trials.map((t) => t.state), best: again.bestTrial.value, bestValue: study.bestValue }));
""")
    out = last_json(result)
    assert out["names"] == ["seed"] and out["n"] == 4
    assert set(out["states"]) <= {"COMPLETE", "PRUNED"} and "COMPLETE" in out["states"]
    assert out["best"] == out["bestValue"]


def test_early_stopping_restores_the_best_weights_and_the_view_shows_the_stop(kernel):
    result = kernel.execute("""
const m = createModel({ initialUnits: 3 });
m.compile({ optimizer: tf.train.adam(0.5), loss: "binaryCrossentropy", metrics: ["accuracy"] });
const stop = new EarlyStopping({ monitor: "val_accuracy", mode: "max", patience: 2, restoreBestWeights: true });
const snapshots: number[][] = [];
const h = await fitLive(m, X, tf.tensor2d(y, [n, 1]), { epochs: 40, batchSize: 10, validationSplit: 0.3, shuffle: false,
  callbacks: [stop, { onEpochEnd: async () => { snapshots.push(Array.from(m.getWeights()[0].dataSync())); } }] });
const acc = h.history.val_acc as number[];
console.log(JSON.stringify({ epochs: acc.length, stopped: stop.stoppedEpoch, best: stop.bestEpoch, firstMax: acc.indexOf(Math.max(...acc)),
  restored: JSON.stringify(Array.from(m.getWeights()[0].dataSync())) === JSON.stringify(snapshots[stop.bestEpoch]) }));
""", timeout=300)
    out = last_json(result)
    assert out["epochs"] < 40 and out["stopped"] == out["epochs"] - 1
    assert out["best"] == out["firstMax"]
    assert out["restored"] is True
    views = [m["content"]["data"][TRAINING_MIME] for m in result.outputs
             if m["msg_type"] in ("display_data", "update_display_data") and TRAINING_MIME in m["content"]["data"]]
    assert views[-1]["status"] == "stopped" and len(views[-1]["epochs"]) == out["epochs"]
