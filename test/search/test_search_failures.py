"""scikit-learn's handling of failed fits in the real kernel: every fit failed raises with the reasons
and their counts, and the view shows the search FAILED with no best and no ranks; some failed warns
once with a summary."""
import pytest

STUDY_MIME = "application/vnd.rnnlab.study.v1+json"

SETUP = """
import { buildRnnProgressive, compileRnn, KerasClassifier, GridSearchCV } from "rnnlab";
import * as tf from "@tensorflow/tfjs";
const X = tf.randomNormal([16, 4, 2], 0, 1, "float32", 2);
const y = Array.from(X.slice([0, 0, 0], [16, 4, 1]).sum([1, 2]).dataSync()).map((s) => (s > 0 ? 1 : 0));
function checkedUnits(units: number): number {
  if (units === 3) throw new RangeError("3 units are not allowed");
  return units;
}
function createModel({ units = 2 }: { units?: number } = {}) {
  return compileRnn(buildRnnProgressive({ inputShape: [4, 2], initialUnits: checkedUnits(units), numLayers: 1, cellType: "GRU", dropoutRate: 0 }));
}
function brokenModel({ units = 2 }: { units?: number } = {}) {
  if (units === 1) throw new TypeError("no layers for 1 unit");
  return checkedUnits(units) as never;
}
"""


@pytest.fixture(scope="module", autouse=True)
def setup(kernel):
    result = kernel.execute(SETUP)
    assert result.status == "ok", result.reply["content"]


def final_view(result):
    payloads = [m["content"]["data"][STUDY_MIME] for m in result.outputs
                if m["msg_type"] in ("display_data", "update_display_data") and STUDY_MIME in m["content"]["data"]]
    return payloads[-1]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_all_fits_failed_raises_with_the_reasons_and_their_counts(kernel, n_jobs):
    result = kernel.execute(f"""
const broken{n_jobs} = new GridSearchCV({{ estimator: new KerasClassifier({{ buildFn: brokenModel, verbose: 0 }}),
  paramGrid: {{ units: [1, 3] }}, cv: 2, nJobs: {n_jobs} }});
await broken{n_jobs}.fit(X, y);
""")
    content = result.reply["content"]
    assert result.status == "error"
    assert content["ename"] == "AllFitsFailedError"
    assert content["evalue"] == (
        "all 4 fits failed, so the search has no result; the model or its parameters are likely wrong.\n"
        "Reasons (fits × error):\n"
        "  2 × TypeError: no layers for 1 unit\n"
        "  2 × RangeError: 3 units are not allowed\n"
        "Set errorScore: 'raise' to stop at the first failing fit with its traceback.")
    view = final_view(result)
    assert view["status"] == "failed"
    assert view["bestTrialNumbers"] == []
    assert [(t["state"], t["rank"]) for t in view["trials"]] == [("FAIL", None), ("FAIL", None)]
    assert kernel.execute("1").status == "ok"
    assert not any("FitFailedWarning" in m["content"].get("text", "") for m in kernel.messages_for(result.reply["parent_header"]["msg_id"]))


def test_some_fits_failed_warns_once_with_a_summary(kernel):
    result = kernel.execute("""
const partly = new GridSearchCV({ estimator: new KerasClassifier({ buildFn: createModel, verbose: 0, epochs: 1 }),
  paramGrid: { units: [2, 3] }, cv: 2, refit: false });
await partly.fit(X, y);
JSON.stringify(partly.cvResults.rank_test_score)
""")
    assert result.status == "ok", result.reply["content"]
    [out] = result.of_type("execute_result")
    assert out["content"]["data"]["text/plain"].strip("'\"") == "[1,2]"
    # Node prints a warning on the tick after the cell's last await: it reaches the notebook (under this
    # cell) before the kernel takes the next request.
    assert kernel.execute("1").status == "ok"
    msg_id = result.reply["parent_header"]["msg_id"]
    stderr = "".join(m["content"]["text"] for m in kernel.messages_for(msg_id)
                     if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
    assert stderr.count("FitFailedWarning") == 1, stderr
    assert ("2 of the 4 fits failed; their scores are set to errorScore=NaN.\n"
            "Reasons (fits × error):\n  2 × RangeError: 3 units are not allowed\n") in stderr
    view = final_view(result)
    assert view["status"] == "finished"
    assert view["bestTrialNumbers"] == [0]
    assert [(t["state"], t["rank"]) for t in view["trials"]] == [("COMPLETE", 1), ("FAIL", None)]
