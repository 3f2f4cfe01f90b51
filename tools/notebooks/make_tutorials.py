"""Writes the tutorial notebooks in notebooks/ (without outputs). Edit here, then run:
    .venv/bin/python tools/notebooks/make_tutorials.py
"""
from pathlib import Path

import nbformat as nbf

ROOT = Path(__file__).resolve().parents[2]
META = {
    "kernelspec": {"name": "rnnlab", "display_name": "TypeScript (rnnlab)", "language": "typescript"},
    "language_info": {"name": "typescript", "file_extension": ".ts", "mimetype": "text/typescript"},
}
md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell

QUICK_CELL = """const QUICK = process.env.RNNLAB_QUICK === "1";   // the tests run every notebook this way
console.log(QUICK ? "quick mode: small models, few epochs" : "full mode");"""

RAIN_INTRO = md("""## The task: will it rain in Seattle tomorrow?

`rainTomorrowDataset` prepares the daily Seattle weather of 2012–2015 (shipped with the npm package
`vega-datasets`, so nothing is downloaded) the way notebook 01 does step by step: windows of the last
days' precipitation, temperatures, wind and season; the label *rain tomorrow* (1) or not (0); the
earliest 70 % of the windows to train, the next 15 % to validate, the latest 15 % to test; features
standardised with statistics of the training part only.""")


def rain_data(window_quick, window_full):
    return code(f"""import {{ rainTomorrowDataset }} from "rnnlab";
import * as tf from "@tensorflow/tfjs";

const windowSize = QUICK ? {window_quick} : {window_full};
const data = rainTomorrowDataset({{ windowSize }});
const X_train = tf.tensor3d(data.train.X), y_train = data.train.y;
const X_test = tf.tensor3d(data.test.X), y_test = data.test.y;
console.log(`train ${{data.train.X.length}}, validation ${{data.validation.X.length}}, test ${{data.test.X.length}} windows of ${{windowSize}} days x ${{data.features.length}} features`);""")


def create_model_cell(window_expr="windowSize", features="6"):
    return code(f"""import {{ buildRnnProgressive, compileRnn }} from "rnnlab";

// The seed's create_model: build the progressive RNN, then compile it.
function createModel({{ cellType = "LSTM", initialUnits = 128, numLayers = 2, dropoutRate = 0.3, learningRate = 0.001 }}:
    {{ cellType?: "LSTM" | "GRU"; initialUnits?: number; numLayers?: number; dropoutRate?: number; learningRate?: number }} = {{}}) {{
  const model = buildRnnProgressive({{ inputShape: [{window_expr}, {features}], cellType, initialUnits, numLayers, dropoutRate, seed: 7 }});
  return compileRnn(model, {{ optimizer: "adam", learningRate, loss: "binaryCrossentropy", metrics: ["accuracy"] }});
}}""")


def nb01():
    return [
        md("""# 01 · Progressive versus fixed hidden sizes

The seed recommends **progressive reduction**: the first recurrent layer is the widest and each next
one has half the units (128 → 64 → 32), with dropout after each. This notebook trains that
architecture and a **fixed** one (the same width in every layer) on the same real data, and compares
their curves, sizes and test scores."""),
        code(QUICK_CELL),
        md("""## Step by step: from a table to sequences

First the raw table. `loadSeattleWeather()` reads the CSV that the `vega-datasets` package ships."""),
        code("""import { loadSeattleWeather, slidingWindows, trainValTestSplit, StandardScaler } from "rnnlab";

const days = loadSeattleWeather();
console.log(`${days.length} days, ${days[0].date} to ${days[days.length - 1].date}`);
console.log(days.slice(0, 3));"""),
        md("""A recurrent network reads **sequences**. `slidingWindows` cuts the series into overlapping
windows of `windowSize` days; each window's label is whether it rains on the day after it."""),
        code("""const windowSize = QUICK ? 7 : 14;
const rows = days.map((d) => [d.precipitation, d.tempMax, d.tempMin, d.wind]);
const rainy = days.map((d) => (d.precipitation > 0 ? 1 : 0));
const windows = slidingWindows(rows, rainy, { windowSize });
console.log(`${windows.X.length} windows of ${windowSize} days x ${rows[0].length} features; first label: ${windows.y[0]}`);"""),
        md("""Time series are split **in time order** — never shuffled — so that the model is tested on days
after everything it trained on. The scaler learns each feature's mean and spread on the training part
only; using the test part would leak information about the future."""),
        code("""const parts = trainValTestSplit(windows.X.map((x, i) => ({ x, y: windows.y[i] })), { validation: 0.15, test: 0.15 });
const scaler = new StandardScaler().fit(parts.train.map((p) => p.x));
console.log("feature means on the training part:", scaler.mean!.map((m) => m.toFixed(2)).join(", "));"""),
        md("""These steps — plus two season features (sine and cosine of the day of the year) — are what
`rainTomorrowDataset` does in one call. The rest of the tutorials use it."""),
        rain_data(7, 14),
        md("""## Two architectures, the same budget of layers

Both models have three GRU layers and a dropout of 0.2 after each. `hiddenSizing: "progressive"`
halves the width layer by layer; `"fixed"` keeps it. `seed` makes initial weights repeatable."""),
        code("""import { buildRnnProgressive, compileRnn, fitLive } from "rnnlab";

const initialUnits = QUICK ? 16 : 64;
const epochs = QUICK ? 3 : 15;
const build = (hiddenSizing: "progressive" | "fixed") =>
  compileRnn(buildRnnProgressive({ inputShape: [windowSize, 6], initialUnits, numLayers: 3, cellType: "GRU", dropoutRate: 0.2, hiddenSizing, seed: 1, name: hiddenSizing }),
             { learningRate: 0.003 });
const progressive = build("progressive");
const fixed = build("fixed");
console.log(`progressive: ${progressive.countParams()} parameters; fixed: ${fixed.countParams()} parameters`);"""),
        md("""Train each with a live view: the curves grow under the cell while it trains."""),
        code("""const yTrain = tf.tensor2d(y_train, [y_train.length, 1]);
const validationData: [tf.Tensor, tf.Tensor] = [tf.tensor3d(data.validation.X), tf.tensor2d(data.validation.y, [data.validation.y.length, 1])];
await fitLive(progressive, X_train, yTrain, { epochs, batchSize: 32, validationData, seed: 1, title: "progressive 16 → 8 → 4" });"""),
        code("""await fitLive(fixed, X_train, yTrain, { epochs, batchSize: 32, validationData, seed: 1, title: "fixed" });"""),
        md("""## Test scores side by side

The test part was never seen in training. For reference: always answering "dry" scores the share of
dry days, and "tomorrow as today" (persistence) is a strong simple baseline for weather."""),
        code("""import { display } from "rnnlab";

const accuracy = (model: tf.LayersModel) => {
  const p = (model.predict(X_test) as tf.Tensor).dataSync();
  return y_test.filter((y, i) => (p[i] > 0.5 ? 1 : 0) === y).length / y_test.length;
};
const dryShare = y_test.filter((y) => y === 0).length / y_test.length;
const rows2 = [
  ["progressive", progressive.countParams(), accuracy(progressive)],
  ["fixed", fixed.countParams(), accuracy(fixed)],
  ["always dry (baseline)", 0, dryShare],
] as const;
display({
  "text/plain": rows2.map(([n, p, a]) => `${n}: ${p} parameters, test accuracy ${a.toFixed(3)}`).join("\\n"),
  "text/html": `<table><tr><th>model</th><th>parameters</th><th>test accuracy</th></tr>${rows2
    .map(([n, p, a]) => `<tr><td>${n}</td><td>${p}</td><td>${a.toFixed(3)}</td></tr>`).join("")}</table>`,
});
console.log(`test accuracy — progressive: ${accuracy(progressive).toFixed(3)}, fixed: ${accuracy(fixed).toFixed(3)}`);"""),
        md("""The progressive model reaches a similar score with a fraction of the parameters: narrower later
layers compress the temporal features and regularise, which is why the seed recommends it for small
data sets like this one. Next: search its hyperparameters (notebook 02)."""),
    ]


def nb02():
    return [
        md("""# 02 · GridSearchCV over the seed's grid

The seed's `GridSearchCV` block, translated line by line: wrap `createModel` in a `KerasClassifier`,
give the grid, fit. Every candidate is trained on every fold and scored; the best one is refit on all
the training data. By default this notebook searches a **small** grid; set the environment variable
`RNNLAB_FULL_GRID=1` before starting JupyterLab for the seed's full grid (128 candidates × 3 folds —
hours on a CPU)."""),
        code(QUICK_CELL + """
const FULL_GRID = process.env.RNNLAB_FULL_GRID === "1";"""),
        RAIN_INTRO,
        rain_data(7, 14),
        md("""## The model builder and the estimator

`createModel` is the seed's function; its parameters (with their defaults) are what the grid can set.
`epochs` and `batchSize` go to `fit` and can be searched too."""),
        create_model_cell(),
        code("""import { KerasClassifier } from "rnnlab";

const model = new KerasClassifier({ buildFn: createModel, verbose: 0 });"""),
        md("""## The grid

The seed's grid, and a small one that runs in a minute. Folds: the seed uses `cv=3`; for a time
series, `TimeSeriesSplit` is the honest choice (each fold validates on days after its training days),
so we pass it as `cv`."""),
        code("""import { GridSearchCV, TimeSeriesSplit } from "rnnlab";

const seedGrid = {
  cellType: ["LSTM", "GRU"],
  initialUnits: [64, 128],
  numLayers: [2, 3],
  dropoutRate: [0.2, 0.5],
  learningRate: [0.001, 0.01],
  batchSize: [32, 64],
  epochs: [10, 20],
};
const smallGrid = {
  cellType: ["LSTM", "GRU"],
  initialUnits: [QUICK ? 8 : 32],
  numLayers: [2],
  dropoutRate: [0.2],
  learningRate: QUICK ? [0.01] : [0.001, 0.01],
  batchSize: [32],
  epochs: [QUICK ? 2 : 8],
};
const paramGrid = FULL_GRID ? seedGrid : smallGrid;

const grid = new GridSearchCV({ estimator: model, paramGrid, cv: new TimeSeriesSplit({ nSplits: 3 }), nJobs: -1, randomState: 0 });
await grid.fit(X_train, y_train);

console.log("Best Parameters:", JSON.stringify(grid.bestParams));"""),
        md("""The leaderboard above filled in while the search ran. `cvResults` holds scikit-learn's
`cv_results_` columns; `resultsTable()` lists the candidates by rank."""),
        code("""console.table(grid.resultsTable().map((r) => ({ rank: r.rank, ...r.params, mean: r.meanTestScore.toFixed(3), std: r.stdTestScore.toFixed(3) })));"""),
        md("""## The best candidate on the test part

`bestEstimator` was refit on all the training windows with the best parameters."""),
        code("""const testAccuracy = await grid.bestEstimator!.score(X_test, y_test);
console.log(`best cross-validated accuracy: ${grid.bestScore!.toFixed(3)}; test accuracy of the best candidate: ${testAccuracy.toFixed(3)}`);"""),
    ]


def nb03():
    return [
        md("""# 03 · RandomizedSearchCV with the seed's distributions

Instead of every combination, draw `nIter` candidates from distributions. `randint(low, high)` and
`uniform(loc, scale)` follow scipy.stats: `randint(64, 256)` draws 64…255 and `uniform(0.2, 0.5)` draws
from **[0.2, 0.7]** (loc, loc + scale), exactly as in the Python seed. With the same `randomState`,
rnnlab draws the same candidates as scikit-learn would."""),
        code(QUICK_CELL),
        RAIN_INTRO,
        rain_data(7, 14),
        create_model_cell(),
        md("""## The distributions

The seed's, with smaller sizes and fewer epochs in quick mode so that the notebook runs in minutes."""),
        code("""import { KerasClassifier, RandomizedSearchCV, TimeSeriesSplit, randint, uniform } from "rnnlab";

const paramDist = {
  cellType: ["LSTM", "GRU"],
  initialUnits: QUICK ? randint(4, 16) : randint(64, 256),
  numLayers: QUICK ? randint(1, 3) : randint(1, 4),
  dropoutRate: uniform(0.2, 0.5),
  learningRate: uniform(1e-4, 1e-2),
  batchSize: [16, 32, 64],
  epochs: QUICK ? randint(1, 3) : randint(10, 30),
};
const model = new KerasClassifier({ buildFn: createModel, verbose: 0 });
const randomSearch = new RandomizedSearchCV({
  estimator: model, paramDistributions: paramDist, nIter: QUICK ? 3 : 30,
  cv: new TimeSeriesSplit({ nSplits: 3 }), nJobs: -1, randomState: 0,
});
await randomSearch.fit(X_train, y_train);

console.log("Best Parameters:", JSON.stringify(randomSearch.bestParams));"""),
        md("""The drawn candidates, in order (the same list every run with `randomState: 0`):"""),
        code("""randomSearch.cvResults!.params.forEach((p, i) => console.log(i, JSON.stringify(p)));"""),
        code("""const testAccuracy = await randomSearch.bestEstimator!.score(X_test, y_test);
console.log(`best cross-validated accuracy: ${randomSearch.bestScore!.toFixed(3)}; test accuracy of the best candidate: ${testAccuracy.toFixed(3)}`);"""),
    ]


def nb04():
    return [
        md("""# 04 · A TPE study with pruning, resumed from a journal file

The seed's Optuna block, translated line by line: an objective builds a model from
`trial.suggest…` values, trains it and returns a score; `createStudy({ direction: "maximize" })` and
`study.optimize(objective, { nTrials })` do the rest. The **TPE** sampler proposes promising
hyperparameters from the trials so far; the **median pruner** stops a trial early when its validation
accuracy after an epoch is below the median of earlier trials at that epoch. The study is kept in a
**journal file** (Optuna's format: Python's `optuna.load_study` opens it too), so it can be stopped,
resumed, or continued after a kernel restart."""),
        code(QUICK_CELL),
        RAIN_INTRO,
        rain_data(7, 14),
        md("""## The objective

As in the seed, but with `suggestFloat(..., { log: true })` (the deprecated `suggestUniform` and
`suggestLoguniform` work too, with a warning, as in Optuna) and a pruning callback that reports the
validation accuracy after every epoch."""),
        code("""import { buildRnnProgressive, compileRnn, pruningCallback, type Trial } from "rnnlab";

const yTrain = tf.tensor2d(y_train, [y_train.length, 1]);
const validationData: [tf.Tensor, tf.Tensor] = [tf.tensor3d(data.validation.X), tf.tensor2d(data.validation.y, [data.validation.y.length, 1])];
const X_val = validationData[0];

async function objective(trial: Trial): Promise<number> {
  const model = buildRnnProgressive({
    inputShape: [windowSize, 6],
    cellType: trial.suggestCategorical("cellType", ["LSTM", "GRU"]),
    initialUnits: trial.suggestInt("initialUnits", QUICK ? 4 : 64, QUICK ? 16 : 256),
    numLayers: trial.suggestInt("numLayers", 1, QUICK ? 2 : 4),
    dropoutRate: trial.suggestFloat("dropoutRate", 0.2, 0.5),
    seed: trial.number,
  });
  const learningRate = trial.suggestFloat("learningRate", 1e-5, 1e-2, { log: true });
  compileRnn(model, { optimizer: "adam", learningRate, loss: "binaryCrossentropy", metrics: ["accuracy"] });
  await model.fit(X_train, yTrain, {
    batchSize: trial.suggestCategorical("batchSize", [16, 32, 64]),
    epochs: trial.suggestInt("epochs", QUICK ? 1 : 10, QUICK ? 3 : 30),
    validationData,
    verbose: 0,
    callbacks: [pruningCallback(trial, { monitor: "val_acc" })],
  });
  const p = (model.predict(X_val) as tf.Tensor).dataSync();
  return data.validation.y.filter((y, i) => (p[i] > 0.5 ? 1 : 0) === y).length / data.validation.y.length;
}"""),
        md("""## Run part of the study, then resume it

The journal lives in `studies/`. The first `optimize` runs a few trials; the second opens the same
study by name (`loadIfExists`) and continues where it stopped — the same as after a kernel restart.
While a study runs, the leaderboard under the cell fills in, with a Stop button (in the rnnlab
JupyterLab extension)."""),
        code("""import { createStudy, JournalFileStorage, TPESampler, MedianPruner } from "rnnlab";
import fs from "node:fs";

fs.rmSync("studies/rain-tpe.log", { force: true });   // start afresh each time the notebook runs
fs.mkdirSync("studies", { recursive: true });
const storage = new JournalFileStorage("studies/rain-tpe.log");
const nTrials = QUICK ? 4 : 30;

const study = await createStudy({
  direction: "maximize", studyName: "rain-tpe", storage, loadIfExists: true,
  sampler: new TPESampler({ seed: 0, nStartupTrials: QUICK ? 2 : 10 }),
  pruner: new MedianPruner({ nStartupTrials: QUICK ? 1 : 5, nWarmupSteps: 1 }),
});
await study.optimize(objective, { nTrials: Math.ceil(nTrials / 2) });
console.log(`first run: ${study.trials.length} trials`);"""),
        code("""const resumed = await createStudy({
  direction: "maximize", studyName: "rain-tpe", storage: new JournalFileStorage("studies/rain-tpe.log"), loadIfExists: true,
  sampler: new TPESampler({ seed: 1, nStartupTrials: QUICK ? 2 : 10 }),
  pruner: new MedianPruner({ nStartupTrials: QUICK ? 1 : 5, nWarmupSteps: 1 }),
});
console.log(`resumed with ${resumed.trials.length} trials from the journal`);
await resumed.optimize(objective, { nTrials: nTrials - resumed.trials.length });
console.log(`after resuming: ${resumed.trials.length} trials`);"""),
        md("""## Results

As in the seed: the best parameters and value. `trialsTable()` has the columns of Optuna's
`trials_dataframe()`; `getParamImportances` estimates how much each parameter mattered (PED-ANOVA,
as Optuna's evaluator)."""),
        code("""import { getParamImportances } from "rnnlab";

console.log("Best Parameters:", JSON.stringify(resumed.bestParams));
console.log(`Best Accuracy: ${resumed.bestValue.toFixed(3)}`);
console.table(resumed.trialsTable().map((r) => ({ number: r.number, state: r.state, value: r.value })));
const complete = resumed.trials.filter((t) => t.state === "COMPLETE").length;
if (complete >= 2) console.log("importance:", JSON.stringify(getParamImportances(resumed)));"""),
        md("""Python users can open the same file:

```python
import optuna
storage = optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend("studies/rain-tpe.log"))
study = optuna.load_study(study_name="rain-tpe", storage=storage)
```"""),
    ]


def nb05():
    return [
        md("""# 05 · The final model: test, save, load — and a regression

A search picks hyperparameters; the final model is then trained once on the training **and**
validation parts and judged on the test part, which no decision has looked at. Then it is saved in
the standard TensorFlow.js format and loaded again. The second half does the same for a regression:
next month's change of the Mauna Loa CO₂ concentration."""),
        code(QUICK_CELL),
        RAIN_INTRO,
        rain_data(7, 14),
        md("""## Train the chosen configuration on train + validation

The configuration below is a typical winner of notebooks 02–04 on this data (a small GRU stack)."""),
        code("""import { buildRnnProgressive, compileRnn, fitLive } from "rnnlab";

const X_fit = tf.tensor3d([...data.train.X, ...data.validation.X]);
const y_fit = [...data.train.y, ...data.validation.y];
const final = compileRnn(
  buildRnnProgressive({ inputShape: [windowSize, 6], cellType: "GRU", initialUnits: QUICK ? 16 : 32, numLayers: 2, dropoutRate: 0.2, seed: 3 }),
  { learningRate: 0.003 },
);
await fitLive(final, X_fit, tf.tensor2d(y_fit, [y_fit.length, 1]), { epochs: QUICK ? 3 : 15, batchSize: 32, seed: 3, title: "final rain model" });

const predict = (m: tf.LayersModel, x: tf.Tensor) => Array.from((m.predict(x) as tf.Tensor).dataSync());
const pTest = predict(final, X_test);
const testAccuracy = y_test.filter((y, i) => (pTest[i] > 0.5 ? 1 : 0) === y).length / y_test.length;
console.log(`test accuracy: ${testAccuracy.toFixed(3)} (always dry: ${(y_test.filter((y) => y === 0).length / y_test.length).toFixed(3)})`);"""),
        md("""## Save and load

`saveModel` writes `model.json` and `weights.bin` — the files `model.save("file://…")` of tfjs-node
writes — so the model loads in any TensorFlow.js program (and in rnnlab with `loadModel`)."""),
        code("""import { saveModel, loadModel } from "rnnlab";

await saveModel(final, "models/rain-tomorrow");
const reloaded = await loadModel("models/rain-tomorrow");
const same = predict(reloaded, X_test).every((p, i) => p === pTest[i]);
console.log(`reloaded model gives the same test predictions: ${same}`);"""),
        md("""## A regression: next month's CO₂ change

The CO₂ level keeps rising, so test months lie above every training month. Predicting the **change**
from one month to the next gives a stationary series the network can learn. The target stays in ppm,
so the error reads in ppm. The baseline repeats the change of the same month a year earlier."""),
        code("""import { co2ChangeDataset } from "rnnlab";

const co2 = co2ChangeDataset({ windowSize: 24 });
const regressor = compileRnn(
  buildRnnProgressive({ inputShape: [24, 1], cellType: "GRU", initialUnits: QUICK ? 16 : 32, numLayers: 2, dropoutRate: 0.1, outputActivation: "linear", seed: 5 }),
  { learningRate: 0.003 },   // a linear head: mean squared error and the mse metric by default
);
await fitLive(regressor, tf.tensor3d(co2.train.X), tf.tensor2d(co2.train.y, [co2.train.y.length, 1]),
              { epochs: QUICK ? 8 : 30, batchSize: 32, seed: 5, title: "CO2 change (ppm)" });

const rmse = (p: number[], y: number[]) => Math.sqrt(p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / y.length);
const predicted = predict(regressor, tf.tensor3d(co2.test.X));
const lastYear = co2.test.X.map((x) => co2.scaler.inverseTransformColumn([x[12][0]])[0]);
console.log(`test RMSE: ${rmse(predicted, co2.test.y).toFixed(3)} ppm (same change as a year earlier: ${rmse(lastYear, co2.test.y).toFixed(3)} ppm)`);"""),
    ]


def write(name, cells):
    nb = nbf.v4.new_notebook()
    nb.metadata = META
    for i, cell in enumerate(cells):
        cell.id = f"{name.split('-')[0]}-{i:02d}"   # stable ids: regenerating changes nothing else
    nb.cells = cells
    nbf.write(nb, ROOT / "notebooks" / name)


if __name__ == "__main__":
    write("01-progressive-vs-fixed.ipynb", nb01())
    write("02-grid-search.ipynb", nb02())
    write("03-randomized-search.ipynb", nb03())
    write("04-tpe-study.ipynb", nb04())
    write("05-final-model-and-regression.ipynb", nb05())
