// SimpleRNN:  h_t = a(Xm_t·W + (h_{t-1}·m_rec)·U + b)
//
// Cache layout: [0, TB·H) h_t, time-major processing order (row t*B+b).
// Backward:  dz_t = (dh_in[t] + carry)·a'(h_t);  carry = (dz_t·U^T)·m_rec;
//            dx, dW, dU, dBias via the shared Bptt helper (bptt.h).
#include "activations.h"
#include "cells.h"
#include "rows.h"
#include "bptt.h"
#include "gemm.h"

namespace rnn {
namespace RNN_ISA_NS {

void simple_forward(const Dims& d, const Args& a, float* hout, float* cache) {
  const int B = d.B, T = d.T, D = d.D, H = d.H;
  const int nt = d.threads;
  float* hs = cache;
  // One GEMM per step: z_t = [Xm_t | Hm_{t-1}] · [W ; U]   (see lstm.cc)
  PackedB WU;
  {
    Buf cat((size_t)(D + H) * H);
    std::memcpy(cat.p, a.W, sizeof(float) * D * H);
    std::memcpy(cat.p + (size_t)D * H, a.U, sizeof(float) * H * H);
    pack_b(WU, D + H, H, cat.p, H, false);
  }
  const int K = D + H;
  Buf xh((size_t)B * K);
  for (int t = 0; t < T; ++t) {
    float* z = hs + (size_t)t * B * H;
    fill_xh(d, a, t, t > 0 ? z - (size_t)B * H : nullptr, xh.p);
    sgemm_packed(B, xh.p, K, false, WU, z, H, false, nt);
    for (int b = 0; b < B; ++b) act_inplace(d.act, z + (size_t)b * H, a.bias, H);
  }
  time_to_batch(B, T, H, hs, hout);
}

void simple_backward(const Dims& d, const Args& a, const float* cache, const float* dh, float* dx,
                     float* dW, float* dU, float* dBias) {
  const int B = d.B, T = d.T, H = d.H;
  const float* hs = cache;
  Bptt bp(d, a, 1, /*shared=*/true, hs, dx, dW, dU, dBias, nullptr);
  Buf dhc((size_t)B * H, true);
  for (int t = T - 1; t >= 0; --t) {
    float* dz = bp.dX(t);
    dact_from_y(d.act, hs + (size_t)t * B * H, dz, B * H);
    for (int b = 0; b < B; ++b) {
      const float* dhin = dh + ((size_t)b * T + t) * H;
      float* dzb = dz + (size_t)b * H;
      const float* dhcb = dhc.p + (size_t)b * H;
      for (int j = 0; j < H; ++j) dzb[j] *= dhin[j] + dhcb[j];
    }
    bp.finish_step(t, dhc.p);
  }
}

}  // namespace RNN_ISA_NS
}  // namespace rnn
