// LSTM (Keras gate order i, f, c, o).
//
// Forward, per step t (all rows b of the batch at once):
//   z   = Xm_t·W + (h_{t-1}·m_rec)·U + b                    [B, 4H]
//   i = ra(z_i)  f = ra(z_f)  g = a(z_c)  o = ra(z_o)
//   c_t = f·c_{t-1} + i·g          h_t = o·a(c_t)
//
// Cache layout (floats, time-major processing order, TB = T*B):
//   [0,        4·TB·H)  gates  row (t*B+b): i | f | g | o   (post-activation)
//   [4·TB·H,   5·TB·H)  c_t
//   [5·TB·H,   6·TB·H)  a(c_t)
//   [6·TB·H,   7·TB·H)  h_t
//
// Backward, per step t = T-1 .. 0 (dh = dh_in[t] + carry from step t+1):
//   dc    = dc_carry + dh·o·a'(a(c_t))
//   dz_i  = dc·g·ra'(i)      dz_f = dc·c_{t-1}·ra'(f)
//   dz_c  = dc·i·a'(g)       dz_o = dh·a(c_t)·ra'(o)
//   dc_carry = dc·f          dh_carry = (dZ_t·U^T)·m_rec
// dx_t, dW, dU, dBias from dZ via the shared Bptt helper (bptt.h).
#include <algorithm>

#include "activations.h"
#include "cellmath.h"
#include "cells.h"
#include "rows.h"
#include "bptt.h"
#include "gemm.h"

namespace rnn {
namespace RNN_ISA_NS {
namespace {

// One forward step, all B rows: z [B,4H] holds Xm·W + h·U on entry and the
// activated gates on exit; writes c_t, a(c_t), h_t.  bias / cp are never null
// (zero buffers stand in for "no bias" and c_{-1}).
template <int A, int RA>
void fwd_step(int B, int H, float* z, const float* bias, const float* cp, float* c, float* ac, float* h) {
  for (int b = 0; b < B; ++b) {
    float* row = z + (size_t)b * 4 * H;
    const size_t o = (size_t)b * H;
    for_lanes(H, [&](auto io, int j) {
      const vf ig = actT<RA>(io.ld(row + j) + io.ld(bias + j));
      const vf fg = actT<RA>(io.ld(row + H + j) + io.ld(bias + H + j));
      const vf gg = actT<A>(io.ld(row + 2 * H + j) + io.ld(bias + 2 * H + j));
      const vf og = actT<RA>(io.ld(row + 3 * H + j) + io.ld(bias + 3 * H + j));
      io.st(row + j, ig);
      io.st(row + H + j, fg);
      io.st(row + 2 * H + j, gg);
      io.st(row + 3 * H + j, og);
      const vf cv = fg * io.ld(cp + o + j) + ig * gg;
      io.st(c + o + j, cv);
      const vf acv = actT<A>(cv);
      io.st(ac + o + j, acv);
      io.st(h + o + j, og * acv);
    });
  }
}
using FwdStep = void (*)(int, int, float*, const float*, const float*, float*, float*, float*);

// One backward step, all B rows: reads gates / a(c_t) / c_{t-1} of step t,
// dh_in[:, t] and the carries dhc (dL/dh_t from t+1) and dcc (dL/dc_t from
// t+1); writes dZ_t [B,4H] and updates dcc to dL/dc_{t-1}.
template <int A, int RA>
void bwd_step(int B, int T, int t, int H, const float* g, const float* ac, const float* cp, const float* dh,
              const float* dhc, float* dcc, float* dz) {
  for (int b = 0; b < B; ++b) {
    const float* row = g + (size_t)b * 4 * H;
    float* drow = dz + (size_t)b * 4 * H;
    const float* dhin = dh + ((size_t)b * T + t) * H;
    const size_t o = (size_t)b * H;
    for_lanes(H, [&](auto io, int j) {
      const vf ig = io.ld(row + j), fg = io.ld(row + H + j);
      const vf gg = io.ld(row + 2 * H + j), og = io.ld(row + 3 * H + j);
      const vf acv = io.ld(ac + o + j);
      const vf dht = io.ld(dhin + j) + io.ld(dhc + o + j);
      const vf dc = (dht * og) * dactT<A>(acv) + io.ld(dcc + o + j);
      io.st(drow + j, (dc * gg) * dactT<RA>(ig));
      io.st(drow + H + j, (dc * io.ld(cp + o + j)) * dactT<RA>(fg));
      io.st(drow + 2 * H + j, (dc * ig) * dactT<A>(gg));
      io.st(drow + 3 * H + j, (dht * acv) * dactT<RA>(og));
      io.st(dcc + o + j, dc * fg);
    });
  }
}
using BwdStep = void (*)(int, int, int, int, const float*, const float*, const float*, const float*,
                         const float*, float*, float*);

}  // namespace

void lstm_forward(const Dims& d, const Args& a, float* hout, float* cache) {
  const int B = d.B, T = d.T, D = d.D, H = d.H, GH = 4 * H, TB = T * B;
  const int nt = d.threads;
  float* gates = cache;
  float* cs = gates + (size_t)TB * GH;
  float* acs = cs + (size_t)TB * H;
  float* hs = acs + (size_t)TB * H;

  // Input and recurrent projections fused into ONE GEMM per step:
  //   z_t = [Xm_t | Hm_{t-1}] · [W ; U]      ([B, D+H] x [D+H, 4H], [W;U] packed once)
  // This avoids a separate full-sequence projection pass (a [T*B, 4H] round
  // trip through memory) and gives the per-step GEMM a deeper K = D+H.
  PackedB WU;
  {
    Buf cat((size_t)(D + H) * GH);
    std::memcpy(cat.p, a.W, sizeof(float) * D * GH);
    std::memcpy(cat.p + (size_t)D * GH, a.U, sizeof(float) * H * GH);
    pack_b(WU, D + H, GH, cat.p, GH, false);
  }
  const int K = D + H;
  Buf xh((size_t)B * K);
  Buf zeros((size_t)std::max(GH, B * H), true);
  const float* bias = a.bias ? a.bias : zeros.p;
  FwdStep step = nullptr;
  pick_act(d.act, [&](auto A) {
    pick_act(d.recAct, [&](auto RA) { step = &fwd_step<decltype(A)::value, decltype(RA)::value>; });
  });

  for (int t = 0; t < T; ++t) {
    float* z = gates + (size_t)t * B * GH;
    const size_t r = (size_t)t * B * H;
    fill_xh(d, a, t, t > 0 ? hs + r - (size_t)B * H : nullptr, xh.p);
    sgemm_packed(B, xh.p, K, false, WU, z, GH, false, nt);
    step(B, H, z, bias, t > 0 ? cs + r - (size_t)B * H : zeros.p, cs + r, acs + r, hs + r);
  }
  time_to_batch(B, T, H, hs, hout);
}

void lstm_backward(const Dims& d, const Args& a, const float* cache, const float* dh, float* dx,
                   float* dW, float* dU, float* dBias) {
  const int B = d.B, T = d.T, H = d.H, GH = 4 * H, TB = T * B;
  const float* gates = cache;
  const float* cs = gates + (size_t)TB * GH;
  const float* acs = cs + (size_t)TB * H;
  const float* hs = acs + (size_t)TB * H;

  Bptt bp(d, a, 4, /*shared=*/true, hs, dx, dW, dU, dBias, nullptr);
  Buf dhc((size_t)B * H, true);   // dL/dh_t arriving from step t+1
  Buf dcc((size_t)B * H, true);   // dL/dc_t arriving from step t+1
  Buf zeros((size_t)B * H, true); // c_{-1}
  BwdStep step = nullptr;
  pick_act(d.act, [&](auto A) {
    pick_act(d.recAct, [&](auto RA) { step = &bwd_step<decltype(A)::value, decltype(RA)::value>; });
  });

  for (int t = T - 1; t >= 0; --t) {
    const size_t r = (size_t)t * B * H;
    step(B, T, t, H, gates + (size_t)t * B * GH, acs + r, t > 0 ? cs + r - (size_t)B * H : zeros.p, dh, dhc.p,
         dcc.p, bp.dX(t));
    bp.finish_step(t, dhc.p);  // dhc <- (dZ_t·U^T)·m_rec, dx_t, chunked dW/dU/dBias
  }
}

}  // namespace RNN_ISA_NS
}  // namespace rnn
