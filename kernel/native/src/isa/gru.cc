// GRU, Keras 3 reset_after=True form (gate order z, r, h).
//
// Forward, per step t:
//   [xz|xr|xh] = Xm_t·W + b_in                  (all steps in one GEMM)
//   [rz|rr|rh] = (h_{t-1}·m_rec)·U + b_rec      (per step; 0·U + b_rec at t=0)
//   z = ra(xz + rz)   r = ra(xr + rr)   hh = a(xh + r·rh)
//   h_t = z·h_{t-1} + (1 - z)·hh                (unmasked h_{t-1})
//
// Cache layout (floats, time-major processing order, TB = T*B):
//   [0,      3·TB·H)  row (t*B+b): z | r | hh   (post-activation)
//   [3·TB·H, 4·TB·H)  rh  (recurrent h-part incl. b_rec, needed for dr)
//   [4·TB·H, 5·TB·H)  h_t
//
// Backward, per step (dh = dh_in[t] + carry):
//   dz_z = dh·(h_{t-1} - hh)·ra'(z)
//   da_h = dh·(1 - z)·a'(hh)                 (grad of the candidate pre-activation)
//   dz_r = da_h·rh·ra'(r)
//   input-side grads  dX3 = [dz_z | dz_r | da_h]
//   recurrent grads   dR3 = [dz_z | dz_r | da_h·r]
//   dh_{t-1} = dh·z + (dR3·U^T)·m_rec
//   db_in = Σ dX3, db_rec = Σ dR3, dW = Xm^T dX3, dU = Hm_prev^T dR3, dx = dX3 W^T.
#include <algorithm>

#include "activations.h"
#include "cells.h"
#include "rows.h"
#include "bptt.h"
#include "gemm.h"

namespace rnn {
namespace RNN_ISA_NS {

void gru_forward(const Dims& d, const Args& a, float* hout, float* cache) {
  const int B = d.B, T = d.T, D = d.D, H = d.H, GH = 3 * H, TB = T * B;
  const int nt = d.threads;
  float* zrh = cache;
  float* rhs = zrh + (size_t)TB * GH;
  float* hs = rhs + (size_t)TB * H;
  const float* bin = a.bias;
  const float* brec = a.bias ? a.bias + GH : nullptr;

  {
    Buf xt((size_t)TB * D);
    prepare_input(d, a.x, a.inMask, xt.p);
    sgemm(TB, GH, D, xt.p, D, false, a.W, GH, false, zrh, GH, false, nt);
  }
  PackedB Up;
  pack_b(Up, H, GH, a.U, GH, false);
  Buf hm((size_t)B * H);
  Buf rec((size_t)B * GH, true);

  for (int t = 0; t < T; ++t) {
    if (t > 0) {
      const float* hp = hs + (size_t)(t - 1) * B * H;
      const float* A = hp;
      if (a.recMask) {
        for (size_t k = 0; k < (size_t)B * H; ++k) hm.p[k] = hp[k] * a.recMask[k];
        A = hm.p;
      }
      sgemm_packed(B, A, H, false, Up, rec.p, GH, false, nt);
    }
    for (int b = 0; b < B; ++b) {
      const size_t r = (size_t)t * B + b;
      float* row = zrh + r * GH;
      const float* rr = rec.p + (size_t)b * GH;
      float* rh = rhs + r * H;
      float* h = hs + r * H;
      for (int j = 0; j < 2 * H; ++j) {
        float v = row[j] + rr[j];
        if (bin) v += bin[j] + brec[j];
        row[j] = v;
      }
      act_inplace(d.recAct, row, nullptr, 2 * H);
      const float* r_ = row + H;
      float* hh = row + 2 * H;
      for (int j = 0; j < H; ++j) {
        const float rhv = rr[2 * H + j] + (brec ? brec[2 * H + j] : 0.f);
        rh[j] = rhv;
        hh[j] = hh[j] + (bin ? bin[2 * H + j] : 0.f) + r_[j] * rhv;
      }
      act_inplace(d.act, hh, nullptr, H);
      const float* z = row;
      if (t > 0) {
        const float* hp = h - (size_t)B * H;
        for (int j = 0; j < H; ++j) h[j] = z[j] * hp[j] + (1.0f - z[j]) * hh[j];
      } else {
        for (int j = 0; j < H; ++j) h[j] = (1.0f - z[j]) * hh[j];
      }
    }
  }
  time_to_batch(B, T, H, hs, hout);
}

void gru_backward(const Dims& d, const Args& a, const float* cache, const float* dh, float* dx,
                  float* dW, float* dU, float* dBias) {
  const int B = d.B, T = d.T, H = d.H, GH = 3 * H, TB = T * B;
  const float* zrh = cache;
  const float* rhs = zrh + (size_t)TB * GH;
  const float* hs = rhs + (size_t)TB * H;

  Bptt bp(d, a, 3, /*shared=*/false, hs, dx, dW, dU, dBias, dBias ? dBias + GH : nullptr);
  Buf fac((size_t)B * GH);
  Buf dhc((size_t)B * H, true);   // carry: dL/dh_t from step t+1
  Buf dhz((size_t)B * H);         // dh·z (direct path to h_{t-1})

  for (int t = T - 1; t >= 0; --t) {
    for (int b = 0; b < B; ++b) {
      const float* row = zrh + ((size_t)t * B + b) * GH;
      float* f = fac.p + (size_t)b * GH;
      dact_from_y(d.recAct, row, f, 2 * H);
      dact_from_y(d.act, row + 2 * H, f + 2 * H, H);
    }
    for (int b = 0; b < B; ++b) {
      const size_t r = (size_t)t * B + b;
      const float* row = zrh + r * GH;
      const float* f = fac.p + (size_t)b * GH;
      const float* rh = rhs + r * H;
      const float* hp = t > 0 ? hs + (r - B) * H : nullptr;
      const float* dhin = dh + ((size_t)b * T + t) * H;
      float* dxr = bp.dX(t) + (size_t)b * GH;
      float* drr = bp.dR(t) + (size_t)b * GH;
      float* dhcb = dhc.p + (size_t)b * H;
      float* dhzb = dhz.p + (size_t)b * H;
      for (int j = 0; j < H; ++j) {
        const float z = row[j], rg = row[H + j], hh = row[2 * H + j];
        const float dht = dhin[j] + dhcb[j];
        const float hprev = hp ? hp[j] : 0.f;
        const float dzz = dht * (hprev - hh) * f[j];
        const float dah = dht * (1.0f - z) * f[2 * H + j];
        const float dzr = dah * rh[j] * f[H + j];
        dxr[j] = dzz;
        dxr[H + j] = dzr;
        dxr[2 * H + j] = dah;
        drr[j] = dzz;
        drr[H + j] = dzr;
        drr[2 * H + j] = dah * rg;
        dhzb[j] = dht * z;
      }
    }
    bp.finish_step(t, dhc.p);  // dhc <- (dR3·U^T)·m_rec, dx_t, chunked dW/dU/dBias
    if (t > 0)
      for (size_t k = 0; k < (size_t)B * H; ++k) dhc.p[k] += dhz.p[k];
  }
}

}  // namespace RNN_ISA_NS
}  // namespace rnn
