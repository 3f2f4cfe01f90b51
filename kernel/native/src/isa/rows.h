// Row-layout helpers shared by the three cells (rows.cc), per ISA path.
#pragma once
#include "common.h"
#include "simd.h"

namespace rnn {
namespace RNN_ISA_NS {

// xt[t*B+b, d] = x[b, tin(t), d] * inMask[b, d]   (tin = goBackwards ? T-1-t : t)
void prepare_input(const Dims& d, const float* x, const float* inMask, float* xt);

// dx[b, tin(t), :] = dxt[t*B+b, :] * inMask[b, :]
void scatter_dx(const Dims& d, const float* dxt, const float* inMask, float* dx);

// Per-step GEMM operand [Xm_t | Hm_{t-1}] : xh[b, 0:D] = x[b, tin(t), :] * inMask[b, :],
// xh[b, D:D+H] = hprev[b, :] * recMask[b, :]  (zeros when hprev == nullptr, i.e. t = 0).
void fill_xh(const Dims& d, const Args& a, int t, const float* hprev, float* xh);

// Batch-major output h[b, t, :] = hs[t*B + b, :]
void time_to_batch(int B, int T, int H, const float* hs, float* out);

// out[j] (+)= sum_r M[r*ld + j], r < rows
void col_sums(int rows, int cols, const float* M, int ld, float* out, bool accumulate);

// Masked copy of the previous-state matrix for the recurrent weight gradient:
// out[r, :] = hs[r, :] * recMask[r % B, :] for r < rows (plain copy when no mask).
void mask_rows(int rows, int B, int H, const float* hs, const float* recMask, float* out);

}  // namespace RNN_ISA_NS
}  // namespace rnn
