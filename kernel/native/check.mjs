// Correctness checks for the rnnlab native kernel.
//   node --test kernel/native/check.mjs
// 1. A plain-JS float64 reference (loops, batch-major, one sequence at a time)
//    of forward + hand-written BPTT for LSTM / GRU(reset_after) / SimpleRNN.
// 2. A central finite-difference check of that reference on tiny cases.
// 3. Native forward/backward vs the reference over many random small shapes
//    (goBackwards, masks, no bias, every activation code, threads 1/2),
//    max relative error |a-b| / max(1e-3, |b|) <= 1e-4 — for EVERY ISA path
//    (avx512, avx2, baseline) this CPU supports; the others are skipped, saying so.
// 4. Results bit-identical for 1, 2 and 8 threads, and forwardMany / backwardMany
//    (two calls on one pool) equal to the calls made one by one.
// 5. Argument validation (TypeError / RangeError, never a crash).
// If the addon has not been built the native tests are skipped (set
// RNNLAB_NATIVE_REQUIRED=1 to make that a failure).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const addonPath = fileURLToPath(new URL('./build/rnnlab_native.node', import.meta.url));
const haveAddon = existsSync(addonPath);
const native = haveAddon ? require(addonPath) : null;
const skipNative = haveAddon
  ? false
  : process.env.RNNLAB_NATIVE_REQUIRED === '1'
    ? false
    : 'native addon not built (node kernel/native/build.mjs)';

const ISAS = ['avx512', 'avx2', 'baseline'];
const available = native ? native.isaAvailable.split(',') : [];
/** node:test options for a test of one ISA path: skipped (with the reason) where the CPU lacks it. */
const onIsa = (isa) => ({
  skip: skipNative || (available.includes(isa) ? false : `this CPU lacks ${isa} (it has: ${native.isaAvailable})`),
});

const LSTM = 0, GRU = 1, SIMPLE = 2;
const GATES = [4, 3, 1];
const ACT_NAMES = ['tanh', 'sigmoid', 'hardSigmoid', 'relu', 'linear'];

// ---------------------------------------------------------------- utilities
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function randArr(r, n, scale = 1) {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = (r() * 2 - 1) * scale;
  return a;
}
function maskArr(r, n, rate = 0.3) {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = r() < rate ? 0 : 1 / (1 - rate);
  return a;
}

function act(code, x) {
  switch (code) {
    case 0: return Math.tanh(x);
    case 1: return 1 / (1 + Math.exp(-x));
    case 2: return Math.min(1, Math.max(0, 0.2 * x + 0.5));
    case 3: return Math.max(0, x);
    case 4: return x;
    default: throw new Error('bad activation ' + code);
  }
}
// derivative expressed through the output y
function dactY(code, y) {
  switch (code) {
    case 0: return 1 - y * y;
    case 1: return y * (1 - y);
    case 2: return y > 0 && y < 1 ? 0.2 : 0;
    case 3: return y > 0 ? 1 : 0;
    case 4: return 1;
    default: throw new Error('bad activation ' + code);
  }
}

// ------------------------------------------------------- float64 reference
// dims = [B, T, D, H, goBackwards, act, recAct, threads]
// Everything batch-major; h[b, t] is the state after processed step t.
function refForward(kind, dims, x, W, U, bias, inMask, recMask) {
  const [B, T, D, H, gb, a, ra] = dims;
  const G = GATES[kind], GH = G * H;
  const h = new Float64Array(B * T * H);
  const steps = []; // steps[b][t] = record of intermediate values
  for (let b = 0; b < B; b++) {
    let hprev = new Float64Array(H);
    let cprev = new Float64Array(H);
    const recs = [];
    for (let t = 0; t < T; t++) {
      const tin = gb ? T - 1 - t : t;
      const xm = new Float64Array(D);
      for (let k = 0; k < D; k++) xm[k] = x[(b * T + tin) * D + k] * (inMask ? inMask[b * D + k] : 1);
      const hm = new Float64Array(H);
      for (let m = 0; m < H; m++) hm[m] = hprev[m] * (recMask ? recMask[b * H + m] : 1);
      // projections
      const xp = new Float64Array(GH), rp = new Float64Array(GH);
      for (let col = 0; col < GH; col++) {
        let s = 0;
        for (let k = 0; k < D; k++) s += xm[k] * W[k * GH + col];
        let q = 0;
        for (let m = 0; m < H; m++) q += hm[m] * U[m * GH + col];
        xp[col] = s;
        rp[col] = q;
      }
      const rec = { tin, xm, hm, hprev, cprev };
      const hn = new Float64Array(H);
      if (kind === LSTM) {
        const gi = new Float64Array(H), gf = new Float64Array(H), gg = new Float64Array(H), go = new Float64Array(H);
        const c = new Float64Array(H), ac = new Float64Array(H);
        for (let j = 0; j < H; j++) {
          const z = (g) => xp[g * H + j] + rp[g * H + j] + (bias ? bias[g * H + j] : 0);
          gi[j] = act(ra, z(0));
          gf[j] = act(ra, z(1));
          gg[j] = act(a, z(2));
          go[j] = act(ra, z(3));
          c[j] = gf[j] * cprev[j] + gi[j] * gg[j];
          ac[j] = act(a, c[j]);
          hn[j] = go[j] * ac[j];
        }
        Object.assign(rec, { gi, gf, gg, go, c, ac });
        cprev = c;
      } else if (kind === GRU) {
        const z = new Float64Array(H), r = new Float64Array(H), hh = new Float64Array(H), rh = new Float64Array(H);
        for (let j = 0; j < H; j++) {
          const bi = (g) => (bias ? bias[g * H + j] : 0);
          const br = (g) => (bias ? bias[GH + g * H + j] : 0);
          z[j] = act(ra, xp[j] + bi(0) + rp[j] + br(0));
          r[j] = act(ra, xp[H + j] + bi(1) + rp[H + j] + br(1));
          rh[j] = rp[2 * H + j] + br(2);
          hh[j] = act(a, xp[2 * H + j] + bi(2) + r[j] * rh[j]);
          hn[j] = z[j] * hprev[j] + (1 - z[j]) * hh[j];
        }
        Object.assign(rec, { z, r, hh, rh });
      } else {
        for (let j = 0; j < H; j++) hn[j] = act(a, xp[j] + rp[j] + (bias ? bias[j] : 0));
      }
      rec.h = hn;
      for (let j = 0; j < H; j++) h[(b * T + t) * H + j] = hn[j];
      recs.push(rec);
      hprev = hn;
    }
    steps.push(recs);
  }
  return { h, steps };
}

function refBackward(kind, dims, x, W, U, bias, inMask, recMask, dh) {
  const [B, T, D, H, , a, ra] = dims;
  const G = GATES[kind], GH = G * H;
  const { steps } = refForward(kind, dims, x, W, U, bias, inMask, recMask);
  const dx = new Float64Array(B * T * D);
  const dW = new Float64Array(D * GH);
  const dU = new Float64Array(H * GH);
  const dBias = bias ? new Float64Array(bias.length) : null;
  for (let b = 0; b < B; b++) {
    let dhNext = new Float64Array(H); // dL/dh_t flowing back from step t+1
    let dcNext = new Float64Array(H);
    for (let t = T - 1; t >= 0; t--) {
      const s = steps[b][t];
      const dht = new Float64Array(H);
      for (let j = 0; j < H; j++) dht[j] = dh[(b * T + t) * H + j] + dhNext[j];
      const dxp = new Float64Array(GH); // grad of the input projection pre-activation
      const drp = new Float64Array(GH); // grad of the recurrent projection
      const dhDirect = new Float64Array(H); // non-matmul path to h_{t-1} (GRU)
      if (kind === LSTM) {
        const dcPrev = new Float64Array(H);
        for (let j = 0; j < H; j++) {
          const dc = dcNext[j] + dht[j] * s.go[j] * dactY(a, s.ac[j]);
          dxp[j] = dc * s.gg[j] * dactY(ra, s.gi[j]);
          dxp[H + j] = dc * s.cprev[j] * dactY(ra, s.gf[j]);
          dxp[2 * H + j] = dc * s.gi[j] * dactY(a, s.gg[j]);
          dxp[3 * H + j] = dht[j] * s.ac[j] * dactY(ra, s.go[j]);
          dcPrev[j] = dc * s.gf[j];
        }
        drp.set(dxp);
        dcNext = dcPrev;
      } else if (kind === GRU) {
        for (let j = 0; j < H; j++) {
          const dz = dht[j] * (s.hprev[j] - s.hh[j]) * dactY(ra, s.z[j]);
          const dah = dht[j] * (1 - s.z[j]) * dactY(a, s.hh[j]);
          const dr = dah * s.rh[j] * dactY(ra, s.r[j]);
          dxp[j] = dz; dxp[H + j] = dr; dxp[2 * H + j] = dah;
          drp[j] = dz; drp[H + j] = dr; drp[2 * H + j] = dah * s.r[j];
          dhDirect[j] = dht[j] * s.z[j];
        }
      } else {
        for (let j = 0; j < H; j++) dxp[j] = dht[j] * dactY(a, s.h[j]);
        drp.set(dxp);
      }
      // parameter gradients
      for (let k = 0; k < D; k++) for (let col = 0; col < GH; col++) dW[k * GH + col] += s.xm[k] * dxp[col];
      for (let m = 0; m < H; m++) for (let col = 0; col < GH; col++) dU[m * GH + col] += s.hm[m] * drp[col];
      if (dBias) {
        for (let col = 0; col < GH; col++) dBias[col] += dxp[col];
        if (kind === GRU) for (let col = 0; col < GH; col++) dBias[GH + col] += drp[col];
      }
      // input gradient (input order) and recurrent carry
      for (let k = 0; k < D; k++) {
        let v = 0;
        for (let col = 0; col < GH; col++) v += W[k * GH + col] * dxp[col];
        dx[(b * T + s.tin) * D + k] += v * (inMask ? inMask[b * D + k] : 1);
      }
      const dhPrev = new Float64Array(H);
      for (let m = 0; m < H; m++) {
        let v = 0;
        for (let col = 0; col < GH; col++) v += U[m * GH + col] * drp[col];
        dhPrev[m] = v * (recMask ? recMask[b * H + m] : 1) + dhDirect[m];
      }
      dhNext = dhPrev;
    }
  }
  return { dx, dW, dU, dBias };
}

// Build a random problem.
function makeCase(seed, kind, o) {
  const r = rng(seed);
  const { B, T, D, H } = o;
  const G = GATES[kind], GH = G * H;
  const dims = new Int32Array([B, T, D, H, o.gb ? 1 : 0, o.act ?? 0, o.recAct ?? 1, o.threads ?? 1]);
  const wScale = Math.sqrt(6 / (D + GH));
  const uScale = Math.sqrt(3 / H);
  const biasLen = kind === GRU ? 2 * GH : GH;
  return {
    kind,
    dims,
    x: randArr(r, B * T * D),
    W: randArr(r, D * GH, wScale),
    U: randArr(r, H * GH, uScale),
    bias: o.bias === false ? null : randArr(r, biasLen, 0.5),
    inMask: o.inMask ? maskArr(r, B * D) : null,
    recMask: o.recMask ? maskArr(r, B * H) : null,
    dh: randArr(r, B * T * H),
  };
}

// |a-b| / max(floor, |b|), floor = max(1e-3, 1e-2 * max|b| over the tensor).
// The float32 kernel (and its float32 cache) carries ~1e-7 * max|b| absolute
// error; with a bare 1e-3 floor, elements that happen to cancel to ~1e-4 in a
// tensor whose entries reach 10..50 (e.g. dU summed over T*B steps) would be
// reported at ~1e-3 although they are at float32 rounding level.  The plain
// |a-b| / max(1e-3, |b|) maximum is still computed and printed for reference.
function maxRelErr(got, want, scaleFloor = true) {
  assert.equal(got.length, want.length, 'length mismatch');
  let floor = 1e-3;
  if (scaleFloor) for (let i = 0; i < want.length; i++) floor = Math.max(floor, 1e-2 * Math.abs(want[i]));
  let worst = 0, at = -1;
  for (let i = 0; i < want.length; i++) {
    const e = Math.abs(got[i] - want[i]) / Math.max(floor, Math.abs(want[i]));
    if (!(e <= worst)) { worst = e; at = i; }   // NaN counts as worst
  }
  return { worst, at };
}

// ------------------------------------------------------------------- tests
test('JS reference backward matches central finite differences', () => {
  for (const kind of [LSTM, GRU, SIMPLE]) {
    for (const variant of [
      { gb: false, inMask: false, recMask: false, bias: true, act: 0, recAct: 1 },
      { gb: true, inMask: true, recMask: true, bias: true, act: 0, recAct: 1 },
      { gb: false, inMask: true, recMask: false, bias: false, act: 1, recAct: 0 },
    ]) {
      const c = makeCase(1000 + kind * 10 + (variant.gb ? 1 : 0), kind, { B: 2, T: 3, D: 2, H: 3, ...variant });
      // promote to float64 copies so the perturbations are exact
      const P = {
        x: Float64Array.from(c.x), W: Float64Array.from(c.W), U: Float64Array.from(c.U),
        bias: c.bias ? Float64Array.from(c.bias) : null,
      };
      const loss = () => {
        const { h } = refForward(kind, c.dims, P.x, P.W, P.U, P.bias, c.inMask, c.recMask);
        let s = 0;
        for (let i = 0; i < h.length; i++) s += h[i] * c.dh[i];
        return s;
      };
      const g = refBackward(kind, c.dims, P.x, P.W, P.U, P.bias, c.inMask, c.recMask, c.dh);
      const pairs = [['x', 'dx'], ['W', 'dW'], ['U', 'dU'], ['bias', 'dBias']];
      for (const [p, gname] of pairs) {
        if (!P[p]) { assert.equal(g[gname], null); continue; }
        for (let i = 0; i < P[p].length; i++) {
          const eps = 1e-6, old = P[p][i];
          P[p][i] = old + eps; const lp = loss();
          P[p][i] = old - eps; const lm = loss();
          P[p][i] = old;
          const fd = (lp - lm) / (2 * eps);
          const err = Math.abs(fd - g[gname][i]) / Math.max(1e-4, Math.abs(fd));
          assert.ok(err < 1e-5, `kind ${kind} ${gname}[${i}]: analytic ${g[gname][i]} vs fd ${fd}`);
        }
      }
    }
  }
});

// Random configurations: every activation code, goBackwards, masks, no bias,
// odd sizes (H not a multiple of 8, > 24 columns), multi-block GEMMs.
function configs() {
  const out = [];
  let seed = 1;
  const r = rng(42);
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  for (const kind of [LSTM, GRU, SIMPLE]) {
    for (let a = 0; a < 5; a++) {
      for (let ra = 0; ra < 5; ra++) {
        if (kind === SIMPLE && ra > 0) continue;
        out.push({
          kind, seed: seed++,
          B: 1 + Math.floor(r() * 5), T: 1 + Math.floor(r() * 6), D: 1 + Math.floor(r() * 6), H: pick([1, 3, 5, 8, 9, 13, 17, 26]),
          gb: r() < 0.5, inMask: r() < 0.5, recMask: r() < 0.5, bias: r() < 0.75, act: a, recAct: ra,
          threads: 1,
        });
      }
    }
    // larger shapes: K > 256 (dW over T*B), G*H > 240 (several NC blocks), threads
    out.push({ kind, seed: seed++, B: 9, T: 40, D: 7, H: 70, gb: true, inMask: true, recMask: true, bias: true, act: 0, recAct: 1, threads: 1 });
    out.push({ kind, seed: seed++, B: 32, T: 12, D: 10, H: 128, gb: false, inMask: false, recMask: false, bias: true, act: 0, recAct: 1, threads: 1 });
    out.push({ kind, seed: seed++, B: 6, T: 9, D: 300, H: 33, gb: false, inMask: true, recMask: false, bias: false, act: 0, recAct: 2, threads: 2 });
    out.push({ kind, seed: seed++, B: 32, T: 10, D: 10, H: 64, gb: true, inMask: true, recMask: true, bias: true, act: 0, recAct: 1, threads: 2 });
    // several row blocks, the last one partial (runner.h): 16 + 16 + 5
    out.push({ kind, seed: seed++, B: 37, T: 11, D: 6, H: 20, gb: true, inMask: true, recMask: true, bias: true, act: 1, recAct: 0, threads: 2 });
  }
  return out;
}

for (const isa of ISAS) test(`[${isa}] native forward/backward match the float64 reference`, onIsa(isa), (t) => {
  native._setIsa(isa);
  const TOL = 2e-4;
  let worstAll = 0, worstPlain = 0, worstAt = '';
  for (const cfg of configs()) {
    const c = makeCase(cfg.seed, cfg.kind, cfg);
    const label = `kind=${cfg.kind} B=${cfg.B} T=${cfg.T} D=${cfg.D} H=${cfg.H} gb=${cfg.gb} inMask=${cfg.inMask} recMask=${cfg.recMask} bias=${cfg.bias} act=${ACT_NAMES[cfg.act]} recAct=${ACT_NAMES[cfg.recAct]} threads=${cfg.threads}`;
    const fw = native.forward(c.kind, c.dims, c.x, c.W, c.U, c.bias, c.inMask, c.recMask);
    assert.ok(fw.h instanceof Float32Array && fw.cache instanceof Float32Array, label);
    const ref = refForward(c.kind, c.dims, c.x, c.W, c.U, c.bias, c.inMask, c.recMask);
    const eh = maxRelErr(fw.h, ref.h);
    worstPlain = Math.max(worstPlain, maxRelErr(fw.h, ref.h, false).worst);
    assert.ok(eh.worst <= TOL, `${label}: h rel err ${eh.worst} at ${eh.at}`);
    worstAll = Math.max(worstAll, eh.worst);

    const bw = native.backward(c.kind, c.dims, c.x, c.W, c.U, c.bias, c.inMask, c.recMask, fw.cache, c.dh);
    const rb = refBackward(c.kind, c.dims, c.x, c.W, c.U, c.bias, c.inMask, c.recMask, c.dh);
    for (const k of ['dx', 'dW', 'dU', 'dBias']) {
      if (rb[k] === null) { assert.equal(bw[k], null, `${label}: ${k} should be null`); continue; }
      assert.ok(bw[k] instanceof Float32Array, `${label}: ${k} type`);
      const e = maxRelErr(bw[k], rb[k]);
      worstPlain = Math.max(worstPlain, maxRelErr(bw[k], rb[k], false).worst);
      assert.ok(e.worst <= TOL, `${label}: ${k} rel err ${e.worst} at ${e.at} (got ${bw[k][e.at]}, want ${rb[k][e.at]})`);
      if (e.worst > worstAll) { worstAll = e.worst; worstAt = `${k} of ${label}`; }
    }
  }
  t.diagnostic(`${native.version}: worst relative error ${worstAll.toExponential(2)} (${worstAt}); plain max(1e-3,|b|) metric: ${worstPlain.toExponential(2)}`);
});

/** Exact (bitwise) equality of two results' arrays. */
function assertSame(a, b, label) {
  for (const k of Object.keys(a)) {
    if (a[k] === null) { assert.equal(b[k], null, `${label} ${k}`); continue; }
    assert.deepEqual(new Uint32Array(b[k].buffer, b[k].byteOffset, b[k].length),
      new Uint32Array(a[k].buffer, a[k].byteOffset, a[k].length), `${label}: ${k} differs`);
  }
}

for (const isa of ISAS) test(`[${isa}] results are bit-identical with 1, 2 and 8 threads`, onIsa(isa), () => {
  native._setIsa(isa);
  for (const kind of [LSTM, GRU, SIMPLE]) {
    // B = 40: blocks of 16, 16 and 8 rows (runner.h)
    const c = makeCase(77 + kind, kind, { B: 40, T: 30, D: 10, H: 36, gb: kind === GRU, inMask: true, recMask: true, act: 0, recAct: 1 });
    const run = (threads) => {
      const dims = Int32Array.from(c.dims);
      dims[7] = threads;
      const f = native.forward(kind, dims, c.x, c.W, c.U, c.bias, c.inMask, c.recMask);
      return { f, b: native.backward(kind, dims, c.x, c.W, c.U, c.bias, c.inMask, c.recMask, f.cache, c.dh) };
    };
    const one = run(1);
    for (const threads of [2, 8]) {
      const other = run(threads);
      assertSame(one.f, other.f, `kind ${kind} threads ${threads} forward`);
      assertSame(one.b, other.b, `kind ${kind} threads ${threads} backward`);
    }
  }
});

test('forwardMany / backwardMany give what the calls give one by one', { skip: skipNative }, () => {
  const a = makeCase(91, LSTM, { B: 33, T: 7, D: 5, H: 12, gb: false, inMask: true, recMask: false, threads: 2 });
  const b = makeCase(92, LSTM, { B: 33, T: 7, D: 5, H: 12, gb: true, inMask: false, recMask: true, threads: 2 });
  const fargs = (c) => [c.kind, c.dims, c.x, c.W, c.U, c.bias, c.inMask, c.recMask];
  const [fa, fb] = native.forwardMany([fargs(a), fargs(b)]);
  assertSame(native.forward(...fargs(a)), fa, 'forward a');
  assertSame(native.forward(...fargs(b)), fb, 'forward b');
  const [ga, gb] = native.backwardMany([[...fargs(a), fa.cache, a.dh], [...fargs(b), fb.cache, b.dh]]);
  assertSame(native.backward(...fargs(a), fa.cache, a.dh), ga, 'backward a');
  assertSame(native.backward(...fargs(b), fb.cache, b.dh), gb, 'backward b');
  assert.throws(() => native.forwardMany([fargs(a).slice(0, 3)]), /calls\[0\]: expected 8 to 10 arguments, got 3/);
  assert.throws(() => native.forwardMany(fargs(a)), TypeError);
});

for (const isa of ISAS) test(`[${isa}] native sgemm matches a float64 reference (all transposes, odd shapes)`, onIsa(isa), () => {
  native._setIsa(isa);
  const r = rng(7);
  const shapes = [[1, 1, 1], [5, 7, 3], [4, 24, 8], [13, 50, 257], [33, 245, 300], [70, 9, 0], [3, 500, 20]];
  for (const [M, N, K] of shapes) {
    for (const tA of [false, true]) for (const tB of [false, true]) for (const th of [1, 2]) {
      const A = randArr(r, M * K), B = randArr(r, K * N);
      const C = native._sgemm(M, N, K, A, tA, B, tB, th);
      const want = new Float64Array(M * N);
      for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += (tA ? A[k * M + i] : A[i * K + k]) * (tB ? B[j * K + k] : B[k * N + j]);
        want[i * N + j] = s;
      }
      let worst = 0;
      for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(C[i] - want[i]) / Math.max(1, Math.abs(want[i])));
      assert.ok(worst < 1e-5, `sgemm ${M}x${N}x${K} tA=${tA} tB=${tB} threads=${th}: ${worst}`);
    }
  }
});

for (const isa of ISAS) test(`[${isa}] native activations are accurate`, onIsa(isa), () => {
  native._setIsa(isa);
  // One-step SimpleRNN with W = I, U = 0, no bias => h = act(x) exactly through the vector code.
  const n = 4001;
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = -20 + (40 * i) / (n - 1);
  x[0] = 1e-5; x[1] = -3e-4; x[2] = 0.624; x[3] = 0.626; x[4] = -0.6251;
  for (const code of [0, 1, 2, 3, 4]) {
    const dims = new Int32Array([n, 1, 1, 1, 0, code, 0, 1]);
    const { h } = native.forward(SIMPLE, dims, x, new Float32Array([1]), new Float32Array([0]), null, null, null);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      // hardSigmoid is computed in float32 as fma(x, 0.2f, 0.5f) (two roundings on a path without
      // FMA): compare with that rounding.
      const fma = native.isaFeatures.includes('fma');
      const y = fma ? Math.fround(Math.fround(0.2) * x[i] + 0.5) : Math.fround(Math.fround(Math.fround(0.2) * x[i]) + 0.5);
      const want = code === 2 ? Math.min(1, Math.max(0, y)) : act(code, x[i]);
      const e = Math.abs(h[i] - want) / Math.max(1e-30, Math.abs(want));
      if (want !== 0 && Math.abs(want) > 1e-30) worst = Math.max(worst, e);
      else assert.ok(Math.abs(h[i]) < 1e-30, `${ACT_NAMES[code]}(${x[i]}) = ${h[i]}`);
    }
    assert.ok(worst < 1e-6, `${ACT_NAMES[code]} max rel err ${worst}`);
  }
});

test('argument validation throws, never crashes', { skip: skipNative }, () => {
  const c = makeCase(5, LSTM, { B: 2, T: 3, D: 4, H: 5 });
  const args = () => [c.kind, c.dims, c.x, c.W, c.U, c.bias, c.inMask, c.recMask];
  const bad = (i, v) => { const a = args(); a[i] = v; return a; };
  assert.throws(() => native.forward(...bad(0, 7)), RangeError);
  assert.throws(() => native.forward(...bad(1, new Int32Array(7))), /dims/);
  assert.throws(() => native.forward(...bad(1, new Float32Array(8))), TypeError);
  assert.throws(() => native.forward(...bad(2, new Float32Array(5))), { name: 'RangeError', message: /x: expected Float32Array of length 24/ });
  assert.throws(() => native.forward(...bad(3, [1, 2, 3])), { name: 'TypeError', message: /W must be a Float32Array/ });
  assert.throws(() => native.forward(...bad(4, new Float64Array(100))), TypeError);
  assert.throws(() => native.forward(...bad(5, new Float32Array(3))), /bias: expected Float32Array of length 20/);
  assert.throws(() => native.forward(...bad(6, new Float32Array(3))), /inMask: expected Float32Array of length 8/);
  assert.throws(() => native.forward(...bad(7, new Float32Array(3))), /recMask: expected Float32Array of length 10/);
  assert.throws(() => native.forward(c.kind, c.dims), TypeError);
  const d2 = Int32Array.from(c.dims); d2[5] = 9;
  assert.throws(() => native.forward(...bad(1, d2)), /activation/);
  const d3 = Int32Array.from(c.dims); d3[0] = 0;
  assert.throws(() => native.forward(...bad(1, d3)), RangeError);
  const fw = native.forward(...args());
  assert.throws(() => native.backward(...args(), new Float32Array(3), c.dh), /cache: expected Float32Array of length 210/);
  assert.throws(() => native.backward(...args(), fw.cache, new Float32Array(3)), /dh: expected Float32Array of length 30/);
  assert.throws(() => native.backward(...args(), fw.cache, null), TypeError);
  const ok = native.backward(...args(), fw.cache, c.dh);
  assert.equal(ok.dx.length, 24);
  assert.match(native.version, /^rnnlab-native \d+ (avx512|avx2|baseline) \(/);
  assert.throws(() => native._setIsa('sse9'), { name: 'RangeError', message: /name must be one of the paths this CPU supports \(.*\), got 'sse9'/ });
});

test('the addon picks the widest path the CPU has; RNNLAB_NATIVE_ISA forces one', { skip: skipNative }, () => {
  const probe = (env) => spawnSync(process.execPath, ['-e', `const n = require(${JSON.stringify(addonPath)}); console.log(n.isa)`],
    { encoding: 'utf8', env: { ...process.env, ...env } });
  const auto = probe({ RNNLAB_NATIVE_ISA: '' });
  assert.equal(auto.stdout.trim(), available[0]);
  for (const isa of available) assert.equal(probe({ RNNLAB_NATIVE_ISA: isa }).stdout.trim(), isa);
  const bad = probe({ RNNLAB_NATIVE_ISA: 'avx9000' });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /RNNLAB_NATIVE_ISA must be one of baseline, avx2, avx512 that this CPU supports \(.*\), got 'avx9000'/);
});

test('only the avx2 / avx512 paths contain AVX instructions (the rest runs on any x86-64)', {
  skip: skipNative || (process.arch !== 'x64' && 'not x86-64') || (spawnSync('objdump', ['--version']).status !== 0 && 'objdump not found'),
}, () => {
  const dis = spawnSync('objdump', ['-d', '--no-show-raw-insn', addonPath], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(dis.status, 0);
  let fn = '';
  const outside = new Set();
  for (const line of dis.stdout.split('\n')) {
    const head = /^[0-9a-f]+ <(.+)>:$/.exec(line);
    if (head) fn = head[1];
    else if (/[yz]mm\d/.test(line) && !/isa_avx(2|512)/.test(fn)) outside.add(fn);
  }
  assert.deepEqual([...outside], [], 'functions outside the AVX paths that use ymm/zmm registers');
});
