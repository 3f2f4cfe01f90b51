"""Seeded runs in the real kernel: overlapping seeded fits each repeat what they give alone, and
Math.random is never replaced."""
import json

SETUP = """
import { buildRnnProgressive, compileRnn, fitLive, KerasClassifier } from "rnnlab";
import * as tf from "@tensorflow/tfjs";
const originalRandom = Math.random;
const X = tf.randomNormal([16, 4, 2], 0, 1, "float32", 8);
const Y = tf.tensor2d(Array.from({ length: 16 }, (_, i) => i % 2), [16, 1]);
const labels = Array.from({ length: 16 }, (_, i) => i % 2);
function createModel({ units = 3 }: { units?: number } = {}) {
  return compileRnn(buildRnnProgressive({ inputShape: [4, 2], initialUnits: units, numLayers: 1, dropoutRate: 0.4 }), { learningRate: 0.05 });
}
// fitLive's seed: the shuffling and dropout of that fit (the weights start from the model's own seed).
async function fitLoss(seed: number): Promise<number[]> {
  const model = compileRnn(buildRnnProgressive({ inputShape: [4, 2], initialUnits: 3, numLayers: 1, dropoutRate: 0.4, seed: 5 }));
  const history = await fitLive(model, X, Y, { epochs: 3, batchSize: 4, seed, title: `seed ${seed}` });
  model.dispose();
  return history.history.loss as number[];
}
// An estimator's randomState: its model's initial weights too.
async function probabilities(randomState: number): Promise<number[][]> {
  const estimator = new KerasClassifier({ buildFn: createModel, epochs: 2, batchSize: 4, randomState, verbose: 0 });
  await estimator.fit(X, labels);
  return estimator.predictProba(X);
}
"""


def last_json(result):
    assert result.status == "ok", result.reply["content"]
    return json.loads(result.stream().strip().splitlines()[-1])


def test_overlapping_seeded_fits_repeat_their_results_alone_and_leave_math_random_alone(kernel):
    assert kernel.execute(SETUP).status == "ok"
    result = kernel.execute("""
const aloneFits = [await fitLoss(1), await fitLoss(2)];
const aloneEstimators = [await probabilities(1), await probabilities(2)];
const together = await Promise.all([fitLoss(1), fitLoss(2), probabilities(1), probabilities(2)]);
console.log(JSON.stringify({ aloneFits, aloneEstimators, together, untouched: Math.random === originalRandom }));
""")
    runs = last_json(result)
    assert runs["together"] == runs["aloneFits"] + runs["aloneEstimators"]
    assert runs["aloneFits"][0] != runs["aloneFits"][1]
    assert runs["aloneEstimators"][0] != runs["aloneEstimators"][1]
    assert runs["untouched"] is True
    # Later code draws from the real generator, not a seeded stream left behind.
    after = last_json(kernel.execute("console.log(JSON.stringify([Math.random === originalRandom, Math.random() !== Math.random()]))"))
    assert after == [True, True]
