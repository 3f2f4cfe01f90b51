"""IPython's cell semantics in the real kernel: what a cell declared before it failed or was interrupted
stays (values and types), an interrupt ends the cell at its pending await, interrupted fits, searches
and studies keep what they finished; warnings and tracebacks read as in a Python notebook."""
import json
import re
import signal
import time

import pytest

MODEL_SETUP = """
import { buildRnnProgressive, compileRnn, fitLive, saveModel, loadModel, GridSearchCV, KerasClassifier, createStudy } from "rnnlab";
import * as tf from "@tensorflow/tfjs";
const x = tf.randomNormal([32, 5, 2], 0, 1, "float32", 1);
const y = tf.randomUniform([32, 1], 0, 1, "float32", 2).round();
const labels = Array.from(y.dataSync());
"""


@pytest.fixture(scope="module", autouse=True)
def setup(kernel):
    """The module's kernel (test/conftest.py gives each module its own) with data to train on."""
    result = kernel.execute(MODEL_SETUP)
    assert result.status == "ok", result.reply["content"]


def value_of(kernel, code):
    result = kernel.execute(code)
    assert result.status == "ok", result.reply["content"]
    return json.loads(result.of_type("execute_result")[0]["content"]["data"]["text/plain"])


def failure(kernel, code):
    result = kernel.execute(code)
    assert result.status == "error"
    return result.reply["content"]


def wait_for_stream(kernel, msg_id, text, timeout=120):
    """Waits (on messages, not on the clock) until the cell has printed `text`."""
    deadline = time.monotonic() + timeout
    while True:
        printed = "".join(m["content"]["text"] for m in kernel.messages_for(msg_id) if m["msg_type"] == "stream")
        if text in printed:
            return
        if kernel.is_idle(msg_id) or time.monotonic() > deadline:
            raise AssertionError(f"the cell ended or timed out before printing {text!r}: {printed!r}")
        kernel._pump_iopub(timeout=1)


def interrupt_when(kernel, code, printed, how="message"):
    msg_id = kernel.send(code)
    wait_for_stream(kernel, msg_id, printed)
    if how == "message":
        kernel.manager.interrupt_kernel()
    else:
        kernel.manager.signal_kernel(signal.SIGINT)
    result = kernel.result(msg_id, timeout=60)
    assert result.reply["content"]["ename"] == "KeyboardInterrupt", result.reply["content"]
    return result


# ---- errors keep what ran -------------------------------------------------------------------------


def test_a_throw_keeps_every_kind_of_declaration_made_before_it(kernel):
    error = failure(kernel, """
const before = 41;
let counter = 1; counter += 1;
function twice(n: number) { return 2 * n; }
class Box { constructor(readonly content: string) {} }
const { left, pair: [first] } = { left: "L", pair: [7, 8] };
import * as nodePath from "node:path";
throw new Error("boom");
const after = 1;""")
    assert error["ename"] == "Error" and error["evalue"] == "boom"
    # The values at the moment of the throw, with their types (each line type-checks).
    assert value_of(kernel, """
const n: number = before + counter + twice(1) + first;
const s: string = new Box(left).content + nodePath.sep;
JSON.stringify({ n, s })""") == {"n": 41 + 2 + 2 + 7, "s": "L/"}
    assert "Cannot find name 'after'" in failure(kernel, "after")["evalue"]


def test_a_redeclaration_the_throw_did_not_reach_keeps_the_earlier_value_and_type(kernel):
    assert kernel.execute('const kept = "earlier";').status == "ok"
    failure(kernel, 'const reached = 1; throw new Error("stop"); const kept = 2;')
    assert value_of(kernel, "const k: string = kept; JSON.stringify([k, reached])") == ["earlier", 1]


def test_completion_and_inspection_know_what_a_failed_cell_kept(kernel):
    failure(kernel, 'const keptForCompletion = { epochs: 3 }; throw new Error("stop");')
    msg_id = kernel.client.complete("keptForComp", 11)
    reply = kernel.shell_reply(msg_id)
    assert reply["content"]["matches"][:1] == ["keptForCompletion"]
    msg_id = kernel.client.inspect("keptForCompletion", 3)
    reply = kernel.shell_reply(msg_id)
    assert "epochs: number" in reply["content"]["data"]["text/plain"]


def test_a_type_error_runs_nothing_and_declares_nothing(kernel):
    error = failure(kernel, 'const typo = 1; const wrong: number = "text";')
    assert error["ename"] == "TypeScriptError"
    assert "Cannot find name 'typo'" in failure(kernel, "typo")["evalue"]


def test_a_rejected_await_keeps_what_ran_before_it(kernel):
    failure(kernel, 'const early = [1, 2]; await Promise.reject(new Error("async boom")); const late = 3;')
    assert value_of(kernel, "JSON.stringify(early.map((v: number) => v * 2))") == [2, 4]
    assert "Cannot find name 'late'" in failure(kernel, "late")["evalue"]


# ---- interrupts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["message", "signal"])
def test_an_interrupted_fit_keeps_the_model_trained_and_runs_nothing_after_the_await(kernel, how, tmp_path):
    interrupt_when(kernel, f"""
const model_{how} = compileRnn(buildRnnProgressive({{ inputShape: [5, 2], initialUnits: 4, numLayers: 1, seed: 1 }}));
const initial_{how} = Array.from(model_{how}.getWeights()[0].dataSync());
let after_{how} = "not run";
const history_{how} = await fitLive(model_{how}, x, y, {{ epochs: 100000, batchSize: 8, verbose: 0,
  callbacks: {{ onEpochEnd: async (epoch) => {{ if (epoch === 2) console.log("three epochs done"); }} }} }});
after_{how} = "ran";
console.log("after the await");""", "three epochs done", how)
    state = value_of(kernel, f"""
const trained = Array.from(model_{how}.getWeights()[0].dataSync());
JSON.stringify({{ after: after_{how}, changed: trained.some((v, i) => v !== initial_{how}[i]),
  predictions: (model_{how}.predict(x) as tf.Tensor).shape }})""")
    assert state == {"after": "not run", "changed": True, "predictions": [32, 1]}
    assert "Cannot find name 'history_" in failure(kernel, f"history_{how}")["evalue"]
    # Nothing after the await ran later either, and the model trains further and saves.
    folder = str(tmp_path / "saved").replace("\\", "/")
    more = value_of(kernel, f"""
const further = await model_{how}.fit(x, y, {{ epochs: 2, verbose: 0 }});
await saveModel(model_{how}, "{folder}");
const reloaded = await loadModel("{folder}");
JSON.stringify({{ after: after_{how}, epochs: further.history.loss.length,
  same: Array.from(reloaded.getWeights()[0].dataSync()).every((v, i) => v === model_{how}.getWeights()[0].dataSync()[i]) }})""")
    assert more == {"after": "not run", "epochs": 2, "same": True}


def test_an_interrupted_search_keeps_its_completed_candidates_in_the_variable_declared_before(kernel):
    # From the third candidate on, building waits for the interrupt: the search cannot end before it
    # arrives, however fast the fits are (no race with the clock).
    interrupt_when(kernel, """
import { onInterrupt } from "rnnlab";
const untilInterrupt = () => new Promise<void>((resolve) => { const off = onInterrupt(() => { off(); resolve(); }); });
const search = new GridSearchCV({
  estimator: new KerasClassifier({ buildFn: async ({ units = 4 } = {}) => {
    if (units >= 4) await untilInterrupt();
    return compileRnn(buildRnnProgressive({ inputShape: [5, 2], initialUnits: units, numLayers: 1 }));
  } }),
  paramGrid: { units: Array.from({ length: 30 }, (_, i) => i + 2), epochs: [20] }, cv: 2, show: false, verbose: 1 });
await search.fit(x, labels);
console.log("after the search");""", "[CV 2/2] candidate 1/30")
    state = value_of(kernel, "JSON.stringify({ status: search.state.status, done: search.cvResults?.params.length ?? 0 })")
    assert state["status"] == "stopped"
    assert 1 <= state["done"] < 30


def test_an_interrupted_study_keeps_its_completed_trials(kernel):
    result = interrupt_when(kernel, """
const study = await createStudy({ direction: "maximize" });
await study.optimize(async (trial) => {
  const v = trial.suggestFloat("v", 0, 1);
  await new Promise((r) => setTimeout(r, 20));
  return v;
}, { nTrials: 100000, show: false, callbacks: [(_, trial) => { if (trial.number === 2) console.log("three trials told"); }] });
console.log("after the study");""", "three trials told")
    assert "after the study" not in result.stream()
    state = value_of(kernel, """
JSON.stringify({ complete: study.trials.filter((t) => t.state === "COMPLETE").length, running: study.trials.filter((t) => t.state === "RUNNING").length })""")
    assert 3 <= state["complete"] < 100000
    assert state["running"] == 0


def test_an_interrupted_synchronous_loop_keeps_its_declarations_and_values(kernel, tmp_path):
    # A blocked kernel sends no output: the loop tells that it runs through a file instead.
    marker = tmp_path / "looping"
    msg_id = kernel.send(f"""
import * as fs from "node:fs";
let spins = 0; const loopLabel = "spinning";
while (true) {{ spins++; if (spins === 1000) fs.writeFileSync({json.dumps(str(marker))}, ""); }}""")
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert time.monotonic() < deadline and not kernel.is_idle(msg_id), "the loop did not start"
        kernel._pump_iopub(timeout=0.2)
    kernel.manager.interrupt_kernel()
    result = kernel.result(msg_id, timeout=60)
    assert result.reply["content"]["ename"] == "KeyboardInterrupt"
    state = value_of(kernel, "const count: number = spins; JSON.stringify({ many: count >= 1000, label: loopLabel })")
    assert state == {"many": True, "label": "spinning"}
    assert kernel.execute('"alive"').status == "ok"


# ---- warnings and tracebacks -----------------------------------------------------------------------


def test_warnings_are_one_clean_line_each_on_stderr(kernel):
    result = kernel.execute("""
import { StratifiedKFold } from "rnnlab";
process.emitWarning("something to know", { type: "FitFailedWarning" } as any);
Array.from(new StratifiedKFold({ nSplits: 3 }).split(Array.from({ length: 8 }, (_, i) => [i]), [0, 0, 0, 0, 0, 0, 0, 1])).length;
await new Promise((r) => setImmediate(r));""")
    assert result.status == "ok", result.reply["content"]
    assert result.stream("stderr").splitlines() == [
        "FitFailedWarning: something to know",
        "Warning: The least populated class in y has only 1 members, which is less than nSplits=3.",
    ]


def test_a_traceback_shows_the_cell_and_the_rnnlab_entry_point_only(kernel):
    error = failure(kernel, """
import { KFold } from "rnnlab";
function makeSplitter(n: number) { return new KFold({ nSplits: n }); }
makeSplitter(1);""")
    frames = error["traceback"][1:]
    assert error["traceback"][0] == f"InvalidArgumentError: {error['evalue']}"
    assert frames[0].strip().startswith("at new KFold (") and "/dist/" in frames[0]
    assert frames[1].strip().startswith("at makeSplitter (evalmachine.<anonymous>:")
    assert all("evalmachine.<anonymous>" in f for f in frames[1:]), frames
    assert not any(re.search(r"node:|[/\\]tslab[/\\]", f) for f in frames), frames


def test_a_traceback_of_an_error_thrown_in_the_cell_has_only_cell_frames(kernel):
    error = failure(kernel, 'function inner() { throw new RangeError("deep"); }\nfunction outer() { inner(); }\nouter();')
    frames = [f.strip() for f in error["traceback"][1:]]
    assert len(frames) == 3, frames
    assert frames[0].startswith("at inner (evalmachine.<anonymous>:")
    assert frames[1].startswith("at outer (evalmachine.<anonymous>:")
    assert frames[2].startswith("at evalmachine.<anonymous>:")


def test_a_traceback_of_an_awaited_error_leads_back_to_the_cell(kernel):
    error = failure(kernel, 'async function later() { await new Promise((r) => setTimeout(r, 1)); throw new Error("late"); }\nawait later();')
    frames = [f.strip() for f in error["traceback"][1:]]
    assert [f.split(" (")[0].split(":")[0] for f in frames] == ["at later", "at async evalmachine.<anonymous>"], frames
    # tfjs' own async code cannot be traced back: the cell's line where it was awaited is added.
    error = failure(kernel, 'await compileRnn(buildRnnProgressive({ inputShape: [5, 2], initialUnits: 2, numLayers: 1 })).fit(x, tf.zeros([3, 1]));')
    assert "3 target sample(s)" in error["evalue"]
    assert error["traceback"][-1].strip().startswith("at evalmachine.<anonymous>:"), error["traceback"]


# ---- inline functions type-check ------------------------------------------------------------------


@pytest.mark.parametrize("build_fn", [
    "({ units = 4 } = {}) => compileRnn(buildRnnProgressive({ inputShape: [5, 2], initialUnits: units, numLayers: 1 }))",
    "async ({ units = 4, cellType = \"GRU\" as const }) => compileRnn(buildRnnProgressive({ inputShape: [5, 2], initialUnits: units, cellType, numLayers: 1 }))",
    "(params) => compileRnn(buildRnnProgressive({ inputShape: [5, 2], initialUnits: params.units as number, numLayers: 1 }))",
])
def test_inline_build_functions_type_check_and_search(kernel, build_fn):
    result = kernel.execute(f"""
const inline = new GridSearchCV({{ estimator: new KerasClassifier({{ buildFn: {build_fn}, units: 4, epochs: 1 }}),
  paramGrid: {{ units: [2, 3] }}, cv: 2, show: false }});
await inline.fit(x, labels);
inline.cvResults?.params.length""")
    assert result.status == "ok", result.reply["content"]
    assert result.of_type("execute_result")[0]["content"]["data"]["text/plain"] == "2"


def test_inline_objectives_type_check(kernel):
    assert value_of(kernel, """
const inlineStudy = await createStudy();
await inlineStudy.optimize((trial) => (trial.suggestFloat("a", -1, 1) - 0.5) ** 2, { nTrials: 3, show: false });
await inlineStudy.optimize(async (trial) => trial.suggestInt("b", 1, 4) + (trial.suggestCategorical("c", ["x", "y"]) === "x" ? 0 : 1), { nTrials: 2, show: false });
JSON.stringify(inlineStudy.trials.length)""") == 5
