/**
 * The tfjs-op kernel: a whole recurrent sequence forward, and its hand-written backward pass
 * (backpropagation through time), written with TensorFlow.js ops so that it runs on every backend,
 * GPU ones included. The native kernel (native-kernel.ts) computes the same thing faster on the CPU.
 *
 * Shapes: x [B, T, D]; kernel [D, G·H]; recurrentKernel [H, G·H]; h [B, T, H] in processing order
 * (step t reads input T-1-t when `goBackwards`), as Keras returns it.
 * Per step the work is one matmul of the recurrent state; the input projection of all steps, and in
 * the backward pass the weight gradients of all steps, are single large matmuls.
 */
import * as tf from '@tensorflow/tfjs';
import { CELL_KINDS, type FusedActivation, type SequenceGradients, type SequenceSpec } from './cells';

/** The tensors one sequence op reads. Masks are Keras dropout masks, the same for every step. */
export interface SequenceTensors {
  x: tf.Tensor;
  kernel: tf.Tensor;
  recurrentKernel: tf.Tensor;
  bias: tf.Tensor | null;
  /** [B, D], multiplies the inputs. */
  inputMask: tf.Tensor | null;
  /** [B, H], multiplies the state where it enters the recurrent matmul. */
  recurrentMask: tf.Tensor | null;
}

type Unary = (x: tf.Tensor) => tf.Tensor;

const APPLY: Record<FusedActivation, Unary> = {
  tanh: (x) => tf.tanh(x),
  sigmoid: (x) => tf.sigmoid(x),
  hardSigmoid: (x) => tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1),
  relu: (x) => tf.relu(x),
  linear: (x) => x,
};

/** Each activation's derivative, written in terms of its output y. */
const DERIVATIVE: Record<FusedActivation, Unary> = {
  tanh: (y) => tf.sub(1, tf.square(y)),
  sigmoid: (y) => tf.mul(y, tf.sub(1, y)),
  hardSigmoid: (y) => tf.mul(tf.cast(tf.logicalAnd(tf.greater(y, 0), tf.less(y, 1)), 'float32'), 0.2),
  relu: (y) => tf.cast(tf.greater(y, 0), 'float32'),
  linear: (y) => tf.onesLike(y),
};

/** What a forward pass keeps for its backward pass: per-step tensors in processing order. */
interface StepRecord {
  /** The masked previous state that entered the recurrent matmul. */
  hm: tf.Tensor;
  /** The unmasked previous state. */
  hPrev: tf.Tensor;
  /** Cell-specific values (LSTM: i, f, g, o, c_prev, s = act(c); GRU: z, r, hh, rh; SimpleRNN: h). */
  values: tf.Tensor[];
}

interface CellMath {
  /** Values per step in {@link StepRecord.values}. */
  valueCount: number;
  step(
    xp: tf.Tensor,
    hm: tf.Tensor,
    hPrev: tf.Tensor,
    cPrev: tf.Tensor,
    recurrentBias: tf.Tensor | null,
  ): { h: tf.Tensor; c: tf.Tensor; values: tf.Tensor[] };
  /** Gradients of the step's pre-activations: for the input projection and for the recurrent matmul. */
  back(
    dh: tf.Tensor,
    dcNext: tf.Tensor,
    rec: StepRecord,
  ): { dxp: tf.Tensor; drec: tf.Tensor; dhDirect: tf.Tensor | null; dcPrev: tf.Tensor };
}

function cellMath(spec: SequenceSpec, recurrentKernel: tf.Tensor): CellMath {
  const act = APPLY[spec.activation];
  const ract = APPLY[spec.recurrentActivation];
  const dact = DERIVATIVE[spec.activation];
  const dract = DERIVATIVE[spec.recurrentActivation];
  switch (spec.kind) {
    case 'LSTM':
      return {
        valueCount: 6,
        step(xp, hm, _hPrev, cPrev) {
          const [ai, af, ac, ao] = tf.split(tf.add(xp, tf.matMul(hm, recurrentKernel)), 4, 1);
          const i = ract(ai);
          const f = ract(af);
          const g = act(ac);
          const o = ract(ao);
          const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g));
          const s = act(c);
          return { h: tf.mul(o, s), c, values: [i, f, g, o, cPrev, s] };
        },
        back(dh, dcNext, rec) {
          const [i, f, g, o, cPrev, s] = rec.values;
          const dc = tf.add(dcNext, tf.mul(tf.mul(dh, o), dact(s)));
          const da = tf.concat(
            [
              tf.mul(tf.mul(dc, g), dract(i)),
              tf.mul(tf.mul(dc, cPrev), dract(f)),
              tf.mul(tf.mul(dc, i), dact(g)),
              tf.mul(tf.mul(dh, s), dract(o)),
            ],
            1,
          );
          return { dxp: da, drec: da, dhDirect: null, dcPrev: tf.mul(dc, f) };
        },
      };
    case 'GRU':
      return {
        valueCount: 4,
        step(xp, hm, hPrev, cPrev, recurrentBias) {
          const [xz, xr, xh] = tf.split(xp, 3, 1);
          let inner = tf.matMul(hm, recurrentKernel);
          if (recurrentBias) {
            inner = tf.add(inner, recurrentBias);
          }
          const [rz, rr, rh] = tf.split(inner, 3, 1);
          const z = ract(tf.add(xz, rz));
          const r = ract(tf.add(xr, rr));
          const hh = act(tf.add(xh, tf.mul(r, rh)));
          const h = tf.add(tf.mul(z, hPrev), tf.mul(tf.sub(1, z), hh));
          return { h, c: cPrev, values: [z, r, hh, rh] };
        },
        back(dh, dcNext, rec) {
          const [z, r, hh, rh] = rec.values;
          const dah = tf.mul(tf.mul(dh, tf.sub(1, z)), dact(hh));
          const daz = tf.mul(tf.mul(dh, tf.sub(rec.hPrev, hh)), dract(z));
          const dar = tf.mul(tf.mul(dah, rh), dract(r));
          return {
            dxp: tf.concat([daz, dar, dah], 1),
            drec: tf.concat([daz, dar, tf.mul(dah, r)], 1),
            dhDirect: tf.mul(dh, z),
            dcPrev: dcNext,
          };
        },
      };
    case 'SimpleRNN':
      return {
        valueCount: 1,
        step(xp, hm, _hPrev, cPrev) {
          const h = act(tf.add(xp, tf.matMul(hm, recurrentKernel)));
          return { h, c: cPrev, values: [h] };
        },
        back(dh, dcNext, rec) {
          const da = tf.mul(dh, dact(rec.values[0]));
          return { dxp: da, drec: da, dhDirect: null, dcPrev: dcNext };
        },
      };
  }
}

/** Splits a bias into the part added to the input projection and the recurrent part (GRU only). */
function splitBias(spec: SequenceSpec, bias: tf.Tensor | null): [tf.Tensor | null, tf.Tensor | null] {
  if (bias === null) {
    return [null, null];
  }
  if (spec.kind === 'GRU') {
    const [input, recurrent] = tf.unstack(bias, 0);
    return [input, recurrent];
  }
  return [bias, null];
}

function maskedInputs(spec: SequenceSpec, t: SequenceTensors): tf.Tensor {
  const x = t.inputMask ? tf.mul(t.x, tf.expandDims(t.inputMask, 1)) : t.x;
  return tf.reshape(x, [spec.batch * spec.timesteps, spec.features]);
}

/** The result of {@link tfjsSequenceForward}: outputs, and what the backward pass needs. */
export interface TfjsForward {
  /** [B, T, H], processing order. */
  h: tf.Tensor;
  /** Tensors to keep for {@link tfjsSequenceBackward} (customGrad's `save`). */
  saved: tf.Tensor[];
}

/** Runs the whole sequence forward with tfjs ops. */
export function tfjsSequenceForward(spec: SequenceSpec, t: SequenceTensors): TfjsForward {
  const { batch: B, timesteps: T, units: H } = spec;
  const G = CELL_KINDS[spec.kind].gates;
  const math = cellMath(spec, t.recurrentKernel);
  const [inputBias, recurrentBias] = splitBias(spec, t.bias);
  let projected = tf.reshape(tf.matMul(maskedInputs(spec, t), t.kernel), [B, T, G * H]);
  if (inputBias) {
    projected = tf.add(projected, inputBias);
  }
  // Time-major first: unstacking the leading axis gives contiguous slices (axis 1 is slow on wasm).
  // A copy before reversing: tfjs may still refer to the array unstack returned.
  const steps = [...tf.unstack(tf.transpose(projected, [1, 0, 2]), 0)];
  if (spec.goBackwards) {
    steps.reverse();
  }
  let h: tf.Tensor = tf.zeros([B, H]);
  let c: tf.Tensor = tf.zeros([B, H]);
  const outputs: tf.Tensor[] = [];
  const saved: tf.Tensor[] = [];
  for (const xp of steps) {
    const hm = t.recurrentMask ? tf.mul(h, t.recurrentMask) : h;
    const next = math.step(xp, hm, h, c, recurrentBias);
    saved.push(hm, h, ...next.values);
    h = next.h;
    c = next.c;
    outputs.push(h);
  }
  return { h: tf.transpose(tf.stack(outputs, 0), [1, 0, 2]), saved };
}

/**
 * Backpropagation through time for {@link tfjsSequenceForward}.
 * @param dh - gradient of the loss with respect to every output, [B, T, H] in processing order.
 */
export function tfjsSequenceBackward(
  spec: SequenceSpec,
  t: SequenceTensors,
  saved: tf.Tensor[],
  dh: tf.Tensor,
): SequenceGradients<tf.Tensor> {
  const { batch: B, timesteps: T, features: D, units: H } = spec;
  const G = CELL_KINDS[spec.kind].gates;
  const math = cellMath(spec, t.recurrentKernel);
  const stride = 2 + math.valueCount;
  const records: StepRecord[] = [];
  for (let s = 0; s < T; s += 1) {
    const at = s * stride;
    records.push({ hm: saved[at], hPrev: saved[at + 1], values: saved.slice(at + 2, at + stride) });
  }
  const dhs = tf.unstack(tf.transpose(dh, [1, 0, 2]), 0);
  const dxps: tf.Tensor[] = new Array<tf.Tensor>(T);
  const drecs: tf.Tensor[] = new Array<tf.Tensor>(T);
  let dhNext: tf.Tensor = tf.zeros([B, H]);
  let dcNext: tf.Tensor = tf.zeros([B, H]);
  for (let s = T - 1; s >= 0; s -= 1) {
    const step = math.back(tf.add(dhs[s], dhNext), dcNext, records[s]);
    dxps[s] = step.dxp;
    drecs[s] = step.drec;
    let dhm = tf.matMul(step.drec, t.recurrentKernel, false, true);
    if (t.recurrentMask) {
      dhm = tf.mul(dhm, t.recurrentMask);
    }
    dhNext = step.dhDirect ? tf.add(step.dhDirect, dhm) : dhm;
    dcNext = step.dcPrev;
  }
  // Back to input order for the input-side gradients.
  const inputOrder = spec.goBackwards ? [...dxps].reverse() : dxps;
  const dProjected = tf.reshape(tf.transpose(tf.stack(inputOrder, 0), [1, 0, 2]), [B * T, G * H]);
  const dKernel = tf.matMul(maskedInputs(spec, t), dProjected, true, false);
  let dx = tf.reshape(tf.matMul(dProjected, t.kernel, false, true), [B, T, D]);
  if (t.inputMask) {
    dx = tf.mul(dx, tf.expandDims(t.inputMask, 1));
  }
  const hms = tf.reshape(tf.stack(records.map((r) => r.hm), 0), [T * B, H]);
  const dRecurrent = tf.reshape(tf.stack(drecs, 0), [T * B, G * H]);
  const dRecurrentKernel = tf.matMul(hms, dRecurrent, true, false);
  let dBias: tf.Tensor | null = null;
  if (t.bias) {
    const dInputBias = tf.sum(dProjected, 0);
    dBias = spec.kind === 'GRU' ? tf.stack([dInputBias, tf.sum(dRecurrent, 0)], 0) : dInputBias;
  }
  return { dx, dKernel, dRecurrentKernel, dBias };
}
