/**
 * tfjs' `Bidirectional` wrapper, made cheaper around fused layers: the backward layer hands its
 * sequence back already in input order (a row copy in the fused op) instead of the wrapper reversing
 * it with `tf.reverse` — on wasm a slow generic kernel that, with its gradient, cost the seed's
 * BiLSTM about as much time as its recurrent layers. On the native kernel both directions are one op
 * (pair-op.ts) whose two sequences run at the same time. Everything else (config, weights, merge modes,
 * states, non-fused layers) is tfjs' own; registered under the standard class name 'Bidirectional'.
 */
import * as tf from '@tensorflow/tfjs';
import type { Bidirectional, BidirectionalLayerArgs } from '@tensorflow/tfjs-layers/dist/layers/wrappers';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types';
import { RNNLAB_SUBCLASS, standardClass } from '../layers';
import type { InputOrderSequence } from './layers';
import { nativeSequencePair } from './pair-op';
import { rnnKernelInfo } from './select';

const StandardBidirectional = standardClass<typeof Bidirectional>('Bidirectional');

/** The fields of tfjs' Bidirectional this wrapper reads (declared private there). */
interface BidirectionalFields {
  forwardLayer: tf.layers.Layer & Partial<InputOrderSequence>;
  backwardLayer: tf.layers.Layer & Partial<InputOrderSequence>;
  returnSequences: boolean;
  returnState: boolean;
  mergeMode: 'sum' | 'mul' | 'concat' | 'ave' | null | undefined;
}

const MERGE: Record<'sum' | 'mul' | 'concat' | 'ave', (a: tf.Tensor, b: tf.Tensor) => tf.Tensor> = {
  concat: (a, b) => tf.concat([a, b], -1),
  sum: (a, b) => tf.add(a, b),
  ave: (a, b) => tf.mul(0.5, tf.add(a, b)),
  mul: (a, b) => tf.mul(a, b),
};

/** Both directions as one native op, merged; `null` where that does not apply (see pair-op.ts). */
function bothAtOnce(f: BidirectionalFields, inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | null {
  const { forwardLayer, backwardLayer } = f;
  if (rnnKernelInfo().kernel !== 'native' || typeof forwardLayer.fusedSequence !== 'function') return null;
  const merged = tf.tidy<tf.Tensor | void>(() => {
    // The backward layer draws its dropout masks first, as when the two run one by one.
    const b = (backwardLayer as InputOrderSequence).fusedSequence(inputs, kwargs, true);
    const a = b === null ? null : (forwardLayer as InputOrderSequence).fusedSequence(inputs, kwargs, false);
    const pair = a === null || b === null ? null : nativeSequencePair([a.spec, b.spec], [a.tensors, b.tensors]);
    if (pair === null) return undefined;
    if (f.mergeMode === 'concat') return pair;
    const [forward, backward] = tf.split(pair, 2, -1);
    return MERGE[f.mergeMode as keyof typeof MERGE](forward, backward);
  });
  return merged ?? null;
}

/** `tf.layers.bidirectional` that skips the sequence reversal around fused layers (see the module comment). */
export class FastBidirectional extends StandardBidirectional {
  static readonly [RNNLAB_SUBCLASS] = true;

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const f = this as unknown as BidirectionalFields;
    const plain =
      f.returnSequences &&
      !f.returnState &&
      f.mergeMode != null &&
      (kwargs == null || kwargs['initialState'] == null) &&
      typeof f.backwardLayer.callInInputOrder === 'function' &&
      // The usual case: the backward copy goes backwards (a wrapped goBackwards layer makes it go forwards,
      // and tfjs reverses its output all the same).
      (f.backwardLayer as { goBackwards?: boolean }).goBackwards === true;
    const both = plain ? bothAtOnce(f, inputs, kwargs) : null;
    if (both !== null) return both;
    const backward = plain ? (f.backwardLayer as InputOrderSequence).callInInputOrder(inputs, kwargs) : null;
    if (backward !== null) {
      const merged = tf.tidy(() => MERGE[f.mergeMode as keyof typeof MERGE](f.forwardLayer.call(inputs, kwargs) as tf.Tensor, backward));
      backward.dispose();
      return merged;
    }
    return super.call(inputs, kwargs);
  }
}
tf.serialization.registerClass(FastBidirectional as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>);

/** tfjs' own Bidirectional, for `rnnImplementation: 'layers'`. */
export const STANDARD_BIDIRECTIONAL = StandardBidirectional;

/** Creates a Bidirectional wrapper; arguments as `tf.layers.bidirectional`. */
export function fastBidirectional(args: BidirectionalLayerArgs): FastBidirectional {
  return new FastBidirectional(args);
}
