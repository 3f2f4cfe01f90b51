// Sequence-level forward / backward (BPTT) of the three recurrent cells, for one
// block of batch rows on one thread (the runner, ../runner.cc, splits a call
// into blocks and threads).  Compiled once per ISA path (simd.h).
//
// Shapes (JS side, row-major):  x [B,T,D], W [D,G*H], U [H,G*H], h / dh [B,T,H]
// (processing order), dx [B,T,D] (input order).  See README.md for the math
// and for how each cell organises its GEMMs.
#pragma once
#include "common.h"
#include "simd.h"

namespace rnn {
namespace RNN_ISA_NS {

void lstm_forward(const Dims& d, const Args& a, float* h, float* cache);
void lstm_backward(const Dims& d, const Args& a, const float* cache, const float* dh, float* dx,
                   float* dW, float* dU, float* dBias);
void gru_forward(const Dims& d, const Args& a, float* h, float* cache);
void gru_backward(const Dims& d, const Args& a, const float* cache, const float* dh, float* dx,
                  float* dW, float* dU, float* dBias);
void simple_forward(const Dims& d, const Args& a, float* h, float* cache);
void simple_backward(const Dims& d, const Args& a, const float* cache, const float* dh, float* dx,
                     float* dW, float* dU, float* dBias);

}  // namespace RNN_ISA_NS
}  // namespace rnn
