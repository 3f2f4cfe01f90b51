import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';
import { buildRnnProgressive } from './builder';
import type { RnnProgressiveOptions } from './options';

/** [what is wrong, options, argument named, text the message must contain]. */
const BAD: [string, unknown, string, RegExp][] = [
  ['zero initial units', { inputShape: [10, 2], initialUnits: 0 }, 'initialUnits', /positive integer, got 0$/],
  ['negative layers', { inputShape: [10, 2], numLayers: -1 }, 'numLayers', /positive integer, got -1/],
  ['zero layers', { inputShape: [10, 2], numLayers: 0 }, 'numLayers', /positive integer, got 0/],
  ['fractional units', { inputShape: [10, 2], initialUnits: 12.5 }, 'initialUnits', /got 12\.5/],
  ['dropout of 1', { inputShape: [10, 2], dropoutRate: 1 }, 'dropoutRate', /\[0, 1\), got 1$/],
  ['negative dropout', { inputShape: [10, 2], dropoutRate: -0.1 }, 'dropoutRate', /got -0\.1/],
  ['NaN dropout', { inputShape: [10, 2], dropoutRate: NaN }, 'dropoutRate', /got NaN/],
  ['recurrent dropout above 1', { inputShape: [10, 2], recurrentDropout: 1.5 }, 'recurrentDropout', /got 1\.5/],
  ['unknown cell type', { inputShape: [10, 2], cellType: 'LSTMs' }, 'cellType', /'LSTM' \| 'GRU' \| 'RNN', got 'LSTMs'/],
  ['lower-case cell type', { inputShape: [10, 2], cellType: 'lstm' }, 'cellType', /got 'lstm'/],
  ['unknown activation', { inputShape: [10, 2], outputActivation: 'softplusx' }, 'outputActivation', /'sigmoid'/],
  ['rank-1 input shape', { inputShape: [10] }, 'inputShape', /\[timesteps, features\].*got \[10\]/],
  ['rank-3 input shape', { inputShape: [32, 10, 2] }, 'inputShape', /rank 2/],
  ['missing input shape', {}, 'inputShape', /got undefined/],
  ['zero timesteps', { inputShape: [0, 2] }, 'inputShape[0]', /positive integer, got 0/],
  ['fractional features', { inputShape: [10, 2.5] }, 'inputShape[1]', /got 2\.5/],
  ['unknown merge mode', { inputShape: [10, 2], bidirectional: true, mergeMode: 'avg' }, 'mergeMode', /'ave'/],
  ['bidirectional as a string', { inputShape: [10, 2], bidirectional: 'yes' }, 'bidirectional', /true or false/],
  ['unknown sizing mode', { inputShape: [10, 2], hiddenSizing: 'halving' }, 'hiddenSizing', /'progressive' \| 'fixed'/],
  ['empty units list', { inputShape: [10, 2], hiddenSizing: [] }, 'hiddenSizing', /at least one layer/],
  ['zero in units list', { inputShape: [10, 2], hiddenSizing: [8, 0] }, 'hiddenSizing[1]', /got 0/],
  ['units list vs numLayers', { inputShape: [10, 2], hiddenSizing: [8, 4], numLayers: 3 }, 'numLayers', /length of hiddenSizing \(2\)/],
  ['minUnits above initialUnits', { inputShape: [10, 2], initialUnits: 8, minUnits: 16 }, 'minUnits', /initialUnits \(8\)/],
  ['softmax with one unit', { inputShape: [10, 2], outputActivation: 'softmax' }, 'outputUnits', /at least 2/],
  ['zero output units', { inputShape: [10, 2], outputUnits: 0 }, 'outputUnits', /positive integer/],
  ['fractional seed', { inputShape: [10, 2], seed: 1.5 }, 'seed', /integer, got 1\.5/],
  ['snake_case option', { inputShape: [10, 2], dropout_rate: 0.2 }, 'buildRnnProgressive.dropout_rate', /Did you mean `dropoutRate`/],
  ['typo in an option', { inputShape: [10, 2], intialUnits: 64 }, 'buildRnnProgressive.intialUnits', /Did you mean `initialUnits`/],
  ['options not an object', 'LSTM', 'options', /must be an object/],
];

describe('buildRnnProgressive rejects bad options before making any tensor', () => {
  for (const [what, options, argument, message] of BAD) {
    it(what, () => {
      const tensorsBefore = tf.memory().numTensors;
      assert.throws(
        () => buildRnnProgressive(options as RnnProgressiveOptions),
        (error: unknown) => {
          assert.ok(error instanceof InvalidArgumentError, `expected InvalidArgumentError, got ${String(error)}`);
          assert.equal(error.argument, argument);
          assert.match(error.message, message);
          assert.ok(error.message.startsWith(`\`${argument}\``), error.message);
          return true;
        },
      );
      assert.equal(tf.memory().numTensors, tensorsBefore);
    });
  }
});
