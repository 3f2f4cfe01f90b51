// Shared machinery of the three backward passes (BPTT).
//
// A cell's backward loop runs t = T-1 .. 0.  At step t it writes
//   dX_t : dL/d(input projection pre-activations)   [B, G*H]
//   dR_t : dL/d(recurrent projection)               [B, G*H]  (== dX_t for LSTM/SimpleRNN)
// into rows handed out by this helper, then calls finish_step(t), which does
//   * dh_{t-1} carry = (dR_t · U^T) · m_rec          [B,H]   (needed by step t-1)
//   * dx[:, tin(t), :] = (dX_t · W^T) · m_in          [B,D]
//     (for LSTM/SimpleRNN both come from ONE GEMM: dG_t · [U^T | W^T], N = H+D)
//   * every CH steps (CH*B ~ 256 rows) the weight gradients of that chunk
//     while it is still in L2:
//       dW += Xm[chunk]^T · dX[chunk]       dU += Hm_prev[chunk]^T · dR[chunk]
//       dBias_in += colsum(dX[chunk])      dBias_rec += colsum(dR[chunk])
//     so dGates never has to be stored for the whole sequence, and the big
//     dG matrix is never re-read from memory for dW / dU / dx.
#pragma once
#include "cells.h"
#include "rows.h"
#include "gemm.h"

namespace rnn {
namespace RNN_ISA_NS {

class Bptt {
 public:
  Bptt(const Dims& d, const Args& a, int G, bool shared, const float* hs, float* dx, float* dW,
       float* dU, float* dBin, float* dBrec);
  float* dX(int t) { return cx_.p + (size_t)(t - c0_) * d_.B * GH_; }
  float* dR(int t) { return shared_ ? dX(t) : cr_.p + (size_t)(t - c0_) * d_.B * GH_; }
  // dhCarry receives (dR_t·U^T)·m_rec (only when t > 0).
  void finish_step(int t, float* dhCarry);

 private:
  void flush();
  const Dims d_;
  const Args a_;
  const int G_, GH_;
  const bool shared_;
  const float* hs_;
  float *dx_, *dW_, *dU_, *dBin_, *dBrec_;
  int CH_;                  // steps per chunk
  int c0_;                  // first step of the current chunk
  bool first_ = true;       // no chunk flushed yet
  PackedB fused_;           // [U^T | W^T] (shared) or U^T
  PackedB wt_;              // W^T (not shared)
  PackedB chunkB_;          // packed dX / dR chunk (B operand of the dW / dU GEMMs)
  Buf cx_, cr_, out_, xt_, hm_;
};

}  // namespace RNN_ISA_NS
}  // namespace rnn
