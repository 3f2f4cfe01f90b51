// Sequence-level forward / backward (BPTT) of the three recurrent cells.
//
// Shapes (JS side, row-major):  x [B,T,D], W [D,G*H], U [H,G*H], h / dh [B,T,H]
// (processing order), dx [B,T,D] (input order).  See README.md for the math.
//
// Work split per call:
//   forward : P = Xm·W for ALL steps (one [T*B,D]x[D,G*H] GEMM), then per step
//             only the recurrent product (h_{t-1}·m_rec)·U with U pre-packed.
//   backward: per step (reverse order) the element-wise gate gradients, then
//             [dh_{t-1} | dx_t] = dGates_t·[U^T | W^T] (pre-packed), and every
//             ~256/B steps dW += Xm^T·dGates, dU += Hm_prev^T·dGates,
//             dBias += colsum(dGates) over that chunk (bptt.h) — GEMMs with
//             K = 256 on data that is still in L2.
#pragma once
#include "common.h"

namespace rnn {

struct Args {
  const float* x;
  const float* W;
  const float* U;
  const float* bias;     // nullable
  const float* inMask;   // nullable, [B,D]
  const float* recMask;  // nullable, [B,H]
};

// Cache length (floats) for kind/dims.
size_t cache_size(int kind, const Dims& d);
// Bias length (floats) for kind/dims.
size_t bias_size(int kind, const Dims& d);

void lstm_forward(const Dims& d, const Args& a, float* h, float* cache);
void lstm_backward(const Dims& d, const Args& a, const float* cache, const float* dh, float* dx,
                   float* dW, float* dU, float* dBias);
void gru_forward(const Dims& d, const Args& a, float* h, float* cache);
void gru_backward(const Dims& d, const Args& a, const float* cache, const float* dh, float* dx,
                  float* dW, float* dU, float* dBias);
void simple_forward(const Dims& d, const Args& a, float* h, float* cache);
void simple_backward(const Dims& d, const Args& a, const float* cache, const float* dh, float* dx,
                     float* dW, float* dU, float* dBias);

}  // namespace rnn
