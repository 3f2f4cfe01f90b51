"""The `rnnlab` kernel spec, started by jupyter_client as JupyterLab starts it, runs rnnlab cells."""
import json

from jupyter_client.kernelspec import KernelSpecManager


def test_kernel_spec_is_installed_with_its_display_name():
    spec = KernelSpecManager().get_kernel_spec("rnnlab")
    assert spec.display_name == "TypeScript (rnnlab)"
    assert spec.language == "typescript"
    assert spec.argv[1].endswith("kernel/bin/rnnlab-kernel.js")


def test_cell_builds_and_fits_a_tiny_model_with_epoch_progress(kernel):
    result = kernel.execute(
        """
import { buildRnnProgressive, compileRnn, backendInfo } from "rnnlab";
import * as tf from "@tensorflow/tfjs";
const model = compileRnn(buildRnnProgressive({ inputShape: [6, 2], initialUnits: 8, numLayers: 2, seed: 1 }));
const x = tf.randomNormal([32, 6, 2], 0, 1, "float32", 1);
const y = tf.randomUniform([32, 1], 0, 1, "float32", 2).round();
const history = await model.fit(x, y, { epochs: 2, batchSize: 16 });
console.log(JSON.stringify({ params: model.countParams(), epochs: history.history.loss.length,
                             backend: backendInfo()?.backend }));
"""
    )
    assert result.status == "ok", result.stream("stderr")
    out = result.stream()
    assert "Epoch 1/2 - " in out and "Epoch 2/2 - " in out, out
    summary = json.loads(out.strip().splitlines()[-1])
    # LSTM(8) on 2 features, LSTM(4), Dense(1): 4*(8*10+8) + 4*(4*12+4) + 5 = 352 + 208 + 5
    assert summary["params"] == 565 and summary["epochs"] == 2
    # wasm ships with rnnlab, so the kernel never falls back to the slow cpu backend.
    assert summary["backend"] in ("tensorflow-gpu", "tensorflow", "wasm")


def test_seed_model_has_keras_parameter_count_in_a_cell(kernel):
    result = kernel.execute(
        'console.log(buildRnnProgressive({ inputShape: [100, 10], initialUnits: 128, numLayers: 3, cellType: "LSTM" }).countParams());'
    )
    assert result.status == "ok", result.stream("stderr")
    assert result.stream().strip() == "133025"


def test_cells_see_rnnlab_types(kernel):
    """The declarations rnnlab ships parse under tslab's TypeScript 5.0 and type-check cells."""
    result = kernel.execute('const n: string = buildRnnProgressive({ inputShape: [4, 2] }).countParams();')
    assert result.status == "error"
    assert "Type 'number' is not assignable to type 'string'" in result.reply["content"]["evalue"]


def test_bad_option_reports_the_argument_and_allowed_values(kernel):
    result = kernel.execute('buildRnnProgressive({ inputShape: [4, 2], cellType: "GRUU" as any });')
    assert result.status == "error"
    [error] = result.of_type("error")
    assert error["content"]["ename"] == "InvalidArgumentError"
    assert error["content"]["evalue"] == "`cellType` must be one of 'LSTM' | 'GRU' | 'RNN', got 'GRUU'"
