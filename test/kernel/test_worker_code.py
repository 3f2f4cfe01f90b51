"""Code sent to worker threads (nJobs > 1) in the real kernel: imports of earlier cells of every kind,
helpers, classes and constants reached transitively, and what cannot travel reported before any worker
starts."""
import json
from pathlib import Path

import pytest

HELPERS_TS = """
export default function scaleOf(v: number): number { return v * 2; }
export const offsetOf = (v: number): number => v + 1;
"""

IMPORTS = """
import { buildRnnProgressive, compileRnn as compile, createStudy, RandomSampler, GridSearchCV, KerasClassifier } from "rnnlab";
import * as tf from "@tensorflow/tfjs";
import * as rnnlab from "rnnlab";
import path from "node:path";
import { createHash } from "node:crypto";
import scaleOf, { offsetOf } from "./helpers";
"""

HELPERS = """
const UNITS = 4;
const RATE = 0.01;
const SHAPE = { steps: 5, features: 2 };
function steps(): number { return path.basename("/data/" + "x".repeat(SHAPE.steps)).length; }
function salt(text: string): number { return parseInt(createHash("md5").update(text).digest("hex").slice(0, 4), 16) % 7; }
class Recipe {
  constructor(public units: number) {}
  build() { return compile(buildRnnProgressive({ inputShape: [steps(), SHAPE.features], initialUnits: this.units, numLayers: 1, cellType: "GRU", dropoutRate: 0 }), { learningRate: RATE }); }
}
const makeModel = (units: number) => new Recipe(units).build();
"""


@pytest.fixture(scope="module", autouse=True)
def notebook(kernel):
    """A notebook folder with a local module, imports in a first cell and helpers in a second."""
    folder = kernel.execute("console.log(process.cwd())").stream().strip()
    (Path(folder) / "helpers.ts").write_text(HELPERS_TS)
    for cell in (IMPORTS, HELPERS):
        result = kernel.execute(cell)
        assert result.status == "ok", result.reply["content"]


def last_json(result):
    assert result.status == "ok", result.reply["content"]
    return json.loads(result.stream().strip().splitlines()[-1])


def test_a_study_with_n_jobs_two_uses_imports_and_helpers_of_earlier_cells(kernel):
    result = kernel.execute("""
const objective = async (trial: rnnlab.Trial) => {
  const units = trial.suggestInt("units", 2, UNITS);
  const model = makeModel(units);
  const value = model.countParams() + scaleOf(offsetOf(salt("x"))) + tf.ones([3]).size + (typeof rnnlab.buildRnnProgressive === "function" ? 0 : 1000);
  model.dispose();
  return value;
};
const runStudy = async (nJobs: number) => {
  const study = await createStudy({ sampler: new RandomSampler({ seed: 3 }) });
  await study.optimize(objective, { nTrials: 4, nJobs, show: false });
  return study.trials.map((t) => [t.state, t.params.units, t.values]).sort((a, b) => Number(a[1]) - Number(b[1]));
};
console.log(JSON.stringify({ one: await runStudy(1), two: await runStudy(2) }));
""")
    runs = last_json(result)
    assert runs["one"] == runs["two"]
    assert [state for state, _, _ in runs["two"]] == ["COMPLETE"] * 4


def test_a_grid_search_with_n_jobs_two_uses_imports_and_helpers_of_earlier_cells(kernel):
    result = kernel.execute("""
const X = tf.randomNormal([24, 5, 2], 0, 1, "float32", 4);
const y = Array.from(X.slice([0, 0, 0], [24, 5, 1]).sum([1, 2]).dataSync()).map((s) => (s > 0 ? 1 : 0));
function buildFn({ units = 2 }: { units?: number } = {}) { return makeModel(units + salt("y") * 0); }
const runGrid = async (nJobs: number) => {
  const grid = new GridSearchCV({ estimator: new KerasClassifier({ buildFn, verbose: 0 }),
    paramGrid: { units: [2, 3], epochs: [2], batchSize: [12] }, cv: 2, randomState: 1, nJobs, refit: false, show: false });
  await grid.fit(X, y);
  return [grid.cvResults.mean_test_score, grid.cvResults.split0_test_score, grid.cvResults.split1_test_score];
};
console.log(JSON.stringify({ one: await runGrid(1), two: await runGrid(2) }));
""")
    runs = last_json(result)
    assert runs["one"] == runs["two"]
    assert all(score == score for score in runs["two"][0])  # no NaN: every fit succeeded


def test_a_function_of_the_running_cell_uses_that_cells_imports(kernel):
    result = kernel.execute("""
import { basename as base } from "node:path";
import * as util from "node:util";
const named = async (trial: rnnlab.Trial) => base("/x/" + util.format("%d", trial.suggestInt("k", 1, 3))).length + UNITS;
const same = await createStudy({ sampler: new RandomSampler({ seed: 1 }) });
await same.optimize(named, { nTrials: 3, nJobs: 2, show: false });
console.log(JSON.stringify(same.trials.map((t) => [t.state, t.values])));
""")
    assert last_json(result) == [["COMPLETE", [5]]] * 3


def test_a_live_model_captured_by_the_objective_is_reported_before_workers_start(kernel):
    assert kernel.execute("const trained = makeModel(2);\nconst study = await createStudy();").status == "ok"
    result = kernel.execute("""
await study.optimize(async (trial: rnnlab.Trial) => trained.countParams() + trial.suggestFloat("x", 0, 1), { nTrials: 2, nJobs: 2, show: false });
""")
    assert result.status == "error"
    content = result.reply["content"]
    assert content["ename"] == "WorkerTransferError"
    assert content["evalue"].startswith(
        "cannot send `trained` to worker threads (nJobs > 1): it is a live tfjs model (Sequential \"")
    assert content["evalue"].endswith("Build the model inside the function, or use nJobs: 1")
    check = kernel.execute("console.log(JSON.stringify(study.trials.length))")
    assert last_json(check) == 0
